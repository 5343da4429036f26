//! Section headings, the keywords line and the author note as passages: mapped to their raw lines, searched by
//! quotations (a heading cited with its § or line locator), and scanned for mentions without double counting.
//! The real-paper tests cut headings from ../shared/corpus at test time (no paper text is stored here).
import Foundation
import TestSupport
import Testing

@testable import Corpus

/// A small paper whose headings, keywords and author note name actors and mechanisms.
private let headedPaper = """
  日本的东盟外交

  李四

  内容提要：本文讨论日本对东南亚的外交及其局限。

  关键词：日本外交 东盟 印太战略

  作者简介：李四，示例大学讲师，研究东盟。

  一、日本对东盟外交的新动向

   近年来，日本政府加强了与东南亚国家的合作，合作范围从经贸扩

  展到防务与人员交流。

  二、美日同盟的作用

  （一）同盟的基础

   同盟关系仍是其对外政策的基础，双方每年举行外长会谈。

  """

private func headedIndex() -> CorpusIndex {
  CorpusIndex.build(papers: [PaperReader.parse(file: "corpus/李四2022.txt", text: headedPaper)])
}

private func sampleIndex() -> CorpusIndex { buildIndex(Fixture(sampleCorpus)) }

private func rules(_ note: String, _ index: CorpusIndex) -> [String] {
  Checker.check(text: note, index: index, context: CheckContext(notePath: "notes/n.md")).map(\.rule.rawValue)
}

@Test func headingsAreMappedPassagesOutsideEveryParagraph() throws {
  let paper = try #require(sampleIndex().papers.first { $0.file == "corpus/张三2021.txt" })
  #expect(paper.sections.map { $0.heading?.text } == ["一、引言", "二、合作机制", "（一）对话平台", "（二）援助工具"])
  for (index, section) in paper.sections.enumerated() {
    let heading = try #require(section.heading)
    // The map lands on the raw heading line exactly, and the passage is the one `PassageID.heading` names.
    #expect(paper.rawText.slice(heading.rawRange) == heading.text)
    #expect(paper.passage(.heading(index))?.text == heading.text)
    #expect(heading.rawRange == section.headingRange)
    // No paragraph holds the heading's text.
    #expect(!paper.paragraphs.contains { $0.passage.rawRange.intersects(heading.rawRange) })
    #expect(!paper.paragraphs.contains { $0.text.contains(section.title) })
  }
}

@Test func aRunInTitleStaysInItsParagraphAndHasNoHeadingPassage() {
  let text = """
    日本外交的特性

    王五

    一、日本外交的特性

    （一）对内互助性。小多边外交可分为对内相互制衡与对内相互协助两种，日本政府参与的多为后者。

    （二）对外对抗性。小多边机制在对外问题上存在包容合作与排斥对抗两种取向。

    """
  let paper = PaperReader.parse(file: "corpus/王五2023.txt", text: text)
  let runIn = paper.sections.filter { $0.level == 2 }
  #expect(runIn.map(\.title) == ["对内互助性", "对外对抗性"])
  #expect(runIn.allSatisfy { $0.heading == nil })
  #expect(paper.sections.first?.heading?.text == "一、日本外交的特性")
  let index = CorpusIndex.build(papers: [paper])
  // Quoted with its section, the run-in title is found in the section's first paragraph.
  #expect(rules("“对内互助性”[@王五2023, §一（一）]。", index) == [])
}

@Test func keywordsAndAuthorNoteArePassagesWithTheirOwnMaps() throws {
  let paper = try #require(headedIndex().papers.first)
  let keywords = try #require(paper.keywordsPassage)
  // The spaces that separate Chinese keywords are kept: "日本外交东盟" would read as one word.
  #expect(keywords.text == "日本外交 东盟 印太战略")
  #expect(paper.rawText.slice(keywords.rawRange) == "日本外交 东盟 印太战略")
  #expect(paper.metadata.keywords == ["日本外交", "东盟", "印太战略"])
  let note = try #require(paper.authorNotePassage)
  #expect(note.text == "李四，示例大学讲师，研究东盟。")
  #expect(paper.rawText.slice(note.rawRange) == note.text)
}

@Test func mentionsInHeadingsKeywordsAndAuthorNoteAreIndexedOnce() throws {
  let index = headedIndex()
  let paper = index.papers[0]
  func ids(_ passage: PassageID) -> [String] {
    index.mentions(in: 0, passage: passage).map { index.entities[$0.entity].id }
  }
  #expect(ids(.heading(0)).contains("japan"))
  #expect(ids(.heading(0)).contains("asean"))
  #expect(ids(.heading(1)).contains("us-japan-alliance"))
  #expect(ids(.keywords).contains("asean"))
  #expect(ids(.keywords).contains("indo-pacific-strategy"))
  #expect(ids(.authorNote).contains("asean"))
  // Every mention's raw range is the alias as printed, and none is counted twice.
  let all = index.mentions(inPaper: 0)
  for mention in all {
    let alias = index.text(of: 0, passage: mention.passage)?.slice(mention.range)
    #expect(paper.rawText.slice(mention.rawRange) == alias)
  }
  #expect(Set(all.map(\.rawRange)).count == all.count)
  let asean = try #require(index.entity(withId: "asean"))
  let places = index.mentions(of: asean).map(\.passage)
  #expect(places.filter { $0 == .heading(0) }.count == 1)
}

