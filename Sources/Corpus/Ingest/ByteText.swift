//! Byte-level helpers for the reader: scalar decoding at an offset, character classes, raw lines.

/// A read-only view of UTF-8 bytes with scalar decoding. Every access is bounds-checked by hand and
/// never traps: out-of-range reads give 0.
///
/// The bytes are valid UTF-8: a String's storage, or a file's bytes that `RawLine.scanValidating` found valid on
/// the first pass over them (nothing else reads them before). `PassageBuilder` relies on it to make its text without
/// validating it again.
struct ByteText {
  let bytes: UnsafeBufferPointer<UInt8>
  var count: Int { bytes.count }

  /// The byte at `i`, or 0 out of range (both ends tested by one unsigned comparison: this is read everywhere).
  subscript(_ i: Int) -> UInt8 { UInt(bitPattern: i) < UInt(bitPattern: bytes.count) ? bytes[i] : 0 }

  /// The four bytes from `i` as one little-endian word (0 past the end): the hot loops test a scalar's bytes in one
  /// comparison rather than byte by byte, with a branch per byte that the CPU cannot predict.
  @inline(__always)
  func word(at i: Int) -> UInt32 {
    if i >= 0, i + 4 <= bytes.count, let base = bytes.baseAddress {
      return UInt32(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self))
    }
    return UInt32(self[i]) | UInt32(self[i + 1]) << 8 | UInt32(self[i + 2]) << 16 | UInt32(self[i + 3]) << 24
  }

  /// Whether the bytes of `word` (from `word(at:)`) start with U+3000, U+00A0 or U+FEFF: white space beyond ASCII.
  @inline(__always)
  static func startsWithWideSpace(_ word: UInt32) -> Bool {
    let three = word & 0xFF_FFFF
    return three == 0x80_80E3 || three == 0xBF_BBEF || word & 0xFFFF == 0xA0C2
  }

  /// Whether a scalar starts at `i` (or `i` is at either end): the byte there is no continuation byte.
  func isScalarBoundary(_ i: Int) -> Bool { i <= 0 || i >= bytes.count || bytes[i] & 0xC0 != 0x80 }

  /// The first offset in `start..<end` holding a byte of `set`, or nil. Eight bytes at a time: this looks for
  /// rare bytes (Markdown debris, years) in every passage of every paper.
  @inline(__always)
  func firstOffset(of set: ByteSet, from start: Int, to end: Int) -> Int? {
    var i = max(0, start)
    let end = min(end, bytes.count)
    guard i < end, let base = bytes.baseAddress else { return nil }
    while i + 8 <= end {
      if set.occurs(in: UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))) { break }
      i += 8
    }
    while i < end {
      if set.contains(base[i]) { return i }
      i += 1
    }
    return nil
  }

  /// The scalar starting at `i` and its byte length (a stray continuation byte counts as one U+FFFD byte).
  @inline(__always)
  func scalar(at i: Int) -> (value: UInt32, length: Int) {
    let b0 = self[i]
    if b0 < 0x80 { return (UInt32(b0), 1) }
    if b0 < 0xC0 { return (0xFFFD, 1) }
    if b0 < 0xE0 { return ((UInt32(b0 & 0x1F) << 6) | UInt32(self[i + 1] & 0x3F), 2) }
    if b0 < 0xF0 {
      return ((UInt32(b0 & 0x0F) << 12) | (UInt32(self[i + 1] & 0x3F) << 6) | UInt32(self[i + 2] & 0x3F), 3)
    }
    return (
      (UInt32(b0 & 0x07) << 18) | (UInt32(self[i + 1] & 0x3F) << 12) | (UInt32(self[i + 2] & 0x3F) << 6)
        | UInt32(self[i + 3] & 0x3F), 4
    )
  }

  /// The scalar ending just before `end` and its start offset.
  func scalar(before end: Int) -> (value: UInt32, start: Int) {
    var start = end - 1
    while start > 0, self[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
    return (scalar(at: start).value, start)
  }

  func string(_ start: Int, _ end: Int) -> String {
    let lo = max(0, min(start, count))
    let hi = max(lo, min(end, count))
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[lo..<hi]), as: UTF8.self)
  }

  /// True when the bytes at `i` spell `literal`.
  func hasPrefix(_ literal: StaticString, at i: Int) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard i >= 0, i + n <= count else { return false }
    let p = literal.utf8Start
    for k in 0..<n where bytes[i + k] != p[k] { return false }
    return true
  }

  /// True when the bytes at `i` are `bytes`.
  func hasPrefix(_ bytes: [UInt8], at i: Int) -> Bool {
    guard i >= 0, i + bytes.count <= count else { return false }
    for k in 0..<bytes.count where self.bytes[i + k] != bytes[k] { return false }
    return true
  }

  /// First offset of `literal` in `start..<end`, if any.
  func find(_ literal: StaticString, from start: Int, to end: Int) -> Int? {
    let n = literal.utf8CodeUnitCount
    guard n > 0 else { return nil }
    let first = literal.utf8Start[0]
    var i = max(0, start)
    while i + n <= min(end, count) {
      if bytes[i] == first, hasPrefix(literal, at: i) { return i }
      i += 1
    }
    return nil
  }
}

