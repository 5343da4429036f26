//! Workspace files as the editor names them: file URIs ↔ workspace-relative paths, and the analysis in a snapshot.
import Corpus
import Foundation

/// What a file of the workspace is to the server.
public enum WorkspaceFileKind: Sendable, Equatable {
  case note, corpus, lexicon, config, other
}

extension WorkspaceAnalysis {
  /// The URI of a workspace-relative path.
  public func uri(of file: String) -> String { DocumentURI.uri(path: workspace.url(of: file).path) }

  /// The workspace-relative path of a URI, nil outside the workspace.
  public func relativePath(_ uri: String) -> String? { DocumentURI.relativePath(uri, in: root) }

  /// A note is any `.md` outside the corpus (even one created after the last index); corpus files, the lexicon
  /// and the configuration are what the index reads.
  public func kind(of file: String) -> WorkspaceFileKind {
    if file == WorkspaceConfig.fileName { return .config }
    if file == lexiconPath { return .lexicon }
    if isCorpusFile(file) { return .corpus }
    let inCorpusFolder = workspace.config.corpus.contains { folder in
      let clean = folder.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
      return clean.isEmpty ? false : file.hasPrefix(clean + "/")
    }
    if inCorpusFolder && (file.hasSuffix(".txt") || file.hasSuffix(".md")) { return .corpus }
    if file.hasSuffix(".md") || file.hasSuffix(".markdown") { return .note }
    return .other
  }
}

extension Snapshot {
  /// The latest complete workspace analysis when the request arrived; nil while the first load runs.
  public var workspaceAnalysis: WorkspaceAnalysis? { analysis(as: WorkspaceAnalysis.self) }

  /// The analysis, waiting for the first one (up to 20 s, until cancelled) when the workspace is still loading:
  /// an editor asks for hover or a definition right after opening a file, and an empty answer then is wrong (the
  /// client will not ask again). Nil only when the wait ends without one.
  public func workspaceAnalysisOnceLoaded(_ cancellation: CancellationToken) -> WorkspaceAnalysis? {
    workspaceAnalysis
      ?? awaitFirstAnalysis?(.now() + .seconds(20), { cancellation.isCancelled }) as? WorkspaceAnalysis
  }

  /// Where a document sits in the workspace: its relative path (or, outside the workspace, its file name) and kind.
  public func workspaceFile(_ uri: String, analysis: WorkspaceAnalysis) -> (path: String, kind: WorkspaceFileKind) {
    if let relative = analysis.relativePath(uri) { return (relative, analysis.kind(of: relative)) }
    let name = DocumentURI.path(uri).map { URL(fileURLWithPath: $0).lastPathComponent } ?? uri
    let isMarkdown = name.hasSuffix(".md") || documents[uri]?.languageID == "markdown"
    return (name, isMarkdown ? .note : .other)
  }

  /// The line index the ranges of a workspace file are counted in, as the editor will apply them: the editor's copy
  /// when open; else a paper's raw text as indexed; else a problem file's text as read; else the disk's text. The
  /// one answer for every handler that positions results in files other than the request's own.
  public func lineIndex(of file: String, analysis: WorkspaceAnalysis) -> LineIndex? {
    if let document = documents[analysis.uri(of: file)] { return document.lineIndex }
    if let paper = analysis.paper(file: file) { return paper.rawLines }
    if let text = analysis.problemTexts[file] { return LineIndex(text) }
    return currentText(of: file, analysis: analysis).map(LineIndex.init)
  }

  /// A file's current text: the editor's copy when open, else the disk's (decoded like corpus files).
  public func currentText(of file: String, analysis: WorkspaceAnalysis) -> String? {
    if let document = documents[analysis.uri(of: file)] { return document.text }
    guard let data = FileManager.default.contents(atPath: analysis.workspace.url(of: file).path) else { return nil }
    if case .success(let decoded) = TextDecoding.decode(data) { return decoded.text }
    return nil
  }
}
