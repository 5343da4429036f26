//! Hover in notes: a citation shows its paper and the cited passage or quote; an entity shows its card.
import Foundation

/// What a hover shows: Markdown (plain headings, bold, blockquotes, lists; no HTML) over a note range.
public struct HoverInfo: Sendable, Hashable {
  public var range: TextRange
  public var markdown: String

  public init(range: TextRange, markdown: String) {
    self.range = range
    self.markdown = markdown
  }
}

/// A source quote ready to paste: an exact passage excerpt and the citation that locates it.
public struct SourceQuote: Sendable, Hashable {
  public var paper: Int
  public var passage: PassageID
  public var text: String
  /// `[@常思纯2023, ¶12]`.
  public var citation: String
}

public enum Hover {
  public static func find(index: CorpusIndex, note: NoteSyntax, at offset: TextSize) -> HoverInfo? {
    guard let target = FeatureSupport.target(in: note, at: offset, index: index) else { return nil }
    switch target {
    case .citation(let paper, let citation, let item):
      guard let found = note.citations[checked: citation]?.items[checked: item] else { return nil }
      var markdown = paperCard(index: index, paper: paper, brief: true)
      if let cited = citedText(index: index, note: note, citation: citation, item: found, paper: paper) {
        markdown += "\n\n---\n\n" + cited
      }
      let range = note.element(at: offset).flatMap { element -> TextRange? in
        if case .quotation(let quotation) = element { return note.quotations[quotation].range }
        return nil
      } ?? found.range
      return HoverInfo(range: range, markdown: markdown)
    case .entity(let entity, let range):
      return HoverInfo(range: range, markdown: entityCard(index: index, entity: entity))
    }
  }

  /// The cited passage: the quote found in its context when a quotation precedes the citation, else the
  /// located paragraph, footnote, section start or lines.
  static func citedText(index: CorpusIndex, note: NoteSyntax, citation: Int, item: CitationItem, paper: Int) -> String? {
    let document = index.papers[paper]
    let key = index.key(of: paper)
    if let match = FeatureSupport.quotationSource(index: index, note: note, citation: citation, item: item, paper: paper),
      let text = index.text(of: match.paper, passage: match.passage)
    {
      let matched = index.papers[match.paper]
      let label = FeatureSupport.label(match.passage, in: matched)
      let heading = match.exact ? "Quoted from" : "Closest passage (not an exact match) in"
      let source =
        match.paper == paper
        ? label : FeatureSupport.citation(key: index.key(of: match.paper), passage: match.passage, in: matched)
      return "**\(heading) \(source)**\n\n" + quoteInContext(text, match.range)
    }
    guard let locator = item.locator else { return nil }
    if case .page = locator.kind {
      return "*\(note.text.slice(locator.range)): pages are not checked (the corpus files keep no page numbers); a ¶ "
        + "locator points at a paragraph*"
    }
    guard let (passages, raw) = FeatureSupport.locatedRange(locator, in: document) else {
      return "*\(note.text.slice(locator.range)) points nowhere in [@\(key)]*"
    }
    var heading = note.text.slice(locator.range)
    if case .section(let parts) = locator.kind, let section = LocatorResolution.findSection(parts, in: document) {
      heading = FeatureSupport.sectionLabel(section, in: document)
    }
    if case .lines = locator.kind {
      return "**\(heading)**\n\n" + blockquote(joiningLines(document.rawText.slice(raw)), limit: 600)
    }
    // A section shows its first paragraph (its heading is already the label).
    let body = passages.filter { if case .heading = $0 { false } else { true } }
    guard let first = body.first ?? passages.first, let text = index.text(of: paper, passage: first) else {
      return "**\(heading)**"
    }
    var result = "**\(heading)**"
    if body.count > 1 { result += " (\(FeatureSupport.label(first, in: document)) of \(body.count) passages)" }
    return result + "\n\n" + blockquote(text, limit: 600)
  }

  /// The passage with the matched range in bold and some context either side.
  static func quoteInContext(_ text: String, _ range: TextRange, context: Int = 120) -> String {
    let bytes = Array(text.utf8)
    let start = min(max(0, range.start.utf8Offset), bytes.count)
    let end = min(max(start, range.end.utf8Offset), bytes.count)
    var left = max(0, start - context)
    while left > 0, left < bytes.count, bytes[left] & 0xC0 == 0x80 { left -= 1 }
    var right = min(bytes.count, end + context)
    while right < bytes.count, bytes[right] & 0xC0 == 0x80 { right += 1 }
    let before = String(decoding: bytes[left..<start], as: UTF8.self)
    let quoted = String(decoding: bytes[start..<end], as: UTF8.self)
    let after = String(decoding: bytes[end..<right], as: UTF8.self)
    let line = (left > 0 ? "…" : "") + escape(before) + "**" + escape(quoted) + "**" + escape(after)
      + (right < bytes.count ? "…" : "")
    return "> " + line
  }

