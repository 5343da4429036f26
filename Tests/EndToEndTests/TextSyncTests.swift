//! End to end: didOpen/didChange/didClose in every encoding, checked against the tests' own reference applier.
import Foundation
import TestSupport
import Testing

@Suite struct TextSyncTests {
  /// Every kind of text the conversions must get right, on CRLF, CR-only and LF lines.
  static let sample =
    "ASCII line\r\n中文（全角）①，标点。\r𠀀 emoji 👍🏽 and é (e + U+0301)\nlast line 😀𠀁\n"

  func change(_ uri: String, version: Int, _ changes: [JSON]) -> JSON {
    ["textDocument": ["uri": .string(uri), "version": .int(version)], "contentChanges": .array(changes)]
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func incrementalRoundTrip(encoding: ReferenceEncoding) throws {
    let client = try startServer(encodings: [encoding.rawValue])
    let uri = "file:///notes/round-trip.md"
    var expected = Self.sample
    client.openDocument(uri: uri, text: expected)
    var generator = SeededGenerator(seed: 42)
    let insertions = ["x", "中", "𠀀", "👍🏽", "\r\n", "\n", "\r", "e\u{301}", "（", ""]
    var version = 1
    for _ in 0..<40 {
      var changes: [JSON] = []
      for _ in 0..<Int.random(in: 1...3, using: &generator) {
        // A random range of up to 4 scalars, both ends on valid cursor places (never inside a \r\n).
        let boundaries = ReferenceText.boundaries(expected)
        let lower = boundaries.randomElement(using: &generator) ?? 0
        let upper = boundaries.filter { $0 >= lower && $0 <= lower + 4 }.randomElement(using: &generator) ?? lower
        let start = ReferenceText.position(ofScalar: lower, in: expected, encoding: encoding)
        let end = ReferenceText.position(ofScalar: upper, in: expected, encoding: encoding)
        let text = insertions.randomElement(using: &generator) ?? ""
        expected = ReferenceText.apply(text, from: start, to: end, in: expected, encoding: encoding)
        changes.append(["range": ["start": start.json, "end": end.json], "text": .string(text)])
      }
      version += 1
      client.notify("textDocument/didChange", change(uri, version: version, changes))
    }
    #expect(try client.documentText(uri) == expected, "encoding \(encoding)\n\(client.note)")
    try client.finish()
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func severalChangesInOneNotificationApplyInOrder(encoding: ReferenceEncoding) throws {
    let client = try startServer(encodings: [encoding.rawValue])
    let uri = "file:///a.md"
    client.openDocument(uri: uri, text: "𠀀甲\r\n乙")
    // Each range is read against the text the previous change left.
    var expected = "𠀀甲\r\n乙"
    var changes: [JSON] = []
    for (scalar, insert) in [(1, "👍🏽"), (0, "A"), (5, "\r")] {
      let at = ReferenceText.position(ofScalar: scalar, in: expected, encoding: encoding)
      expected = ReferenceText.apply(insert, from: at, to: at, in: expected, encoding: encoding)
      changes.append(["range": ["start": at.json, "end": at.json], "text": .string(insert)])
    }
    client.notify("textDocument/didChange", change(uri, version: 2, changes))
    #expect(try client.documentText(uri) == expected, "\(client.note)")
    try client.finish()
  }

  @Test func fullSyncReplacesTheText() throws {
    let client = try startServer()
    client.openDocument(uri: "file:///a.md", text: "old")
    client.notify("textDocument/didChange", change("file:///a.md", version: 2, [["text": "新的\r\n文本"]]))
    #expect(try client.documentText("file:///a.md") == "新的\r\n文本", "\(client.note)")
    // Full and incremental mixed in one notification.
    client.notify(
      "textDocument/didChange",
      change(
        "file:///a.md", version: 3,
        [
          ["text": "abc"],
          ["range": ["start": ["line": 0, "character": 1], "end": ["line": 0, "character": 2]], "text": "中"],
        ]))
    #expect(try client.documentText("file:///a.md") == "a中c", "\(client.note)")
    try client.finish()
  }

  @Test func outOfRangePositionsAreClampedNeverATrap() throws {
    let client = try startServer()
    let uri = "file:///a.md"
    client.openDocument(uri: uri, text: "ab\r\n𠀀c")
    let edits: [(JSON, JSON, String, String)] = [
      (["line": 0, "character": 99], ["line": 0, "character": 99], "X", "abX\r\n𠀀c"),  // past end of line
      (["line": 1, "character": 1], ["line": 1, "character": 1], "Y", "abX\r\nY𠀀c"),  // inside a surrogate pair
      (["line": 9, "character": 0], ["line": 99, "character": 5], "Z", "abX\r\nY𠀀cZ"),  // past the end
      (["line": 0, "character": 2], ["line": 0, "character": 0], "", "X\r\nY𠀀cZ"),  // reversed range
      (["line": -1, "character": -4], ["line": 0, "character": 0], "<", "<X\r\nY𠀀cZ"),
    ]
    for (index, (start, end, text, expected)) in edits.enumerated() {
      client.notify(
        "textDocument/didChange",
        change(uri, version: index + 2, [["range": ["start": start, "end": end], "text": .string(text)]]))
      #expect(try client.documentText(uri) == expected, "edit \(index)\n\(client.note)")
    }
    try client.expectAlive()
    try client.finish()
  }

  @Test func closedDocumentIsForgottenAndReopenWorks() throws {
    let client = try startServer()
    client.openDocument(uri: "file:///a.md", text: "one")
    client.notify("textDocument/didSave", ["textDocument": ["uri": "file:///a.md"]])
    client.notify("textDocument/didClose", ["textDocument": ["uri": "file:///a.md"]])
    client.expectError(
      try client.send("corpusLsp/test/documentText", ["textDocument": ["uri": "file:///a.md"]]),
      code: -32602)
    client.openDocument(uri: "file:///a.md", text: "two", version: 5)
    #expect(try client.documentText("file:///a.md") == "two")
    try client.finish()
  }
}

/// A small deterministic generator so a failing random edit sequence can be replayed.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
