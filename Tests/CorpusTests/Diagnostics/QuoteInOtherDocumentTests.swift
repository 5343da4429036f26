//! Rule quote-in-other-document and its fix.
import Testing

@testable import Corpus

@Test func quoteInOtherDocument() {
  checkDiagnostics(
    """
    -- notes/a.md --
    "coordinate patrols" [@张三2021, ¶1]<!--@diag("coordinate patrols", quote-in-other-document)-->
    """)
  checkFix(
    """
    -- notes/a.md --
    "coordinate patrols" [@张三2021, ¶1]
    """, rule: .quoteInOtherDocument, titleContaining: "Smith2020", expect: "\"coordinate patrols\" [@Smith2020, ¶2]")
}
