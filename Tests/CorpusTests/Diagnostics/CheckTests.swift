//! Checker over whole notes: a clean note, and text that is never checked.
import Testing

@testable import Corpus

@Test func cleanNoteHasNoFindings() {
  checkDiagnostics(
    """
    -- notes/a.md --
    日本与[[东盟]]的对话“逐年增多”[@张三2021, ¶1]。[[Quad]] matters [@Smith2020, ¶1].
    @张三2021 argues that “政府开发援助……主要手段”[@张三2021, §二（二）].
    See [@张三2021, fn. 1; @Smith2020, l. 5-7] and [@张三2021, §二].
    """)
}

@Test func codeAndCommentsAreNeverChecked() {
  checkDiagnostics(
    """
    -- notes/a.md --
    `[@nobody]` <!-- [[nothing]] --> mail me@nobody.org, see [x](https://x.org/@nobody).
    ```
    “假的引文”[@nobody, ¶1]
    ```
    """)
}

@Test func cacheReturnsTheSameFindingsAndRechecksChangedText() {
  let index = buildIndex(Fixture(sampleCorpus))
  let cache = CheckCache()
  let context = CheckContext(notePath: "notes/a.md")
  let first = cache.findings(text: "见 [@张三2022]。", index: index, context: context)
  #expect(first.map(\.rule) == [.unknownCitationKey])
  #expect(cache.findings(text: "见 [@张三2022]。", index: index, context: context) == first)
  #expect(cache.findings(text: "见 [@张三2021]。", index: index, context: context).isEmpty)
  cache.remove(notePath: "notes/a.md")
}
