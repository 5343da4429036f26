//! Rename a citation key or an entity alias across notes; the edits applied give the expected notes.
import Testing
@testable import Corpus

private func checkRename(
  _ fixture: String, to newName: String, expect expected: [String: String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let workspace = FeatureWorkspace(fixture)
  guard let edits = Rename.edits(index: workspace.index, notes: workspace.notes, current: workspace.note(),
                                 at: workspace.offset(), newName: newName)
  else {
    #expect(expected.isEmpty, "nothing renamed", sourceLocation: sourceLocation)
    return
  }
  var actual: [String: String] = [:]
  for note in workspace.notes {
    let mine = edits.filter { $0.file == note.file }.map { ($0.range, $0.newText) }
    if !mine.isEmpty { actual[note.file] = applying(mine, to: note.syntax.text) }
  }
  #expect(actual == expected, sourceLocation: sourceLocation)
}

@Test func renameCitationKeyInEveryNote() {
  checkRename(
    """
    -- notes/a.md --
    见 [@张三1️⃣2021, ¶3]{CRLF}
    和 [@Smith2020]
    -- notes/b.md --
    👍🏽 @张三2021 认为；[@张三2021a]
    """,
    to: "张三2021海洋",
    expect: ["notes/a.md": "见 [@张三2021海洋, ¶3]\r\n和 [@Smith2020]", "notes/b.md": "👍🏽 @张三2021海洋 认为；[@张三2021a]"])
}

@Test func renameEntityAliasInLinks() {
  checkRename(
    """
    -- notes/a.md --
    [[东1️⃣盟]] 与 [[ASEAN]]
    -- notes/b.md --
    [[东盟|the bloc]] 东盟
    """,
    to: "东南亚国家联盟",
    expect: ["notes/a.md": "[[东南亚国家联盟]] 与 [[ASEAN]]", "notes/b.md": "[[东南亚国家联盟|the bloc]] 东盟"])
}

@Test func prepareRenameOnlyOnKeysAndLinks() {
  let workspace = FeatureWorkspace("-- notes/a.md --\n[@张三2021, ¶1️⃣3] 普通2️⃣文字 [[东3️⃣盟]]")
  let note = workspace.note().syntax
  #expect(Rename.prepare(index: workspace.index, note: note, at: workspace.offset("1️⃣")) == nil)
  #expect(Rename.prepare(index: workspace.index, note: note, at: workspace.offset("2️⃣")) == nil)
  #expect(Rename.prepare(index: workspace.index, note: note, at: workspace.offset("3️⃣"))?.placeholder == "东盟")
}

@Test func renameRefusesBrokenNames() {
  checkRename("-- notes/a.md --\n[@张三1️⃣2021]", to: "a b", expect: [:])
  checkRename("-- notes/a.md --\n[[东1️⃣盟]]", to: "x]]y", expect: [:])
}
