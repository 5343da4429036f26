//! Document links: each citation key that resolves links to its corpus file.

public struct DocumentLink: Sendable, Hashable {
  public var range: TextRange
  /// Workspace-relative path of the corpus file.
  public var target: String
  /// 1-based raw line the link should open at (the cited passage, else the title).
  public var line: Int
  public var tooltip: String
}

public enum DocumentLinks {
  public static func note(index: CorpusIndex, note: NoteSyntax) -> [DocumentLink] {
    var links: [DocumentLink] = []
    for (citation, item) in note.citationItems {
      guard let paper = index.paper(forKey: item.key) else { continue }
      let document = index.papers[paper]
      let target = Definition.citedRange(index: index, note: note, citation: citation, item: item, paper: paper)
      let line = (index.papers.first { $0.file == target.file } ?? document).rawLine(containing: target.range.start) + 1
      links.append(DocumentLink(range: item.keyRange, target: target.file, line: line,
                                tooltip: FeatureSupport.title(of: document)))
    }
    return links
  }
}
