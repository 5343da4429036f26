//! Tests for negotiation and the one conversion place (FromProtocol/ToProtocol) across scripts and line endings.
import Corpus
import Testing

@testable import LSP

@Suite struct PositionEncodingTests {
  @Test func negotiationPrefersUTF8ThenUTF32ThenUTF16() {
    #expect(PositionEncoding.negotiate(offered: nil) == .utf16)
    #expect(PositionEncoding.negotiate(offered: []) == .utf16)
    #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
    #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-32"]) == .utf32)
    #expect(PositionEncoding.negotiate(offered: ["ucs-2"]) == .utf16)
  }

  /// A scalar's width in each encoding, counted by the test.
  func width(_ scalar: Unicode.Scalar, _ encoding: PositionEncoding) -> Int {
    switch encoding {
    case .utf8: return String(scalar).utf8.count
    case .utf16: return String(scalar).utf16.count
    case .utf32: return 1
    }
  }

  /// Every scalar boundary of `text` converts to the position the test computes itself, and back.
  func checkRoundTrip(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let lineIndex = LineIndex(text)
    for encoding in PositionEncoding.allCases {
      var line = 0
      var character = 0
      var utf8Offset = 0
      let scalars = Array(text.unicodeScalars)
      for (index, scalar) in scalars.enumerated() {
        let insideCRLF = index > 0 && scalars[index - 1] == "\r" && scalar == "\n"
        if !insideCRLF {
          let expected = Position(line: line, character: character)
          let offset = TextSize(utf8Offset)
          #expect(
            ToProtocol.position(offset, in: lineIndex, encoding: encoding) == expected,
            "\(encoding) offset \(utf8Offset)", sourceLocation: sourceLocation)
          #expect(
            FromProtocol.offset(of: expected, in: lineIndex, encoding: encoding) == offset,
            "\(encoding) \(expected)", sourceLocation: sourceLocation)
        }
        utf8Offset += String(scalar).utf8.count
        if scalar == "\n" || (scalar == "\r" && !(index + 1 < scalars.count && scalars[index + 1] == "\n")) {
          line += 1
          character = 0
        } else if scalar != "\r" {
          character += width(scalar, encoding)
        }
      }
      // End of file.
      let end = Position(line: line, character: character)
      #expect(
        ToProtocol.position(TextSize(utf8Offset), in: lineIndex, encoding: encoding) == end,
        "\(encoding) EOF", sourceLocation: sourceLocation)
      #expect(
        FromProtocol.offset(of: end, in: lineIndex, encoding: encoding) == TextSize(utf8Offset),
        sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [
    "plain ASCII text\nsecond line",
    "中文文本\n日本外交",
    "全角标点（注）①，。！\n「引号」",
    "𠀀 astral CJK 𠀁\n😀 emoji 👍🏽 skin tone",
    "e\u{301} combining, a\u{308}\u{301} stacked",
    "crlf line\r\n中文\r\n𠀀\r\n",
    "cr only\r中文\r😀\r",
    "mixed\r\n\r\n\n\r end",
    "",
    "\n",
    "trailing empty last line\n",
  ])
  func conversionsRoundTrip(text: String) {
    checkRoundTrip(text)
  }

  @Test func inputIsClampedLeniently() {
    let lineIndex = LineIndex("ab\r\n𠀀c\n")
    // Past the end of a line: end of that line (before \r\n).
    #expect(FromProtocol.offset(of: Position(line: 0, character: 99), in: lineIndex, encoding: .utf16) == TextSize(2))
    // Inside a surrogate pair: the scalar's start.
    #expect(FromProtocol.offset(of: Position(line: 1, character: 1), in: lineIndex, encoding: .utf16) == TextSize(4))
    // Inside a UTF-8 sequence: the scalar's start.
    #expect(FromProtocol.offset(of: Position(line: 1, character: 2), in: lineIndex, encoding: .utf8) == TextSize(4))
    // Past the last line: end of text.
    #expect(FromProtocol.offset(of: Position(line: 7, character: 0), in: lineIndex, encoding: .utf32) == TextSize(10))
    // Negative: start of text.
    #expect(FromProtocol.offset(of: Position(line: -1, character: -1), in: lineIndex, encoding: .utf32) == TextSize(0))
  }

  @Test func outputIsStrict() {
    let lineIndex = LineIndex("ab\r\n𠀀c")
    // An offset between \r and \n reads as end of line; one inside a scalar as that scalar's start.
    #expect(ToProtocol.position(TextSize(3), in: lineIndex, encoding: .utf16) == Position(line: 0, character: 2))
    #expect(ToProtocol.position(TextSize(6), in: lineIndex, encoding: .utf16) == Position(line: 1, character: 0))
    #expect(ToProtocol.position(TextSize(6), in: lineIndex, encoding: .utf8) == Position(line: 1, character: 0))
    let range = ToProtocol.range(TextRange(8, 4), in: lineIndex, encoding: .utf16)
    #expect(range.start == Position(line: 1, character: 0))
    #expect(range.end == Position(line: 1, character: 2))
  }

  /// Line terminators at every alignment (the line table skips 8 bytes at a time between terminators).
  @Test func lineBreaksAtEveryAlignment() {
    for padding in 0..<20 {
      let text =
        String(repeating: "x", count: padding) + "\r\n中" + String(repeating: "文", count: padding % 5) + "\r"
        + String(repeating: "y", count: 9) + "\n\n𠀀"
      checkRoundTrip(text)
      #expect(LineIndex(text).lineCount == 5, "padding \(padding)")
    }
  }
}
