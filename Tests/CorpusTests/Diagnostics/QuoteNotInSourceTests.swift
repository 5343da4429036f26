//! Rule quote-not-in-source and its replace fix.
import Testing

@testable import Corpus

@Test func quoteNotInSource() {
  checkDiagnostics(
    """
    -- notes/a.md --
    “日本从未参与”[@张三2021, ¶2]<!--@diag("日本从未参与", quote-not-in-source)-->
    > Japan and Australia coordinate drills
    > in the South China Sea. [@Smith2020, ¶2]<!--@diag("Japan and Australia coordinate drills\\n> in the South China Sea.", quote-not-in-source)-->
    “讨论经济……安全合作”[@张三2021, ¶3]<!--@diag("讨论经济……安全合作", quote-not-in-source)-->
    """)
}

@Test func quoteNotInSourceFixReplacesWithSourceText() {
  checkFix(
    """
    -- notes/a.md --
    他们说“日本—东盟首脑会议每年举办一次”[@张三2021, ¶3]。
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "他们说“日本—东盟首脑会议每年举行一次”[@张三2021, ¶3]。")
}

@Test func replacementFromAnotherDocumentAlsoCitesIt() {
  checkFix(
    """
    -- notes/a.md --
    "Japan and Australia coordinate patrol in the South China Sea" [@张三2021, ¶1]
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "\"Japan and Australia coordinate patrols in the South China Sea\" [@Smith2020, ¶2]")
}
