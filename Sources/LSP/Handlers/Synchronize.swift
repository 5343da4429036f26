//! `corpusLsp/synchronize`: answers null once every earlier message is handled (for deterministic tests).

enum SynchronizeHandler {
  static let method = "corpusLsp/synchronize"

  static func register(_ registry: inout HandlerRegistry) {
    // Handled on the loop, so every earlier notification has been applied; then waits for running requests
    // and pending document hooks (diagnostics) to finish, then for the workspace analysis (loading, re-indexing,
    // publishing its diagnostics), then for whatever that started.
    registry.deferredRequest(method) { _, server, reply in
      server.whenIdle {
        server.analysisHost.whenIdle { server.whenIdle { reply(.success(.null)) } }
      }
    }
  }
}
