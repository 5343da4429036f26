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

@Test func anUnclosedCitationIsClosedAfterWhatReadsAsOne() {
  // The note's line, and the line the fix leaves.
  let cases: [(String, String)] = [
    ("见 [@张三2021, ¶1 这一点很重要。", "见 [@张三2021, ¶1] 这一点很重要。"),
    ("见[@张三2021，这一点很重要。", "见[@张三2021]，这一点很重要。"),
    // Every item of a group; an author suppressed.
    ("见 [@张三2021; @Smith2020, ¶3，这一点。", "见 [@张三2021; @Smith2020, ¶3]，这一点。"),
    ("见 [-@张三2021，后文。", "见 [-@张三2021]，后文。"),
    // With a prefix before the first key.
    ("见 [see @张三2021, ¶3，后文。", "见 [see @张三2021, ¶3]，后文。"),
    ("见 [参见@张三2021，后文。", "见 [参见@张三2021]，后文。"),
  ]
  for (line, fixed) in cases {
    checkFix("-- notes/a.md --\n" + line, rule: .unbalancedBracket, titleContaining: "Close", expect: fixed)
  }
  // A bracket of prose with an e-mail address far in is no citation.
  checkDiagnostics("-- notes/a.md --\n[这是一段很长的说明文字，联系 someone@example.org 获取。\n\n[contact a@b.org today")
}

@Test func aBlankCitationItemIsFlaggedAndTheRestIsChecked() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, ¶1; ]。<!--@diag(";", empty-reference)-->
    见 [@张三2022; ]。<!--@diag("张三2022", unknown-citation-key)--><!--@diag(";", empty-reference)-->
    Not citations: [a; ], [; ].
    """)
  checkFix(
    """
    -- notes/a.md --
    见 [@张三2021, ¶1; ]。
    """, rule: .emptyReference, titleContaining: "';'", expect: "见 [@张三2021, ¶1]。")
  // The blank removed with the ';' may be full-width spaces and tabs too.
  checkFix(
    """
    -- notes/a.md --
    见 [@张三2021, ¶1;\u{3000}\t ]。
    """, rule: .emptyReference, titleContaining: "';'", expect: "见 [@张三2021, ¶1]。")
}

@Test func citationsInFullWidthPunctuationAreReadAsMeantAndFlagged() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 【@张三2021，¶9】。<!--@diag("【@张三2021，¶9】", full-width-citation-mark)--><!--@diag("¶9", locator-out-of-range)-->
    见 ［@张三2021, ¶1］。<!--@diag("［@张三2021, ¶1］", full-width-citation-mark)-->
    见 [@张三2021；@Smith2020, ¶9]。<!--@diag("；", full-width-citation-mark)--><!--@diag("¶9", locator-out-of-range)-->
    见 [@张三2021, p. 3；强调为引者所加]，【注】与［附录］不是引用。
    见【@张三2021，¶2。接着【注】说明。
    """)
  checkFix(
    "-- notes/a.md --\n见 【@张三2021，¶1】。", rule: .fullWidthCitationMark, titleContaining: "[ and ]",
    expect: "见 [@张三2021，¶1]。")
  checkFix(
    "-- notes/a.md --\n见 [@张三2021；　@Smith2020, ¶2]。", rule: .fullWidthCitationMark, titleContaining: "';'",
    expect: "见 [@张三2021; @Smith2020, ¶2]。")
}

@Test func aKeyWithoutAtInFullWidthBracketsIsFlagged() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 【张三2021，¶2】。<!--@diag("【张三2021，¶2】", citation-without-at)-->
    """)
}

@Test func aQuotationSplitByABlankLineIsCheckedAndFlagged() {
  checkDiagnostics(
    """
    -- notes/a.md --
    他们说“日本—东盟首脑会议每年举行一次，讨论经济<!--@diag("\\n\\n", split-quotation)-->

    与安全问题”[@张三2021, ¶3]。<!--@diag("日本—东盟首脑会议每年举行一次，讨论经济\\n\\n与安全问题", quote-not-in-source)-->
    """)
  checkFix(
    "-- notes/a.md --\n他们说“日本—东盟首脑会议每年举行一次，讨论经济\n\n与安全议题”[@张三2021, ¶3]。",
    rule: .splitQuotation, titleContaining: "Join",
    expect: "他们说“日本—东盟首脑会议每年举行一次，讨论经济\n与安全议题”[@张三2021, ¶3]。")
  checkFix(
    "-- notes/a.md --\n他们说“日本—东盟首脑会议每年举行一次，讨论经济\r\n\r\n与安全议题”[@张三2021, ¶3]。",
    rule: .splitQuotation, titleContaining: "Join",
    expect: "他们说“日本—东盟首脑会议每年举行一次，讨论经济\r\n与安全议题”[@张三2021, ¶3]。")
}
