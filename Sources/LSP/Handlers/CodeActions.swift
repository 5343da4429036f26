//! `textDocument/codeAction`: the fixes of the findings under the range, "cite the selected text" for a
//! selection the corpus contains, and "add to the workspace lexicon" for a discovered entity under the cursor (in a
//! note or a corpus file); edits as versioned `documentChanges` (with `CreateFile`) or plain `changes`.
import Corpus
import Foundation

enum CodeActionHandlers {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in
      capabilities["codeActionProvider"] = ["codeActionKinds": ["quickfix", "refactor"], "resolveProvider": false]
    }
    registry.request("textDocument/codeAction") { params, context in
      try codeActions(params, context: context)
    }
  }

  static func codeActions(_ params: JSONValue, context: RequestContext) throws -> JSONValue {
    guard let request = try FeatureRequest.make(params, context) else { return [] }
    let (snapshot, analysis, document) = (request.snapshot, request.analysis, request.document)
    guard let rangeJSON = params["range"] else { throw ResponseError.invalidParams("codeAction needs a range") }
    let range = FromProtocol.range(try Range(json: rangeJSON), in: document.lineIndex, encoding: snapshot.encoding)
    let only = params["context"]?["only"]?.arrayValue?.compactMap(\.stringValue)
    func wanted(_ kind: String) -> Bool {
      guard let only else { return true }
      return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
    }
    let renderer = DiagnosticRenderer(snapshot: snapshot, analysis: analysis)
    let builder = WorkspaceEditBuilder(snapshot: snapshot, analysis: analysis, renderer: renderer)
    let checkContext = analysis.checkContext(notePath: request.path, lexiconText: snapshot.lexiconText(analysis))
    var actions: [JSONValue] = []
    func offer(_ fixes: [Fix], kind: String) {
      for fix in fixes {
        guard let edit = builder.edit(fix) else { continue }
        actions.append(["title": .string(fix.title), "kind": .string(kind), "edit": edit])
      }
    }
    // In a corpus file: promote the discovered entity mentioned under the cursor.
    if let paper = request.paper {
      if wanted("refactor") {
        offer(
          CodeActionFixes.promotingDiscoveredEntity(
            paper: paper, at: range.start, index: request.index, context: checkContext),
          kind: "refactor")
      }
      return .array(actions)
    }
    guard let findings = snapshot.noteFindings(document.uri, analysis: analysis) else { return [] }
    if wanted("quickfix") {
      let touched = findings.filter { finding in
        range.isEmpty
          ? finding.range.contains(inclusive: range.start) : finding.range.intersects(range) || finding.range == range
      }
      for finding in touched where !finding.fixes.isEmpty {
        let diagnostic = renderer.diagnostics([finding], lines: document.lineIndex)
        for fix in finding.fixes {
          guard let edit = builder.edit(fix) else { continue }
          actions.append([
            "title": .string(fix.title), "kind": "quickfix", "diagnostics": .array(diagnostic),
            "isPreferred": .bool(fix.isPreferred), "edit": edit,
          ])
        }
      }
    }
    // The note as the other features parse it (cached while its text is unchanged).
    if wanted("refactor"), let note = request.note?.syntax {
      if !range.isEmpty {
        offer(
          CodeActionFixes.insertCitation(
            note: note, selection: range, index: CachedCorpusLookup.of(analysis), context: checkContext),
          kind: "refactor")
      }
      offer(
        CodeActionFixes.promotingDiscoveredEntity(
          note: note, at: range.start, index: request.index, context: checkContext),
        kind: "refactor")
    }
    return .array(actions)
  }
}

/// A `Fix` as an LSP `WorkspaceEdit`: positions converted in the text each edit was computed on.
struct WorkspaceEditBuilder {
  let snapshot: Snapshot
  let analysis: WorkspaceAnalysis
  let renderer: DiagnosticRenderer

  var supportsDocumentChanges: Bool {
    snapshot.clientCapabilities["workspace"]?["workspaceEdit"]?["documentChanges"] == .bool(true)
  }

  var supportsCreate: Bool {
    let operations = snapshot.clientCapabilities["workspace"]?["workspaceEdit"]?["resourceOperations"]?.arrayValue
    return operations?.contains(.string("create")) == true
  }

  /// Nil when a file the fix edits cannot be read (the fix would not apply).
  func edit(_ fix: Fix) -> JSONValue? {
    var order: [String] = []
    var byFile: [String: [FileEdit]] = [:]
    for edit in fix.edits {
      if byFile[edit.file] == nil { order.append(edit.file) }
      byFile[edit.file, default: []].append(edit)
    }
    var documentChanges: [JSONValue] = []
    var changes: [String: JSONValue] = [:]
    for file in order {
      let edits = byFile[file] ?? []
      let uri = renderer.uri(of: file)
      let creates = edits.contains(where: \.createsFile)
      let lines: LineIndex
      if creates {
        lines = LineIndex("")
      } else if file == analysis.lexiconPath, let text = snapshot.lexiconText(analysis) {
        lines = snapshot.documents[uri]?.lineIndex ?? LineIndex(text)
      } else if let fileLines = snapshot.lineIndex(of: file, analysis: analysis) {
        lines = fileLines
      } else {
        return nil
      }
      let textEdits: [JSONValue] = edits.map { edit in
        [
          "range": ToProtocol.range(creates ? TextRange(0, 0) : edit.range, in: lines, encoding: snapshot.encoding)
            .json,
          "newText": .string(edit.newText),
        ]
      }
      if supportsDocumentChanges {
        if creates {
          guard supportsCreate else { return nil }
          documentChanges.append(["kind": "create", "uri": .string(uri), "options": ["ignoreIfExists": true]])
        }
        let version: JSONValue = snapshot.documents[uri].map { .integer($0.version) } ?? .null
        documentChanges.append([
          "textDocument": ["uri": .string(uri), "version": version], "edits": .array(textEdits),
        ])
      } else {
        changes[uri] = .array(textEdits)
      }
    }
    return supportsDocumentChanges ? ["documentChanges": .array(documentChanges)] : ["changes": .object(changes)]
  }
}
