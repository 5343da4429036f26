//! Code actions over the real binary: each fix applied with the tests' own edit applier, in every encoding, on a
//! note mixing CJK, astral characters and CRLF; versioned `documentChanges` with `CreateFile`, or plain `changes`.
import Corpus
import Foundation
import TestSupport
import Testing

private let noteWorkspace = serverCorpus + "\n-- notes/笔记.md --\n" + crlfNote

/// Applies a `WorkspaceEdit` (`changes` or `documentChanges`) to texts by URI (percent-decoded keys), computing
/// positions in `encoding` with the reference arithmetic; edits of one document apply from the last to the first.
func applyWorkspaceEdit(_ edit: JSON, to texts: [String: String], encoding: ReferenceEncoding) -> [String: String] {
  func key(_ uri: String?) -> String { (uri ?? "").removingPercentEncoding ?? (uri ?? "") }
  var texts = Dictionary(texts.map { (key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
  var perDocument: [(String, [JSON])] = []
  if let changes = edit["changes"].object {
    perDocument = changes.map { ($0.key, $0.value.array ?? []) }
  }
  for change in edit["documentChanges"].array ?? [] {
    if change["kind"] == "create" {
      let uri = key(change["uri"].string)
      if texts[uri] == nil { texts[uri] = "" }
    } else {
      perDocument.append((change["textDocument"]["uri"].string ?? "", change["edits"].array ?? []))
    }
  }
  for (uri, edits) in perDocument {
    var text = texts[key(uri)] ?? ""
    let sorted = edits.sorted { lhs, rhs in
      let l = lhs["range"]["start"], r = rhs["range"]["start"]
      return (l["line"].int ?? 0, l["character"].int ?? 0) > (r["line"].int ?? 0, r["character"].int ?? 0)
    }
    for edit in sorted {
      func position(_ json: JSON) -> ReferencePosition {
        ReferencePosition(line: json["line"].int ?? 0, character: json["character"].int ?? 0)
      }
      text = ReferenceText.apply(
        edit["newText"].string ?? "", from: position(edit["range"]["start"]), to: position(edit["range"]["end"]),
        in: text, encoding: encoding)
    }
    texts[key(uri)] = text
  }
  return texts
}

private let editCapabilities: JSON = [
  "workspace": ["workspaceEdit": ["documentChanges": true, "resourceOperations": ["create"]]]
]

/// Asks for the code actions at the diagnostic of `rule`, applies the one whose title contains `title`, and
/// returns the texts after the edit (by percent-decoded URI).
private func applyFix(
  rule: String, title: String, diagnostics: [JSON], client: TestClient, workspace: TestWorkspace,
  encoding: ReferenceEncoding
) throws -> [String: String] {
  let uri = workspace.uri("notes/笔记.md")
  let diagnostic = try #require(diagnostics.first { $0["code"] == .string(rule) }, "no \(rule)\n\(client.note)")
  let actions = try client.result(
    "textDocument/codeAction",
    [
      "textDocument": ["uri": .string(uri)], "range": diagnostic["range"],
      "context": ["diagnostics": [diagnostic], "triggerKind": 1],
    ])
  let action = try #require(
    actions.array?.first { $0["title"].string?.contains(title) == true }, "no '\(title)' in \(actions)\n\(client.note)")
  #expect(action["kind"] == "quickfix")
  #expect(action["diagnostics"][0]["code"] == .string(rule))
  var texts = [uri: crlfNote]
  if let lexicon = workspace.read("lexicon.json") { texts[workspace.uri("lexicon.json")] = lexicon }
  return applyWorkspaceEdit(action["edit"], to: texts, encoding: encoding)
}

@Test(arguments: ReferenceEncoding.allCases, [true, false])
func everyFixAppliesExactlyInEveryEncoding(encoding: ReferenceEncoding, documentChanges: Bool) throws {
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(
    workspace: workspace, encoding: encoding.rawValue, capabilities: documentChanges ? editCapabilities : nil)
  let uri = workspace.uri("notes/笔记.md")
  let key = uri.removingPercentEncoding ?? uri
  client.openDocument(uri: uri, text: crlfNote)
  let diagnostics = try #require(try client.publishedDiagnostics(uri)?["diagnostics"].array, "\(client.note)")
  func expectFix(_ rule: String, _ title: String, _ old: String, _ new: String) throws {
    let texts = try applyFix(
      rule: rule, title: title, diagnostics: diagnostics, client: client, workspace: workspace, encoding: encoding)
    #expect(texts[key] == crlfNote.replacingOccurrences(of: old, with: new), "\(rule) in \(encoding)\n\(client.note)")
  }
  try expectFix("unknown-citation-key", "王五2022", "王六2022", "王五2022")
  try expectFix("quote-in-other-paragraph", "¶2", "交换水文数据”[@王五2022, ¶1]", "交换水文数据”[@王五2022, ¶2]")
  try expectFix("quote-not-in-source", "Replace", "举行三次联合", "举行两次联合")
  let lexicon = try applyFix(
    rule: "unknown-entity-link", title: "as a mechanism", diagnostics: diagnostics, client: client,
    workspace: workspace, encoding: encoding)
  let created = lexicon[workspace.uri("lexicon.json").removingPercentEncoding ?? ""]
  #expect(created?.contains("澜湄合作机制X") == true, "\(lexicon)\n\(client.note)")
  try client.finish()
}

@Test(arguments: ReferenceEncoding.allCases)
func versionedDocumentChangesAndACreatedLexicon(encoding: ReferenceEncoding) throws {
  let workspace = try TestWorkspace(noteWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace, encoding: encoding.rawValue, capabilities: editCapabilities)
  let uri = workspace.uri("notes/笔记.md")
  client.openDocument(uri: uri, text: crlfNote, version: 4)
  let diagnostics = try #require(try client.publishedDiagnostics(uri)?["diagnostics"].array)
  let link = try #require(diagnostics.first { $0["code"] == "unknown-entity-link" })
  let actions = try client.result(
    "textDocument/codeAction",
    ["textDocument": ["uri": .string(uri)], "range": link["range"], "context": ["diagnostics": [link]]])
  let add = try #require(actions.array?.first { $0["title"].string?.contains("lexicon") == true })
  let changes = add["edit"]["documentChanges"].array ?? []
  #expect(changes.first?["kind"] == "create", "\(add)")
  #expect(TestClient.sameURI(changes.first?["uri"].string, workspace.uri("lexicon.json")))
  #expect(changes.last?["textDocument"]["version"] == .null)

  let key = try #require(diagnostics.first { $0["code"] == "unknown-citation-key" })
  let keyActions = try client.result(
    "textDocument/codeAction",
    ["textDocument": ["uri": .string(uri)], "range": key["range"], "context": ["diagnostics": [key]]])
  let change = try #require(keyActions.array?.first)
  #expect(change["isPreferred"] == true)
  #expect(change["edit"]["documentChanges"][0]["textDocument"]["version"] == 4, "\(change)")
  try client.finish()
}

@Test(arguments: ReferenceEncoding.allCases)
func aSelectionFoundInTheCorpusCanBeCited(encoding: ReferenceEncoding) throws {
  let workspace = try TestWorkspace(serverCorpus)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace, encoding: encoding.rawValue)
  let uri = workspace.uri("notes/引用.md")
  let document = client.openDocument(
    uri: uri, marked: "😀 𠀀 据报道，1️⃣流域国家开始定期交换水文数据2️⃣，此后合作加深。\r\n")
  let actions = try client.result(
    "textDocument/codeAction",
    [
      "textDocument": ["uri": .string(uri)], "range": document.range("1️⃣", "2️⃣", encoding),
      "context": ["diagnostics": [], "only": ["refactor"]],
    ])
  let cite = try #require(actions.array?.first, "\(client.note)")
  #expect(cite["title"] == "Cite 王五2022 ¶2")
  #expect(cite["kind"] == "refactor")
  let texts = applyWorkspaceEdit(cite["edit"], to: [uri: document.text], encoding: encoding)
  #expect(
    texts[uri.removingPercentEncoding ?? uri]
      == "😀 𠀀 据报道，流域国家开始定期交换水文数据[@王五2022, ¶2]，此后合作加深。\r\n", "\(client.note)")
  // `only: quickfix` leaves the refactoring out.
  let quickfixes = try client.result(
    "textDocument/codeAction",
    [
      "textDocument": ["uri": .string(uri)], "range": document.range("1️⃣", "2️⃣", encoding),
      "context": ["diagnostics": [], "only": ["quickfix"]],
    ])
  #expect(quickfixes == [])
  try client.finish()
}

