//! Paper reading on small hand-written fixtures: joining, footnotes, headings, metadata, page debris.
import Foundation
import Testing

@testable import Corpus

/// Reads `raw` and checks the normalised paragraphs (and that each maps back to its raw text).
private func checkParagraphs(
  _ raw: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let paper = IngestFixture.read(raw)
  #expect(paper.paragraphs.map(\.text) == expected, sourceLocation: sourceLocation)
  for paragraph in paper.paragraphs {
    IngestFixture.checkMapsBack(paragraph.passage, in: paper, sourceLocation: sourceLocation)
  }
}

@Suite struct PaperReaderTests {
  @Test func joinsHardLineBreaksWithoutSpaceBetweenCJK() {
    checkParagraphs(
      """
      日本外交

      王明

      日本在东南亚的援助项目近年显著增加，其中港口与通信设施占据

      较大比重，这一趋势在2020年以后更加明显。

      第二段只有一行。
      """,
      ["日本在东南亚的援助项目近年显著增加，其中港口与通信设施占据较大比重，这一趋势在2020年以后更加明显。", "第二段只有一行。"])
  }

  @Test func joinsLatinWithOneSpaceAndUndoesHyphenation() {
    checkParagraphs(
      """
      报告

      高远

      合作被纳入“Indo-Pa⁃
      cific connectivity”框架，英文文件称之为 quasi-alli‐
      ance building and capacity
      development。
      """,
      ["合作被纳入“Indo-Pacific connectivity”框架，英文文件称之为 quasi-alliance building and capacity development。"])
  }

  /// English prose in a reference is copied word runs at a time (`PassageBuilder.ordinaryRun`); a space next to a
  /// hyphen, a slash, a dot, a bracket, a second space or a tab still gets its own decision.
  @Test func copiesEnglishReferencesAsTheyRead() {
    checkParagraphs(
      """
      报告

      高远

      参见 John Smith, Alliance Politics in Asia (New York: Norton, 2021), pp. 15 - 19; see also
      https://www.meti. go. jp / press / 2021 / a.html [2023-06-10], U. S. - Japan ties,  two  spaces and\ta tab,
      A ① B ② 2007, 日本 Japan 2023 年 ASEAN 10 国。
      """,
      [
        "参见 John Smith, Alliance Politics in Asia (New York: Norton, 2021), pp. 15-19; see also "
          + "https://www.meti.go.jp/press/2021/a.html [2023-06-10], U. S.-Japan ties, two spaces and a tab, "
          + "A ① B ② 2007,日本 Japan 2023年 ASEAN 10国。"
      ])
  }

  /// A space written between a Latin word and Han or kana is the author's, on both sides of the word.
  @Test func keepsTheSpacesAroundALatinWordInJapanese() {
    checkParagraphs(
      """
      报告

      高远

      标题为「新たな日 ASEAN の協力」与「将 QUAD 视为」的两篇文章。
      """,
      ["标题为「新たな日 ASEAN の協力」与「将 QUAD 视为」的两篇文章。"])
  }

  @Test func closesUpSpacesThatExtractionPutInsideURLs() {
    checkParagraphs(
      """
      报告

      高远

      参见示例网站，https://www.example. go. jp / press / 2021 / 01 /report. pdf [2023-07-25]，以及 pp. 158 - 196。
      """,
      ["参见示例网站，https://www.example.go.jp/press/2021/01/report.pdf [2023-07-25]，以及 pp. 158-196。"])
  }

  @Test func closesUpSpacesThatExtractionPutAroundAHyphenInsideAWord() {
    checkParagraphs(
      """
      报告

      高远

      双方的跨域联动（inter - regional alignments）见第 158 - 196 页，但“a – b”与“甲 - 乙”不变。Japan - U. K. - Italy.
      """,
      ["双方的跨域联动（inter-regional alignments）见第158-196页，但“a – b”与“甲-乙”不变。Japan-U. K.-Italy."])
  }

