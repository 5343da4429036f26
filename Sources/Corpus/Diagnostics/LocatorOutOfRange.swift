//! Rule locator-out-of-range: a paragraph, section, footnote or line the cited document does not have.

enum LocatorOutOfRange {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    for item in run.items.joined() {
      guard let paper = item.paper, let locator = item.item.locator,
        case .outOfRange(let what, var suggestions) = item.locator
      else { continue }
      let key = run.index.displayKey(of: paper)
      var fixes: [Fix] = []
      // When the quotation before this citation is found in the paper, point the locator there.
      if let match = quotedMatch(for: item, in: run),
        let target = run.index.citableLocator(of: match.passage, in: match.paper)
      {
        suggestions.removeAll { $0 == target }
        suggestions.insert(target, at: 0)
        fixes.append(
          Fix(
            title: "Change the locator to \(target), where the quotation is",
            edits: [run.noteEdit(locator.range, target)], isPreferred: true))
      }
      // Else the nearest locators the paper has (its last paragraph for ¶99), to pick from.
      for suggestion in suggestions where !fixes.contains(where: { $0.edits.first?.newText == suggestion }) {
        fixes.append(
          Fix(title: "Change the locator to \(suggestion)", edits: [run.noteEdit(locator.range, suggestion)]))
      }
      findings.append(
        Finding(
          rule: .locatorOutOfRange, file: run.notePath, range: locator.range,
          message: "'\(run.text(locator.range))' is not in \(key): \(what).", suggestions: suggestions,
          fixes: fixes))
    }
    return findings
  }

  /// The match of the quotation tied to the item's citation, inside the item's paper.
  static func quotedMatch(for item: ResolvedItem, in run: CheckRun<some CorpusLookup>) -> QuoteMatch? {
    guard let paper = item.paper,
      let quoteIndex = run.note.quotations.firstIndex(where: { $0.citation == item.citation })
    else { return nil }
    switch run.quoteOutcomes[quoteIndex] {
    case .confirmed(let match) where match.paper == paper: return match
    case .elsewhereInPaper(let match, _) where match.paper == paper: return match
    default: return nil
    }
  }
}
