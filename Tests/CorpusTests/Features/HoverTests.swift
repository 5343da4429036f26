//! Hover: citations show their paper and cited passage or quote; entities show their card.
import Testing
@testable import Corpus

/// Hovers at 1️⃣ and checks that every string of `expect` is in the Markdown (and `covering`, when given, is
/// the hovered text).
private func checkHover(
  _ fixture: String, expect parts: [String], excludes: [String] = [], covering: String? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let workspace = FeatureWorkspace(fixture)
  let note = workspace.note()
  guard let info = Hover.find(index: workspace.index, note: note.syntax, at: workspace.offset()) else {
    if !parts.isEmpty { Issue.record("no hover", sourceLocation: sourceLocation) }
    return
  }
  for part in parts { #expect(info.markdown.contains(part), "\(part) not in\n\(info.markdown)", sourceLocation: sourceLocation) }
  for part in excludes { #expect(!info.markdown.contains(part), "\(part) in\n\(info.markdown)", sourceLocation: sourceLocation) }
  #expect(!info.markdown.contains("<"), "no HTML", sourceLocation: sourceLocation)
  if let covering { #expect(note.syntax.text.slice(info.range) == covering, sourceLocation: sourceLocation) }
}

@Test func hoverOnCitationShowsTitleAuthorsVenueYearAndParagraph() {
  checkHover(
    "-- notes/a.md --\n见 [@张1️⃣三2021, ¶3]。",
    expect: ["### 东盟与日本的海洋合作", "张三 · 2021", "**¶3**", "> 日本—东盟首脑会议每年举行一次"],
    covering: "@张三2021, ¶3")
}

@Test func hoverOnLocatorShowsTheFootnoteOrSection() {
  checkHover("-- notes/a.md --\n见 [@张三2021, fn. 1️⃣2]。", expect: ["**fn. 2**", "经济合作与发展组织"])
  checkHover("-- notes/a.md --\n见 [@张三2021, §二（一1️⃣）]。", expect: ["§二（一） 对话平台", "日本—东盟首脑会议"])
  // Raw lines read as one text, without spaces between the Chinese of two lines.
  checkHover("-- notes/a.md --\n见 [@张三2021, l. 21️⃣9-31]。", expect: ["讨论经济与安全议题，也为"])
  checkHover("-- notes/a.md --\n见 [@张三2021, p. 1️⃣5]。", expect: ["pages are not checked"])
}

@Test func hoverOnQuotationShowsTheQuoteInContext() {
  checkHover(
    "-- notes/a.md --\n他写道“日本—东盟首1️⃣脑会议每年举行一次”[@张三2021, ¶3]。",
    expect: ["Quoted from ¶3", "**日本—东盟首脑会议每年举行一次**", "讨论经济与安全"])
}

@Test func hoverOnMisquotationShowsTheClosestPassage() {
  checkHover(
    "-- notes/a.md --\n“日本—东盟首脑会议每两年举行一1️⃣次”[@张三2021, ¶3]",
    expect: ["Closest passage"])
}

@Test func hoverOnEntityLinkShowsTheCard() {
  checkHover(
    "-- notes/a.md --\n𠀀 [[东1️⃣盟]] 与日本",
    expect: ["### 东盟", "ASEAN", "*actor*", "mentions in", "`@张三2021`", "**Sources**", "[@张三2021, ¶"],
    covering: "[[东盟]]")
}

@Test func hoverOnImplicitMentionShowsTheCard() {
  checkHover("-- notes/a.md --\n今天东1️⃣盟开会。", expect: ["### 东盟"], covering: "东盟")
}

@Test func hoverOnLexiconEntityShowsTheDefinition() {
  checkHover(
    """
    -- lexicon.json --
    {"entities": [{"id": "maritime-dialogue", "kind": "mechanism", "name": "海上对话", "english": "Maritime Dialogue",
      "definition": "A yearly dialogue on sea lanes."}]}
    -- notes/a.md --
    [[海上1️⃣对话]]
    """,
    expect: ["### 海上对话 (Maritime Dialogue)", "*mechanism*", "A yearly dialogue on sea lanes.", "No mention"])
}

@Test func noHoverInCodeOrOnPlainText() {
  checkHover("-- notes/a.md --\n`[@张三1️⃣2021]`", expect: [])
  checkHover("-- notes/a.md --\n普通的1️⃣文字", expect: [])
}

@Test func markdownPunctuationInSourceTextIsEscaped() {
  #expect(Hover.escape("a*b_c`d<e>[f]#g") == "a\\*b\\_c\\`d\\<e\\>\\[f\\]\\#g")
  #expect(Hover.blockquote("第一行\n第二行", limit: 100) == "> 第一行 第二行")
}
