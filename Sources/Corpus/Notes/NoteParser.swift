//! Parses a Markdown note into `NoteSyntax`: one pass masking what is not prose, one pass for citations
//! and entity links, then quotations, block quotations and sentences. Byte-level; never traps.

public enum NoteParser {
  /// Parses a note. Total: any input gives a value, broken constructs become `problems`.
  public static func parse(_ text: String) -> NoteSyntax {
    var parser = Parser(text)
    return parser.run()
  }

  /// The locator that starts at UTF-8 offset `start` of `text` (`¶12`, `§二（一）`, `fn. 3`) and ends by `limit`, as a
  /// citation reads it; nil when none starts there.
  public static func locator(in text: String, at start: Int, limit: Int) -> Locator? {
    let parser = Parser(text)
    return parser.parseLocator(at: start, limit: min(limit, parser.note.count))
  }

  /// The `@` of a citation group's first item from `start` (just inside the `[`): at once (`@key`, `-@key`), or after a
  /// short prefix of words (`see @key`, `参见@key`: at most 24 bytes, no brackets or punctuation but spaces). Nil
  /// when none.
  static func firstItemAt(in note: NoteBytes, from start: Int, limit: Int) -> Int? {
    var index = start
    while index < limit, index - start <= 24 {
      let byte = note[index]
      if byte == 0x40 {
        // Latin letters or digits right before it make an e-mail address (`[contact a@b.org`).
        let previous = index > start ? note[index - 1] : 0x20
        return previous < 0x80 && isWordScalar(UInt32(previous)) ? nil : index
      }
      if byte == 0x2D, note[index + 1] == 0x40 { return index + 1 }
      let (value, length) = note.scalar(at: index)
      guard isWordScalar(value) || value == 0x20 || value == 0x2E else { return nil }  // words, spaces, `cf.`
      index += length
    }
    return nil
  }

  /// Where the items of a citation group whose `]` is missing end, as far as they read: from `start` (just after the
  /// `[`), `-@key`, a comma (`,` or `，`) and a locator, then `;` and the next item. Nil when no item starts there.
  /// (`[@张三2021, ¶3; @李四2022 这一点` reads to `@李四2022`.)
  public static func unclosedGroupEnd(in text: String, from start: Int) -> Int? {
    let parser = Parser(text)
    let note = parser.note
    let limit = note.lineEnd(from: start)
    guard let at = firstItemAt(in: note, from: note.trimmed(start, limit).start, limit: limit) else { return nil }
    var index = note[at - 1] == 0x2D ? at - 1 : at
    var end: Int?
    while index < limit {
      index = note.trimmed(index, limit).start
      if note[index] == 0x2D { index += 1 }
      guard note[index] == 0x40, let key = parser.keyRange(afterAt: index, limit: limit) else { break }
      var itemEnd = note[key.end] == 0x7D ? key.end + 1 : key.end  // @{…}
      var cursor = itemEnd
      if note[cursor] == 0x2C {
        cursor += 1
      } else if note.hasPrefix([0xEF, 0xBC, 0x8C], at: cursor) {
        cursor += 3
      }
      if cursor > itemEnd, let locator = parser.parseLocator(at: note.trimmed(cursor, limit).start, limit: limit),
        locator.isReadable
      {
        itemEnd = locator.range.end.utf8Offset
      }
      end = itemEnd
      // `;` (or `；`) before another item.
      var next = note.trimmed(itemEnd, limit).start
      if note[next] == 0x3B {
        next += 1
      } else if note.hasPrefix([0xEF, 0xBC, 0x9B], at: next) {
        next += 3
      } else {
        break
      }
      let following = note.trimmed(next, limit).start
      guard note[following] == 0x40 || (note[following] == 0x2D && note[following + 1] == 0x40) else { break }
      index = following
    }
    return end
  }
}

/// Byte classes of the mask.
private enum ByteClass: UInt8 {
  case prose = 0
  case ignored = 1
  case construct = 2  // inside a citation or an entity link
}

private struct Parser {
  let text: String
  let note: NoteBytes
  var mask: [UInt8]
  var ignoredRanges: [TextRange] = []
  var citations: [Citation] = []
  var quotations: [Quotation] = []
  var entityLinks: [EntityLink] = []
  var unmarkedCitations: [UnmarkedCitation] = []
  var problems: [NoteSyntaxProblem] = []

  init(_ text: String) {
    self.text = text
    note = NoteBytes(text)
    mask = [UInt8](repeating: ByteClass.prose.rawValue, count: note.count)
  }

  mutating func run() -> NoteSyntax {
    maskNonProse()
    scanConstructs()
    findInlineQuotations()
    findBlockQuotations()
    quotations.sort { $0.range.start < $1.range.start }
    return NoteSyntax(
      text: text, citations: citations, quotations: quotations, entityLinks: entityLinks,
      unmarkedCitations: unmarkedCitations, problems: problems.sorted { $0.range.start < $1.range.start },
      ignoredRanges: ignoredRanges,
      sentences: sentenceRanges())
  }

  // MARK: - Masking

  func isIgnored(_ index: Int) -> Bool { index >= 0 && index < note.count && mask[index] == ByteClass.ignored.rawValue }

  mutating func markIgnored(_ start: Int, _ end: Int) {
    let lower = max(0, start)
    let upper = min(note.count, end)
    guard lower < upper else { return }
    for index in lower..<upper { mask[index] = ByteClass.ignored.rawValue }
    if let last = ignoredRanges.last, last.end.utf8Offset >= lower {
      ignoredRanges[ignoredRanges.count - 1] = TextRange(last.start.utf8Offset, max(upper, last.end.utf8Offset))
    } else {
      ignoredRanges.append(TextRange(lower, upper))
    }
  }

  mutating func maskNonProse() {
    var index = maskFrontMatter()
    var atLineStart = true
    while index < note.count {
      if atLineStart {
        atLineStart = false
        if let end = fencedBlockEnd(at: index) {
          markIgnored(index, end)
          index = end
          atLineStart = true
          continue
        }
        if let end = linkDefinitionEnd(at: index) {
          markIgnored(index, end)
          index = end
          continue
        }
        if let end = indentedCodeEnd(at: index) {
          markIgnored(index, end)
          index = end
          atLineStart = true
          continue
        }
      }
      let byte = note[index]
      switch byte {
      case 0x0A:
        atLineStart = true
        index += 1
      case 0x5C:  // backslash escape
        let next = note[index + 1]
        if next > 0x20, next < 0x7F, !isASCIIAlphanumeric(next) {
          markIgnored(index, index + 2)
          index += 2
        } else {
          index += 1
        }
      case 0x60:  // code span
        index = maskCodeSpan(at: index)
      case 0x3C:  // '<': comment, autolink or tag
        index = maskAngle(at: index)
      case 0x5D where note[index + 1] == 0x28:  // "](": link destination
        index = maskLinkDestination(at: index + 1)
      case 0x68, 0x77:  // 'h', 'w': bare URL
        if let end = bareURLEnd(at: index) {
          markIgnored(index, end)
          index = end
        } else {
          index += 1
        }
      default:
        index += 1
      }
    }
  }

