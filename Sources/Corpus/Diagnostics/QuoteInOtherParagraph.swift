//! Rule quote-in-other-paragraph: a quotation the cited document contains, but not where the locator points.

enum QuoteInOtherParagraph {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    for outcome in run.quoteOutcomes {
      guard case .elsewhereInPaper(let match, let item) = outcome, let locator = item.item.locator else { continue }
      let target = run.index.citableLocator(of: match.passage, in: match.paper)
      let title =
        target.map { "Change the locator to \($0)" }
        ?? "Remove the locator (the quotation is in the \(match.passage.name))"
      findings.append(
        Finding(
          rule: .quoteInOtherParagraph, file: run.notePath, range: locator.range,
          message: "The quotation is in \(run.describe(match)), not at '\(run.text(locator.range))'.",
          suggestions: target.map { [$0] } ?? [],
          related: run.relatedLocation(of: match, message: "the quotation").map { [$0] } ?? [],
          fixes: run.locatorEdit(for: item.item, in: match.paper, to: match.passage).map {
            [Fix(title: title, edits: [$0], isPreferred: true)]
          }
            ?? []))
    }
    return findings
  }
}
