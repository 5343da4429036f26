//! The five reference papers in `../shared/corpus`, read once for every test that needs them (nil without them).
import Corpus
import Foundation

public enum ReferencePapers {
  /// Every reference paper, read as `corpus/<name>`, in file-name order; nil when `../shared/corpus` is absent
  /// or holds none.
  public static let all: [Paper]? = TestPaths.sharedCorpus.flatMap { read(folder: $0) }

  /// Every `.txt` paper in `folder`, read as `corpus/<name>`, in file-name order; nil when there are none.
  public static func read(folder: URL) -> [Paper]? {
    guard
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".txt") })
        .sorted()
    else { return nil }
    let papers = names.compactMap { name -> Paper? in
      guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
        case .success(let paper) = PaperReader.read(file: "corpus/" + name, data: data)
      else { return nil }
      return paper
    }
    return papers.isEmpty ? nil : papers
  }

  /// The index over all five, built once.
  public static let index: CorpusIndex? = all.map { CorpusIndex.build(papers: $0) }

  /// The paper whose file name starts with `prefix` (`000` … `004`).
  public static func paper(_ prefix: String) -> Paper? {
    all?.first { $0.file.hasPrefix("corpus/" + prefix) }
  }
}