  /// YAML front matter at the very start (`---` … `---` or `...`). Returns where scanning resumes. As in Pandoc, a
  /// `---` followed by a blank line opens none: it is a thematic break.
  mutating func maskFrontMatter() -> Int {
    guard note.hasPrefix(Array("---".utf8), at: 0) else { return 0 }
    let firstEnd = note.lineEnd(from: 0)
    guard note.string(0, firstEnd).trimmingSpaces == "---",
      !note.string(firstEnd + 1, note.lineEnd(from: firstEnd + 1)).trimmingSpaces.isEmpty
    else { return 0 }
    var lineStart = firstEnd + 1
    while lineStart < note.count {
      let lineEnd = note.lineEnd(from: lineStart)
      let line = note.string(lineStart, lineEnd).trimmingSpaces
      if line == "---" || line == "..." {
        let end = min(note.count, lineEnd + 1)
        markIgnored(0, end)
        return end
      }
      lineStart = lineEnd + 1
    }
    return 0  // unterminated: not front matter
  }

  /// After up to three spaces and any `>` markers.
  func lineContentStart(_ lineStart: Int) -> Int {
    var index = lineStart
    var spaces = 0
    while note[index] == 0x20, spaces < 3 {
      index += 1
      spaces += 1
    }
    while note[index] == 0x3E {
      index += 1
      if note[index] == 0x20 { index += 1 }
    }
    while note[index] == 0x20 || note[index] == 0x09 { index += 1 }
    return index
  }

  /// A fenced code block opening at this line start: the offset just past its closing fence (or end of text).
  func fencedBlockEnd(at lineStart: Int) -> Int? {
    let start = lineContentStart(lineStart)
    let fence = note[start]
    guard fence == 0x60 || fence == 0x7E else { return nil }
    var length = 0
    while note[start + length] == fence { length += 1 }
    guard length >= 3 else { return nil }
    var line = note.lineEnd(from: start) + 1
    while line < note.count {
      let content = lineContentStart(line)
      var run = 0
      while note[content + run] == fence { run += 1 }
      let lineEnd = note.lineEnd(from: line)
      if run >= length, note.string(content + run, lineEnd).trimmingSpaces.isEmpty {
        return min(note.count, lineEnd + 1)
      }
      line = lineEnd + 1
    }
    return note.count
  }

  /// Width of a line's leading white space (a tab counts 4).
  func indentWidth(_ lineStart: Int) -> Int {
    var index = lineStart
    var width = 0
    while note[index] == 0x20 || note[index] == 0x09 {
      width += note[index] == 0x09 ? 4 : 1
      index += 1
    }
    return width
  }

  func isBlankLine(_ lineStart: Int) -> Bool {
    note.trimmed(lineStart, note.lineEnd(from: lineStart)).start >= note.lineEnd(from: lineStart)
  }

  /// An indented code block starting at this line: lines indented 4+ after a blank line, when the text before
  /// is an unindented paragraph (not a list, whose continuation lines are indented too). Returns its end.
  func indentedCodeEnd(at lineStart: Int) -> Int? {
    guard indentWidth(lineStart) >= 4, !isBlankLine(lineStart) else { return nil }
    // The previous line must be blank, and the last non-blank line before it plain, unindented prose.
    guard lineStart == 0 || (lineStart >= 1 && isBlankLine(note.lineStart(before: lineStart - 1))) else { return nil }
    var previous = lineStart
    while previous > 0 {
      previous = note.lineStart(before: previous - 1)
      if !isBlankLine(previous) { break }
      if previous == 0 { break }
    }
    if previous < lineStart, !isBlankLine(previous) {
      if indentWidth(previous) >= 2 || startsBlock(at: previous) && !startsHeading(at: previous) { return nil }
    }
    var end = lineStart
    while end < note.count {
      let lineEnd = note.lineEnd(from: end)
      if !isBlankLine(end), indentWidth(end) < 4 { break }
      end = min(note.count, lineEnd + 1)
    }
    // Trailing blank lines are not part of the block.
    while end > lineStart, end <= note.count, isBlankLine(note.lineStart(before: end - 1)),
      note.lineStart(before: end - 1) > lineStart
    {
      end = note.lineStart(before: end - 1)
    }
    return end
  }

  func startsHeading(at lineStart: Int) -> Bool {
    var index = lineStart
    while note[index] == 0x20 { index += 1 }
    return note[index] == 0x23
  }

  /// `[label]: destination` on its own line.
  func linkDefinitionEnd(at lineStart: Int) -> Int? {
    let start = lineContentStart(lineStart)
    // `[^1]: …` is a footnote definition: prose, where citations are common.
    guard note[start] == 0x5B, note[start + 1] != 0x5B, note[start + 1] != 0x40, note[start + 1] != 0x5E else {
      return nil
    }
    let lineEnd = note.lineEnd(from: start)
    var index = start + 1
    while index < lineEnd, note[index] != 0x5D { index += 1 }
    guard index < lineEnd, note[index + 1] == 0x3A else { return nil }
    return lineEnd
  }

  mutating func maskCodeSpan(at start: Int) -> Int {
    var length = 0
    while note[start + length] == 0x60 { length += 1 }
    let limit = note.paragraphEnd(after: start)
    var index = start + length
    while index < limit {
      if note[index] == 0x60 {
        var run = 0
        while note[index + run] == 0x60 { run += 1 }
        if run == length {
          markIgnored(start, index + run)
          return index + run
        }
        index += run
      } else {
        index += 1
      }
    }
    return start + length  // unmatched backticks are literal
  }

  private static let commentOpen = Array("<!--".utf8)
  private static let commentClose = Array("-->".utf8)

  mutating func maskAngle(at start: Int) -> Int {
    if note.hasPrefix(Self.commentOpen, at: start) {
      var index = start + 4
      while index < note.count, !note.hasPrefix(Self.commentClose, at: index) { index += 1 }
      let end = min(note.count, index + 3)
      markIgnored(start, end)
      return end
    }
    // Autolink `<https://…>`, `<a@b.com>`, or an inline tag `<span class="x">`.
    let next = note[start + 1]
    guard isASCIIAlphanumeric(next) || next == 0x2F else { return start + 1 }
    var index = start + 1
    let lineEnd = note.lineEnd(from: start)
    while index < lineEnd, note[index] != 0x3E, note[index] != 0x3C { index += 1 }
    guard index < lineEnd, note[index] == 0x3E else { return start + 1 }
    markIgnored(start, index + 1)
    return index + 1
  }

