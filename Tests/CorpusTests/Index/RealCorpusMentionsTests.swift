//! Mentions in the five real papers: the actors and mechanisms an analyst expects are found in each paper, and
//! known misreadings are absent. Expectations are entity ids and trap words only (no paper text is stored here).
import Foundation
import TestSupport
import Testing

@testable import Corpus

private let realIndex = ReferencePapers.index

/// The paper whose file name starts with `prefix` (000 … 004).
private func paper(_ prefix: String, in index: CorpusIndex) -> Int? {
  index.papers.firstIndex { $0.file.hasPrefix("corpus/" + prefix) }
}

/// Mention counts by entity id in one paper.
private func counts(in paper: Int, _ index: CorpusIndex) -> [String: Int] {
  var result: [String: Int] = [:]
  for mention in index.mentions(inPaper: paper) { result[index.entities[mention.entity].id, default: 0] += 1 }
  return result
}

/// Every passage of a paper with its id.
private func passages(of paper: Paper) -> [(PassageID, String)] {
  var result: [(PassageID, String)] = []
  if let abstract = paper.abstractPassage?.text ?? paper.metadata.abstract { result.append((.abstract, abstract)) }
  result += paper.paragraphs.map { (.paragraph($0.number), $0.passage.text) }
  result += paper.footnotes.map { (.footnote($0.number), $0.passage.text) }
  return result
}

/// The entities expected in each paper (file prefix → ids), from a reading of the papers.
private let expectedPerPaper: [(String, [String])] = [
  (
    "000",
    [
      "japan", "asean", "china", "united-states", "philippines", "vietnam", "indonesia", "kishida-fumio",
      "aoip", "foip", "foip-new-plan", "indo-pacific-strategy", "ipef", "azec", "jaif", "oda", "osa",
      "asean-summit", "asean-community", "asean-japan", "shangri-la-dialogue", "jcm", "japan-msdf", "japan-mod",
      "hagiuda-koichi", "akiba-takeo", "pham-minh-chinh", "garuda-shield", "comprehensive-strategic-partnership",
      "equipment-technology-transfer-agreement", "exclusively-defense-oriented-policy", "gsomia",
    ]
  ),
  (
    "001",
    [
      "japan", "united-states", "china", "australia", "india", "south-korea", "quad", "aukus", "squad",
      "us-japan-korea", "us-japan-philippines", "us-japan-australia", "us-japan-alliance", "ipef", "pgii", "chip4",
      "msp", "ipmda", "scri", "aagc", "blue-dot-network", "hiroshima-ai-process", "freedom-edge", "ausmin",
      "us-japan-economic-2plus2", "us-japan-security-treaty", "digital-silk-road", "economic-security-promotion-act",
      "katherine-tai", "nishimura-yasutoshi", "rahm-emanuel", "ustr", "nato", "g7",
      // From a second audit: English names of people and of an agency, in the references.
      "xi-jinping", "motegi-toshimitsu", "usaid",
    ]
  ),
  (
    "002",
    [
      "japan", "central-asia", "central-asian-five", "kazakhstan", "uzbekistan", "kyrgyzstan", "tajikistan",
      "turkmenistan", "russia", "china", "ukraine", "afghanistan", "central-asia-plus-japan", "oda", "jcm", "jds",
      "eurasian-diplomacy", "arc-of-freedom-and-prosperity", "panoramic-diplomacy", "trans-caspian-route", "foip",
      "japan-moe", "sco", "bri", "hashimoto-ryutaro", "aso-taro", "hayashi-yoshimasa",
    ]
  ),
  (
    "003",
    [
      "japan", "united-states", "china", "australia", "india", "south-korea", "new-zealand", "quad",
      "us-japan-korea", "us-japan-philippines", "us-japan-australia", "us-japan-india", "japan-australia-india",
      "ip4", "gcap", "us-japan-alliance", "five-eyes", "aukus", "scri", "rcep", "asean-plus-three", "asean-china",
      "peace-constitution", "pelosi", "tsai-ing-wen", "yoon-suk-yeol", "duterte", "north-korea",
      "one-china-principle", "china-japan-four-political-documents",
      // Compounds no grouping of the lexicon has as members, discovered from the paper (日美加, 日美澳加, 日美澳法).
      "discovered-日美加", "discovered-日美澳加", "discovered-日美澳法",
    ]
  ),
  (
    "004",
    [
      "japan", "nato", "united-states", "europe", "kishida-fumio", "abe-shinzo", "us-japan-alliance", "ipcp",
      "north-atlantic-council", "nato-summit", "nato-strategic-concept", "nato-nuclear-sharing",
      "three-non-nuclear-principles", "peace-constitution", "north-atlantic-treaty", "nato-ccdcoe",
      "nato-nuclear-planning-group", "japan-coast-guard", "japan-mic", "japan-npa", "stoltenberg", "macron",
      "scholz", "sunak", "meloni", "sato-eisaku", "miki-takeo", "nakasone-yasuhiro", "discovered-英法德",
    ]
  ),
]

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realPapersMentionTheExpectedActorsAndMechanisms() throws {
  let index = try #require(realIndex)
  for (prefix, expected) in expectedPerPaper {
    let document = try #require(paper(prefix, in: index))
    let found = counts(in: document, index)
    let missing = expected.filter { (found[$0] ?? 0) == 0 }
    #expect(missing.isEmpty, "paper \(prefix) lacks \(missing)")
  }
}