enum CharClass {
  /// Han, kana, CJK punctuation and full-width forms: text joined without spaces.
  static func isWide(_ v: UInt32) -> Bool {
    (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
      || (0xFF00...0xFFEF).contains(v) || (0x20000...0x3FFFF).contains(v) || (0x2460...0x24FF).contains(v)
      || v == 0x2014 || v == 0x2026 || v == 0x2015
  }

  static func isHan(_ v: UInt32) -> Bool { (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) }
  /// Han, or a hiragana or katakana letter (not the middle dot ・ or the length mark ー).
  static func isHanOrKana(_ v: UInt32) -> Bool {
    isHan(v) || (0x3041...0x3096).contains(v) || (0x30A1...0x30FA).contains(v)
  }

  static func isSpace(_ v: UInt32) -> Bool {
    v == 0x20 || v == 0x09 || v == 0x3000 || v == 0xA0 || v == 0x0B || v == 0x0C
  }

  static func isLatinLetter(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }

  static func isDigit(_ v: UInt32) -> Bool { (0x30...0x39).contains(v) }

  /// ① … ⑳, ㉑ … ㊿.
  static func circledNumber(_ v: UInt32) -> Int? {
    if (0x2460...0x2473).contains(v) { return Int(v - 0x2460) + 1 }
    if (0x3251...0x325F).contains(v) { return Int(v - 0x3251) + 21 }
    if (0x32B1...0x32BF).contains(v) { return Int(v - 0x32B1) + 36 }
    return nil
  }

  /// Punctuation that ends a sentence (and so may end a paragraph).
  static func isTerminal(_ v: UInt32) -> Bool {
    v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x21 || v == 0x3F || v == 0x2E || v == 0xFF0E
      || v == 0x2026 || v == 0xFF1A || v == 0x3A || v == 0xFF1B
  }

  /// Closing quotes and brackets that may follow the terminal punctuation of a sentence.
  static func isCloser(_ v: UInt32) -> Bool {
    v == 0x201D || v == 0x2019 || v == 0xFF09 || v == 0x300D || v == 0x300F || v == 0x300B || v == 0x29
      || v == 0x5D || v == 0x3011 || v == 0x22 || v == 0x27
  }

  /// Hyphens that PDF extraction leaves at the end of a line inside a word: ⁃ (U+2043), ‐ (U+2010).
  static func isLineHyphen(_ v: UInt32) -> Bool { v == 0x2043 || v == 0x2010 }
}

/// One to four byte values looked for eight bytes at a time (`ByteText.firstOffset(of:from:to:)`).
struct ByteSet: Sendable {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080
  /// How many of the lanes hold a value.
  private let count: Int
  /// Each value in every byte of a word; lanes from `count` on are never read.
  private let m0: UInt64, m1: UInt64, m2: UInt64, m3: UInt64

