//! Rule locator-out-of-range and its fix.
import Testing

@testable import Corpus

@Test func locatorOutOfRange() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, ¶99]。<!--@diag("¶99", locator-out-of-range)-->
    见 [@张三2021, §五]、[@张三2021, §二（三）]。<!--@diag("§五", locator-out-of-range)--><!--@diag("§二（三）", locator-out-of-range)-->
    见 [@张三2021, fn. 3] 与 [@Smith2020, l. 40-41]。<!--@diag("fn. 3", locator-out-of-range)--><!--@diag("l. 40-41", locator-out-of-range)-->
    """)
}

@Test func locatorOutOfRangeFixMovesToTheQuotation() {
  checkFix(
    """
    -- notes/a.md --
    “主要手段”[@张三2021, ¶40]
    """, rule: .locatorOutOfRange, titleContaining: "¶4", expect: "“主要手段”[@张三2021, ¶4]")
}

@Test func withoutAQuotationTheFixesOfferTheNearestLocators() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, ¶99]。<!--@diag("¶99", locator-out-of-range)-->
    """)
  #expect(!(findings.first?.suggestions.isEmpty ?? true), "\(findings)")
  #expect(findings.first?.fixes.map(\.title) == findings.first?.suggestions.map { "Change the locator to \($0)" })
  #expect(findings.first?.fixes.allSatisfy { !$0.isPreferred } == true, "a guess is never applied unasked")
  checkFix(
    "-- notes/a.md --\n见 [@张三2021, ¶99]。", rule: .locatorOutOfRange, titleContaining: "¶5",
    expect: "见 [@张三2021, ¶5]。")
}

@Test func sectionNumbersMatchByValueAcrossScripts() {
  checkDiagnostics(
    """
    -- notes/a.md --
    见 [@张三2021, §2]、[@张三2021, §2(2)]、[@张三2021, §二（2）] 与 [@Smith2020, §一]。
    见 [@张三2021, §5]、[@张三2021, §2(3)]。<!--@diag("§5", locator-out-of-range)--><!--@diag("§2(3)", locator-out-of-range)-->
    """)
}
