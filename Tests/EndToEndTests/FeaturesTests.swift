//! Editor features over the real binary, in every position encoding: completion, hover, definition,
//! references, symbols, rename, tokens, and the annotated paper, on a workspace of our own text (CRLF, astral).
import Foundation
import TestSupport
import Testing

/// A workspace folder written from files; removed by `cleanUp()`.
struct FeatureTestWorkspace {
  let root: URL

  init(_ files: [String: String]) throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("corpus-lsp-features-\(UUID().uuidString)").appendingPathComponent("ws")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
  }

  func uri(_ path: String) -> String { root.appendingPathComponent(path).absoluteString }
  func cleanUp() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
}

/// Our own sample paper, CRLF line endings, an astral character before cited text.
let featurePaper = [
  "区域合作的新动向", "", "王五", "", "《国际观察》2022年第1期", "", "内容提要：本文考察湄公河流域的水资源合作。", "",
  "一、问题的提出", "", " 𠀀湄公河流域六国在水资源管理上长期缺乏统一的协调机", "", "制，上下游国家之间的分歧时有发生。", "",
  "二、合作的成效", "", " 中国与泰国在防洪预警方面的技术交流日益密切，双方", "", "专家每年举行两次联合研讨会。", "",
].joined(separator: "\r\n")

let featureNote = "# 笔记 👍🏽\r\n𠀀见 [@0️⃣王1️⃣] 与 [@5️⃣王五20226️⃣, ¶2️⃣2]。\r\n“技术交流日益3️⃣密切”[@王五2022, ¶2]\r\n[[东4️⃣盟]] 合作\r\n"

struct FeatureSession {
  let client: TestClient
  let workspace: FeatureTestWorkspace
  let note: MarkedText
  let noteURI: String
  let encoding: ReferenceEncoding

  init(_ encoding: ReferenceEncoding) throws {
    workspace = try FeatureTestWorkspace([
      "corpus/王五2022.txt": featurePaper, "notes/b.md": "另见 [@王五2022, ¶1] 与东盟。\n",
    ])
    client = try TestClient(arguments: ["--log-level", "debug"])
    try client.initialize(encodings: [encoding.rawValue], rootURI: workspace.root.absoluteString)
    try client.synchronize()
    noteURI = workspace.uri("notes/a.md")
    note = client.openDocument(uri: noteURI, marked: featureNote)
    self.encoding = encoding
  }

  func at(_ marker: String) -> JSON { TestClient.positionParams(uri: noteURI, note, marker, encoding) }

  /// The LSP range of the first occurrence of `text` in the raw paper, counted by the test in its encoding.
  func paperRange(_ text: String) -> JSON {
    guard let found = featurePaper.range(of: text) else { return .null }
    let start = featurePaper.unicodeScalars.distance(from: featurePaper.unicodeScalars.startIndex, to: found.lowerBound)
    let end = start + text.unicodeScalars.count
    return [
      "start": ReferenceText.position(ofScalar: start, in: featurePaper, encoding: encoding).json,
      "end": ReferenceText.position(ofScalar: end, in: featurePaper, encoding: encoding).json,
    ]
  }

  func finish() throws {
    _ = try client.shutdownAndExit()
    workspace.cleanUp()
  }
}

/// Applies LSP `TextEdit`s (ranges into the original text) with the test's own reference counting.
private func applyEdits(_ edits: [JSON], to text: String, encoding: ReferenceEncoding) -> String {
  func position(_ json: JSON) -> ReferencePosition {
    ReferencePosition(line: json["line"].int ?? 0, character: json["character"].int ?? 0)
  }
  let ordered = edits.sorted {
    let a = position($0["range"]["start"]), b = position($1["range"]["start"])
    return (a.line, a.character) > (b.line, b.character)
  }
  var result = text
  for edit in ordered {
    result = ReferenceText.apply(
      edit["newText"].string ?? "", from: position(edit["range"]["start"]), to: position(edit["range"]["end"]), in: result,
      encoding: encoding)
  }
  return result
}

private func path(of uri: JSON) -> String { uri.string.flatMap { URL(string: $0)?.path } ?? "" }

