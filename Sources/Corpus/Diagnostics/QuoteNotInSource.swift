//! Rule quote-not-in-source: a quotation the cited document does not contain (with the closest passage).

enum QuoteNotInSource {
  /// Below this similarity the closest passage is not offered as a replacement.
  static let replacementThreshold = 0.5

  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    for (quotation, outcome) in zip(run.note.quotations, run.quoteOutcomes) {
      guard case .notFound(let closest) = outcome else { continue }
      let cited = run.items(of: quotation.citation).compactMap(\.paper).map { run.index.displayKey(of: $0) }
      var message = "This quotation is not in \(cited.joined(separator: " or "))"
      if quotation.fragments.count > 1 {
        message += " (its \(quotation.fragments.count) parts must occur in order in one paragraph)"
      }
      var related: [RelatedLocation] = []
      var fixes: [Fix] = []
      var suggestions: [String] = []
      if let closest, let source = run.sourceText(of: closest) {
        let percent = Int(closest.similarity * 100 + 0.5)
        message += ". Closest passage: \(run.describe(closest)) (\(percent)% similar): “\(excerpt(source))”"
        if let location = run.relatedLocation(of: closest, message: "closest passage, \(percent)% similar") {
          related.append(location)
        }
        suggestions.append(source)
        if closest.similarity >= replacementThreshold {
          var edits = [run.noteEdit(quotation.textRange, source)]
          let items = run.items(of: quotation.citation)
          if !items.contains(where: { $0.paper == closest.paper }), let item = items.first(where: { $0.paper != nil }) {
            // The closest passage is in another document: cite that one, at that passage.
            edits.append(run.noteEdit(item.item.keyRange, run.index.displayKey(of: closest.paper)))
            if let locatorEdit = run.locatorEdit(for: item.item, in: closest.paper, to: closest.passage) { edits.append(locatorEdit) }
          } else if let locatorEdit = locatorEdit(pointingTo: closest, quotation: quotation, run: run) {
            edits.append(locatorEdit)
          }
          fixes.append(
            Fix(
              title: "Replace the quotation with the source text of \(run.describe(closest))", edits: edits,
              isPreferred: true))
        }
      } else {
        message += "."
      }
      findings.append(
        Finding(
          rule: .quoteNotInSource, file: run.notePath, range: quotation.textRange, message: message,
          suggestions: suggestions, related: related, fixes: fixes))
    }
    return findings
  }

  /// An edit moving the citation's locator (if any, and if it cites the match's paper) to the match's passage.
  static func locatorEdit(pointingTo match: QuoteMatch, quotation: Quotation, run: CheckRun<some CorpusLookup>)
    -> FileEdit?
  {
    guard let item = run.items(of: quotation.citation).first(where: { $0.paper == match.paper }),
      let locator = item.item.locator
    else { return nil }
    if case .page = locator.kind { return nil }
    return run.locatorEdit(for: item.item, in: match.paper, to: match.passage)
  }
}
