//! The workspace loaded and indexed: what the editor's features and every command answer from.
import Foundation
import Synchronization

private let analysisGenerations = Atomic<Int>(0)

/// Papers read, lexicon merged, index built, and every workspace problem collected as a `Finding`.
///
/// The one loader for the server and the command line (`check`, `index`, `quote`, `report`), so that both see
/// the same corpus and report the same problems. Immutable and `Sendable`: a new analysis replaces the old one.
public struct WorkspaceAnalysis: Sendable {
  public let workspace: Workspace
  public let index: CorpusIndex
  /// The workspace lexicon's text, when there is one (fixes that add a term edit it).
  public let lexiconText: String?
  /// Configuration, lexicon and corpus problems (invalid-config, invalid-lexicon, undecodable-file…).
  public let problems: [Finding]
  /// Texts of the files that problems point into, so their positions can be shown as line and column.
  public let problemTexts: [String: String]
  /// Unique per load (increasing): caches keyed by it (per-note findings, parsed notes) never outlive the corpus
  /// they were computed against.
  public let generation: Int
  /// The generation of the load that built `index` (kept when a re-index reuses the index): what results computed
  /// from the index alone (quote searches, a note's findings) depend on.
  public let indexGeneration: Int
  /// Corpus files that could not be read, kept so that a re-index reuses the verdict on unchanged files.
  let corpusProblems: [CorpusProblem]
  /// Paper index (into `index.papers`) by workspace-relative path.
  public let paperByFile: [String: Int]
  private let corpusFileSet: Set<String>
  private let noteFileSet: Set<String>

  public init(
    workspace: Workspace, index: CorpusIndex, lexiconText: String?, problems: [Finding], problemTexts: [String: String]
  ) {
    self.init(
      workspace: workspace, index: index, lexiconText: lexiconText, problems: problems, problemTexts: problemTexts,
      corpusProblems: [])
  }

  init(
    workspace: Workspace, index: CorpusIndex, lexiconText: String?, problems: [Finding],
    problemTexts: [String: String], corpusProblems: [CorpusProblem], indexGeneration: Int? = nil
  ) {
    self.workspace = workspace
    self.index = index
    self.lexiconText = lexiconText
    self.problems = problems
    self.problemTexts = problemTexts
    self.corpusProblems = corpusProblems
    self.generation = analysisGenerations.add(1, ordering: .relaxed).newValue
    self.indexGeneration = indexGeneration ?? generation
    var byFile: [String: Int] = [:]
    for (position, paper) in index.papers.enumerated() where byFile[paper.file] == nil { byFile[paper.file] = position }
    self.paperByFile = byFile
    self.corpusFileSet = Set(workspace.corpusFiles)
    self.noteFileSet = Set(workspace.noteFiles)
  }

  public var root: URL { workspace.root }
  public var noteFiles: [String] { workspace.noteFiles }
  /// Where the workspace lexicon is, or would be created.
  public var lexiconPath: String { workspace.lexiconFile ?? workspace.config.lexicon }

  public func isCorpusFile(_ path: String) -> Bool { corpusFileSet.contains(path) }
  public func isNoteFile(_ path: String) -> Bool { noteFileSet.contains(path) }

  /// The paper read from a workspace-relative path.
  public func paper(file: String) -> Paper? {
    guard let position = paperByFile[file], index.papers.indices.contains(position) else { return nil }
    return index.papers[position]
  }

  /// The check context of a note: its path, and the lexicon fixes edit (`lexiconText` overrides the file's text,
  /// e.g. the editor's unsaved copy).
  public func checkContext(notePath: String, lexiconText: String? = nil) -> CheckContext {
    CheckContext(notePath: notePath, lexiconPath: lexiconPath, lexiconText: lexiconText ?? self.lexiconText)
  }

