//! Short, exact quotes around two mentions: the sentence that names both, or one piece of each sentence.

enum QuoteWindow {
  /// About 80 CJK characters or 240 Latin ones: a quote an analyst pastes, not a paragraph.
  static let maxBytes = 240

  /// Exact pieces of `bytes` (normalised passage text) showing both mentions, in order. One piece when both
  /// fit in one sentence-bounded window, otherwise one per mention (a citation joins them with an elision).
  static func fragments(bytes: [UInt8], first: TextRange, second: TextRange) -> [String] {
    let firstSentence = SentenceSplitter.sentence(containing: first.start, in: bytes)
    let secondSentence = SentenceSplitter.sentence(containing: second.start, in: bytes)
    let span = TextRange(start: first.start, end: max(first.end, second.end))
    if firstSentence == secondSentence, span.length <= maxBytes {
      return [text(window(around: span, in: firstSentence, maxBytes: maxBytes, bytes: bytes), bytes)]
    }
    if first.intersects(second) || first.contains(second) || second.contains(first) {
      return [text(window(around: span, in: firstSentence, maxBytes: maxBytes, bytes: bytes), bytes)]
    }
    let half = maxBytes / 2
    let left = window(around: first, in: firstSentence, maxBytes: half, bytes: bytes)
    var right = window(around: second, in: secondSentence, maxBytes: half, bytes: bytes)
    // Pieces must not overlap, or the elided quote would repeat text.
    if right.start < left.end { right = TextRange(start: left.end, end: max(left.end, right.end)) }
    return [text(left, bytes), text(right, bytes)].filter { !$0.isEmpty }
  }

  /// `range` widened to at most `maxBytes` (or the whole sentence when shorter), evenly both sides, kept inside
  /// `sentence` and on scalar boundaries.
  static func window(around range: TextRange, in sentence: TextRange, maxBytes: Int, bytes: [UInt8]) -> TextRange {
    let clampedSentence = TextRange(
      start: min(sentence.start, range.start), end: max(sentence.end, range.end))
    if clampedSentence.length <= maxBytes { return clampedSentence }
    let budget = max(0, maxBytes - range.length)
    let leftRoom = range.start - clampedSentence.start
    let rightRoom = clampedSentence.end - range.end
    var left = min(leftRoom, budget / 2)
    let right = min(rightRoom, budget - left)
    left = min(leftRoom, budget - right)
    var lower = range.start.utf8Offset - left
    var upper = range.end.utf8Offset + right
    while lower < range.start.utf8Offset, lower < bytes.count, bytes[lower] & 0xC0 == 0x80 { lower += 1 }
    while upper > range.end.utf8Offset, upper < bytes.count, bytes[upper] & 0xC0 == 0x80 { upper -= 1 }
    return TextRange(lower, upper)
  }

  private static func text(_ range: TextRange, _ bytes: [UInt8]) -> String {
    let lower = max(0, min(range.start.utf8Offset, bytes.count))
    let upper = max(lower, min(range.end.utf8Offset, bytes.count))
    let piece = String(decoding: bytes[lower..<upper], as: UTF8.self)
    return piece.trimmingWhiteSpace()
  }
}

extension String {
  /// Without leading and trailing white space (ASCII and the full-width space), without Foundation.
  fileprivate func trimmingWhiteSpace() -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
