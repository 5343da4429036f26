//! Rule invalid-locator.
import Testing

@testable import Corpus

@Test func invalidLocator() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, ¶5-2]。<!--@diag("¶5-2", invalid-locator)-->
    见 [@张三2021, §]。<!--@diag("§", invalid-locator)-->
    """)
}

@Test func backwardsRangeIsSwapped() {
  checkFix("""
    -- notes/a.md --
    见 [@张三2021, ¶5-2]。
    """, rule: .invalidLocator, titleContaining: "2-5", expect: "见 [@张三2021, ¶2-5]。")
}
