//! Joins raw line pieces into one clean passage and records where every normalised byte came from.

/// Builds a `Passage` from raw line segments, in raw order.
///
/// Rules: white space runs become one space, or nothing when either side is CJK (PDF extraction pads
/// digits and Latin words inside Chinese text with spaces); lines are joined with no space between CJK
/// and one space between Latin words; a hyphen (⁃ ‐) ending a line inside a word is dropped; spaced-out
/// abbreviations in brackets (（A P4）, （Q u ad）) are closed up; Markdown emphasis around Latin text, the brackets
/// of autolinks, backslash escapes and the caret of a superscript mark (^①) are dropped.
struct PassageBuilder {
  private(set) var bytes: [UInt8] = []
  private(set) var map = OffsetMap()
  /// The last scalar written, 0 before any.
  private var last: UInt32 = 0
  /// White space (or a line break) seen since the last written scalar.
  private var pendingSpace = false
  /// Raw offset of a single ASCII space that can be copied for the pending space, if any.
  private var pendingSpaceRaw: Int?
  /// The previous line ended in a way that joins without a space (hyphen, URL, slash).
  private var joinTight = false
  /// The pending join is a URL's, broken over lines: an access date in brackets after it keeps its space.
  private var joinsURL = false
  /// The scalar before the last footnote mark written (①), whose side the mark takes for spacing.
  private var beforeMark: UInt32 = 0
  /// Keep a space between wide characters (the keywords line: "小多边 印太战略" are two keywords, not one word).
  var keepsSpacesBetweenWide = false
  /// Every piece appended began and ended on a scalar boundary of the raw text, which is valid UTF-8: then so are
  /// `bytes` (whole scalars and ASCII spaces), and `build` makes its String without validating them again.
  private var wholeScalars = true
  /// The debris offsets of the piece being appended (`MarkdownDebris.offsets(_:from:to:carets:into:)`), kept for
  /// the next piece.
  private var debrisOffsets: [Int] = []

  var isEmpty: Bool { bytes.isEmpty }

  /// Room for `count` normalised bytes (the text's bytes are copied once, not regrown line by line).
  mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

  /// Appends raw bytes `start..<end` (one line's content, or part of it), without the Markdown that extraction
  /// left in some papers (`*Journal*`, `<https://…>`, `\[`): a reader of the PDF sees italics, not asterisks.
  /// With the raw `line` the bytes lie within, what its measure found spares searching them again: for debris
  /// (`RawLine.mayHoldDebris`) and for the end of each run (`RawLine.isOneRun`).
  mutating func append(_ text: ByteText, from start: Int, to end: Int, within line: RawLine? = nil) {
    if !text.isScalarBoundary(start) || !text.isScalarBoundary(end) { wholeScalars = false }
    var from = max(0, start)
    let isOneRun = line?.isOneRun ?? false
    guard line?.mayHoldDebris ?? true else { return appendPlain(text, from: from, to: end, isOneRun: isOneRun) }
    let carets = line?.mayHoldCaret ?? true
    // The offsets buffer is taken out of `self` while it is read, and put back with its capacity.
    var offsets: [Int] = []
    swap(&offsets, &debrisOffsets)
    MarkdownDebris.offsets(text, from: from, to: min(end, text.count), carets: carets, into: &offsets)
    for offset in offsets {
      appendPlain(text, from: from, to: offset, isOneRun: isOneRun)
      from = offset + 1
      // <https://…>[2024-04-18], [text](https://…)[2024-04-18] (or \[2024-04-18\]): the dropped end of a URL kept it
      // apart from the access date; a space does now, or the date reads as part of the URL.
      if text[offset] == 0x3E || text[offset] == 0x29, last != 0, !pendingSpace,
        text[offset + 1] == 0x5B || (text[offset + 1] == 0x5C && text[offset + 2] == 0x5B)
      {
        pendingSpace = true
        pendingSpaceRaw = nil
      }
    }
    swap(&offsets, &debrisOffsets)
    appendPlain(text, from: from, to: end, isOneRun: isOneRun)
  }