  /// An en dash too, but only before a capital or a digit: prose spaces a dash between words.
  @Test func closesUpSpacesThatExtractionPutAroundAnEnDashInACompound() {
    checkParagraphs(
      """
      报告

      高远

      Kei Koga, “US – Japan Cooperation on Indo – Pacific Architecture”, pp. 3 – 10 [2024 – 05 – 19]; the alliance – which is old – holds.
      """,
      ["Kei Koga, “US–Japan Cooperation on Indo–Pacific Architecture”, pp. 3–10 [2024–05–19]; the alliance – which is old – holds."])
  }

  /// A URL's Markdown delimiters go, and the access date after it keeps apart from it.
  @Test func anAccessDateAfterADelimitedURLIsSpacedFromIt() {
    checkParagraphs(
      """
      报告

      高远

      参见 <https://example.org/report>[2024-04-18]，又见 [https://example.org/b.pdf](https://example.org/b.pdf)[2024-04-12]，及 <https://example.org/c>。
      """,
      ["参见 https://example.org/report [2024-04-18]，又见 https://example.org/b.pdf [2024-04-12]，及 https://example.org/c。"])
  }

  /// Chinese text has no space between ideographs, so extraction's go; a Japanese headline parts its phrases with
  /// one, which stays. A curly quote takes the side of what it quotes.
  @Test func spacesBetweenIdeographsStayOnlyInJapanese() {
    checkParagraphs(
      """
      报告

      高远

      日本 政府提出“网格架构” (lattice-work), “两洋交汇” (Confluence of the Two Seas)与“Japan” (2020)。见「日欧安保、近づく距離 ウクライナ侵攻契機」、『日本経済新聞』。
      """,
      ["日本政府提出“网格架构”(lattice-work),“两洋交汇”(Confluence of the Two Seas)与“Japan” (2020)。见「日欧安保、近づく距離 ウクライナ侵攻契機」、『日本経済新聞』。"])
  }

  @Test func closesUpSpacedAbbreviationsInBrackets() {
    checkParagraphs(
      """
      标题

      王明

      四国组建了四边机制（Q u ad），又与北约亚太伙伴（A P4）对话，但（U. S. A）与芯片联盟（CHIP 4）不变。
      """,
      ["四国组建了四边机制（Quad），又与北约亚太伙伴（AP4）对话，但（U. S. A）与芯片联盟（CHIP 4）不变。"])
  }

  @Test func separatesCircledFootnotesAndTiesThemToTheirMarks() {
    let paper = IngestFixture.read(
      """
      日本的南太平洋外交

      李华

      日本向岛国提供了海底光缆贷款。① 此后又追加了防灾援助，②援助

      规模逐年扩大。

      ① 示例来源甲，2021年。

      ② 示例来源乙，2022年，第

      5页。
       第二页的段落从这里开始，并没有脚注。
      """)
    #expect(paper.paragraphs.map(\.text) == ["日本向岛国提供了海底光缆贷款。①此后又追加了防灾援助，②援助规模逐年扩大。", "第二页的段落从这里开始，并没有脚注。"])
    #expect(paper.footnotes.map(\.text) == ["示例来源甲，2021年。", "示例来源乙，2022年，第5页。"])
    #expect(paper.footnotes.map(\.mark) == ["①", "②"])
    #expect(paper.footnotes.map(\.paragraph) == [1, 1])
    let refs = paper.paragraphs[0].footnoteRefs
    #expect(refs.map(\.footnote) == [1, 2])
    #expect(refs.map { paper.paragraphs[0].text.slice($0.range) } == ["①", "②"])
  }

