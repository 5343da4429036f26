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
      #expect(rules("“\(piece)”[@\(index.key(of: number))]", index) == ["quote-not-in-source"], "\(paper.file)")
    }
  }
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
