//! Actors and mechanisms: what the corpus talks about.

/// The kind of an entity. `actor` and `mechanism` are built in; a workspace lexicon may add others.
public struct EntityKind: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public static let actor = EntityKind(rawValue: "actor")
  public static let mechanism = EntityKind(rawValue: "mechanism")
  public static func < (lhs: EntityKind, rhs: EntityKind) -> Bool { lhs.rawValue < rhs.rawValue }
  public var description: String { rawValue }
}

/// Where an entity comes from; later sources win (`lexicon` over `discovered` over `builtin`).
public enum EntitySource: String, Sendable, Comparable, CaseIterable {
  case builtin, discovered, lexicon
  private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: EntitySource, rhs: EntitySource) -> Bool { lhs.rank < rhs.rank }
}

public struct Entity: Sendable, Hashable {
  /// Stable id, ASCII kebab-case where possible (`japan`, `quad`, `asean`).
  public var id: String
  public var kind: EntityKind
  /// Canonical (Chinese) name.
  public var name: String
  public var english: String?
  /// Every form that names it: Chinese, English, Japanese, abbreviations. Includes `name`.
  public var aliases: [String]
  /// Member entity ids, for groupings (日美澳印 → japan, united-states, australia, india).
  public var members: [String]
  /// The analyst's definition, from the workspace lexicon.
  public var definition: String?
  public var source: EntitySource
  /// One-character forms used only inside compounds (日, 美, 中).
  public var compoundForms: [String]

  public init(
    id: String, kind: EntityKind, name: String, english: String? = nil, aliases: [String] = [],
    members: [String] = [], definition: String? = nil, source: EntitySource = .builtin, compoundForms: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.name = name
    self.english = english
    self.aliases = aliases.contains(name) ? aliases : [name] + aliases
    self.members = members
    self.definition = definition
    self.source = source
    self.compoundForms = compoundForms
  }
}

/// Which passage of a paper a position is in.
public enum PassageID: Hashable, Sendable {
  case paragraph(Int)  // 1-based paragraph number
  case footnote(Int)  // 1-based footnote number
  case abstract
  case title
  /// The heading line(s) of `Paper.sections[index]` (0-based), numbering included (`二、日本对东盟外交的新动向`).
  case heading(Int)
  /// The keywords line (关键词) without its label.
  case keywords
  /// The author note (作者简介, 作者介绍, a report's closing 撰写 line) without its label.
  case authorNote
  /// The paper's own English abstract, read after the body.
  case englishAbstract
  /// The paper's own English title, printed above its English abstract.
  case englishTitle
}