  mutating func maskLinkDestination(at open: Int) -> Int {
    var depth = 0
    var index = open
    let limit = note.paragraphEnd(after: open)
    while index < limit {
      let byte = note[index]
      if byte == 0x28 {
        depth += 1
      } else if byte == 0x29 {
        depth -= 1
        if depth == 0 {
          markIgnored(open, index + 1)
          return index + 1
        }
      } else if byte == 0x0A {
        break
      }
      index += 1
    }
    return open + 1
  }

  private static let https = Array("https://".utf8)
  private static let http = Array("http://".utf8)
  private static let www = Array("www.".utf8)

  func bareURLEnd(at start: Int) -> Int? {
    let schemeLength: Int
    if note.hasPrefix(Self.https, at: start) {
      schemeLength = 8
    } else if note.hasPrefix(Self.http, at: start) {
      schemeLength = 7
    } else if note.hasPrefix(Self.www, at: start) {
      schemeLength = 4
    } else {
      return nil
    }
    if let previous = note.scalar(before: start), isWordScalar(previous) { return nil }
    var end = start + schemeLength
    while end < note.count {
      let byte = note[end]
      if byte <= 0x20 || byte >= 0x80 || byte == 0x3C || byte == 0x3E || byte == 0x22 { break }
      end += 1
    }
    while end > start + schemeLength, [0x2E, 0x2C, 0x3B, 0x3A, 0x29, 0x5D].contains(note[end - 1]) { end -= 1 }
    return end > start + schemeLength ? end : nil
  }

  // MARK: - Citations and entity links

  mutating func markConstruct(_ start: Int, _ end: Int) {
    for index in max(0, start)..<max(max(0, start), min(note.count, end))
    where mask[index] == ByteClass.prose.rawValue {
      mask[index] = ByteClass.construct.rawValue
    }
  }

  mutating func scanConstructs() {
    var index = 0
    while index < note.count {
      if mask[index] != ByteClass.prose.rawValue {
        index += 1
        continue
      }
      switch note[index] {
      case 0x5B where note[index + 1] == 0x5B:
        index = scanEntityLink(at: index)
      case 0x5B:
        index = scanBracketedCitation(at: index)
      case 0xE3 where note[index + 1] == 0x80 && note[index + 2] == 0x90:  // 【
        index = scanFullWidthBracketedCitation(at: index, close: [0xE3, 0x80, 0x91])
      case 0xEF where note[index + 1] == 0xBC && note[index + 2] == 0xBB:  // ［
        index = scanFullWidthBracketedCitation(at: index, close: [0xEF, 0xBC, 0xBD])
      case 0x40:
        index = scanBareCitation(at: index)
      default:
        index += 1
      }
    }
  }

  mutating func scanEntityLink(at start: Int) -> Int {
    let lineEnd = note.lineEnd(from: start)
    var index = start + 2
    while index + 1 < lineEnd, !(note[index] == 0x5D && note[index + 1] == 0x5D) {
      if note[index] == 0x5B, note[index + 1] == 0x5B { break }  // a new link opens: this one is unclosed
      index += 1
    }
    guard index + 1 < lineEnd, note[index] == 0x5D, note[index + 1] == 0x5D else {
      problems.append(NoteSyntaxProblem(kind: .unbalancedBracket, range: TextRange(start, start + 2)))
      return start + 2
    }
    let end = index + 2
    markConstruct(start, end)
    let contentStart = start + 2
    let contentEnd = index
    var bar = contentStart
    while bar < contentEnd, note[bar] != 0x7C { bar += 1 }
    let target = note.trimmed(contentStart, bar)
    guard target.start < target.end else {
      problems.append(NoteSyntaxProblem(kind: .emptyEntityLink, range: TextRange(start, end)))
      return end
    }
    var label: String?
    var labelRange: TextRange?
    if bar < contentEnd {
      let trimmedLabel = note.trimmed(bar + 1, contentEnd)
      label = note.string(trimmedLabel.start, trimmedLabel.end)
      labelRange = TextRange(trimmedLabel.start, trimmedLabel.end)
    }
    entityLinks.append(
      EntityLink(
        range: TextRange(start, end), target: note.string(target.start, target.end),
        targetRange: TextRange(target.start, target.end), label: label, labelRange: labelRange))
    return end
  }

  /// The `]` closing the `[` at `open`, within the paragraph, skipping ignored text; nil if none.
  func closingBracket(from open: Int) -> Int? {
    let limit = note.paragraphEnd(after: open)
    var depth = 0
    var index = open
    while index < limit {
      if mask[index] == ByteClass.prose.rawValue {
        let byte = note[index]
        if byte == 0x5B {
          depth += 1
        } else if byte == 0x5D {
          depth -= 1
          if depth == 0 { return index }
        }
      }
      index += 1
    }
    return nil
  }

  mutating func scanBracketedCitation(at open: Int) -> Int {
    guard let close = closingBracket(from: open) else {
      // `[@key, ¶3` (or `[see @key`, `[参见@key`) with no `]`: report it; the key inside is still read as a bare
      // citation.
      let first = note.trimmed(open + 1, note.lineEnd(from: open)).start
      if let at = NoteParser.firstItemAt(in: note, from: first, limit: note.lineEnd(from: open)), at >= first {
        let lineEnd = note.trimmed(open, note.lineEnd(from: open)).end
        problems.append(NoteSyntaxProblem(kind: .unbalancedBracket, range: TextRange(open, max(open + 1, lineEnd))))
      }
      return open + 1
    }
    let after = note[close + 1]
    if after == 0x28 || after == 0x5B { return open + 1 }  // a link's text, not a citation
    guard let items = citationItems(from: open + 1, to: close) else {
      if after != 0x3A { noteUnmarkedCitation(open: open, contentStart: open + 1, close: close, end: close + 1) }  // `[ref]: url` defines a link
      return open + 1
    }
    citations.append(Citation(range: TextRange(open, close + 1), isBracketed: true, items: items))
    markConstruct(open, close + 1)
    return close + 1
  }

