//! Rules unbalanced-bracket and empty-reference.
import Testing

@testable import Corpus

@Test func syntaxProblems() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, ¶1 未闭合<!--@diag("[@张三2021, ¶1 未闭合", unbalanced-bracket)-->

    [[东盟 未闭合<!--@diag("[[", unbalanced-bracket)-->
    空引用 [@] 与 [[ ]]。<!--@diag("@", empty-reference)--><!--@diag("[[ ]]", empty-reference)-->
    """)
}
