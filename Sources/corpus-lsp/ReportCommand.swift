//! `corpus-lsp report`: entity × document and actor × mechanism tables as CSV, and an HTML page with heat maps.
import Corpus
import Foundation

enum ReportCommand {
  static let defaultTop = 50
  static let defaultQuotes = 20

  static let usage = """
    USAGE: corpus-lsp report [OPTIONS]

    Writes, for the workspace's corpus: documents.csv; entity-document.csv (mentions of each entity in each
    document); actor-mechanism-by-paragraph.csv (paragraphs naming both an actor and a mechanism; by sentence
    with --within sentence); cells.csv (every passage behind every number, with a citation ready to paste);
    and report.html, one self-contained page with the documents and both heat maps.

    OPTIONS:
      --workspace DIR     the workspace (default: the current folder)
      --out DIR           where to write (default: report/ in the workspace)
      --format FORMAT     csv, html or all (default: all)
      --top N             keep the N most mentioned entities, and the N most mentioned actors and mechanisms
                          (default: \(defaultTop); 0 keeps every entity the corpus names)
      --kind KIND         entity kinds in the entity × document table, comma-separated (default: every kind)
      --within SCOPE      co-occurrence in the same paragraph (default) or sentence
      --quotes N          quote N passages of each co-occurrence cell in cells.csv, in turn from each document
                          (default: \(defaultQuotes); 0 quotes every passage); every passage is listed either way
      --quiet             no progress on stderr
      --help, -h          show this help

    Exit status: 0 written; 1 the files could not be written; 2 usage error, or no corpus to report on.
    """

  enum Format: String {
    case csv, html, all
  }

  static func run(_ arguments: [String]) -> Int32 {
    let options: ParsedOptions
    do {
      options = try ParsedOptions(
        arguments, valueOptions: ["--workspace", "--out", "--format", "--top", "--kind", "--within", "--quotes"],
        flagOptions: ["--help", "-h", "--quiet"])
    } catch {
      printError("report: \(error)\n\n\(usage)")
      return 2
    }
    if options.flags.contains("--help") || options.flags.contains("-h") {
      print(usage)
      return 0
    }
    if let extra = options.positionals.first {
      printError("report: unexpected argument '\(extra)'")
      return 2
    }
    guard let format = Format(rawValue: options.values["--format"] ?? "all") else {
      printError("report: --format must be csv, html or all")
      return 2
    }
    guard let scope = CooccurrenceScope(rawValue: options.values["--within"] ?? "paragraph") else {
      printError("report: --within must be paragraph or sentence")
      return 2
    }
    var top: Int? = defaultTop
    if let value = options.values["--top"] {
      guard let number = Int(value), number >= 0 else {
        printError("report: --top needs a number (0 for every entity)")
        return 2
      }
      top = number == 0 ? nil : number
    }
    var quotes: Int? = defaultQuotes
    if let value = options.values["--quotes"] {
      guard let number = Int(value), number >= 0 else {
        printError("report: --quotes needs a number (0 to quote every passage)")
        return 2
      }
      quotes = number == 0 ? nil : number
    }
    var kinds: Set<EntityKind>?
    if let value = options.values["--kind"] {
      let names = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      guard !names.isEmpty else {
        printError("report: --kind needs a kind, such as actor or mechanism")
        return 2
      }
      kinds = Set(names.map { EntityKind(rawValue: $0) })
    }

    let progress = Progress(quiet: options.flags.contains("--quiet"))
    let workspace = options.workspaceURL()
    let outFolder = options.values["--out"].map { URL(fileURLWithPath: $0).standardizedFileURL }
      ?? workspace.appendingPathComponent("report")

    progress.say("reading and indexing the corpus in \(workspace.path)")
    let index: CorpusIndex
    switch InterimWorkspace.load(workspace) {
    case .success(let loaded):
      for problem in loaded.problems { printError("report: \(problem)") }
      index = loaded.index
      guard !index.papers.isEmpty else {
        let folders = loaded.workspace.config.corpus.map { "\($0)/" }.joined(separator: ", ")
        printError("report: no corpus to report on: no readable .txt or .md file in \(folders) of \(workspace.path)")
        return 2
      }
    case .failure(let failure):
      printError("report: \(failure.description)")
      return 2
    }
    progress.say("indexed \(index.papers.count) documents, \(index.entities.count) entities")
    if let known = kinds {
      let present = Set(index.entities.map(\.kind))
      for kind in known.subtracting(present).sorted() {
        let kindList = present.sorted().map(\.rawValue).joined(separator: ", ")
        printError("report: warning: no entity of kind '\(kind)' (kinds: \(kindList))")
      }
    }

    let report = CooccurrenceReport(
      index: index, options: ReportOptions(scope: scope, top: top, kinds: kinds, quotesPerCell: quotes),
      progress: progress.say)
    var files: [(name: String, bytes: [UInt8])] = []
    if format != .html {
      progress.say("writing the CSV tables")
      files += ReportCSV.files(for: report)
    }
    if format != .csv {
      progress.say("rendering report.html")
      files.append(
        ("report.html", ReportHTML.renderBytes(report, title: "Corpus report: \(workspace.lastPathComponent)")))
    }

    do {
      try FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
      for file in files {
        progress.say("writing \(file.name) (\(file.bytes.count / 1_000) kB)")
        try Data(file.bytes).write(to: outFolder.appendingPathComponent(file.name), options: .atomic)
      }
    } catch {
      printError("report: cannot write to \(outFolder.path): \(error.localizedDescription)")
      return 1
    }
    for file in files { print(displayPath(outFolder.appendingPathComponent(file.name))) }
    progress.say(
      "\(index.papers.count) documents, \(report.entityDocument.rows.count) entities, "
        + "\(report.actorMechanism.rows.count) actors × \(report.actorMechanism.columns.count) mechanisms")
    return 0
  }

  /// A path relative to the current folder when it is inside it.
  static func displayPath(_ url: URL) -> String {
    let current = FileManager.default.currentDirectoryPath
    let path = url.path
    return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
  }

  /// Progress lines on stderr, with the time since the start.
  final class Progress: Sendable {
    let quiet: Bool
    let start = Date()

    init(quiet: Bool) { self.quiet = quiet }

    func say(_ message: String) {
      guard !quiet else { return }
      let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
      FileHandle.standardError.write(Data("corpus-lsp report: [\(seconds)s] \(message)\n".utf8))
    }
  }
}
