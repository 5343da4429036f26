//! End to end: every malformed input gets the JSON-RPC error the spec names, and the server answers the next request.
import Foundation
import TestSupport
import Testing

@Suite struct ProtocolErrorTests {
  /// Writes one framed body as it is.
  func sendBody(_ client: TestClient, _ body: String) {
    let bytes = Data(body.utf8)
    client.writeRaw(Data("Content-Length: \(bytes.count)\r\n\r\n".utf8) + bytes)
  }

  @Test(arguments: [
    "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ",  // truncated
    "not json at all",
    "{\"jsonrpc\": \"2.0\", \"id\": 1,}",  // trailing comma
    "{\"jsonrpc\": \"2.0\", \"method\": \"x\" \"id\": 2}",
    "\"unterminated",
    "",
  ])
  func malformedJSONIsParseErrorWithNullID(body: String) throws {
    let client = try startServer()
    sendBody(client, body)
    let response = try client.take("parse error") { $0["error"].exists }
    client.expectError(response, code: -32700)
    #expect(response.object?["id"] == .null, "\(client.note)")
    try client.expectAlive()
    try client.finish()
  }

  @Test func invalidUTF8IsParseError() throws {
    let client = try startServer()
    let body = Data("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"".utf8) + Data([0xFF, 0xFE]) + Data("\"}".utf8)
    client.writeRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    client.expectError(try client.take("parse error") { $0["error"].exists }, code: -32700)
    try client.expectAlive()
    try client.finish()
  }

  @Test(arguments: [
    ("[1, 2, 3]", JSON.null),
    ("42", JSON.null),
    ("{\"jsonrpc\": \"2.0\", \"id\": 7}", JSON.int(7)),
    ("{\"id\": 8, \"method\": \"shutdown\"}", JSON.int(8)),  // no "jsonrpc"
    ("{\"jsonrpc\": \"1.0\", \"id\": 9, \"method\": \"shutdown\"}", JSON.int(9)),
    ("{\"jsonrpc\": \"2.0\", \"id\": 10, \"method\": 5}", JSON.int(10)),
    ("{\"jsonrpc\": \"2.0\", \"id\": {\"a\": 1}, \"method\": \"x\"}", JSON.null),
    ("{\"jsonrpc\": \"2.0\", \"id\": 11, \"method\": \"x\", \"params\": 3}", JSON.int(11)),
  ])
  func notARequestObjectIsInvalidRequest(body: String, id: JSON) throws {
    let client = try startServer()
    sendBody(client, body)
    let response = try client.take("invalid request") { $0["error"].exists }
    client.expectError(response, code: -32600)
    #expect(response.object?["id"] == id, "\(client.note)")
    try client.expectAlive()
    try client.finish()
  }

  @Test func unknownRequestIsMethodNotFound() throws {
    let client = try startServer()
    client.expectError(try client.send("textDocument/noSuchThing", [:]), code: -32601)
    client.expectError(try client.send("$/noSuchRequest", [:]), code: -32601)
    try client.expectAlive()
    try client.finish()
  }

  @Test func stringIDsAreEchoed() throws {
    let client = try startServer()
    let id = client.sendRequest("corpusLsp/synchronize", nil, id: "abc-1")
    #expect(try client.response(id: id)["id"] == "abc-1", "\(client.note)")
    try client.finish()
  }

  @Test func unknownAndDollarNotificationsAreIgnored() throws {
    let client = try startServer()
    client.notify("workspace/noSuchNotification", ["x": 1])
    client.notify("$/progress", ["token": 1, "value": [:]])
    client.notify("$/noSuchThing")
    try client.expectAlive()
    #expect(client.pendingMessages.allSatisfy { $0["error"] == .null }, "\(client.note)")
    try client.finish()
  }

  @Test(arguments: [
    JSON.object([:]),
    ["textDocument": ["uri": 5], "position": ["line": 0, "character": 0]],
    ["textDocument": ["uri": "file:///a.md"], "position": ["line": "zero", "character": 0]],
    ["textDocument": ["uri": "file:///not-open.md"], "position": ["line": 0, "character": 0]],
    JSON.array([1, 2]),
  ])
  func undecodableParamsAreInvalidParams(params: JSON) throws {
    let client = try startServer()
    client.openDocument(uri: "file:///a.md", text: "hello")
    client.expectError(try client.send("textDocument/hover", params), code: -32602)
    try client.expectAlive()
    try client.finish()
  }

  @Test func malformedNotificationParamsDoNotStopTheServer() throws {
    let client = try startServer()
    client.notify("textDocument/didOpen", ["textDocument": ["uri": 3]])
    client.notify("textDocument/didChange", ["textDocument": ["uri": "file:///x.md"], "contentChanges": "no"])
    try client.expectAlive()
    try client.finish()
  }

  @Test func failingHandlerIsInternalErrorAndServerGoesOn() throws {
    let client = try startServer()
    client.expectError(try client.send("corpusLsp/test/fail"), code: -32603)
    client.expectError(try client.send("corpusLsp/test/fail"), code: -32603)
    let log = try client.take("error log") { $0["method"] == "window/logMessage" && $0["params"]["type"] == 1 }
    #expect(log["params"]["message"].string?.contains("deliberate failure") == true, "\(client.note)")
    try client.expectAlive()
    try client.finish()
  }

  @Test func everyMalformedInputInOneStreamGetsItsError() throws {
    let client = try startServer()
    sendBody(client, "{oops")
    sendBody(client, "[]")
    sendBody(client, "{\"jsonrpc\":\"2.0\",\"id\":100,\"method\":\"nope\"}")
    sendBody(client, "{\"jsonrpc\":\"2.0\",\"id\":101,\"method\":\"textDocument/hover\",\"params\":{}}")
    sendBody(client, "{\"jsonrpc\":\"2.0\",\"id\":102,\"method\":\"corpusLsp/test/fail\"}")
    var codes: [JSON] = []
    for _ in 0..<5 { codes.append(try client.take("an error") { $0["error"].exists }["error"]["code"]) }
    #expect(Set(codes) == Set([-32700, -32600, -32601, -32602, -32603]), "\(client.note)")
    try client.expectAlive()
    try client.finish()
  }
}
