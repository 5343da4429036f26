//! Runs every rule over one note: the single entry point shared by the editor and `corpus-lsp check`.

/// What the checker needs besides the note and the corpus.
public struct CheckContext: Sendable, Hashable {
  /// Workspace-relative path of the note (`notes/东盟.md`); findings and note edits name it.
  public var notePath: String
  /// Workspace-relative path of the workspace lexicon, the target of "add to lexicon" fixes.
  public var lexiconPath: String
  /// The lexicon's current text, nil when the file does not exist (the fix then creates it).
  public var lexiconText: String?

  public init(notePath: String, lexiconPath: String = "lexicon.json", lexiconText: String? = nil) {
    self.notePath = notePath
    self.lexiconPath = lexiconPath
    self.lexiconText = lexiconText
  }
}

/// Checks notes against the corpus. Pure: the same note text, index and context give the same findings,
/// so callers may cache per note by (text, index generation, lexicon text).
public enum Checker {
  /// Parses and checks one note.
  public static func check(text: String, index: some CorpusLookup, context: CheckContext) -> [Finding] {
    check(note: NoteParser.parse(text), index: index, context: context)
  }

  /// Checks a parsed note. Findings come sorted by position, then rule.
  public static func check(note: NoteSyntax, index: some CorpusLookup, context: CheckContext) -> [Finding] {
    let run = CheckRun(note: note, index: index, context: context)
    var findings: [Finding] = []
    findings += SyntaxProblems.findings(run)
    findings += UnknownCitationKey.findings(run)
    findings += CitationWithoutAt.findings(run)
    findings += InvalidLocator.findings(run)
    findings += LocatorOutOfRange.findings(run)
    findings += QuoteNotInSource.findings(run)
    findings += QuoteInOtherDocument.findings(run)
    findings += QuoteInOtherParagraph.findings(run)
    findings += UnknownEntityLink.findings(run)
    findings += EntityNotInCitedPassage.findings(run)
    return findings.sorted {
      ($0.range.start, $0.range.end, $0.rule.rawValue) < ($1.range.start, $1.range.end, $1.rule.rawValue)
    }
  }
}

/// One citation item resolved against the corpus.
struct ResolvedItem {
  var citation: Int
  var item: CitationItem
  var paper: Int?
  var locator: LocatorResolution?
}

/// Where a quotation was found, relative to what it cites.
enum QuoteOutcome {
  /// In a cited paper, where the locator points (or there is no checkable locator).
  case confirmed(QuoteMatch)
  /// In a cited paper, but outside the located passages of `item`.
  case elsewhereInPaper(QuoteMatch, item: ResolvedItem)
  /// Not in any cited paper, but in another one.
  case otherDocument(QuoteMatch)
  /// Nowhere; the closest passage, if any.
  case notFound(closest: QuoteMatch?)
  /// No cited key resolves: the unknown key is the finding.
  case unresolved
}

/// The shared state of one check: the note, the corpus, and each citation and quotation resolved once.
struct CheckRun<Index: CorpusLookup> {
  let note: NoteSyntax
  let index: Index
  let context: CheckContext
  /// Per citation, its items resolved.
  let items: [[ResolvedItem]]
  /// Per quotation (same order as `note.quotations`), where it was found.
  let quoteOutcomes: [QuoteOutcome]

  init(note: NoteSyntax, index: Index, context: CheckContext) {
    self.note = note
    self.index = index
    self.context = context
    let items = note.citations.enumerated().map { citationIndex, citation in
      citation.items.map { item -> ResolvedItem in
        let paper = index.paper(forKey: item.key)
        var locator: LocatorResolution?
        if let paper, let itemLocator = item.locator, let record = index.paperRecord(paper) {
          locator = LocatorResolution.resolve(itemLocator, in: record)
        }
        return ResolvedItem(citation: citationIndex, item: item, paper: paper, locator: locator)
      }
    }
    self.items = items
    quoteOutcomes = note.quotations.map { quotation in
      let cited = items.indices.contains(quotation.citation) ? items[quotation.citation] : []
      return Self.locate(quotation, citedBy: cited, index: index)
    }
  }

