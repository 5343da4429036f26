//! Rule entity-not-in-cited-passage.
import Testing

@testable import Corpus

@Test func entityNotInCitedPassage() {
  checkDiagnostics(
    """
    -- notes/a.md --
    [[澳大利亚]]也参与了对话 [@张三2021, ¶1]。<!--@diag("[[澳大利亚]]", entity-not-in-cited-passage)-->
    [[东盟]]与[[日本]]的合作 [@张三2021, ¶1]。[[澳大利亚]]另当别论。
    [[Australia]] patrols [@Smith2020, ¶2], and so does [[Quad]] [@Smith2020, ¶1].
    [[美国]]未被提及 [@张三2021]。
    """)
}
