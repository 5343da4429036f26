//! Inlay hints: a document's short title after each citation key that resolves.

public struct InlayHint: Sendable, Hashable {
  /// Where the hint shows (after the key).
  public var position: TextSize
  public var label: String
  /// The full title and byline, for the hint's tooltip.
  public var tooltip: String
}

public enum InlayHints {
  public static func note(index: CorpusIndex, note: NoteSyntax, in range: TextRange? = nil) -> [InlayHint] {
    var hints: [InlayHint] = []
    for (_, item) in note.citationItems {
      if let range, !range.contains(inclusive: item.keyRange.end) { continue }
      guard let paper = index.paper(forKey: item.key) else { continue }
      let document = index.papers[paper]
      let tooltip = FeatureSupport.title(of: document) + "\n" + FeatureSupport.byline(document.metadata)
      hints.append(InlayHint(position: item.keyRange.end, label: FeatureSupport.shortTitle(of: document), tooltip: tooltip))
    }
    return hints
  }
}