/// Words that hold a state's name or one-character form without naming it; no mention of that state may
/// overlap them anywhere in the papers.
private let traps: [(word: String, entity: String)] = [
  ("美元", "united-states"), ("日元", "japan"), ("中东", "china"), ("中心", "china"), ("其中", "china"),
  ("发展中国家", "china"), ("英里", "united-kingdom"), ("英寸", "united-kingdom"), ("法律", "france"),
  ("法治", "france"), ("道德", "germany"), ("印度洋", "india"), ("印太", "india"), ("印度尼西亚", "india"),
  ("朝日", "north-korea"), ("新加坡", "new-zealand"), ("加强", "canada"), ("越来越", "vietnam"), ("同意", "italy"),
]

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realPapersHaveNoMentionsInsideTrapWords() throws {
  let index = try #require(realIndex)
  var misread: [String] = []
  for (paperIndex, document) in index.papers.enumerated() {
    for (id, text) in passages(of: document) {
      let mentions = index.mentions(in: paperIndex, passage: id)
      for trap in traps {
        var searchStart = text.startIndex
        while let found = text.range(of: trap.word, range: searchStart..<text.endIndex) {
          let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
          let end = text.utf8.distance(from: text.startIndex, to: found.upperBound)
          let overlapping = mentions.contains {
            index.entities[$0.entity].id == trap.entity && $0.range.start.utf8Offset < end
              && $0.range.end.utf8Offset > start
          }
          if overlapping { misread.append("\(document.file): \(trap.entity) in \(trap.word)") }
          searchStart = found.upperBound
        }
      }
    }
  }
  #expect(misread.isEmpty, "\(misread)")
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realPapersHaveNoKnownMisreadings() throws {
  let index = try #require(realIndex)
  var problems: [String] = []
  for (paperIndex, document) in index.papers.enumerated() {
    let found = counts(in: paperIndex, index)
    // 10+1 there is ASEAN–China; 高质量基础设施 alone is no partnership.
    for id in ["asean-japan", "quality-infrastructure"]
    where document.file.hasPrefix("corpus/003") && found[id] != nil {
      problems.append("\(document.file): \(id)")
    }
    if document.file.hasPrefix("corpus/000"), found["quality-infrastructure"] != nil {
      problems.append("\(document.file): quality-infrastructure")
    }
    // Quoted claims and descriptions are no discovered entities.
    for entity in index.entities where entity.source == .discovered && found[entity.id] != nil {
      for word in ["问题", "威胁", "挑战", "能力", "国家", "路线", "安全"] where entity.name.hasSuffix(word) {
        problems.append("\(document.file): discovered \(entity.name)")
      }
    }
    for (id, text) in passages(of: document) {
      let mentions = index.mentions(in: paperIndex, passage: id)
      for mention in mentions {
        let surface = text.utf8Slice(mention.range)
        let entity = index.entities[mention.entity]
        // A capitalised alias read in lower case must not come from a URL or a file name.
        if let first = surface.first, first.isLowercase,
          entity.aliases.contains(where: { $0.first?.isUppercase == true }),
          text.utf8Slice(TextRange(max(0, mention.range.start.utf8Offset - 1), mention.range.start.utf8Offset))
            .contains(where: { "/_.-".contains($0) })
        {
          problems.append("\(document.file): \(entity.id) in a URL")
        }
      }
      // A grouping named by a compound and by its alias right after it is one mention (日美印澳四边机制).
      let sorted = mentions.sorted { $0.range.start < $1.range.start }
      for (a, b) in zip(sorted, sorted.dropFirst())
      where a.entity == b.entity && a.range.end == b.range.start && index.entities[a.entity].kind == .mechanism {
        problems.append("\(document.file): \(index.entities[a.entity].id) twice")
      }
    }
  }
  #expect(problems.isEmpty, "\(problems)")
}

extension String {
  fileprivate func utf8Slice(_ range: TextRange) -> String {
    let bytes = Array(utf8)
    let start = max(0, min(bytes.count, range.start.utf8Offset))
    let end = max(start, min(bytes.count, range.end.utf8Offset))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
