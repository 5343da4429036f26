//! End to end: initialize (capabilities, serverInfo, encoding negotiation), initialized, shutdown, exit, EOF.
import Foundation
import TestSupport
import Testing

@Suite struct LifecycleTests {
  @Test(
    arguments: [
      (nil, "utf-16"),
      ([], "utf-16"),
      (["utf-16"], "utf-16"),
      (["utf-16", "utf-8"], "utf-8"),
      (["utf-32", "utf-16"], "utf-32"),
      (["utf-8", "utf-32"], "utf-8"),
      (["latin-1"], "utf-16"),
    ] as [([String]?, String)])
  func negotiatesPositionEncoding(offered: [String]?, expected: String) throws {
    let client = try TestClient()
    let result = try client.initialize(encodings: offered)
    #expect(result["capabilities"]["positionEncoding"] == .string(expected), "\(client.note)")
    #expect(try client.shutdownAndExit() == 0)
  }

  @Test func initializeResultAnnouncesCapabilitiesAndServerInfo() throws {
    let client = try startServer(initialize: false)
    let result = try client.initialize()
    #expect(result["serverInfo"]["name"] == "corpus-lsp", "\(client.note)")
    #expect(result["serverInfo"]["version"].string?.isEmpty == false)
    let sync = result["capabilities"]["textDocumentSync"]
    #expect(sync["openClose"] == true)
    #expect(sync["change"] == 2)  // incremental
    let log = try client.nextNotification("window/logMessage")
    #expect(log["params"]["message"].string?.contains("ready") == true, "\(client.note)")
    try client.finish()
  }

  @Test func requestBeforeInitializeIsServerNotInitialized() throws {
    let client = try startServer(initialize: false)
    client.expectError(try client.send("textDocument/hover", ["textDocument": ["uri": "file:///a.md"]]), code: -32002)
    client.notify("textDocument/didOpen", ["textDocument": ["uri": "file:///a.md", "text": "x", "version": 1]])
    try client.initialize()
    // The didOpen sent before initialize was dropped.
    client.expectError(
      try client.send("corpusLsp/test/documentText", ["textDocument": ["uri": "file:///a.md"]]),
      code: -32602)
    try client.finish()
  }

  @Test func secondInitializeIsInvalidRequest() throws {
    let client = try startServer()
    client.expectError(try client.send("initialize", ["capabilities": [:]]), code: -32600)
    try client.expectAlive()
    try client.finish()
  }

  @Test func initializeWithBadParamsIsInvalidParamsAndCanBeRetried() throws {
    let client = try startServer(initialize: false)
    client.expectError(try client.send("initialize", ["capabilities": "none"]), code: -32602)
    try client.initialize()
    try client.finish()
  }

  @Test func requestAfterShutdownIsInvalidRequest() throws {
    let client = try TestClient()
    try client.initialize()
    #expect(try client.send("shutdown")["result"] == .null)
    client.expectError(try client.send("textDocument/hover", [:]), code: -32600)
    client.notify("exit")
    #expect(client.waitForExit() == 0, "\(client.note)")
  }

  @Test func exitWithoutShutdownIsStatusOne() throws {
    let client = try TestClient()
    try client.initialize()
    client.notify("exit")
    #expect(client.waitForExit() == 1, "\(client.note)")
  }

  @Test func exitBeforeInitializeIsStatusOne() throws {
    let client = try TestClient()
    client.notify("exit")
    #expect(client.waitForExit() == 1, "\(client.note)")
  }

  @Test func endOfInputExitsCleanly() throws {
    let client = try TestClient()
    try client.initialize()
    client.closeInput()
    #expect(client.waitForExit() == 0, "\(client.note)")
  }

  @Test func shutdownWaitsForRunningRequests() throws {
    let client = try TestClient()
    try client.initialize()
    let slow = client.sendRequest("corpusLsp/test/sleep", ["milliseconds": 200])
    let shutdown = client.sendRequest("shutdown")
    client.notify("exit")
    #expect(try client.response(id: slow)["result"] == "slept", "\(client.note)")
    #expect(try client.response(id: shutdown)["result"] == .null)
    #expect(client.waitForExit() == 0)
  }

  @Test func setTraceTurnsOnLogTrace() throws {
    let client = try startServer()
    client.notify("$/setTrace", ["value": "verbose"])
    try client.expectAlive()
    let trace = try client.nextNotification("$/logTrace")
    #expect(trace["params"]["message"].string?.contains("corpusLsp/synchronize") == true, "\(client.note)")
    client.notify("$/setTrace", ["value": "off"])
    try client.finish()
  }
}

@Suite struct ServerRequestTests {
  @Test func workDoneProgressRoundTrip() throws {
    let client = try TestClient()
    try client.initialize(capabilities: ["window": ["workDoneProgress": true]])
    // Indexing the workspace reports its own progress first: let it finish and set it aside.
    try client.synchronize()
    let isProgress: (JSON) -> Bool = {
      $0["method"] == "$/progress" || $0["method"] == "window/workDoneProgress/create"
    }
    while client.pendingMessages.contains(where: isProgress) { _ = try client.take("indexing progress", where: isProgress) }
    #expect(try client.result("corpusLsp/test/progress") == .null)
    let create = try client.take("workDoneProgress/create") { $0["method"] == "window/workDoneProgress/create" }
    let token = create["params"]["token"]
    var kinds: [JSON] = []
    for _ in 0..<3 { kinds.append(try client.nextNotification("$/progress")["params"]["value"]["kind"]) }
    #expect(kinds == ["begin", "report", "end"], "\(client.note)")
    try client.expectAlive()
    try client.finish()
    // The test client answered the create request; the server matched the answer to it.
    #expect(token.exists && !client.standardError.contains("unknown request"), "\(client.note)")
  }

  @Test func noProgressWhenTheClientDoesNotSupportIt() throws {
    let client = try startServer()
    #expect(try client.result("corpusLsp/test/progress") == .null)
    try client.expectAlive()
    #expect(!client.pendingMessages.contains { $0["method"] == "$/progress" }, "\(client.note)")
    try client.finish()
  }

  @Test func strayResponseIsLoggedAndIgnored() throws {
    let client = try startServer()
    client.write(["jsonrpc": "2.0", "id": "from-test", "result": nil])
    try client.expectAlive()
    try client.finish()
    #expect(client.standardError.contains("response to an unknown request"), "\(client.note)")
  }
}
