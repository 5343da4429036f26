//! Rule quote-in-other-paragraph and its fix.
import Testing

@testable import Corpus

@Test func quoteInOtherParagraph() {
  checkDiagnostics(
    """
    -- notes/a.md --
    “首脑会议”[@张三2021, ¶1]<!--@diag("¶1", quote-in-other-paragraph)-->
    “首脑会议”[@张三2021, §一]<!--@diag("§一", quote-in-other-paragraph)-->
    “首脑会议”[@张三2021, §二]
    """)
  checkFix(
    """
    -- notes/a.md --
    “首脑会议”[@张三2021, ¶1]
    """, rule: .quoteInOtherParagraph, titleContaining: "¶3", expect: "“首脑会议”[@张三2021, ¶3]")
}

@Test func quotationFromTheAbstractDropsTheLocator() {
  checkDiagnostics("""
    -- notes/a.md --
    “海洋领域的合作及其局限”[@张三2021, ¶1]<!--@diag("¶1", quote-in-other-paragraph)-->
    """)
  checkFix("""
    -- notes/a.md --
    “海洋领域的合作及其局限”[@张三2021, ¶1]
    """, rule: .quoteInOtherParagraph, titleContaining: "Remove", expect: "“海洋领域的合作及其局限”[@张三2021]")
}