@Test func aHeadingIsQuotedWithItsSectionOrLineLocator() {
  let index = sampleIndex()
  let key = "张三2021"
  // The heading of §二, with or without its numbering; a subsection's heading under its parent too.
  #expect(rules("“合作机制”[@\(key), §二]。", index) == [])
  #expect(rules("“二、合作机制”[@\(key), §二]。", index) == [])
  #expect(rules("“对话平台”[@\(key), §二（一）]。", index) == [])
  #expect(rules("“对话平台”[@\(key), §二]。", index) == [])
  #expect(rules("“对话平台”[@\(key)]。", index) == [])
  let paper = index.papers[0]
  let line = paper.rawLines.line(containing: paper.sections[2].headingRange.start) + 1
  #expect(rules("“对话平台”[@\(key), l. \(line)]。", index) == [])
  // Cited at the wrong place, the fix points the locator at the heading's section.
  let findings = Checker.check(
    text: "“对话平台”[@\(key), ¶4]。", index: index, context: CheckContext(notePath: "notes/n.md"))
  #expect(findings.map(\.rule.rawValue) == ["quote-in-other-paragraph"])
  #expect(findings.first?.fixes.first?.edits.first?.newText == "§二（一）")
  #expect(findings.first?.message.contains("the heading of 张三2021 §二（一）") ?? false)
}

@Test func aSectionLocatorCoversItsHeadingsAndParagraphs() throws {
  let paper = try #require(sampleIndex().papers.first { $0.file == "corpus/张三2021.txt" })
  let locator = try #require(NoteParser.parse("[@张三2021, §二]").citations.first?.items.first?.locator)
  #expect(
    LocatorResolution.resolve(locator, in: paper)
      == .passages([.heading(1), .heading(2), .heading(3), .paragraph(3), .paragraph(4), .paragraph(5)]))
}

@Test func hoverAndDefinitionOfAQuotedHeading() throws {
  let index = sampleIndex()
  let note = NoteParser.parse("“援助工具”[@张三2021, §二（二）]。")
  let offset = TextSize(note.text.utf8.count - 8)
  let hover = try #require(Hover.find(index: index, note: note, at: offset))
  #expect(hover.markdown.contains("Quoted from §二（二）"))
  let target = try #require(Definition.find(index: index, lexicon: nil, note: note, at: offset).first)
  #expect(index.papers[0].rawText.slice(target.range) == "援助工具")
}

@Test func theReportCitesAHeadingWithItsSection() {
  #expect(
    CooccurrenceReport.citation(key: "k", passage: .heading(1), sectionLocators: ["§一", "§二"]) == "[@k, §二]")
  #expect(CooccurrenceReport.citation(key: "k", passage: .keywords) == "[@k]")
  for passage: PassageID in [.heading(0), .heading(7), .keywords, .authorNote, .paragraph(3), .footnote(2)] {
    #expect(PassageCode.passage(of: PassageCode.key(paper: 3, passage: passage)) == passage)
    #expect(MentionRecord.decode(MentionRecord.encode(passage)) == passage)
  }
}

// MARK: - The five real papers

private var realIndex: CorpusIndex? { ReferencePapers.index }

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func everyRealHeadingQuotedWithItsSectionIsConfirmed() throws {
  let index = try #require(realIndex)
  var quoted = 0
  for (number, paper) in index.papers.enumerated() {
    let key = index.key(of: number)
    for (section, value) in paper.sections.enumerated() {
      let locator = try #require(paper.citableLocator(for: .heading(section)))
      var note = "“\(value.title)”[@\(key), \(locator)]。"
      if let heading = value.heading {
        // As printed (numbering included), and with the line locator of its first line.
        let line = paper.rawLines.line(containing: heading.rawRange.start) + 1
        note += "\n“\(heading.text)”[@\(key), \(locator)]。\n“\(value.title)”[@\(key), l. \(line)]。"
      }
      let findings = Checker.check(text: note, index: index, context: CheckContext(notePath: "notes/h.md"))
      #expect(findings.isEmpty, "\(paper.file) \(locator): \(findings.map(\.message))")
      quoted += 1
    }
  }
  #expect(quoted >= 40)
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func realHeadingsKeywordsAndAuthorNotesAddMentions() throws {
  let index = try #require(realIndex)
  var added: [String] = []
  var total = 0
  for (number, paper) in index.papers.enumerated() {
    var counts: [String: Int] = [:]
    for mention in index.mentions(inPaper: number) {
      switch mention.passage {
      case .heading: counts["headings", default: 0] += 1
      case .keywords: counts["keywords", default: 0] += 1
      case .authorNote: counts["author note", default: 0] += 1
      default: continue
      }
    }
    // No heading, keywords or author note text is also inside another passage (it would be counted twice).
    let newPassages =
      paper.sections.compactMap(\.heading) + [paper.keywordsPassage, paper.authorNotePassage].compactMap { $0 }
    let others = paper.paragraphs.map(\.passage) + paper.footnotes.map(\.passage)
      + [paper.abstractPassage, paper.titlePassage].compactMap { $0 }
    for passage in newPassages {
      #expect(!others.contains { $0.rawRange.intersects(passage.rawRange) }, "\(paper.file): \(passage.text)")
    }
    let sum = counts.values.reduce(0, +)
    total += sum
    added.append("\(paper.file): \(sum) \(counts.sorted { $0.key < $1.key })")
    if paper.sections.contains(where: { $0.heading != nil }) {
      #expect((counts["headings"] ?? 0) > 0, "\(paper.file)")
    }
  }
  print("mentions added by headings, keywords and author notes:\n" + added.joined(separator: "\n"))
  #expect(total >= 60)
}

@Test func anEntityNamedOnlyInTheHeadingIsInTheCitedSection() {
  let index = headedIndex()
  // ¶1 never names 东盟; its section's heading does.
  #expect(rules("[[东盟]]的地位上升 [@李四2022, §一]。", index) == [])
  #expect(rules("[[东盟]]的地位上升 [@李四2022, ¶1]。", index) == ["entity-not-in-cited-passage"])
}
