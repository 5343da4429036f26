//! Rule quote-not-in-source and its replace fix.
import Foundation
import Testing

@testable import Corpus

@Test func quoteNotInSource() {
  checkDiagnostics(
    """
    -- notes/a.md --
    “日本从未参与”[@张三2021, ¶2]<!--@diag("日本从未参与", quote-not-in-source)-->
    > Japan and Australia coordinate drills
    > in the South China Sea. [@Smith2020, ¶2]<!--@diag("Japan and Australia coordinate drills\\n> in the South China Sea.", quote-not-in-source)-->
    “讨论经济……安全合作”[@张三2021, ¶3]<!--@diag("讨论经济……安全合作", quote-not-in-source)-->
    """)
}

@Test func quoteNotInSourceFixReplacesWithSourceText() {
  checkFix(
    """
    -- notes/a.md --
    他们说“日本—东盟首脑会议每年举办一次”[@张三2021, ¶3]。
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "他们说“日本—东盟首脑会议每年举行一次”[@张三2021, ¶3]。")
}

/// A paper whose paragraph holds a quotation of its own and a footnote mark.
private let paperWithMarks = """
  -- corpus/李四2022.txt --
  日本对东南亚政策研究

  李四

  一、引言

  东盟不仅成为“名副其实的全球经济发展中心”①，也成为大国地缘战略竞争的核心地带。日本综合国力不断下降，其政
  策随之调整。

  ① 参见某某：《测试文献》，2020年。

  """

@Test func theReplacementDropsFootnoteMarksAndNestsTheSourcesQuotationMarks() {
  checkFix(
    paperWithMarks + """
    -- notes/a.md --
    “名副其实的全球经济发展中心，也成为大国地缘战略的核心地带”[@李四2022, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "“‘名副其实的全球经济发展中心’，也成为大国地缘战略竞争的核心地带”[@李四2022, ¶1]")
  checkFix(
    paperWithMarks + """
    -- notes/a.md --
    “东盟不仅成为名副其实的全球经济中心”[@李四2022, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "“东盟不仅成为‘名副其实的全球经济发展中心’”[@李四2022, ¶1]")
  checkFix(
    paperWithMarks + """
    -- notes/a.md --
    「东盟不仅成为名副其实的全球经济中心」[@李四2022, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "「东盟不仅成为『名副其实的全球经济发展中心』」[@李四2022, ¶1]")
}

@Test func aQuotationMayLeaveOutOrNestTheSourcesQuotationMarks() {
  let findings = checkDiagnostics(
    paperWithMarks + """
    -- notes/a.md --
    “东盟不仅成为名副其实的全球经济发展中心”[@李四2022, ¶1]
    “东盟不仅成为‘名副其实的全球经济发展中心’”[@李四2022, ¶1]
    """)
  #expect(findings.isEmpty, "\(findings)")
}

@Test func theReplacementTakesTheSourcesWordsForChangedWordsAtTheEnd() {
  checkFix(
    paperWithMarks + """
    -- notes/a.md --
    “日本综合国力不断下滑”[@李四2022, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace", expect: "“日本综合国力不断下降”[@李四2022, ¶1]")
}

/// An English paper with apostrophes, a title in single quotation marks and a URL after it.
private let englishPaper = """
  -- corpus/Lee2023.txt --
  Minilateralism in Asia

  Lee

  Japan’s role grows each year. See ‘What’s After ‘Japanuary’? A Forward-Looking Agenda for the Alliance’, March
  2023, https://example.org/a.

  """

@Test func anEnglishReplacementKeepsApostrophesAndEndsOnAWholeWord() {
  checkFix(
    englishPaper + """
    -- notes/a.md --
    “Japan's role grew each year”[@Lee2023, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace", expect: "“Japan’s role grows each year”[@Lee2023, ¶1]")
  checkFix(
    englishPaper + """
    -- notes/a.md --
    “What’s After ‘Japanuary’? A Forward-Looking Agenda for the Alliances”[@Lee2023, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "“What’s After ‘Japanuary’? A Forward-Looking Agenda for the Alliance”[@Lee2023, ¶1]")
}

/// Unicode counts ideographs as letters: a ’ between two of them closes a quotation all the same.
private let markBetweenIdeographsPaper = """
  -- corpus/Wu2023.txt --
  北约与日本

  吴

  小野寺五典直言：“北约在欧洲所采用的‘核共享’形式对日本并无实际参考意义。”ASEAN countries’ military ties deepen.

  """

@Test func aReplacementKeepsInnerMarksBetweenIdeographsAndAPluralsApostrophe() {
  checkFix(
    markBetweenIdeographsPaper + """
    -- notes/a.md --
    “北约在欧洲采用的‘核共享’形式对日本并无实际参考意义”[@Wu2023, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "“北约在欧洲所采用的‘核共享’形式对日本并无实际参考意义”[@Wu2023, ¶1]")
  checkFix(
    markBetweenIdeographsPaper + """
    -- notes/a.md --
    “ASEAN countries’ military ties deepens”[@Wu2023, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace", expect: "“ASEAN countries’ military ties deepen”[@Wu2023, ¶1]")
}

@Test func aMarkAfterAnAcronymWhosePartnerIsFurtherOffIsDropped() {
  #expect(QuotableText.withoutUnpairedMarks("战略 FOIP’是") == "战略 FOIP是")
  #expect(QuotableText.withoutUnpairedMarks("countries’ military") == "countries’ military")
}

@Test func replacementFromAnotherDocumentAlsoCitesIt() {
  checkFix(
    """
    -- notes/a.md --
    "Japan and Australia coordinate patrol in the South China Sea" [@张三2021, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "\"Japan and Australia coordinate patrols in the South China Sea\" [@Smith2020, ¶2]")
}

// MARK: Quotations with elisions: only the wrong fragment is replaced

@Test func elidedQuotationFixReplacesOnlyTheWrongFragment() {
  checkFix(
    """
    -- notes/a.md --
    “日本—东盟首脑会议每年举办一次……也为双方领导人提供了非正式交流的场合”[@张三2021, ¶3]
    """, rule: .quoteNotInSource, titleContaining: "Replace part 1",
    expect: "“日本—东盟首脑会议每年举行一次……也为双方领导人提供了非正式交流的场合”[@张三2021, ¶3]")
  checkFix(
    """
    -- notes/a.md --
    "日本—东盟首脑会议每年举行一次...也为双方领导人提供了正式交流的场合"[@张三2021]
    """, rule: .quoteNotInSource, titleContaining: "Replace part 2",
    expect: "\"日本—东盟首脑会议每年举行一次...也为双方领导人提供了非正式交流的场合\"[@张三2021]")
}

@Test func elidedQuotationMessageNamesTheWrongPartAndSuggestsTheWholeQuotation() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    “政府开发援助仍是日本影响东南亚的手段……重点逐步转向人才培养”[@张三2021, ¶4]<!--@diag("政府开发援助仍是日本影响东南亚的手段……重点逐步转向人才培养", quote-not-in-source)-->
    """)
  #expect(findings.first?.message.contains("part 1 (of 2) differs from 张三2021 ¶4") == true, "\(findings)")
  #expect(findings.first?.suggestions == ["政府开发援助仍是日本影响东南亚的主要手段……重点逐步转向人才培养"])
}

@Test func elidedQuotationOutOfOrderOrSplitGetsNoReplacement() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    “也为双方领导人提供了非正式交流的场合……日本—东盟首脑会议每年举行一次”[@张三2021]<!--@diag("也为双方领导人提供了非正式交流的场合……日本—东盟首脑会议每年举行一次", quote-not-in-source)-->
    “日本—东盟首脑会议每年举行一次……其重点逐步转向人才培养”[@张三2021, ¶3]<!--@diag("日本—东盟首脑会议每年举行一次……其重点逐步转向人才培养", quote-not-in-source)-->
    """)
  #expect(findings.count == 2)
  #expect(findings.allSatisfy { $0.fixes.isEmpty && $0.suggestions.isEmpty })
  #expect(findings.first?.message.contains("parts are all in ¶3 of 张三2021, but not in this order") == true)
  #expect(findings.last?.message.contains("parts are in ¶3 and ¶4 of 张三2021") == true)
}

@Test func elidedQuotationWithAFragmentFarFromTheSourceGetsNoReplacement() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    “日本—东盟首脑会议每年举行一次……美国总统每年访问欧洲三次”[@张三2021, ¶3]<!--@diag("日本—东盟首脑会议每年举行一次……美国总统每年访问欧洲三次", quote-not-in-source)-->
    """)
  #expect(findings.first?.fixes.contains { $0.title.contains("part") } == false)
}

@Test func aPassageThatIsNotCloseIsNotMentioned() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    “气候变化导致冰川融化速度加快”[@张三2021]<!--@diag("气候变化导致冰川融化速度加快", quote-not-in-source)-->
    """)
  #expect(findings.first?.message.contains("no passage of the corpus comes close") == true, "\(findings)")
  #expect(findings.first?.suggestions == [] && findings.first?.related == [] && findings.first?.fixes == [])
}

@Test func aShortFragmentSharingHalfItsCharactersIsNotReplaced() {
  // 安全合作 shares only 安全 with the source's 安全议题.
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    “讨论经济……安全合作”[@张三2021, ¶3]<!--@diag("讨论经济……安全合作", quote-not-in-source)-->
    """)
  #expect(findings.first?.fixes.contains { $0.title.contains("part") } == false, "\(findings)")
}

/// A paper that ends, as journal issues print them, with its editor's note and the English abstracts of the issue:
/// text in the file that the reader sets aside.
private let paperWithTrailingAbstracts = """
  -- corpus/王五2023.txt --
  日本与太平洋岛国的关系

  王五

  《太平洋研究》2023年第1期

  一、引言

   日本近年来加大了对太平洋岛国的援助，双方在渔业与气候领域的合作不断深化。

  （责任编辑：赵六）
   Japan's Pacific Islands policy has shifted from aid to security in the past decade, and its
  partners now weigh the costs of closer ties with Tokyo against their own development goals.
   The European Union has revised its trade strategy after the pandemic, and its members
  disagree on how far to go in screening foreign investment in critical sectors.

  """

@Test func aQuotationOfTextTheReaderSetAsideSaysWhereItIs() throws {
  let findings = checkDiagnostics(
    paperWithTrailingAbstracts + """
    -- notes/a.md --
    “The European Union has revised its trade strategy”[@王五2023]<!--@diag("The European Union has revised its trade strategy", quote-not-in-source)-->
    “closer ties with Tokyo”[@王五2023]<!--@diag("closer ties with Tokyo", quote-not-in-source)-->
    “责任编辑：赵六”[@王五2023]<!--@diag("责任编辑：赵六", quote-not-in-source)-->
    """)
  try #require(findings.count == 3)
  #expect(
    findings[0].message
      == "This quotation is not in 王五2023: its words are in the English abstracts printed after the paper "
      + "(王五2023, line 14), which corpus-lsp does not count as the paper's text")
  // Its place in the file, to go to; and no fix: the file's words are right, the citation is not.
  let related = try #require(findings[0].related.first)
  #expect(related.file == "corpus/王五2023.txt")
  let raw = try #require(Fixture(paperWithTrailingAbstracts).file("corpus/王五2023.txt"))
  #expect(raw.slice(related.range) == "The European Union has revised its trade strategy")
  #expect(findings[0].fixes.isEmpty && findings[0].suggestions.isEmpty)
  #expect(findings[1].message.contains("the English abstracts printed after the paper (王五2023, line 13)"))
  #expect(findings[2].message.contains("the journal's publication details (王五2023, line 11)"))
}

@Test func aNearMissOfTheBodyKeepsItsFixAndNamesTheSetAsideWordsBeside() throws {
  // The body says 援助 where the note says “投资”; a masthead line printed after the paper holds the note's words.
  let paper = paperWithTrailingAbstracts.replacingOccurrences(
    of: "disagree on how far", with: "日本近年来加大了对太平洋岛国的投资\n   disagree on how far")
  let findings = checkDiagnostics(
    paper + """
    -- notes/a.md --
    “日本近年来加大了对太平洋岛国的投资”[@王五2023]<!--@diag("日本近年来加大了对太平洋岛国的投资", quote-not-in-source)-->
    """)
  let finding = try #require(findings.first)
  #expect(finding.message.contains("Closest passage: 王五2023 ¶1"), "\(finding.message)")
  #expect(
    finding.message.hasSuffix(
      "Its words stand as they are in the journal's publication details (王五2023, line 15), which corpus-lsp does "
        + "not count as the paper's text"), "\(finding.message)")
  #expect(finding.fixes.count == 1 && finding.related.count == 2)
}

@Test func setAsideWordsAreMatchedWithinOneEntryAndOnlyThere() {
  // Fragments from two abstracts are no quotation of either; a near miss of the body stays one.
  let findings = checkDiagnostics(
    paperWithTrailingAbstracts + """
    -- notes/a.md --
    “closer ties with Tokyo……revised its trade strategy”[@王五2023]<!--@diag("closer ties with Tokyo……revised its trade strategy", quote-not-in-source)-->
    “日本近年来加大了对太平洋岛国的投资”[@王五2023]<!--@diag("日本近年来加大了对太平洋岛国的投资", quote-not-in-source)-->
    """)
  #expect(findings.allSatisfy { !$0.message.contains("English abstracts") }, "\(findings.map(\.message))")
  #expect(findings.last?.message.contains("Closest passage: 王五2023 ¶1") == true)
}

@Test func withSeveralPapersCitedTheSetAsideWordsNameTheirPaper() {
  let findings = checkDiagnostics(
    paperWithTrailingAbstracts + sampleCorpus + """
    -- notes/a.md --
    “screening foreign investment”[@张三2021; @王五2023]<!--@diag("screening foreign investment", quote-not-in-source)-->
    """)
  #expect(
    findings.first?.message
      == "This quotation is not in 张三2021 or 王五2023: its words are in the English abstracts printed after the "
      + "paper (王五2023, line 15), which corpus-lsp does not count as the paper's text")
}

@Test func setAsideTextIsNotSearchedInAFileChangedSinceItWasIndexed() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("set-aside-\(getpid())")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let text = try #require(Fixture(paperWithTrailingAbstracts).file("corpus/王五2023.txt"))
  func paper(_ name: String) throws -> Paper {
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return try PaperReader.read(file: "corpus/" + name, data: Data(text.utf8), sourcePath: file.path).get()
  }
  #expect(try paper("a.txt").setAsidePlace(of: ["trade strategy"]) != nil)
  // The artefacts' ranges are those of the text indexed: a file that has grown since is no longer that text.
  let changed = try paper("b.txt")
  try ("前言\n" + text).write(to: folder.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
  #expect(changed.setAsidePlace(of: ["trade strategy"]) == nil)
}
