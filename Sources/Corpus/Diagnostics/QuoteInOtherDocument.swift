//! Rule quote-in-other-document: a quotation found in the corpus, but not in the document cited.

enum QuoteInOtherDocument {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    for (quotation, outcome) in zip(run.note.quotations, run.quoteOutcomes) {
      guard case .otherDocument(let match) = outcome else { continue }
      let cited = run.items(of: quotation.citation).compactMap(\.paper).map { run.index.displayKey(of: $0) }
      let actualKey = run.index.displayKey(of: match.paper)
      let message = "This quotation is not in \(cited.joined(separator: " or ")); it is in \(run.describe(match))."
      var fixes: [Fix] = []
      if let item = run.items(of: quotation.citation).first(where: { $0.paper != nil }) {
        var edits = [run.noteEdit(item.item.keyRange, actualKey)]
        if let locatorEdit = run.locatorEdit(for: item.item, in: match.paper, to: match.passage) { edits.append(locatorEdit) }
        fixes.append(Fix(title: "Cite \(run.describe(match)) instead", edits: edits, isPreferred: true))
      }
      findings.append(
        Finding(
          rule: .quoteInOtherDocument, file: run.notePath, range: quotation.textRange, message: message,
          suggestions: [actualKey],
          related: run.relatedLocation(of: match, message: "the quotation, in \(actualKey)").map { [$0] } ?? [],
          fixes: fixes))
    }
    return findings
  }
}