  @Test func joinsAWordSplitByAPageBreakWithFootnotesAndRunningHeaderBetween() {
    let paper = IngestFixture.read(
      """
      标题

      王明

      菲方接收船只后，又请日本海上保

      ① 示例来源，2019年。

      亚太评论 2023年第3期

      27

      安厅协助制定巡航计划。①
      """)
    #expect(paper.paragraphs.map(\.text) == ["菲方接收船只后，又请日本海上保安厅协助制定巡航计划。①"])
    #expect(paper.footnotes.map(\.text) == ["示例来源，2019年。"])
    #expect(paper.artefacts.map(\.kind) == [.runningHeader, .pageNumber])
    #expect(paper.metadata.venue == "亚太评论")
    #expect(paper.metadata.year == 2023)
  }

  @Test func caretAndBraceMarksAndTheTitleStar() {
    let paper = IngestFixture.read(
      """

      日澳关系的新阶段^{*}

      周雨桐

      两国在2007年签署联合宣言。^① 2022年又签署准入协定。^②

      * 本文为示例项目的成果。

      ^① 示例来源甲。

      ^② Example Source, “A Title”, 2022.
      """)
    #expect(paper.metadata.title == "日澳关系的新阶段")
    #expect(paper.footnotes.map(\.mark) == ["*", "①", "②"])
    #expect(paper.footnotes.map(\.paragraph) == [nil, 1, 1])
    // The caret is Markdown's superscript: the reader of the PDF sees ①.
    #expect(paper.paragraphs.map(\.text) == ["两国在2007年签署联合宣言。①2022年又签署准入协定。②"])
    #expect(paper.paragraphs[0].footnoteRefs.map { paper.paragraphs[0].text.slice($0.range) } == ["①", "②"])
    for paragraph in paper.paragraphs { IngestFixture.checkMapsBack(paragraph.passage, in: paper) }
  }

