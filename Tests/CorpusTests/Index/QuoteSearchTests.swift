//! Tests for quote search: white space, punctuation width, quote style, elisions, closest passage.
import Testing
@testable import Corpus

@Suite struct QuoteSearchTests {
  static let papers = [
    IndexFixtures.paper(
      "corpus/甲.txt",
      paragraphs: [
        "开篇段落，没有引文。",
        "作者认为，“海上合作”（Maritime Cooperation）是双方关系的新支柱；此后各国纷纷跟进！",
        "第三段讨论 2023 年的峰会，以及会后发表的联合声明。",
      ], authors: ["王小明"], year: 2023),
    IndexFixtures.paper(
      "corpus/乙.txt", paragraphs: ["另一篇文章也写道：海上合作是双方关系的新支柱。"], authors: ["李四"], year: 2021),
  ]
  static let index = CorpusIndex(papers: papers, entities: [])

  func check(
    _ quote: String, file: String?, passage: PassageID?, exact: Bool = true, preferred: Int? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let result = Self.index.findQuote(quote, preferredPaper: preferred)
    let best = exact ? result.matches.first : result.closest
    if exact { #expect(result.closest == nil, sourceLocation: sourceLocation) }
    #expect(best.map { Self.papers[$0.paper].file } == file, sourceLocation: sourceLocation)
    #expect(best?.passage == passage, sourceLocation: sourceLocation)
  }

  @Test func exactModuloWhiteSpaceAndPunctuation() {
    check("“海上合作”(Maritime Cooperation)是双方关系的新支柱;", file: "corpus/甲.txt", passage: .paragraph(2))
    check("「海上合作」（Maritime  Cooperation）是双方\n关系的新支柱", file: "corpus/甲.txt", passage: .paragraph(2))
    check("第三段讨论2023年的峰会", file: "corpus/甲.txt", passage: .paragraph(3))
    check("此后各国纷纷跟进!", file: "corpus/甲.txt", passage: .paragraph(2))
  }

  @Test func dashesOfAnyWidthAndQuotationMarksOfAnyStyleFoldAlike() {
    #expect(QuoteFolding.fold("12月16—18日") == QuoteFolding.fold("12月16-18日"))
    #expect(QuoteFolding.fold("2020－2023年") == QuoteFolding.fold("2020–2023年"))
    #expect(QuoteFolding.fold("印太的未来——日本") == QuoteFolding.fold("印太的未来—日本"))
    #expect(QuoteFolding.fold("2022—2023年") != QuoteFolding.fold("20222023年"), "a dash left out is a change")
    #expect(QuoteFolding.fold("成为“全球中心”") == QuoteFolding.fold("成为全球中心"))
    #expect(QuoteFolding.fold("成为‘全球中心’") == QuoteFolding.fold("成为「全球中心」"))
  }

  @Test func footnoteMarksTypedInAQuotationAreIgnoredLikeThePassages() {
    #expect(QuoteFolding.fold("周边的轮辐。^① 近年来") == QuoteFolding.fold("周边的轮辐。近年来"))
    #expect(QuoteFolding.fold("发展中心”①，也成为") == QuoteFolding.fold("发展中心”，也成为"))
    #expect(QuoteFolding.fold("重要支撑^{*}。") == QuoteFolding.fold("重要支撑。"))
    #expect(QuoteFolding.fold("x^2 与 ^{") == QuoteFolding.fold("x^2与^{"))  // not a mark: kept
  }

  @Test func letterFootnoteMarksTypedInAQuotationAreDroppedOnlyAsAFallback() {
    #expect(QuoteFolding.withoutLetterMarks(["趋势。a随着国内", "b之后"]) == ["趋势。随着国内", "之后"])
    #expect(QuoteFolding.withoutLetterMarks(["the Quad 会谈", "日本 x"]) == ["the Quad 会谈", "日本 "])
    #expect(QuoteFolding.withoutLetterMarks(["no marks here"]) == nil)
    check("作者认为，a“海上合作”", file: "corpus/甲.txt", passage: .paragraph(2))
  }

  @Test func elisionsMatchInOrderWithinOnePassage() {
    check("作者认为……新支柱……纷纷跟进", file: "corpus/甲.txt", passage: .paragraph(2))
    check("第三段...联合声明", file: "corpus/甲.txt", passage: .paragraph(3))
    let elided = Self.index.findQuote("作者认为……纷纷跟进").matches.first
    let source = Self.index.text(of: 0, passage: .paragraph(2)) ?? ""
    #expect(elided?.fragments.map { source.slice($0) } == ["作者认为", "纷纷跟进"])
    let reversed = Self.index.findQuote("联合声明……第三段")
    #expect(reversed.matches.isEmpty)
    let acrossPassages = Self.index.findQuote(["开篇段落", "纷纷跟进"])
    #expect(acrossPassages.matches.isEmpty)
  }

  @Test func preferredPaperComesFirst() {
    let result = Self.index.findQuote("是双方关系的新支柱", preferredPaper: 1)
    #expect(result.matches.map(\.paper) == [1, 0])
  }

  @Test func rangeCoversTheSourceText() throws {
    let match = try #require(Self.index.findQuote("双方关系的新支柱").matches.first)
    let text = Self.index.text(of: match.paper, passage: match.passage) ?? ""
    #expect(text.slice(match.range) == "双方关系的新支柱")
  }

  @Test func closestPassageWhenNotThere() throws {
    let result = Self.index.findQuote("第三段讨论2024年的高峰会，及会后发表的联合声明")
    #expect(result.matches.isEmpty)
    let closest = try #require(result.closest)
    #expect(closest.paper == 0)
    #expect(closest.passage == .paragraph(3))
    #expect(closest.similarity > 0.7 && closest.similarity < 1)
    #expect(!closest.exact)
  }

  @Test func closestLooksInThePreferredPaperFirst() throws {
    let result = Self.index.findQuote("海上合作就是双方关系的新支柱", preferredPaper: 1)
    let closest = try #require(result.closest)
    #expect(closest.paper == 1)
    #expect(closest.passage == .paragraph(1))
  }

  @Test func nothingSimilar() {
    let result = Self.index.findQuote("完全无关")
    #expect(result.matches.isEmpty)
    #expect(result.closest == nil || (result.closest?.similarity ?? 1) < 0.5)
  }
}