  /// Reads and indexes the workspace at `root`. Never fails: what cannot be read becomes a problem.
  ///
  /// With `previous` and `changedFiles` (workspace-relative paths), papers of unchanged files are reused; when
  /// neither a corpus file, the lexicon nor the configuration changed (a note was added or deleted), the whole
  /// index is reused. `progress` hears what is being done ("Reading 5 papers", "Indexing 5 papers").
  public static func load(
    root: URL, reusing previous: WorkspaceAnalysis? = nil, changedFiles: Set<String>? = nil,
    progress: (@Sendable (String) -> Void)? = nil
  ) -> WorkspaceAnalysis {
    let workspace = Workspace.open(root: root)
    if let previous, let changedFiles, previous.workspace.config == workspace.config,
      previous.workspace.corpusFiles == workspace.corpusFiles, previous.lexiconPath == workspace.lexiconFile
        ?? workspace.config.lexicon,
      !changedFiles.contains(where: { isIndexInput($0, previous: previous, workspace: workspace) })
    {
      return WorkspaceAnalysis(
        workspace: workspace, index: previous.index, lexiconText: previous.lexiconText,
        problems: previous.problems, problemTexts: previous.problemTexts, corpusProblems: previous.corpusProblems,
        indexGeneration: previous.indexGeneration)
    }
    let reused = changedFiles.map { changed in workspace.corpusFiles.filter { !changed.contains($0) }.count } ?? 0
    let toRead = previous == nil ? workspace.corpusFiles.count : workspace.corpusFiles.count - reused
    progress?("Reading \(toRead) \(toRead == 1 ? "paper" : "papers")")
    let (papers, paperProblems) = readPapers(workspace, reusing: previous, changedFiles: changedFiles)
    progress?("Indexing \(papers.count) \(papers.count == 1 ? "paper" : "papers")")
    var texts: [String: String] = [:]
    var lexicon: [Entity] = []
    var lexiconProblems: [IndexProblem] = []
    var lexiconText: String?
    if let data = workspace.lexiconData() {
      let file = workspace.lexiconFile ?? workspace.config.lexicon
      lexiconText = String(decoding: data, as: UTF8.self)
      texts[file] = lexiconText
      (lexicon, lexiconProblems) = Lexicon.parse(data: data, file: file)
    }
    let index = CorpusIndex.build(papers: papers, lexicon: lexicon, problems: lexiconProblems)
    if let data = FileManager.default.contents(atPath: workspace.url(of: WorkspaceConfig.fileName).path) {
      texts[WorkspaceConfig.fileName] = String(decoding: data, as: UTF8.self)
    }
    var problems = (workspace.problems + paperProblems).map { WorkspaceProblems.finding(for: $0, text: texts[$0.file]) }
    problems += index.problems.map { WorkspaceProblems.finding(for: $0, text: texts[$0.file]) }
    // A key given in the configuration that another paper had: that paper's citations would silently change.
    for (overriding, displaced) in CitationKeys.takenByOverrides(in: index.papers) {
      let key = index.papers[overriding].metadata.key ?? ""
      let problem = CorpusProblem(
        file: WorkspaceConfig.fileName,
        range: WorkspaceConfig.range(
          ofKey: key, ofEntryFor: index.papers[overriding].file, in: texts[WorkspaceConfig.fileName] ?? ""),
        kind: .invalidConfig,
        message: "the key \"\(key)\" given to \(index.papers[overriding].file) is the key of "
          + "\(index.papers[displaced].file), which is now cited as \(index.key(of: displaced))")
      problems.append(WorkspaceProblems.finding(for: problem, text: texts[WorkspaceConfig.fileName]))
    }
    // One key given to two papers: the second cannot be cited by it.
    for (first, again) in CitationKeys.sharedOverrides(in: index.papers) {
      let key = index.papers[again].metadata.key ?? ""
      let problem = CorpusProblem(
        file: WorkspaceConfig.fileName,
        range: WorkspaceConfig.range(ofKey: key, ofEntryFor: index.papers[again].file, in: texts[WorkspaceConfig.fileName] ?? ""),
        kind: .invalidConfig,
        message: "the key \"\(key)\" is given to both \(index.papers[first].file) and \(index.papers[again].file); "
          + "[@\(key)] cites \(index.papers[first].file): give \(index.papers[again].file) a key of its own")
      problems.append(WorkspaceProblems.finding(for: problem, text: texts[WorkspaceConfig.fileName]))
    }
    return WorkspaceAnalysis(
      workspace: workspace, index: index, lexiconText: lexiconText, problems: problems, problemTexts: texts,
      corpusProblems: paperProblems)
  }

  /// Whether a changed file feeds the index: a corpus file (now or before), the lexicon, or the configuration.
  private static func isIndexInput(_ file: String, previous: WorkspaceAnalysis, workspace: Workspace) -> Bool {
    file == WorkspaceConfig.fileName || file == previous.lexiconPath || previous.isCorpusFile(file)
      || workspace.isCorpusFile(file)
  }

  /// Reads every corpus file, except those a previous analysis already read and that did not change
  /// (files that failed before are read again).
  private static func readPapers(_ workspace: Workspace, reusing previous: WorkspaceAnalysis?, changedFiles: Set<String>?)
    -> (papers: [Paper], problems: [CorpusProblem])
  {
    guard let previous, let changedFiles, previous.workspace.config == workspace.config else {
      return workspace.readPapers()
    }
    let known = Dictionary(previous.index.papers.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    return workspace.readPapers(reusing: { file in changedFiles.contains(file) ? nil : known[file] })
  }

  /// A note's text, decoded like corpus files (UTF-8, UTF-16 with BOM, GB18030), or the problem that stops it.
  public func readNote(_ path: String) -> NoteRead {
    guard let data = FileManager.default.contents(atPath: workspace.url(of: path).path) else {
      return .problem(Finding(rule: .unreadableFile, file: path, range: TextRange(0, 0), message: "This note cannot be read."))
    }
    switch TextDecoding.decode(data) {
    case .success(let decoded): return .text(decoded.text)
    case .failure(let failure):
      return .problem(Finding(rule: .undecodableFile, file: path, range: TextRange(0, 0),
                              message: "This note cannot be decoded: \(failure.message)."))
    }
  }

  public enum NoteRead: Sendable {
    case text(String)
    case problem(Finding)
  }
}
