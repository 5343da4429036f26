//! Diagnostics over the real binary: pushed on open, change, close and corpus changes, in every encoding,
//! with related places in the corpus file; workspace problems on their files; pull diagnostics.
import Foundation
import TestSupport
import Testing

private let noteWorkspace = serverCorpus + "\n-- notes/笔记.md --\n" + crlfNote

/// What each diagnostic of `crlfNote` covers, by rule.
private let expectedCovered: [String: String] = [
  "quote-in-other-paragraph": "¶1",
  "unknown-citation-key": "王六2022",
  "quote-not-in-source": "双方专家每年举行三次联合研讨会",
  "unknown-entity-link": "澜湄合作机制X",
]

@Test(arguments: ReferenceEncoding.allCases)
func diagnosticsArePushedOnOpenWithRangesInTheNegotiatedEncoding(encoding: ReferenceEncoding) throws {
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace, encoding: encoding.rawValue)
  let uri = workspace.uri("notes/笔记.md")
  client.openDocument(uri: uri, text: crlfNote, version: 7)
  let published = try #require(try client.publishedDiagnostics(uri), "no diagnostics\n\(client.note)")
  #expect(published["version"] == 7)
  let diagnostics = published["diagnostics"].array ?? []
  var covered: [String: String] = [:]
  for diagnostic in diagnostics {
    let rule = diagnostic["code"].string ?? "?"
    covered[rule] = coveredText(diagnostic["range"], in: crlfNote, encoding: encoding)
    #expect(diagnostic["source"] == "corpus-lsp")
    #expect(diagnostic["data"]["rule"] == diagnostic["code"])
    #expect(diagnostic["severity"] == (rule == "quote-in-other-paragraph" ? 2 : 1))
  }
  #expect(covered == expectedCovered, "\(client.note)")

  // The misplaced quotation points at where it really is, in the raw corpus file (line breaks and all).
  let misplaced = try #require(diagnostics.first { $0["code"] == "quote-in-other-paragraph" })
  let related = try #require(misplaced["relatedInformation"][0]["location"].object)
  #expect(TestClient.sameURI(related["uri"]?.string, workspace.uri("corpus/王五2022.txt")))
  let raw = try #require(workspace.read("corpus/王五2022.txt"))
  let quoted = coveredText(related["range"] ?? nil, in: raw, encoding: encoding).filter { !$0.isWhitespace }
  #expect(quoted == "流域国家开始定期交换水文数据")
  try client.finish()
}

@Test func diagnosticsFollowEditsAndCloseClearsThem() throws {
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace)
  let uri = workspace.uri("notes/笔记.md")
  let document = MarkedText(crlfNote.replacingOccurrences(of: "王六2022", with: "1️⃣王六2️⃣2022"))
  client.openDocument(uri: uri, text: document.text)
  #expect(try client.publishedRules(uri).contains("unknown-citation-key"))
  client.notify(
    "textDocument/didChange",
    [
      "textDocument": ["uri": .string(uri), "version": 2],
      "contentChanges": [["range": document.range("1️⃣", "2️⃣"), "text": "王五"]],
    ])
  let published = try #require(try client.publishedDiagnostics(uri))
  #expect(published["version"] == 2)
  #expect(!(published["diagnostics"].array ?? []).contains { $0["code"] == "unknown-citation-key" }, "\(client.note)")
  client.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
  #expect(try client.publishedDiagnostics(uri)?["diagnostics"] == [], "\(client.note)")
  try client.finish()
}

