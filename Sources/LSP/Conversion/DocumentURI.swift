//! Document URIs ↔ file paths: percent-decoding (Chinese file names arrive encoded), workspace-relative paths.
import Foundation

public enum DocumentURI {
  /// The file a `file:` URI names, or nil for other schemes (`untitled:`…).
  public static func fileURL(_ uri: String) -> URL? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.standardizedFileURL
  }

  /// The `file:` URI of a path, percent-encoded as editors send it (`file:///notes/%E7%AC%94%E8%AE%B0.md`).
  public static func uri(_ fileURL: URL) -> String {
    URL(fileURLWithPath: fileURL.standardizedFileURL.path).absoluteString
  }

  /// The path of `uri` relative to `root` (`notes/a.md`), or nil when it is outside the workspace.
  public static func relativePath(_ uri: String, in root: URL) -> String? {
    guard let path = fileURL(uri)?.path else { return nil }
    let rootPath = root.standardizedFileURL.path
    let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
    guard path.hasPrefix(prefix) else { return nil }
    return String(path.dropFirst(prefix.count))
  }
}
