//! The indexed workspace for `index` and `quote`: the shared workspace loader and paper reader, the
//! workspace lexicon, and the built index, with every problem collected.
import Corpus
import Foundation

struct InterimWorkspace {
  var root: URL
  var workspace: Workspace
  var index: CorpusIndex
  /// Workspace, paper and lexicon problems, printable as `file:line:col: message`.
  var problems: [String]

  static func load(_ root: URL) -> Result<InterimWorkspace, ParsedOptions.UsageError> {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return .failure(ParsedOptions.UsageError(description: "workspace '\(root.path)' is not a folder"))
    }
    let workspace = Workspace.open(root: root)
    let (papers, paperProblems) = workspace.readPapers()
    var problems = (workspace.problems + paperProblems).map(\.description)
    var lexicon: [Entity] = []
    var lexiconProblems: [IndexProblem] = []
    if let data = workspace.lexiconData() {
      (lexicon, lexiconProblems) = Lexicon.parse(data: data, file: workspace.lexiconFile ?? "lexicon.json")
    }
    problems += lexiconProblems.map(\.description)
    let index = CorpusIndex.build(papers: papers, lexicon: lexicon, problems: lexiconProblems)
    return .success(InterimWorkspace(root: root, workspace: workspace, index: index, problems: problems))
  }
}
