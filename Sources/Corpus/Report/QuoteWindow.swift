//! Short, exact quotes around two mentions: the sentence that names both, or one piece of each sentence.

enum QuoteWindow {
  /// About 80 CJK characters or 240 Latin ones: a quote an analyst pastes, not a paragraph.
  static let maxBytes = 240

  /// Exact pieces of `bytes` (normalised passage text) showing both mentions, in order. One piece when both
  /// fit in one sentence-bounded window, otherwise one per mention (a citation joins them with an elision).
  /// Footnote marks (`marks`, ranges in the passage) are left out of the pieces.
  static func fragments(
    bytes: [UInt8], first: TextRange, in firstSentence: TextRange, second: TextRange, in secondSentence: TextRange,
    marks: [TextRange] = []
  ) -> [String] {
    func text(_ range: TextRange, _ bytes: [UInt8]) -> String { piece(range, bytes, marks: marks) }
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
    // A cut inside a sentence moves to the nearest clause break, so a quote never opens on half a phrase.
    if lower > clampedSentence.start.utf8Offset {
      var probe = lower
      while probe < range.start.utf8Offset {
        if let length = clauseBreakLength(bytes, at: probe) {
          lower = probe + length
          break
        }
        probe += 1
      }
    }
    if upper < clampedSentence.end.utf8Offset {
      var probe = upper - 1
      while probe >= range.end.utf8Offset {
        if bytes[probe] & 0xC0 != 0x80, clauseBreakLength(bytes, at: probe) != nil {
          upper = probe
          break
        }
        probe -= 1
      }
    }
    return TextRange(lower, max(lower, upper))
  }

  /// The length of a clause break (，、：；,) starting at `index`, if one does.
  static func clauseBreakLength(_ bytes: [UInt8], at index: Int) -> Int? {
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: ",") { return 1 }
    guard index + 2 < bytes.count else { return nil }
    let (b0, b1, b2) = (bytes[index], bytes[index + 1], bytes[index + 2])
    if b0 == 0xEF, b1 == 0xBC, b2 == 0x8C || b2 == 0x9A || b2 == 0x9B { return 3 }  // ，：；
    if b0 == 0xE3, b1 == 0x80, b2 == 0x81 { return 3 }  // 、
    return nil
  }

  /// The text of `range` without the footnote marks in it: quote matching skips them in the source, and a mark
  /// (`a`, `^①`) pasted into a note would read as the author's words.
  private static func piece(_ range: TextRange, _ bytes: [UInt8], marks: [TextRange]) -> String {
    let lower = max(0, min(range.start.utf8Offset, bytes.count))
    let upper = max(lower, min(range.end.utf8Offset, bytes.count))
    var kept: [UInt8] = []
    kept.reserveCapacity(upper - lower)
    var offset = lower
    for mark in marks.sorted(by: { $0.start < $1.start }) where mark.end.utf8Offset > offset {
      let markStart = max(offset, min(mark.start.utf8Offset, upper))
      kept += bytes[offset..<markStart]
      offset = max(markStart, min(mark.end.utf8Offset, upper))
      if offset >= upper { break }
    }
    if offset < upper { kept += bytes[offset..<upper] }
    return String(decoding: kept, as: UTF8.self).trimmingWhiteSpace()
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
