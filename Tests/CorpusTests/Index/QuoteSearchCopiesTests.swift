//! Tests for quote search over a corpus holding copies of the same passages, and for the scoped search.
import Testing
@testable import Corpus

@Suite struct QuoteSearchCopiesTests {
  static let shared = "各方在会后同意设立常设的协调机制，并每年轮流主办部长级会议。"
  static let papers = [
    IndexFixtures.paper("corpus/甲.txt", paragraphs: ["开篇段落。", shared], authors: ["王小明"], year: 2023),
    IndexFixtures.paper("corpus/乙.txt", paragraphs: ["另一段落。"], authors: ["李四"], year: 2021),
    IndexFixtures.paper("corpus/丙.txt", paragraphs: [shared, "结尾段落。"], authors: ["赵六"], year: 2020),
  ]
  static let index = CorpusIndex(papers: papers, entities: [])

  @Test func everyCopyIsReportedInCorpusOrderPreferredFirst() {
    let found = Self.index.findQuote("设立常设的协调机制", preferredPaper: 2).matches
    #expect(found.map(\.paper) == [2, 0])
    #expect(found.map(\.passage) == [.paragraph(1), .paragraph(2)])
    #expect(Self.index.findQuote("设立常设的协调机制").matches.map(\.paper) == [0, 2])
  }

  @Test func closestPassageLandsInThePreferredCopy() {
    let result = Self.index.findQuote("各方在会后同意设立临时的协调机制", preferredPaper: 2)
    #expect(result.matches.isEmpty)
    #expect(result.closest?.paper == 2)
    #expect(result.closest?.passage == .paragraph(1))
    // Not near anything in the cited paper: the corpus-wide search reports the first copy.
    let elsewhere = Self.index.findQuote("各方在会后同意设立临时的协调机制", preferredPaper: 1).closest
    #expect(elsewhere?.paper == 0)
    #expect(elsewhere?.passage == .paragraph(2))
  }

  @Test func scopedSearchLooksOnlyInTheGivenPapers() {
    #expect(Self.index.findQuote(["设立常设的协调机制"], inPapers: [1]).isEmpty)
    #expect(Self.index.findQuote(["设立常设的协调机制"], inPapers: [2, 1]).map(\.paper) == [2])
    #expect(Self.index.findQuote(["设立常设的协调机制"], inPapers: [7]).isEmpty)
  }
}