  static func locate(_ quotation: Quotation, citedBy items: [ResolvedItem], index: Index) -> QuoteOutcome {
    let resolved = items.filter { $0.paper != nil }
    guard let first = resolved.first?.paper else { return .unresolved }
    let fragments = quotation.fragments.map(\.text)
    let citedPapers = Set(resolved.compactMap(\.paper))
    // Most quotations are where they are cited: search the cited papers first, the whole corpus only when the
    // quotation is not there (a corpus-wide search costs a scan of every passage).
    var inCited = index.findQuote(fragments, inPapers: citedPapers.sorted())
    if inCited.isEmpty {
      let result = index.findQuote(fragments, preferredPaper: first)
      inCited = result.matches.filter { citedPapers.contains($0.paper) }
      if inCited.isEmpty {
        if let elsewhere = result.matches.first { return .otherDocument(elsewhere) }
        var closest = result.closest
        if let located = closestInLocatedPassages(fragments, items: resolved, index: index),
          located.similarity + 0.05 >= closest?.similarity ?? 0
        {
          closest = located
        }
        return .notFound(closest: closest)
      }
    }
    // Matches in the first cited paper come first, as `findQuote(_:preferredPaper:)` orders them.
    inCited = inCited.filter { $0.paper == first } + inCited.filter { $0.paper != first }
    guard let best = inCited.first else { return .notFound(closest: nil) }
    // Every cited item of a matched paper with a checkable locator must cover one of the matches.
    for item in resolved {
      guard let paper = item.paper, let locator = item.locator, locator.isResolved else { continue }
      let matchesHere = inCited.filter { $0.paper == paper }
      guard let firstHere = matchesHere.first else { continue }
      let covered = Set(locator.coveredPassages)
      if !matchesHere.contains(where: { covered.contains($0.passage) }) {
        return .elsewhereInPaper(firstHere, item: item)
      }
    }
    return .confirmed(best)
  }

  /// The closest passage among those the first located item names. The checker prefers it to the closest
  /// anywhere when it is about as close: a misquotation is a near miss of what the analyst cited, and of two
  /// passages as close (a reference repeated with another date), the cited one is meant.
  static func closestInLocatedPassages(_ fragments: [String], items: [ResolvedItem], index: Index) -> QuoteMatch? {
    guard let item = items.first(where: { $0.locator?.isResolved == true }), let paper = item.paper,
      let covered = item.locator?.coveredPassages, !covered.isEmpty
    else { return nil }
    return index.closestQuote(fragments, paper: paper, passages: covered)
  }

  var notePath: String { context.notePath }

  /// The resolved items of a citation (empty for an index the note does not have: never traps).
  func items(of citation: Int) -> [ResolvedItem] { items.indices.contains(citation) ? items[citation] : [] }

  func citation(_ index: Int) -> Citation? {
    note.citations.indices.contains(index) ? note.citations[index] : nil
  }

  /// The related location of a match: its passage in the raw file.
  func relatedLocation(of match: QuoteMatch, message: String) -> RelatedLocation? {
    guard let paper = index.paperRecord(match.paper), let passage = paper.passage(match.passage) else { return nil }
    return RelatedLocation(file: paper.file, range: passage.rawRange(of: match.range), message: message)
  }

  /// The source text a match covers, as a quotation of `style` holds it (`QuotableText`): what a fix writes and a
  /// message shows (no footnote marks, inner quotation marks nested).
  func sourceText(of match: QuoteMatch, style: Quotation.Style = .block) -> String? {
    guard let paper = index.paperRecord(match.paper) else { return nil }
    return QuotableText.text(of: match.range, in: paper, passage: match.passage, style: style)
  }

  /// `常思纯2023 ¶12`, `the heading of 常思纯2023 §二`, `the abstract of 常思纯2023`.
  func describe(_ match: QuoteMatch) -> String {
    let key = index.displayKey(of: match.paper)
    switch match.passage {
    case .paragraph, .footnote: return "\(key) \(match.passage.citableLocatorText ?? "")"
    case .heading: return "the heading of \(key) \(index.citableLocator(of: match.passage, in: match.paper) ?? "")"
    case .abstract, .title, .keywords, .authorNote, .englishAbstract, .englishTitle:
      return "the \(match.passage.name) of \(key)"
    }
  }

  /// The edit pointing an item's locator at a passage of `paper`: replaced by `¶n`/`fn. n`/`§二` (a heading), or
  /// removed (with its comma) for the abstract, title, keywords and author note. Nil when the item has no locator or
  /// its locator already covers the passage in that paper (a section or paragraph range the analyst chose is kept).
  func locatorEdit(for item: CitationItem, in paper: Int, to passage: PassageID) -> FileEdit? {
    guard let locator = item.locator else { return nil }
    if let record = index.paperRecord(paper),
      LocatorResolution.resolve(locator, in: record).coveredPassages.contains(passage)
    {
      return nil
    }
    guard let target = index.citableLocator(of: passage, in: paper) else {
      return noteEdit(TextRange(start: item.keyRange.end, end: locator.range.end), "")
    }
    return text(locator.range) == target ? nil : noteEdit(locator.range, target)
  }

  func noteEdit(_ range: TextRange, _ newText: String) -> FileEdit {
    FileEdit(file: context.notePath, range: range, newText: newText)
  }

  /// The text a range of the note covers.
  func text(_ range: TextRange) -> String { note.text.slice(range) }
}

/// Shortens a passage for a message: at most `limit` characters, with an ellipsis.
func excerpt(_ text: String, limit: Int = 40) -> String {
  text.count <= limit ? text : String(text.prefix(limit)) + "…"
}
