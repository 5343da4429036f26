//! Semantic tokens, inlay hints, document links and folding of notes.
import Testing
@testable import Corpus

private func checkTokens(_ fixture: String, expect expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
  let workspace = FeatureWorkspace(fixture)
  let note = workspace.note().syntax
  let tokens = SemanticTokens.note(index: workspace.index, note: note).map { token -> String in
    let modifiers = SemanticTokens.tokenModifiers.enumerated().filter { token.modifiers & (1 << $0.offset) != 0 }.map(\.element)
    return "\(SemanticTokens.tokenTypes[token.type]) \(note.text.slice(token.range))" + modifiers.map { " +\($0)" }.joined()
  }
  #expect(tokens == expected, sourceLocation: sourceLocation)
}

@Test func semanticTokensForCitationsActorsAndMechanisms() {
  checkTokens(
    "-- notes/a.md --\n𠀀 [@张三2021, ¶3] 与 [@无此人] 谈 [[东盟]]{CRLF}\n日本 `美国`",
    expect: [
      "citation 张三2021", "locator ¶3", "citation 无此人 +unresolved", "actor 东盟 +link", "actor 日本",
    ])
}

@Test func inlayHintsShowShortTitlesAfterKeys() {
  let workspace = FeatureWorkspace("-- notes/a.md --\n[@张三2021, ¶3; @无此人]")
  let note = workspace.note().syntax
  let hints = InlayHints.note(index: workspace.index, note: note)
  #expect(hints.map(\.label) == ["东盟与日本的海洋合作"])
  #expect(hints.first.map { note.text.slice(TextRange(start: .zero, end: $0.position)) } == "[@张三2021")
}

@Test func documentLinksPointAtTheCitedLine() {
  let workspace = FeatureWorkspace("-- notes/a.md --\n[@张三2021, ¶3] [@Smith2020]")
  let links = DocumentLinks.note(index: workspace.index, note: workspace.note().syntax)
  #expect(links.map { "\($0.target):\($0.line)" } == ["corpus/张三2021.txt:29", "corpus/Smith2020.txt:5"])
}

@Test func foldingHeadingsQuotesAndFences() {
  let text = "# A\r\ntext\r\n> q1\r\n> q2\r\n## B\r\n```\r\ncode\r\n```\r\n# C\r\nend"
  let regions = Folding.note(NoteParser.parse(text)).map { "\($0.startLine)-\($0.endLine)" }
  #expect(regions == ["0-7", "2-3", "4-7", "5-7", "8-9"], "\(regions)")
}

@Test func foldingSetextHeadingsAsTheOutlineReadsThem() {
  let text = "Title\n=====\ntext\n\nPart\n----\nmore\n```\n# not a heading\n```\n"
  let regions = Folding.note(NoteParser.parse(text)).map { "\($0.startLine)-\($0.endLine)" }
  #expect(regions == ["0-9", "4-9", "7-9"], "\(regions)")
}