  private mutating func appendPlain(_ text: ByteText, from start: Int, to end: Int, isOneRun: Bool) {
    var i = max(0, start)
    let end = min(end, text.count)
    var closeUpUntil = -1
    while i < end {
      let (v, len) = text.scalar(at: i)
      if CharClass.isSpace(v) || v == 0xFEFF {
        if i >= closeUpUntil {
          if !pendingSpace { pendingSpaceRaw = (v == 0x20) ? i : nil } else { pendingSpaceRaw = nil }
          pendingSpace = true
        }
        i += len
        continue
      }
      if v == 0xFF08 || v == 0x28, let close = Self.spacedAbbreviationEnd(text, after: i + len, limit: end) {
        closeUpUntil = close
      }
      // The scalar, and the run of ordinary scalars after it, are copied in one go.
      let run =
        isOneRun && i + len < end
        ? (end: end, lastStart: text.scalar(before: end).start)
        : Self.ordinaryRun(text, from: i + len, to: end, spacesFrom: closeUpUntil)
      emit(v, raw: i, length: len, text: text, runEnd: run.end)
      if run.end > i + len {
        last = text.scalar(at: run.lastStart).value
        if CharClass.circledNumber(last) != nil { beforeMark = text.scalar(before: run.lastStart).value }
        i = run.end
      } else {
        i += len
      }
    }
  }

  /// The run of scalars from `start` that need no decision (no opening bracket, no white space but a space that
  /// stays as it is): where it ends (at most `end`) and where its last scalar starts. Most of a passage is such
  /// runs: this loop sees most bytes.
  ///
  /// A single space from `spacesFrom` on between a Latin word (or a digit, or , ; : and ")") and a letter or digit
  /// is such a space: `emit` would keep it and copy it (no side of it is wide, neither is a hyphen, a slash or a
  /// dot, and a space inside the run follows no line break). References and English abstracts are mostly such
  /// words: copied a word at a time, they cost more than Chinese text.
  private static func ordinaryRun(_ text: ByteText, from start: Int, to end: Int, spacesFrom: Int)
    -> (end: Int, lastStart: Int)
  {
    guard start < end, let bytes = text.bytes.baseAddress else { return (start, -1) }
    var j = start
    var lastStart = -1
    while j < end {
      let byte = bytes[j]
      if byte < 0x80 {
        if byte == 0x20, j > start, j >= spacesFrom, j + 1 < end, keepsSpaceBetween(bytes[j - 1], bytes[j + 1]) {
          j += 1
          continue
        }
        if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x28 { break }
        lastStart = j
        j += 1
        continue
      }
      // U+3000, U+00A0, U+FEFF and （ need the slow path; their bytes are tested at once.
      let word = text.word(at: j)
      if ByteText.startsWithWideSpace(word) || word & 0xFF_FFFF == 0x88_BCEF { break }
      lastStart = j
      j += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    }
    return (min(j, end), lastStart)
  }

  /// Whether a single space between the ASCII bytes `left` and `right` is written as it is (see `ordinaryRun`).
  @inline(__always)
  private static func keepsSpaceBetween(_ left: UInt8, _ right: UInt8) -> Bool {
    isASCIIAlphanumeric(right)
      && (isASCIIAlphanumeric(left) || left == 0x2C || left == 0x3B || left == 0x3A || left == 0x29)
  }

