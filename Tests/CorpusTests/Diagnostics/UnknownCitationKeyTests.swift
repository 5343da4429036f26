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

@Test func anUnknownKeyFarFromEveryKeyStillListsTheNearest() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    见 [@王小五2021]。<!--@diag("王小五2021", unknown-citation-key)-->
    """)
  let finding = findings.first
  #expect(finding?.suggestions.first == "张三2021", "same year first: \(String(describing: finding))")
  #expect(finding?.suggestions.count == 2)
  #expect(finding?.message.contains("The nearest keys are '张三2021', 'Smith2020'.") == true)
  #expect(finding?.fixes.contains { $0.isPreferred } == false)
}

@Test func aKeyTwoPapersShareNamesBothLetteredKeys() {
  let findings = checkDiagnostics(
    """
    -- corpus/a.txt --
    区域合作研究

    李华

    《国际观察》2019年第1期

    正文内容。
    -- corpus/b.txt --
    另一篇文章

    李华

    《国际观察》2019年第3期

    正文。
    -- notes/a.md --
    见 [@李华2019]。<!--@diag("李华2019", unknown-citation-key)-->
    """)
  #expect(findings.first?.message.contains("cite one of '李华2019a', '李华2019b'") == true, "\(findings)")
  #expect(findings.first?.fixes.map(\.title).contains("Change the key to '李华2019b'") == true)
}
