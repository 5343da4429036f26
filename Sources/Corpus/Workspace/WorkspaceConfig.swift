//! `corpus-lsp.json`: where the corpus, notes and lexicon are, and per-document metadata overrides.
import Foundation

/// The workspace configuration. Every field has a default, so a missing file is a valid configuration.
///
/// ```json
/// { "corpus": ["corpus"], "notes": ["notes"], "lexicon": "lexicon.json",
///   "documents": { "常思纯2023.txt": { "title": "…", "authors": ["常思纯"], "venue": "…", "year": 2023, "key": "…" } } }
/// ```
public struct WorkspaceConfig: Sendable, Equatable {
  public static let fileName = "corpus-lsp.json"

  /// Folders (or single files) holding the corpus, relative to the root. Default `corpus`.
  public var corpus: [String] = ["corpus"]
  /// Folders (or files) holding notes; nil means every `.md` outside the corpus.
  public var notes: [String]?
  /// The workspace lexicon, relative to the root.
  public var lexicon: String = "lexicon.json"
  /// Metadata overrides by file name (`x.txt`) or by path relative to the root (`corpus/x.txt`).
  public var documents: [String: DocumentOverride] = [:]

  public init() {}

  /// The override for a corpus file, looked up by relative path, then by file name.
  public func override(for file: String) -> DocumentOverride? {
    Self.documentNames(of: file).lazy.compactMap { documents[$0] }.first
  }

  /// Whether `documents` entry `name` is the one of corpus file `file` (its relative path, file name or stem).
  func names(_ file: String, _ name: String) -> Bool { Self.documentNames(of: file).contains(name) }

  /// The names a `documents` entry may give a corpus file, in the order they are looked up: its relative path,
  /// its file name, its stem ("x" for "corpus/x.txt").
  static func documentNames(of file: String) -> [String] {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard let dot = name.lastIndex(of: ".") else { return [file, name] }
    return [file, name, String(name[..<dot])]
  }

  /// The range of the first JSON string `"value"` in `text`, for a problem about it.
  static func range(ofString value: String, in text: String) -> TextRange? {
    text.range(of: "\"\(value)\"").map { range(of: $0, in: text) }
  }

  /// The range of the value `"key"` of the `"key"` member in the `documents` entry of corpus file `file` (the first
  /// after the entry's name), else of the first such string.
  static func range(ofKey key: String, ofEntryFor file: String, in text: String) -> TextRange? {
    for name in documentNames(of: file) {
      guard let entry = text.range(of: "\"\(name)\""),
        let member = text.range(of: "\"key\"", range: entry.upperBound..<text.endIndex),
        let found = text.range(of: "\"\(key)\"", range: member.upperBound..<text.endIndex)
      else { continue }
      return range(of: found, in: text)
    }
    return range(ofString: key, in: text)
  }

  private static func range(of found: Range<String.Index>, in text: String) -> TextRange {
    TextRange(
      text.utf8.distance(from: text.startIndex, to: found.lowerBound),
      text.utf8.distance(from: text.startIndex, to: found.upperBound))
  }

  /// Parses the file's bytes. Problems are reported and the valid parts kept; never throws.
  public static func parse(_ data: Data, file: String = fileName) -> (WorkspaceConfig, [CorpusProblem]) {
    var config = WorkspaceConfig()
    var problems: [CorpusProblem] = []
    let text = String(decoding: data, as: UTF8.self)
    let lines = LineIndex(text)
    func problem(_ message: String, near needle: String? = nil, offset: Int? = nil) {
      var range: TextRange?
      if let offset {
        range = TextRange.empty(at: TextSize(min(max(0, offset), text.utf8.count)))
      } else if let needle, let found = text.range(of: needle) {
        let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        range = TextRange(start, start + needle.utf8.count)
      }
      let position = range.map { lines.lineColumn(at: $0.start, unit: .utf8) }
      problems.append(
        CorpusProblem(
          file: file, range: range, line: position?.line, column: position?.column, kind: .invalidConfig,
          message: message))
    }
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data, options: [])
    } catch {
      problem(
        "\(file) is not valid JSON: \(JSONPlaces.message(of: error))",
        offset: JSONPlaces.errorOffset(of: error, utf8Count: text.utf8.count) ?? 0)
      return (config, problems)
    }
    guard let root = object as? [String: Any] else {
      problem("\(file) must be a JSON object", offset: 0)
      return (config, problems)
    }
    for (key, value) in root {
      switch key {
      case "corpus", "notes":
        var paths: [String]?
        if let single = value as? String { paths = [single] } else if let list = value as? [String] { paths = list }
        guard let paths else {
          problem("\"\(key)\" must be a path or a list of paths", near: "\"\(key)\"")
          continue
        }
        if key == "corpus" { config.corpus = paths } else { config.notes = paths }
      case "lexicon":
        guard let path = value as? String else {
          problem("\"lexicon\" must be a path", near: "\"lexicon\"")
          continue
        }
        config.lexicon = path
      case "documents":
        guard let documents = value as? [String: Any] else {
          problem("\"documents\" must be an object keyed by file name", near: "\"documents\"")
          continue
        }
        for (name, entry) in documents {
          guard let fields = entry as? [String: Any] else {
            problem("document \"\(name)\" must be an object", near: "\"\(name)\"")
            continue
          }
          var override = DocumentOverride()
          for (field, fieldValue) in fields {
            switch field {
            case "title": override.title = stringValue(fieldValue)
            case "venue": override.venue = stringValue(fieldValue)
            case "key", "citationKey": override.key = stringValue(fieldValue)
            case "authors":
              if let list = fieldValue as? [String] {
                override.authors = list
              } else if let single = fieldValue as? String {
                override.authors = single.split { $0 == "," || $0 == "、" || $0 == ";" }.map {
                  $0.trimmingCharacters(in: .whitespaces)
                }
              } else {
                problem("\"authors\" of \"\(name)\" must be a list of names", near: "\"\(name)\"")
              }
            case "year":
              if let number = fieldValue as? Int {
                override.year = number
              } else if let string = fieldValue as? String, let number = Int(string) {
                override.year = number
              } else {
                problem("\"year\" of \"\(name)\" must be a number", near: "\"\(name)\"")
              }
            default:
              problem("unknown field \"\(field)\" in document \"\(name)\"", near: "\"\(field)\"")
            }
            if ["title", "venue", "key", "citationKey"].contains(field), stringValue(fieldValue) == nil {
              problem("\"\(field)\" of \"\(name)\" must be a string", near: "\"\(name)\"")
            }
          }
          config.documents[name] = override
        }
      default:
        problem("unknown setting \"\(key)\"", near: "\"\(key)\"")
      }
    }
    return (config, problems)
  }

  private static func stringValue(_ value: Any) -> String? { value as? String }
}
