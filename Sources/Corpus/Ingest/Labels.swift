//! Recognisers for single raw lines: metadata labels, footnote marks, heading numbering, page debris.

/// A metadata label at the start of a front-matter line (内容提要：, [关键词], 作者简介：…).
enum FrontLabel {
  case abstract, keywords, authorNote, publicationInfo

  /// The label at `start`, and where the labelled text begins.
  static func match(_ text: ByteText, at start: Int, end: Int) -> (label: FrontLabel, textStart: Int)? {
    var i = start
    // Markdown bold and brackets around the label: **文献标识码：**, [内容提要], 【关键词】.
    while i < end, text[i] == 0x2A { i += 1 }
    var bracket = false
    if text.hasPrefix("[", at: i) {
      i += 1
      bracket = true
    } else if text.hasPrefix("【", at: i) || text.hasPrefix("〔", at: i) {
      i += 3
      bracket = true
    }
    let table: [(StaticString, FrontLabel)] = [
      ("内容提要", .abstract), ("内容摘要", .abstract), ("摘要", .abstract), ("提要", .abstract),
      ("关键词", .keywords), ("关键字", .keywords), ("作者简介", .authorNote), ("作者介绍", .authorNote),
      ("中图分类号", .publicationInfo), ("文献标识码", .publicationInfo), ("文章编号", .publicationInfo),
      ("基金项目", .publicationInfo), ("收稿日期", .publicationInfo), ("DOI", .publicationInfo),
    ]
    for (literal, label) in table where text.hasPrefix(literal, at: i) {
      var j = i + literal.utf8CodeUnitCount
      while j < end, text[j] == 0x2A { j += 1 }
      if bracket {
        if text.hasPrefix("]", at: j) {
          j += 1
        } else if text.hasPrefix("】", at: j) || text.hasPrefix("〕", at: j) {
          j += 3
        }
      }
      var sawColon = false
      if text.hasPrefix("：", at: j) {
        j += 3
        sawColon = true
      } else if text.hasPrefix(":", at: j) {
        j += 1
        sawColon = true
      }
      guard bracket || sawColon else { continue }
      while j < end, text[j] == 0x2A { j += 1 }
      while j < end, CharClass.isSpace(text.scalar(at: j).value) { j += text.scalar(at: j).length }
      return (label, j)
    }
    return nil
  }
}

/// A footnote mark opening a footnote line: ①, ^①, ^{*}, *, a letter (a, b …) followed by white space.
struct FootnoteMark: Equatable {
  enum Kind: Equatable {
    case circled(Int)
    case star
    case letter(UInt8)
  }
  var kind: Kind
  /// Raw range of the mark as printed (with ^ and braces).
  var start: Int
  var end: Int

  /// The mark's canonical spelling: ①, *, a.
  var label: String {
    switch kind {
    case .circled(let n):
      let value: UInt32? =
        switch n {
        case 1...20: UInt32(0x2460 + n - 1)
        case 21...35: UInt32(0x3251 + n - 21)
        case 36...50: UInt32(0x32B1 + n - 36)
        default: nil
        }
      return value.flatMap(UnicodeScalar.init).map { String(Character($0)) } ?? String(n)
    case .star: return "*"
    case .letter(let b): return String(UnicodeScalar(b))
    }
  }

  /// A mark at `i` (`^`, `^{…}` forms included), wherever it is.
  static func parse(_ text: ByteText, at i: Int, limit: Int) -> FootnoteMark? {
    var j = i
    var caret = false
    var brace = false
    if text[j] == 0x5E {  // ^
      caret = true
      j += 1
      if text[j] == 0x7B {  // {
        brace = true
        j += 1
      }
    }
    guard j < limit else { return nil }
    let (v, len) = text.scalar(at: j)
    var kind: Kind
    if let n = CharClass.circledNumber(v) {
      kind = .circled(n)
    } else if v == 0x2A {
      kind = .star
    } else if caret, let digit = Optional(v), CharClass.isDigit(digit) {
      // ^{1} style: number the circled way.
      var value = 0
      var k = j
      while k < limit, CharClass.isDigit(UInt32(text[k])), value < 100 {
        value = value * 10 + Int(text[k] - 0x30)
        k += 1
      }
      guard value > 0 else { return nil }
      j = k - 1
      kind = .circled(value)
      return finish(text, start: i, after: k, brace: brace, kind: kind)
    } else {
      return nil
    }
    j += len
    return finish(text, start: i, after: j, brace: brace, kind: kind)
  }

