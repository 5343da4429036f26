//! Go-to-citation lands on the raw text the citation cites; entities on their lexicon entry or first mention.
import Testing
@testable import Corpus

/// Goes to the definition at 1️⃣; `expect` is `file: raw text` (line breaks as ⏎), or its start with `prefix`.
private func checkDefinition(
  _ fixture: String, expect expected: String?, prefix: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
) {
  let workspace = FeatureWorkspace(fixture)
  let found = Definition.find(index: workspace.index, lexicon: workspace.lexicon, note: workspace.note().syntax,
                              at: workspace.offset())
  guard let expected else {
    #expect(found.isEmpty, "\(found.map(workspace.describe))", sourceLocation: sourceLocation)
    return
  }
  guard let first = found.first else {
    Issue.record("no definition", sourceLocation: sourceLocation)
    return
  }
  let actual = workspace.describe(first)
  if prefix {
    #expect(actual.hasPrefix(expected), "\(actual)", sourceLocation: sourceLocation)
  } else {
    expectEqualText(actual, expected, sourceLocation: sourceLocation)
  }
}

@Test func citationWithParagraphGoesToTheRawParagraph() {
  checkDefinition(
    "-- notes/a.md --\n见 [@张三1️⃣2021, ¶3]。",
    expect: "corpus/张三2021.txt: 日本—东盟首脑会议每年举行一次，讨论经济与安全议⏎⏎题，也为双方领导人提供了非正式交流的场合。")
}

@Test func quotationGoesToTheQuotedRawText() {
  checkDefinition(
    "-- notes/a.md --\n“讨论经济与安全议题”[@张三1️⃣2021, ¶3]",
    expect: "corpus/张三2021.txt: 讨论经济与安全议⏎⏎题")
}

@Test func aMisquotationGoesToTheClosestPassageOnlyWhereTheCitationPoints() {
  // Close, in the cited paragraph: there.
  checkDefinition(
    "-- notes/a.md --\n“日本—东盟首脑会议每两年举行一次”[@张三1️⃣2021, ¶3]",
    expect: "corpus/张三2021.txt: 日本—东盟首脑会议每年举行一次", prefix: true)
  // Closest in another paper (Smith2020 shares the English words): the cited paragraph.
  checkDefinition(
    "-- notes/a.md --\n\"Japan and Australia coordinate patrol in the South China Sea\" [@张三1️⃣2021, ¶1]",
    expect: "corpus/张三2021.txt: ", prefix: true)
  checkDefinition(
    "-- notes/a.md --\n“完全无关的一句话，与任何文献都不相似”[@张三1️⃣2021, ¶3]",
    expect: "corpus/张三2021.txt: 日本—东盟首脑会议每年举行一次", prefix: true)
}

@Test func footnoteSectionAndLinesLocators() {
  checkDefinition("-- notes/a.md --\n[@张三2021, fn. 1️⃣2]", expect: "corpus/张三2021.txt: 数据来自经济合作与发展组织的统计。")
  checkDefinition("-- notes/a.md --\n[@张三2021, §二（一1️⃣）]", expect: "corpus/张三2021.txt: （一）对话平台", prefix: true)
  checkDefinition("-- notes/a.md --\n[@张三2021, l. 1️⃣1]", expect: "corpus/张三2021.txt: 东盟与日本的海洋合作")
}

@Test func citationWithoutLocatorGoesToTheTitle() {
  checkDefinition("-- notes/a.md --\n@张三1️⃣2021 认为", expect: "corpus/张三2021.txt: 东盟与日本的海洋合作")
}

@Test func unknownKeyGoesNowhere() {
  checkDefinition("-- notes/a.md --\n[@无此1️⃣人]", expect: nil)
}

@Test func entityGoesToItsFirstCorpusMention() {
  checkDefinition("-- notes/a.md --\n[[东1️⃣盟]]", expect: "corpus/张三2021.txt: 东盟")
}

@Test func lexiconEntityGoesToItsEntry() {
  checkDefinition(
    """
    -- lexicon.json --
    {"entities": [{"id": "maritime-dialogue", "kind": "mechanism", "name": "海上对话"}]}
    -- notes/a.md --
    CRLF 行{CRLF}
    谈到海上1️⃣对话
    """,
    expect: "lexicon.json: maritime-dialogue")
}
