//! Tests for applying didChange content changes: in order, incremental and full, in each encoding, clamped.
import Corpus
import Testing

@testable import LSP

@Suite struct DocumentStoreTests {
  func checkChanges(
    _ text: String, _ changes: [TextChange], encoding: PositionEncoding = .utf16, expect expected: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    var store = DocumentStore()
    store.open(uri: "file:///a.md", languageID: "markdown", version: 1, text: text)
    store.change(uri: "file:///a.md", version: 2, changes: changes, encoding: encoding)
    #expect(store["file:///a.md"]?.text == expected, sourceLocation: sourceLocation)
    #expect(store["file:///a.md"]?.version == 2, sourceLocation: sourceLocation)
  }

  func edit(_ line: Int, _ start: Int, _ endLine: Int, _ end: Int, _ text: String) -> TextChange {
    TextChange(
      range: Range(start: Position(line: line, character: start), end: Position(line: endLine, character: end)),
      text: text)
  }

  @Test func insertReplaceDelete() {
    checkChanges("hello world", [edit(0, 5, 0, 5, ",")], expect: "hello, world")
    checkChanges("hello world", [edit(0, 0, 0, 5, "bye")], expect: "bye world")
    checkChanges("a\nb\nc", [edit(0, 1, 2, 0, "")], expect: "ac")
  }

  @Test func changesApplyInOrderEachAgainstThePreviousText() {
    checkChanges(
      "中文",
      [
        edit(0, 1, 0, 1, "A"), edit(0, 0, 0, 1, "B"), TextChange(range: nil, text: "full"),
        edit(0, 4, 0, 4, "!"),
      ], expect: "full!")
    checkChanges("ab", [edit(0, 1, 0, 1, "\n"), edit(1, 0, 1, 0, "x")], expect: "a\nxb")
  }

  @Test func positionsCountInTheNegotiatedEncoding() {
    let text = "𠀀中a"
    checkChanges(text, [edit(0, 2, 0, 3, "X")], encoding: .utf16, expect: "𠀀Xa")
    checkChanges(text, [edit(0, 1, 0, 2, "X")], encoding: .utf32, expect: "𠀀Xa")
    checkChanges(text, [edit(0, 4, 0, 7, "X")], encoding: .utf8, expect: "𠀀Xa")
  }

  @Test func crlfAndCROnlyLines() {
    checkChanges("a\r\nb\rc", [edit(1, 0, 1, 1, "B"), edit(2, 1, 2, 1, "C")], expect: "a\r\nB\rcC")
    // An edit at the end of a CRLF line never splits the pair.
    checkChanges("a\r\nb", [edit(0, 5, 0, 5, "!")], expect: "a!\r\nb")
  }

  @Test func outOfRangeIsClamped() {
    checkChanges("ab", [edit(5, 0, 9, 9, "!")], expect: "ab!")
    checkChanges("ab", [edit(0, 1, 0, 0, "")], expect: "b")  // reversed range
    checkChanges("𠀀", [edit(0, 1, 0, 1, "x")], encoding: .utf16, expect: "x𠀀")  // inside a surrogate pair
  }

  @Test func unknownDocumentIsReported() {
    var store = DocumentStore()
    let changed = store.change(uri: "file:///nope.md", version: 1, changes: [], encoding: .utf16)
    #expect(!changed)
  }
}
