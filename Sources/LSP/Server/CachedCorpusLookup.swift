//! The corpus as the checker sees it in the server: the analysis's index, with quote searches remembered per
//! index generation, so re-checking an edited note only searches the quotations that changed.
import Corpus
import Synchronization

/// Forwards to the index; `findQuote` answers from a cache shared by every note checked against one analysis.
public struct CachedCorpusLookup: CorpusLookup {
  public let index: CorpusIndex
  private let cache: QuoteSearchCache

  public var papers: [Paper] { index.papers }
  public var entities: [Entity] { index.entities }
  public func paper(forKey key: String) -> Int? { index.paper(forKey: key) }
  public func keys(of paper: Int) -> [String] { index.keys(of: paper) }
  public func entity(forAlias alias: String) -> Int? { index.entity(forAlias: alias) }
  public func mentions(in paper: Int, passage: PassageID) -> [Mention] { index.mentions(in: paper, passage: passage) }

  public func findQuote(_ fragments: [String], preferredPaper: Int?) -> QuoteSearchResult {
    let key = QuoteSearchCache.Key(fragments: fragments, preferredPaper: preferredPaper)
    if let hit = cache.result(for: key) { return hit }
    let result = index.findQuote(fragments, preferredPaper: preferredPaper)
    cache.store(result, for: key)
    return result
  }

  /// Scoped to a few papers, the search is cheap: not cached.
  public func findQuote(_ fragments: [String], inPapers papers: [Int]) -> [QuoteMatch] {
    index.findQuote(fragments, inPapers: papers)
  }

  /// The lookup for an analysis: the latest generation's cache is kept (one at a time; an older snapshot gets a
  /// private cache, never mixing results of two corpora).
  public static func of(_ analysis: WorkspaceAnalysis) -> CachedCorpusLookup {
    let cache = current.withLock { current -> QuoteSearchCache in
      if let current, current.generation == analysis.indexGeneration { return current.cache }
      let fresh = QuoteSearchCache()
      if (current?.generation ?? Int.min) < analysis.indexGeneration { current = (analysis.indexGeneration, fresh) }
      return fresh
    }
    return CachedCorpusLookup(index: analysis.index, cache: cache)
  }

  private static let current = Mutex<(generation: Int, cache: QuoteSearchCache)?>(nil)
}

/// Quote search results by (fragments, preferred paper). Bounded: emptied when it grows past `limit`.
final class QuoteSearchCache: Sendable {
  struct Key: Hashable, Sendable {
    var fragments: [String]
    var preferredPaper: Int?
  }

  static let limit = 50_000
  private let results = Mutex<[Key: QuoteSearchResult]>([:])

  func result(for key: Key) -> QuoteSearchResult? { results.withLock { $0[key] } }

  func store(_ result: QuoteSearchResult, for key: Key) {
    results.withLock { results in
      if results.count >= Self.limit { results.removeAll(keepingCapacity: true) }
      results[key] = result
    }
  }
}
