//! Diagnostics: pushed after edits (debounced) and after each re-index; pulled with `textDocument/diagnostic`
//! and `workspace/diagnostic`. Clients that pull get no pushes (LSP 3.17's recommendation) but a refresh request.
import Corpus
import Foundation

enum DiagnosticsHandlers {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in
      capabilities["diagnosticProvider"] = [
        "identifier": "corpus-lsp", "interFileDependencies": true, "workspaceDiagnostics": true,
      ]
    }
    registry.onDocumentChange { context in
      guard !DiagnosticsPublisher.clientPulls(context.snapshot.clientCapabilities) else { return }
      DiagnosticsPublisher.publish(uri: context.uri, snapshot: context.snapshot, client: context.client)
    }
    registry.onInitialized { server in
      server.analysisHost.onAnalysis { server, _, previous in
        let snapshot = server.session.snapshot()
        let capabilities = snapshot.clientCapabilities
        if DiagnosticsPublisher.clientPulls(capabilities) {
          if capabilities["workspace"]?["diagnostics"]?["refreshSupport"] == .bool(true) {
            server.client.request("workspace/diagnostic/refresh", .null)
          }
          return
        }
        let work = server.analysisHost.track {
          DiagnosticsPublisher.publishAll(snapshot: snapshot, previous: previous, client: server.client)
        }
        DispatchQueue.global().async(execute: work)
      }
    }
    registry.request("textDocument/diagnostic") { params, context in
      let uri = try params.textDocumentURI()
      return documentReport(uri: uri, previousResultID: params["previousResultId"]?.stringValue, context: context)
    }
    registry.request("workspace/diagnostic") { params, context in
      try workspaceReport(params, context: context)
    }
  }

  /// An identifier of what a report was computed from: the analysis and the text (version when open).
  static func resultID(_ analysis: WorkspaceAnalysis, text: String?, lexicon: String?) -> String {
    var hasher = Hasher()
    hasher.combine(text)
    hasher.combine(lexicon)
    return "\(analysis.indexGeneration)-\(UInt(bitPattern: hasher.finalize()))"
  }

  static func documentReport(uri: String, previousResultID: String?, context: RequestContext) -> JSONValue {
    let snapshot = context.snapshot
    // A pull that arrives before the first index would get an empty report, and clients without
    // `refreshSupport` (Neovim 0.11) only ask again after an edit: wait for the first analysis, bounded.
    guard let analysis = snapshot.workspaceAnalysisOnceLoaded(context.cancellation) else {
      return ["kind": "full", "items": []]  // not indexed yet: nothing to say, and no id so the client asks again
    }
    let renderer = DiagnosticRenderer(snapshot: snapshot, analysis: analysis)
    let (path, kind) = snapshot.workspaceFile(uri, analysis: analysis)
    var text = snapshot.documents[uri]?.text
    if text == nil, kind == .note, case .text(let disk) = analysis.readNote(path) { text = disk }
    let id = resultID(analysis, text: text ?? path, lexicon: snapshot.lexiconText(analysis))
    if previousResultID == id { return ["kind": "unchanged", "resultId": .string(id)] }
    let items: [JSONValue]
    if kind == .note, snapshot.documents[uri] == nil {
      items = diskNoteDiagnostics(path, renderer: renderer)
    } else {
      items = renderer.diagnostics(forURI: uri).diagnostics
    }
    return ["kind": "full", "resultId": .string(id), "items": .array(items)]
  }

  /// A note that is not open, checked as it is on disk.
  static func diskNoteDiagnostics(_ path: String, renderer: DiagnosticRenderer) -> [JSONValue] {
    let analysis = renderer.analysis
    switch analysis.readNote(path) {
    case .text(let text):
      let findings = NoteFindings.findings(
        path: path, text: text, analysis: analysis, lexiconText: renderer.snapshot.lexiconText(analysis))
      return renderer.diagnostics(findings, lines: LineIndex(text))
    case .problem(let finding):
      return renderer.diagnostics([finding], lines: LineIndex(""))
    }
  }

  /// Every note of the workspace (open ones as edited) and every file with workspace problems.
  static func workspaceReport(_ params: JSONValue, context: RequestContext) throws -> JSONValue {
    let snapshot = context.snapshot
    guard let analysis = snapshot.workspaceAnalysisOnceLoaded(context.cancellation) else { return ["items": []] }
    var previous: [String: String] = [:]
    for entry in params["previousResultIds"]?.arrayValue ?? [] {
      if let uri = entry["uri"]?.stringValue, let value = entry["value"]?.stringValue {
        previous[DocumentStore.key(uri)] = value
      }
    }
    let renderer = DiagnosticRenderer(snapshot: snapshot, analysis: analysis)
    let lexicon = snapshot.lexiconText(analysis)
    var files = analysis.noteFiles
    let listed = Set(files)
    for document in snapshot.documents.all {
      if let path = analysis.relativePath(document.uri), !listed.contains(path),
        snapshot.workspaceFile(document.uri, analysis: analysis).kind == .note
      {
        files.append(path)
      }
    }
    files += renderer.problemFiles.sorted().filter { !listed.contains($0) }
    var items: [JSONValue] = []
    for file in files {
      if context.cancellation.isCancelled { throw ResponseError.cancelled }
      let uri = renderer.uri(of: file)
      let document = snapshot.documents[uri]
      let version: JSONValue = document.map { .integer($0.version) } ?? .null
      let isNote = analysis.kind(of: file) == .note
      var text = document?.text
      if text == nil, isNote, case .text(let disk) = analysis.readNote(file) { text = disk }
      let id = resultID(analysis, text: text ?? file, lexicon: lexicon)
      if previous[DocumentStore.key(uri)] == id {
        items.append(["kind": "unchanged", "uri": .string(uri), "version": version, "resultId": .string(id)])
        continue
      }
      let diagnostics: [JSONValue]
      if isNote {
        if let text {
          let findings = NoteFindings.findings(path: file, text: text, analysis: analysis, lexiconText: lexicon)
          diagnostics = renderer.diagnostics(findings, lines: document?.lineIndex ?? LineIndex(text))
        } else {
          diagnostics = diskNoteDiagnostics(file, renderer: renderer)
        }
      } else {
        diagnostics = renderer.problemDiagnostics(file)
      }
      items.append([
        "kind": "full", "uri": .string(uri), "version": version, "resultId": .string(id),
        "items": .array(diagnostics),
      ])
    }
    return ["items": .array(items)]
  }
}
