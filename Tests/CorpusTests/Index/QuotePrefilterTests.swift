//! Tests for the prefilter that narrows a corpus-wide quote search to the groups of passages that can hold it.
import Testing
@testable import Corpus

@Suite struct QuotePrefilterTests {
  /// Three groups of passages, as `DistinctPassages` chunks them.
  static let groups: [[SearchPassage]] = [
    ["日本与东盟各国在海上安全领域的合作逐步深化。", "开篇段落，与本文主题无关。"],
    ["北约伙伴国“应利用自身优势”参与印太事务。", "Quad foreign ministers met in Tokyo."],
    ["各方同意设立常设的协调机制①，并每年轮流主办部长级会议。"],
  ].enumerated().map { group, texts in
    texts.map { SearchPassage(paper: group, id: .paragraph(1), text: $0, skipping: []) }
  }
  static let prefilter = QuotePrefilter(groups: groups)

  static func candidates(_ quotation: String) -> [Int]? {
    prefilter.candidates(for: QuoteFolding.fragments(of: quotation).map { QuoteFolding.fold($0) })
  }

  @Test func aQuotationIsLookedForOnlyWhereItCanBe() {
    #expect(Self.candidates("东盟各国在海上安全") == [0])
    #expect(Self.candidates("foreign ministers met") == [1])
  }

  @Test func foldingIsTheSameAsTheSearchs() {
    // Full-width punctuation, another quote style, a line break and a footnote mark in the passage.
    #expect(Self.candidates("北约伙伴国「应利用自身优势」参与") == [1])
    #expect(Self.candidates("设立常设的协调机制,并每年\n轮流") == [2])
  }

  @Test func everyFragmentOfAnElidedQuotationMustBeThere() {
    #expect(Self.candidates("各方同意设立……轮流主办部长级") == [2])
    #expect(Self.candidates("各方同意设立……海上安全领域的合作") == [])
  }

  @Test func textTooShortToTellKeepsEveryGroup() {
    #expect(Self.candidates("东盟") == nil)
  }

  @Test func aMisquotationIsLookedForWhereMostOfItIs() {
    let fragments = [QuoteFolding.fold("各方同意设立临时的协调机制")]
    #expect(Self.prefilter.mostSimilar(to: fragments, limit: 1) == [2])
  }
}