  /// Every value is ASCII: then a word of non-ASCII bytes (Han text is nothing else) holds none of them, which one
  /// test tells.
  private let asciiOnly: Bool

  init(_ values: UInt8...) {
    precondition((1...4).contains(values.count), "a ByteSet holds one to four bytes")
    count = values.count
    asciiOnly = values.allSatisfy { $0 < 0x80 }
    func lane(_ k: Int) -> UInt64 { k < values.count ? Self.ones &* UInt64(values[k]) : 0 }
    (m0, m1, m2, m3) = (lane(0), lane(1), lane(2), lane(3))
  }

  /// Whether `byte` is in the set: a word of eight copies of it holds a value exactly when it is one.
  @inline(__always)
  func contains(_ byte: UInt8) -> Bool { occurs(in: Self.ones &* UInt64(byte)) }

  /// Whether some byte of `word` is in the set. A byte of `word ^ lane` is zero where `word` holds that lane's
  /// value; the classic test sets the high bit of (at least) the first such zero byte.
  @inline(__always)
  func occurs(in word: UInt64) -> Bool {
    func hasZeroByte(_ v: UInt64) -> Bool { (v &- Self.ones) & ~v & Self.highs != 0 }
    if asciiOnly && word & Self.highs == Self.highs { return false }
    return hasZeroByte(word ^ m0) || (count > 1 && hasZeroByte(word ^ m1)) || (count > 2 && hasZeroByte(word ^ m2))
      || (count > 3 && hasZeroByte(word ^ m3))
  }
}

/// One raw line: byte range without terminator, its trimmed content, and a few measures.
struct RawLine {
  var start: Int
  /// Offset of the terminator (or end of text).
  var end: Int
  /// Content without leading and trailing white space.
  var contentStart: Int
  var contentEnd: Int
  /// The line begins with white space: PDF extraction marks a new page this way.
  var leadingSpace: Bool
  /// Width in half-ems: 1 per ASCII byte, 2 per other scalar.
  var width: Int
  var wideCount: Int
  var latinCount: Int
  /// The line holds a byte that may open Markdown debris (`MarkdownDebris.debrisStarts`): most lines do not, and
  /// are not searched for it again.
  var mayHoldDebris: Bool
  /// The line holds a `^`, which may be a superscript mark's (^①).
  var mayHoldCaret: Bool
  /// No white space and no opening bracket ( （ inside the content: what `PassageBuilder` copies in one run when it
  /// meets none, so any piece of the content is one such run, unsearched.
  var isOneRun: Bool

  var isBlank: Bool { contentStart >= contentEnd }
  var range: TextRange { TextRange(contentStart, contentEnd) }
  /// Mostly Latin: an English abstract or reference line.
  var isLatinDominant: Bool { latinCount > 3 * wideCount && latinCount >= 8 }

  /// Lines as `LineIndex` counts them: split at `\n`, `\r\n` or `\r`; line `k` here is line `k` there.
  static func scan(_ text: ByteText) -> [RawLine] {
    var valid = true
    return scan(text, valid: &valid)
  }

  /// The lines of bytes not yet known to be UTF-8, or nil when they are not strictly valid UTF-8 (the rule of
  /// `String(validating:)`: no overlong forms, no surrogates, nothing past U+10FFFF). The check rides on the pass
  /// that measures the lines, rather than a pass of its own, and tests most Chinese text a word at a time.
  static func scanValidating(_ text: ByteText) -> [RawLine]? {
    var valid = true
    let lines = scan(text, valid: &valid)
    return valid ? lines : nil
  }

  private static func scan(_ text: ByteText, valid: inout Bool) -> [RawLine] {
    var lines: [RawLine] = []
    lines.reserveCapacity(text.count / 40 + 1)
    var start = 0
    while true {
      let line = measure(text, from: start, valid: &valid)
      lines.append(line)
      guard line.end < text.count else { break }
      start = line.end + (text[line.end] == 0x0D && text[line.end + 1] == 0x0A ? 2 : 1)
    }
    return lines
  }

