//! A quotation in the text the reader set aside: the English abstracts printed after a paper, a running header,
//! the journal's publication details. It is in the file, yet no passage of the paper: the checker says so, where
//! it would otherwise point at some distant near miss.

/// Where a quotation stands in text the reader set aside, and what that text is.
public struct SetAsideQuotation: Sendable, Equatable {
  public var kind: Artefact.Kind
  /// The quotation's range in the paper's raw text.
  public var rawRange: TextRange

  /// What the text is, for a message: "the English abstracts printed after the paper".
  public var description: String {
    switch kind {
    case .englishAbstract, .foreignAbstract: return "the English abstracts printed after the paper"
    case .runningHeader: return "a running header"
    case .publicationInfo: return "the journal's publication details"
    case .pageNumber, .pageBreak, .other: return "the page debris removed from the text"
    }
  }
}

extension Paper {
  /// Where `fragments` (a quotation, in order) occur in the text this paper set aside, if they do. Reads the raw
  /// text (re-read from the file for a workspace paper): for a quotation already known to be in no passage.
  public func setAsideQuotation(_ fragments: [String]) -> SetAsideQuotation? {
    let searched = artefacts.filter { $0.kind != .pageNumber && $0.kind != .pageBreak }
    guard !searched.isEmpty else { return nil }
    let raw = rawText
    for artefact in searched {
      let text = raw.slice(artefact.rawRange)
      guard let found = QuoteMatcher.occurrence(of: fragments, in: text) else { continue }
      let start = artefact.rawRange.start.utf8Offset
      return SetAsideQuotation(
        kind: artefact.kind,
        rawRange: TextRange(start + found.start.utf8Offset, start + found.end.utf8Offset))
    }
    return nil
  }
}
