//! The editor setups in editors/ driven by the real editors, headless: Neovim and Emacs + eglot complete, hover,
//! go to a citation and show diagnostics in editors/example-note.md, with the project's configs unmodified.
import Corpus
import Foundation
import TestSupport
import Testing

// Each editor runs once (Tests/EditorHarness/neovim.lua or emacs.el) over a scratch copy of Examples/workspace
// holding editors/example-note.md as notes/walkthrough.md (the note the editors README walks through); the
// tests below read what that run recorded. A missing editor, or a server feature that has not landed yet
// (its capability is absent), cancels the test with a message saying so; nothing asserts a stand-in.

@Suite struct NeovimTests {
  @Test func attachesOneClientRootedAtTheWorkspace() throws {
    let run = try EditorRun.neovim.available()
    #expect(run.output["root"].string.map(standardPath) == standardPath(run.workspace.path), "\(run)")
    // Neovim before 0.10 offers no position encodings, so UTF-16 it is; later versions offer UTF-8 first.
    let client = run.output["client"].string ?? ""
    let offersEncodings = !["Neovim 0.7.", "Neovim 0.8.", "Neovim 0.9."].contains { client.hasPrefix($0) }
    #expect(run.output["offset_encoding"] == (offersEncodings ? "utf-8" : "utf-16"), "\(run)")
    #expect(run.probe("second note")["clients"] == 1, "one client for every note of a workspace\n\(run)")
  }

  @Test func setsTheReadmesKeyMapsAndOmnifunc() throws {
    let attach = try EditorRun.neovim.available().probe("second note")
    #expect(attach["omnifunc"] == "v:lua.vim.lsp.omnifunc", "\(attach)")
    for key in ["K", "gd", "gr", "<leader>ca"] {
      #expect(attach["maps"][key].string?.hasPrefix("corpus-lsp:") == true, "\(key) is mapped\n\(attach)")
    }
  }

  @Test func completionAfterDoubleBracketOffersEntities() throws {
    try checkEntityCompletion(EditorRun.neovim.available().result(of: "completion"), shown: "detail")
  }

  @Test func completionAfterTypingDoubleBracketOffersEntities() throws {
    try checkEntityCompletion(EditorRun.neovim.available().result(of: "typed completion"), shown: "detail")
  }

  @Test func hoverOnCitationShowsThePaper() throws {
    let hover = try EditorRun.neovim.available().result(of: "hover")
    try checkHover(hover["lines"].array?.compactMap(\.string).joined(separator: "\n") ?? "", kind: hover["kind"])
  }

  @Test func hoverOnQuotationShowsItInTheSource() throws {
    let hover = try EditorRun.neovim.available().result(of: "hover quote")
    checkQuoteHover(hover["lines"].array?.compactMap(\.string).joined(separator: "\n") ?? "", kind: hover["kind"])
  }

  @Test func definitionOfCitationOpensTheCitedParagraph() throws {
    let definition = try EditorRun.neovim.available().result(of: "definition")
    try checkDefinition(definition, lineOneBased: definition["line"].int)
  }

  @Test func diagnosticsFlagTheUnknownKey() throws {
    let items = try EditorRun.neovim.available().result(of: "diagnostics")["items"].array ?? []
    checkDiagnostics(items.map { ($0["line"].int, $0["code"].string, $0["message"].string ?? "") }, in: items)
  }

  @Test func codeActionOffersTheNearestKey() throws {
    try checkCodeAction(EditorRun.neovim.available().result(of: "code action"))
  }

  @Test func referencesOfCitationListEveryCitingNote() throws {
    try checkReferences(EditorRun.neovim.available().result(of: "references"))
  }

  @Test func indexingProgressReachesTheEditor() throws {
    let run = try EditorRun.neovim.available()
    let progress = run.output["progress"].array ?? []
    #expect(progress.contains { $0["done"] == true && $0["title"].string?.isEmpty == false }, "\(run)")
  }
}

