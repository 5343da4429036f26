//! `corpus-bench dump`: not a benchmark but its check. A speed-up must change no answer: dump a workspace before
//! and after, and compare the files.
import Corpus
import Foundation

enum Dump {
  static let help = """
    USAGE: corpus-bench dump --workspace DIR [--out FILE]

    Reads and indexes the workspace and writes, in a stable order, every entity with every mention (paper,
    passage, normalised and raw offsets), then every paper's title, year, paragraphs with their footnote marks,
    and footnotes. Identical files before and after a change mean identical papers and mentions.
    """

  static func run(_ arguments: [String]) -> Int32 {
    var workspace: String?
    var out: String?
    var index = 0
    while index < arguments.count {
      switch arguments[index] {
      case "--workspace" where index + 1 < arguments.count:
        workspace = arguments[index + 1]
        index += 1
      case "--out" where index + 1 < arguments.count:
        out = arguments[index + 1]
        index += 1
      case "--help", "-h":
        print(help)
        return 0
      default:
        FileHandle.standardError.write(Data("corpus-bench dump: unknown option \(arguments[index])\n\n\(help)\n".utf8))
        return 2
      }
      index += 1
    }
    guard let workspace else {
      FileHandle.standardError.write(Data("corpus-bench dump: --workspace is required\n\n\(help)\n".utf8))
      return 2
    }
    let (papers, _) = Workspace.open(root: URL(fileURLWithPath: workspace)).readPapers()
    let corpus = CorpusIndex.build(papers: papers)
    var text = ""
    for (number, entity) in corpus.entities.enumerated() {
      text += "E \(entity.id) \(entity.kind) \(entity.aliases.joined(separator: "|"))\n"
      for mention in corpus.mentions(of: number) {
        text += "  \(mention.paper) \(mention.passage) \(mention.range) raw \(mention.rawRange)\n"
      }
    }
    for paper in papers {
      text += "P \(paper.stem) \(paper.metadata.year.map(String.init) ?? "-") \(paper.metadata.title)\n"
      for paragraph in paper.paragraphs {
        let marks = paragraph.footnoteRefs.map { "\($0.range)" }
        text += "¶\(paragraph.number) \(paragraph.passage.text) marks \(marks)\n"
      }
      for note in paper.footnotes { text += "fn\(note.number) \(note.passage.text)\n" }
    }
    guard let out else {
      print(text, terminator: "")
      return 0
    }
    do {
      try text.write(toFile: out, atomically: true, encoding: .utf8)
    } catch {
      FileHandle.standardError.write(Data("corpus-bench dump: cannot write \(out): \(error)\n".utf8))
      return 1
    }
    return 0
  }
}
