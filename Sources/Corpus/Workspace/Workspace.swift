//! A workspace folder: finds the corpus, notes, lexicon and config, and reads the papers concurrently.
import Dispatch
import Foundation
import Synchronization

/// The files of one workspace, as the configuration defines them. Paths are relative to `root`, `/`-separated.
public struct Workspace: Sendable {
  public let root: URL
  public let config: WorkspaceConfig
  /// Corpus files (`.txt`, `.md`), sorted.
  public let corpusFiles: [String]
  /// Note files (`.md` outside the corpus), sorted.
  public let noteFiles: [String]
  /// The workspace lexicon, when the file exists.
  public let lexiconFile: String?
  /// Problems found while opening: invalid config, missing corpus folder.
  public let problems: [CorpusProblem]

  public init(
    root: URL, config: WorkspaceConfig, corpusFiles: [String], noteFiles: [String], lexiconFile: String?,
    problems: [CorpusProblem]
  ) {
    self.root = root
    self.config = config
    self.corpusFiles = corpusFiles
    self.noteFiles = noteFiles
    self.lexiconFile = lexiconFile
    self.problems = problems
  }

  /// Opens a workspace folder: reads `corpus-lsp.json` if present, then lists the files.
  public static func open(root: URL) -> Workspace {
    let root = root.absoluteURL.standardizedFileURL
    var problems: [CorpusProblem] = []
    var config = WorkspaceConfig()
    let configURL = root.appendingPathComponent(WorkspaceConfig.fileName)
    if FileManager.default.fileExists(atPath: configURL.path) {
      if let data = try? Data(contentsOf: configURL) {
        let (parsed, configProblems) = WorkspaceConfig.parse(data)
        config = parsed
        problems += configProblems
      } else {
        problems.append(
          CorpusProblem(
            file: WorkspaceConfig.fileName, kind: .unreadableFile, message: "cannot read \(WorkspaceConfig.fileName)"))
      }
    }
    let all = listFiles(root)
    var corpus: [String] = []
    for path in config.corpus {
      let clean = normalize(path)
      let matches = all.filter { ($0 == clean || $0.hasPrefix(clean + "/") || clean.isEmpty) && isCorpusExtension($0) }
      if matches.isEmpty && !all.contains(where: { $0.hasPrefix(clean + "/") || $0 == clean }) {
        // Reported on corpus-lsp.json when it names the folder; otherwise on the folder the default expects.
        let hasConfig = FileManager.default.fileExists(atPath: configURL.path)
        problems.append(
          CorpusProblem(
            file: hasConfig ? WorkspaceConfig.fileName : clean, kind: .missingPath,
            message: "the corpus folder \"\(path)\" does not exist in the workspace"))
      }
      corpus += matches
    }
    corpus = Array(Set(corpus)).sorted()
    let corpusSet = Set(corpus)
    // An override for no file of the corpus (a typo, a renamed file) would be silently ignored.
    let configText = (try? Data(contentsOf: configURL)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    for name in config.documents.keys.sorted() where !corpus.contains(where: { config.names($0, name) }) {
      problems.append(
        CorpusProblem(
          file: WorkspaceConfig.fileName, range: WorkspaceConfig.range(ofString: name, in: configText),
          kind: .missingPath, message: "\"documents\" names \"\(name)\", which is no file of the corpus"))
    }
    var notes: [String]
    if let notePaths = config.notes {
      notes = all.filter { file in
        file.hasSuffix(".md") && !corpusSet.contains(file)
          && notePaths.map(normalize).contains { file == $0 || file.hasPrefix($0 + "/") || $0.isEmpty }
      }
    } else {
      notes = all.filter { $0.hasSuffix(".md") && !corpusSet.contains($0) }
    }
    notes.sort()
    let lexicon = normalize(config.lexicon)
    let lexiconFile = all.contains(lexicon) ? lexicon : nil
    if lexiconFile == nil, config.lexicon != WorkspaceConfig().lexicon {
      problems.append(
        CorpusProblem(
          file: WorkspaceConfig.fileName, kind: .missingPath,
          message: "the lexicon \"\(config.lexicon)\" does not exist"))
    }
    return Workspace(
      root: root, config: config, corpusFiles: corpus, noteFiles: notes, lexiconFile: lexiconFile, problems: problems)
  }

  /// The file's URL: a workspace-relative path from the root; an absolute one (a note `check` was given outside
  /// the workspace) as it is.
  public func url(of file: String) -> URL {
    file.hasPrefix("/") ? URL(fileURLWithPath: file) : root.appendingPathComponent(file)
  }

  /// The lexicon's bytes, if the workspace has one (parsing it is the lexicon's business).
  public func lexiconData() -> Data? {
    guard let lexiconFile else { return nil }
    return try? Data(contentsOf: url(of: lexiconFile))
  }

  public func isCorpusFile(_ file: String) -> Bool { corpusFiles.contains(file) }

  /// Reads and parses every corpus file concurrently. Papers come back in `corpusFiles` order; files that cannot
  /// be read or decoded become problems.
  /// `reusing` returns a paper already read for a file that did not change (nil: read it).
  public func readPapers(reusing known: @Sendable (String) -> Paper? = { _ in nil })
    -> (papers: [Paper], problems: [CorpusProblem])
  {
    let files = corpusFiles
    let rootPath = root.path
    let results = Mutex<[Result<Paper, CorpusProblem>?]>(Array(repeating: nil, count: files.count))
    // One reader a core, each taking the next file and reading it into its own buffer (see `FileBuffer`).
    let nextFile = Mutex(0)
    let readers = max(1, min(files.count, ProcessInfo.processInfo.activeProcessorCount))
    DispatchQueue.concurrentPerform(iterations: readers) { _ in
      var buffer = FileBuffer()
      defer { buffer.deallocate() }
      while true {
        let index = nextFile.withLock { next in
          defer { next += 1 }
          return next
        }
        guard index < files.count else { break }
        let result = known(files[index]).map { .success($0) } ?? readPaper(files[index], rootPath: rootPath, into: &buffer)
        results.withLock { $0[index] = result }
      }
    }
    var papers: [Paper] = []
    var problems: [CorpusProblem] = []
    for result in results.withLock({ $0 }) {
      switch result {
      case .success(let paper): papers.append(paper)
      case .failure(let problem): problems.append(problem)
      case nil: break
      }
    }
    return (papers, problems)
  }

  /// Reads one corpus file, applying its overrides.
  public func readPaper(_ file: String) -> Result<Paper, CorpusProblem> {
    var buffer = FileBuffer()
    defer { buffer.deallocate() }
    return readPaper(file, rootPath: root.path, into: &buffer)
  }

  /// Reads one corpus file from a path string (appending a component to a URL, or reading through one, costs a
  /// good part of what parsing a small paper does), through `buffer`.
  private func readPaper(_ file: String, rootPath: String, into buffer: inout FileBuffer) -> Result<Paper, CorpusProblem> {
    let path = rootPath + "/" + file
    guard let bytes = buffer.read(path: path) else {
      return .failure(CorpusProblem(file: file, kind: .unreadableFile, message: "cannot read \(file)"))
    }
    return PaperReader.read(file: file, bytes: bytes, overrides: config.override(for: file), sourcePath: path)
  }

  // MARK: Files

  private static func isCorpusExtension(_ path: String) -> Bool { path.hasSuffix(".txt") || path.hasSuffix(".md") }

  private static func normalize(_ path: String) -> String {
    var parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.map(String.init)
    if parts.first == "~" { parts.removeFirst() }
    return parts.joined(separator: "/")
  }

  /// Every regular file under the root, relative, skipping hidden files and folders and build output.
  /// Paths come from the enumerator relative to the root, so a relative or symlinked root works the same.
  /// A symlinked folder inside the workspace (a shared `corpus/`, say) is followed, once per real folder.
  static func listFiles(_ root: URL) -> [String] {
    let real = root.resolvingSymlinksInPath()
    var visited: Set<String> = [real.path]
    return listFiles(real, prefix: "", visited: &visited).sorted()
  }

  private static func listFiles(_ folder: URL, prefix: String, visited: inout Set<String>) -> [String] {
    var files: [String] = []
    listFiles(folder, relative: "", prefix: prefix, visited: &visited, into: &files)
    return files
  }

  /// The files of one folder and its subfolders, through `readdir`: its entries carry their type, where
  /// FileManager's enumerator stats every entry and builds a dictionary of its attributes (most of the time taken
  /// to open a workspace of a few thousand papers).
  private static func listFiles(
    _ folder: URL, relative: String, prefix: String, visited: inout Set<String>, into files: inout [String]
  ) {
    let folderPath = folder.path + (relative.isEmpty ? "" : "/" + relative)
    guard let directory = opendir(folderPath) else { return }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      var type = Int32(entry.pointee.d_type)
      if type == Int32(DT_UNKNOWN) {
        // Some file systems leave the type out of the entry.
        var info = stat()
        guard lstat(folderPath + "/" + name, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: type = Int32(DT_DIR)
        case S_IFREG: type = Int32(DT_REG)
        case S_IFLNK: type = Int32(DT_LNK)
        default: continue
        }
      }
      if name.hasPrefix(".") || (type == Int32(DT_DIR) && (name == "node_modules" || name == ".build")) { continue }
      if type == Int32(DT_REG) {
        files.append(prefix + path)
      } else if type == Int32(DT_DIR) {
        listFiles(folder, relative: path, prefix: prefix, visited: &visited, into: &files)
      } else if type == Int32(DT_LNK) {
        let url = folder.appendingPathComponent(path)
        if isRegularFile(url) {
          files.append(prefix + path)
        } else if isDirectory(url) {
          let real = url.resolvingSymlinksInPath().path
          if visited.insert(real).inserted {
            files += listFiles(URL(fileURLWithPath: real), prefix: prefix + path + "/", visited: &visited)
          }
        }
      }
    }
  }

  private static func isDirectory(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  private static func isRegularFile(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}