/// A large note's check may still run when the note is closed, or closed and reopened (at version 1 again): its
/// diagnostics must not come back on the closed file or on the new text.
@Test func diagnosticsOfAnEarlierOpeningNeverComeBack() throws {
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace)
  let uri = workspace.uri("notes/草稿.md")
  let broken = String(repeating: "“并无此句”[@王五2022, ¶9] [@无此键] [[无此实体]]\n", count: 300)
  func edit(_ version: Int) {
    client.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": .string(uri), "version": .int(version)],
        "contentChanges": [["range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]], "text": "又"]],
      ])
  }
  client.openDocument(uri: uri, text: broken)
  for version in 2...12 { edit(version) }
  // Past the server's pause after an edit, so that the check of the broken text is under way.
  Thread.sleep(forTimeInterval: 0.3)
  client.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
  client.openDocument(uri: uri, text: "干净的笔记。\n")
  let reopened = try #require(try client.publishedDiagnostics(uri))
  #expect(reopened["version"] == 1 && reopened["diagnostics"] == [], "\(client.note)")

  for version in 2...12 { edit(version) }
  client.notify(
    "textDocument/didChange",
    ["textDocument": ["uri": .string(uri), "version": 13], "contentChanges": [["text": .string(broken)]]])
  Thread.sleep(forTimeInterval: 0.3)
  client.notify("textDocument/didClose", ["textDocument": ["uri": .string(uri)]])
  #expect(try client.publishedDiagnostics(uri)?["diagnostics"] == [], "\(client.note)")
  try client.finish()
}

@Test func corpusAndLexiconChangesRecheckOpenNotes() throws {
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace)
  let uri = workspace.uri("notes/笔记.md")
  client.openDocument(uri: uri, text: crlfNote)
  #expect(Set(try client.publishedRules(uri)) == Set(expectedCovered.keys))

  // The paper now says 三次: the quotation is found.
  let paper = try #require(workspace.read("corpus/王五2022.txt"))
  try workspace.write("corpus/王五2022.txt", paper.replacingOccurrences(of: "两次", with: "三次"))
  client.notify(
    "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(workspace.uri("corpus/王五2022.txt")), "type": 2]]])
  #expect(!(try client.publishedRules(uri)).contains("quote-not-in-source"), "\(client.note)")

  // A lexicon naming the mechanism: the link resolves.
  try workspace.write(
    "lexicon.json",
    #"{"entities": [{"id": "lm-x", "kind": "mechanism", "name": "澜湄合作机制X", "aliases": ["澜湄合作机制X"]}]}"#)
  client.notify(
    "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(workspace.uri("lexicon.json")), "type": 1]]])
  // …and, now known, is checked against the cited passage, which never names it.
  #expect(
    Set(try client.publishedRules(uri))
      == ["quote-in-other-paragraph", "unknown-citation-key", "entity-not-in-cited-passage"], "\(client.note)")
  #expect(client.standardError.contains("re-indexing"))
  try client.finish()
}

@Test func brokenWorkspaceFilesGetDiagnosticsAndTheServerKeepsServing() throws {
  let workspace = try TestWorkspace(
    noteWorkspace + """

      -- corpus-lsp.json --
      {"corpus": ["corpus"], "lexicon": "lexicon.json",
      -- lexicon.json --
      {"entities": [{"id": 3}]
      """)
  defer { workspace.cleanUp() }
  try workspace.write("corpus/坏文件.txt", Data([0x80, 0xFF, 0xFE, 0x81, 0x00, 0xFF, 0x30, 0xFF, 0xFF, 0x80]))
  let client = try startServer(workspace: workspace)
  #expect(try client.publishedRules(workspace.uri("corpus-lsp.json")) == ["invalid-config"], "\(client.note)")
  #expect(try client.publishedRules(workspace.uri("corpus/坏文件.txt")) == ["undecodable-file"], "\(client.note)")
  let uri = workspace.uri("notes/笔记.md")
  client.openDocument(uri: uri, text: crlfNote)
  #expect(try client.publishedRules(uri).contains("unknown-citation-key"))

  // Repairing the config clears its diagnostic; a broken lexicon is reported on the lexicon.
  try workspace.write("corpus-lsp.json", #"{"corpus": ["corpus"]}"#)
  client.notify(
    "workspace/didChangeWatchedFiles", ["changes": [["uri": .string(workspace.uri("corpus-lsp.json")), "type": 2]]])
  try client.synchronize()
  #expect(try client.publishedRules(workspace.uri("lexicon.json")).contains("invalid-lexicon"), "\(client.note)")
  #expect(try client.publishedRules(workspace.uri("corpus-lsp.json")) == [], "\(client.note)")
  try client.expectAlive()
  try client.finish()
}

@Test func anOpenCorpusFileGetsNoDiagnostics() throws {
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace)
  let uri = workspace.uri("corpus/王五2022.txt")
  client.openDocument(uri: uri, text: workspace.read("corpus/王五2022.txt") ?? "", languageID: "plaintext")
  #expect(try client.publishedDiagnostics(uri)?["diagnostics"] == [], "\(client.note)")
  try client.finish()
}

@Test func aPullBeforeIndexingFinishesWaitsForTheIndex() throws {
  // Neovim 0.11 pulls once when it attaches, right after `initialized`, and has no refresh support:
  // an empty answer would leave the note unchecked until the first edit.
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try TestClient(
    arguments: ["--log-level", "debug", "--workspace", workspace.root.path],
    environment: ["CORPUS_LSP_TEST_FIRST_LOAD_DELAY_MS": "300"])
  try client.initialize(capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]])
  let uri = workspace.uri("notes/笔记.md")
  client.openDocument(uri: uri, text: crlfNote)
  let full = try client.result("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
  #expect(full["kind"] == "full")
  #expect(Set((full["items"].array ?? []).compactMap { $0["code"].string }) == Set(expectedCovered.keys), "\(client.note)")
  try client.finish()
}