@Suite struct EmacsTests {
  @Test func eglotManagesTheNoteUnderTheWorkspaceProject() throws {
    let run = try EditorRun.emacs.available()
    #expect(run.output["root"].string.map(standardPath) == standardPath(run.workspace.path), "\(run)")
    #expect(run.probe("second note")["servers"] == 1, "one server for every note of a workspace\n\(run)")
  }

  @Test func completionAfterDoubleBracketOffersEntities() throws {
    try checkEntityCompletion(EditorRun.emacs.available().result(of: "completion"), shown: "annotation")
  }

  @Test func completionAfterTypingDoubleBracketOffersEntities() throws {
    try checkEntityCompletion(EditorRun.emacs.available().result(of: "typed completion"), shown: "annotation")
  }

  @Test func hoverOnCitationShowsThePaper() throws {
    let hover = try EditorRun.emacs.available().result(of: "hover")
    try checkHover(hover["text"].string ?? "", kind: hover["kind"])
  }

  @Test func hoverOnQuotationShowsItInTheSource() throws {
    let hover = try EditorRun.emacs.available().result(of: "hover quote")
    checkQuoteHover(hover["text"].string ?? "", kind: hover["kind"])
  }

  @Test func definitionOfCitationOpensTheCitedParagraph() throws {
    let definition = try EditorRun.emacs.available().result(of: "definition")
    try checkDefinition(definition, lineOneBased: definition["line"].int)
  }

  @Test func flymakeShowsTheUnknownKey() throws {
    let items = try EditorRun.emacs.available().result(of: "diagnostics")["items"].array ?? []
    checkDiagnostics(items.map { ($0["line"].int, $0["code"].string, $0["message"].string ?? "") }, in: items)
    #expect(items.allSatisfy { $0["type"] == "eglot-error" }, "unknown keys are errors\n\(items)")
  }

  @Test func codeActionOffersTheNearestKey() throws {
    try checkCodeAction(EditorRun.emacs.available().result(of: "code action"))
  }

  @Test func referencesOfCitationListEveryCitingNote() throws {
    try checkReferences(EditorRun.emacs.available().result(of: "references"))
  }
}

/// VS Code cannot run here (no VS Code, no npm registry): the manifest is checked, and extension.js runs in Node
/// against stand-ins of the `vscode` API and the language client (Tests/EditorHarness/vscode.js).
@Suite struct VSCodeExtensionTests {
  static let folder = TestPaths.packageRoot.appendingPathComponent("editors/vscode")

  func manifest() throws -> JSON {
    try JSON.decode(Data(contentsOf: Self.folder.appendingPathComponent("package.json")))
  }

  @Test func activatesOnMarkdownAndOnCorpusWorkspaces() throws {
    let events = try manifest()["activationEvents"].array?.compactMap(\.string) ?? []
    #expect(events.contains("onLanguage:markdown"))
    #expect(events.contains("workspaceContains:corpus-lsp.json"))
    #expect(events.contains { $0.hasPrefix("workspaceContains:corpus/") })
  }

  @Test func contributesSettingsForBinaryAndLogLevel() throws {
    let properties = try manifest()["contributes"]["configuration"]["properties"]
    #expect(properties["corpusLsp.serverPath"]["type"] == "string")
    #expect(properties["corpusLsp.serverPath"]["default"] == "corpus-lsp")
    #expect(properties["corpusLsp.logLevel"]["enum"] == ["error", "warning", "info", "debug", "trace"])
    #expect(properties["corpusLsp.logLevel"]["default"] == "info")
    #expect(properties["corpusLsp.trace.server"]["enum"] == ["off", "messages", "verbose"])
  }

