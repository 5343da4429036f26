//! Rules invalid-config, invalid-lexicon, undecodable-file, unreadable-file, empty-document: workspace and
//! corpus problems as findings on the file concerned.

public enum WorkspaceProblems {
  /// A problem met while opening the workspace or reading a paper.
  public static func finding(for problem: CorpusProblem, text: String? = nil) -> Finding {
    let rule: Rule
    switch problem.kind {
    case .undecodableFile: rule = .undecodableFile
    case .unreadableFile: rule = .unreadableFile
    case .invalidConfig, .missingPath: rule = .invalidConfig
    case .invalidLexicon: rule = .invalidLexicon
    case .emptyPaper: rule = .emptyDocument
    }
    var range = problem.range ?? TextRange(0, 0)
    if problem.range == nil, let line = problem.line, let text {
      let offset = LineIndex(text).offset(line: line, column: problem.column ?? 0, unit: .utf8)
      range = TextRange(start: offset, end: offset)
    }
    return Finding(rule: rule, file: problem.file, range: range, message: sentence(problem.message))
  }

  /// A problem met while building the index (the workspace lexicon); `line`/`column` are 1-based scalars.
  public static func finding(for problem: IndexProblem, text: String? = nil) -> Finding {
    var range = TextRange(0, 0)
    if let line = problem.line, let text {
      let offset = LineIndex(text).offset(line: line - 1, column: (problem.column ?? 1) - 1, unit: .utf32)
      range = TextRange(start: offset, end: offset)
    }
    let rule: Rule = problem.file.hasSuffix("corpus-lsp.json") ? .invalidConfig : .invalidLexicon
    return Finding(rule: rule, file: problem.file, range: range, message: sentence(problem.message))
  }

  /// Capitalised, ending with a full stop, as every finding message.
  static func sentence(_ message: String) -> String {
    guard let first = message.first else { return message }
    let firstWord = message.prefix { $0 != " " && $0 != ":" }
    // File names and JSON paths keep their case (`corpus-lsp.json is …`, `entities[1] has …`).
    let keepsCase = firstWord.contains(".") || firstWord.contains("/") || firstWord.contains("[")
    var result = keepsCase ? message : first.uppercased() + message.dropFirst()
    if !(result.hasSuffix(".") || result.hasSuffix("。")) { result += "." }
    return result
  }
}
