//! Rule citation-without-at and its fix.
import Testing

@testable import Corpus

@Test func citationWithoutAt() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [张三2021, ¶1]。<!--@diag("[张三2021, ¶1]", citation-without-at)-->
    See [Smith2020; 张三2021]. <!--@diag("[Smith2020; 张三2021]", citation-without-at)-->
    全角 [张三2021，¶1；Smith2020]。<!--@diag("[张三2021，¶1；Smith2020]", citation-without-at)-->
    Not keys: [see above], [ ], [x] task, [2021], [张三2022].
    Links: [张三2021](https://example.org), [张三2021][ref], ![张三2021](a.png), [^张三2021].
    Citations: [@张三2021, ¶1], [[东盟]] and `[张三2021]` in code.
    [张三2021]: https://example.org
    """)
}

@Test func citationWithoutAtFixInsertsTheAt() {
  checkFix(
    """
    -- notes/a.md --
    见 [张三2021, ¶1]。
    """, rule: .citationWithoutAt, titleContaining: "@", expect: "见 [@张三2021, ¶1]。")
  checkFix(
    """
    -- notes/a.md --
    See [Smith2020; 张三2021, ¶1].
    """, rule: .citationWithoutAt, titleContaining: "each", expect: "See [@Smith2020; @张三2021, ¶1].")
}