  @Test func startsTheServerWithServeAndTheSettings() throws {
    let source = try String(contentsOf: Self.folder.appendingPathComponent("extension.js"), encoding: .utf8)
    #expect(source.contains("'serve'"))
    #expect(source.contains("'--log-level'"))
    #expect(source.contains("getConfiguration('corpusLsp'"))
    #expect(source.contains("'serverPath'") && source.contains("'logLevel'"))
  }

  @Test func contributesTheRestartCommandItRegisters() throws {
    let manifest = try manifest()
    let commands = manifest["contributes"]["commands"].array?.compactMap { $0["command"].string } ?? []
    #expect(commands.contains("corpusLsp.restartServer"))
    let source = try String(contentsOf: Self.folder.appendingPathComponent("extension.js"), encoding: .utf8)
    for command in commands { #expect(source.contains("'\(command)'"), "extension.js registers \(command)") }
  }

  @Test func mainFileExistsAndTheLanguageClientIsTheOnlyDependency() throws {
    let manifest = try manifest()
    let main = try #require(manifest["main"].string)
    #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(main).path))
    #expect(manifest["dependencies"].object.map { Array($0.keys) } == ["vscode-languageclient"])
    #expect(manifest["engines"]["vscode"].string != nil)
    #expect(manifest["scripts"]["compile"] == .null, "plain JavaScript: no build step")
  }

  @Test func startsServersAndShowsIndexingProgressInTheStatusItem() throws {
    guard let node = EditorRun.findExecutable("node") ?? EditorRun.findExecutable("nodejs") else {
      try Test.cancel("node is not installed: the extension's smoke test (Tests/EditorHarness/vscode.js) needs it")
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("vscode-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let harness = TestPaths.packageRoot.appendingPathComponent("Tests/EditorHarness/vscode.js")
    let (status, log) = try EditorRun.run(
      node, [harness.path, Self.folder.appendingPathComponent("extension.js").path],
      environment: ProcessInfo.processInfo.environment, in: scratch, timeout: 60)
    let line = log.split(separator: "\n").last { $0.hasPrefix("{") }.map(String.init) ?? ""
    let checks = (try? JSON.decode(Data(line.utf8)))?["checks"].array ?? []
    #expect(status == 0 && !checks.isEmpty, "\(log)")
    for check in checks where check["ok"] != true {
      Issue.record("\(check["name"].string ?? "?"): \(check["detail"].string ?? "")")
    }
  }
}

// MARK: - Expected results, the same for every editor

/// The workspace the editors open, and what the corpus says about the cited paper (read with the Corpus
/// library, independently of the server).
private enum Expected {
  static let notePath = "notes/walkthrough.md"
  static let citedFile = "corpus/lin-2023-maritime.txt"
  static let hoverAndDefinitionTarget = (find: "@林晓明2023, ¶4", offset: 3)
  /// Quoted on line 5 of the note, from ¶5 of the cited paper (our own example corpus).
  static let quotation = "允许日本直接向他国军队提供装备"
  static let quotedCitation = (find: "@林晓明2023, ¶5", offset: 3)
  /// Typed as a new last line of the note; completion is asked at its end.
  static let typedLine = "Japan also works with [["

  /// Title, first author and the 1-based raw line where paragraph 4 starts.
  static let citedPaper: (title: String, author: String, paragraphLine: Int)? = {
    let (papers, _) = Workspace.open(root: TestPaths.examples).readPapers()
    guard let paper = papers.first(where: { $0.file == citedFile }), paper.paragraphs.count >= 4 else { return nil }
    let start = paper.paragraphs[3].passage.rawRange.start
    return (
      paper.metadata.title, paper.metadata.authors.first ?? "",
      paper.rawLines.lineColumn(at: start, unit: .utf8).line + 1
    )
  }()
}

/// `shown`: the field holding what the editor displays beside a label (Neovim's menu column: the detail; eglot's
/// annotation).
private func checkEntityCompletion(_ result: JSON, shown: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let items = result["items"].array ?? []
  let labels = items.compactMap { $0["label"].string }
  #expect(
    labels.first == "日本", "日本 (Japan), the most mentioned, comes first\n\(labels)", sourceLocation: sourceLocation)
  #expect(labels.contains("官方安全援助"), "mechanisms too\n\(labels)", sourceLocation: sourceLocation)
  let japan = items.first { $0["label"] == "日本" }?[shown].string ?? ""
  #expect(
    japan.contains("actor") && japan.contains("Japan"), "kind and English name are shown\n\(items.prefix(3))",
    sourceLocation: sourceLocation)
}

private func checkHover(_ text: String, kind: JSON, sourceLocation: SourceLocation = #_sourceLocation) throws {
  #expect(kind == "markdown", sourceLocation: sourceLocation)
  let paper = try #require(Expected.citedPaper, sourceLocation: sourceLocation)
  #expect(text.contains(paper.title), "hover shows the paper's title\n\(text)", sourceLocation: sourceLocation)
  #expect(text.contains(paper.author), "hover shows the author\n\(text)", sourceLocation: sourceLocation)
  #expect(text.contains("¶4"), "hover shows the cited paragraph\n\(text)", sourceLocation: sourceLocation)
}

/// The quotation of line 5 is found in ¶5 of the cited paper, and shown in bold within its context.
private func checkQuoteHover(_ text: String, kind: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(kind == "markdown", sourceLocation: sourceLocation)
  #expect(
    text.contains("**\(Expected.quotation)**"), "the quotation in bold, in its context\n\(text)",
    sourceLocation: sourceLocation)
  #expect(!text.contains("Closest passage"), "the quotation is exact\n\(text)", sourceLocation: sourceLocation)
  #expect(text.contains("Quoted from ¶5"), "names the paragraph\n\(text)", sourceLocation: sourceLocation)
}

