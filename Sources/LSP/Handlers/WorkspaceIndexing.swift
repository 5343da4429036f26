//! Loads the workspace analysis after `initialized`, watches corpus, lexicon, config and notes, and re-indexes
//! what changed (`workspace/didChangeWatchedFiles`, `didSave`).
import Corpus
import Foundation

enum WorkspaceIndexingHandlers {
  /// What the client is asked to watch (dynamic registration).
  static let watchedGlobs = ["**/corpus/**", "**/lexicon.json", "**/corpus-lsp.json", "**/*.md"]

  static func register(_ registry: inout HandlerRegistry) {
    registry.onInitialized { server in
      registerWatchers(server)
      server.analysisHost.loadAll(server)
    }
    registry.notification("workspace/didChangeWatchedFiles") { params, server in
      // A note's new content matters only once opened (its text then comes from the editor); a note created or
      // deleted changes the workspace's list of notes.
      var indexInputs: [String] = []
      var listChanges: [String] = []
      for change in params["changes"]?.arrayValue ?? [] {
        guard let uri = change["uri"]?.stringValue else { continue }
        if change["type"]?.intValue == 2 { indexInputs.append(uri) } else { listChanges.append(uri) }
      }
      reindex(indexInputs, server: server, onlyIndexInputs: true, alsoNotes: listChanges)
    }
    // Clients that cannot watch files still say when the user saved one.
    registry.notification("textDocument/didSave") { params, server in
      guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
      reindex([uri], server: server, onlyIndexInputs: true)
    }
  }

  /// Re-indexes after files changed; notes matter too (a new or deleted note changes the workspace's notes).
  static func reindex(_ uris: [String], server: Server, onlyIndexInputs: Bool, alsoNotes: [String] = []) {
    let root = AnalysisHost.root(of: server)
    let latest = server.analysisHost.latest
    var changed = Set<String>()
    for (position, uri) in (uris + alsoNotes).enumerated() {
      let onlyIndexInputs = position < uris.count ? onlyIndexInputs : false
      guard let file = DocumentURI.relativePath(uri, in: root) else { continue }
      let kind = latest?.kind(of: file) ?? .other
      switch kind {
      case .corpus, .lexicon, .config: changed.insert(file)
      case .note where !onlyIndexInputs: changed.insert(file)
      default:
        // Unknown to the last analysis: a corpus file may have moved in, or the config changed the folders.
        if latest == nil || file == WorkspaceConfig.fileName { changed.insert(file) }
      }
    }
    guard !changed.isEmpty else { return }
    server.logger.debug("re-indexing after changes to \(changed.sorted().joined(separator: ", "))")
    server.analysisHost.reload(server, changedFiles: changed)
  }

  static func registerWatchers(_ server: Server) {
    let capabilities = server.session.clientCapabilities
    guard capabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] == .bool(true) else { return }
    let watchers: [JSONValue] = watchedGlobs.map { ["globPattern": .string($0)] }
    server.client.request(
      "client/registerCapability",
      [
        "registrations": [
          [
            "id": "corpus-lsp-watched-files", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": .array(watchers)],
          ]
        ]
      ]
    ) { [logger = server.logger] result in
      if case .failure(let error) = result { logger.warning("file watching not registered: \(error.message)") }
    }
  }
}
