//! The questions the checker asks the corpus, as a protocol: `CorpusIndex` answers them; tests may fake them.

/// What diagnostics need from the corpus. `CorpusIndex` conforms; every method must be total (no traps).
public protocol CorpusLookup: Sendable {
  var papers: [Paper] { get }
  var entities: [Entity] { get }
  func paper(forKey key: String) -> Int?
  func keys(of paper: Int) -> [String]
  func entity(forAlias alias: String) -> Int?
  func mentions(in paper: Int, passage: PassageID) -> [Mention]
  func findQuote(_ fragments: [String], preferredPaper: Int?) -> QuoteSearchResult
  /// Exact matches in `papers` only, in paper then passage order (a default searches the whole corpus).
  func findQuote(_ fragments: [String], inPapers papers: [Int]) -> [QuoteMatch]
  /// The passage closest to a quotation among `passages` of `paper` (a default finds none).
  func closestQuote(_ fragments: [String], paper: Int, passages: [PassageID]) -> QuoteMatch?
}

extension CorpusIndex: CorpusLookup {}

extension CorpusLookup {
  public func findQuote(_ fragments: [String], inPapers papers: [Int]) -> [QuoteMatch] {
    let scoped = Set(papers)
    return findQuote(fragments, preferredPaper: nil).matches.filter { scoped.contains($0.paper) }
  }

  public func closestQuote(_ fragments: [String], paper: Int, passages: [PassageID]) -> QuoteMatch? { nil }

  /// The key to show for a paper: its primary key, else its file stem.
  func displayKey(of paper: Int) -> String {
    guard papers.indices.contains(paper) else { return "?" }
    return keys(of: paper).first ?? papers[paper].stem
  }

  /// Every key of every paper (for suggestions).
  var allKeys: [String] {
    var seen = Set<String>()
    var result: [String] = []
    for paper in papers.indices {
      for key in keys(of: paper) where seen.insert(key).inserted { result.append(key) }
    }
    return result
  }

  func paperRecord(_ paper: Int) -> Paper? { papers.indices.contains(paper) ? papers[paper] : nil }

  /// The locator a citation of a passage uses: `¶12`, `fn. 3`, `§二` for a heading; nil where no locator names it.
  func citableLocator(of passage: PassageID, in paper: Int) -> String? {
    guard let record = paperRecord(paper) else { return passage.citableLocatorText }
    return record.citableLocator(for: passage)
  }
}