private func checkDefinition(_ result: JSON, lineOneBased: Int?, sourceLocation: SourceLocation = #_sourceLocation)
  throws
{
  let paper = try #require(Expected.citedPaper, sourceLocation: sourceLocation)
  #expect(result["count"].int.map { $0 >= 1 } == true, "\(result)", sourceLocation: sourceLocation)
  #expect(
    result["file"].string?.hasSuffix(Expected.citedFile) == true, "lands in the raw corpus file\n\(result)",
    sourceLocation: sourceLocation)
  #expect(lineOneBased == paper.paragraphLine, "on ¶4's first raw line\n\(result)", sourceLocation: sourceLocation)
}

private func checkDiagnostics(
  _ diagnostics: [(line: Int?, code: String?, message: String)], in raw: [JSON],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  // Exactly the one slip of the example note: line 8 cites 林晓明2032 instead of 林晓明2023.
  #expect(diagnostics.count == 1, "\(raw)", sourceLocation: sourceLocation)
  let first = diagnostics.first
  #expect(first?.line == 8, "\(raw)", sourceLocation: sourceLocation)
  #expect(first?.code == "unknown-citation-key", "\(raw)", sourceLocation: sourceLocation)
  #expect(first?.message.contains("林晓明2023") == true, "names the nearest key\n\(raw)", sourceLocation: sourceLocation)
}

/// 林晓明2023 is cited by the walkthrough note and by notes/maritime-aid.md.
private func checkReferences(_ result: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
  let files = Set(result["files"].array?.compactMap(\.string).map { URL(fileURLWithPath: $0).lastPathComponent } ?? [])
  #expect(files.isSuperset(of: ["walkthrough.md", "maritime-aid.md"]), "\(result)", sourceLocation: sourceLocation)
}

private func checkCodeAction(_ result: JSON, sourceLocation: SourceLocation = #_sourceLocation) {
  let titles = result["titles"].array?.compactMap(\.string) ?? []
  #expect(
    result["diagnostics"] == 1, "the editor sends the line's diagnostic\n\(result)", sourceLocation: sourceLocation)
  #expect(
    titles.contains { $0.contains("林晓明2023") }, "a fix to the nearest key\n\(titles)", sourceLocation: sourceLocation)
}

