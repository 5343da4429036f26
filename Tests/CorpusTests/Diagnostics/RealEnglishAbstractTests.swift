//! The English abstracts of the five real papers: the own one is quotable, the other articles' are not.
//! Quotations are cut from the papers at test time (never stored here).
import Foundation
import TestSupport
import Testing

@testable import Corpus

private let realPapers: [Paper]? = {
  guard let folder = TestPaths.sharedCorpus,
    let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".txt") })
      .sorted()
  else { return nil }
  return names.compactMap { name -> Paper? in
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
      case .success(let paper) = PaperReader.read(file: "corpus/" + name, data: data)
    else { return nil }
    return paper
  }
}()

private func rules(_ note: String, _ index: CorpusIndex) -> [String] {
  Checker.check(text: note, index: index, context: CheckContext(notePath: "notes/real.md")).map(\.rule.rawValue)
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realOwnEnglishAbstractsAreQuotable() throws {
  let papers = try #require(realPapers)
  try #require(papers.count == 5)
  // 003 prints another article's abstract first and only the tail of its own: no English abstract is sure.
  #expect(papers.map { $0.englishAbstractPassage != nil } == [true, true, false, false, true])
  // Each own abstract's title is a passage too, without the author line under it.
  #expect(papers.map { $0.englishTitlePassage != nil } == [true, true, false, false, true])
  for paper in papers { if let title = paper.englishTitlePassage { IngestFixture.checkMapsBack(title, in: paper) } }
  #expect(
    papers.allSatisfy { paper in
      guard let title = paper.englishTitlePassage?.text else { return true }
      return title.first?.isUppercase == true && !title.contains("/") && !title.contains("Abstract")
        && !title.contains("\n")
    })
  let index = CorpusIndex.build(papers: papers)
  for (number, paper) in papers.enumerated() {
    guard let passage = paper.englishAbstractPassage else { continue }
    IngestFixture.checkMapsBack(passage, in: paper)
    #expect(passage.text.first?.isUppercase == true)
    #expect(!passage.text.contains("Keywords"))
    // A long piece from the middle, which crosses raw line breaks, quoted without a locator.
    let characters = Array(passage.text)
    let quote = String(characters[(characters.count / 3)..<(characters.count / 3 + 120)])
      .trimmingCharacters(in: .whitespaces)
    #expect(rules("It says “\(quote)”[@\(index.key(of: number))].", index) == [], "\(paper.file)")
    // Another article's abstract of the same issue is not this paper's text.
    for artefact in paper.artefacts where artefact.kind == .foreignAbstract {
      let foreign = paper.rawText.slice(artefact.rawRange)
      guard let line = foreign.split(separator: "\n").first(where: { $0.count > 80 }) else { continue }
      let piece = String(line.prefix(60)).trimmingCharacters(in: .whitespaces)
      let findings = Checker.check(
        text: "“\(piece)”[@\(index.key(of: number))]", index: index, context: CheckContext(notePath: "notes/real.md"))
      #expect(findings.map(\.rule.rawValue) == ["quote-not-in-source"], "\(paper.file)")
      // The message says where the words are instead of pointing at a distant near miss.
      #expect(
        findings.first?.message.contains("the English abstracts printed after the paper") == true,
        "\(paper.file): \(findings.map(\.message))")
    }
  }
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realSetAsideEnglishTextIsNamedWhereItIsQuoted() throws {
  let papers = try #require(realPapers)
  let index = CorpusIndex.build(papers: papers)
  var checked = 0
  for (number, paper) in papers.enumerated() {
    // 003 prints only the tail of its own abstract, after another article's: both are set aside.
    for artefact in paper.artefacts where artefact.kind == .foreignAbstract || artefact.kind == .englishAbstract {
      let raw = paper.rawText.slice(artefact.rawRange)
      for line in raw.split(separator: "\n") where line.count > 80 {
        let piece = String(line.dropFirst(10).prefix(50)).trimmingCharacters(in: .whitespaces)
        let findings = Checker.check(
          text: "“\(piece)”[@\(index.key(of: number))]", index: index, context: CheckContext(notePath: "notes/r.md"))
        // Unless the piece is in a passage (the paper's own abstract, its English keywords), which is quotable.
        if !index.findQuote([piece], inPapers: [number]).isEmpty {
          #expect(findings.isEmpty, "\(paper.file): \(piece)")
          continue
        }
        #expect(
          findings.map(\.message).first?.contains("the English abstracts printed after the paper") == true,
          "\(paper.file): \(piece) \(findings.map(\.message))")
        checked += 1
      }
    }
  }
  #expect(checked > 20)
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realFootnotesLoseTheirMarkdownEmphasis() throws {
  let papers = try #require(realPapers)
  let index = CorpusIndex.build(papers: papers)
  var checked = 0
  for (number, paper) in papers.enumerated() {
    for footnote in paper.footnotes {
      let raw = paper.rawText.slice(footnote.passage.rawRange)
      guard raw.contains("*"), raw.unicodeScalars.contains(where: { $0.value > 0x2000 && $0.value < 0x2100 }),
        !footnote.text.contains("*")
      else { continue }
      IngestFixture.checkMapsBack(footnote.passage, in: paper)
      let quote = String(footnote.text.prefix(100)).trimmingCharacters(in: .whitespaces)
      #expect(rules("「\(quote)」[@\(index.key(of: number)), fn. \(footnote.number)]", index) == [], "\(paper.file)")
      checked += 1
    }
  }
  #expect(checked > 3)
}
