//! Tests for citation keys: author + year, disambiguation, file stems, overrides, Latin names.
import Testing
@testable import Corpus

@Suite struct CitationKeyTests {
  func keys(_ papers: [Paper]) -> [[String]] {
    let index = CorpusIndex(papers: papers, entities: [])
    return papers.indices.map { index.keys(of: $0) }
  }

  @Test func authorPlusYearAndStem() {
    let papers = [IndexFixtures.paper("corpus/a.txt", paragraphs: ["甲"], authors: ["王小明", "李四"], year: 2023)]
    #expect(keys(papers) == [["王小明2023", "a"]])
    let index = CorpusIndex(papers: papers, entities: [])
    #expect(index.paper(forKey: "王小明2023") == 0)
    #expect(index.paper(forKey: "a") == 0)
    #expect(index.paper(forKey: "王小明2022") == nil)
  }

  @Test func sameAuthorAndYearAreDisambiguated() {
    let papers = [
      IndexFixtures.paper("corpus/b.txt", paragraphs: ["甲"], authors: ["王小明"], year: 2023, title: "乙论"),
      IndexFixtures.paper("corpus/a.txt", paragraphs: ["甲"], authors: ["王小明"], year: 2023, title: "甲论"),
      IndexFixtures.paper("corpus/c.txt", paragraphs: ["甲"], authors: ["王小明"], year: 2022),
    ]
    #expect(keys(papers) == [["王小明2023b", "b"], ["王小明2023a", "a"], ["王小明2022", "c"]])
  }

  @Test func latinAuthorsUseTheFamilyName() {
    let papers = [
      IndexFixtures.paper("corpus/x.txt", paragraphs: ["a"], authors: ["John Smith"], year: 2020),
      IndexFixtures.paper("corpus/y.txt", paragraphs: ["a"], authors: ["Doe, Jane"], year: 2019),
    ]
    #expect(keys(papers).map(\.first) == ["Smith2020", "Doe2019"])
  }

  @Test func overrideAndMissingMetadata() {
    let papers = [
      IndexFixtures.paper("corpus/x.txt", paragraphs: ["a"], authors: ["王小明"], year: 2020, key: "wang-asean"),
      IndexFixtures.paper("corpus/报告2023.txt", paragraphs: ["a"]),
    ]
    #expect(keys(papers) == [["wang-asean", "x"], ["报告2023"]])
  }
}
