//! `corpus-lsp check [PATH…]`: runs the editor's diagnostics over notes and prints them as text, JSON or SARIF.
import Corpus
import Foundation
import Synchronization

enum CheckCommand {
  static let help = """
    USAGE: corpus-lsp check [PATH…] [--workspace DIR] [--format text|json|sarif] [--quiet]

    Checks notes against the corpus with exactly the rules the editor shows: unknown citation keys,
    unreadable or out-of-range locators, quotations not in the cited source (or in another document or
    paragraph), unknown entity links, entities absent from the cited passage, and workspace problems
    (corpus-lsp.json, lexicon.json, undecodable corpus files).

    PATH is a note or a folder of notes (default: every note of the workspace).

    OPTIONS:
      --workspace DIR   the workspace folder (default: the current folder)
      --format FORMAT   text (default): one line per finding, `file:line:col: severity: message [rule]`
                        json: {"diagnostics": [...], "summary": {...}, "columnUnit": "unicodeCodePoints"}
                        sarif: SARIF 2.1.0 for GitHub code scanning
      --quiet, -q       no summary or progress on stderr
      --help, -h        show this help

    Lines and columns are 1-based; columns count Unicode scalars (code points), so a Chinese character
    is one column. File paths are relative to the workspace.

    EXIT STATUS: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unusable workspace.
    """ + "\n\nRULES:\n" + Rule.allCases.map { rule in
      "  " + rule.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)
        + rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + rule.summary
    }.joined(separator: "\n")

  static let informationURI = "https://github.com/corpus-lsp/corpus-lsp"

  enum Format: String { case text, json, sarif }

  static func run(_ arguments: [String]) -> Int32 {
    let options: ParsedOptions
    do {
      options = try ParsedOptions(
        arguments, valueOptions: ["--workspace", "--format"], flagOptions: ["--help", "-h", "--quiet", "-q"])
    } catch {
      printError("check: \(error)\n\n\(help)")
      return 2
    }
    if options.flags.contains("--help") || options.flags.contains("-h") {
      print(help)
      return 0
    }
    guard let format = Format(rawValue: options.values["--format"] ?? "text") else {
      printError("check: unknown format '\(options.values["--format"] ?? "")' (expected text, json or sarif)")
      return 2
    }
    let quiet = options.flags.contains("--quiet") || options.flags.contains("-q")
    let root = options.workspaceURL()
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      printError("check: the workspace \(root.path) is not a folder")
      return 2
    }

    let workspace = CheckWorkspace.load(root: root)
    var notes: [String]
    do {
      notes = try selectNotes(options.positionals, workspace: workspace)
    } catch {
      printError("check: \(error)")
      return 2
    }
    notes.sort()

    let findings = checkNotes(notes, workspace: workspace, showProgress: !quiet)
    var texts = workspace.texts
    for path in Set(notes + findings.map(\.file)) where texts[path] == nil { texts[path] = workspace.noteText(path) }
    // Related locations point into the papers: their raw text places them (SARIF relatedLocations, JSON).
    let relatedFiles = Set(findings.flatMap { $0.related.map(\.file) }).filter { texts[$0] == nil }
    for paper in workspace.index.papers where relatedFiles.contains(paper.file) { texts[paper.file] = paper.rawText }
    // The files the summary counts: the notes checked, and the workspace files with problems (corpus-lsp.json…).
    let counted = Set(notes + workspace.problems.map(\.file)).count
    let report = CheckReport(
      findings: workspace.problems + findings, texts: texts, fileCount: counted,
      workspaceURI: root.absoluteString.hasSuffix("/") ? root.absoluteString : root.absoluteString + "/")

    switch format {
    case .text:
      FileHandle.standardOutput.write(Data(report.text(includeSummary: false).utf8))
    case .json:
      FileHandle.standardOutput.write(Data(report.json().utf8))
    case .sarif:
      let sarif = report.sarif(toolVersion: CommandLineTool.version, informationURI: informationURI)
      FileHandle.standardOutput.write(Data(sarif.utf8))
    }
    if !quiet { FileHandle.standardError.write(Data((report.summaryLine + "\n").utf8)) }
    // No paper to check against (a missing or empty corpus folder): the findings are printed, and CI learns the
    // workspace itself is unusable.
    if workspace.index.papers.isEmpty {
      printError("check: no corpus: no readable .txt or .md file in the corpus of \(root.path)")
      return 2
    }
    return report.errorCount > 0 ? 1 : 0
  }

  struct SelectionError: Error, CustomStringConvertible { let description: String }

  /// Workspace-relative note paths named by the positionals (files or folders), or every note.
  static func selectNotes(_ paths: [String], workspace: CheckWorkspace) throws -> [String] {
    guard !paths.isEmpty else { return workspace.notes }
    var selected: [String] = []
    let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    for path in paths {
      let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
        throw SelectionError(description: "no such file or folder: \(path)")
      }
      if isDirectory.boolValue {
        let prefix = workspace.relativePath(url)
        selected += workspace.notes.filter { prefix.isEmpty || $0.hasPrefix(prefix + "/") }
        if !workspace.contains(url) {
          selected += CheckWorkspace.markdownFiles(under: url).map { workspace.relativePath($0) }
        }
      } else {
        selected.append(workspace.relativePath(url))
      }
    }
    var seen = Set<String>()
    return selected.filter { seen.insert($0).inserted }
  }

  static func checkNotes(_ notes: [String], workspace: CheckWorkspace, showProgress: Bool) -> [Finding] {
    let results = Mutex<[[Finding]]>(Array(repeating: [], count: notes.count))
    let done = Atomic<Int>(0)
    let interactive = isatty(STDERR_FILENO) != 0
    let reportProgress = showProgress && (interactive || notes.count >= 200)
    DispatchQueue.concurrentPerform(iterations: notes.count) { position in
      let path = notes[position]
      let findings: [Finding]
      switch workspace.readNote(path) {
      case .text(let text):
        let context = CheckContext(
          notePath: path, lexiconPath: workspace.lexiconPath, lexiconText: workspace.lexiconText)
        findings = Checker.check(text: text, index: workspace.index, context: context)
      case .problem(let problem):
        findings = [problem]
      }
      results.withLock { $0[position] = findings }
      let count = done.add(1, ordering: .relaxed).newValue
      if reportProgress, interactive || count % 100 == 0 || count == notes.count {
        let line = "checked \(count)/\(notes.count) notes" + (interactive ? "\r" : "\n")
        FileHandle.standardError.write(Data(line.utf8))
      }
    }
    if reportProgress, interactive { FileHandle.standardError.write(Data("\u{1B}[2K".utf8)) }
    return results.withLock { $0.flatMap { $0 } }
  }
}

