//! Shared plain data of the editor features: file ranges, note elements resolved to papers and entities.
import Foundation

/// A range in a workspace file (corpus file, note, lexicon), as features return it.
public struct FileRange: Sendable, Hashable {
  /// Workspace-relative path with `/` separators.
  public var file: String
  /// UTF-8 range in the file's text (the raw decoded text for a corpus file).
  public var range: TextRange

  public init(file: String, range: TextRange) {
    self.file = file
    self.range = range
  }
}

/// A note as features see it: its workspace path and parsed syntax.
public struct NoteFile: Sendable {
  public var file: String
  public var syntax: NoteSyntax

  public init(file: String, syntax: NoteSyntax) {
    self.file = file
    self.syntax = syntax
  }

  public init(file: String, text: String) {
    self.init(file: file, syntax: NoteParser.parse(text))
  }
}

/// What a note cursor designates once resolved against the index.
public enum FeatureTarget: Sendable, Hashable {
  /// A paper cited by a citation item; `item` locates the key in the note.
  case citation(paper: Int, citation: Int, item: Int)
  /// An entity named by a link (`[[…]]`) or an implicit mention; `range` is the name in the note.
  case entity(Int, range: TextRange)
}

enum FeatureSupport {
  /// The element under the cursor resolved to a paper or an entity (links, citations, then implicit mentions).
  static func target(in note: NoteSyntax, at offset: TextSize, index: CorpusIndex) -> FeatureTarget? {
    switch note.element(at: offset) {
    case .citationKey(let citation, let item), .locator(let citation, let item):
      guard let found = note.citations[citation].items[checked: item], let paper = index.paper(forKey: found.key)
      else { return nil }
      return .citation(paper: paper, citation: citation, item: item)
    case .citation(let citation):
      let items = note.citations[citation].items
      guard let first = items.firstIndex(where: { index.paper(forKey: $0.key) != nil }),
        let paper = index.paper(forKey: items[first].key)
      else { return nil }
      return .citation(paper: paper, citation: citation, item: first)
    case .entityLink(let link):
      let found = note.entityLinks[link]
      guard let entity = index.entity(forAlias: found.target) else { return nil }
      return .entity(entity, range: found.range)
    case .quotation(let quotation):
      let citation = note.quotations[quotation].citation
      guard let items = note.citations[checked: citation]?.items,
        let first = items.firstIndex(where: { index.paper(forKey: $0.key) != nil }),
        let paper = index.paper(forKey: items[first].key)
      else { return nil }
      return .citation(paper: paper, citation: citation, item: first)
    case nil:
      guard !note.isIgnored(offset) else { return nil }
      for mention in implicitMentions(in: note, index: index)
      where TextRange(mention.start, mention.end).contains(inclusive: offset) {
        return .entity(mention.entity, range: TextRange(mention.start, mention.end))
      }
      return nil
    }
  }

  /// Entity names in the note's prose (not in code, comments, citations or links), with the corpus's rules.
  static func implicitMentions(in note: NoteSyntax, index: CorpusIndex) -> [ScannedMention] {
    let excluded = (note.ignoredRanges + note.citations.map(\.range) + note.entityLinks.map(\.range))
      .sorted { $0.start < $1.start }
    // The furthest end among the first k + 1 excluded ranges: a mention meets one of those that start before it
    // ends exactly when that furthest end lies past its start (one binary search a mention, not a walk of the
    // list: a note of 60,000 citations on one line has as many mentions).
    var reach: [Int] = []
    reach.reserveCapacity(excluded.count)
    for range in excluded { reach.append(max(reach.last ?? 0, range.end.utf8Offset)) }
    return index.scanMentions(in: note.text).filter { mention in
      var low = 0
      var high = excluded.count
      while low < high {
        let mid = (low + high) / 2
        if excluded[mid].start.utf8Offset < mention.end { low = mid + 1 } else { high = mid }
      }
      return low == 0 || reach[low - 1] <= mention.start
    }
  }

  /// The passage a locator names first, with the whole raw range it covers in the paper.
  /// Where the quotation before a citation comes from, for go-to-citation, hover and links: where it occurs, or, when
  /// it occurs nowhere, its closest passage if that is in the cited paper, where the locator points (when it points
  /// anywhere), and close enough to be the passage meant. A look-alike elsewhere (another paper's footnote sharing a
  /// few words) is not where the analyst's citation goes: the locator is.
  static func quotationSource(index: CorpusIndex, note: NoteSyntax, citation: Int, item: CitationItem, paper: Int)
    -> QuoteMatch?
  {
    guard let quotation = note.quotations.first(where: { $0.citation == citation }) else { return nil }
    let result = index.findQuote(quotation.fragments.map(\.text), preferredPaper: paper)
    if let exact = result.matches.first { return exact }
    guard let closest = result.closest, closest.paper == paper,
      closest.similarity >= QuoteNotInSource.replacementThreshold
    else { return nil }
    if let locator = item.locator, let (passages, _) = locatedRange(locator, in: index.papers[paper]),
      !passages.contains(closest.passage)
    {
      return nil
    }
    return closest
  }

