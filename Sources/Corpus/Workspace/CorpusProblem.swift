//! A problem with a workspace file (undecodable paper, invalid config or lexicon), reported, never thrown.

/// Something wrong with one file of the workspace. The rest of the workspace keeps working; the diagnostics
/// layer turns these into diagnostics on `file` (and `check` prints them).
public struct CorpusProblem: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case undecodableFile, unreadableFile, invalidConfig, invalidLexicon, missingPath, emptyPaper
  }

  /// Path relative to the workspace root, `/` separators.
  public var file: String
  /// Where in the file, when known (UTF-8 offsets into the file's text).
  public var range: TextRange?
  /// Line and column (0-based, UTF-8 columns) of `range.start`, when known.
  public var line: Int?
  public var column: Int?
  public var kind: Kind
  public var message: String

  public init(file: String, range: TextRange? = nil, line: Int? = nil, column: Int? = nil, kind: Kind, message: String)
  {
    self.file = file
    self.range = range
    self.line = line
    self.column = column
    self.kind = kind
    self.message = message
  }

  public var description: String {
    if let line { return "\(file):\(line + 1):\((column ?? 0) + 1): \(message)" }
    return "\(file): \(message)"
  }
}

public typealias WorkspaceProblem = CorpusProblem