  /// `【@key，¶2】` or `［@key, ¶2］`: a citation in the brackets a Chinese input method types, which Pandoc does
  /// not read. It is read as the citation it means, so that its key and locator are checked, and flagged.
  mutating func scanFullWidthBracketedCitation(at open: Int, close closeBytes: [UInt8]) -> Int {
    let contentStart = open + 3
    // On its line, and before another opening bracket: `【@a，¶2。接着【注】` is an unclosed 【@a and a note.
    let openBytes = Array(note.bytes[open..<contentStart])
    let limit = note.lineEnd(from: open)
    var close = contentStart
    while close < limit, !(mask[close] == ByteClass.prose.rawValue && note.hasPrefix(closeBytes, at: close)) {
      if note.hasPrefix(openBytes, at: close) { return contentStart }
      close += 1
    }
    guard close < limit else { return contentStart }
    let end = close + closeBytes.count
    guard let items = citationItems(from: contentStart, to: close) else {
      noteUnmarkedCitation(open: open, contentStart: contentStart, close: close, end: end)
      return contentStart
    }
    citations.append(Citation(range: TextRange(open, end), isBracketed: true, items: items))
    problems.append(NoteSyntaxProblem(kind: .fullWidthCitationBrackets, range: TextRange(open, end)))
    markConstruct(open, end)
    return end
  }

  /// The `;`-separated items of a bracketed group's content, as byte ranges (separators in nested brackets or
  /// ignored text do not count). A full-width `；` before another `@key` separates items too (a Chinese input
  /// method types it): their offsets are `fullWidthSeparators`.
  func citationSegments(from start: Int, to end: Int) -> (segments: [(Int, Int)], fullWidthSeparators: [Int]) {
    var segments: [(Int, Int)] = []
    var fullWidth: [Int] = []
    var segmentStart = start
    var depth = 0
    for index in start..<end where mask[index] == ByteClass.prose.rawValue {
      switch note[index] {
      case 0x5B: depth += 1
      case 0x5D: depth -= 1
      case 0x3B where depth == 0:
        segments.append((segmentStart, index))
        segmentStart = index + 1
      case 0xEF where depth == 0 && note[index + 1] == 0xBC && note[index + 2] == 0x9B && index + 3 <= end:
        let next = note.trimmed(index + 3, end).start
        guard note[next] == 0x40 || (note[next] == 0x2D && note[next + 1] == 0x40) else { break }
        segments.append((segmentStart, index))
        fullWidth.append(index)
        segmentStart = index + 3
      default: break
      }
    }
    segments.append((segmentStart, end))
    return (segments, fullWidth)
  }

  /// Records a group that is no citation when its items begin with words, as a key written without its `@` would.
  /// The group's brackets are `open..<contentStart` and `close..<end`.
  mutating func noteUnmarkedCitation(open: Int, contentStart: Int, close: Int, end: Int) {
    var words: [TextRange] = []
    for (segmentStart, segmentEnd) in citationSegments(from: contentStart, to: close).segments {
      let start = note.trimmed(segmentStart, segmentEnd).start
      guard start < segmentEnd, note[start] != 0x7B, isWordScalar(note.scalar(at: start).value),
        let word = keyRange(afterAt: start - 1, limit: segmentEnd)
      else { continue }
      words.append(TextRange(word.start, word.end))
    }
    guard !words.isEmpty else { return }
    unmarkedCitations.append(UnmarkedCitation(range: TextRange(open, end), leadingWords: words))
  }

  /// Items of a bracketed group's content; nil when the content is not a citation.
  mutating func citationItems(from start: Int, to end: Int) -> [CitationItem]? {
    let (segments, fullWidthSeparators) = citationSegments(from: start, to: end)
    var items: [CitationItem] = []
    // A blank item (`[@a, ¶3; ]`) is a slip, not a reason to stop reading the citation: flagged once the rest reads.
    var blankSeparators: [TextRange] = []
    for (number, (segmentStart, segmentEnd)) in segments.enumerated() {
      let trimmed = note.trimmed(segmentStart, segmentEnd)
      if trimmed.start == trimmed.end, segments.count > 1 {
        let separator = number > 0 ? segmentStart - 1 : segmentEnd
        blankSeparators.append(TextRange(separator, separator + 1))
        continue
      }
      guard let item = citationItem(from: segmentStart, to: segmentEnd) else { return nil }
      items.append(item)
    }
    guard !items.isEmpty else { return nil }
    problems += blankSeparators.map { NoteSyntaxProblem(kind: .emptyCitationItem, range: $0) }
    problems += fullWidthSeparators.map { NoteSyntaxProblem(kind: .fullWidthCitationSeparator, range: TextRange($0, $0 + 3)) }
    return items
  }

  mutating func citationItem(from start: Int, to end: Int) -> CitationItem? {
    // The key's `@`: the first one not glued to a word before it (an e-mail address is not a citation).
    var at = start
    while at < end {
      if note[at] == 0x40, mask[at] == ByteClass.prose.rawValue {
        let previous = note.scalar(before: at)
        // CJK text may touch the `@` (`[参见@张三2021]`); Latin letters before it make an e-mail address.
        if previous == nil || at == start || !((previous ?? 0) < 0x80 && isWordScalar(previous ?? 0)) { break }
      }
      at += 1
    }
    guard at < end else { return nil }
    let suppressAuthor = at > start && note[at - 1] == 0x2D
    let prefixEnd = suppressAuthor ? at - 1 : at
    guard let key = keyRange(afterAt: at, limit: end) else {
      let trimmedSegment = note.trimmed(start, end)
      if note.trimmed(start, prefixEnd).start == prefixEnd {
        problems.append(
          NoteSyntaxProblem(kind: .emptyCitationKey, range: TextRange(trimmedSegment.start, trimmedSegment.end)))
      }
      return nil
    }
    let prefix = note.trimmed(start, prefixEnd)
    var cursor = key.end
    var afterKey = note.trimmed(cursor, end).start
    if note[afterKey] == 0x2C {  // `, `
      afterKey = note.trimmed(afterKey + 1, end).start
    } else if note.hasPrefix([0xEF, 0xBC, 0x8C], at: afterKey) {  // full-width `，`
      afterKey = note.trimmed(afterKey + 3, end).start
    }
    let locator = parseLocator(at: afterKey, limit: end)
    if let locator { cursor = locator.range.end.utf8Offset } else { cursor = key.end }
    var suffixStart = note.trimmed(cursor, end).start
    if locator != nil, note[suffixStart] == 0x2C { suffixStart += 1 }
    let suffix = note.trimmed(suffixStart, end)
    let itemStart = prefix.start < prefix.end ? prefix.start : (suppressAuthor ? at - 1 : at)
    let itemEnd = suffix.start < suffix.end ? suffix.end : cursor
    return CitationItem(
      range: TextRange(itemStart, itemEnd), key: note.string(key.start, key.end),
      keyRange: TextRange(key.start, key.end), suppressAuthor: suppressAuthor,
      prefix: prefix.start < prefix.end ? note.string(prefix.start, prefix.end) : nil,
      prefixRange: prefix.start < prefix.end ? TextRange(prefix.start, prefix.end) : nil, locator: locator,
      suffix: suffix.start < suffix.end ? note.string(suffix.start, suffix.end) : nil,
      suffixRange: suffix.start < suffix.end ? TextRange(suffix.start, suffix.end) : nil)
  }

