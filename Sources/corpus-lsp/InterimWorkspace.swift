//! A minimal workspace loader for `index` and `quote` (corpus files under corpus/, lexicon.json at the root),
//! standing in until the shared workspace loader lands.
import Corpus
import Foundation

struct InterimWorkspace {
  var root: URL
  var index: CorpusIndex
  var problems: [IndexProblem]

  static func load(_ root: URL) -> Result<InterimWorkspace, ParsedOptions.UsageError> {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    guard fileManager.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      return .failure(ParsedOptions.UsageError(description: "workspace '\(root.path)' is not a folder"))
    }
    var problems: [IndexProblem] = []
    let corpus = root.appendingPathComponent("corpus").resolvingSymlinksInPath()
    var files: [String] = []
    if let enumerator = fileManager.enumerator(at: corpus, includingPropertiesForKeys: nil) {
      for case let url as URL in enumerator where ["txt", "md"].contains(url.pathExtension.lowercased()) {
        let relative = "corpus/" + url.standardizedFileURL.path.dropFirst(corpus.standardizedFileURL.path.count + 1)
        files.append(relative)
      }
    }
    files.sort()
    var papers: [Paper] = []
    for file in files {
      guard let data = fileManager.contents(atPath: root.appendingPathComponent(file).path) else {
        problems.append(IndexProblem(file: file, message: "cannot read the file"))
        continue
      }
      guard let text = String(data: data, encoding: .utf8) else {
        problems.append(IndexProblem(file: file, message: "the file is not UTF-8 text; skipped"))
        continue
      }
      papers.append(SimplePaperReader.read(file: file, text: text))
    }
    var lexicon: [Entity] = []
    let lexiconURL = root.appendingPathComponent("lexicon.json")
    if let data = fileManager.contents(atPath: lexiconURL.path) {
      let parsed = Lexicon.parse(data: data, file: "lexicon.json")
      lexicon = parsed.entities
      problems += parsed.problems
    }
    let index = CorpusIndex.build(papers: papers, lexicon: lexicon, problems: problems)
    return .success(InterimWorkspace(root: root, index: index, problems: problems))
  }
}
