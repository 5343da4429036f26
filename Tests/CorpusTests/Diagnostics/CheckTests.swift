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

@Test func checkerIsTotalAndEveryFixApplies() {
  let index = buildIndex(Fixture(sampleCorpus))
  let pieces = [
    "[@张三2021, ¶3]", "[@张三2022, ¶1]", "[@Smith2020, §1]", "[@张三2021, ¶99]", "“首脑会议”", "“日本从未参与”", "\"Quad\" ",
    "[[东盟]]", "[[东盟盟]]", "[[", "]]", "[", "]", "@张三2021", "……", "。", "\n", "\n\n", "> ", "`", "<!--", "-->", "¶",
    "§二（一）", ", fn. 2", "𠀀", "👍🏽", "e\u{301}", "\r\n", "; ", "@", "|",
  ]
  var generator = SystemRandomNumberGenerator()
  for _ in 0..<200 {
    let count = Int.random(in: 1..<16, using: &generator)
    let note = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    let findings = Checker.check(text: note, index: index, context: CheckContext(notePath: "n.md"))
    for finding in findings {
      #expect(finding.range.end.utf8Offset <= note.utf8.count, "\(note)")
      for fix in finding.fixes where fix.edits.allSatisfy({ $0.file == "n.md" }) {
        #expect(fix.applied(to: note, file: "n.md") != nil, "\(fix.title) on \(note)")
      }
    }
  }
}