  /// The key after an `@` (without the `@`, without braces), or nil. `end` of the returned range is where
  /// the key's text stops (after the closing brace for `@{key}`).
  func keyRange(afterAt at: Int, limit: Int) -> (start: Int, end: Int)? {
    let first = at + 1
    if note[first] == 0x7B {  // @{key with spaces}
      var close = first + 1
      while close < limit, note[close] != 0x7D, note[close] != 0x0A { close += 1 }
      guard close < limit, note[close] == 0x7D else { return nil }
      let inner = note.trimmed(first + 1, close)
      return inner.start < inner.end ? (inner.start, inner.end) : nil
    }
    var index = first
    let (firstScalar, firstLength) = note.scalar(at: index)
    guard index < limit, isWordScalar(firstScalar) else { return nil }
    index += firstLength
    while index < limit {
      let (value, length) = note.scalar(at: index)
      if isWordScalar(value) {
        index += length
        continue
      }
      // Internal punctuation stays in the key when a word character follows: `smith:2020`, `a.b`.
      if value < 0x80, ":.#$%&-+?<>~/".utf8.contains(UInt8(value)), index + 1 < limit,
        isWordScalar(note.scalar(at: index + 1).value)
      {
        index += 1
        continue
      }
      break
    }
    return (first, index)
  }

  mutating func scanBareCitation(at: Int) -> Int {
    // Part of an e-mail address or a handle (`a@b.com`, `x.y@z`); CJK text may run right up to a citation.
    if let previous = note.scalar(before: at), previous < 0x80,
      isWordScalar(previous) || previous == 0x2E || previous == 0x2D
    {
      return at + 1
    }
    let lineEnd = note.lineEnd(from: at)
    guard let key = keyRange(afterAt: at, limit: lineEnd) else { return at + 1 }
    var end = note[key.end] == 0x7D ? key.end + 1 : key.end
    var locator: Locator?
    var suffix: (start: Int, end: Int)?
    // `@key [¶12]`: a locator in brackets right after the key.
    var open = end
    if note[open] == 0x20 { open += 1 }
    if note[open] == 0x5B, note[open + 1] != 0x5B, mask[open] == ByteClass.prose.rawValue,
      let close = closingBracket(from: open), close < lineEnd
    {
      let contentStart = note.trimmed(open + 1, close).start
      if let parsed = parseLocator(at: contentStart, limit: close) {
        locator = parsed
        let rest = note.trimmed(parsed.range.end.utf8Offset, close)
        var restStart = rest.start
        if note[restStart] == 0x2C { restStart = note.trimmed(restStart + 1, close).start }
        if restStart < rest.end { suffix = (restStart, rest.end) }
        end = close + 1
      }
    }
    let item = CitationItem(
      range: TextRange(at, end), key: note.string(key.start, key.end), keyRange: TextRange(key.start, key.end),
      locator: locator, suffix: suffix.map { note.string($0.start, $0.end) },
      suffixRange: suffix.map { TextRange($0.start, $0.end) })
    citations.append(Citation(range: TextRange(at, end), isBracketed: false, items: [item]))
    markConstruct(at, end)
    return end
  }

  // MARK: - Locators

  private static let paragraphLabels = labels(
    "¶¶", "¶", "paragraphs", "paragraph", "paras.", "paras", "para.", "para", "par.")
  private static let sectionLabels = labels("§§", "§")
  private static let footnoteLabels = labels("footnote", "fns.", "fn.", "fn", "notes", "note", "nn.", "n.")
  private static let lineLabels = labels("lines", "line", "ll.", "l.")
  private static let pageLabels = labels("pages", "page", "pp.", "p.")

  private static func labels(_ names: String...) -> [[UInt8]] { names.map { Array($0.utf8) } }

  func matchLabel(_ labels: [[UInt8]], at start: Int, limit: Int) -> Int? {
    let first = note[start] | 0x20
    for label in labels where (label.first ?? 0) == first || (label.first ?? 0) >= 0x80 {
      guard note.hasASCIIPrefixIgnoringCase(label, at: start) else { continue }
      let end = start + label.count
      guard end <= limit else { continue }
      // A word label must not run into a following word (`paragraphs` is not `para` + `graphs`).
      let next = note[end]
      if let last = label.last, isASCIIAlphanumeric(last), isASCIIAlphanumeric(next), !isASCIIDigit(next) {
        continue
      }
      if let last = label.last, isASCIIAlphanumeric(last), isASCIIDigit(next), label.count > 2 { continue }
      return end
    }
    return nil
  }

  func parseLocator(at start: Int, limit: Int) -> Locator? {
    guard start < limit else { return nil }
    if let labelEnd = matchLabel(Self.paragraphLabels, at: start, limit: limit) {
      return numberLocator(start: start, labelEnd: labelEnd, limit: limit, what: "a paragraph number such as ¶12") {
        .paragraphs(first: $0, last: $1)
      }
    }
    if let labelEnd = matchLabel(Self.sectionLabels, at: start, limit: limit) {
      return sectionLocator(start: start, labelEnd: labelEnd, limit: limit)
    }
    if let labelEnd = matchLabel(Self.footnoteLabels, at: start, limit: limit) {
      return numberLocator(start: start, labelEnd: labelEnd, limit: limit, what: "a footnote number such as fn. 3") {
        first, last in first == last ? .footnote(first) : .invalid("a footnote locator names one footnote")
      }
    }
    if let labelEnd = matchLabel(Self.lineLabels, at: start, limit: limit) {
      return numberLocator(start: start, labelEnd: labelEnd, limit: limit, what: "a line range such as l. 120-124") {
        .lines(first: $0, last: $1)
      }
    }
    if let labelEnd = matchLabel(Self.pageLabels, at: start, limit: limit) {
      let valueStart = note.trimmed(labelEnd, limit).start
      var valueEnd = valueStart
      while valueEnd < limit, !isSpaceByte(note[valueEnd]), note[valueEnd] != 0x2C, note[valueEnd] != 0x3B {
        valueEnd += 1
      }
      guard valueEnd > valueStart else { return nil }
      return Locator(
        kind: .page(note.string(valueStart, valueEnd)), range: TextRange(start, valueEnd),
        valueRange: TextRange(valueStart, valueEnd))
    }
    return nil
  }

