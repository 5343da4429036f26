//! The immutable, fully indexed corpus every feature answers from.
//! CONTRACT STUB: the signatures are fixed for other parts to code against; the implementation is owned
//! by the index work (lexicon, mention scanner, citation keys, quote search).

/// One occurrence of an entity alias in a paper.
public struct Mention: Sendable, Hashable {
  /// Index into `CorpusIndex.entities`.
  public var entity: Int
  /// Index into `CorpusIndex.papers`.
  public var paper: Int
  public var passage: PassageID
  /// Range in the passage's normalised text.
  public var range: TextRange
  /// Range in the paper's raw text.
  public var rawRange: TextRange

  public init(entity: Int, paper: Int, passage: PassageID, range: TextRange, rawRange: TextRange) {
    self.entity = entity
    self.paper = paper
    self.passage = passage
    self.range = range
    self.rawRange = rawRange
  }
}

/// Where a (possibly elided) quotation occurs.
public struct QuoteMatch: Sendable, Equatable {
  public var paper: Int
  public var passage: PassageID
  /// Range in the passage's normalised text, from the first fragment's start to the last fragment's end.
  public var range: TextRange
  /// True for an exact match (modulo white space, full/half-width punctuation and quote style).
  public var exact: Bool
  /// 1.0 for an exact match; for the closest passage, how similar it is (0…1).
  public var similarity: Double

  public init(paper: Int, passage: PassageID, range: TextRange, exact: Bool, similarity: Double) {
    self.paper = paper
    self.passage = passage
    self.range = range
    self.exact = exact
    self.similarity = similarity
  }
}

public struct QuoteSearchResult: Sendable, Equatable {
  /// Exact matches, best first (in the preferred paper first).
  public var matches: [QuoteMatch]
  /// When there is no exact match: the closest passage and how far it is.
  public var closest: QuoteMatch?

  public init(matches: [QuoteMatch] = [], closest: QuoteMatch? = nil) {
    self.matches = matches
    self.closest = closest
  }
}

public struct CorpusIndex: Sendable {
  public let papers: [Paper]
  public let entities: [Entity]

  public init(papers: [Paper], entities: [Entity]) {
    self.papers = papers
    self.entities = entities
  }

  /// The paper a citation key resolves to (primary key `常思纯2023`, disambiguated `常思纯2023a`, or file stem).
  public func paper(forKey key: String) -> Int? { nil }

  /// Every key that resolves to a paper, the primary key first.
  public func keys(of paper: Int) -> [String] { [papers[paper].stem] }

  /// The entity an alias names (exact alias, case-insensitive for Latin).
  public func entity(forAlias alias: String) -> Int? { nil }

  /// Every mention of an entity, in paper and position order.
  public func mentions(of entity: Int) -> [Mention] { [] }

  /// Every mention inside one paper's passage.
  public func mentions(in paper: Int, passage: PassageID) -> [Mention] { [] }

  /// Finds a quotation given as fragments (split at elisions: each must occur, in order, in one passage).
  /// Matches in `preferredPaper` come first.
  public func findQuote(_ fragments: [String], preferredPaper: Int? = nil) -> QuoteSearchResult { QuoteSearchResult() }
}

extension Paper {
  /// The passage an id names, if it exists.
  public func passage(_ id: PassageID) -> Passage? {
    switch id {
    case .paragraph(let n): return paragraphs.indices.contains(n - 1) ? paragraphs[n - 1].passage : nil
    case .footnote(let n): return footnotes.indices.contains(n - 1) ? footnotes[n - 1].passage : nil
    case .abstract, .title: return nil
    }
  }
}
