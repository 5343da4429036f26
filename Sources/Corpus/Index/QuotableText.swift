//! Source text as a note quotes it: what a fix writes between the quotation marks, and what `quote` prints ready to
//! paste. The passage's own text holds footnote marks and quotation marks of its own; written into a note as they
//! are, the marks would be quoted as the author's words and an inner ” would close the analyst's “.

public enum QuotableText {
  /// The text of `range` in a passage of `paper`, as a quotation of `style` holds it:
  /// - without the footnote reference marks inside it (①, the letter notes `a`, `c`);
  /// - with a quotation mark right at an edge when the text holds its partner (`“名副其实的…中心”` for a range that
  ///   starts after the “), so that the inner quotation stays whole; without a mark whose partner is further off;
  /// - with its inner quotation marks nested for the quotation's style (“…‘…’…”, 「…『…』…」, "…'…'…").
  /// Quotation marks fold to nothing (`QuoteFolding`): the text still matches the passage.
  public static func text(of range: TextRange, in paper: Paper, passage: PassageID, style: Quotation.Style) -> String? {
    guard let found = paper.passage(passage) else { return nil }
    let text = found.text
    let bytes = Array(text.utf8)
    var lower = min(max(0, range.start.utf8Offset), bytes.count)
    var upper = min(max(lower, range.end.utf8Offset), bytes.count)
    let marks = paper.footnoteMarks(in: passage)
    (lower, upper) = wholeWords(lower, upper, in: bytes)
    (lower, upper) = balanced(lower, upper, in: bytes, marks: marks)
    var kept: [UInt8] = []
    var offset = lower
    for mark in marks where mark.end.utf8Offset > offset && mark.start.utf8Offset < upper {
      kept += bytes[offset..<max(offset, mark.start.utf8Offset)]
      offset = min(upper, mark.end.utf8Offset)
      // signed it ① in 2007: the spaces around the mark become one.
      if kept.last == 0x20, offset < upper, bytes[offset] == 0x20 { offset += 1 }
    }
    kept += bytes[offset..<upper]
    return nested(withoutUnpairedMarks(String(decoding: kept, as: UTF8.self)), in: style)
  }

  /// `text` without the quotation marks that open or close nothing inside it. A ’ between Latin letters is an
  /// apostrophe (Japan’s), not a mark; so is one after an s that closes nothing (countries’ military), but not one
  /// after an acronym (战略 FOIP’是: its ‘ lies further off).
  static func withoutUnpairedMarks(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var unpaired = Set<Int>()
    for pair in pairs {
      var open: [Int] = []
      for (index, scalar) in scalars.enumerated() where !isApostrophe(index, in: scalars) {
        if scalar == pair.open { open.append(index) }
        if scalar == pair.close, open.popLast() == nil, !(scalar == "’" && index > 0 && scalars[index - 1] == "s") {
          unpaired.insert(index)
        }
      }
      unpaired.formUnion(open)
    }
    guard !unpaired.isEmpty else { return text }
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() where !unpaired.contains(index) { result.append(scalar) }
    return String(result)
  }

  /// Widens `lower..<upper` to whole Latin words: a quotation that changed a word's ending (`Orderly` for `Order`) is
  /// replaced by the source's whole word, not by part of it.
  static func wholeWords(_ lower: Int, _ upper: Int, in bytes: [UInt8]) -> (Int, Int) {
    func isLetter(_ index: Int) -> Bool {
      index >= 0 && index < bytes.count && ((bytes[index] | 0x20) >= 0x61 && (bytes[index] | 0x20) <= 0x7A)
    }
    var lower = lower
    var upper = upper
    if isLetter(lower), isLetter(lower - 1) { while isLetter(lower - 1) { lower -= 1 } }
    if isLetter(upper - 1), isLetter(upper) { while isLetter(upper) { upper += 1 } }
    return (lower, upper)
  }

  /// Pairs of quotation marks a passage may hold: opening and closing scalar.
  static let pairs: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("“", "”"), ("「", "」"), ("『", "』"), ("‘", "’")]

  /// Widens `lower..<upper` by one quotation mark at either edge when the text inside closes (or opens) that pair
  /// without its partner, skipping footnote marks right after a closing mark (`中心”①`).
  static func balanced(_ lower: Int, _ upper: Int, in bytes: [UInt8], marks: [TextRange]) -> (Int, Int) {
    let inside = Array(String(decoding: bytes[lower..<upper], as: UTF8.self).unicodeScalars)
    var lower = lower
    var upper = upper
    for pair in pairs {
      var depth = 0
      var unopened = 0
      for (index, scalar) in inside.enumerated() where !isApostrophe(index, in: inside) {
        if scalar == pair.open { depth += 1 }
        if scalar == pair.close { if depth > 0 { depth -= 1 } else { unopened += 1 } }
      }
      let openWidth = UTF8.width(pair.open)
      let closeWidth = UTF8.width(pair.close)
      if unopened > 0, lower >= openWidth, Array(bytes[(lower - openWidth)..<lower]) == Array(String(pair.open).utf8) {
        lower -= openWidth
      }
      if depth > 0, upper + closeWidth <= bytes.count,
        Array(bytes[upper..<(upper + closeWidth)]) == Array(String(pair.close).utf8)
      {
        upper += closeWidth
      }
    }
    return (lower, upper)
  }

  /// A ’ between two Latin letters: an apostrophe (Japan’s, What’s), not a closing mark. Between ideographs (which
  /// Unicode counts as letters too) it closes a quotation: ‘核共享’形式.
  static func isApostrophe(_ index: Int, in scalars: [Unicode.Scalar]) -> Bool {
    scalars[index] == "’" && index > 0 && index + 1 < scalars.count && isLatinLetter(scalars[index - 1])
      && isLatinLetter(scalars[index + 1])
  }

  /// A letter of the Latin script (ASCII and the accented letters of Latin-1 and Latin Extended).
  static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x0250 && scalar.properties.isAlphabetic
  }

  /// Inner quotation marks as a quotation of `style` nests them.
  static func nested(_ text: String, in style: Quotation.Style) -> String {
    let swaps: [Unicode.Scalar: Unicode.Scalar]
    switch style {
    case .curly: swaps = ["“": "‘", "”": "’"]
    case .corner: swaps = ["「": "『", "」": "』", "“": "『", "”": "』"]
    case .straight: swaps = ["\"": "'"]
    case .block: return text
    }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(swaps[scalar] ?? scalar) }
    return String(result)
  }
}

extension Paper {
  /// The footnote reference marks inside a passage (a body paragraph's; other passages hold none), sorted.
  public func footnoteMarks(in passage: PassageID) -> [TextRange] {
    guard case .paragraph(let number) = passage, paragraphs.indices.contains(number - 1) else { return [] }
    var ranges = paragraphs[number - 1].footnoteRefs.map(\.range)
    ranges.sortIfNeeded { $0.start < $1.start }  // `FootnoteLinker` keeps them in order
    return ranges
  }
}
