//! Shared helpers for the end-to-end tests: a started, initialized server that is shut down cleanly afterwards.
import Foundation
import TestSupport
import Testing

/// Starts the real binary and initializes it (unless `initialize` is false). End the test with `finish()`.
/// Errors (timeouts, a dead server) carry the whole transcript.
func startServer(
  encodings: [String]? = nil, arguments: [String] = ["--log-level", "debug"], initialize: Bool = true
) throws -> TestClient {
  let client = try TestClient(arguments: arguments)
  if initialize { try client.initialize(encodings: encodings) }
  return client
}

extension TestClient {
  /// `shutdown` + `exit` must end the server with status 0.
  func finish(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let status = try shutdownAndExit()
    #expect(status == 0, "exit status after shutdown + exit\n\(note)", sourceLocation: sourceLocation)
  }

  /// Asserts that a response is an error with `code`.
  func expectError(_ response: JSON, code: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(response["error"]["code"] == .int(code), "expected error \(code)\n\(note)", sourceLocation: sourceLocation)
    #expect(response["jsonrpc"] == "2.0", sourceLocation: sourceLocation)
    #expect(!response["result"].exists || response.object?["result"] == nil, sourceLocation: sourceLocation)
  }

  /// The server answers a trivial request: it is alive and reading.
  func expectAlive(sourceLocation: SourceLocation = #_sourceLocation) throws {
    let response = try send("corpusLsp/synchronize")
    #expect(
      response.object?["result"] == .null && response["error"] == .null, "\(note)", sourceLocation: sourceLocation)
  }

  /// The server's copy of a document (a test-only request).
  func documentText(_ uri: String) throws -> String {
    try result("corpusLsp/test/documentText", ["textDocument": ["uri": .string(uri)]])["text"].string ?? "<none>"
  }
}
