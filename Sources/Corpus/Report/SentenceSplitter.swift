//! Sentence boundaries in normalised passage text, for sentence-level co-occurrence and short quotes.

/// Splits after 。！？；!? (and `.` before white space), keeping closing quotes and brackets with the
/// sentence they end, and at line ends. Works on UTF-8 bytes; every range lies on scalar boundaries.
public enum SentenceSplitter {
  /// The sentences of a text, in order, without leading or trailing white space; empty ones are dropped.
  public static func sentences(in text: String) -> [TextRange] {
    let bytes = Array(text.utf8)
    var result: [TextRange] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if let end = sentenceEnd(in: bytes, terminatorAt: index) {
        appendTrimmed(start, end, bytes, &result)
        start = end
        index = end
      } else {
        index += 1
      }
    }
    appendTrimmed(start, bytes.count, bytes, &result)
    return result
  }

  /// The sentence containing `offset` (a mention's start): scans outwards, so it costs one sentence, not a passage.
  public static func sentence(containing offset: TextSize, in bytes: [UInt8]) -> TextRange {
    let target = max(0, min(offset.utf8Offset, bytes.count))
    // The nearest sentence end at or before the target; terminators whose closers run past it do not count.
    var start = 0
    var probe = target - 1
    while probe >= 0 {
      if bytes[probe] & 0xC0 != 0x80, let end = sentenceEnd(in: bytes, terminatorAt: probe), end <= target {
        start = end
        break
      }
      probe -= 1
    }
    var end = bytes.count
    var index = start
    while index < bytes.count {
      if let sentenceEnd = sentenceEnd(in: bytes, terminatorAt: index), sentenceEnd > target {
        end = sentenceEnd
        break
      }
      index += 1
    }
    var trimmed: [TextRange] = []
    appendTrimmed(start, end, bytes, &trimmed)
    return trimmed.first ?? TextRange(start: TextSize(target), end: TextSize(target))
  }

  // MARK: - Bytes

  /// If a sentence terminator starts at `index`, the offset just after it and any closing marks.
  static func sentenceEnd(in bytes: [UInt8], terminatorAt index: Int) -> Int? {
    guard let length = terminatorLength(in: bytes, at: index) else { return nil }
    var end = index + length
    while end < bytes.count, let closer = closerLength(in: bytes, at: end) { end += closer }
    return end
  }

  private static func terminatorLength(in bytes: [UInt8], at index: Int) -> Int? {
    let byte = bytes[index]
    switch byte {
    case UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      return 1
    case UInt8(ascii: "."):
      // "U.S." and "2.5" stay whole: only a full stop followed by white space or the end ends a sentence.
      let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: " ")
      guard next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") else { return nil }
      // Initials ("U.S. policy", "J. Smith"): a single capital after a full stop, a space or the start.
      let isInitial = index >= 1 && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index - 1])
        && (index == 1 || bytes[index - 2] == UInt8(ascii: ".") || bytes[index - 2] == UInt8(ascii: " "))
      return isInitial ? nil : 1
    case 0xE3:  // 。 E3 80 82
      return matches(bytes, index, [0xE3, 0x80, 0x82]) ? 3 : nil
    case 0xEF:  // ！EF BC 81, ？EF BC 9F, ；EF BC 9B
      guard index + 2 < bytes.count, bytes[index + 1] == 0xBC else { return nil }
      return [0x81, 0x9F, 0x9B].contains(bytes[index + 2]) ? 3 : nil
    default:
      return nil
    }
  }

  /// Closing quotes and brackets that stay with the sentence they follow: ” ’ 」 』 ） 》 】 " ' ).
  private static func closerLength(in bytes: [UInt8], at index: Int) -> Int? {
    let byte = bytes[index]
    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: ")") { return 1 }
    let closers: [[UInt8]] = [
      [0xE2, 0x80, 0x9D], [0xE2, 0x80, 0x99], [0xE3, 0x80, 0x8D], [0xE3, 0x80, 0x8F], [0xEF, 0xBC, 0x89],
      [0xE3, 0x80, 0x8B], [0xE3, 0x80, 0x91],
    ]
    for closer in closers where matches(bytes, index, closer) { return 3 }
    return nil
  }

  private static func matches(_ bytes: [UInt8], _ index: Int, _ pattern: [UInt8]) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
    return true
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func appendTrimmed(_ start: Int, _ end: Int, _ bytes: [UInt8], _ result: inout [TextRange]) {
    var lower = start
    var upper = end
    // Full-width space (E3 80 80) is trimmed too: PDF extraction leaves it at paragraph starts.
    while lower < upper {
      if isSpace(bytes[lower]) { lower += 1 } else if matches(bytes, lower, [0xE3, 0x80, 0x80]) { lower += 3 } else {
        break
      }
    }
    while upper > lower, isSpace(bytes[upper - 1]) { upper -= 1 }
    if upper > lower { result.append(TextRange(lower, upper)) }
  }
}
