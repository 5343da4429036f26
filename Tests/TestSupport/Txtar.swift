//! Txtar fixtures: a workspace written as one text, each file after a `-- path --` line.

public enum Txtar {
  /// The `(path, text)` sections of `text`, in order. A file's text is its lines joined with `\n` (CRLF kept
  /// within lines); text before the first `-- path --` line is a comment.
  public static func sections(_ text: String) -> [(path: String, text: String)] {
    var files: [(path: String, text: String)] = []
    var current: (path: String, lines: [Substring])?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
        if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
        current = (String(line.dropFirst(3).dropLast(3)), [])
      } else {
        current?.lines.append(line)
      }
    }
    if let current { files.append((current.path, current.lines.joined(separator: "\n"))) }
    return files
  }
}