  private static func finish(_ text: ByteText, start: Int, after j: Int, brace: Bool, kind: Kind) -> FootnoteMark? {
    if brace {
      guard text[j] == 0x7D else { return nil }
      return FootnoteMark(kind: kind, start: start, end: j + 1)
    }
    return FootnoteMark(kind: kind, start: start, end: j)
  }
}

/// Heading numbering at the start of a line: 一、 (level 1), （一） (2), 1. / 1、 (3), （1） (4).
struct HeadingNumber {
  var level: Int
  var value: Int
  /// As printed, without the trailing punctuation of level 1 and 3: 一, （一）, 1, （1）.
  var numbering: String
  /// Raw offset after the numbering and its punctuation and spaces.
  var textStart: Int

  static func parse(_ text: ByteText, at start: Int, end: Int) -> HeadingNumber? {
    var i = start
    var bracketed = false
    if text.hasPrefix("（", at: i) {
      bracketed = true
      i += 3
    } else if text[i] == 0x28 {
      bracketed = true
      i += 1
    }
    let numberStart = i
    var value = 0
    var chinese = false
    if let (n, after) = chineseNumber(text, at: i, end: end) {
      value = n
      chinese = true
      i = after
    } else {
      while i < end, CharClass.isDigit(UInt32(text[i])), i - numberStart < 2 {
        value = value * 10 + Int(text[i] - 0x30)
        i += 1
      }
      if CharClass.isDigit(UInt32(text[i])) { return nil }
    }
    guard value > 0, i > numberStart else { return nil }
    let numberEnd = i
    if bracketed {
      if text.hasPrefix("）", at: i) { i += 3 } else if text[i] == 0x29 { i += 1 } else { return nil }
    } else if text.hasPrefix("、", at: i) {
      i += 3
    } else if !chinese, text[i] == 0x2E || text.hasPrefix("．", at: i) {
      i += text[i] == 0x2E ? 1 : 3
      // "1.5 亿" is a number and "07.html" a file name, not headings; nor is "01." (no heading has a leading zero).
      if CharClass.isDigit(UInt32(text[i])) || CharClass.isLatinLetter(UInt32(text[i])) || text[numberStart] == 0x30 {
        return nil
      }
    } else {
      return nil
    }
    let afterPunct = i
    while i < end, CharClass.isSpace(text.scalar(at: i).value) { i += text.scalar(at: i).length }
    guard i < end else { return nil }
    let level = bracketed ? (chinese ? 2 : 4) : (chinese ? 1 : 3)
    let printed = bracketed ? text.string(start, afterPunct) : text.string(numberStart, numberEnd)
    return HeadingNumber(level: level, value: value, numbering: printed, textStart: i)
  }

  static func chineseNumber(_ text: ByteText, at start: Int, end: Int) -> (Int, Int)? {
    var i = start
    var total = 0
    var current = 0
    var sawAny = false
    while i < end, i - start < 12 {
      let v = text.scalar(at: i).value
      let digit: Int?
      switch v {
      case 0x4E00: digit = 1
      case 0x4E8C: digit = 2
      case 0x4E09: digit = 3
      case 0x56DB: digit = 4
      case 0x4E94: digit = 5
      case 0x516D: digit = 6
      case 0x4E03: digit = 7
      case 0x516B: digit = 8
      case 0x4E5D: digit = 9
      case 0x5341: digit = nil
      default: return sawAny ? (total + current, i) : nil
      }
      sawAny = true
      if let d = digit {
        current = d
      } else {
        total += max(current, 1) * 10
        current = 0
      }
      i += 3
    }
    return sawAny ? (total + current, i) : nil
  }
}
