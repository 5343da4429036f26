//! A quotation in the text the reader set aside: the English abstracts printed after a paper, a running header,
//! the journal's publication details. Its words are in the file, yet in no passage of the paper: the checker and
//! `quote` say where they stand, which a closest passage elsewhere would not explain.

import Dispatch

/// Where a quotation's words stand in text a paper set aside, and what that text is.
public struct SetAsidePlace: Sendable, Equatable {
  public var kind: Artefact.Kind
  /// The words' range in the paper's raw text.
  public var rawRange: TextRange

  /// What the text is, for a message: "the English abstracts printed after the paper".
  public var description: String {
    switch kind {
    // The paper's own English entry too: it was set aside because it could not be read as its abstract.
    case .englishAbstract, .foreignAbstract: return "the English abstracts printed after the paper"
    case .runningHeader: return "a running header"
    case .publicationInfo: return "the journal's publication details"
    case .pageNumber, .pageBreak, .other: return "the page debris removed from the text"
    }
  }

  /// What a message adds after it: the analyst may not know what the reader keeps.
  public static let notCounted = "which corpus-lsp does not count as the paper's text"
}

extension Paper {
  /// Where `fragments` (a quotation, in order, as `QuoteFolding.fragments` cuts it) stand in the text this paper
  /// set aside, if they do. Like a passage, one entry holds them all: an English abstract (an entry starts at a
  /// line indented as a new paragraph is), a header line. Reads the raw text (re-read from the file for a workspace
  /// paper); nil when the file changed since it was indexed, as the artefacts' ranges are the old text's.
  public func setAsidePlace(of fragments: [String]) -> SetAsidePlace? {
    let searched = artefacts.filter { $0.kind != .pageNumber && $0.kind != .pageBreak }
    guard !searched.isEmpty else { return nil }
    let raw = rawText
    guard raw.utf8.count == rawSource.utf8Count else { return nil }
    let bytes = Array(raw.utf8)
    for artefact in searched {
      for entry in Self.entries(of: artefact.rawRange, in: bytes) {
        let text = String(decoding: bytes[entry.start.utf8Offset..<entry.end.utf8Offset], as: UTF8.self)
        guard let found = QuoteMatcher.occurrence(of: fragments, in: text) else { continue }
        let base = entry.start.utf8Offset
        return SetAsidePlace(
          kind: artefact.kind, rawRange: TextRange(base + found.start.utf8Offset, base + found.end.utf8Offset))
      }
    }
    return nil
  }

  /// The entries of the raw range `range`: runs of lines, a new one at each line that starts with white space
  /// (how an extraction marks a new paragraph or entry) or after a blank line. Ranges on line starts and ends:
  /// scalar boundaries.
  static func entries(of range: TextRange, in bytes: [UInt8]) -> [TextRange] {
    let end = min(range.end.utf8Offset, bytes.count)
    var entries: [TextRange] = []
    var entryStart = -1
    var lineStart = max(0, range.start.utf8Offset)
    while lineStart < end {
      var lineEnd = lineStart
      while lineEnd < end, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
      let blank = bytes[lineStart..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 }
      if entryStart >= 0, blank || startsWithWhiteSpace(bytes, at: lineStart, end: lineEnd) {
        entries.append(TextRange(entryStart, lineStart))
        entryStart = -1
      }
      if entryStart < 0, !blank { entryStart = lineStart }
      // \r\n is one line break.
      lineStart = lineEnd + (lineEnd + 1 < end && bytes[lineEnd] == 0x0D && bytes[lineEnd + 1] == 0x0A ? 2 : 1)
    }
    if entryStart >= 0 { entries.append(TextRange(entryStart, end)) }
    return entries
  }
}

/// A space, a tab or U+3000 at `offset`.
private func startsWithWhiteSpace(_ bytes: [UInt8], at offset: Int, end: Int) -> Bool {
  guard offset < end else { return false }
  if bytes[offset] == 0x20 || bytes[offset] == 0x09 { return true }
  return offset + 2 < end && bytes[offset] == 0xE3 && bytes[offset + 1] == 0x80 && bytes[offset + 2] == 0x80
}

extension CorpusLookup {
  /// Where a quotation's words stand in the text set aside by `papers`, in their order: a paper read per task.
  public func setAsidePlaces(of fragments: [String], inPapers papers: [Int]) -> [(paper: Int, place: SetAsidePlace)] {
    let records = papers.compactMap { paper in paperRecord(paper).map { (paper, $0) } }
    let found = ConcurrentResults<SetAsidePlace>(count: records.count)
    DispatchQueue.concurrentPerform(iterations: records.count) { k in
      if let place = records[k].1.setAsidePlace(of: fragments) { found.set(k, place) }
    }
    return zip(records, found.takeValues()).compactMap { record, place in place.map { (record.0, $0) } }
  }
}