  @inline(__always)
  private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10
  }

  /// Marks a line break between two appended pieces.
  mutating func lineBreak(_ text: ByteText, previousLineEnd: Int) {
    guard last != 0 else { return }
    // A URL or path broken over lines continues without a space; so does a word split at a hyphen.
    let url = last < 0x80 && endsWithURL(text, before: previousLineEnd)
    if last == 0x2F || last == 0x5F || last == 0x2D || url {
      joinTight = true
      joinsURL = last != 0x2D || url
    }
    pendingSpace = true
    pendingSpaceRaw = nil
  }

  /// Joins the next piece directly to the previous one (a hyphen was dropped).
  mutating func joinWithoutSpace() {
    joinTight = true
    joinsURL = false
    pendingSpace = false
    pendingSpaceRaw = nil
  }

  /// Writes the scalar `v` at `raw` (after the pending space, if it is kept), with the ordinary run after it up to
  /// `runEnd` when there is one.
  private mutating func emit(_ v: UInt32, raw: Int, length: Int, text: ByteText, runEnd: Int) {
    // …/index.html⏎[2023-07-25]: no URL holds a bracket; the access date opens after a space.
    if joinsURL, v == 0x5B { joinTight = false }
    joinsURL = false
    // "inter - regional", "US - China", "158 - 196", "U. K. - Italy": extraction pads a hyphen inside a word, a
    // range or a compound with spaces. So it does an en dash ("Indo – Pacific", "2024 – 05 – 19", "pp. 3 – 10"),
    // which prose also writes spaced as a dash ("the alliance – which…"): only before a capital or a digit.
    let afterAbbreviation = last == 0x2E && bytes.count >= 2 && (0x41...0x5A).contains(bytes[bytes.count - 2])
    let paddedHyphen =
      (v == 0x2D || v == 0x2013) && pendingSpace && (Self.isLatinAlphanumeric(last) || afterAbbreviation)
      && text[raw + length] == 0x20
      && (v == 0x2D
        ? Self.isLatinAlphanumeric(UInt32(text[raw + length + 1])) : Self.isCapitalOrDigit(text[raw + length + 1]))
    if pendingSpace, last != 0, !joinTight, !paddedHyphen,
      keepsSpacesBetweenWide || !isWideForSpacing(before: v, text: text, at: raw) || spaceAroundALatinWord(before: v)
        || spaceInJapanese(before: v, text: text),
      !spaceInsideURL(before: v)
    {
      if let spaceRaw = pendingSpaceRaw {
        map.appendCopy(rawStart: spaceRaw, length: 1)
      } else {
        map.appendInserted(length: 1, rawAnchor: raw)
      }
      bytes.append(0x20)
    }
    pendingSpace = false
    pendingSpaceRaw = nil
    joinTight = false
    let copyEnd = max(raw + length, runEnd)
    map.appendCopy(rawStart: raw, length: copyEnd - raw)
    if copyEnd - raw == 1 {
      bytes.append(text[raw])
    } else {
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text.bytes[raw..<min(copyEnd, text.count)]))
    }
    if CharClass.circledNumber(v) != nil { beforeMark = last }
    last = v
    if paddedHyphen { joinTight = true }
  }

  private static func isLatinAlphanumeric(_ v: UInt32) -> Bool { CharClass.isLatinLetter(v) || CharClass.isDigit(v) }

  private static func isCapitalOrDigit(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) }

  /// Whether either side of a pending space before `v` is wide (the space goes). A footnote mark (①) takes the side
  /// of what precedes it: Latin text keeps its spaces around one (signed it ① in 2007, in 2007. ① The), Chinese has
  /// none (威慑。① 2022年 and 关联。”④ 2023年 read 威慑。①2022年, 关联。”④2023年).
  /// Curly double quotes take the side of the text they quote: “网格架构” (lattice-work) reads “网格架构”(lattice-work),
  /// where “Japan” (2020) keeps its space.
  private func isWideForSpacing(before v: UInt32, text: ByteText, at raw: Int) -> Bool {
    let leftIsWide: Bool
    if CharClass.circledNumber(last) != nil {
      let b = beforeMark
      leftIsWide = !(CharClass.isLatinLetter(b) || CharClass.isDigit(b) || [0x2E, 0x2C, 0x3B, 0x3A, 0x29].contains(b))
    } else if last == 0x201D {
      leftIsWide = CharClass.isWide(scalarBeforeLast())
    } else {
      leftIsWide = CharClass.isWide(last)
    }
    if leftIsWide { return true }
    if v == 0x201C { return CharClass.isWide(text.scalar(at: raw + 3).value) }
    return CharClass.circledNumber(v) == nil && CharClass.isWide(v)
  }

  /// The scalar written before the last one, a curly quote (three bytes); 0 if none.
  private func scalarBeforeLast() -> UInt32 {
    guard bytes.count > 3 else { return 0 }
    return bytes.withUnsafeBufferPointer { ByteText(bytes: $0).scalar(before: $0.count - 3).value }
  }

  /// A space written between two words of a Japanese title is the author's: headlines part their phrases so
  /// (「レーダー完成、輸出へ フィリピン向け 『三原則』策定後初」, 「日欧安保、近づく距離 ウクライナ侵攻契機」), where Chinese
  /// has no such space. Only a single written space counts (never a line break), between ideographs or kana (or a
  /// bracket closing or opening a title), in a line that holds kana.
  private func spaceInJapanese(before v: UInt32, text: ByteText) -> Bool {
    guard let space = pendingSpaceRaw,
      CharClass.isHanOrKana(last) || last == 0x300D || last == 0x300F,
      CharClass.isHanOrKana(v) || v == 0x300C || v == 0x300E
    else { return false }
    return Self.lineHoldsKana(text, around: space)
  }

  /// Whether the raw line around `offset` (at most 120 bytes either way) holds a hiragana or katakana letter.
  private static func lineHoldsKana(_ text: ByteText, around offset: Int) -> Bool {
    func isKana(_ i: Int) -> Bool {
      text[i] == 0xE3 && (0x81...0x83).contains(text[i + 1]) && CharClass.isHanOrKana(text.scalar(at: i).value)
    }
    var i = offset
    while i < text.count, i - offset < 120, text[i] != 0x0A {
      if isKana(i) { return true }
      i += 1
    }
    i = offset - 1
    while i >= 0, offset - i < 120, text[i] != 0x0A {
      if isKana(i) { return true }
      i -= 1
    }
    return false
  }

  /// A space written in the line between a Han character and a Latin word (将 QUAD 视为, 制度化 and 内部分工) is
  /// the author's and stays; one between Han and digits (2023 年) is extraction's, and a line break adds none.
  private func spaceAroundALatinWord(before v: UInt32) -> Bool {
    // Kana too: a Japanese title spaces a Latin word on both sides (新たな日 ASEAN の経済協力).
    pendingSpaceRaw != nil
      && ((CharClass.isHanOrKana(last) && CharClass.isLatinLetter(v))
        || (CharClass.isLatinLetter(last) && CharClass.isHanOrKana(v)))
  }

  /// Extraction pads the dots and slashes of URLs with spaces ("https://www.meti. go. jp / press / 2021"): a space
  /// next to a slash, or after a dot and before a lowercase letter or digit, inside a token that began as a URL is
  /// no space. A bracket after it ("/ [2023-06-10]") opens the access date and keeps its space.
  private func spaceInsideURL(before v: UInt32) -> Bool {
    let slash: UInt32 = 0x2F
    let dot: UInt32 = 0x2E
    let lowerOrDigit = (0x61...0x7A).contains(v) || CharClass.isDigit(v)
    guard
      (last == slash && v != 0x5B && v != 0x3C) || v == slash || (last == dot && lowerOrDigit)
        || (v == dot && (CharClass.isDigit(last) || CharClass.isLatinLetter(last)))
    else { return false }
    // The token written so far, back to the last space: does it start a URL?
    var start = bytes.count
    while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] < 0x80, bytes.count - start < 400 { start -= 1 }
    let token = bytes[start...]
    guard token.count >= 4 else { return false }
    return Self.contains(token, "://") || Self.contains(token, "www.")
  }

  private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: StaticString) -> Bool {
    let n = needle.utf8CodeUnitCount
    guard haystack.count >= n else { return false }
    return needle.withUTF8Buffer { pattern in
      var i = haystack.startIndex
      while i + n <= haystack.endIndex {
        if haystack[i..<(i + n)].elementsEqual(pattern) { return true }
        i += 1
      }
      return false
    }
  }

  private func endsWithURL(_ text: ByteText, before end: Int) -> Bool {
    // The last token of the line (after its last space) looks like a URL.
    var start = end
    while start > 0, text[start - 1] != 0x20, text[start - 1] != 0x0A, text[start - 1] != 0x09, end - start < 400 {
      start -= 1
    }
    return text.find("://", from: start, to: end) != nil || text.find("www.", from: start, to: end) != nil
  }

  /// If `（` at `start` opens a short run of ASCII letters and digits spaced out by extraction (`A P4`, `Q u ad`,
  /// `SCR I`), the offset of its closing bracket.
  static func spacedAbbreviationEnd(_ text: ByteText, after start: Int, limit: Int) -> Int? {
    var i = start
    var sawSpace = false
    var tokenLength = 0
    var previousLength = 0
    var lastIsDigit = false
    var shortToken = false
    var letters = 0
    // A one-character piece is a spaced-out letter (A P4, Q u ad), but a number after a word is the name's own
    // (CHIP 4).
    func endToken() {
      if tokenLength == 1 && !(lastIsDigit && previousLength >= 3) { shortToken = true }
      previousLength = tokenLength
      tokenLength = 0
    }
    while i < limit, i - start <= 16 {
      let (v, len) = text.scalar(at: i)
      if v == 0xFF09 || v == 0x29 {
        endToken()
        return sawSpace && shortToken && letters >= 2 ? i : nil
      }
      if v == 0x20 {
        if tokenLength == 0 { return nil }
        endToken()
        sawSpace = true
      } else if CharClass.isLatinLetter(v) || CharClass.isDigit(v) {
        tokenLength += 1
        letters += 1
        lastIsDigit = CharClass.isDigit(v)
      } else {
        return nil
      }
      i += len
    }
    return nil
  }

  func build() -> Passage {
    var text = wholeScalars ? Self.string(validUTF8: bytes) : String(decoding: bytes, as: UTF8.self)
    text.makeContiguousUTF8()
    var map = map
    map.trimCapacity()
    return Passage(text: text, map: map)
  }

  /// Builds the passage and empties the builder for the next one, keeping its buffers: a paper's paragraphs and
  /// notes are built one after another in the same buffers instead of growing new ones for each.
  mutating func finish() -> Passage {
    let passage = build()
    bytes.removeAll(keepingCapacity: true)
    map.removeAll(keepingCapacity: true)
    last = 0
    pendingSpace = false
    pendingSpaceRaw = nil
    joinTight = false
    joinsURL = false
    beforeMark = 0
    wholeScalars = true
    return passage
  }
}

