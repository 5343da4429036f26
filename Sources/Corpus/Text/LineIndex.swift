//! Line starts of a text and conversions between UTF-8 offsets and (line, column) in any unit.
import Synchronization

/// The unit a column is counted in. LSP's `positionEncoding` maps onto this one-to-one.
public enum TextUnit: String, Sendable, CaseIterable {
  case utf8, utf16, utf32
}

/// Line table for one text. Lines end at `\n`, `\r\n` or `\r`.
///
/// Stores only line starts (32 bits each); columns are computed by scanning the one line concerned, so the
/// index costs 4 bytes a line whatever the script (a long line's scan starts from the nearest of its
/// checkpoints, made when it is first needed). All inputs are clamped, never trapped on:
/// a line past the end means end of text, a column past the end of a line means end of line,
/// a column inside a multi-unit character snaps to that character's start.
public struct LineIndex: Sendable {
  public let text: String
  /// UTF-8 offset of the first byte of each line. Always non-empty (`[0]` for an empty text).
  public var lineStarts: [Int] { starts.map { Int($0) } }
  /// `lineStarts` as stored: 32 bits a line (a text beyond 4 GiB is not a corpus file or a note).
  private let starts: [UInt32]
  public let utf8Count: Int
  /// Checkpoints of the long lines positions were asked on, shared by copies of this index.
  private let longLines = LongLineColumns()