  static func locatedRange(_ locator: Locator, in paper: Paper) -> (passages: [PassageID], raw: TextRange)? {
    let resolution = LocatorResolution.resolve(locator, in: paper)
    switch resolution {
    case .lines(let first, let last, let passages):
      let lines = paper.rawLines
      let start = lines.lineStart(first - 1)
      let end = lines.lineEnd(last - 1)
      return (passages, TextRange(start: start, end: max(start, end)))
    case .passages(let ids):
      if case .section(let parts) = locator.kind, let section = LocatorResolution.findSection(parts, in: paper) {
        let heading = paper.sections[section].headingRange
        let end = ids.last.flatMap { paper.passage($0)?.rawRange.end } ?? heading.end
        return (ids, TextRange(start: heading.start, end: max(heading.end, end)))
      }
      let ranges = ids.compactMap { paper.passage($0)?.rawRange }
      guard let first = ranges.first, let last = ranges.last else { return nil }
      return (ids, TextRange(start: first.start, end: max(first.start, last.end)))
    default:
      return nil
    }
  }

  /// `text` cut to about `limit` characters, on a character boundary, with an ellipsis when cut.
  static func preview(_ text: String, limit: Int) -> String {
    // Only the head is looked at: paragraphs can be long and this runs for every completion item.
    let head = text.prefix(limit + 1)
    let flat = String(head.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    guard head.count > limit else { return flat }
    return String(flat.prefix(limit)) + "…"
  }

  /// The section path (`二（一）`) and title of a section.
  static func sectionLabel(_ section: Int, in paper: Paper) -> String {
    let path = LocatorResolution.path(of: section, in: paper).joined()
    return "§\(path) \(paper.sections[section].title)".trimmingCharacters(in: .whitespaces)
  }

  /// `常思纯 · 《日本研究》 · 2023`.
  static func byline(_ metadata: PaperMetadata) -> String {
    var parts: [String] = []
    if !metadata.authors.isEmpty { parts.append(metadata.authors.joined(separator: ", ")) }
    if let venue = metadata.venue, !venue.isEmpty { parts.append("*\(venue)*") }
    if let year = metadata.year { parts.append(String(year)) }
    return parts.joined(separator: " · ")
  }

  static func title(of paper: Paper) -> String {
    paper.metadata.title.isEmpty ? paper.stem : paper.metadata.title
  }

  /// The first characters of a title, for inlay hints and completion details.
  static func shortTitle(of paper: Paper, limit: Int = 16) -> String { preview(title(of: paper), limit: limit) }

  /// The passage at a raw offset of a paper: the one whose text came from there. A footnote block printed inside a
  /// paragraph (at a page break) lies within the paragraph's raw extent, and a footnote continued over a page spans
  /// the body printed between its parts; the passages' raw pieces tell them apart. An offset on text no passage
  /// kept (white space between pieces, page debris) goes to the first passage whose extent holds it.
  static func passage(atRaw offset: TextSize, in paper: Paper) -> PassageID? {
    var candidates: [PassageID] = []
    var low = 0
    var high = paper.paragraphs.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = paper.paragraphs[mid].passage.rawRange
      if offset < range.start { high = mid - 1 } else if offset > range.end { low = mid + 1 } else {
        candidates.append(.paragraph(paper.paragraphs[mid].number))
        break
      }
    }
    for footnote in paper.footnotes where footnote.passage.rawRange.contains(inclusive: offset) {
      candidates.append(.footnote(footnote.number))
    }
    for (index, section) in paper.sections.enumerated()
    where section.heading?.rawRange.contains(inclusive: offset) ?? false {
      candidates.append(.heading(index))
    }
    for id in [PassageID.title, .abstract, .keywords, .authorNote, .englishTitle, .englishAbstract]
    where paper.passage(id)?.rawRange.contains(inclusive: offset) ?? false {
      candidates.append(id)
    }
    if candidates.count > 1,
      let holding = candidates.first(where: { id in
        guard let passage = paper.passage(id) else { return false }
        return passage.rawPieces(of: TextRange(start: .zero, end: passage.text.utf8Size)).contains {
          $0.contains(inclusive: offset)
        }
      })
    {
      return holding
    }
    return candidates.first
  }

  /// How a passage is named to the analyst: `¶12`, `fn. 3`, `§二` (a heading), `abstract`, `title`.
  static func label(_ passage: PassageID, in paper: Paper) -> String {
    paper.locatorLabel(for: passage)
  }

  /// A citation ready to paste: `[@key, ¶12]`, `[@key, §二]` for a heading, or `[@key]` for the abstract, title,
  /// keywords and author note (no locator names them).
  static func citation(key: String, passage: PassageID, in paper: Paper) -> String {
    paper.citableLocator(for: passage).map { "[@\(key), \($0)]" } ?? "[@\(key)]"
  }

  /// Passages a citation item covers in its paper (none without a locator or when it points nowhere).
  static func citedPassages(_ item: CitationItem, paper: Paper) -> [PassageID] {
    guard let locator = item.locator else { return [] }
    return LocatorResolution.resolve(locator, in: paper).coveredPassages
  }
}

extension Array {
  subscript(checked index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