  /// Measures the line starting at `start`, up to its terminator, in one pass over its bytes and without decoding
  /// scalars (this runs on every byte of every paper). Clears `valid` on a byte sequence that is not UTF-8.
  private static func measure(_ text: ByteText, from start: Int, valid: inout Bool) -> RawLine {
    var line = RawLine(
      start: start, end: text.count, contentStart: 0, contentEnd: 0, leadingSpace: false, width: 0, wideCount: 0,
      latinCount: 0, mayHoldDebris: false, mayHoldCaret: false, isOneRun: false)
    let n = text.count
    guard start < n, let bytes = text.bytes.baseAddress else {
      line.contentStart = line.end
      line.contentEnd = line.end
      return line
    }
    var i = start
    var firstContent = -1
    var lastContentEnd = start
    var pendingSpaceWidth = 0
    // Counted in locals, not in `line`'s fields: they stay in registers.
    var width = 0
    var wideCount = 0
    var latinCount = 0
    // Bits of `markBelow64` and `markFrom64` seen, and white space seen between content.
    var marks: UInt64 = 0
    var innerSpace = 0
    scanning: while i < n {
      let byte = bytes[i]
      if byte >= 0xE2 && byte <= 0xEF {
        // A run of three-byte scalars from U+2000 on (Han, CJK punctuation, full-width forms: most of any line):
        // wide, and never white space but U+3000 and U+FEFF. Measured in one go.
        var k = i
        var wide = 0
        // Four bytes at a time while they are in bounds (one load and one test a character); then byte by byte.
        while k + 4 <= n {
          let word = UnsafeRawPointer(bytes + k).loadUnaligned(as: UInt32.self).littleEndian
          let lead = UInt8(truncatingIfNeeded: word)
          guard lead >= 0xE2 && lead <= 0xEF, Self.isPlainThreeByteSequence(word) else { break }
          let three = word & 0xFF_FFFF
          if three == 0x80_80E3 || three == 0xBF_BBEF || three == 0x88_BCEF { break }  // U+3000, U+FEFF, （
          k += 3
          wide += 1
        }
        while k < n {
          let lead = bytes[k]
          guard lead >= 0xE2 && lead <= 0xEF, k + 2 < n, Self.isPlainThreeByteSequence(text.word(at: k)) else { break }
          let three = text.word(at: k) & 0xFF_FFFF
          if three == 0x80_80E3 || three == 0xBF_BBEF || three == 0x88_BCEF { break }  // U+3000, U+FEFF, （
          k += 3
          wide += 1
        }
        if k > i {
          if firstContent < 0 { firstContent = i }
          width += pendingSpaceWidth + 2 * wide
          innerSpace |= pendingSpaceWidth
          pendingSpaceWidth = 0
          wideCount += wide
          lastContentEnd = min(k, n)
          i = k
          continue
        }
      }
      if byte > 0x20 && byte < 0x80 {
        // A run of printable ASCII (a Latin word, digits): one byte, one half-em each.
        var k = i
        var letters = 0
        while k < n {
          let ascii = bytes[k]
          guard ascii > 0x20 && ascii < 0x80 else { break }
          letters &+= (ascii | 0x20) &- 0x61 < 26 ? 1 : 0
          marks |= (ascii & 0x40 == 0 ? Self.markBelow64 : Self.markFrom64) & (1 &<< UInt64(ascii & 63))
          k += 1
        }
        if firstContent < 0 { firstContent = i }
        width += pendingSpaceWidth + (k - i)
        innerSpace |= pendingSpaceWidth
        pendingSpaceWidth = 0
        latinCount += letters
        lastContentEnd = k
        i = k
        continue
      }
      var length = 1
      var isSpace = false
      if byte < 0x80 {
        if byte == 0x0A || byte == 0x0D {
          line.end = i
          break scanning
        }
        isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C
      } else {
        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        if !Self.isValidSequence(bytes, at: i, count: n) { valid = false }
        isSpace =
          (byte == 0xE3 && text[i + 1] == 0x80 && text[i + 2] == 0x80) || (byte == 0xC2 && text[i + 1] == 0xA0)
          || (byte == 0xEF && text[i + 1] == 0xBB && text[i + 2] == 0xBF)
      }
      if isSpace {
        if firstContent >= 0 { pendingSpaceWidth += byte < 0x80 ? 1 : 2 }
      } else {
        if firstContent < 0 { firstContent = i }
        lastContentEnd = min(i + length, n)
        width += pendingSpaceWidth
        innerSpace |= pendingSpaceWidth
        pendingSpaceWidth = 0
        if byte == 0xEF && text[i + 1] == 0xBC && text[i + 2] == 0x88 { marks |= Self.openingBracketMark }  // （
        if byte < 0x80 {
          width += 1
          if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A { latinCount += 1 }
        } else {
          width += 2
          // U+2000 and above (CJK, kana, full-width forms) and circled numbers: three- or four-byte sequences.
          if byte >= 0xE2 { wideCount += 1 }
        }
      }
      i += length
    }
    line.width = width
    line.wideCount = wideCount
    line.latinCount = latinCount
    line.mayHoldDebris = marks & Self.debrisMarks != 0
    line.mayHoldCaret = marks & Self.caretMark != 0
    line.isOneRun = marks & Self.openingBracketMark == 0 && innerSpace == 0
    if firstContent >= 0 {
      line.contentStart = firstContent
      line.contentEnd = min(lastContentEnd, line.end)
      line.leadingSpace = firstContent > start
    } else {
      line.contentStart = line.end
      line.contentEnd = line.end
    }
    return line
  }

