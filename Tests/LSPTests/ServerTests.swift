import Corpus
//! Tests of the server's extension points in-process: custom handlers, document hooks, notifications from outside.
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import LSP

/// Runs a `Server` on a background thread over two pipes and talks to it with the LSP module's own transport.
final class InProcessClient: Sendable {
  let server: Server
  private let connection: Connection
  private final class Inbox: Sendable {
    let messages = Mutex<[JSONValue]>([])
    let arrived = DispatchSemaphore(value: 0)
  }
  private let inbox = Inbox()
  private let nextID = Atomic<Int>(1)
  private let serverInput: Int32

  init(registry: HandlerRegistry, options: ServerOptions = ServerOptions()) {
    var toServer: [Int32] = [0, 0]
    var fromServer: [Int32] = [0, 0]
    _ = pipe(&toServer)
    _ = pipe(&fromServer)
    serverInput = toServer[1]
    let logger = Logger(level: .error)
    server = Server(input: toServer[0], output: fromServer[1], options: options, logger: logger, registry: registry)
    connection = Connection(input: fromServer[0], output: toServer[1], logger: logger)
    connection.start { [inbox] incoming in
      if case .message(let message) = incoming {
        inbox.messages.withLock { $0.append(message) }
        inbox.arrived.signal()
      }
    }
    let server = self.server
    Thread { _ = server.run() }.start()
  }

  func notify(_ method: String, _ params: JSONValue) {
    connection.send(OutgoingMessage.notification(method: method, params: params))
  }

  func request(_ method: String, _ params: JSONValue = .null) -> JSONValue? {
    let id = nextID.add(1, ordering: .relaxed).oldValue
    connection.send(OutgoingMessage.request(id: .integer(id), method: method, params: params))
    return wait { $0["id"] == .integer(id) && $0["method"] == nil }
  }

  /// Removes and returns the first message matching `predicate`, or nil after `timeout` seconds.
  func wait(timeout: Double = 5, _ predicate: (JSONValue) -> Bool) -> JSONValue? {
    let deadline = DispatchTime.now() + timeout
    while true {
      let found: JSONValue? = inbox.messages.withLock { messages in
        guard let index = messages.firstIndex(where: predicate) else { return nil }
        return messages.remove(at: index)
      }
      if let found { return found }
      if inbox.arrived.wait(timeout: deadline) == .timedOut { return nil }
    }
  }

  func initialize(encodings: [JSONValue] = ["utf-16"]) -> JSONValue? {
    let result = request("initialize", ["capabilities": ["general": ["positionEncodings": .array(encodings)]]])
    notify("initialized", [:])
    return result
  }

  func stop() {
    _ = request("shutdown")
    notify("exit", .null)
  }
}

@Suite struct ServerTests {
  @Test func customHandlerSeesSnapshotAndContributesCapabilities() throws {
    var registry = HandlerRegistry.standard
    registry.capabilities { capabilities, _ in capabilities["experimental"] = ["lineCount": true] }
    registry.request("test/lineCount") { params, context in
      let document = try context.snapshot.document(params.textDocumentURI())
      return .integer(document.lineIndex.lineCount)
    }
    let client = InProcessClient(registry: registry)
    let initialize = client.initialize()
    #expect(initialize?["result"]?["capabilities"]?["experimental"]?["lineCount"] == true)
    client.notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": "file:///%E4%B8%AD.md", "text": "a\r\nb\rc\n",
          "version": 1, "languageId": "markdown",
        ]
      ])
    // Percent-encoded and plain spellings of a URI name the same document.
    let response = client.request("test/lineCount", ["textDocument": ["uri": "file:///中.md"]])
    #expect(response?["result"] == 4)
    client.stop()
  }

  @Test func documentHookRunsOnceAfterEditsSettleAndCanPublish() throws {
    let runs = Atomic<Int>(0)
    var registry = HandlerRegistry.standard
    registry.onDocumentChange { context in
      runs.add(1, ordering: .relaxed)
      let document = context.snapshot.documents[context.uri]
      let diagnostics: [JSONValue] =
        document.map { document in
          [["range": context.snapshot.range(TextRange(0, 1), in: document).json, "message": .string(document.text)]]
        } ?? []
      context.client.publishDiagnostics(uri: context.uri, version: document?.version, diagnostics: diagnostics)
    }
    var options = ServerOptions()
    options.documentHookDelay = .milliseconds(30)
    let client = InProcessClient(registry: registry, options: options)
    _ = client.initialize()
    client.notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": "file:///a.md", "text": "x", "version": 1,
          "languageId": "markdown",
        ]
      ])
    for version in 2...6 {
      client.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": "file:///a.md", "version": .integer(version)],
          "contentChanges": [["text": .string("v\(version)")]],
        ])
    }
    // synchronize waits for the debounced hook too.
    #expect(client.request("corpusLsp/synchronize")?["result"] == .null)
    #expect(runs.load(ordering: .relaxed) == 1)
    let published = client.wait { $0["method"] == "textDocument/publishDiagnostics" }
    #expect(published?["params"]?["version"] == 6)
    #expect(published?["params"]?["diagnostics"]?.arrayValue?.first?["message"] == "v6")
    client.stop()
  }

  @Test func backgroundWorkCanUpdateTheAnalysisOnTheLoop() throws {
    var registry = HandlerRegistry.standard
    registry.request("test/analysis") { _, context in
      .string(context.snapshot.analysis(as: String.self) ?? "none")
    }
    let client = InProcessClient(registry: registry)
    _ = client.initialize()
    #expect(client.request("test/analysis")?["result"] == "none")
    client.server.onLoop { server in server.session.analysis = "indexed" }
    #expect(client.request("test/analysis")?["result"] == "indexed")
    client.server.client.logMessage(.info, "hello from outside a request")
    #expect(client.wait { $0["method"] == "window/logMessage" && $0["params"]?["type"] == 3 } != nil)
    client.stop()
  }
}

@Suite struct ProgressTests {
  @Test func progressIsCreatedBegunReportedAndEndedWhenTheClientSupportsIt() throws {
    var registry = HandlerRegistry.standard
    registry.onInitialized { server in
      let progress = server.client.beginProgress(
        "Indexing", message: "5 papers", clientCapabilities: server.session.clientCapabilities)
      progress.report("2 of 5", percentage: 40)
      progress.end("done")
      progress.end("twice")  // ignored
    }
    let client = InProcessClient(registry: registry)
    _ = client.request("initialize", ["capabilities": ["window": ["workDoneProgress": true]]])
    client.notify("initialized", [:])
    // The standard registry's indexing reports too, under its own token: follow this hook's.
    let begin = client.wait { $0["method"] == "$/progress" && $0["params"]?["value"]?["message"] == "5 papers" }
    let token = begin?["params"]?["token"]
    let create = client.wait { $0["method"] == "window/workDoneProgress/create" && $0["params"]?["token"] == token }
    #expect(create?["id"] != nil)
    var kinds: [JSONValue] = [begin?["params"]?["value"]?["kind"] ?? .null]
    for _ in 0..<2 {
      let progress = client.wait { $0["method"] == "$/progress" && $0["params"]?["token"] == token }
      kinds.append(progress?["params"]?["value"]?["kind"] ?? .null)
    }
    #expect(kinds == ["begin", "report", "end"])
    #expect(client.request("corpusLsp/synchronize")?["result"] == .null)
    #expect(client.wait(timeout: 0.1) { $0["method"] == "$/progress" && $0["params"]?["token"] == token } == nil)
    client.stop()
  }
}
