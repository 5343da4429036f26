//! Renders `check` results: `file:line:col: severity: message [rule]` text, the JSON interface, and SARIF 2.1.0.

/// The findings of one `check` run, with the text of every file they point into (to compute lines and columns).
///
/// Lines and columns are 1-based; columns count Unicode scalars (code points), end columns are exclusive.
public struct CheckReport: Sendable {
  public var findings: [Finding]
  /// Workspace-relative path → decoded text, for every file a finding or related location names.
  public var texts: [String: String]
  /// How many notes (and other files) were checked.
  public var fileCount: Int
  /// Absolute `file://` URI of the workspace root, ending in `/` (SARIF `originalUriBaseIds`).
  public var workspaceURI: String?

  public init(findings: [Finding], texts: [String: String], fileCount: Int, workspaceURI: String? = nil) {
    self.findings = findings.sorted {
      ($0.file, $0.range.start, $0.range.end, $0.rule.rawValue) < (
        $1.file, $1.range.start, $1.range.end, $1.rule.rawValue
      )
    }
    self.texts = texts
    self.fileCount = fileCount
    self.workspaceURI = workspaceURI
    lineIndexes = texts.mapValues { LineIndex($0) }
  }

  /// One line table per file, built once: a report places many findings in the same few papers.
  private let lineIndexes: [String: LineIndex]

  public static let columnUnit = "unicodeCodePoints"

  public var errorCount: Int { findings.filter { $0.severity == .error }.count }
  public var warningCount: Int { findings.filter { $0.severity == .warning }.count }

