//! The checker over the five real papers. Quotations are cut from the papers at test time (never stored here).
import Foundation
import TestSupport
import Testing

@testable import Corpus

private let realIndex = ReferencePapers.index

/// A run of `length` plain CJK characters from the middle of a paragraph of `paper` (and its number).
private func plainRun(in paper: Paper, length: Int, skip: Int = 0) -> (text: String, paragraph: Int)? {
  var skipped = 0
  for paragraph in paper.paragraphs where paragraph.text.count > 60 {
    let characters = Array(paragraph.text)
    var start = characters.count / 3
    while start + length <= characters.count {
      let window = characters[start..<start + length]
      if window.allSatisfy({ $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }) {
        if skipped == skip { return (String(window), paragraph.number) }
        skipped += 1
        break
      }
      start += 1
    }
  }
  return nil
}

private func rules(_ note: String, _ index: CorpusIndex) -> [String] {
  Checker.check(text: note, index: index, context: CheckContext(notePath: "notes/real.md")).map(\.rule.rawValue)
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func everyRealPaperHasAKeyThatResolves() throws {
  let index = try #require(realIndex)
  #expect(index.papers.count == 5)
  let note = index.papers.indices.map { "见 [@\(index.key(of: $0))]。" }.joined(separator: "\n")
  #expect(rules(note, index) == [])
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realQuotationsAreConfirmedOrLocated() throws {
  let index = try #require(realIndex)
  let paper = index.papers[0]
  let key = index.key(of: 0)
  let otherKey = index.key(of: 1)
  let (quote, number) = try #require(plainRun(in: paper, length: 10))
  let wrongNumber = number == 1 ? 2 : number - 1
  // Found where cited.
  #expect(rules("“\(quote)”[@\(key), ¶\(number)]。", index) == [])
  // Found, elided, where cited.
  let head = String(quote.prefix(4))
  let tail = String(quote.suffix(4))
  #expect(rules("“\(head)……\(tail)”[@\(key), ¶\(number)]。", index) == [])
  // Found in the cited paper, another paragraph.
  #expect(rules("“\(quote)”[@\(key), ¶\(wrongNumber)]。", index) == ["quote-in-other-paragraph"])
  // Found in another paper than cited.
  #expect(rules("“\(quote)”[@\(otherKey)]。", index) == ["quote-in-other-document"])
  // Past the last paragraph.
  #expect(rules("见 [@\(key), ¶\(paper.paragraphs.count + 5)]。", index) == ["locator-out-of-range"])
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realMisquotationIsFixedByItsCodeAction() throws {
  let index = try #require(realIndex)
  let key = index.key(of: 0)
  let (quote, number) = try #require(plainRun(in: index.papers[0], length: 12))
  var characters = Array(quote)
  characters[6] = characters[6] == "的" ? "之" : "的"
  let note = "有人写道“\(String(characters))”[@\(key), ¶\(number)]。"
  let findings = Checker.check(text: note, index: index, context: CheckContext(notePath: "notes/real.md"))
  #expect(findings.map(\.rule) == [.quoteNotInSource])
  let fix = try #require(findings.first?.fixes.first)
  let fixed = try #require(fix.applied(to: note, file: "notes/real.md"))
  #expect(rules(fixed, index) == [])
  #expect(findings.first?.related.first?.file == index.papers[0].file)
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realEntityLinksAgainstTheCitedParagraph() throws {
  let index = try #require(realIndex)
  let key = index.key(of: 0)
  let paper = index.papers[0]
  // A paragraph mentioning some entity, and an entity it never mentions.
  let paragraph = try #require(
    paper.paragraphs.first { !index.mentions(in: 0, passage: .paragraph($0.number)).isEmpty })
  let mentioned = Set(index.mentions(in: 0, passage: .paragraph(paragraph.number)).map(\.entity))
  let present = try #require(mentioned.first)
  let absent = try #require(
    index.entities.indices.first { !mentioned.contains($0) && index.entities[$0].kind == .actor })
  let presentName = index.entities[present].name
  let absentName = index.entities[absent].name
  #expect(rules("[[\(presentName)]]的做法 [@\(key), ¶\(paragraph.number)]。", index) == [])
  #expect(rules("[[\(absentName)]]的做法 [@\(key), ¶\(paragraph.number)]。", index) == ["entity-not-in-cited-passage"])
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func sectionsOfRealPapersResolve() throws {
  let index = try #require(realIndex)
  for (number, paper) in index.papers.enumerated() {
    guard let section = paper.sections.first(where: { $0.level == 1 }) else { continue }
    #expect(
      rules("见 [@\(index.key(of: number)), §\(section.numbering)]。", index) == [], "\(paper.file) §\(section.numbering)"
    )
  }
}
