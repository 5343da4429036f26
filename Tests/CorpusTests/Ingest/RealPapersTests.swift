//! The reader on the five reference papers (read at test time from ../shared/corpus; skipped when absent).
import Foundation
import TestSupport
import Testing

@testable import Corpus

private struct Expected: Sendable {
  var prefix: String
  var title: String
  var authors: [String]
  var year: Int
  var outline: [String]
}

private let expectations: [Expected] = [
  Expected(
    prefix: "000", title: "岸田政权东盟政策新趋势", authors: ["常思纯"], year: 2023,
    outline: ["一", "二", "（一）", "（二）", "（三）", "三", "（一）", "（二）", "（三）", "四"]),
  Expected(
    prefix: "001", title: "美国“印太”盟伴体系中的日本角色探析", authors: ["赵明昊"], year: 2024,
    outline: ["一", "二", "三", "（一）", "（二）", "（三）", "（四）", "四", "（一）", "（二）", "（三）", "五"]),
  Expected(
    prefix: "002", title: "日本对中亚地区外交战略的新布局", authors: ["高梓菁"], year: 2023,
    outline: ["一", "二", "（一）", "（二）", "（三）", "三"]),
  Expected(
    prefix: "003", title: "日本政府“印太战略”下的小多边外交评析", authors: ["于海龙"], year: 2023,
    outline: [
      "一", "（一）", "（二）", "（三）", "（四）", "（五）", "二", "（一）", "（二）", "（三）", "三", "（一）", "（二）", "（三）", "四",
    ]),
  Expected(
    prefix: "004", title: "岸田内阁的日本与北约军事安全合作评析", authors: ["吴怀中", "从伊宁"], year: 2023,
    outline: ["一", "（一）", "（二）", "1", "2", "3", "二", "（一）", "（二）", "（三）", "三", "（一）", "（二）", "（三）"]),
]

private func realPaper(_ prefix: String) -> Paper? { ReferencePapers.paper(prefix) }

@Suite(.enabled(if: TestPaths.sharedCorpus != nil)) struct RealPapersTests {
  @Test(arguments: expectations.map(\.prefix)) func metadataAndOutline(prefix: String) throws {
    let expected = try #require(expectations.first { $0.prefix == prefix })
    let paper = try #require(realPaper(prefix))
    #expect(paper.metadata.title == expected.title)
    #expect(paper.metadata.authors == expected.authors)
    #expect(paper.metadata.year == expected.year)
    #expect(paper.sections.map(\.numbering) == expected.outline)
    for section in paper.sections {
      // Titles are short and are not sentences (a run-in title stops at its full stop).
      #expect(section.title.count <= 40 && !section.title.contains("。"), "\(section.numbering) \(section.title)")
    }
    #expect(!paper.paragraphs.isEmpty)
  }

  /// 000 prints no 关键词: its own English keywords stand in (the next article's are not taken).
  @Test func keywordsOfAPaperWithOnlyEnglishOnes() throws {
    let paper = try #require(realPaper("000"))
    #expect(paper.metadata.keywords == [
      "Indo-pacific vision", "Japan and ASEAN", "capability building", "supply chain resilience",
      "Indo-Pacific Economic Framework(IPEF)",
    ])
  }

  @Test(arguments: expectations.map(\.prefix)) func everyLineIsAccountedFor(prefix: String) throws {
    let paper = try #require(realPaper(prefix))
    #expect(IngestFixture.unclaimedLines(paper) == [])
  }

  @Test(arguments: expectations.map(\.prefix)) func paragraphsMapBackAndHoldNoFootnotes(prefix: String) throws {
    let paper = try #require(realPaper(prefix))
    for paragraph in paper.paragraphs {
      IngestFixture.checkMapsBack(paragraph.passage, in: paper)
      // No raw line copied into a paragraph opens with a footnote mark.
      for run in paragraph.passage.map.runs where !run.inserted {
        let line = paper.rawLines.line(containing: TextSize(run.rawStart))
        let text = paper.rawText.slice(
          TextRange(start: paper.rawLines.lineStart(line), end: paper.rawLines.lineEnd(line))
        )
        .trimmingCharacters(in: .whitespaces)
        let first = text.unicodeScalars.first.map { $0.value } ?? 0
        #expect(
          CharClass.circledNumber(first) == nil && !text.hasPrefix("^"),
          "footnote line in ¶\(paragraph.number): \(text.prefix(12))")
      }
      // English abstracts are set aside: no body paragraph is mostly Latin.
      let latin = paragraph.text.unicodeScalars.filter { CharClass.isLatinLetter($0.value) }.count
      let wide = paragraph.text.unicodeScalars.filter { CharClass.isWide($0.value) }.count
      #expect(latin < 3 * max(wide, 1), "English text in ¶\(paragraph.number)")
    }
    for note in paper.footnotes { IngestFixture.checkMapsBack(note.passage, in: paper) }
  }

  @Test(arguments: expectations.map(\.prefix)) func footnotesAreTiedToTheirMarks(prefix: String) throws {
    let paper = try #require(realPaper(prefix))
    let linked = paper.footnotes.filter { $0.paragraph != nil }.count
    // The title's note (*) has no paragraph; an occasional mark is lost in extraction.
    #expect(linked * 10 >= paper.footnotes.count * 9, "\(linked) of \(paper.footnotes.count) notes linked")
    for paragraph in paper.paragraphs {
      for ref in paragraph.footnoteRefs {
        let mark = paragraph.text.slice(ref.range)
        let note = paper.footnotes[ref.footnote - 1]
        #expect(
          mark.hasSuffix(note.mark) || mark.hasSuffix(note.mark + "}"), "¶\(paragraph.number) \(mark) → \(note.mark)")
        #expect(note.paragraph == paragraph.number)
      }
    }
  }

  @Test func everyNormalisedOffsetMapsToARawPositionAndBack() throws {
    let paper = try #require(realPaper("000"))
    for paragraph in paper.paragraphs.prefix(5) {
      let text = Array(paragraph.text.utf8)
      var offset = 0
      while offset < text.count {
        let raw = paragraph.passage.map.rawOffset(forNormalized: TextSize(offset), bias: .start)
        let (line, column) = paper.rawLines.lineColumn(at: raw, unit: .utf16)
        #expect(paper.rawLines.offset(line: line, column: column, unit: .utf16) == raw)
        if let back = paragraph.passage.map.exactNormalizedOffset(forRaw: raw) { #expect(back.utf8Offset == offset) }
        offset += 1
        while offset < text.count, text[offset] & 0xC0 == 0x80 { offset += 1 }
      }
    }
  }
}