extension PassageBuilder {
  /// A String of bytes known to be valid UTF-8, copied without the validation pass of `String(decoding:as:)`
  /// (that pass cost as much as building the passage). The same String: its ASCII flag is set as that pass sets it.
  static func string(validUTF8 bytes: [UInt8]) -> String {
    if #available(macOS 26.0, iOS 26.0, watchOS 26.0, tvOS 26.0, visionOS 26.0, *) {
      return bytes.withUnsafeBufferPointer { buffer in
        var span = unsafe UTF8Span(unchecked: Span(_unsafeElements: buffer))
        _ = span.checkForASCII()
        return String(copying: span)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// Markdown that PDF-to-Markdown extraction left in the text: the asterisks of `*Journal Title*` and
/// `**Title**` around Latin text, the brackets of `<https://…>`, the link syntax of `[https://…](https://…)` (its
/// text is what the page shows; the target repeats it), and the backslash of `\[` `\]` `\*` `\_` `\$`.
enum MarkdownDebris {
  /// `*`, `<`, `\` and `[`: the bytes that open debris (and `^`, looked for on its own: a `ByteSet` holds four).
  static let debrisStarts = ByteSet(0x2A, 0x3C, 0x5C, 0x5B)
  static let caret = ByteSet(0x5E)

  /// Offsets of the single bytes to drop in `start..<end`, ascending, into `found` (emptied first: a builder passes
  /// the same buffer for every piece, as most pieces that may hold debris, a `[` of a reference, hold none).
  /// `carets`: the piece may hold a `^` (`RawLine.mayHoldCaret`).
  static func offsets(_ text: ByteText, from start: Int, to end: Int, carets: Bool, into found: inout [Int]) {
    found.removeAll(keepingCapacity: true)
    // Only `*`, `<`, `\`, `[` and `^` open debris: most pieces hold none and are skipped in one fast scan.
    guard start < end else { return }
    if carets { superscriptCarets(text, from: start, to: end, into: &found) }
    guard var i = text.firstOffset(of: Self.debrisStarts, from: start, to: end) else { return }
    let caretCount = found.count
    // Inside a link's text, which is kept (and may hold escapes): where it ends, and where its target ends.
    var linkTextEnd = -1
    var linkTargetEnd = -1
    while i < end {
      if linkTextEnd >= 0, i >= linkTextEnd {
        i = linkTargetEnd
        linkTextEnd = -1
        continue
      }
      let byte = text[i]
      if byte == 0x5B, linkTextEnd < 0, let link = linkEnd(text, at: i, end: end) {
        found.append(i)
        found.append(contentsOf: link.close..<link.targetEnd)
        linkTextEnd = link.close
        linkTargetEnd = link.targetEnd
        i += 1
        continue
      }
      // Inside a link's text, debris closes before the text does.
      let limit = linkTextEnd >= 0 ? linkTextEnd : end
      if byte == 0x2A, let close = emphasisEnd(text, at: i, start: start, end: limit) {
        let run = text[i + 1] == 0x2A ? 2 : 1
        found.append(contentsOf: i..<(i + run))
        found.append(contentsOf: close..<(close + run))
        i = close + run
        continue
      }
      if byte == 0x3C, let close = autolinkEnd(text, at: i, end: limit) {
        found.append(i)
        found.append(close)
        i = close + 1
        continue
      }
      if byte == 0x5C, i + 1 < limit, Self.isEscapable(text[i + 1]) {
        found.append(i)
        i += 2
        continue
      }
      i += 1
    }
    if found.count > caretCount { found.sort() }
  }

  /// `[`, `]`, `*`, `_` and `$`: what a backslash escapes in the Markdown extraction writes.
  private static func isEscapable(_ byte: UInt8) -> Bool {
    byte == 0x5B || byte == 0x5D || byte == 0x2A || byte == 0x5F || byte == 0x24
  }

  /// The carets of superscript marks in `start..<end` (^①: the reader of the PDF sees ①), appended to `found`.
  private static func superscriptCarets(_ text: ByteText, from start: Int, to end: Int, into found: inout [Int]) {
    var i = start
    while let caret = text.firstOffset(of: Self.caret, from: i, to: end) {
      if caret + 1 < end, CharClass.circledNumber(text.scalar(at: caret + 1).value) != nil { found.append(caret) }
      i = caret + 1
    }
  }

  /// For `*` or `**` at `i` opening emphasis of Latin text, the offset of the closing run.
  private static func emphasisEnd(_ text: ByteText, at i: Int, start: Int, end: Int) -> Int? {
    let run = i + 1 < end && text[i + 1] == 0x2A ? 2 : 1
    let contentStart = i + run
    guard contentStart < end, !isSpaceOrStar(text[contentStart]) else { return nil }
    if i > start, isLatinAlphanumeric(text[i - 1]) { return nil }
    var j = contentStart
    var hasLetter = false
    while j < end, j - contentStart < 300 {
      let byte = text[j]
      if byte == 0x2A {
        let closes = run == 1 || (j + 1 < end && text[j + 1] == 0x2A)
        guard closes, hasLetter, !isSpaceOrStar(text[j - 1]) else { return nil }
        let after = j + run
        if after < end, isLatinAlphanumeric(text[after]) { return nil }
        return j
      }
      let (scalar, length) = text.scalar(at: j)
      if CharClass.isWide(scalar) { return nil }
      if CharClass.isLatinLetter(scalar) { hasLetter = true }
      j += length
    }
    return nil
  }

  /// For `[` at `i` opening a link to a URL on this piece, `[text](http…)`, the offset of the `]` that closes its
  /// text and the end of the `)` that closes its target. Escaped brackets (`\[`) in the text do not count, and the
  /// target holds no space.
  private static func linkEnd(_ text: ByteText, at i: Int, end: Int) -> (close: Int, targetEnd: Int)? {
    var depth = 0
    var j = i
    var close = -1
    while j < end, j - i < 2000 {
      switch text[j] {
      case 0x5C: j += 1  // an escaped byte
      case 0x5B: depth += 1
      case 0x5D:
        depth -= 1
        if depth == 0 { close = j }
      default: break
      }
      if close >= 0 { break }
      j += 1
    }
    guard close > i + 1, close + 1 < end, text[close + 1] == 0x28,
      text.hasPrefix("http", at: close + 2) || text.hasPrefix("www.", at: close + 2)
    else { return nil }
    var k = close + 2
    while k < end, k - close < 2000 {
      switch text[k] {
      case 0x29: return (close, k + 1)
      case 0x20, 0x09, 0x0A, 0x0D: return nil
      default: k += 1
      }
    }
    return nil
  }

  /// For `<` at `i` opening `<http…>` or `<www.…>` on this piece, the offset of `>`.
  private static func autolinkEnd(_ text: ByteText, at i: Int, end: Int) -> Int? {
    guard text.hasPrefix("http", at: i + 1) || text.hasPrefix("www.", at: i + 1) else { return nil }
    var j = i + 1
    while j < end, j - i < 2000 {
      switch text[j] {
      case 0x3E: return j
      case 0x3C, 0x20, 0x0A, 0x0D: return nil
      default: j += 1
      }
    }
    return nil
  }

  private static func isSpaceOrStar(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x2A }
  private static func isLatinAlphanumeric(_ byte: UInt8) -> Bool {
    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
  }
}
