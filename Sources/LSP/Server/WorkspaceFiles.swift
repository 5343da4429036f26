//! Workspace files as the editor names them: file URIs ↔ workspace-relative paths, and the analysis in a snapshot.
import Corpus
import Foundation

/// `file://` URIs to paths and back. Decoding is lenient (percent-encoded or raw UTF-8, as clients differ);
/// the URIs the server makes are percent-encoded, which `DocumentStore` keys match either way.
public enum FileURI {
  /// The absolute path a `file://` URI names; nil for other schemes.
  public static func path(_ uri: String) -> String? {
    if let url = URL(string: uri), url.isFileURL { return url.standardizedFileURL.path }
    guard uri.hasPrefix("file://") else { return nil }
    var rest = String(uri.dropFirst("file://".count))
    if let slash = rest.firstIndex(of: "/") { rest = String(rest[slash...]) }  // drop an authority (`localhost`)
    let decoded = rest.removingPercentEncoding ?? rest
    return URL(fileURLWithPath: decoded).standardizedFileURL.path
  }

  public static func url(_ uri: String) -> URL? { path(uri).map { URL(fileURLWithPath: $0) } }

  /// The URI of an absolute path.
  public static func uri(path: String) -> String { URL(fileURLWithPath: path).absoluteString }

  /// The path of `uri` relative to `root` (`/`-separated), nil when it lies outside.
  public static func relativePath(_ uri: String, root: URL) -> String? {
    guard let path = path(uri) else { return nil }
    for base in [root.standardizedFileURL.path, root.resolvingSymlinksInPath().path] {
      let prefix = base.hasSuffix("/") ? base : base + "/"
      if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
    }
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    let base = root.resolvingSymlinksInPath().path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : nil
  }
}

/// What a file of the workspace is to the server.
public enum WorkspaceFileKind: Sendable, Equatable {
  case note, corpus, lexicon, config, other
}

extension WorkspaceAnalysis {
  /// The URI of a workspace-relative path.
  public func uri(of file: String) -> String { FileURI.uri(path: workspace.url(of: file).path) }

  /// The workspace-relative path of a URI, nil outside the workspace.
  public func relativePath(_ uri: String) -> String? { FileURI.relativePath(uri, root: root) }

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
  /// The latest complete workspace analysis; nil while the first load runs (features then answer empty).
  public var workspaceAnalysis: WorkspaceAnalysis? { analysis(as: WorkspaceAnalysis.self) }

  /// Where a document sits in the workspace: its relative path (or, outside the workspace, its file name) and kind.
  public func workspaceFile(_ uri: String, analysis: WorkspaceAnalysis) -> (path: String, kind: WorkspaceFileKind) {
    if let relative = analysis.relativePath(uri) { return (relative, analysis.kind(of: relative)) }
    let name = FileURI.path(uri).map { URL(fileURLWithPath: $0).lastPathComponent } ?? uri
    let isMarkdown = name.hasSuffix(".md") || documents[uri]?.languageID == "markdown"
    return (name, isMarkdown ? .note : .other)
  }

  /// A file's current text: the editor's copy when open, else the disk's (decoded like corpus files).
  public func currentText(of file: String, analysis: WorkspaceAnalysis) -> String? {
    if let document = documents[analysis.uri(of: file)] { return document.text }
    guard let data = FileManager.default.contents(atPath: analysis.workspace.url(of: file).path) else { return nil }
    if case .success(let decoded) = TextDecoding.decode(data) { return decoded.text }
    return nil
  }
}