@Suite struct FeaturesTests {
  @Test func capabilitiesAreDeclared() throws {
    let client = try TestClient(arguments: [])
    let result = try client.initialize()
    let capabilities = result["capabilities"]
    #expect(capabilities["completionProvider"]["resolveProvider"] == true)
    #expect(capabilities["completionProvider"]["triggerCharacters"].array?.contains("@") == true)
    for provider in ["hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                     "workspaceSymbolProvider", "inlayHintProvider", "foldingRangeProvider"] {
      #expect(capabilities[provider] == true, "\(provider)")
    }
    #expect(capabilities["renameProvider"]["prepareProvider"] == true)
    #expect(capabilities["semanticTokensProvider"]["legend"]["tokenTypes"].array?.contains("actor") == true)
    _ = try client.shutdownAndExit()
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func completionReplacesTheTypedKey(encoding: ReferenceEncoding) throws {
    let session = try FeatureSession(encoding)
    defer { try? session.finish() }
    let result = try session.client.result("textDocument/completion", session.at("1️⃣"))
    let item = result["items"].array?.first { $0["label"] == "王五2022" }
    #expect(item?["textEdit"]["range"] == session.note.range("0️⃣", "1️⃣", encoding), "\(session.client.note)")
    #expect(item?["textEdit"]["newText"] == "王五2022")
    let resolved = try session.client.result("completionItem/resolve", item ?? .null)
    #expect(resolved["documentation"]["value"].string?.contains("区域合作的新动向") == true, "\(resolved)")
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func hoverAndDefinitionAgreeOnTheCitedParagraph(encoding: ReferenceEncoding) throws {
    let session = try FeatureSession(encoding)
    defer { try? session.finish() }
    let hover = try session.client.result("textDocument/hover", session.at("2️⃣"))
    let markdown = hover["contents"]["value"].string ?? ""
    #expect(markdown.contains("### 区域合作的新动向") && markdown.contains("**¶2**"), "\(session.client.note)")
    #expect(markdown.contains("中国与泰国在防洪预警方面的技术交流日益密切，双方专家每年举行两次联合研讨会。"))
    let definition = try session.client.result("textDocument/definition", session.at("2️⃣"))
    #expect(path(of: definition[0]["uri"]).hasSuffix("/corpus/王五2022.txt"), "\(definition)")
    let paragraph = "中国与泰国在防洪预警方面的技术交流日益密切，双方\r\n\r\n专家每年举行两次联合研讨会。"
    #expect(definition[0]["range"] == session.paperRange(paragraph), "\(session.client.note)")
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func definitionOfAQuotationLandsOnTheQuotedText(encoding: ReferenceEncoding) throws {
    let session = try FeatureSession(encoding)
    defer { try? session.finish() }
    let definition = try session.client.result("textDocument/definition", session.at("3️⃣"))
    #expect(definition[0]["range"] == session.paperRange("技术交流日益密切"), "\(session.client.note)")
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func referencesOfACitationAcrossOpenAndClosedNotes(encoding: ReferenceEncoding) throws {
    let session = try FeatureSession(encoding)
    defer { try? session.finish() }
    let params: JSON = ["textDocument": ["uri": .string(session.noteURI)], "position": session.note.position("2️⃣", encoding).json,
                        "context": ["includeDeclaration": false]]
    let locations = try session.client.result("textDocument/references", params).array ?? []
    #expect(locations.count == 3, "\(session.client.note)")
    #expect(locations.first?["range"] == session.note.range("5️⃣", "6️⃣", encoding))
    #expect(locations.contains { path(of: $0["uri"]).hasSuffix("/notes/b.md") })
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func entityHoverAndRename(encoding: ReferenceEncoding) throws {
    let session = try FeatureSession(encoding)
    defer { try? session.finish() }
    let hover = try session.client.result("textDocument/hover", session.at("4️⃣"))
    #expect(hover["contents"]["value"].string?.contains("### 东盟") == true, "\(session.client.note)")
    var params = session.at("4️⃣")
    if case .object(var object) = params {
      object["newName"] = "ASEAN"
      params = .object(object)
    }
    let edit = try session.client.result("textDocument/rename", params)
    let edits = edit["changes"][session.noteURI].array ?? []
    let applied = applyEdits(edits, to: session.note.text, encoding: encoding)
    #expect(applied == session.note.text.replacingOccurrences(of: "[[东盟]]", with: "[[ASEAN]]"), "\(edit)")
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func symbolsTokensHintsAndFolding(encoding: ReferenceEncoding) throws {
    let session = try FeatureSession(encoding)
    defer { try? session.finish() }
    let document: JSON = ["textDocument": ["uri": .string(session.noteURI)]]
    let symbols = try session.client.result("textDocument/documentSymbol", document)
    #expect(symbols[0]["name"] == "笔记 👍🏽", "\(symbols)")
    let tokens = try session.client.result("textDocument/semanticTokens/full", document)["data"].array ?? []
    #expect(!tokens.isEmpty && tokens.count % 5 == 0)
    var range = document
    if case .object(var object) = range {
      object["range"] = ["start": ["line": 0, "character": 0], "end": ["line": 9, "character": 0]]
      range = .object(object)
    }
    let hints = try session.client.result("textDocument/inlayHint", range).array ?? []
    #expect(hints.contains { $0["label"] == "区域合作的新动向" }, "\(hints)")
    let workspaceSymbols = try session.client.result("workspace/symbol", ["query": "合作的成效"]).array ?? []
    #expect(workspaceSymbols.contains { $0["name"].string?.contains("合作的成效") == true }, "\(workspaceSymbols)")
    _ = try session.client.result("textDocument/foldingRange", document)
    _ = try session.client.result("textDocument/documentLink", document)
  }

  @Test(arguments: ReferenceEncoding.allCases)
  func thePaperReadsAsAnnotated(encoding: ReferenceEncoding) throws {
    let session = try FeatureSession(encoding)
    defer { try? session.finish() }
    let paperURI = session.workspace.uri("corpus/王五2022.txt")
    let marked = featurePaper.replacingOccurrences(of: "技术交流", with: "技术1️⃣交流")
    let paper = session.client.openDocument(uri: paperURI, marked: marked)
    let hover = try session.client.result("textDocument/hover", TestClient.positionParams(uri: paperURI, paper, "1️⃣", encoding))
    #expect(hover["contents"]["value"].string?.contains("by 1 note") == true, "\(session.client.note)")
    let lenses = try session.client.result("textDocument/codeLens", ["textDocument": ["uri": .string(paperURI)]]).array ?? []
    #expect(lenses.contains { $0["command"]["title"] == "cited by 1 note" }, "\(lenses)")
  }
}
