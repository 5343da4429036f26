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

  /// Loads the workspace, or prints why it cannot be (a missing folder) and returns nil: exit status 2.
  static func loadOrPrintError(_ root: URL) -> LoadedWorkspace? {
    switch load(root) {
    case .success(let loaded): return loaded
    case .failure(let error):
      printError(error.description)
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