  /// A label whose value cannot be read (`¶abc`, `fn. ③`): the locator covers the value up to the next space,
  /// comma, semicolon or the citation's end, so that the message quotes it and a fix replaces it whole.
  func unreadable(start: Int, labelEnd: Int, valueStart: Int, limit: Int, why: String) -> Locator {
    var valueEnd = valueStart
    while valueEnd < limit, !isSpaceByte(note[valueEnd]), note[valueEnd] != 0x2C, note[valueEnd] != 0x3B,
      note[valueEnd] != 0x5D
    {
      valueEnd += 1
    }
    guard valueEnd > valueStart else {
      return Locator(kind: .invalid(why), range: TextRange(start, labelEnd), valueRange: TextRange(labelEnd, labelEnd))
    }
    return Locator(kind: .invalid(why), range: TextRange(start, valueEnd), valueRange: TextRange(valueStart, valueEnd))
  }

  func numberLocator(
    start: Int, labelEnd: Int, limit: Int, what: String, make: (Int, Int) -> Locator.Kind
  ) -> Locator {
    var index = labelEnd
    while index < limit, note[index] == 0x20 || note[index] == 0x09 { index += 1 }
    let valueStart = index
    guard let (first, firstEnd) = readNumber(at: index, limit: limit) else {
      return unreadable(start: start, labelEnd: labelEnd, valueStart: valueStart, limit: limit, why: "expected \(what)")
    }
    index = firstEnd
    var last = first
    if let dashEnd = rangeDashEnd(at: index, limit: limit),
      let (second, secondEnd) = readNumber(at: dashEnd, limit: limit)
    {
      last = second
      index = secondEnd
    }
    let kind: Locator.Kind
    if first < 1 {
      kind = .invalid("numbering starts at 1")
    } else if last < first {
      kind = .invalid("the range \(first)-\(last) runs backwards")
    } else {
      kind = make(first, last)
    }
    return Locator(kind: kind, range: TextRange(start, index), valueRange: TextRange(valueStart, index))
  }

  /// A number in ASCII or full-width digits (`12`, `１２`: what a Chinese input method types), and where it ends.
  func readNumber(at start: Int, limit: Int) -> (Int, Int)? {
    var index = start
    var value = 0
    var digits = 0
    while index < limit, digits < 9 {
      if isASCIIDigit(note[index]) {
        value = value * 10 + Int(note[index] - 0x30)
        index += 1
      } else if index + 3 <= limit, note[index] == 0xEF, note[index + 1] == 0xBC, (0x90...0x99).contains(note[index + 2]) {
        value = value * 10 + Int(note[index + 2] - 0x90)  // U+FF10…U+FF19
        index += 3
      } else {
        break
      }
      digits += 1
    }
    return index > start ? (value, index) : nil
  }

  /// `-`, `–`, `—`, `~`, `～`, `－` between two numbers.
  func rangeDashEnd(at index: Int, limit: Int) -> Int? {
    var cursor = index
    while note[cursor] == 0x20, cursor < limit { cursor += 1 }
    var end: Int?
    if note[cursor] == 0x2D || note[cursor] == 0x7E {
      end = cursor + 1
    } else if note.hasPrefix([0xE2, 0x80, 0x93], at: cursor) || note.hasPrefix([0xE2, 0x80, 0x94], at: cursor)
      || note.hasPrefix([0xEF, 0xBD, 0x9E], at: cursor) || note.hasPrefix([0xEF, 0xBC, 0x8D], at: cursor)
    {
      end = cursor + 3
    }
    guard var after = end, after <= limit else { return nil }
    while note[after] == 0x20, after < limit { after += 1 }
    return after
  }

  private static let chineseNumerals: Set<UInt32> = Set("〇零一二三四五六七八九十百".unicodeScalars.map(\.value))

  func sectionLocator(start: Int, labelEnd: Int, limit: Int) -> Locator {
    var index = labelEnd
    while index < limit, note[index] == 0x20 { index += 1 }
    let valueStart = index
    var parts: [String] = []
    while index < limit {
      let (value, length) = note.scalar(at: index)
      if Self.chineseNumerals.contains(value) {
        var end = index
        while end < limit, Self.chineseNumerals.contains(note.scalar(at: end).value) {
          end += note.scalar(at: end).length
        }
        parts.append(note.string(index, end))
        index = end
      } else if isASCIIDigit(note[index]) {
        var end = index
        while end < limit, isASCIIDigit(note[end]) { end += 1 }
        parts.append(note.string(index, end))
        index = end
      } else if value == 0x28 || value == 0xFF08 {  // ( or （
        var end = index + length
        var inner = ""
        while end < limit {
          let (innerValue, innerLength) = note.scalar(at: end)
          guard Self.chineseNumerals.contains(innerValue) || (innerValue >= 0x30 && innerValue <= 0x39) else { break }
          inner.unicodeScalars.append(Unicode.Scalar(innerValue) ?? " ")
          end += innerLength
        }
        let (closeValue, closeLength) = note.scalar(at: end)
        guard !inner.isEmpty, end < limit, closeValue == 0x29 || closeValue == 0xFF09 else { break }
        parts.append("（\(inner)）")
        index = end + closeLength
      } else if (value == 0x2E || value == 0x3001) && !parts.isEmpty, index + length < limit {  // . or 、
        let next = note.scalar(at: index + length).value
        guard Self.chineseNumerals.contains(next) || (next >= 0x30 && next <= 0x39) || next == 0x28 || next == 0xFF08
        else { break }
        index += length
      } else {
        break
      }
    }
    guard !parts.isEmpty else {
      return unreadable(
        start: start, labelEnd: labelEnd, valueStart: valueStart, limit: limit,
        why: "expected a section number such as §二 or §二（一）")
    }
    return Locator(kind: .section(parts), range: TextRange(start, index), valueRange: TextRange(valueStart, index))
  }

  // MARK: - Quotations

  private static let elisionMarkers: [[UInt8]] = [
    Array("[……]".utf8), Array("[…]".utf8), Array("[...]".utf8), Array("(...)".utf8), Array("……".utf8),
    Array("…".utf8), Array("⋯⋯".utf8), Array("⋯".utf8), Array("...".utf8),
  ]

  /// Splits quoted text at elisions. `stripBlockMarkers` removes `>` prefixes from a block quotation's lines.
  func fragments(from start: Int, to end: Int, stripBlockMarkers: Bool) -> [QuoteFragment] {
    var result: [QuoteFragment] = []
    var pieceStart = start
    var index = start
    func flush(_ pieceEnd: Int) -> QuoteFragment? {
      let trimmed = note.trimmed(pieceStart, pieceEnd)
      guard trimmed.start < trimmed.end else { return nil }
      var fragmentText = note.string(trimmed.start, trimmed.end)
      if stripBlockMarkers { fragmentText = Self.removingBlockMarkers(fragmentText) }
      return QuoteFragment(text: fragmentText, range: TextRange(trimmed.start, trimmed.end))
    }
    while index < end {
      var matched = 0
      let byte = note[index]
      if byte == 0x5B || byte == 0x28 || byte == 0xE2 || byte == 0x2E {  // only these can start an elision
        for marker in Self.elisionMarkers where index + marker.count <= end && note.hasPrefix(marker, at: index) {
          matched = marker.count
          break
        }
      }
      if matched > 0 {
        if let fragment = flush(index) { result.append(fragment) }
        index += matched
        while note[index] == 0x2E, index < end { index += 1 }  // `....`
        pieceStart = index
      } else {
        index += 1
      }
    }
    if let fragment = flush(end) { result.append(fragment) }
    return result
  }

