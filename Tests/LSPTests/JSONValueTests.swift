//! Tests for the hand-written JSON parser and serializer (round trips, escapes, surrogates, errors).
import Foundation
import Testing

@testable import LSP

@Suite struct JSONValueTests {
  func checkRoundTrip(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let value = try JSONValue.parse(text)
    let again = try JSONValue.parse(value.serialized())
    #expect(again == value, sourceLocation: sourceLocation)
  }

  @Test func parsesEveryKind() throws {
    let value = try JSONValue.parse(#"{"a": [1, -2.5, 3e2, true, false, null, "x"], "b": {}, "c": [], "d": 0}"#)
    #expect(value["a"] == [1, -2.5, 300.0, true, false, nil, "x"])
    #expect(value["b"] == .object([:]))
    #expect(value["c"] == .array([]))
    #expect(value["d"] == 0)
    #expect(value["missing"] == nil)
  }

  @Test func stringsWithEscapesAndAstralCharacters() throws {
    let value = try JSONValue.parse(#""a\"b\\c\/d\n\r\t\b\f \u4e2d \ud840\udc00 😀 中""#)
    #expect(value == .string("a\"b\\c/d\n\r\t\u{8}\u{c} 中 𠀀 😀 中"))
  }

  @Test func loneSurrogatesBecomeReplacementCharacters() throws {
    #expect(try JSONValue.parse(#""\ud800x""#) == .string("\u{FFFD}x"))
    #expect(try JSONValue.parse(#""\udc00""#) == .string("\u{FFFD}"))
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "-", "\"abc", "\"a\u{1}b\"", "{} x", "[1 2]", "\"\\x\"",
    "{\"a\":1,}", "nul",
  ])
  func rejectsInvalidJSON(text: String) {
    #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
  }

  @Test func rejectsInvalidUTF8AndDeepNesting() {
    #expect(throws: JSONParseError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
    let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
  }

  @Test func serializesControlCharactersQuotesAndIntegers() {
    let value: JSONValue = ["s": "q\"\\\n\u{1}中", "i": 42, "d": 1.5, "whole": .double(3), "n": nil]
    #expect(value.jsonString() == #"{"d":1.5,"i":42,"n":null,"s":"q\"\\\n\u0001中","whole":3}"#)
  }

  @Test func roundTripsAgainstFoundation() throws {
    let text = #"{"id":1,"params":{"text":"中文\r\n𠀀👍🏽 \"quoted\"","list":[1,2.25,-3,true,null]}}"#
    try checkRoundTrip(text)
    let ours = try JSONValue.parse(text).serialized()
    let foundation = try JSONSerialization.jsonObject(with: Data(ours)) as? [String: Any]
    let params = foundation?["params"] as? [String: Any]
    #expect(params?["text"] as? String == "中文\r\n𠀀👍🏽 \"quoted\"")
  }

  @Test func codableBridge() throws {
    struct Point: Codable, Equatable {
      var line: Int
      var character: Int
    }
    let json = try JSONValue(encoding: Point(line: 2, character: 7))
    #expect(json == ["line": 2, "character": 7])
    #expect(try json.decode(Point.self) == Point(line: 2, character: 7))
  }

  /// Special bytes at every alignment (parser and serializer skip 8 plain bytes at a time).
  @Test func escapesAtEveryAlignment() throws {
    for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "中", "𠀀"] {
      for padding in 0..<20 {
        let string = String(repeating: "a", count: padding) + special + String(repeating: "長", count: padding % 3) + "z"
        let serialized = JSONValue.string(string).serialized()
        #expect(try JSONValue.parse(serialized) == .string(string), "\(special.debugDescription) at \(padding)")
        let foundation = try JSONSerialization.jsonObject(with: Data(serialized), options: .fragmentsAllowed)
        #expect(foundation as? String == string)
      }
    }
    #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("\"abcdefghij\u{1}klmnop\"".utf8)) }
  }
}
