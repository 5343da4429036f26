//! Block quotations (`> …` lines tied to a citation at the end of the last line, or on the next line alone) are
//! checked like inline quotations: found where cited, elsewhere in the paper, in another paper, or nowhere.
import Testing

@testable import Corpus

@Test func blockQuotationsFoundWhereCitedPass() {
  checkDiagnostics(
    """
    -- notes/a.md --
    > 日本与东盟的合作始于上世纪七十年代，
    > 双方在海上安全领域的对话逐年增多，合作范围从经贸扩展到防务与人员交流。[@张三2021, ¶1]

    > 日本政府提出“自由开放的印太”构想，
    > 试图把东盟纳入其地区战略
    [@张三2021, ¶2]

    > 日本—东盟首脑会议每年举行一次……双方领导人提供了非正式交流的场合 [@张三2021, §二（一）]。

    > The Quad has reshaped regional
    > security debates since 2017 —— [@Smith2020, ¶1]

    >  > 政府开发援助仍是日本影响东南亚的主要手段 [@张三2021]
    """)
}

@Test func blockQuotationsMisCitedAreFlagged() {
  checkDiagnostics(
    """
    -- notes/a.md --
    > 日本—东盟首脑会议每年举行一次，
    > 讨论经济与安全议题 [@张三2021, ¶1<!--@diag("¶1", quote-in-other-paragraph)-->]

    > 首脑会议每年举行一次<!--@diag("首脑会议每年举行一次", quote-in-other-document)-->
    [@Smith2020]

    > 日本—东盟首脑会议每年举办一次，
    > 讨论经济与安全议题 [@张三2021, ¶3]<!--@diag("日本—东盟首脑会议每年举办一次，\\n> 讨论经济与安全议题", quote-not-in-source)-->

    > 首脑会议每年举行一次 [@张三2021, ¶9<!--@diag("¶9", locator-out-of-range)-->]
    """)
}

@Test func blockQuotationMisquoteIsReplacedBySourceText() {
  checkFix(
    """
    -- notes/a.md --
    > 日本—东盟首脑会议每年举办一次，
    > 讨论经济与安全议题 [@张三2021, ¶3]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: """
      > 日本—东盟首脑会议每年举行一次，讨论经济与安全议题 [@张三2021, ¶3]
      """)
}

@Test func blockQuotationInAnotherParagraphGetsItsLocatorFixed() {
  checkFix(
    """
    -- notes/a.md --
    > 政府开发援助仍是日本影响东南亚的主要手段
    [@张三2021, ¶1]
    """, rule: .quoteInOtherParagraph, titleContaining: "Change the locator",
    expect: """
      > 政府开发援助仍是日本影响东南亚的主要手段
      [@张三2021, ¶4]
      """)
}

@Test func blocksThatAreNotQuotationsAreLeftAlone() {
  checkDiagnostics(
    """
    -- notes/a.md --
    > 这是分析者自己的话，没有引用。

    > 作者的总结 [@张三2021, ¶1]，随后是更多的评论。

    > 第一句 [@张三2021]。
    > 第二句 [@Smith2020, ¶2]

    ```
    > 代码里的引用块 [@张三2021, ¶1]
    ```
    """)
}

@Test func blockEndingInAQuotedTermIsCheckedWhole() {
  checkDiagnostics(
    """
    -- notes/a.md --
    > 近年来，日本政府提出“自由开放的印太”构想，试图把东盟纳入其地区战略 [@张三2021, ¶2]

    > 近年来，日本政府提出“自由开放的印太” [@张三2021, ¶2]

    > 近年来，美国政府提出“自由开放的印太” [@张三2021, ¶2]<!--@diag("近年来，美国政府提出“自由开放的印太”", quote-not-in-source)-->

    > “自由开放的印太” [@张三2021, ¶3<!--@diag("¶3", quote-in-other-paragraph)-->]

    > 日本政府提出“自由开放的
    > 印太” [@张三2021, ¶2]
    """)
}
