//! One fixture per rule and per fix, as inline `@diag` annotations over the sample corpus.
import Testing
@testable import Corpus

@Test func cleanNoteHasNoFindings() {
  checkDiagnostics("""
    -- notes/a.md --
    日本与[[东盟]]的对话“逐年增多”[@张三2021, ¶1]。[[Quad]] matters [@Smith2020, ¶1].
    @张三2021 argues that “政府开发援助……主要手段”[@张三2021, §二（二）].
    See [@张三2021, fn. 1; @Smith2020, l. 5-7] and [@张三2021, §二].
    """)
}

@Test func unknownCitationKey() {
  checkDiagnostics("""
    -- notes/a.md --
    见 [@张三2022, ¶1]。<!--@diag("张三2022", unknown-citation-key)-->
    As @smith2020 says. <!--@diag("smith2020", unknown-citation-key)-->
    如@张三2021所述。<!--@diag("张三2021所述", unknown-citation-key)-->
    """)
}

@Test func unknownKeyFixes() {
  checkFix("""
    -- notes/a.md --
    见 [@张三2022, ¶1]。
    """, rule: .unknownCitationKey, titleContaining: "张三2021", expect: "见 [@张三2021, ¶1]。")
  checkFix("""
    -- notes/a.md --
    如@张三2021所述。
    """, rule: .unknownCitationKey, titleContaining: "@{", expect: "如@{张三2021}所述。")
}

@Test func invalidLocator() {
  checkDiagnostics("""
    -- notes/a.md --
    见 [@张三2021, ¶5-2]。<!--@diag("¶5-2", invalid-locator)-->
    见 [@张三2021, §]。<!--@diag("§", invalid-locator)-->
    """)
}

@Test func locatorOutOfRange() {
  checkDiagnostics("""
    -- notes/a.md --
    见 [@张三2021, ¶99]。<!--@diag("¶99", locator-out-of-range)-->
    见 [@张三2021, §五]、[@张三2021, §二（三）]。<!--@diag("§五", locator-out-of-range)--><!--@diag("§二（三）", locator-out-of-range)-->
    见 [@张三2021, fn. 3] 与 [@Smith2020, l. 40-41]。<!--@diag("fn. 3", locator-out-of-range)--><!--@diag("l. 40-41", locator-out-of-range)-->
    """)
}

@Test func locatorOutOfRangeFixMovesToTheQuotation() {
  checkFix("""
    -- notes/a.md --
    “主要手段”[@张三2021, ¶40]
    """, rule: .locatorOutOfRange, titleContaining: "¶4", expect: "“主要手段”[@张三2021, ¶4]")
}

@Test func quoteNotInSource() {
  checkDiagnostics("""
    -- notes/a.md --
    “日本从未参与”[@张三2021, ¶2]<!--@diag("日本从未参与", quote-not-in-source)-->
    > Japan and Australia coordinate drills
    > in the South China Sea. [@Smith2020, ¶2]<!--@diag("Japan and Australia coordinate drills\\n> in the South China Sea.", quote-not-in-source)-->
    “讨论经济……安全合作”[@张三2021, ¶3]<!--@diag("讨论经济……安全合作", quote-not-in-source)-->
    """)
}

@Test func quoteNotInSourceFixReplacesWithSourceText() {
  checkFix("""
    -- notes/a.md --
    他们说“日本—东盟首脑会议每年举办一次”[@张三2021, ¶3]。
    """, rule: .quoteNotInSource, titleContaining: "Replace",
    expect: "他们说“日本—东盟首脑会议每年举行一次”[@张三2021, ¶3]。")
}

@Test func quoteInOtherDocument() {
  checkDiagnostics("""
    -- notes/a.md --
    "coordinate patrols" [@张三2021, ¶1]<!--@diag("coordinate patrols", quote-in-other-document)-->
    """)
  checkFix("""
    -- notes/a.md --
    "coordinate patrols" [@张三2021, ¶1]
    """, rule: .quoteInOtherDocument, titleContaining: "Smith2020", expect: "\"coordinate patrols\" [@Smith2020, ¶2]")
}

@Test func quoteInOtherParagraph() {
  checkDiagnostics("""
    -- notes/a.md --
    “首脑会议”[@张三2021, ¶1]<!--@diag("¶1", quote-in-other-paragraph)-->
    “首脑会议”[@张三2021, §一]<!--@diag("§一", quote-in-other-paragraph)-->
    “首脑会议”[@张三2021, §二]
    """)
  checkFix("""
    -- notes/a.md --
    “首脑会议”[@张三2021, ¶1]
    """, rule: .quoteInOtherParagraph, titleContaining: "¶3", expect: "“首脑会议”[@张三2021, ¶3]")
}

@Test func unknownEntityLink() {
  checkDiagnostics("""
    -- notes/a.md --
    [[东盟盟]] 与 [[Japn]] 以及 [[东盟|the bloc]]。<!--@diag("东盟盟", unknown-entity-link)--><!--@diag("Japn", unknown-entity-link)-->
    """)
  checkFix("""
    -- notes/a.md --
    [[Japn]]
    """, rule: .unknownEntityLink, titleContaining: "Change to 'Japan'", expect: "[[Japan]]")
}

@Test func addToLexiconCreatesOrExtendsIt() {
  checkFix("""
    -- notes/a.md --
    [[澜湄青年论坛]]
    """, rule: .unknownEntityLink, titleContaining: "as a mechanism", expect: """
    {
      "entities": [
        {"id": "澜湄青年论坛", "kind": "mechanism", "name": "澜湄青年论坛", "aliases": ["澜湄青年论坛"]}
      ]
    }

    """)
  checkFix("""
    -- notes/a.md --
    [[Mekong Youth Forum]]
    -- lexicon.json --
    {"entities": [{"id": "x", "kind": "actor", "name": "X"}]}
    """, rule: .unknownEntityLink, titleContaining: "as an actor", expect: """
    {"entities": [{"id": "x", "kind": "actor", "name": "X"},
        {"id": "mekong-youth-forum", "kind": "actor", "name": "Mekong Youth Forum", "aliases": ["Mekong Youth Forum"]}]}
    """)
}

@Test func entityNotInCitedPassage() {
  checkDiagnostics("""
    -- notes/a.md --
    [[澳大利亚]]也参与了对话 [@张三2021, ¶1]。<!--@diag("[[澳大利亚]]", entity-not-in-cited-passage)-->
    [[东盟]]与[[日本]]的合作 [@张三2021, ¶1]。[[澳大利亚]]另当别论。
    [[Australia]] patrols [@Smith2020, ¶2], and so does [[Quad]] [@Smith2020, ¶1].
    [[美国]]未被提及 [@张三2021]。
    """)
}

@Test func syntaxProblems() {
  checkDiagnostics("""
    -- notes/a.md --
    见 [@张三2021, ¶1 未闭合<!--@diag("[@张三2021, ¶1 未闭合", unbalanced-bracket)-->

    [[东盟 未闭合<!--@diag("[[", unbalanced-bracket)-->
    空引用 [@] 与 [[ ]]。<!--@diag("@", empty-reference)--><!--@diag("[[ ]]", empty-reference)-->
    """)
}

@Test func codeAndCommentsAreNeverChecked() {
  checkDiagnostics("""
    -- notes/a.md --
    `[@nobody]` <!-- [[nothing]] --> mail me@nobody.org, see [x](https://x.org/@nobody).
    ```
    “假的引文”[@nobody, ¶1]
    ```
    """)
}
