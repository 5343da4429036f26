//! Findings → LSP `Diagnostic`s (ranges in the negotiated encoding, related places in corpus files), and pushing them.
import Corpus
import Foundation
import Synchronization

/// Turns findings of one file into LSP diagnostics for one snapshot.
public struct DiagnosticRenderer: Sendable {
  public static let source = "corpus-lsp"
  public let snapshot: Snapshot
  public let analysis: WorkspaceAnalysis

  public init(snapshot: Snapshot, analysis: WorkspaceAnalysis) {
    self.snapshot = snapshot
    self.analysis = analysis
  }

  /// `Diagnostic` objects for findings on a file whose text is `lines`.
  public func diagnostics(_ findings: [Finding], lines: LineIndex) -> [JSONValue] {
    var relatedLines: [String: LineIndex?] = [:]
    return findings.map { finding in
      var related: [JSONValue] = []
      for location in finding.related {
        if relatedLines[location.file] == nil { relatedLines[location.file] = .some(snapshot.lineIndex(of: location.file, analysis: analysis)) }
        guard let fileLines = relatedLines[location.file] ?? nil else { continue }
        let range = ToProtocol.range(location.range, in: fileLines, encoding: snapshot.encoding)
        related.append([
          "location": ["uri": .string(uri(of: location.file)), "range": range.json],
          "message": .string(location.message),
        ])
      }
      return diagnostic(finding, lines: lines, related: related)
    }
  }

  func diagnostic(_ finding: Finding, lines: LineIndex, related: [JSONValue]) -> JSONValue {
    var object: [String: JSONValue] = [
      "range": ToProtocol.range(finding.range, in: lines, encoding: snapshot.encoding).json,
      "severity": .integer(Self.severity(finding.severity)),
      "code": .string(finding.rule.id),
      "source": .string(Self.source),
      "message": .string(finding.message),
      "data": [
        "rule": .string(finding.rule.id),
        "generation": .integer(analysis.generation),
        "suggestions": .array(finding.suggestions.map { .string($0) }),
        "fixes": .array(finding.fixes.map { .string($0.title) }),
      ],
    ]
    if !related.isEmpty { object["relatedInformation"] = .array(related) }
    return .object(object)
  }

  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: return 1
    case .warning: return 2
    case .information: return 3
    case .hint: return 4
    }
  }

  /// The URI of a workspace file: the editor's spelling when it is open.
  public func uri(of file: String) -> String {
    let made = analysis.uri(of: file)
    return snapshot.documents[made]?.uri ?? made
  }

  /// Workspace problems shown on `file`: on a corpus file only the reading failures (it gets no other diagnostic).
  public func problems(on file: String) -> [Finding] {
    let kind = analysis.kind(of: file)
    return analysis.problems.filter { problem in
      problem.file == file
        && (kind != .corpus || problem.rule == .undecodableFile || problem.rule == .unreadableFile)
    }
  }

  /// Every file with workspace problems to show.
  public var problemFiles: Set<String> { Set(analysis.problems.map(\.file).filter { !problems(on: $0).isEmpty }) }

  /// The diagnostics of any document: checked findings for a note, workspace problems for other files.
  /// `nil` text for a closed note means "clear".
  public func diagnostics(forURI uri: String) -> (diagnostics: [JSONValue], version: Int?) {
    let document = snapshot.documents[uri]
    let (path, kind) = snapshot.workspaceFile(uri, analysis: analysis)
    if kind == .note {
      guard let document else { return ([], nil) }
      let findings = NoteFindings.findings(
        path: path, text: document.text, analysis: analysis, lexiconText: snapshot.lexiconText(analysis))
      return (diagnostics(findings, lines: document.lineIndex), document.version)
    }
    return (problemDiagnostics(path), document?.version)
  }

  /// Workspace problems of a (non-note) file, positioned in the text they were found in.
  public func problemDiagnostics(_ file: String) -> [JSONValue] {
    let findings = problems(on: file)
    guard !findings.isEmpty else { return [] }
    let lines = analysis.problemTexts[file].map(LineIndex.init) ?? snapshot.documents[uri(of: file)]?.lineIndex
      ?? LineIndex("")
    return diagnostics(findings, lines: lines)
  }
}

/// Pushes `textDocument/publishDiagnostics`, never letting an older computation overwrite a newer one.
public enum DiagnosticsPublisher {
  /// What a computation was made from: the document's opening (or closing), the analysis, the text's version.
  private struct Stamp: Comparable {
    var epoch: Int
    var generation: Int
    var version: Int
    static func < (lhs: Stamp, rhs: Stamp) -> Bool {
      (lhs.epoch, lhs.generation, lhs.version) < (rhs.epoch, rhs.generation, rhs.version)
    }
  }

  /// Last stamp pushed per (client connection, document key).
  private static let published = Mutex<[String: Stamp]>([:])

  /// Whether the client pulls diagnostics (`textDocument.diagnostic`): then, as LSP 3.17 recommends, the server
  /// does not push, and asks for a refresh (`workspace/diagnostic/refresh`) when the corpus changes.
  public static func clientPulls(_ capabilities: JSONValue) -> Bool {
    if case .object = capabilities["textDocument"]?["diagnostic"] { return true }
    return false
  }

  /// Computes and pushes the diagnostics of one document (open or just closed) on `snapshot`.
  public static func publish(uri: String, snapshot: Snapshot, client: ClientConnection) {
    guard let analysis = snapshot.workspaceAnalysis else { return }
    let renderer = DiagnosticRenderer(snapshot: snapshot, analysis: analysis)
    let (diagnostics, version) = renderer.diagnostics(forURI: uri)
    let key = "\(ObjectIdentifier(client).hashValue)\u{0}\(DocumentStore.key(uri))"
    // A closed document's stamp outranks every computation of the opening it ends (those finish late on a large
    // note: their diagnostics would come back on a closed file, or on the clean text of a reopened one).
    let stamp = Stamp(
      epoch: snapshot.documents.epoch(of: uri), generation: analysis.generation, version: version ?? Int.max)
    let current = published.withLock { published -> Bool in
      if let last = published[key], stamp < last { return false }
      published[key] = stamp
      return true
    }
    guard current else { return }
    let uri = snapshot.documents[uri]?.uri ?? uri
    client.publishDiagnostics(uri: uri, version: version, diagnostics: diagnostics)
  }

  /// After a new analysis: the workspace problems (cleared on files that no longer have any), then every open
  /// document, each checked on its own thread.
  public static func publishAll(snapshot: Snapshot, previous: WorkspaceAnalysis?, client: ClientConnection) {
    guard let analysis = snapshot.workspaceAnalysis else { return }
    let renderer = DiagnosticRenderer(snapshot: snapshot, analysis: analysis)
    let open = Set(snapshot.documents.all.compactMap { analysis.relativePath($0.uri) })
    var problemFiles = renderer.problemFiles
    if let previous {
      problemFiles.formUnion(DiagnosticRenderer(snapshot: snapshot, analysis: previous).problemFiles)
    }
    for file in problemFiles.sorted() where !open.contains(file) {
      client.publishDiagnostics(uri: renderer.uri(of: file), version: nil, diagnostics: renderer.problemDiagnostics(file))
    }
    let documents = snapshot.documents.all
    DispatchQueue.concurrentPerform(iterations: documents.count) { position in
      publish(uri: documents[position].uri, snapshot: snapshot, client: client)
    }
  }
}
