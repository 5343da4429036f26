//! `corpus-lsp report`: entity × document and actor × mechanism tables as CSV, and an HTML page with heat maps.
import Corpus
import Foundation
import Synchronization

enum ReportCommand {
  static let defaultTop = 50
  static let defaultQuotes = 20

  static let usage = """
    USAGE: corpus-lsp report [OPTIONS]

    Writes, for the workspace's corpus: documents.csv; entity-document.csv (mentions of each entity in each
    document); actor-mechanism-by-paragraph.csv (paragraphs naming both an actor and a mechanism; by sentence
    with --within sentence); cells.csv (every passage behind every number, with a citation ready to paste);
    and report.html, one self-contained page with the documents and both heat maps. The CSV files are UTF-8
    with a byte-order mark, so that Excel reads their Chinese as it is.

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
    guard let loaded = LoadedWorkspace.loadCorpusOrPrintError(workspace, for: "report") else { return 2 }
    let index = loaded.index
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
    // The page is rendered and written on another core while the CSV tables stream to their files.
    let written: [String]
    do {
      try FileManager.default.createDirectory(at: outFolder, withIntermediateDirectories: true)
      let page = PageWriter()
      let rendering = DispatchGroup()
      if format != .csv {
        let title = "Corpus report: \(workspace.lastPathComponent)"
        let url = outFolder.appendingPathComponent("report.html")
        DispatchQueue.global().async(group: rendering) {
          progress.say("rendering report.html")
          let bytes = ReportHTML.renderBytes(report, title: title)
          progress.say("writing report.html (\(bytes.count / 1_000) kB)")
          do {
            try ReportFileWriter.write(bytes, to: url)
          } catch {
            page.failure.withLock { $0 = error }
          }
        }
      }
      var csvNames: [String] = []
      if format != .html {
        progress.say("writing the CSV tables")
        csvNames = try writeCSV(report, to: outFolder, progress: progress)
      }
      rendering.wait()
      if let failure = page.failure.withLock({ $0 }) { throw failure }
      written = csvNames + (format != .csv ? ["report.html"] : [])
    } catch {
      let reason = (error as? ReportFileWriter.Failure)?.description ?? error.localizedDescription
      printError("report: cannot write to \(outFolder.path): \(reason)")
      return 1
    }
    for name in written { print(displayPath(outFolder.appendingPathComponent(name))) }
    progress.say(
      "\(index.papers.count) documents, \(report.entityDocument.rows.count) entities, "
        + "\(report.actorMechanism.rows.count) actors × \(report.actorMechanism.columns.count) mechanisms")
    return 0
  }

  /// Streams the CSV tables to their files as they are made, written on another thread while the next chunks are
  /// made; the names written, in order.
  static func writeCSV(_ report: CooccurrenceReport, to folder: URL, progress: Progress) throws -> [String] {
    let output = CSVFileOutput(folder: folder, progress: progress)
    ReportCSV.stream(report) { name, chunk in output.append(name, chunk) }
    return try output.finish()
  }

  /// CSV files written from chunks in order, on a serial queue; a few chunks at most wait to be written.
  final class CSVFileOutput: @unchecked Sendable {  // the mutable state is only touched on `queue`
    let folder: URL
    let progress: Progress
    private let queue = DispatchQueue(label: "corpus-lsp.report.csv")
    private let waiting = DispatchSemaphore(value: 8)
    private var writer: ReportFileWriter?
    private var failure: (any Error)?
    private var names: [String] = []

    init(folder: URL, progress: Progress) {
      self.folder = folder
      self.progress = progress
    }

    func append(_ name: String, _ chunk: [UInt8]) {
      waiting.wait()
      queue.async { [self] in
        defer { waiting.signal() }
        guard failure == nil else { return }
        do {
          if writer?.url.lastPathComponent != name {
            try finishFile()
            writer = try ReportFileWriter(folder.appendingPathComponent(name))
            try writer?.write(ReportCSV.byteOrderMark)
            names.append(name)
          }
          try writer?.write(chunk)
        } catch {
          failure = error
        }
      }
    }

    /// Waits for the last chunk; the names written, in order.
    func finish() throws -> [String] {
      try queue.sync {
        if let failure { throw failure }
        try finishFile()
        return names
      }
    }

    private func finishFile() throws {
      guard let done = writer else { return }
      writer = nil
      try done.finish()
      progress.say("wrote \(done.url.lastPathComponent) (\(done.byteCount / 1_000) kB)")
    }
  }

  /// How writing report.html, on another thread, went.
  final class PageWriter: Sendable {
    let failure = Mutex<(any Error)?>(nil)
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
