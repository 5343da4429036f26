//! Completion in notes: documents after `[@` or `@`, locators after the comma, entities after `[[`.
import Foundation
import Synchronization

/// One completion proposal, protocol-free. `replaceRange` is a UTF-8 range in the note.
public struct CompletionEntry: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case document, section, paragraph, footnote, actor, mechanism, entity
  }

  public var kind: Kind
  public var label: String
  /// One line shown beside the label.
  public var detail: String
  /// Every string the client may filter on (key, title, authors, year; entity aliases and English name).
  public var filterText: String
  /// Order among entries: lexicographic.
  public var sortText: String
  public var newText: String
  public var replaceRange: TextRange
  /// What `Completion.documentation(for:index:)` needs to describe the entry later (stateless resolve).
  public var data: CompletionData

  public init(
    kind: Kind, label: String, detail: String, filterText: String, sortText: String, newText: String,
    replaceRange: TextRange, data: CompletionData
  ) {
    self.kind = kind
    self.label = label
    self.detail = detail
    self.filterText = filterText
    self.sortText = sortText
    self.newText = newText
    self.replaceRange = replaceRange
    self.data = data
  }
}

/// The resolve payload: a few strings, so the client can send it back as JSON.
public enum CompletionData: Sendable, Hashable {
  case document(key: String)
  case passage(key: String, locator: String)
  case section(key: String, path: String)
  case entity(id: String)

  /// `["document", key]`, `["passage", key, "¶3"]`, `["section", key, "二（一）"]`, `["entity", id]`.
  public var strings: [String] {
    switch self {
    case .document(let key): return ["document", key]
    case .passage(let key, let locator): return ["passage", key, locator]
    case .section(let key, let path): return ["section", key, path]
    case .entity(let id): return ["entity", id]
    }
  }

  public init?(strings: [String]) {
    switch (strings.first, strings.count) {
    case ("document", 2): self = .document(key: strings[1])
    case ("passage", 3): self = .passage(key: strings[1], locator: strings[2])
    case ("section", 3): self = .section(key: strings[1], path: strings[2])
    case ("entity", 2): self = .entity(id: strings[1])
    default: return nil
    }
  }
}

public struct CompletionResult: Sendable {
  public var entries: [CompletionEntry]
  /// True when entries were left out (over the cap): the client asks again as the user types.
  public var isIncomplete: Bool

  public init(entries: [CompletionEntry] = [], isIncomplete: Bool = false) {
    self.entries = entries
    self.isIncomplete = isIncomplete
  }
}

public enum Completion {
  /// Entries sent at most; the rest come as the user narrows the prefix.
  public static let defaultLimit = 100

  /// Characters after which a client should ask for completion.
  public static let triggerCharacters = ["@", "[", ",", " "]

  /// What is being completed at the cursor, found from the text of the current line (the parser does not see
  /// half-typed citations).
  enum Context: Equatable {
    case key(prefix: String, range: TextRange)
    case locator(key: String, prefix: String, range: TextRange)
    case entity(prefix: String, range: TextRange, needsClosing: Bool)
  }

  /// Completion in a parsed note: nothing inside code, comments, URLs and other non-prose text.
  public static func complete(
    index: CorpusIndex, note: NoteSyntax, at offset: TextSize, limit: Int = defaultLimit
  ) -> CompletionResult {
    // The cursor sits just after what was typed: look at the byte before it.
    let before = TextSize(max(0, offset.utf8Offset - 1))
    guard !note.ignoredRanges.contains(where: { $0.contains(before) && $0.contains(offset) }) else {
      return CompletionResult()
    }
    return complete(index: index, text: note.text, at: offset, limit: limit)
  }

  public static func complete(
    index: CorpusIndex, text: String, at offset: TextSize, limit: Int = defaultLimit
  ) -> CompletionResult {
    guard let context = context(in: text, at: offset) else { return CompletionResult() }
    switch context {
    case .key(let prefix, let range):
      return documents(index: index, prefix: prefix, range: keyRange(range, typed: prefix, in: text, index: index), limit: limit)
    case .locator(let key, let prefix, let range):
      guard let paper = index.paper(forKey: key) else { return CompletionResult() }
      var result = locators(index: index, paper: paper, key: key, prefix: prefix, range: range, limit: limit)
      // Typed in full-width digits (¶１): the editor filters the items by what was typed, so they carry that form too.
      let typed = text.slice(TextRange(start: range.start, end: offset))
      if typed != prefix {
        for k in result.entries.indices {
          result.entries[k].filterText += " " + fullWidthDigits(result.entries[k].label)
        }
      }
      return result
    case .entity(let prefix, let range, let needsClosing):
      return entities(index: index, prefix: prefix, range: range, closing: needsClosing ? "]]" : "", limit: limit)
    }
  }