  public init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    self.text = text
    var starts: [UInt32] = [0]
    let count = text.utf8.count
    text.utf8.withContiguousStorageIfAvailable { bytes in
      guard let raw = UnsafeRawPointer(bytes.baseAddress) else { return }
      var i = 0
      while i < count {
        // Skip 8 bytes at a time while they hold no line terminator (most of any text, and all of CJK prose).
        if i + 8 <= count, !Self.containsLineTerminator(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
          i += 8
          continue
        }
        let b = bytes[i]
        if b == 0x0A {
          starts.append(UInt32(truncatingIfNeeded: i + 1))
        } else if b == 0x0D {
          if i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
          starts.append(UInt32(truncatingIfNeeded: i + 1))
        }
        i += 1
      }
    }
    // Without the spare capacity of appending: every paper keeps its index.
    self.starts = starts.capacity > starts.count ? starts.withUnsafeBufferPointer { Array($0) } : starts
    self.utf8Count = count
  }

  /// An index whose line starts are already known (the reader splits the same lines): `starts` must be what
  /// `init(_:)` would find, `[0]` first.
  init(_ text: String, knownStarts: [UInt32]) {
    var text = text
    text.makeContiguousUTF8()
    self.text = text
    self.starts = knownStarts.isEmpty ? [0] : knownStarts
    self.utf8Count = text.utf8.count
  }

  public var lineCount: Int { starts.count }

  /// The line starts as stored, for a paper that keeps them without its text.
  var storedStarts: [UInt32] { starts }

  /// Offset of the first byte of `line` (clamped).
  public func lineStart(_ line: Int) -> TextSize {
    if line < 0 { return .zero }
    if line >= starts.count { return TextSize(utf8Count) }
    return TextSize(Int(starts[line]))
  }

  /// Offset just past the last character of `line`, before its terminator.
  public func lineEnd(_ line: Int) -> TextSize {
    if line < 0 { return lineEnd(0) }
    if line >= starts.count { return TextSize(utf8Count) }
    var end = line + 1 < starts.count ? Int(starts[line + 1]) : utf8Count
    withBytes { bytes in
      if end > Int(starts[line]), bytes[end - 1] == 0x0A { end -= 1 }
      if end > Int(starts[line]), bytes[end - 1] == 0x0D { end -= 1 }
    }
    return TextSize(end)
  }

  /// Zero-based line containing `offset` (clamped to the text).
  public func line(containing offset: TextSize) -> Int {
    Self.line(containing: max(0, min(offset.utf8Offset, utf8Count)), starts: starts)
  }

  /// The last line whose start is at or before `offset`, by binary search over line starts (also for a paper that
  /// keeps its starts without its text).
  static func line(containing offset: Int, starts: [UInt32]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// Zero-based (line, column) of `offset`, the column counted in `unit`.
  /// An offset inside a line terminator or inside a multi-byte character is moved back to a boundary.
  public func lineColumn(at offset: TextSize, unit: TextUnit) -> (line: Int, column: Int) {
    let line = line(containing: offset)
    let start = Int(starts[line])
    let end = lineEnd(line).utf8Offset
    let target = max(start, min(scalarBoundary(atOrBefore: offset).utf8Offset, end))
    if unit == .utf8 || end - start <= Self.longLine { return (line, columnCount(from: start, to: target, unit: unit)) }
    let marks = checkpoints(ofLine: line, start: start, end: end)
    let k = marks.last(atOrBefore: target, in: marks.offsets)
    let counted = unit == .utf16 ? marks.utf16[k] : marks.utf32[k]
    return (line, counted + columnCount(from: marks.offsets[k], to: target, unit: unit))
  }

  /// UTF-8 offset of (line, column), the column counted in `unit`; clamped as the type describes.
  public func offset(line: Int, column: Int, unit: TextUnit) -> TextSize {
    if line < 0 { return .zero }
    if line >= starts.count { return TextSize(utf8Count) }
    let start = Int(starts[line])
    let end = lineEnd(line).utf8Offset
    if column <= 0 { return TextSize(start) }
    var from = start
    var units = 0
    if end - start > Self.longLine {
      let marks = checkpoints(ofLine: line, start: start, end: end)
      let k: Int
      switch unit {
      case .utf8: k = marks.last(atOrBefore: start + column, in: marks.offsets)
      case .utf16: k = marks.last(atOrBefore: column, in: marks.utf16)
      case .utf32: k = marks.last(atOrBefore: column, in: marks.utf32)
      }
      from = marks.offsets[k]
      units = unit == .utf8 ? from - start : unit == .utf16 ? marks.utf16[k] : marks.utf32[k]
    }
    var result = end
    withBytes { bytes in
      var i = from
      while i < end {
        let width = Self.sequenceLength(bytes[i])
        let step: Int
        switch unit {
        case .utf8: step = width
        case .utf16: step = width == 4 ? 2 : 1
        case .utf32: step = 1
        }
        if units + step > column { result = i; return }  // inside this character: snap to its start
        units += step
        i = min(end, i + width)
        if units == column { result = i; return }
      }
      result = end
    }
    return TextSize(result)
  }

  /// Number of `unit`s between two offsets of the same text (`from <= to`, on scalar boundaries).
  public func columnCount(from: Int, to: Int, unit: TextUnit) -> Int {
    if unit == .utf8 { return to - from }
    var count = 0
    withBytes { bytes in
      var i = from
      while i < to {
        let b = bytes[i]
        if b & 0xC0 != 0x80 {
          count += (unit == .utf16 && b >= 0xF0) ? 2 : 1
        }
        i += 1
      }
    }
    return count
  }

  // MARK: Long lines

  /// Lines longer than this many bytes have their columns counted at checkpoints (see `LongLineColumns`).
  static let longLine = 4096
  /// Bytes between two checkpoints of a long line.
  static let checkpointStride = 1024

  /// The checkpoints of a long line, made on first use.
  private func checkpoints(ofLine line: Int, start: Int, end: Int) -> LineCheckpoints {
    longLines.checkpoints(ofLine: line) {
      var marks = LineCheckpoints(offsets: [start], utf16: [0], utf32: [0])
      withBytes { bytes in
        var utf16 = 0
        var utf32 = 0
        var last = start
        for i in start..<end where bytes[i] & 0xC0 != 0x80 {
          if i - last >= Self.checkpointStride {
            marks.offsets.append(i)
            marks.utf16.append(utf16)
            marks.utf32.append(utf32)
            last = i
          }
          utf16 += bytes[i] >= 0xF0 ? 2 : 1
          utf32 += 1
        }
      }
      return marks
    }
  }

  /// Moves an offset back to the start of the scalar it falls in.
  public func scalarBoundary(atOrBefore offset: TextSize) -> TextSize {
    var i = max(0, min(offset.utf8Offset, utf8Count))
    withBytes { bytes in
      while i > 0, i < utf8Count, bytes[i] & 0xC0 == 0x80 { i -= 1 }
    }
    return TextSize(i)
  }

  private func withBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
    if text.utf8.withContiguousStorageIfAvailable({ body($0) }) == nil {
      let copy = Array(text.utf8)
      copy.withUnsafeBufferPointer { body($0) }
    }
  }

  /// True when one of the 8 bytes of `word` is `\n` or `\r` (the classic "has zero byte" bit trick).
  @inline(__always) static func containsLineTerminator(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let lf = word ^ (ones &* 0x0A)
    let cr = word ^ (ones &* 0x0D)
    return ((lf &- ones) & ~lf & highs) | ((cr &- ones) & ~cr & highs) != 0
  }

  @inline(__always) static func sequenceLength(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead >= 0xF0 { return 4 }
    if lead >= 0xE0 { return 3 }
    if lead >= 0xC0 { return 2 }
    return 1  // stray continuation byte: step over it
  }
}

/// Columns at points along one long line: where each checkpoint is (a UTF-8 offset on a scalar boundary, the
/// line's start first) and how many UTF-16 units and scalars lie between the line's start and it.
struct LineCheckpoints: Sendable {
  var offsets: [Int]
  var utf16: [Int]
  var utf32: [Int]

  /// The last index of ascending `values` whose value is at most `value` (0 when none is).
  func last(atOrBefore value: Int, in values: [Int]) -> Int {
    var low = 0
    var high = values.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if values[mid] <= value { low = mid } else { high = mid - 1 }
    }
    return low
  }
}

/// Checkpoints of a text's long lines, made when a position on one is first converted. Without them every
/// conversion counts from the line's start, and the many positions asked on one long line (an extract pasted
/// without line breaks, its tokens, symbols and links) cost the square of its length.
final class LongLineColumns: Sendable {
  private let byLine = Mutex<[Int: LineCheckpoints]>([:])

  func checkpoints(ofLine line: Int, make: () -> LineCheckpoints) -> LineCheckpoints {
    if let known = byLine.withLock({ $0[line] }) { return known }
    let made = make()
    byLine.withLock { $0[line] = made }
    return made
  }
}
