//! Rename a citation key or an entity alias across notes; the edits applied give the expected notes.
import Testing
@testable import Corpus

/// Renames at the note's 1️⃣ and compares every edited file (notes, `corpus-lsp.json`) with `expected`, or the
/// refusal with `refusal`.
private func checkRename(
  _ fixture: String, to newName: String, expect expected: [String: String], refusal: Rename.Refusal? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let workspace = FeatureWorkspace(fixture)
  let config = workspace.files["corpus-lsp.json"]
  let edits: [FileEdit]?
  do {
    edits = try Rename.edits(
      index: workspace.index, notes: workspace.notes, current: workspace.note(), at: workspace.offset(),
      newName: newName, config: config)
  } catch {
    #expect(error == refusal, sourceLocation: sourceLocation)
    return
  }
  #expect(refusal == nil, "renamed", sourceLocation: sourceLocation)
  guard let edits else {
    #expect(expected.isEmpty, "nothing renamed", sourceLocation: sourceLocation)
    return
  }
  var texts = Dictionary(uniqueKeysWithValues: workspace.notes.map { ($0.file, $0.syntax.text) })
  texts["corpus-lsp.json"] = config ?? ""  // created by the rename when missing
  var actual: [String: String] = [:]
  for (file, text) in texts {
    let mine = edits.filter { $0.file == file }.map { ($0.range, $0.newText) }
    if !mine.isEmpty { actual[file] = applying(mine, to: text) }
  }
  #expect(actual == expected, sourceLocation: sourceLocation)
}

@Test func renameCitationKeyInEveryNoteAndTheConfiguration() {
  checkRename(
    """
    -- corpus-lsp.json --
    {"documents": {"张三2021.txt": {"venue": "海洋"}}}
    -- notes/a.md --
    见 [@张三1️⃣2021, ¶3]{CRLF}
    和 [@Smith2020]
    -- notes/b.md --
    👍🏽 @张三2021 认为；[@张三2021a]
    """,
    to: "张三2021海洋",
    expect: [
      "notes/a.md": "见 [@张三2021海洋, ¶3]\r\n和 [@Smith2020]", "notes/b.md": "👍🏽 @张三2021海洋 认为；[@张三2021a]",
      "corpus-lsp.json": "{\"documents\": {\"张三2021.txt\": {\"key\": \"张三2021海洋\", \"venue\": \"海洋\"}}}",
    ])
}

@Test func renameCitationKeyWritesItWhereTheConfigurationHasRoom() {
  let note = "-- notes/a.md --\n[@张三1️⃣2021]"
  // The key the configuration sets is replaced; else it is added to `documents` or to the top-level object.
  checkRename(
    "-- corpus-lsp.json --\n{\"documents\": {\"张三2021.txt\": {\"key\": \"张三2021\"}}}\n" + note, to: "张2021",
    expect: ["notes/a.md": "[@张2021]", "corpus-lsp.json": "{\"documents\": {\"张三2021.txt\": {\"key\": \"张2021\"}}}"])
  checkRename(
    "-- corpus-lsp.json --\n{\"documents\": {}}\n" + note, to: "张2021",
    expect: ["notes/a.md": "[@张2021]", "corpus-lsp.json": "{\"documents\": {\"张三2021.txt\": {\"key\": \"张2021\"}}}"])
  checkRename(
    "-- corpus-lsp.json --\n{ \"corpus\": \"corpus\" }\n" + note, to: "张2021",
    expect: [
      "notes/a.md": "[@张2021]",
      "corpus-lsp.json": "{\"documents\": {\"张三2021.txt\": {\"key\": \"张2021\"}},  \"corpus\": \"corpus\" }",
    ])
  // Without a configuration, one is created; with a broken one the citations would cite nothing: refused.
  checkRename(
    note, to: "张2021",
    expect: [
      "notes/a.md": "[@张2021]",
      "corpus-lsp.json": "{\n  \"documents\": {\n    \"张三2021.txt\": {\"key\": \"张2021\"}\n  }\n}\n",
    ])
  checkRename(
    "-- corpus-lsp.json --\n{\"documents\": \n" + note, to: "张2021", expect: [:],
    refusal: .configurationNotWritable(file: "corpus/张三2021.txt"))
}

@Test func renameCitationKeyRefusesAKeyTaken() {
  checkRename(
    "-- corpus-lsp.json --\n{}\n-- notes/a.md --\n[@张三1️⃣2021]", to: "Smith2020", expect: [:],
    refusal: .keyTaken(paper: "corpus/Smith2020.txt"))
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

@Test func renameEntityAliasOnlyToAnotherOfItsNames() {
  checkRename("-- notes/a.md --\n[[东1️⃣盟]]", to: "东南亚联合体", expect: [:], refusal: .notAnAlias(of: "东盟"))
  checkRename("-- notes/a.md --\n[[东1️⃣盟]]", to: "日本", expect: [:], refusal: .notAnAlias(of: "东盟"))
}

@Test func prepareRenameOnlyOnKeysAndLinks() {
  let workspace = FeatureWorkspace("-- notes/a.md --\n[@张三2021, ¶1️⃣3] 普通2️⃣文字 [[东3️⃣盟]]")
  let note = workspace.note().syntax
  #expect(Rename.prepare(index: workspace.index, note: note, at: workspace.offset("1️⃣")) == nil)
  #expect(Rename.prepare(index: workspace.index, note: note, at: workspace.offset("2️⃣")) == nil)
  #expect(Rename.prepare(index: workspace.index, note: note, at: workspace.offset("3️⃣"))?.placeholder == "东盟")
}

@Test func renameRefusesBrokenNames() {
  checkRename("-- notes/a.md --\n[@张三1️⃣2021]", to: "a b", expect: [:], refusal: .unusableName)
  checkRename("-- notes/a.md --\n[[东1️⃣盟]]", to: "x]]y", expect: [:], refusal: .unusableName)
}
