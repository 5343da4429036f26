//! Document URIs ↔ file paths: percent-decoding (Chinese file names arrive encoded), workspace-relative paths.
import Foundation

/// `file://` URIs to paths and back. Decoding is lenient (percent-encoded or raw UTF-8, with or without an
/// authority, as clients differ); the URIs the server makes are percent-encoded, which `DocumentStore` keys match
/// either way.
public enum DocumentURI {
  /// The absolute path a `file:` URI names; nil for other schemes (`untitled:`…).
  public static func path(_ uri: String) -> String? {
    if let url = URL(string: uri), url.isFileURL { return url.standardizedFileURL.path }
    guard uri.hasPrefix("file://") else { return nil }
    var rest = String(uri.dropFirst("file://".count))
    if let slash = rest.firstIndex(of: "/") { rest = String(rest[slash...]) }  // drop an authority (`localhost`)
    let decoded = rest.removingPercentEncoding ?? rest
    return URL(fileURLWithPath: decoded).standardizedFileURL.path
  }

  /// The file a `file:` URI names, or nil for other schemes.
  public static func fileURL(_ uri: String) -> URL? { path(uri).map { URL(fileURLWithPath: $0) } }

  /// The `file:` URI of a path, percent-encoded as editors send it (`file:///notes/%E7%AC%94%E8%AE%B0.md`).
  public static func uri(path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.absoluteString }

  public static func uri(_ fileURL: URL) -> String { uri(path: fileURL.standardizedFileURL.path) }

  /// The path of `uri` relative to `root` (`notes/a.md`, `/`-separated), nil when it lies outside the workspace.
  /// A root reached through a symbolic link matches either spelling.
  public static func relativePath(_ uri: String, in root: URL) -> String? {
    guard let path = path(uri) else { return nil }
    func relative(_ path: String, to base: String) -> String? {
      let prefix = base.hasSuffix("/") ? base : base + "/"
      return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }
    let realRoot = root.resolvingSymlinksInPath().path
    return relative(path, to: root.standardizedFileURL.path) ?? relative(path, to: realRoot)
      ?? relative(URL(fileURLWithPath: path).resolvingSymlinksInPath().path, to: realRoot)
  }
}