  static func removingBlockMarkers(_ text: String) -> String {
    // Scalar-wise: `\r\n` is one Character in Swift, so splitting Characters on "\n" would miss CRLF lines.
    var result = String.UnicodeScalarView()
    var atLineStart = true
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.first {
      if atLineStart {
        scalars = scalars.drop { $0 == " " || $0 == "\t" }
        while scalars.first == ">" { scalars = scalars.dropFirst().drop { $0 == " " } }
        atLineStart = false
        continue
      }
      result.append(scalar)
      scalars = scalars.dropFirst()
      if scalar == "\n" { atLineStart = true }
    }
    return String(result)
  }

  private static let closingQuotes: [(close: [UInt8], open: [UInt8], style: Quotation.Style)] = [
    (Array("”".utf8), Array("“".utf8), .curly),
    (Array("\"".utf8), Array("\"".utf8), .straight),
    (Array("」".utf8), Array("「".utf8), .corner),
    (Array("』".utf8), Array("『".utf8), .corner),
  ]

  mutating func findInlineQuotations() {
    for (citationIndex, citation) in citations.enumerated() where citation.isBracketed {
      var end = citation.range.start.utf8Offset
      while end > 0, note[end - 1] == 0x20 || note[end - 1] == 0x09 { end -= 1 }
      for quote in Self.closingQuotes {
        let close = end - quote.close.count
        guard close >= 0, note.hasPrefix(quote.close, at: close), !isIgnored(close) else { continue }
        var found = openingQuote(for: quote, closingAt: close)
        if found == nil, let (open, blank) = openingQuoteAcrossBlankLine(for: quote, closingAt: close) {
          // Pasted from a double-spaced file: Markdown makes two paragraphs of it. Still checked, and flagged.
          problems.append(NoteSyntaxProblem(kind: .quotationAcrossBlankLine, range: blank))
          found = open
        }
        guard let open = found else { continue }
        let innerStart = open + quote.open.count
        // Inside a block quotation, a quotation over several lines has their `>` markers to drop.
        let inBlock = isBlockQuoteLine(note.lineStart(before: open))
        let pieces = fragments(from: innerStart, to: close, stripBlockMarkers: inBlock)
        guard !pieces.isEmpty else { break }
        let text = note.string(innerStart, close)
        quotations.append(
          Quotation(
            style: quote.style, range: TextRange(open, end), textRange: TextRange(innerStart, close),
            text: inBlock ? Self.removingBlockMarkers(text) : text, fragments: pieces, citation: citationIndex))
        break
      }
    }
  }

  /// The opening mark of a quotation whose closing mark ends the paragraph's text just before a citation: the
  /// paragraph's only, but for a quotation split by a blank line, whose opening mark is in the paragraph before
  /// (`from` and `paragraphStart` then say where to search).
  func openingQuote(
    for quote: (close: [UInt8], open: [UInt8], style: Quotation.Style), closingAt close: Int, from: Int? = nil,
    paragraphStart: Int? = nil
  ) -> Int? {
    var limit = paragraphStart ?? note.paragraphStart(before: close)
    // A quotation never holds a citation: the last one before it bounds the search, so a quotation with an
    // unbalanced inner mark (“所谓“印太”[@a]) does not swallow the lines before it.
    for citation in citations where citation.range.end.utf8Offset <= close {
      limit = max(limit, citation.range.end.utf8Offset)
    }
    var depth = 0
    var earliestOpen: Int?
    var index = (from ?? close) - 1
    while index >= limit {
      if mask[index] == ByteClass.prose.rawValue {
        if quote.style == .straight {
          if note[index] == 0x22 { return index }
        } else if note.hasPrefix(quote.open, at: index) {
          if depth == 0 { return index }
          depth -= 1
          earliestOpen = index
        } else if note.hasPrefix(quote.close, at: index) {
          depth += 1
        }
      }
      index -= 1
    }
    // More closing marks than opening ones (a quotation cut inside an inner one, “印太”布局”): the first opening.
    return earliestOpen
  }

  /// `“冷战思⏎⏎维在…”[@a]`: the opening mark in the paragraph before the closing one's, with the blank lines between
  /// them (from the end of the first paragraph's text to the start of the second). Nil when that paragraph has no
  /// unclosed opening mark, or is a block quotation.
  func openingQuoteAcrossBlankLine(for quote: (close: [UInt8], open: [UInt8], style: Quotation.Style), closingAt close: Int)
    -> (open: Int, blank: TextRange)?
  {
    guard quote.style != .straight else { return nil }
    let secondStart = note.paragraphStart(before: close)
    guard secondStart > 0 else { return nil }
    var firstEnd = secondStart
    while firstEnd > 0, [0x0A, 0x0D, 0x20, 0x09].contains(note[firstEnd - 1]) { firstEnd -= 1 }
    guard firstEnd > 0, !isBlockQuoteLine(note.lineStart(before: firstEnd - 1)),
      !isBlockQuoteLine(note.lineStart(before: close))
    else { return nil }
    let firstStart = note.paragraphStart(before: firstEnd - 1)
    // The second paragraph holds no opening mark before the close (else it would have been found there).
    guard let open = openingQuote(for: quote, closingAt: close, from: firstEnd, paragraphStart: firstStart) else {
      return nil
    }
    return (open, TextRange(firstEnd, secondStart))
  }

