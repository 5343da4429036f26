//! Requests only for the end-to-end tests (enabled by CORPUS_LSP_TEST_HOOKS=1): failing, slow, progress, text dump.
import Foundation

/// Never registered in normal use. They let the tests reach paths a well-behaved handler never takes.
enum TestHooksHandlers {
  struct DeliberateFailure: Error, CustomStringConvertible {
    var description: String { "deliberate failure for a test" }
  }

  static func register(_ registry: inout HandlerRegistry) {
    // A handler that throws an unexpected error: the client must get -32603 and the server must go on.
    registry.request("corpusLsp/test/fail") { _, _ in throw DeliberateFailure() }
    // Sleeps `milliseconds` in small steps, honouring cancellation.
    registry.request("corpusLsp/test/sleep") { params, context in
      let milliseconds = params["milliseconds"]?.intValue ?? 1000
      let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
      while Date() < deadline {
        try context.cancellation.checkCancellation()
        usleep(2000)
      }
      return .string("slept")
    }
    // A work-done progress round (create request to the client, then begin/report/end).
    registry.request("corpusLsp/test/progress") { _, context in
      let progress = context.client.beginProgress(
        "Test task", clientCapabilities: context.snapshot.clientCapabilities)
      progress.report("halfway", percentage: 50)
      progress.end("done")
      return .null
    }
    // The server's copy of an open document, to compare with the test's own reference applier.
    registry.request("corpusLsp/test/documentText") { params, context in
      let document = try context.snapshot.document(params.textDocumentURI())
      return [
        "text": .string(document.text), "version": .integer(document.version),
        "lineCount": .integer(document.lineIndex.lineCount),
      ]
    }
  }
}
