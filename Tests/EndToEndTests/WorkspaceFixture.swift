//! Fixture workspaces for the server's end-to-end tests: txtar text written to a temp folder, a server on it,
//! and waiting for the diagnostics it publishes.
import Foundation
import TestSupport
import Testing

/// A workspace written from `-- path --` sections. Text is written as given (CRLF kept); `{CRLF}` is not needed.
struct TestWorkspace {
  let root: URL

  init(_ txtar: String, folderName: String = "workspace") throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("corpus-lsp-e2e-\(UUID().uuidString)").appendingPathComponent(folderName)
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (path, text) in Txtar.sections(txtar) { try write(path, text) }
  }

  func url(_ path: String) -> URL { root.appendingPathComponent(path) }
  func uri(_ path: String) -> String { url(path).absoluteString }

  func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

  func write(_ path: String, _ data: Data) throws {
    let url = url(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

  func read(_ path: String) -> String? { try? String(contentsOf: url(path), encoding: .utf8) }

  func cleanUp() { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
}

/// A small corpus of our own text, written like a PDF extraction (wrapped lines with blank lines between,
/// indented paragraph starts, a footnote): 王五2022 with ¶1-¶4 (§一 ¶1-2, §二 ¶3-4) and one footnote.
let serverCorpus = """
  -- corpus/王五2022.txt --
  区域合作的新动向

  王五

  《国际观察》2022年第1期

  内容提要：本文考察湄公河流域的水资源合作及其制度安排。

  关键词：湄公河　水资源　合作

  一、问题的提出

   湄公河流域六国在水资源管理上长期缺乏统一的协调机

  制，上下游国家之间的分歧时有发生。①

   澜湄合作机制成立以后，流域国家开始定期交换水文数

  据，并在旱季开展应急补水。

  二、合作的成效

   中国与泰国在防洪预警方面的技术交流日益密切，双方

  专家每年举行两次联合研讨会。

   东盟秘书处也派员参加了部分会议，使对话的范围有所

  扩大。

  ① 参见流域委员会2019年的年度报告。
  """

/// A note mixing CJK, astral characters (𠀀, emoji) and CRLF line ends, with one finding of each kind that has a fix.
let crlfNote = [
  "# 笔记 𠀀 😀",
  "",
  "有学者指出“流域国家开始定期交换水文数据”[@王五2022, ¶1]。😀",
  "另见[@王六2022, ¶2]。𠀀",
  "😀“双方专家每年举行三次联合研讨会”[@王五2022, ¶3]，还有[[澜湄合作机制X]]。",
  "",
].joined(separator: "\r\n")

/// Starts the server on a workspace (through `--workspace`, no debounce) and waits until it indexed it.
func startServer(
  workspace: TestWorkspace, encoding: String? = nil, capabilities: JSON? = nil, useRootURI: Bool = false,
  environment: [String: String] = [:]
) throws -> TestClient {
  var arguments = ["--log-level", "debug", "--debounce-ms", "0"]
  if !useRootURI { arguments += ["--workspace", workspace.root.path] }
  let client = try TestClient(arguments: arguments, environment: environment)
  try client.initialize(
    encodings: encoding.map { [$0] }, capabilities: capabilities, rootURI: useRootURI ? workspace.uri("") : nil)
  try client.synchronize()
  return client
}

extension TestClient {
  /// After `synchronize`: the last diagnostics published for `uri` (taking every earlier one), nil when none.
  func publishedDiagnostics(_ uri: String) throws -> JSON? {
    try synchronize()
    var last: JSON?
    let matches: (JSON) -> Bool = { message in
      message["method"] == "textDocument/publishDiagnostics" && Self.sameURI(message["params"]["uri"].string, uri)
    }
    while pendingMessages.contains(where: matches) {
      last = try take("diagnostics of \(uri)", where: matches)["params"]
    }
    return last
  }

  /// URIs compared after percent-decoding (the server may spell them either way).
  static func sameURI(_ lhs: String?, _ rhs: String) -> Bool {
    guard let lhs else { return false }
    return (lhs.removingPercentEncoding ?? lhs) == (rhs.removingPercentEncoding ?? rhs)
  }

  /// The rule ids (`code`) of the last diagnostics published for `uri`.
  func publishedRules(_ uri: String) throws -> [String] {
    try publishedDiagnostics(uri)?["diagnostics"].array?.compactMap { $0["code"].string } ?? []
  }
}

/// The text a range covers, in `encoding` (the test's own arithmetic).
func coveredText(_ range: JSON, in text: String, encoding: ReferenceEncoding) -> String {
  func position(_ json: JSON) -> ReferencePosition {
    ReferencePosition(line: json["line"].int ?? -1, character: json["character"].int ?? -1)
  }
  let scalars = Array(text.unicodeScalars)
  let lower = ReferenceText.scalarOffset(of: position(range["start"]), in: text, encoding: encoding)
  let upper = ReferenceText.scalarOffset(of: position(range["end"]), in: text, encoding: encoding)
  var view = String.UnicodeScalarView()
  view.append(contentsOf: scalars[lower..<upper])
  return String(view)
}