  /// In Latin text a mark keeps the spaces around it, and a quotation of the text has one where the mark was.
  @Test func aMarkInLatinTextKeepsItsSpaces() throws {
    let paper = IngestFixture.read(
      """
      标题

      王明

      The two states signed it ^① in 2007, and 2^3 stays.

      ^① Example Source, 2007.
      """)
    #expect(paper.paragraphs.map(\.text) == ["The two states signed it ① in 2007, and 2^3 stays."])
    let whole = TextRange(0, paper.paragraphs[0].text.utf8.count)
    #expect(
      QuotableText.text(of: whole, in: paper, passage: .paragraph(1), style: .curly)
        == "The two states signed it in 2007, and 2^3 stays.")
  }

  @Test func letterNotesRunInOrderWithinAPage() {
    let paper = IngestFixture.read(
      """
      日本政府的小多边外交评析 *

      于明

      近年来小多边合作受到青睐，成为地区安全的一个突出趋势。a日本政府

      积极推动相关机制，b并扩大议题范围。
      本*    本文系示例项目的阶段性成果。
      a   Example Author, “Minilateral Order,” in
      Example Book, 2015, p.23.
      b 示例作者：《示例书名》，示例出版社，2017年。
       第二页继续讨论其他问题。
      """)
    #expect(paper.footnotes.map(\.mark) == ["*", "a", "b"])
    #expect(paper.footnotes.map(\.text)[1] == "Example Author, “Minilateral Order,” in Example Book, 2015, p.23.")
    #expect(paper.footnotes.map(\.paragraph) == [nil, 1, 1])
    #expect(paper.paragraphs.map(\.text) == ["近年来小多边合作受到青睐，成为地区安全的一个突出趋势。a日本政府积极推动相关机制，b并扩大议题范围。", "第二页继续讨论其他问题。"])
  }

  @Test func outlineWithOwnNumberingAndRunInHeadings() {
    let paper = IngestFixture.read(
      """
      标题

      王明

      引言段落。

      一、历史溯源

      第一节的段落。

      （一）对内互助性。小多边外交可分为两种情况。

      第二个段落。

      （二）对外对抗性

      第三个段落。

      二、结 语

      结语段落。
      """)
    #expect(paper.sections.map(\.numbering) == ["一", "（一）", "（二）", "二"])
    #expect(paper.sections.map(\.title) == ["历史溯源", "对内互助性", "对外对抗性", "结语"])
    #expect(paper.sections.map(\.level) == [1, 2, 2, 1])
    #expect(paper.sections.map(\.parent) == [nil, 0, 0, nil])
    #expect(paper.sections.map { $0.firstParagraph...$0.lastParagraph } == [2...5, 3...4, 5...5, 6...6])
    #expect(paper.paragraphs.map(\.section) == [nil, 0, 1, 1, 2, 3])
    #expect(paper.paragraphs[2].text == "（一）对内互助性。小多边外交可分为两种情况。")
  }

  @Test func metadataFromLabels() {
    let paper = IngestFixture.read(
      """
       日本政府“印太战略”下的
      小多边外交评析

      吴明 陈立

      [内容提要] 日本外交加速转型。该外交具有对内互助性等特征，意在

      弥补自身实力不足。

      [关键词] 海洋外交  东南亚  “印太构想”

      [作者介绍] 吴明，示例大学国际战略研
      究院助理研究员。

      文章编号：1002-0000(2022)04-0001-29

      正文第一段。
      """)
    let m = paper.metadata
    #expect(m.title == "日本政府“印太战略”下的小多边外交评析")
    #expect(m.authors == ["吴明", "陈立"])
    #expect(m.firstAuthor == "吴明")
    #expect(m.abstract == "日本外交加速转型。该外交具有对内互助性等特征，意在弥补自身实力不足。")
    #expect(m.keywords == ["海洋外交", "东南亚", "“印太构想”"])
    #expect(m.authorNote == "吴明，示例大学国际战略研究院助理研究员。")
    #expect(m.year == 2022)
    #expect(paper.paragraphs.map(\.text) == ["正文第一段。"])
    #expect(paper.abstractPassage?.text == m.abstract)
    if let range = paper.metadataSources[.authors] { #expect(paper.rawText.slice(range) == "吴明 陈立") }
  }

  @Test func reportWithClosingAuthorAndMasthead() {
    let paper = IngestFixture.read(
      """

      亚太形势研究报告

      2024 年第 5 期

      示例大学国际问题研究院

      日本对太平洋岛国外交的新举措

      太平洋岛国是连接亚洲与美洲的重要通道。

      （撰写：高远，示例大学国际问题研究院助理研究员。）

      亚太形势研究报告

      主编：王明 副主编：李华
      """)
    #expect(paper.metadata.title == "日本对太平洋岛国外交的新举措")
    #expect(paper.metadata.authors == ["高远"])
    #expect(paper.metadata.authorNote == "高远，示例大学国际问题研究院助理研究员。")
    #expect(paper.metadata.venue == "亚太形势研究报告")
    #expect(paper.metadata.year == 2024)
    #expect(paper.paragraphs.map(\.text) == ["太平洋岛国是连接亚洲与美洲的重要通道。"])
    #expect(IngestFixture.unclaimedLines(paper).isEmpty)
  }

  @Test func trailingEnglishAbstractsAreSetAside() {
    let paper = IngestFixture.read(
      """
      标题

      王明

      正文段落。

      （责任编辑：周 宁）
       Own English Title
      WANG Ming / 27

      Abstract: This article argues something about Japan.

      Keywords: Japan; ASEAN
       Another Article of the Same Issue
      LI Hua / 45

      Abstract: This one is about something else entirely.
      """)
    #expect(paper.paragraphs.map(\.text) == ["正文段落。"])
    #expect(paper.artefacts.map(\.kind) == [.publicationInfo, .englishAbstract, .foreignAbstract])
    #expect(IngestFixture.unclaimedLines(paper).isEmpty)
  }

  @Test func overridesWin() {
    var paper = IngestFixture.read("标题\n\n王明\n\n正文。\n")
    paper.apply(DocumentOverride(title: "新标题", authors: ["李华"], venue: "示例学刊", year: 2020, key: "li2020"))
    #expect(paper.metadata.title == "新标题")
    #expect(paper.metadata.authors == ["李华"])
    #expect(paper.metadata.year == 2020)
    #expect(paper.metadata.key == "li2020")
  }

  @Test func emptyAndOddInputsNeverTrap() {
    for text in ["", "\n", "\r\n\r\n", "①", "^{", "（一）", "一、", " *", "a b", "\u{FEFF}x", "。", "（撰写：）"] {
      let paper = IngestFixture.read(text)
      for paragraph in paper.paragraphs { IngestFixture.checkMapsBack(paragraph.passage, in: paper) }
    }
  }

  @Test func crlfLineEndings() {
    let paper = IngestFixture.read("标题\r\n\r\n王明\r\n\r\n第一行没有\r\n结束。\r\n")
    #expect(paper.paragraphs.map(\.text) == ["第一行没有结束。"])
  }
}