  // MARK: - Context

  static func isKeyByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "["),
      UInt8(ascii: "]"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "@"), UInt8(ascii: "{"),
      UInt8(ascii: "}"):
      return false
    default:
      return true
    }
  }

  static func context(in text: String, at offset: TextSize) -> Context? {
    let bytes = Array(text.utf8)
    let cursor = min(max(0, offset.utf8Offset), bytes.count)
    var lineStart = cursor
    while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n"), bytes[lineStart - 1] != UInt8(ascii: "\r") {
      lineStart -= 1
    }
    var lineEnd = cursor
    while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") {
      lineEnd += 1
    }

    // `[[partial` with no `]` or `|` in between.
    var scan = cursor
    while scan - 2 >= lineStart {
      let byte = bytes[scan - 1]
      if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "|") { break }
      if byte == UInt8(ascii: "["), bytes[scan - 2] == UInt8(ascii: "[") {
        var end = cursor
        while end < lineEnd, bytes[end] != UInt8(ascii: "]"), bytes[end] != UInt8(ascii: "|"),
          bytes[end] != UInt8(ascii: "[")
        {
          end += 1
        }
        let needsClosing = !(end < lineEnd && (bytes[end] == UInt8(ascii: "]") || bytes[end] == UInt8(ascii: "|")))
        // Without a closing bracket the rest of the line is prose, not part of the name.
        if needsClosing { end = cursor }
        let prefix = String(decoding: bytes[scan..<cursor], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        return .entity(prefix: prefix, range: TextRange(scan, end), needsClosing: needsClosing)
      }
      scan -= 1
    }

    // `@partial`: key bytes back to an `@` that starts a key.
    var keyStart = cursor
    while keyStart > lineStart, isKeyByte(bytes[keyStart - 1]),
      !(keyStart - 3 >= lineStart && startsFullWidthPunctuation(bytes, at: keyStart - 3))
    {
      keyStart -= 1
    }
    if keyStart > lineStart, bytes[keyStart - 1] == UInt8(ascii: "@") {
      let at = keyStart - 1
      let before = at > lineStart ? bytes[at - 1] : UInt8(ascii: " ")
      // An e-mail address (`a@b.c`) is not a citation.
      let startsKey = !(before < 0x80 && (isASCIIAlphanumeric(before) || before == UInt8(ascii: ".")))
      if startsKey {
        var end = cursor
        while end < lineEnd, isKeyByte(bytes[end]), !startsFullWidthPunctuation(bytes, at: end) { end += 1 }
        return .key(prefix: String(decoding: bytes[keyStart..<cursor], as: UTF8.self), range: TextRange(keyStart, end))
      }
    }

    // `[… @key, partial` inside an unclosed bracket.
    var open = cursor
    while open > lineStart, bytes[open - 1] != UInt8(ascii: "["), bytes[open - 1] != UInt8(ascii: "]") { open -= 1 }
    guard open > lineStart, bytes[open - 1] == UInt8(ascii: "[") else { return nil }
    var segmentStart = cursor
    while segmentStart > open, bytes[segmentStart - 1] != UInt8(ascii: ";") { segmentStart -= 1 }
    let segment = Array(bytes[segmentStart..<cursor])
    guard let atIndex = segment.firstIndex(of: UInt8(ascii: "@")) else { return nil }
    var keyEnd = atIndex + 1
    while keyEnd < segment.count, isKeyByte(segment[keyEnd]), !startsFullWidthPunctuation(segment, at: keyEnd) {
      keyEnd += 1
    }
    // `,` or the full-width `，` a Chinese input method types.
    let comma = keyEnd < segment.count && segment[keyEnd] == UInt8(ascii: ",") ? 1
      : segment[keyEnd...].starts(with: [0xEF, 0xBC, 0x8C]) ? 3 : 0
    guard comma > 0 else { return nil }
    let key = String(decoding: segment[(atIndex + 1)..<keyEnd], as: UTF8.self)
    var valueStart = segmentStart + keyEnd + comma
    while valueStart < cursor, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
    var itemEnd = cursor
    while itemEnd < lineEnd, bytes[itemEnd] != UInt8(ascii: "]"), bytes[itemEnd] != UInt8(ascii: ";") { itemEnd += 1 }
    // The completion replaces the locator being typed, not what follows it: a suffix (`, emphasis added`), or the
    // prose after a citation whose `]` is not typed yet (`¶1，这一点很重要。`).
    // Past the cursor only a locator that reads (¶1|4 → ¶14): anything else after it is the analyst's text.
    var end = cursor
    if let locator = NoteParser.locator(in: text, at: valueStart, limit: itemEnd), locator.isReadable {
      end = max(cursor, locator.range.end.utf8Offset)
    }
    // Full-width digits (¶１２) filter as the ASCII ones the items show.
    let prefix = String(
      String.UnicodeScalarView(
        String(decoding: bytes[valueStart..<cursor], as: UTF8.self).unicodeScalars.map { scalar in
          (0xFF10...0xFF19).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
        }))
    return .locator(key: key, prefix: prefix, range: TextRange(valueStart, end))
  }

  /// U+3000…U+303F (。、「」) or U+FF01…U+FF0F, U+FF1A…U+FF1F (！，（）；？): the punctuation a Chinese input method
  /// types, which ends a key or a locator being typed (`[@张三2021，这一点…` has no `]` yet).
  static func startsFullWidthPunctuation(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 2 < bytes.count else { return false }
    let (byte, second, third) = (bytes[index], bytes[index + 1], bytes[index + 2])
    if byte == 0xE3, second == 0x80 { return true }
    return byte == 0xEF && second == 0xBC && ((0x81...0x8F).contains(third) || (0x9A...0x9F).contains(third))
  }

  /// The part of `range` (from the key's start to where key characters stop) that the completion replaces: what was
  /// typed, after the cursor as much as continues some key of the corpus, and then Latin letters and digits (a
  /// misspelt key, `Smi|th19`). `[@常思|纯2023这一点很重要` replaces `常思纯2023`, not the prose glued to it.
  static func keyRange(_ range: TextRange, typed prefix: String, in text: String, index: CorpusIndex) -> TextRange {
    let bytes = Array(text.utf8)
    let start = range.start.utf8Offset
    let cursor = start + prefix.utf8.count
    guard range.end.utf8Offset > cursor, range.end.utf8Offset <= bytes.count else { return range }
    let keys = index.allKeys.map { Array($0.utf8) }
    var end = cursor
    for candidate in cursor...range.end.utf8Offset {
      let piece = bytes[start..<candidate]
      guard keys.contains(where: { $0.starts(with: piece) }) else { break }
      end = candidate
    }
    while end < range.end.utf8Offset, bytes[end] < 0x80 { end += 1 }
    return TextRange(start, end)
  }

  /// `text` with its ASCII digits in full width (¶12 → ¶１２).
  static func fullWidthDigits(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { (0x30...0x39).contains($0.value) ? Unicode.Scalar($0.value + 0xFEE0) ?? $0 : $0 }))
  }

  static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  /// Case-insensitive: every whitespace-separated word of the prefix occurs in the filter text.
  static func matches(_ filterText: String, _ prefix: String) -> Bool {
    if prefix.isEmpty { return true }
    let haystack = filterText.lowercased()
    return prefix.lowercased().split(separator: " ").allSatisfy { haystack.contains($0) }
  }

  // MARK: - Documents

  static func documents(index: CorpusIndex, prefix: String, range: TextRange, limit: Int) -> CompletionResult {
    var entries: [CompletionEntry] = []
    var skipped = false
    let loweredPrefix = prefix.lowercased()
    let words = loweredPrefix.split(separator: " ")
    for document in EntityRanking.of(index).documents where words.allSatisfy({ document.loweredFilter.contains($0) }) {
      guard entries.count < limit else {
        skipped = true
        break
      }
      // The key typed so far may be another key of the paper (the file stem): complete that one.
      let shown = document.keys.first { $0.lowercased().hasPrefix(loweredPrefix) } ?? document.key
      entries.append(
        CompletionEntry(
          kind: .document, label: shown, detail: document.detail, filterText: document.filter,
          sortText: sortKey(document.paper), newText: shown, replaceRange: range, data: .document(key: document.key)))
    }
    return CompletionResult(entries: entries, isIncomplete: skipped)
  }

  // MARK: - Locators

  static func locators(
    index: CorpusIndex, paper: Int, key: String, prefix: String, range: TextRange, limit: Int
  ) -> CompletionResult {
    let document = index.papers[paper]
    var entries: [CompletionEntry] = []
    var skipped = false
    var order = 0
    func add(_ entry: CompletionEntry) {
      guard matches(entry.filterText, prefix) else { return }
      guard entries.count < limit else {
        skipped = true
        return
      }
      var entry = entry
      entry.sortText = sortKey(order)
      order += 1
      entries.append(entry)
    }
    for section in document.sections.indices {
      let path = LocatorResolution.path(of: section, in: document).joined()
      let label = "§" + path
      let title = document.sections[section].title
      let span = document.sections[section]
      let paragraphs = span.firstParagraph <= span.lastParagraph ? " (¶\(span.firstParagraph)–\(span.lastParagraph))" : ""
      add(
        CompletionEntry(
          kind: .section, label: label, detail: FeatureSupport.preview(title, limit: 30) + paragraphs,
          filterText: "\(label) \(path) \(title)", sortText: "", newText: label, replaceRange: range,
          data: .section(key: key, path: path)))
    }
    for paragraph in document.paragraphs {
      let label = "¶\(paragraph.number)"
      add(
        CompletionEntry(
          kind: .paragraph, label: label, detail: FeatureSupport.preview(paragraph.text, limit: 30),
          filterText: "\(label) para. \(paragraph.number) \(paragraph.text.prefix(60))", sortText: "", newText: label,
          replaceRange: range, data: .passage(key: key, locator: label)))
    }
    for footnote in document.footnotes {
      let label = "fn. \(footnote.number)"
      add(
        CompletionEntry(
          kind: .footnote, label: label, detail: footnote.mark + " " + FeatureSupport.preview(footnote.text, limit: 30),
          filterText: "\(label) fn\(footnote.number) \(footnote.text.prefix(60))", sortText: "", newText: label,
          replaceRange: range, data: .passage(key: key, locator: label)))
    }
    return CompletionResult(entries: entries, isIncomplete: skipped)
  }

  // MARK: - Entities

  static func entities(index: CorpusIndex, prefix: String, range: TextRange, closing: String, limit: Int)
    -> CompletionResult
  {
    let ranking = EntityRanking.of(index)
    let words = prefix.lowercased().split(separator: " ")
    // Names that start with what is typed come first (`NA` → NATO), then names with a word that does (Viet Nam), then
    // the rest (China); each group by frequency.
    var tiers: [[EntityRanking.Entry]] = [[], [], []]
    for candidate in ranking.entries where words.allSatisfy({ candidate.loweredFilter.contains($0) }) {
      guard let first = words.first else {
        tiers[0].append(candidate)
        continue
      }
      let entity = index.entities[candidate.entity]
      let names = [entity.name] + entity.aliases + (entity.english.map { [$0] } ?? [])
      if names.contains(where: { $0.lowercased().hasPrefix(first) }) {
        tiers[0].append(candidate)
      } else if candidate.loweredFilter.contains(" " + first) {
        tiers[1].append(candidate)
      } else {
        tiers[2].append(candidate)
      }
    }
    let matches = tiers.joined()
    let kept = Array(matches.prefix(limit))
    let more = matches.count > limit
    let loweredPrefix = prefix.lowercased()
    let entries = kept.enumerated().map { rank, candidate in
      let entity = index.entities[candidate.entity]
      // Keep the alias the user is typing when it is not the canonical name.
      let typed = loweredPrefix.isEmpty ? nil : entity.aliases.first { $0.lowercased().hasPrefix(loweredPrefix) }
      let inserted = typed ?? entity.name
      var detail = entity.kind.rawValue
      if let english = entity.english, english != entity.name { detail += " · " + english }
      detail += " · \(candidate.count) mention\(candidate.count == 1 ? "" : "s")"
      if entity.source == .discovered { detail += " · discovered" }
      let kind: CompletionEntry.Kind = entity.kind == .actor ? .actor : entity.kind == .mechanism ? .mechanism : .entity
      return CompletionEntry(
        kind: kind, label: inserted, detail: detail, filterText: candidate.filter, sortText: sortKey(rank),
        newText: inserted + closing, replaceRange: range, data: .entity(id: entity.id))
    }
    return CompletionResult(entries: entries, isIncomplete: more)
  }

  /// `000042`: sorts as the number does.
  static func sortKey(_ number: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, 6 - digits.count)) + digits
  }

  static func filterText(of entity: Entity) -> String {
    ([entity.name] + entity.aliases.filter { $0 != entity.name } + (entity.english.map { [$0] } ?? []))
      .joined(separator: " ")
  }

  // MARK: - Resolve

  /// Markdown documentation for a proposal, computed only when the client shows it.
  public static func documentation(for data: CompletionData, index: CorpusIndex) -> String? {
    switch data {
    case .document(let key):
      guard let paper = index.paper(forKey: key) else { return nil }
      return Hover.paperCard(index: index, paper: paper)
    case .passage(let key, let locatorText):
      guard let paper = index.paper(forKey: key) else { return nil }
      let document = index.papers[paper]
      let id: PassageID?
      if locatorText.hasPrefix("¶"), let number = Int(locatorText.dropFirst()) {
        id = .paragraph(number)
      } else if locatorText.hasPrefix("fn. "), let number = Int(locatorText.dropFirst(4)) {
        id = .footnote(number)
      } else {
        id = nil
      }
      guard let id, let passage = document.passage(id) else { return nil }
      return "**\(locatorText)** — \(FeatureSupport.title(of: document))\n\n" + Hover.blockquote(passage.text, limit: 600)
    case .section(let key, let path):
      guard let paper = index.paper(forKey: key) else { return nil }
      let document = index.papers[paper]
      guard let section = LocatorResolution.sectionPaths(in: document).firstIndex(of: path)
        ?? LocatorResolution.findSection([path], in: document)
      else { return nil }
      let span = document.sections[section]
      var text = "**\(FeatureSupport.sectionLabel(section, in: document))**"
      if span.firstParagraph <= span.lastParagraph {
        text += "\n\n¶\(span.firstParagraph)–\(span.lastParagraph)"
        if let first = document.passage(.paragraph(span.firstParagraph)) {
          text += "\n\n" + Hover.blockquote(first.text, limit: 300)
        }
      }
      return text
    case .entity(let id):
      guard let entity = index.entity(withId: id) else { return nil }
      return Hover.entityCard(index: index, entity: entity)
    }
  }
}

