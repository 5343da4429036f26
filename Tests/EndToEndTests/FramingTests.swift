//! End to end: Content-Length framing over the real pipe (split frames, coalesced frames, odd headers, size cap).
import Foundation
import TestSupport
import Testing

@Suite struct FramingTests {
  func frame(_ body: String, header: String? = nil) -> Data {
    let bytes = Data(body.utf8)
    return Data((header ?? "Content-Length: \(bytes.count)\r\n\r\n").utf8) + bytes
  }

  @Test func frameSplitByteByByte() throws {
    let client = try startServer()
    let bytes = frame("{\"jsonrpc\":\"2.0\",\"id\":\"split\",\"method\":\"corpusLsp/synchronize\"}")
    for byte in bytes {
      client.writeRaw(Data([byte]), note: "(1 byte)")
      usleep(200)  // give the reader a chance to see each byte on its own
    }
    #expect(try client.response(id: "split")["result"] == .null, "\(client.note)")
    try client.finish()
  }

  @Test func twoFramesInOneWrite() throws {
    let client = try startServer()
    let first = frame("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"corpusLsp/synchronize\"}")
    let second = frame("{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"corpusLsp/synchronize\"}")
    client.writeRaw(first + second)
    #expect(try client.response(id: "a")["result"] == .null, "\(client.note)")
    #expect(try client.response(id: "b")["result"] == .null, "\(client.note)")
    try client.finish()
  }

  @Test func frameBoundaryInsideHeaderAndMultibyteBody() throws {
    let client = try startServer()
    client.openDocument(uri: "file:///a.md", text: "")
    let body =
      "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
      + "{\"uri\":\"file:///a.md\",\"version\":2},\"contentChanges\":[{\"text\":\"中文𠀀\"}]}}"
    let bytes = frame(body)
    // Cut inside "Content-Length" and inside a 4-byte scalar of the body.
    let cuts = [5, bytes.count - 12, bytes.count]
    var start = 0
    for cut in cuts {
      client.writeRaw(bytes.subdata(in: start..<cut), note: "(bytes \(start)..<\(cut))")
      usleep(2000)
      start = cut
    }
    #expect(try client.documentText("file:///a.md") == "中文𠀀", "\(client.note)")
    try client.finish()
  }

  @Test func headerNamesAreCaseInsensitiveAndOtherHeadersIgnored() throws {
    let client = try startServer()
    let body = "{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":\"corpusLsp/synchronize\"}"
    let header =
      "content-type: application/vscode-jsonrpc; charset=utf-8\r\n"
      + "CONTENT-LENGTH:   \(body.utf8.count)\r\nX-Other: 1\r\n\r\n"
    client.writeRaw(frame(body, header: header))
    #expect(try client.response(id: "h")["result"] == .null, "\(client.note)")
    try client.finish()
  }

  @Test func missingContentLengthIsParseErrorAndReadingGoesOn() throws {
    let client = try startServer()
    client.writeRaw(Data("Content-Type: text/plain\r\n\r\n".utf8))
    client.expectError(try client.take("parse error") { $0["error"].exists }, code: -32700)
    try client.expectAlive()
    try client.finish()
  }

  @Test func oversizedMessageIsRefusedWithAClearErrorAndSkipped() throws {
    let client = try startServer(arguments: ["--max-message-bytes", "1000"])
    let big =
      "{\"jsonrpc\":\"2.0\",\"id\":\"big\",\"method\":\"x\",\"params\":{\"pad\":\""
      + String(repeating: "长", count: 2000) + "\"}}"
    client.writeRaw(frame(big), note: "(oversized frame)")
    let response = try client.take("size error") { $0["error"].exists }
    client.expectError(response, code: -32700)
    #expect(response["error"]["message"].string?.contains("limit") == true, "\(client.note)")
    try client.expectAlive()
    try client.finish()
  }

  @Test func noiseBeforeAFrameIsParseErrorAndTheFrameIsStillAnswered() throws {
    let client = try startServer()
    let body = "{\"jsonrpc\":\"2.0\",\"id\":\"after-noise\",\"method\":\"corpusLsp/synchronize\"}"
    client.writeRaw(Data("hello?".utf8) + frame(body))
    client.expectError(try client.take("parse error") { $0["error"].exists }, code: -32700)
    #expect(try client.response(id: "after-noise")["result"] == .null, "\(client.note)")
    try client.finish()
  }
}