/// The workspace as `check` needs it: the shared `WorkspaceAnalysis` (the server loads the same), plus the
/// path handling of the command line.
struct CheckWorkspace: Sendable {
  let analysis: WorkspaceAnalysis

  var workspace: Workspace { analysis.workspace }
  var index: CorpusIndex { analysis.index }
  var lexiconText: String? { analysis.lexiconText }
  var problems: [Finding] { analysis.problems }
  /// Texts of the files problems point into.
  var texts: [String: String] { analysis.problemTexts }
  var root: URL { workspace.root }
  var notes: [String] { workspace.noteFiles }
  var lexiconPath: String { analysis.lexiconPath }

  static func load(root: URL) -> CheckWorkspace { CheckWorkspace(analysis: .load(root: root)) }

  func noteText(_ path: String) -> String? {
    if case .text(let text) = readNote(path) { return text }
    return nil
  }

  func readNote(_ path: String) -> WorkspaceAnalysis.NoteRead { analysis.readNote(path) }

  func contains(_ url: URL) -> Bool {
    let base = root.standardizedFileURL.path
    let path = url.standardizedFileURL.path
    return path == base || path.hasPrefix(base + "/")
  }

  func relativePath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let base = root.standardizedFileURL.path
    if path == base { return "" }
    if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
    return path
  }

  static func markdownFiles(under folder: URL) -> [URL] {
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles])
    else { return [] }
    var result: [URL] = []
    for case let url as URL in enumerator {
      if [".build", "node_modules"].contains(url.lastPathComponent) {
        enumerator.skipDescendants()
        continue
      }
      if url.pathExtension.lowercased() == "md" { result.append(url) }
    }
    return result.sorted { $0.path < $1.path }
  }
}