/// A corpus where discovery finds a quoted instrument, and an empty lexicon to promote it into.
private let promotionWorkspace = """
  -- corpus/王五2022.txt --
  日本的能源外交

  王五

  一、引言

  日本与美国建立了“清洁能源伙伴关系”，并推动清洁能源伙伴关系向东南亚扩展。
  -- lexicon.json --
  {
    "entities": []
  }
  """

@Test(arguments: ReferenceEncoding.allCases)
func aDiscoveredEntityIsPromotedToTheLexiconByOneAction(encoding: ReferenceEncoding) throws {
  let workspace = try TestWorkspace(promotionWorkspace)
  defer { workspace.cleanUp() }
  let client = try startServer(workspace: workspace, encoding: encoding.rawValue)
  let lexicon = try String(contentsOf: workspace.url("lexicon.json"), encoding: .utf8)
  let lexiconURI = workspace.uri("lexicon.json").removingPercentEncoding ?? ""
  func promote(_ uri: String, _ document: MarkedText) throws -> String? {
    let actions = try client.result(
      "textDocument/codeAction",
      [
        "textDocument": ["uri": .string(uri)], "range": document.range("1️⃣", "1️⃣", encoding),
        "context": ["diagnostics": [], "only": ["refactor"]],
      ])
    let action = try #require(actions.array?.first, "\(actions)")
    #expect(action["title"] == "Add '清洁能源伙伴关系' to the workspace lexicon")
    return applyWorkspaceEdit(action["edit"], to: [lexiconURI: lexicon], encoding: encoding)[lexiconURI]
  }
  // From a link in a note, after characters of every width.
  let note = workspace.uri("notes/能源.md")
  let promoted = try promote(note, client.openDocument(uri: note, marked: "😀 𠀀 见[[清洁能源1️⃣伙伴关系]]。\n"))
  #expect(Lexicon.parse(data: Data((promoted ?? "").utf8)).entities.map(\.name) == ["清洁能源伙伴关系"], "\(promoted ?? "")")
  // From its mention in the corpus file.
  let paper = workspace.uri("corpus/王五2022.txt")
  let raw = try String(contentsOf: workspace.url("corpus/王五2022.txt"), encoding: .utf8)
  let marked = raw.replacingOccurrences(of: "推动清洁", with: "推动清1️⃣洁")
  let document = MarkedText(marked)
  client.openDocument(uri: paper, text: document.text, languageID: "plaintext")
  #expect(try promote(paper, document) == promoted)
  try client.finish()
}

