//! Completion: documents, locators and entities, with replace ranges over CJK, astral and CRLF text.
import Testing
@testable import Corpus

/// Completes at 1️⃣ and checks that `labels` come first in that order (or, with `contains`, that they are among
/// the items); `choosing` applies the item with that label and compares the note.
private func checkCompletion(
  _ fixture: String, labels: [String]? = nil, contains: [String] = [], excludes: [String] = [],
  choosing: String? = nil, expect expected: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  let workspace = FeatureWorkspace(fixture)
  let note = workspace.note()
  let result = Completion.complete(index: workspace.index, note: note.syntax, at: workspace.offset())
  let actual = result.entries.map(\.label)
  if let labels {
    #expect(Array(actual.prefix(labels.count)) == labels, "items: \(actual.prefix(20))", sourceLocation: sourceLocation)
  }
  for label in contains { #expect(actual.contains(label), "\(label) missing from \(actual.prefix(30))", sourceLocation: sourceLocation) }
  for label in excludes { #expect(!actual.contains(label), "\(label) unexpected in \(actual.prefix(30))", sourceLocation: sourceLocation) }
  if let choosing, let expected {
    guard let entry = result.entries.first(where: { $0.label == choosing }) else {
      Issue.record("no item \(choosing) in \(actual.prefix(30))", sourceLocation: sourceLocation)
      return
    }
    expectEqualText(applying([(entry.replaceRange, entry.newText)], to: note.syntax.text), expected, sourceLocation: sourceLocation)
  }
}

@Test func keysAfterBracketAt() {
  checkCompletion("-- notes/a.md --\n见 [@1️⃣]。", contains: ["张三2021", "Smith2020"])
}

@Test func keysFilteredByChineseAuthorPrefix() {
  checkCompletion("-- notes/a.md --\n见 [@张1️⃣]。", labels: ["张三2021"], excludes: ["Smith2020"],
                  choosing: "张三2021", expect: "见 [@张三2021]。")
}

@Test func keysFilteredByTitleWords() {
  checkCompletion("-- notes/a.md --\n见 [@海洋合作1️⃣]", labels: ["张三2021"], excludes: ["Smith2020"])
}

@Test func keyReplaceRangeCoversTheWholeTypedKey() {
  checkCompletion("-- notes/a.md --\n见 [@Smi1️⃣th19, ¶2]。", choosing: "Smith2020", expect: "见 [@Smith2020, ¶2]。")
}

@Test func aKeyCompletionKeepsTheProseAfterAnUnclosedCitation() {
  checkCompletion("-- notes/a.md --\n见[@张1️⃣，这一点很重要。", choosing: "张三2021", expect: "见[@张三2021，这一点很重要。")
  // Prose glued to the key: the rest of a key is replaced, not the prose.
  checkCompletion("-- notes/a.md --\n见[@张1️⃣三2021这一点很重要。", choosing: "张三2021", expect: "见[@张三2021这一点很重要。")
  checkCompletion("-- notes/a.md --\n见[@张1️⃣这一点很重要。", choosing: "张三2021", expect: "见[@张三2021这一点很重要。")
}

@Test func bareCitationKeysButNotEmailAddresses() {
  checkCompletion("-- notes/a.md --\n正如 @张1️⃣ 所说", labels: ["张三2021"])
  checkCompletion("-- notes/a.md --\nmail a@b1️⃣", labels: [])
}

@Test func keysAfterSemicolonInAGroup() {
  checkCompletion("-- notes/a.md --\n[@张三2021, ¶1; @Sm1️⃣]", choosing: "Smith2020", expect: "[@张三2021, ¶1; @Smith2020]")
}

@Test func locatorsAfterTheComma() {
  checkCompletion(
    "-- notes/a.md --\n见 [@张三2021, 1️⃣]", labels: ["§一", "§二", "§二（一）", "§二（二）", "¶1"], contains: ["¶5", "fn. 2"])
}

@Test func locatorsFilteredByTypedPrefixAndReplaced() {
  checkCompletion("-- notes/a.md --\n见 [@张三2021, ¶1️⃣]。", contains: ["¶3"], excludes: ["§一", "fn. 1"],
                  choosing: "¶3", expect: "见 [@张三2021, ¶3]。")
  checkCompletion("-- notes/a.md --\n见 [@张三2021, fn1️⃣]", labels: ["fn. 1", "fn. 2"])
}

@Test func aLocatorCompletionReplacesTheLocatorAndNothingAfterIt() {
  // No `]` typed yet: the prose after the locator stays.
  checkCompletion("-- notes/a.md --\n见[@张三2021, ¶11️⃣，这一点很重要。", choosing: "¶1",
                  expect: "见[@张三2021, ¶1，这一点很重要。")
  checkCompletion("-- notes/a.md --\n见[@张三2021, §1️⃣二 and then more prose.", choosing: "§二",
                  expect: "见[@张三2021, §二 and then more prose.")
  checkCompletion("-- notes/a.md --\n见[@张三2021, ¶1️⃣", choosing: "¶3", expect: "见[@张三2021, ¶3")
  // A suffix after the locator stays; a whole locator typed over is replaced.
  checkCompletion("-- notes/a.md --\n[@张三2021, ¶1️⃣4, 强调为引者所加]", choosing: "¶3",
                  expect: "[@张三2021, ¶3, 强调为引者所加]")
  checkCompletion("-- notes/a.md --\n[@张三2021, §二（1️⃣一）]", choosing: "§二（二）", expect: "[@张三2021, §二（二）]")
  // Nothing typed yet, or a label glued to prose: only what was typed is replaced.
  checkCompletion("-- notes/a.md --\n这一点 [@张三2021, 1️⃣这一点很重要。", choosing: "¶3", expect: "这一点 [@张三2021, ¶3这一点很重要。")
  checkCompletion("-- notes/a.md --\n[@张三2021, ¶1️⃣这一点很重要。", choosing: "¶3", expect: "[@张三2021, ¶3这一点很重要。")
  checkCompletion("-- notes/a.md --\n[@张三2021, fn.1️⃣ this matters.", choosing: "fn. 2", expect: "[@张三2021, fn. 2 this matters.")
  checkCompletion("-- notes/a.md --\n[@张三2021, 1️⃣这一点很重要]", choosing: "¶3", expect: "[@张三2021, ¶3这一点很重要]")
  // Typed with a Chinese input method.
  checkCompletion("-- notes/a.md --\n[@张三2021，¶１1️⃣，这一点", choosing: "¶1", expect: "[@张三2021，¶1，这一点")
  checkCompletion("-- notes/a.md --\n[@张三2021, ¶１1️⃣", contains: ["¶1"])
  // The editor filters by what was typed: the items carry the full-width form.
  let workspace = FeatureWorkspace("-- notes/a.md --\n[@张三2021, ¶１1️⃣")
  let entries = Completion.complete(index: workspace.index, note: workspace.note().syntax, at: workspace.offset()).entries
  #expect(entries.first { $0.label == "¶1" }?.filterText.contains("¶１") == true)
}

@Test func locatorsOfAnUnknownKeyAreNothing() {
  checkCompletion("-- notes/a.md --\n见 [@无此人1999, 1️⃣]", labels: [])
}

@Test func entitiesAfterDoubleBracketRankedByFrequency() {
  let workspace = FeatureWorkspace("-- notes/a.md --\n[[1️⃣")
  let result = Completion.complete(index: workspace.index, text: workspace.note().syntax.text, at: workspace.offset())
  let counts = result.entries.filter { $0.detail.hasSuffix("mentions") || $0.detail.contains("mention") }
    .map { workspace.index.mentionCount(of: workspace.index.entity(withId: entityID($0.data)) ?? -1) }
  #expect(!result.entries.isEmpty)
  #expect(counts == counts.sorted(by: >), "curated entities by descending frequency: \(counts.prefix(20))")
  #expect(result.entries.count <= Completion.defaultLimit)
}

private func entityID(_ data: CompletionData) -> String {
  if case .entity(let id) = data { return id }
  return ""
}

@Test func entitiesFilteredByChineseOrEnglishAliasAndClosed() {
  checkCompletion("-- notes/a.md --\n东南亚 [[东1️⃣ 之间", contains: ["东盟"], choosing: "东盟", expect: "东南亚 [[东盟]] 之间")
  checkCompletion("-- notes/a.md --\n[[ase1️⃣]]", contains: ["ASEAN"], choosing: "ASEAN", expect: "[[ASEAN]]")
}

@Test func entitiesWhoseNameStartsWithTheTypedTextComeFirst() {
  // 中国 (China) is mentioned, NATO is not; but NATO starts with NA, and China only holds it.
  let workspace = FeatureWorkspace("-- notes/a.md --\n[[NA1️⃣")
  let labels = Completion.complete(index: workspace.index, note: workspace.note().syntax, at: workspace.offset())
    .entries.map(\.label)
  let nato = try? #require(labels.firstIndex(of: "NATO"))
  let china = labels.firstIndex(of: "中国") ?? labels.firstIndex(of: "China") ?? labels.count
  #expect((nato ?? .max) < china, "\(labels.prefix(20))")
}

@Test func completionKeepsAstralAndCRLFTextIntact() {
  checkCompletion(
    "-- notes/a.md --\n𠀀👍🏽 第一行{CRLF}\n见 [@张1️⃣]{CRLF}\n末行",
    choosing: "张三2021", expect: "𠀀👍🏽 第一行\r\n见 [@张三2021]\r\n末行")
}

@Test func resolveDescribesTheDocumentAndTheParagraph() {
  let workspace = FeatureWorkspace("-- notes/a.md --\nx")
  let paper = Completion.documentation(for: .document(key: "张三2021"), index: workspace.index) ?? ""
  #expect(paper.contains("东盟与日本的海洋合作") && paper.contains("张三") && paper.contains("2021"), "\(paper)")
  let paragraph = Completion.documentation(for: .passage(key: "张三2021", locator: "¶3"), index: workspace.index) ?? ""
  #expect(paragraph.contains("日本—东盟首脑会议"), "\(paragraph)")
  let section = Completion.documentation(for: .section(key: "张三2021", path: "二（一）"), index: workspace.index) ?? ""
  #expect(section.contains("对话平台"), "\(section)")
  #expect(CompletionData(strings: CompletionData.passage(key: "k", locator: "¶3").strings) == .passage(key: "k", locator: "¶3"))
}

@Test func overTheCapTheListIsIncomplete() {
  let workspace = FeatureWorkspace("-- notes/a.md --\n[@1️⃣")
  let result = Completion.complete(index: workspace.index, text: workspace.note().syntax.text, at: workspace.offset(), limit: 1)
  #expect(result.entries.count == 1 && result.isIncomplete)
  let all = Completion.complete(index: workspace.index, text: workspace.note().syntax.text, at: workspace.offset())
  #expect(all.entries.count == 2 && !all.isIncomplete)
}

@Test func nothingToCompleteInPlainProse() {
  checkCompletion("-- notes/a.md --\n普通 1️⃣文字", labels: [])
  checkCompletion("-- notes/a.md --\n[链接](http://x) 1️⃣", labels: [])
}

@Test func nothingToCompleteInCode() {
  checkCompletion("-- notes/a.md --\n```\n[@张1️⃣\n```", labels: [])
  checkCompletion("-- notes/a.md --\n`[[东1️⃣` 外", labels: [])
}
