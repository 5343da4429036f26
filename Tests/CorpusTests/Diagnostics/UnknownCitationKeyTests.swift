//! Rule unknown-citation-key and its fixes.
import Testing

@testable import Corpus

@Test func unknownCitationKey() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2022, ¶1]。<!--@diag("张三2022", unknown-citation-key)-->
    As @smith2020 says. <!--@diag("smith2020", unknown-citation-key)-->
    如@张三2021所述。<!--@diag("张三2021所述", unknown-citation-key)-->
    """)
}

@Test func unknownKeyFixes() {
  checkFix(
    """
    -- notes/a.md --
    见 [@张三2022, ¶1]。
    """, rule: .unknownCitationKey, titleContaining: "张三2021", expect: "见 [@张三2021, ¶1]。")
  checkFix(
    """
    -- notes/a.md --
    如@张三2021所述。
    """, rule: .unknownCitationKey, titleContaining: "@{", expect: "如@{张三2021}所述。")
}