  // MARK: - Cards

  /// Title, authors, venue, year, key and file; the abstract too unless `brief`.
  public static func paperCard(index: CorpusIndex, paper: Int, brief: Bool = false) -> String {
    guard index.papers.indices.contains(paper) else { return "" }
    let document = index.papers[paper]
    let metadata = document.metadata
    var lines = ["### \(escape(FeatureSupport.title(of: document)))"]
    let byline = FeatureSupport.byline(metadata)
    if !byline.isEmpty { lines.append(byline) }
    let keys = index.keys(of: paper).map { "`@\($0)`" }.joined(separator: ", ")
    lines.append("\(keys) · `\(document.file)` · \(document.paragraphs.count) paragraphs, \(document.footnotes.count) footnotes")
    if !brief {
      if !metadata.keywords.isEmpty { lines.append("**Keywords:** " + metadata.keywords.joined(separator: ", ")) }
      if let abstract = metadata.abstract, !abstract.isEmpty { lines.append(blockquote(abstract, limit: 500)) }
    }
    return lines.joined(separator: "\n\n")
  }

  /// Kind, names, definition, mentions per document and the best source quotes with their citations.
  public static func entityCard(index: CorpusIndex, entity: Int) -> String {
    guard index.entities.indices.contains(entity) else { return "" }
    let value = index.entities[entity]
    var title = "### \(escape(value.name))"
    if let english = value.english, english != value.name { title += " (\(escape(english)))" }
    var lines = [title, "*\(value.kind.rawValue)* · \(value.source.rawValue) · id `\(value.id)`"]
    let others = value.aliases.filter { $0 != value.name && $0 != value.english }
    if !others.isEmpty { lines.append("**Also:** " + others.prefix(12).map(escape).joined(separator: ", ")) }
    if !value.members.isEmpty {
      let names = value.members.map { id in index.entity(withId: id).map { index.entities[$0].name } ?? id }
      lines.append("**Members:** " + names.joined(separator: ", "))
    }
    if let definition = value.definition, !definition.isEmpty { lines.append(escape(definition)) }
    let counts = index.mentionCountsByPaper(of: entity).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
    let total = counts.reduce(0) { $0 + $1.value }
    if counts.isEmpty {
      lines.append("No mention in the corpus.")
    } else {
      var block = ["**\(total) mention\(total == 1 ? "" : "s") in \(counts.count) document\(counts.count == 1 ? "" : "s")**", ""]
      for (paper, count) in counts.prefix(10) {
        block.append("- `@\(index.key(of: paper))` \(escape(FeatureSupport.shortTitle(of: index.papers[paper], limit: 24))): \(count)")
      }
      if counts.count > 10 { block.append("- … \(counts.count - 10) more") }
      lines.append(block.joined(separator: "\n"))
    }
    let quotes = sourceQuotes(index: index, entity: entity)
    if !quotes.isEmpty {
      lines.append("**Sources**")
      for quote in quotes { lines.append("> \(escape(quote.text))\n\n`\(quote.citation)`") }
    }
    return lines.joined(separator: "\n\n")
  }

  /// Up to `count` quotes naming the entity: body paragraphs first, one per paper before a second from any.
  public static func sourceQuotes(index: CorpusIndex, entity: Int, count: Int = 3) -> [SourceQuote] {
    var chosen: [(paper: Int, passage: PassageID, range: TextRange)] = []
    var spare: [(paper: Int, passage: PassageID, range: TextRange)] = []
    var papers = Set<Int>()
    var passages = Set<String>()
    var footnotes: [(paper: Int, passage: PassageID, range: TextRange)] = []
    index.forEachMentionRecord(of: entity, limit: 20_000) { paper, passage, range in
      guard case .paragraph = passage else {
        if footnotes.count < count { footnotes.append((paper, passage, range)) }
        return true
      }
      let passageKey = "\(paper)/\(passage.locatorText)"
      guard passages.insert(passageKey).inserted else { return true }
      if papers.insert(paper).inserted { chosen.append((paper, passage, range)) } else if spare.count < count {
        spare.append((paper, passage, range))
      }
      return chosen.count < count
    }
    let picked = (chosen + spare + footnotes).prefix(count)
    return picked.compactMap { paper, passage, range in
      guard let text = index.text(of: paper, passage: passage) else { return nil }
      let excerpt = sentenceExcerpt(text, around: range, skipping: index.papers[paper].footnoteMarks(in: passage))
      return SourceQuote(
        paper: paper, passage: passage, text: excerpt,
        citation: "“\(excerpt)”"
          + FeatureSupport.citation(key: index.key(of: paper), passage: passage, in: index.papers[paper]))
    }
  }

