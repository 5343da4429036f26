//! Semantic tokens: citation keys and locators, actors and mechanisms in notes; entity mentions in corpus files.

public struct SemanticToken: Sendable, Hashable {
  public var range: TextRange
  /// Index into `SemanticTokens.tokenTypes`.
  public var type: Int
  /// Bits over `SemanticTokens.tokenModifiers`.
  public var modifiers: Int
}

public enum SemanticTokens {
  /// The legend: custom types, which clients map to highlight groups (`@lsp.type.actor` in Neovim).
  public static let tokenTypes = ["citation", "locator", "actor", "mechanism", "entity"]
  public static let tokenModifiers = ["unresolved", "discovered", "link"]

  static let citationType = 0, locatorType = 1, actorType = 2, mechanismType = 3, entityType = 4
  static let unresolved = 1, discovered = 2, link = 4

  static func type(of entity: Entity) -> Int {
    entity.kind == .actor ? actorType : entity.kind == .mechanism ? mechanismType : entityType
  }

  static func modifiers(of entity: Entity) -> Int { entity.source == .discovered ? discovered : 0 }

  /// Tokens of a note in text order, optionally only those touching `range`.
  public static func note(index: CorpusIndex, note: NoteSyntax, in range: TextRange? = nil) -> [SemanticToken] {
    var tokens: [SemanticToken] = []
    for (_, item) in note.citationItems {
      let known = index.paper(forKey: item.key) != nil
      tokens.append(SemanticToken(range: item.keyRange, type: citationType, modifiers: known ? 0 : unresolved))
      if let locator = item.locator { tokens.append(SemanticToken(range: locator.range, type: locatorType, modifiers: 0)) }
    }
    for entityLink in note.entityLinks {
      if let entity = index.entity(forAlias: entityLink.target) {
        let value = index.entities[entity]
        tokens.append(SemanticToken(range: entityLink.targetRange, type: type(of: value), modifiers: modifiers(of: value) | link))
      } else {
        tokens.append(SemanticToken(range: entityLink.targetRange, type: entityType, modifiers: unresolved | link))
      }
    }
    for mention in FeatureSupport.implicitMentions(in: note, index: index) {
      let value = index.entities[mention.entity]
      tokens.append(SemanticToken(range: TextRange(mention.start, mention.end), type: type(of: value), modifiers: modifiers(of: value)))
    }
    return ordered(tokens, in: range)
  }

  /// Entity mentions of a corpus file (raw ranges), optionally only those touching `range`. A mention that a line
  /// break or a footnote block splits is one token per piece: a token never covers text between the pieces (a
  /// whole footnote block, and the mentions in it).
  public static func paper(index: CorpusIndex, paper: Int, in range: TextRange? = nil) -> [SemanticToken] {
    guard index.papers.indices.contains(paper) else { return [] }
    let document = index.papers[paper]
    let tokens = index.mentions(inPaper: paper).flatMap { mention -> [SemanticToken] in
      guard index.entities.indices.contains(mention.entity), !mention.rawRange.isEmpty else { return [] }
      let value = index.entities[mention.entity]
      let pieces = document.passage(mention.passage)?.rawPieces(of: mention.range) ?? [mention.rawRange]
      return pieces.filter { !$0.isEmpty }.map {
        SemanticToken(range: $0, type: type(of: value), modifiers: modifiers(of: value))
      }
    }
    return ordered(tokens, in: range)
  }

  /// Sorted by start, overlaps dropped (the client needs disjoint tokens), filtered to `range`.
  static func ordered(_ tokens: [SemanticToken], in range: TextRange?) -> [SemanticToken] {
    var result: [SemanticToken] = []
    for token in tokens.sorted(by: { $0.range.start != $1.range.start ? $0.range.start < $1.range.start : $0.range.end > $1.range.end }) {
      if let range, !(token.range.intersects(range) || range.contains(token.range.start)) { continue }
      if let last = result.last, token.range.start < last.range.end { continue }
      result.append(token)
    }
    return result
  }
}