private func standardPath(_ path: String) -> String {
  URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
}

// MARK: - Running an editor

/// One headless run of an editor over a fresh workspace copy, shared by the tests of that editor.
struct EditorRun: Sendable, CustomStringConvertible {
  enum Editor: String, Sendable { case neovim, emacs }

  let editor: Editor
  let workspace: URL
  /// Why the run could not happen (editor or eglot not installed); tests are cancelled with this message.
  let unavailable: String?
  /// Why the run failed (timeout, crash, no output).
  let failure: String?
  let output: JSON
  let log: String

  static let neovim = EditorRun(.neovim)
  static let emacs = EditorRun(.emacs)

  var description: String {
    let shown = output.description
    let cut = shown.count > 4000 ? String(shown.prefix(4000)) + "… (\(shown.count) characters)" : shown
    return "\(editor.rawValue) run: \(failure ?? "ok")\noutput: \(cut)\n--- editor output ---\n\(log.suffix(4000))"
  }

  /// The run, if it happened; cancels the test when the editor is not installed, fails it when the run broke.
  func available(sourceLocation: SourceLocation = #_sourceLocation) throws -> EditorRun {
    if let unavailable { try Test.cancel(Comment(rawValue: unavailable), sourceLocation: sourceLocation) }
    if let failure { throw EditorRunError(description: "\(failure)\n\(self)") }
    if let errors = output["errors"].array, !errors.isEmpty {
      throw EditorRunError(description: "the harness reported errors\n\(self)")
    }
    return self
  }

  func probe(_ name: String) -> JSON { output["probes"][name] }