@Test func sectionPathsForLocators() {
  let paper = IngestFixture.read("标题\n\n王明\n\n引言。\n\n一、甲\n\n段落。\n\n（一）乙\n\n段落。\n\n二、丙\n\n（一）丁\n\n段落。\n")
  #expect(paper.sections.indices.map { paper.sectionPath($0) } == ["一", "一（一）", "二", "二（一）"])
  #expect(paper.section(path: "§二（一）") == 3)
  #expect(paper.section(path: "二(一)") == 3)
  #expect(paper.section(path: "一、") == 0)
  #expect(paper.section(path: "（一）") == nil)  // ambiguous
  #expect(paper.section(path: "五") == nil)
}

@Test func highCircledAndNumberedMarksKeepTheirLabels() {
  let paper = IngestFixture.read("标题\n\n王明\n\n正文一句。㉑ 又一句。^{52}\n\n㉑ 来源甲。\n\n^{52} 来源乙。\n")
  #expect(paper.footnotes.map(\.mark) == ["㉑", "52"])
  #expect(paper.footnotes.map(\.paragraph) == [1, 1])
}

@Test func repeatedRunningHeadersAndDottedPageNumbersAreSetAside() {
  let paper = IngestFixture.read(
    """
    标题

    王明

    第一页的文字没有

    亚太评论

    · 12 ·
     结束，第二页接着写

    亚太评论

    — 13 —
     第三页还在同一段

    亚太评论

    14
     里面，直到这里。
    """)
  #expect(paper.paragraphs.map(\.text) == ["第一页的文字没有结束，第二页接着写第三页还在同一段里面，直到这里。"])
  #expect(paper.artefacts.map(\.kind) == [.runningHeader, .pageNumber, .runningHeader, .pageNumber, .runningHeader, .pageNumber])
}

@Test func aCompleteNoteEndsItsBlockEvenWithoutAPageBreakSpace() {
  let paper = IngestFixture.read(
    """
    标题

    王明

    这一段在页末被截断，后面的文字在下一页继续写下去，直到句子结

    ① Example Author, “A Title,” Example Journal, Vol.

    3, No. 2, 2020, pp.1-9.

    ② 示例来源：https://www.example.org/

    a/b.html [2023-01-01]。

    ③ 示例来源：https://www.example.org/c/d.html

    [2023-01-02]。

    ④ 示例来源：https://www.example.org/e-

    [2023-01-03]。

    束为止。
    """)
  #expect(paper.footnotes.map(\.text) == [
    "Example Author, “A Title,” Example Journal, Vol. 3, No. 2, 2020, pp.1-9.",
    "示例来源：https://www.example.org/a/b.html [2023-01-01]。",
    "示例来源：https://www.example.org/c/d.html [2023-01-02]。",
    "示例来源：https://www.example.org/e- [2023-01-03]。",
  ])
  #expect(paper.paragraphs.map(\.text) == ["这一段在页末被截断，后面的文字在下一页继续写下去，直到句子结束为止。"])
}
