//! End to end: text sync applies in arrival order, slow requests never block the reader, cancellation is prompt.
import Foundation
import TestSupport
import Testing

@Suite struct OrderingTests {
  @Test func requestSeesEveryEarlierChange() throws {
    let client = try startServer()
    client.openDocument(uri: "file:///a.md", text: "")
    for i in 1...50 {
      client.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": "file:///a.md", "version": .int(i + 1)],
          "contentChanges": [["text": .string("v\(i)")]],
        ])
    }
    #expect(try client.documentText("file:///a.md") == "v50", "\(client.note)")
    try client.finish()
  }

  @Test func slowRequestDoesNotBlockLaterRequestsOrTextSync() throws {
    let client = try startServer()
    let slow = client.sendRequest("corpusLsp/test/sleep", ["milliseconds": 3000])
    client.openDocument(uri: "file:///a.md", text: "fast")
    let started = Date()
    #expect(try client.documentText("file:///a.md") == "fast", "\(client.note)")
    #expect(Date().timeIntervalSince(started) < 2, "a quick request waited for a slow one\n\(client.note)")
    client.notify("$/cancelRequest", ["id": slow])
    client.expectError(try client.response(id: slow), code: -32800)
    try client.finish()
  }

  @Test func cancelRequestAnswersRequestCancelledPromptly() throws {
    let client = try startServer()
    let slow = client.sendRequest("corpusLsp/test/sleep", ["milliseconds": 5000])
    usleep(50_000)
    let started = Date()
    client.notify("$/cancelRequest", ["id": slow])
    let response = try client.response(id: slow)
    client.expectError(response, code: -32800)
    #expect(Date().timeIntervalSince(started) < 1, "\(client.note)")
    try client.expectAlive()
    // Exactly one answer for the cancelled id, never a late result.
    try client.expectAlive()
    #expect(!client.pendingMessages.contains { $0["id"] == slow }, "\(client.note)")
    try client.finish()
  }

  @Test func cancellingAnUnknownOrFinishedRequestIsIgnored() throws {
    let client = try startServer()
    let id = client.sendRequest("corpusLsp/synchronize")
    _ = try client.response(id: id)
    client.notify("$/cancelRequest", ["id": id])
    client.notify("$/cancelRequest", ["id": 98765])
    client.notify("$/cancelRequest", ["id": "nope"])
    try client.expectAlive()
    #expect(client.pendingMessages.allSatisfy { $0["error"] == .null }, "\(client.note)")
    try client.finish()
  }
}

@Suite struct ContentModifiedTests {
  @Test func editCancelsRunningRequestOnThatDocumentWithContentModified() throws {
    let client = try startServer()
    client.openDocument(uri: "file:///a.md", text: "one")
    client.openDocument(uri: "file:///b.md", text: "other")
    let onA = client.sendRequest(
      "corpusLsp/test/sleep", ["milliseconds": 3000, "textDocument": ["uri": "file:///a.md"]])
    let onB = client.sendRequest(
      "corpusLsp/test/sleep", ["milliseconds": 300, "textDocument": ["uri": "file:///b.md"]])
    // Answered only after the loop dispatched both requests: they hold snapshots of the old texts.
    _ = try client.documentText("file:///b.md")
    client.notify(
      "textDocument/didChange",
      ["textDocument": ["uri": "file:///a.md", "version": 2], "contentChanges": [["text": "two"]]])
    client.expectError(try client.response(id: onA), code: -32801)
    #expect(try client.response(id: onB)["result"] == "slept", "\(client.note)")
    try client.finish()
  }
}