  mutating func findBlockQuotations() {
    let quoted = Dictionary(quotations.enumerated().map { ($1.citation, $0) }, uniquingKeysWith: { first, _ in first })
    var replaced: [Int] = []
    defer { for index in replaced.sorted(by: >) { quotations.remove(at: index) } }
    var lineStart = 0
    while lineStart < note.count {
      guard isBlockQuoteLine(lineStart) else {
        lineStart = note.lineEnd(from: lineStart) + 1
        continue
      }
      let blockStart = lineStart
      var lastLineStart = lineStart
      while lineStart < note.count, isBlockQuoteLine(lineStart) {
        lastLineStart = lineStart
        lineStart = note.lineEnd(from: lineStart) + 1
      }
      let lastLineEnd = note.lineEnd(from: lastLineStart)
      var tied: Int?
      // The last line ends with a citation (then maybe closing punctuation)…
      if let index = citations.lastIndex(where: {
        $0.isBracketed && $0.range.start.utf8Offset >= lastLineStart && $0.range.end.utf8Offset <= lastLineEnd
      }), onlyPunctuation(from: citations[index].range.end.utf8Offset, to: lastLineEnd) {
        tied = index
      } else if lineStart < note.count {
        // …or the next line holds only a citation.
        let nextEnd = note.lineEnd(from: lineStart)
        let content = note.trimmed(lineStart, nextEnd)
        tied = citations.firstIndex {
          $0.isBracketed && $0.range.start.utf8Offset == content.start && $0.range.end.utf8Offset == content.end
        }
      }
      guard let citationIndex = tied else { continue }
      let contentStart = lineContentStart(blockStart)
      // The citation closes an inline quotation: the whole block when it opens the block; else the block's last
      // words (`> ……在中美竞争中“选边站” [@k]`), and the block, pasted from the paper, is the quotation to check.
      var inline: Int?
      if let index = quoted[citationIndex] {
        guard quotations[index].range.start.utf8Offset > contentStart else { continue }
        inline = index
      }
      let citationStart = citations[citationIndex].range.start.utf8Offset
      var contentEnd = citationStart > lastLineEnd ? lastLineEnd : citationStart
      contentEnd = note.trimmed(contentStart, contentEnd).end
      while contentEnd > contentStart, note.hasPrefix(Array("—".utf8), at: contentEnd - 3) { contentEnd -= 3 }
      contentEnd = note.trimmed(contentStart, contentEnd).end
      guard contentStart < contentEnd, !isIgnored(contentStart) else { continue }
      // A block citing other sources inside is a passage of the analyst's own, not one quotation.
      if citations.contains(where: { $0.range.start.utf8Offset >= contentStart && $0.range.end.utf8Offset <= contentEnd }) {
        continue
      }
      let pieces = fragments(from: contentStart, to: contentEnd, stripBlockMarkers: true)
      guard !pieces.isEmpty else { continue }
      if let inline { replaced.append(inline) }
      quotations.append(
        Quotation(
          style: .block, range: TextRange(blockStart, contentEnd), textRange: TextRange(contentStart, contentEnd),
          text: Self.removingBlockMarkers(note.string(contentStart, contentEnd)), fragments: pieces,
          citation: citationIndex))
    }
  }

  func isBlockQuoteLine(_ lineStart: Int) -> Bool {
    var index = lineStart
    var spaces = 0
    while note[index] == 0x20, spaces < 3 {
      index += 1
      spaces += 1
    }
    return note[index] == 0x3E && !isIgnored(index)
  }

  func onlyPunctuation(from start: Int, to end: Int) -> Bool {
    let rest = note.string(start, end)
    return rest.unicodeScalars.allSatisfy { " \t\r.。,，;；".unicodeScalars.contains($0) }
  }

  // MARK: - Sentences

  /// Sentence ranges: split at 。！？ (and . ! ? before white space) outside citations and code,
  /// at blank lines, and before headings and list items. A citation right after a full stop stays with it.
  /// Abbreviations whose full stop ends no sentence (`e.g.`, `i.e.`, `cf.`, `U.S.`). Not `etc.` or `no.`, which end
  /// sentences as often as not.
  static let abbreviations: Set<String> = ["e.g", "i.e", "cf", "vs", "al", "ca", "viz", "u.s", "u.k", "vol", "pp", "para", "fn", "mr", "ms", "dr"]

  /// Whether the `.` at `index` ends one of `abbreviations` (the word before it, from the last space).
  func endsAbbreviation(at index: Int) -> Bool {
    var start = index
    while start > 0, note[start - 1] < 0x80, !isSpaceByte(note[start - 1]), note[start - 1] != 0x28, index - start < 6 {
      start -= 1
    }
    guard start < index, start == 0 || isSpaceByte(note[start - 1]) || note[start - 1] == 0x28 || note[start - 1] >= 0x80
    else { return false }
    return Self.abbreviations.contains(note.string(start, index).lowercased())
  }

  func sentenceRanges() -> [TextRange] {
    var ranges: [TextRange] = []
    var sentenceStart = 0
    var index = 0
    var atLineStart = true
    func close(_ end: Int) {
      let trimmed = note.trimmed(sentenceStart, end)
      if trimmed.start < trimmed.end { ranges.append(TextRange(sentenceStart, end)) }
      sentenceStart = end
    }
    while index < note.count {
      if atLineStart {
        atLineStart = false
        let lineEnd = note.lineEnd(from: index)
        if note.trimmed(index, lineEnd).start == note.trimmed(index, lineEnd).end || startsBlock(at: index) {
          close(index)
        }
      }
      let byte = note[index]
      if byte == 0x0A {
        atLineStart = true
        index += 1
        continue
      }
      guard mask[index] == ByteClass.prose.rawValue else {
        index += 1
        continue
      }
      let (value, length) = note.scalar(at: index)
      var end = -1
      if value == 0x3002 || value == 0xFF01 || value == 0xFF1F {
        end = index + length
      } else if value == 0x2E || value == 0x21 || value == 0x3F {
        let next = note[index + 1]
        if index + 1 >= note.count || isSpaceByte(next), !(value == 0x2E && endsAbbreviation(at: index)) {
          end = index + 1
        }
      }
      if end >= 0 {
        // Keep closing quotes and brackets, and a citation that follows the full stop, in this sentence.
        var cursor = end
        while cursor < note.count {
          let (nextValue, nextLength) = note.scalar(at: cursor)
          if [0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x22].contains(nextValue) {
            cursor += nextLength
          } else {
            break
          }
        }
        var probe = cursor
        while note[probe] == 0x20 { probe += 1 }
        if probe < note.count, mask[probe] == ByteClass.construct.rawValue, note[probe] == 0x5B,
          let citation = citations.first(where: { $0.range.start.utf8Offset == probe })
        {
          cursor = citation.range.end.utf8Offset
        }
        close(cursor)
        index = cursor
        continue
      }
      index += length
    }
    close(note.count)
    return ranges
  }

  func startsBlock(at lineStart: Int) -> Bool {
    var index = lineStart
    while note[index] == 0x20 { index += 1 }
    let byte = note[index]
    if byte == 0x23 { return true }  // heading
    if byte == 0x2D || byte == 0x2A || byte == 0x2B, note[index + 1] == 0x20 { return true }  // bullet
    var digits = index
    while isASCIIDigit(note[digits]) { digits += 1 }
    return digits > index && (note[digits] == 0x2E || note[digits] == 0x29) && note[digits + 1] == 0x20
  }
}

extension String {
  var trimmingSpaces: String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars = scalars.dropFirst() }
    while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars = scalars.dropLast() }
    return String(scalars)
  }
}
