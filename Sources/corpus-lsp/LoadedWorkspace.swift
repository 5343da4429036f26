//! The indexed workspace for `index`, `quote` and `report`: the shared `WorkspaceAnalysis` (the loader `check`
//! and the server use), with its problems rendered as `file:line:col: severity: message [rule]` lines.
import Corpus
import Foundation

struct LoadedWorkspace {
  var analysis: WorkspaceAnalysis
  var root: URL { analysis.root }
  var workspace: Workspace { analysis.workspace }
  var index: CorpusIndex { analysis.index }
  /// Workspace, paper and lexicon problems, printable as they are.
  var problems: [String] {
    CheckReport(findings: analysis.problems, texts: analysis.problemTexts, fileCount: 0)
      .text(includeSummary: false).split(separator: "\n").map(String.init)
  }

  /// Loads the workspace for `command` (`index`, `quote`, `report`), prints its problems, and returns nil (exit
  /// status 2, a workspace error) when it cannot be loaded or its corpus holds no readable paper: there is
  /// nothing to answer from.
  static func loadCorpusOrPrintError(_ root: URL, for command: String) -> LoadedWorkspace? {
    switch load(root) {
    case .failure(let error):
      printError("\(command): \(error.description)")
      return nil
    case .success(let loaded):
      for problem in loaded.problems { printError("\(command): \(problem)") }
      guard loaded.index.papers.isEmpty else { return loaded }
      let folders = loaded.workspace.config.corpus.map { "\($0)/" }.joined(separator: ", ")
      printError("\(command): no corpus: no readable .txt or .md file in \(folders) of \(root.path)")
      return nil
    }
  }

  static func load(_ root: URL) -> Result<LoadedWorkspace, ParsedOptions.UsageError> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return .failure(ParsedOptions.UsageError(description: "workspace '\(root.path)' is not a folder"))
    }
    return .success(LoadedWorkspace(analysis: .load(root: root)))
  }
}
