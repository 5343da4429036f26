//! Rule invalid-locator.
import Testing

@testable import Corpus

@Test func invalidLocator() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, ¶5-2]。<!--@diag("¶5-2", invalid-locator)-->
    见 [@张三2021, §]。<!--@diag("§", invalid-locator)-->
    见 [@张三2021, ¶abc]。<!--@diag("¶abc", invalid-locator)-->
    见 [@张三2021, fn. ③; @Smith2020]。<!--@diag("fn. ③", invalid-locator)-->
    见 [@张三2021, §x 前言]。<!--@diag("§x", invalid-locator)-->
    """)
}

@Test func theMessageQuotesTheWholeUnreadableLocator() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, ¶abc]。<!--@diag("¶abc", invalid-locator)-->
    """)
  #expect(findings.map(\.message) == ["The locator '¶abc' cannot be read: expected a paragraph number such as ¶12."])
}

@Test func backwardsRangeIsSwapped() {
  checkFix("""
    -- notes/a.md --
    见 [@张三2021, ¶5-2]。
    """, rule: .invalidLocator, titleContaining: "2-5", expect: "见 [@张三2021, ¶2-5]。")
}