  /// A probe's result; cancels the test when the server lacks the capability the request needs.
  func result(of name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSON {
    let result = probe(name)
    if let capability = result["missing"].string {
      try Test.cancel(
        "the server announces no \(capability): the \(name) feature has not landed yet", sourceLocation: sourceLocation)
    }
    if let error = result["error"].string { throw EditorRunError(description: "\(name): \(error)\n\(self)") }
    return result
  }

  /// What the harness does: the same probes in both editors.
  static func probes(_ workspace: URL) -> [JSON] {
    let note = JSON.string(workspace.appendingPathComponent(Expected.notePath).path)
    let target = Expected.hoverAndDefinitionTarget
    return [
      ["name": "completion", "file": note, "find": "[[日本", "offset": 2, "request": "completion"],
      ["name": "hover", "file": note, "find": .string(target.find), "offset": .int(target.offset), "request": "hover"],
      [
        "name": "hover quote", "file": note, "find": .string(Expected.quotedCitation.find),
        "offset": .int(Expected.quotedCitation.offset), "request": "hover",
      ],
      [
        "name": "definition", "file": note, "find": .string(target.find), "offset": .int(target.offset),
        "request": "definition",
      ],
      [
        "name": "references", "file": note, "find": .string(target.find), "offset": .int(target.offset),
        "request": "references",
      ],
      ["name": "diagnostics", "file": note, "request": "diagnostics"],
      ["name": "code action", "file": note, "find": "@林晓明2032", "offset": 3, "request": "code_action"],
      [
        "name": "second note", "file": .string(workspace.appendingPathComponent("notes/maritime-aid.md").path),
        "request": "attach",
      ],
      // Last: it edits the note (the typed line is sent with didChange, never saved).
      ["name": "typed completion", "file": note, "append": .string(Expected.typedLine), "request": "completion"],
    ]
  }

  init(_ editor: Editor) {
    self.editor = editor
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("editor-\(editor)-\(UUID().uuidString)")
    workspace = scratch.appendingPathComponent("workspace")
    (unavailable, failure, output, log) = Self.launch(editor, scratch: scratch, workspace: workspace)
  }

  /// Copies the workspace, writes the harness spec, runs the editor; (unavailable, failure, output, log).
  private static func launch(_ editor: Editor, scratch: URL, workspace: URL) -> (String?, String?, JSON, String) {
    let executable = editor == .neovim ? "nvim" : "emacs"
    guard let program = findExecutable(executable) else {
      let packages = editor == .neovim ? "neovim" : "emacs-nox elpa-eglot"
      return ("\(executable) is not installed (Debian: apt-get install \(packages); .ci/run does)", nil, .null, "")
    }
    let binary = TestClient.serverBinary
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      return (nil, "no server binary at \(binary.path): run swift build", .null, "")
    }
    defer { try? FileManager.default.removeItem(at: scratch) }
    do {
      let files = FileManager.default
      try files.createDirectory(at: scratch, withIntermediateDirectories: true)
      try files.copyItem(at: TestPaths.examples, to: workspace)
      try files.copyItem(
        at: TestPaths.packageRoot.appendingPathComponent("editors/example-note.md"),
        to: workspace.appendingPathComponent(Expected.notePath))
      let resultFile = scratch.appendingPathComponent("result.json")
      let spec: JSON = [
        "editors": .string(TestPaths.packageRoot.appendingPathComponent("editors").path),
        "binary": .string(binary.path), "out": .string(resultFile.path), "timeout_ms": 15000,
        "probes": .array(probes(workspace)),
      ]
      let specFile = scratch.appendingPathComponent("spec.json")
      try spec.encoded().write(to: specFile)
      let harness = TestPaths.packageRoot.appendingPathComponent("Tests/EditorHarness")
      let arguments =
        editor == .neovim
        ? ["--headless", "-n", "-i", "NONE", "-u", harness.appendingPathComponent("neovim.lua").path]
        : ["--batch", "-Q", "-l", harness.appendingPathComponent("emacs.el").path]
      // A throwaway HOME and XDG folders: no user configuration is read or written.
      let home = scratch.appendingPathComponent("home")
      try files.createDirectory(at: home, withIntermediateDirectories: true)
      var environment = ProcessInfo.processInfo.environment
      environment["CORPUS_HARNESS_SPEC"] = specFile.path
      environment["HOME"] = home.path
      for (name, folder) in [
        ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
      ] {
        environment[name] = home.appendingPathComponent(folder).path
      }
      let limit: TimeInterval = 120
      let (status, log) = try run(program, arguments, environment: environment, in: workspace, timeout: limit)
      guard let status else { return (nil, "\(executable) did not finish within \(Int(limit)) s (killed)", .null, log) }
      guard let data = try? Data(contentsOf: resultFile) else {
        return (nil, "\(executable) exited with status \(status) and wrote no result", .null, log)
      }
      let output = try JSON.decode(data)
      return (output["unavailable"].string, nil, output, log)
    } catch {
      return (nil, "could not run \(executable): \(error)", .null, "")
    }
  }

  static func findExecutable(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
  }

  /// Runs a program with stdin closed and output to a file; nil status when killed at the timeout.
  static func run(
    _ program: URL, _ arguments: [String], environment: [String: String], in directory: URL, timeout: TimeInterval
  ) throws -> (status: Int32?, output: String) {
    let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("editor-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    let log = try FileHandle(forWritingTo: logFile)
    defer {
      try? log.close()
      try? FileManager.default.removeItem(at: logFile)
    }
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.environment = environment
    process.currentDirectoryURL = directory
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = log
    process.standardError = log
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var status: Int32?
    if finished.wait(timeout: .now() + timeout) == .success {
      status = process.terminationStatus
    } else {
      process.terminate()
      if finished.wait(timeout: .now() + 5) == .timedOut { kill(process.processIdentifier, SIGKILL) }
    }
    let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    return (status, text)
  }
}

struct EditorRunError: Error, CustomStringConvertible {
  let description: String
}