@Test func pullDiagnosticsReportFullThenUnchanged() throws {
  let workspace = try TestWorkspace(noteWorkspace + "\n-- notes/空.md --\n没有引用的笔记。\n")
  defer { workspace.cleanUp() }
  let client = try startServer(
    workspace: workspace, capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]])
  let initialize = client.pendingMessages  // nothing pushed to a pulling client
  #expect(!initialize.contains { $0["method"] == "textDocument/publishDiagnostics" })
  let uri = workspace.uri("notes/笔记.md")
  client.openDocument(uri: uri, text: crlfNote)
  let full = try client.result("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
  #expect(full["kind"] == "full")
  #expect(Set((full["items"].array ?? []).compactMap { $0["code"].string }) == Set(expectedCovered.keys))
  let resultID = try #require(full["resultId"].string)
  let again = try client.result(
    "textDocument/diagnostic", ["textDocument": ["uri": .string(uri)], "previousResultId": .string(resultID)])
  #expect(again == ["kind": "unchanged", "resultId": .string(resultID)])

  let report = try client.result("workspace/diagnostic", ["previousResultIds": []])
  let items = report["items"].array ?? []
  let byFile = Dictionary(
    items.compactMap { item in item["uri"].string.map { ($0.removingPercentEncoding ?? $0, item) } },
    uniquingKeysWith: { first, _ in first })
  let note = try #require(byFile[workspace.uri("notes/笔记.md").removingPercentEncoding ?? ""], "\(client.note)")
  #expect(note["version"] == 1)
  #expect((note["items"].array ?? []).count == expectedCovered.count)
  let empty = try #require(byFile[workspace.uri("notes/空.md").removingPercentEncoding ?? ""])
  #expect(empty["items"] == [])
  let unchanged = try client.result(
    "workspace/diagnostic",
    ["previousResultIds": [["uri": empty["uri"], "value": empty["resultId"]]]])
  #expect((unchanged["items"].array ?? []).contains { $0["uri"] == empty["uri"] && $0["kind"] == "unchanged" })
  #expect(!client.pendingMessages.contains { $0["method"] == "textDocument/publishDiagnostics" }, "\(client.note)")
  try client.finish()
}
