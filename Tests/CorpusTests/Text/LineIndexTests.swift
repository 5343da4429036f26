//! LineIndex: line splitting and offset ↔ (line, column) in every unit, on the texts that break naive code.
import Testing
@testable import Corpus

/// Expected columns are computed from the text itself with the standard library's views,
/// independently of LineIndex's byte scanning.
private func referenceColumn(_ linePrefix: Substring, _ unit: TextUnit) -> Int {
  switch unit {
  case .utf8: return linePrefix.utf8.count
  case .utf16: return linePrefix.utf16.count
  case .utf32: return linePrefix.unicodeScalars.count
  }
}

private let samples: [String] = [
  "hello world\nsecond line",
  "东盟与日本关系，（一）①研究。\n第二行",
  "𠀀姓名👍🏽 emoji\nx",
  "e\u{301}cole café\n",
  "crlf line\r\nnext\r\n\r\nlast",
  "cr only\rnext\rlast",
  "",
  "no newline at end",
  "trailing newline\n",
  // Lines past `LineIndex.longLine` bytes, counted from checkpoints: astral scalars and combining marks fall
  // across them.
  String(repeating: "日本[@常思纯2023] 👍🏽e\u{301}𠀀 ", count: 180) + "\nshort\r\n" + String(repeating: "a😀", count: 1100),
]

@Test(arguments: samples, TextUnit.allCases)
func everyScalarBoundaryRoundTrips(text: String, unit: TextUnit) {
  let index = LineIndex(text)
  for scalarIndex in text.unicodeScalars.indices + [text.unicodeScalars.endIndex] {
    let offset = TextSize(text.utf8.distance(from: text.utf8.startIndex, to: scalarIndex))
    let (line, column) = index.lineColumn(at: offset, unit: unit)
    let back = index.offset(line: line, column: column, unit: unit)
    let lineStart = index.lineStart(line)
    let prefix = text[text.utf8.index(text.utf8.startIndex, offsetBy: lineStart.utf8Offset)..<scalarIndex]
    if prefix.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      // The offset is inside a line terminator: reported as the end of its line.
      #expect(back == index.lineEnd(line))
    } else {
      #expect(column == referenceColumn(prefix, unit), "column of \(offset) in \(unit)")
      #expect(back == offset, "round trip of \(offset) in \(unit)")
    }
  }
}

@Test func linesSplitOnEveryTerminator() {
  let index = LineIndex("a\nb\r\nc\rd")
  #expect(index.lineCount == 4)
  #expect(index.lineStarts == [0, 2, 5, 7])
  #expect(index.lineEnd(1) == TextSize(3))  // before \r\n
  #expect(LineIndex("").lineCount == 1)
  #expect(LineIndex("x\n").lineCount == 2)  // an empty last line
}

@Test func outOfRangeIsClampedNotTrapped() {
  let text = "日本\n𠀀x"
  let index = LineIndex(text)
  #expect(index.offset(line: 9, column: 0, unit: .utf16) == text.utf8Size)
  #expect(index.offset(line: 0, column: 99, unit: .utf16) == TextSize(6))
  #expect(index.offset(line: -1, column: 3, unit: .utf8) == .zero)
  #expect(index.lineColumn(at: TextSize(999), unit: .utf32) == (1, 2))
  // Inside the surrogate pair of 𠀀 (UTF-16 column 1): snaps to the start of the character.
  #expect(index.offset(line: 1, column: 1, unit: .utf16) == TextSize(7))
  // Inside a multi-byte UTF-8 sequence: snaps back too.
  #expect(index.offset(line: 0, column: 2, unit: .utf8) == TextSize(0))
}

@Test func positionAtEndOfFile() {
  let text = "第一行\r\n"
  let index = LineIndex(text)
  #expect(index.lineColumn(at: text.utf8Size, unit: .utf16) == (1, 0))
  #expect(index.offset(line: 1, column: 0, unit: .utf16) == text.utf8Size)
}

/// The reader hands its own line split to the paper's index: it must be the one `LineIndex` finds.
@Test func readerLineStartsAreTheIndexLineStarts() {
  for text in ["", "a", "一\n二\r\n三\r四\n", "\n\n", "\r\r\n\n", "标题\r\n\r\n  正文。\n", "末行无换行"] {
    let paper = PaperReader.parse(file: "corpus/x.txt", text: text)
    #expect(paper.rawLines.lineStarts == LineIndex(text).lineStarts, "\(text.debugDescription)")
    #expect(paper.rawLines.utf8Count == text.utf8.count)
  }
}

/// On a long line, every column (also one inside a character) gives what counting from the line's start gives.
@Test(arguments: TextUnit.allCases)
func everyColumnOfALongLineMapsToItsCharacter(unit: TextUnit) {
  let line = String(repeating: "东盟😀a\u{301}", count: 700)
  let index = LineIndex("x\n" + line)
  #expect(line.utf8.count > LineIndex.longLine)
  var expected: [Int] = []  // expected[column] = UTF-8 offset in the text
  var offset = 2
  for scalar in line.unicodeScalars {
    let width = unit == .utf8 ? scalar.utf8.count : unit == .utf16 ? scalar.utf16.count : 1
    for _ in 0..<width { expected.append(offset) }
    offset += scalar.utf8.count
  }
  expected.append(offset)
  for (column, target) in expected.enumerated() {
    #expect(index.offset(line: 1, column: column, unit: unit).utf8Offset == target, "column \(column)")
  }
  #expect(index.offset(line: 1, column: expected.count + 5, unit: unit).utf8Offset == offset)
}