  /// The ASCII bytes a line's measure notes, as bits of their value below 64 (`*`, `<`, `(`) and from 64 (`[`, `\`, `^`):
  /// the bytes of `MarkdownDebris.debrisStarts`, and the opening bracket. Bit 0x28 of the second mask (`h`) is not
  /// set: in the bits seen, it stands for `(`, and also marks `（`.
  private static let markBelow64: UInt64 = 1 << 0x2A | 1 << 0x3C | openingBracketMark
  private static let markFrom64: UInt64 = 1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x5E - 64)
  private static let openingBracketMark: UInt64 = 1 << 0x28
  private static let caretMark: UInt64 = 1 << (0x5E - 64)
  private static let debrisMarks: UInt64 = 1 << 0x2A | 1 << 0x3C | markFrom64

  /// The three bytes of `word` (little-endian, lead E2–EF) are one valid sequence: two continuation bytes, and no
  /// surrogate (ED A0–BF). E2–EF never start an overlong form.
  @inline(__always)
  private static func isPlainThreeByteSequence(_ word: UInt32) -> Bool {
    word & 0xC0_C000 == 0x80_8000 && (word & 0xFF != 0xED || word & 0xE000 == 0x8000)
  }

  /// The sequence led by the byte at `i` (0x80 or above) is valid UTF-8, by the rule of `String(validating:)`.
  private static func isValidSequence(_ bytes: UnsafePointer<UInt8>, at i: Int, count n: Int) -> Bool {
    func continuation(_ offset: Int) -> Bool { i + offset < n && bytes[i + offset] ^ 0x80 < 0x40 }
    let lead = bytes[i]
    switch lead {
    case 0xC2...0xDF: return continuation(1)
    case 0xE0: return i + 2 < n && (0xA0...0xBF).contains(bytes[i + 1]) && continuation(2)
    case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2)
    case 0xED: return i + 2 < n && (0x80...0x9F).contains(bytes[i + 1]) && continuation(2)
    case 0xF0...0xF4:
      guard i + 3 < n else { return false }
      let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
      let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
      return (low...high).contains(bytes[i + 1]) && continuation(2) && continuation(3)
    default: return false  // a continuation byte leading, C0, C1, F5–FF
    }
  }
}