  /// `2 errors, 1 warning in 3 files`.
  public var summaryLine: String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    return "\(plural(errorCount, "error")), \(plural(warningCount, "warning")) in \(plural(fileCount, "file"))"
  }

  /// 1-based line and column (Unicode scalars) of both ends of a range in a file.
  public func position(of range: TextRange, in file: String) -> (line: Int, column: Int, endLine: Int, endColumn: Int) {
    guard let lines = lineIndexes[file] else { return (1, 1, 1, 1) }
    let start = lines.lineColumn(at: range.start, unit: .utf32)
    let end = lines.lineColumn(at: range.end, unit: .utf32)
    return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)
  }

  // MARK: - Text

  /// One line per finding: `notes/a.md:3:5: error: message [rule]`, then the summary.
  public func text(includeSummary: Bool = true) -> String {
    var lines: [String] = []
    for finding in findings {
      let (line, column, _, _) = position(of: finding.range, in: finding.file)
      lines.append(
        "\(finding.file):\(line):\(column): \(finding.severity.rawValue): \(finding.message) [\(finding.rule.rawValue)]"
      )
    }
    if includeSummary { lines.append(summaryLine) }
    return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
  }

  // MARK: - JSON

  /// `{"diagnostics": [{"file", "line", "column", "endLine", "endColumn", "severity", "rule", "message",
  /// "suggestions"}], "summary": {"files", "errors", "warnings"}, "columnUnit"}`.
  public func json() -> String {
    let diagnostics: [JSONOutput] = findings.map { finding in
      let position = position(of: finding.range, in: finding.file)
      return .object([
        ("file", .string(finding.file)), ("line", .int(position.line)), ("column", .int(position.column)),
        ("endLine", .int(position.endLine)), ("endColumn", .int(position.endColumn)),
        ("severity", .string(finding.severity.rawValue)), ("rule", .string(finding.rule.rawValue)),
        ("message", .string(finding.message)), ("suggestions", .array(finding.suggestions.map { .string($0) })),
      ])
    }
    let root = JSONOutput.object([
      ("diagnostics", .array(diagnostics)),
      (
        "summary",
        .object([("files", .int(fileCount)), ("errors", .int(errorCount)), ("warnings", .int(warningCount))])
      ),
      ("columnUnit", .string(Self.columnUnit)),
    ])
    return root.rendered() + "\n"
  }

  // MARK: - SARIF

  /// A SARIF 2.1.0 log GitHub code scanning accepts: relative URIs against `%SRCROOT%`, code-point columns.
  public func sarif(toolName: String = "corpus-lsp", toolVersion: String, informationURI: String) -> String {
    let rules = Rule.allCases
    let ruleObjects: [JSONOutput] = rules.map { rule in
      .object([
        ("id", .string(rule.rawValue)), ("name", .string(rule.sarifName)),
        ("shortDescription", .object([("text", .string(rule.summary))])),
        ("defaultConfiguration", .object([("level", .string(rule.defaultSeverity.sarifLevel))])),
      ])
    }
    let results: [JSONOutput] = findings.map { finding in
      var fields: [(String, JSONOutput)] = [
        ("ruleId", .string(finding.rule.rawValue)),
        ("ruleIndex", .int(rules.firstIndex(of: finding.rule) ?? 0)),
        ("level", .string(finding.severity.sarifLevel)),
        ("message", .object([("text", .string(sarifMessage(finding)))])),
        ("locations", .array([sarifLocation(file: finding.file, range: finding.range, message: nil)])),
      ]
      if !finding.related.isEmpty {
        fields.append(
          (
            "relatedLocations",
            .array(
              finding.related.enumerated().map { index, related in
                sarifLocation(file: related.file, range: related.range, message: related.message, id: index + 1)
              })
          ))
      }
      return .object(fields)
    }
    var run: [(String, JSONOutput)] = [
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", .string(toolName)), ("version", .string(toolVersion)), ("semanticVersion", .string(toolVersion)),
              ("informationUri", .string(informationURI)), ("rules", .array(ruleObjects)),
            ])
          )
        ])
      )
    ]
    if let workspaceURI {
      run.append(("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(workspaceURI))]))])))
    }
    run.append(("columnKind", .string(Self.columnUnit)))
    run.append(("results", .array(results)))
    let root = JSONOutput.object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")), ("version", .string("2.1.0")),
      ("runs", .array([.object(run)])),
    ])
    return root.rendered() + "\n"
  }

  private func sarifMessage(_ finding: Finding) -> String {
    finding.suggestions.isEmpty || finding.message.contains(finding.suggestions[0])
      ? finding.message
      : finding.message + " Suggestions: " + finding.suggestions.prefix(3).joined(separator: ", ") + "."
  }

  private func sarifLocation(file: String, range: TextRange, message: String?, id: Int? = nil) -> JSONOutput {
    let position = position(of: range, in: file)
    let region: [(String, JSONOutput)] = [
      ("startLine", .int(position.line)), ("startColumn", .int(position.column)),
      ("endLine", .int(position.endLine)), ("endColumn", .int(position.endColumn)),
    ]
    var fields: [(String, JSONOutput)] = []
    if let id { fields.append(("id", .int(id))) }
    fields.append(
      (
        "physicalLocation",
        .object([
          (
            "artifactLocation",
            .object([("uri", .string(Self.percentEncodedPath(file))), ("uriBaseId", .string("%SRCROOT%"))])
          ),
          ("region", .object(region)),
        ])
      ))
    if let message { fields.append(("message", .object([("text", .string(message))]))) }
    return .object(fields)
  }

  /// A relative URI reference for a workspace path: every byte outside RFC 3986 unreserved characters and `/`
  /// is percent-encoded (Chinese file names included).
  public static func percentEncodedPath(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      if isASCIIAlphanumeric(byte) || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F {
        result.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        result += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return result
  }
}

extension Severity {
  var sarifLevel: String {
    switch self {
    case .error: return "error"
    case .warning: return "warning"
    case .information, .hint: return "note"
    }
  }
}

extension Rule {
  /// `UnknownCitationKey`: SARIF's optional rule name.
  var sarifName: String {
    rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }
}

/// A minimal JSON value with ordered keys, rendered deterministically (2-space indent, non-ASCII kept).
enum JSONOutput {
  case string(String)
  case int(Int)
  case bool(Bool)
  case array([JSONOutput])
  case object([(String, JSONOutput)])

  func rendered(indent: Int = 0) -> String {
    let pad = String(repeating: "  ", count: indent + 1)
    let closePad = String(repeating: "  ", count: indent)
    switch self {
    case .string(let value): return LexiconEdit.jsonString(value)
    case .int(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .array(let values):
      if values.isEmpty { return "[]" }
      if values.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
        return "[" + values.map { $0.rendered() }.joined(separator: ", ") + "]"
      }
      return "[\n" + values.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(closePad)]"
    case .object(let fields):
      if fields.isEmpty { return "{}" }
      return "{\n"
        + fields.map { pad + LexiconEdit.jsonString($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
        .joined(separator: ",\n") + "\n\(closePad)}"
    }
  }
}
