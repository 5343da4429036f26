//! Tests for the mention index over papers: passages, raw ranges, counts, and the real reference papers.
import Foundation
import Testing
import TestSupport
@testable import Corpus

@Suite struct CorpusIndexTests {
  @Test func mentionsCarryPassageAndRawRange() throws {
    let paper = IndexFixtures.paper(
      "corpus/a.txt", paragraphs: ["日本与东盟。", "日美澳印再次会晤。"], footnotes: ["参见北约文件。"])
    let index = CorpusIndex.build(papers: [paper], discover: false)
    let japan = try #require(index.entity(withId: "japan"))
    let mentions = index.mentions(of: japan)
    #expect(mentions.map(\.passage) == [.paragraph(1), .paragraph(2)])
    for mention in mentions {
      let normalized = (index.text(of: 0, passage: mention.passage) ?? "").slice(mention.range)
      #expect(paper.rawText.slice(mention.rawRange) == normalized)
    }
    let nato = try #require(index.entity(withId: "nato"))
    #expect(index.mentions(of: nato).map(\.passage) == [.footnote(1)])
    #expect(index.mentions(in: 0, passage: .paragraph(2)).count == 5)  // quad + four states
    #expect(index.mentionCounts(of: japan) == [0: 2])
  }

  @Test func abstractIsIndexed() throws {
    var paper = IndexFixtures.paper("corpus/a.txt", paragraphs: ["正文。"])
    paper.metadata.abstract = "本文讨论东盟。"
    let index = CorpusIndex.build(papers: [paper], discover: false)
    let asean = try #require(index.entity(withId: "asean"))
    #expect(index.mentions(of: asean).map(\.passage) == [.abstract])
  }

  // MARK: - The real reference papers (skipped when ../shared/corpus is absent)

  static let realIndex = ReferencePapers.index

  func count(_ id: String, inFilePrefix prefix: String) -> Int {
    guard let index = Self.realIndex, let entity = index.entity(withId: id) else { return 0 }
    return index.mentionCounts(of: entity).filter { index.papers[$0.key].file.hasPrefix("corpus/" + prefix) }
      .values.reduce(0, +)
  }

  @Test(.enabled(if: TestPaths.sharedCorpus != nil)) func japanIsTheMostFrequentActor() throws {
    let index = try #require(Self.realIndex)
    let actors = index.entities.indices.filter { index.entities[$0].kind == .actor }
    let top = actors.max { index.mentionCount(of: $0) < index.mentionCount(of: $1) }
    #expect(top.map { index.entities[$0].id } == "japan")
  }

  @Test(.enabled(if: TestPaths.sharedCorpus != nil)) func expectedMentionsInEachPaper() {
    #expect(count("nato", inFilePrefix: "004") > 50)
    #expect(count("asean", inFilePrefix: "000") > 50)
    #expect(count("quad", inFilePrefix: "003") > 5)
    #expect(count("central-asia", inFilePrefix: "002") > 10)
    #expect(count("kishida-fumio", inFilePrefix: "000") > 5)
  }

  @Test(.enabled(if: TestPaths.sharedCorpus != nil)) func falsePositiveTrapsAreNotMatched() throws {
    let index = try #require(Self.realIndex)
    func surfaces(_ id: String) -> [String] {
      guard let entity = index.entity(withId: id) else { return [] }
      return index.mentions(of: entity).map { mention in
        let text = index.text(of: mention.paper, passage: mention.passage) ?? ""
        return text.slice(TextRange(start: mention.range.start, end: mention.range.end + 3))
      }
    }
    #expect(!surfaces("india").contains { $0.hasPrefix("印太") })
    #expect(!surfaces("united-states").contains { $0.hasPrefix("美元") })
    #expect(!surfaces("china").contains { $0.hasPrefix("中心") })
    #expect(!surfaces("new-zealand").contains { $0.hasPrefix("新加") })
    #expect(!surfaces("canada").contains { $0.hasPrefix("加强") })
    #expect(!surfaces("north-korea").contains { $0.hasPrefix("朝日") })
  }

  @Test(.enabled(if: TestPaths.sharedCorpus != nil)) func quotesFromTheRealPapersAreFound() throws {
    let index = try #require(Self.realIndex)
    // Take a passage's own text, re-punctuate it, and search for it.
    let paper = try #require(index.papers.first { $0.paragraphs.count > 20 })
    let text = try #require(paper.paragraphs.first { $0.text.unicodeScalars.count > 40 }).text
    let quote = String(String.UnicodeScalarView(text.unicodeScalars.prefix(30)))
      .replacingOccurrences(of: "，", with: ", ")
    let result = index.findQuote(quote)
    #expect(!result.matches.isEmpty)
  }
}
