//! Offsets and ranges in UTF-8 bytes: the one internal unit for positions in any text.

/// A UTF-8 byte offset into a text. Protocol positions (UTF-16, UTF-32) are converted at the edge.
public struct TextSize: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var utf8Offset: Int

  public init(_ utf8Offset: Int) { self.utf8Offset = utf8Offset }

  public static let zero = TextSize(0)
  public static func < (lhs: TextSize, rhs: TextSize) -> Bool { lhs.utf8Offset < rhs.utf8Offset }
  public static func + (lhs: TextSize, rhs: Int) -> TextSize { TextSize(lhs.utf8Offset + rhs) }
  public static func - (lhs: TextSize, rhs: TextSize) -> Int { lhs.utf8Offset - rhs.utf8Offset }
  public var description: String { "\(utf8Offset)" }
}

/// A half-open range `start..<end` of UTF-8 offsets. Invariant: `start <= end`.
public struct TextRange: Hashable, Sendable, CustomStringConvertible {
  public var start: TextSize
  public var end: TextSize

  public init(start: TextSize, end: TextSize) {
    self.start = min(start, end)
    self.end = max(start, end)
  }

  public init(_ start: Int, _ end: Int) { self.init(start: TextSize(start), end: TextSize(end)) }

  public static func empty(at offset: TextSize) -> TextRange { TextRange(start: offset, end: offset) }

  public var length: Int { end - start }
  public var isEmpty: Bool { start == end }

  /// True when `offset` lies inside the range or touches its end (a cursor right after a word is "on" it).
  public func contains(inclusive offset: TextSize) -> Bool { start <= offset && offset <= end }
  public func contains(_ offset: TextSize) -> Bool { start <= offset && offset < end }
  public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
  public func intersects(_ other: TextRange) -> Bool { start < other.end && other.start < end }

  public var description: String { "\(start.utf8Offset)..<\(end.utf8Offset)" }
}

extension String {
  /// The substring covered by a UTF-8 range, clamped to the text and to scalar boundaries.
  public func slice(_ range: TextRange) -> String {
    let bytes = utf8
    let count = bytes.count
    var lower = max(0, min(range.start.utf8Offset, count))
    var upper = max(lower, min(range.end.utf8Offset, count))
    let start = bytes.startIndex
    // Snap to scalar boundaries: never cut a multi-byte sequence.
    while lower > 0, lower < count, bytes[bytes.index(start, offsetBy: lower)] & 0xC0 == 0x80 { lower -= 1 }
    while upper < count, upper > 0, bytes[bytes.index(start, offsetBy: upper)] & 0xC0 == 0x80 { upper += 1 }
    let lo = bytes.index(start, offsetBy: lower)
    let hi = bytes.index(start, offsetBy: upper)
    return String(decoding: bytes[lo..<hi], as: UTF8.self)
  }

  public var utf8Size: TextSize { TextSize(utf8.count) }
}

extension Array where Element == TextRange {
  /// The index of the range holding `offset`, by binary search; the ranges must be sorted and disjoint.
  func sortedIndex(containing offset: TextSize) -> Int? {
    var low = 0
    var high = count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = self[mid]
      if offset < range.start { high = mid - 1 } else if offset >= range.end { low = mid + 1 } else { return mid }
    }
    return nil
  }
}
