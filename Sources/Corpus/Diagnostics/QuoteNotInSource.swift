//! Rule quote-not-in-source: a quotation the cited document does not contain (with the closest passage).

enum QuoteNotInSource {
  /// Below this similarity the closest passage is neither mentioned nor offered as a replacement.
  static let replacementThreshold = 0.5

  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    for (quotation, outcome) in zip(run.note.quotations, run.quoteOutcomes) {
      guard case .notFound(let closest) = outcome else { continue }
      let citedPapers = run.items(of: quotation.citation).compactMap(\.paper)
      let cited = citedPapers.map { run.index.displayKey(of: $0) }.joined(separator: " or ")
      let diagnosis =
        quotation.fragments.count > 1
        ? ElidedQuoteDiagnosis.diagnose(
          quotation, citedPapers: citedPapers, closest: closest, index: run.index, threshold: replacementThreshold)
        : .none
      switch diagnosis {
      case .repair(let repair):
        if let finding = repairFinding(repair, quotation: quotation, cited: cited, run: run) {
          findings.append(finding)
          continue
        }
      case .scattered(let paper, let passages):
        let key = run.index.displayKey(of: paper)
        var distinct: [PassageID] = []
        for passage in passages where !distinct.contains(passage) { distinct.append(passage) }
        let places = (distinct.count == 1 ? "all in " : "in ") + "\(list(distinct.map(name))) of \(key)"
        findings.append(
          Finding(
            rule: .quoteNotInSource, file: run.notePath, range: quotation.textRange,
            message:
              "This quotation is not in \(cited): its \(quotation.fragments.count) parts are \(places), "
              + "but not in this order in one passage"))
        continue
      case .none:
        break
      }
      var message = "This quotation is not in \(cited)"
      if quotation.fragments.count > 1 {
        message += " (its \(quotation.fragments.count) parts must occur in order in one paragraph)"
      }
      var related: [RelatedLocation] = []
      var fixes: [Fix] = []
      var suggestions: [String] = []
      // The words may be in the file all the same, in text the reader set aside (the English abstracts printed
      // after the paper): said beside the closest passage, or instead of "nothing comes close".
      let setAside = run.index.setAsidePlaces(
        of: quotation.fragments.map(\.text), inPapers: Array(Set(citedPapers)).sorted()
      ).first
      // A passage below the threshold is noise (often another paper's, matching a few common words).
      if let closest, closest.similarity >= replacementThreshold,
        let source = run.sourceText(of: closest, style: quotation.style)
      {
        let percent = Int(closest.similarity * 100 + 0.5)
        message += ". Closest passage: \(run.describe(closest)) (\(percent)% similar): “\(excerpt(source))”"
        if let location = run.relatedLocation(of: closest, message: "closest passage, \(percent)% similar") {
          related.append(location)
        }
        if let setAside {
          message += ". Its words stand as they are in " + describe(setAside, run: run)
        }
        suggestions.append(source)
        fixes.append(
          Fix(
            title: "Replace the quotation with the source text of \(run.describe(closest))",
            edits: [run.noteEdit(quotation.textRange, source)]
              + citationEdits(pointingTo: closest, quotation: quotation, run: run),
            isPreferred: true))
      } else if let setAside {
        message += ": its words are in " + describe(setAside, run: run)
      } else {
        message += ", and no passage of the corpus comes close."
      }
      if let setAside, let record = run.index.paperRecord(setAside.paper) {
        related.append(
          RelatedLocation(file: record.file, range: setAside.place.rawRange, message: setAside.place.description))
      }
      findings.append(
        Finding(
          rule: .quoteNotInSource, file: run.notePath, range: quotation.textRange, message: message,
          suggestions: suggestions, related: related, fixes: fixes))
    }
    return findings
  }

  /// `the English abstracts printed after the paper (王五2023, line 14), which corpus-lsp does not count as the
  /// paper's text`.
  private static func describe(
    _ setAside: (paper: Int, place: SetAsidePlace), run: CheckRun<some CorpusLookup>
  ) -> String {
    let line = run.index.paperRecord(setAside.paper).map { $0.rawLine(containing: setAside.place.rawRange.start) + 1 }
    return "\(setAside.place.description) (\(run.index.displayKey(of: setAside.paper))"
      + (line.map { ", line \($0)" } ?? "") + "), \(SetAsidePlace.notCounted)"
  }

  /// The finding for an elided quotation whose wrong fragments can be replaced one by one. Its suggestion is the
  /// whole quotation repaired; its fix edits only the wrong fragments, so the others and the elisions stay.
  private static func repairFinding(
    _ repair: ElidedQuoteRepair, quotation: Quotation, cited: String, run: CheckRun<some CorpusLookup>
  ) -> Finding? {
    let match = repair.match
    var sources: [Int: String] = [:]
    for i in repair.mismatched where quotation.fragments.indices.contains(i) {
      var part = match
      part.range = repair.parts[i].range
      guard let source = run.sourceText(of: part, style: quotation.style) else { return nil }
      sources[i] = source
    }
    let numbers = repair.mismatched.map { $0 + 1 }
    guard let firstWrong = repair.mismatched.first, let firstSource = sources[firstWrong] else { return nil }
    let percent = Int(match.similarity * 100 + 0.5)
    let which = numbers.count == 1 ? "part \(numbers[0])" : "parts \(list(numbers.map(String.init)))"
    let message =
      "This quotation is not in \(cited): its \(which) (of \(quotation.fragments.count)) "
      + "\(numbers.count == 1 ? "differs" : "differ") from \(run.describe(match)) (\(percent)% similar): "
      + "“\(excerpt(firstSource))”"
    var edits: [FileEdit] = []
    var repaired = ""
    var cursor = quotation.textRange.start
    for i in repair.mismatched {
      guard let source = sources[i] else { continue }
      let range = quotation.fragments[i].range
      repaired += run.text(TextRange(start: cursor, end: range.start)) + source
      cursor = range.end
      edits.append(run.noteEdit(range, source))
    }
    repaired += run.text(TextRange(start: cursor, end: quotation.textRange.end))
    let related = run.relatedLocation(of: match, message: "closest passage, \(percent)% similar").map { [$0] } ?? []
    return Finding(
      rule: .quoteNotInSource, file: run.notePath, range: quotation.textRange, message: message,
      suggestions: [repaired], related: related,
      fixes: [
        Fix(
          title: "Replace \(which) of the quotation with the source text of \(run.describe(match))",
          edits: edits + citationEdits(pointingTo: match, quotation: quotation, run: run), isPreferred: true)
      ])
  }

  /// The edits that make the citation point at `match`: its key when the match is in another document, and its
  /// locator when that does not already cover the match's passage.
  private static func citationEdits(
    pointingTo match: QuoteMatch, quotation: Quotation, run: CheckRun<some CorpusLookup>
  ) -> [FileEdit] {
    let items = run.items(of: quotation.citation)
    if !items.contains(where: { $0.paper == match.paper }), let item = items.first(where: { $0.paper != nil }) {
      // The match is in another document: cite that one, at that passage.
      let keyEdit = run.noteEdit(item.item.keyRange, run.index.displayKey(of: match.paper))
      return [keyEdit] + (run.locatorEdit(for: item.item, in: match.paper, to: match.passage).map { [$0] } ?? [])
    }
    return locatorEdit(pointingTo: match, quotation: quotation, run: run).map { [$0] } ?? []
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

  /// `the abstract`, `¶7`, `fn. 3`.
  private static func name(_ passage: PassageID) -> String {
    switch passage {
    case .abstract: return "the abstract"
    case .title: return "the title"
    case .englishAbstract: return "the English abstract"
    case .englishTitle: return "the English title"
    default: return passage.citableLocatorText ?? "?"
    }
  }

  /// `a`, `a and b`, `a, b and c`.
  private static func list(_ items: [String]) -> String {
    guard let last = items.last else { return "" }
    return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
  }
}
