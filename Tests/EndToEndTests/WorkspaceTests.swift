//! The workspace in the server: its root from the client (Chinese, percent-encoded paths), indexing progress,
//! file-watching registration, requests sent before the first index answered once it is built.
import Foundation
import TestSupport
import Testing

@Test func theRootComesFromAPercentEncodedRootURIWithChineseAndSpaces() throws {
  let workspace = try TestWorkspace(
    serverCorpus + "\n-- notes/笔记.md --\n" + crlfNote, folderName: "工作区 笔记")
  defer { workspace.cleanUp() }
  #expect(workspace.uri("").contains("%E5%B7%A5"))
  let client = try startServer(workspace: workspace, useRootURI: true)
  let uri = workspace.uri("notes/笔记.md")
  client.openDocument(uri: uri, text: crlfNote)
  #expect(try client.publishedRules(uri).contains("unknown-citation-key"), "\(client.note)")
  // The raw (not percent-encoded) spelling names the same document.
  let raw = "file://" + workspace.url("notes/笔记.md").path
  client.openDocument(uri: raw, text: "另见[@王七2022]。")
  #expect(try client.publishedRules(raw) == ["unknown-citation-key"], "\(client.note)")
  try client.finish()
}

@Test func indexingReportsWorkDoneProgressAndRegistersFileWatchers() throws {
  let workspace = try TestWorkspace(serverCorpus)
  defer { workspace.cleanUp() }
  let client = try startServer(
    workspace: workspace,
    capabilities: [
      "window": ["workDoneProgress": true],
      "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]],
    ])
  let create = try client.take("progress create") { $0["method"] == "window/workDoneProgress/create" }
  let token = create["params"]["token"]
  var kinds: [String] = []
  var messages: [String] = []
  while kinds.last != "end" {
    let progress = try client.take("progress") { $0["method"] == "$/progress" && $0["params"]["token"] == token }
    kinds.append(progress["params"]["value"]["kind"].string ?? "?")
    messages.append(progress["params"]["value"]["message"].string ?? "")
  }
  #expect(kinds.first == "begin" && kinds.contains("report"), "\(client.note)")
  #expect(messages.contains("Indexing 1 paper"), "\(messages)")
  let registration = try client.take("registration") { $0["method"] == "client/registerCapability" }
  let options = registration["params"]["registrations"][0]
  #expect(options["method"] == "workspace/didChangeWatchedFiles")
  let globs = (options["registerOptions"]["watchers"].array ?? []).compactMap { $0["globPattern"].string }
  #expect(globs == ["**/corpus/**", "**/lexicon.json", "**/corpus-lsp.json", "**/*.md"])
  try client.finish()
}

@Test func aNewNoteAndANewPaperAreSeenAfterWatchedChanges() throws {
  let workspace = try TestWorkspace(serverCorpus)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace, capabilities: ["textDocument": ["diagnostic": [:]]])
  try workspace.write("notes/新.md", "参见[@赵六2020]。\n")
  try workspace.write(
    "corpus/赵六2020.txt", "海洋治理的比较研究\n\n赵六\n\n《海洋评论》2020年第2期\n\n一、引言\n\n 各国海洋治理的路径并不相同。\n")
  client.notify(
    "workspace/didChangeWatchedFiles",
    [
      "changes": [
        ["uri": .string(workspace.uri("notes/新.md")), "type": 1],
        ["uri": .string(workspace.uri("corpus/赵六2020.txt")), "type": 1],
      ]
    ])
  try client.synchronize()
  let report = try client.result("workspace/diagnostic", ["previousResultIds": []])
  let note = (report["items"].array ?? []).first { TestClient.sameURI($0["uri"].string, workspace.uri("notes/新.md")) }
  #expect(note?["items"] == [], "\(client.note)")
  try client.finish()
}

@Test func requestsSentBeforeTheFirstIndexAreAnsweredFromIt() throws {
  // An editor asks for hover or a definition as soon as it opens a file; the first load is held back here so
  // that every request surely arrives before it ends.
  let workspace = try TestWorkspace(serverCorpus)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace, environment: ["CORPUS_LSP_TEST_FIRST_LOAD_DELAY_MS": "400"])
  let uri = workspace.uri("notes/早.md")
  let note = client.openDocument(uri: uri, marked: "见 [@王五1️⃣2022, ¶1] 与 [[东2️⃣盟]]。\n")
  let definition = try client.result("textDocument/definition", TestClient.positionParams(uri: uri, note, "1️⃣", .utf16))
  #expect(definition.array?.isEmpty == false || definition["uri"].string != nil, "\(definition)")
  let hover = try client.result("textDocument/hover", TestClient.positionParams(uri: uri, note, "2️⃣", .utf16))
  #expect(hover["contents"]["value"].string?.contains("东盟") == true, "\(hover)")
  let symbols = try client.result("workspace/symbol", ["query": "王五"])
  #expect(symbols.array?.isEmpty == false, "\(symbols)")
  try client.finish()
}