  /// The sentence around a range, cut to about 100 characters around it.
  static func sentenceExcerpt(_ text: String, around range: TextRange, skipping marks: [TextRange] = []) -> String {
    let sentences = Sentences.ranges(in: text)
    let sentence = sentences.first { $0.contains(range.start) } ?? TextRange(start: .zero, end: text.utf8Size)
    let bytes = Array(text.utf8)
    let window = QuoteWindow.window(around: range, in: sentence, maxBytes: 240, bytes: bytes)
    let lower = min(max(0, window.start.utf8Offset), bytes.count)
    let upper = min(max(lower, window.end.utf8Offset), bytes.count)
    // Footnote marks are not part of the quotable text.
    var kept: [UInt8] = []
    var offset = lower
    for mark in marks.sorted(by: { $0.start < $1.start }) where mark.end.utf8Offset > offset && mark.start.utf8Offset < upper {
      kept += bytes[offset..<max(offset, mark.start.utf8Offset)]
      offset = min(upper, mark.end.utf8Offset)
    }
    kept += bytes[offset..<upper]
    return String(decoding: kept, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Raw lines read as one text: joined without a space between wide characters (从海陆两方⏎面来看 → 从海陆两方面来看),
  /// with one between Latin words.
  static func joiningLines(_ raw: String) -> String {
    var result = ""
    for line in raw.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      let piece = line.trimmingCharacters(in: .whitespaces)
      guard !piece.isEmpty else { continue }
      if let last = result.unicodeScalars.last, let first = piece.unicodeScalars.first,
        !(CharClass.isWide(last.value) || CharClass.isWide(first.value))
      {
        result += " "
      }
      result += piece
    }
    return result
  }

  /// A Markdown blockquote of `text`, cut to `limit` characters.
  public static func blockquote(_ text: String, limit: Int) -> String {
    "> " + escape(FeatureSupport.preview(text, limit: limit))
  }

  /// Markdown punctuation that would change how a sentence renders, escaped; `<` too (no HTML).
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "*", "_", "`", "<", ">", "[", "]", "#", "|", "\\": result.append("\\"); result.append(character)
      default: result.append(character)
      }
    }
    return result
  }
}

extension CorpusIndex {
  /// Mention counts of an entity per paper, by binary search of each paper's slice of the entity's sorted global
  /// record numbers: O(papers × log mentions) instead of one lookup per mention (日本 has ~10⁵ at 100 MB).
  func mentionCountsByPaper(of entity: Int) -> [Int: Int] {
    guard entity >= 0, entity + 1 < storage.entityStarts.count else { return [:] }
    let lower = storage.entityStarts[entity]
    let upper = storage.entityStarts[entity + 1]
    guard lower < upper else { return [:] }
    let list = storage.byEntity
    /// First position in `lower..<upper` whose record number is at least `value`.
    func firstAtLeast(_ value: Int, from start: Int) -> Int {
      var low = start
      var high = upper
      while low < high {
        let mid = (low + high) / 2
        if Int(list[mid]) < value { low = mid + 1 } else { high = mid }
      }
      return low
    }
    var counts: [Int: Int] = [:]
    var position = lower
    while position < upper {
      let (paper, _) = storage.record(Int(list[position]))
      let end = firstAtLeast(storage.paperStarts[paper + 1], from: position)
      counts[paper] = end - position
      position = max(end, position + 1)
    }
    return counts
  }

  /// Walks an entity's mentions in paper order without building `Mention` values; `body` returns false to stop.
  func forEachMentionRecord(
    of entity: Int, limit: Int = .max, _ body: (_ paper: Int, _ passage: PassageID, _ range: TextRange) -> Bool
  ) {
    guard entity >= 0, entity + 1 < storage.entityStarts.count else { return }
    var seen = 0
    for recordIndex in storage.byEntity[storage.entityStarts[entity]..<storage.entityStarts[entity + 1]] {
      let (paper, record) = storage.record(Int(recordIndex))
      seen += 1
      if seen > limit { return }
      let keepGoing = body(
        paper, MentionRecord.decode(record.passage), TextRange(Int(record.start), Int(record.end)))
      if !keepGoing { return }
    }
  }
}