@Test(arguments: ReferenceEncoding.allCases)
func renamingAKeyCreatesTheConfiguration(encoding: ReferenceEncoding) throws {
  let workspace = try TestWorkspace(serverCorpus)
  defer { workspace.cleanUp() }
  let marked = "见 [@王五1️⃣2022, ¶1] 😀\r\n"
  let uri = workspace.uri("notes/改名.md")
  for capabilities in [editCapabilities, nil] {
    let client = try startServer(workspace: workspace, encoding: encoding.rawValue, capabilities: capabilities)
    let document = client.openDocument(uri: uri, marked: marked)
    var params = TestClient.positionParams(uri: uri, document, "1️⃣", encoding)
    if case .object(var object) = params {
      object["newName"] = "王2022"
      params = .object(object)
    }
    // With resource operations, a `create` then its text; without, the text as an edit of the new file (which
    // Neovim and Eglot open as a new buffer), as the code actions that create the lexicon do.
    let edit = try client.result("textDocument/rename", params)
    if capabilities != nil { #expect(edit["documentChanges"][0]["kind"] == "create", "\(edit)") }
    let texts = applyWorkspaceEdit(edit, to: [uri: document.text], encoding: encoding)
    let config = texts[workspace.uri("corpus-lsp.json").removingPercentEncoding ?? ""]
    #expect(config?.contains("\"王五2022.txt\": {\"key\": \"王2022\"}") == true, "\(edit)")
    #expect(texts[uri.removingPercentEncoding ?? uri] == "见 [@王2022, ¶1] 😀\r\n", "\(texts)")
    try client.finish()
  }
}
