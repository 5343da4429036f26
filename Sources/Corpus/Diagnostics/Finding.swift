//! A diagnostic as plain data: rule, severity, range, message, suggestions, related places and fixes.

/// Every rule the checker knows, with its stable kebab-case id (used by `check`, SARIF and the editor).
public enum Rule: String, CaseIterable, Sendable, Hashable, Codable {
  case unknownCitationKey = "unknown-citation-key"
  case invalidLocator = "invalid-locator"
  case locatorOutOfRange = "locator-out-of-range"
  case quoteNotInSource = "quote-not-in-source"
  case quoteInOtherDocument = "quote-in-other-document"
  case quoteInOtherParagraph = "quote-in-other-paragraph"
  case unknownEntityLink = "unknown-entity-link"
  case entityNotInCitedPassage = "entity-not-in-cited-passage"
  case unbalancedBracket = "unbalanced-bracket"
  case emptyReference = "empty-reference"
  case citationWithoutAt = "citation-without-at"
  case fullWidthCitationMark = "full-width-citation-mark"
  case splitQuotation = "split-quotation"
  case invalidConfig = "invalid-config"
  case invalidLexicon = "invalid-lexicon"
  case undecodableFile = "undecodable-file"
  case unreadableFile = "unreadable-file"
  case emptyDocument = "empty-document"

  public var id: String { rawValue }

  public var defaultSeverity: Severity {
    switch self {
    case .quoteInOtherParagraph, .entityNotInCitedPassage, .citationWithoutAt, .fullWidthCitationMark, .splitQuotation,
      .emptyDocument:
      return .warning
    default: return .error
    }
  }

  /// One line saying what the rule checks (SARIF `shortDescription`, `--help`).
  public var summary: String {
    switch self {
    case .unknownCitationKey: return "A citation names a key that no corpus document has."
    case .invalidLocator: return "A citation locator cannot be read (¶12, §二（一）, fn. 3, l. 120-124)."
    case .locatorOutOfRange:
      return "A citation locator points past the paragraphs, sections, footnotes or lines of the document."
    case .quoteNotInSource: return "A quotation does not occur in the cited document."
    case .quoteInOtherDocument: return "A quotation occurs in another document than the one cited."
    case .quoteInOtherParagraph: return "A quotation occurs in the cited document, but not where the locator points."
    case .unknownEntityLink: return "An entity link names no known actor or mechanism."
    case .entityNotInCitedPassage:
      return "An entity linked next to a located citation is not mentioned in the cited passage."
    case .unbalancedBracket: return "A citation or entity link is not closed."
    case .emptyReference: return "A citation or entity link is empty."
    case .citationWithoutAt: return "A bracket names a document key without '@': plain text, not a citation."
    case .splitQuotation: return "A blank line splits a quotation, which Markdown reads as two paragraphs."
    case .fullWidthCitationMark:
      return "A citation is written with full-width brackets or ；, which Pandoc does not read as a citation."
    case .invalidConfig: return "corpus-lsp.json cannot be read."
    case .invalidLexicon: return "The workspace lexicon cannot be read."
    case .undecodableFile: return "A file is in no supported text encoding."
    case .unreadableFile: return "A file cannot be read."
    case .emptyDocument: return "A corpus file holds no text the reader could use."
    }
  }
}

public enum Severity: String, Sendable, Hashable, Comparable, Codable {
  case error, warning, information, hint

  private var rank: Int {
    switch self {
    case .error: return 0
    case .warning: return 1
    case .information: return 2
    case .hint: return 3
    }
  }
  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A place elsewhere that explains a finding: the cited passage, where a quotation really is.
public struct RelatedLocation: Sendable, Hashable {
  /// Workspace-relative path (`corpus/常思纯2023.txt`).
  public var file: String
  /// UTF-8 range in that file's decoded raw text.
  public var range: TextRange
  public var message: String

  public init(file: String, range: TextRange, message: String) {
    self.file = file
    self.range = range
    self.message = message
  }
}

/// One text replacement in one file. Edits of a fix never overlap; apply them from the last to the first.
public struct FileEdit: Sendable, Hashable {
  /// Workspace-relative path.
  public var file: String
  /// UTF-8 range in the file's current text (empty to insert).
  public var range: TextRange
  public var newText: String
  /// The file does not exist yet: the edit creates it with `newText`.
  public var createsFile: Bool

  public init(file: String, range: TextRange, newText: String, createsFile: Bool = false) {
    self.file = file
    self.range = range
    self.newText = newText
    self.createsFile = createsFile
  }
}

/// A code action that repairs a finding.
public struct Fix: Sendable, Hashable {
  public var title: String
  public var edits: [FileEdit]
  /// The one fix an editor may apply without asking (LSP `isPreferred`).
  public var isPreferred: Bool

  public init(title: String, edits: [FileEdit], isPreferred: Bool = false) {
    self.title = title
    self.edits = edits
    self.isPreferred = isPreferred
  }
}

/// One diagnostic on one file.
public struct Finding: Sendable, Hashable {
  public var rule: Rule
  public var severity: Severity
  /// Workspace-relative path of the file the finding is on.
  public var file: String
  /// UTF-8 range in that file's text.
  public var range: TextRange
  public var message: String
  /// Nearest valid values (keys, aliases, locators), best first.
  public var suggestions: [String]
  public var related: [RelatedLocation]
  public var fixes: [Fix]

  public init(
    rule: Rule, severity: Severity? = nil, file: String, range: TextRange, message: String,
    suggestions: [String] = [], related: [RelatedLocation] = [], fixes: [Fix] = []
  ) {
    self.rule = rule
    self.severity = severity ?? rule.defaultSeverity
    self.file = file
    self.range = range
    self.message = message
    self.suggestions = suggestions
    self.related = related
    self.fixes = fixes
  }
}

extension Fix {
  /// Applies the edits that target `file` to its text; nil when an edit falls outside the text.
  public func applied(to text: String, file: String) -> String? {
    var bytes = Array(text.utf8)
    for edit in edits.filter({ $0.file == file }).sorted(by: { $0.range.start > $1.range.start }) {
      let start = edit.range.start.utf8Offset
      let end = edit.range.end.utf8Offset
      guard start >= 0, end <= bytes.count, start <= end else { return nil }
      bytes.replaceSubrange(start..<end, with: Array(edit.newText.utf8))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