/// Entities in completion order (curated before discovered, then by corpus frequency) and documents, with their
/// filter texts, computed once per index: ranking thousands of entities on every keystroke would cost milliseconds.
final class EntityRanking: Sendable {
  struct Entry: Sendable {
    var entity: Int
    var count: Int
    var filter: String
    var loweredFilter: String
  }

  /// A document as completion shows it: keys, filter text (key, title, authors, year) and detail line.
  struct Document: Sendable {
    var paper: Int
    var key: String
    var keys: [String]
    var filter: String
    var loweredFilter: String
    var detail: String
  }

  let entries: [Entry]
  let documents: [Document]

  init(index: CorpusIndex) {
    documents = index.papers.enumerated().map { paper, document in
      let keys = index.keys(of: paper)
      let key = keys.first ?? document.stem
      let metadata = document.metadata
      let title = FeatureSupport.title(of: document)
      let year = metadata.year.map(String.init) ?? ""
      let filter = (keys + [title] + metadata.authors + [year]).joined(separator: " ")
      var detail = FeatureSupport.preview(title, limit: 40)
      let authors = metadata.authors.prefix(2).joined(separator: ", ")
      if !authors.isEmpty { detail += " — " + authors }
      if !year.isEmpty { detail += " (\(year))" }
      return Document(paper: paper, key: key, keys: keys, filter: filter, loweredFilter: filter.lowercased(), detail: detail)
    }
    var entries = index.entities.enumerated().map { number, entity in
      let filter = Completion.filterText(of: entity)
      return (curated: entity.source != .discovered,
              entry: Entry(entity: number, count: index.mentionCount(of: number), filter: filter, loweredFilter: filter.lowercased()))
    }
    entries.sort {
      if $0.curated != $1.curated { return $0.curated }
      if $0.entry.count != $1.entry.count { return $0.entry.count > $1.entry.count }
      return $0.entry.entity < $1.entry.entity
    }
    self.entries = entries.map(\.entry)
  }

  /// The latest index's ranking is kept (one index is live at a time in a server).
  private static let latest = Mutex<(storage: IndexStorage, ranking: EntityRanking)?>(nil)

  static func of(_ index: CorpusIndex) -> EntityRanking {
    if let cached = latest.withLock({ $0 }), cached.storage === index.storage { return cached.ranking }
    let ranking = EntityRanking(index: index)
    latest.withLock { $0 = (index.storage, ranking) }
    return ranking
  }
}
