//! A monotone map from offsets in normalised text back to offsets in the raw file.

/// Built while normalising: each copied run of bytes records where it came from. Inserted text
/// (a joining space) maps to the raw position of what follows it; removed raw text has no image.
public struct OffsetMap: Sendable, Equatable {
  /// Runs sorted by `normalizedStart`: bytes `normalizedStart..<normalizedStart+length` came from
  /// `rawStart..<rawStart+length`. An inserted byte is a run with `length` 1 and `inserted` set.
  public struct Run: Sendable, Equatable {
    // Stored in 32 bits, the inserted flag in the length's top bit (12 bytes a run): maps are kept for every
    // passage of every paper.
    private var storedNormalizedStart: UInt32
    private var storedRawStart: UInt32
    private var storedLengthAndFlag: UInt32

    private static let insertedFlag: UInt32 = 0x8000_0000

    public var normalizedStart: Int {
      get { Int(storedNormalizedStart) }
      set { storedNormalizedStart = UInt32(clamping: newValue) }
    }
    public var rawStart: Int {
      get { Int(storedRawStart) }
      set { storedRawStart = UInt32(clamping: newValue) }
    }
    public var length: Int {
      get { Int(storedLengthAndFlag & ~Self.insertedFlag) }
      set {
        storedLengthAndFlag =
          (storedLengthAndFlag & Self.insertedFlag) | UInt32(clamping: min(max(0, newValue), 0x7FFF_FFFF))
      }
    }
    public var inserted: Bool {
      get { storedLengthAndFlag & Self.insertedFlag != 0 }
      set { storedLengthAndFlag = (storedLengthAndFlag & ~Self.insertedFlag) | (newValue ? Self.insertedFlag : 0) }
    }

    public init(normalizedStart: Int, rawStart: Int, length: Int, inserted: Bool) {
      storedNormalizedStart = UInt32(clamping: normalizedStart)
      storedRawStart = UInt32(clamping: rawStart)
      storedLengthAndFlag =
        UInt32(clamping: min(max(0, length), 0x7FFF_FFFF)) | (inserted ? Self.insertedFlag : 0)
    }
  }

  public private(set) var runs: [Run] = []
  public private(set) var normalizedLength = 0

  public init() {}

  public enum Bias: Sendable { case start, end }

  /// Empties the map (to build another in the same storage).
  mutating func removeAll(keepingCapacity: Bool) {
    runs.removeAll(keepingCapacity: keepingCapacity)
    normalizedLength = 0
  }

  /// Drops the spare capacity left by appending, once the map is complete.
  mutating func trimCapacity() {
    if runs.capacity > runs.count { runs = runs.withUnsafeBufferPointer { Array($0) } }
  }

  /// Records that the next `length` normalised bytes are a copy of raw bytes at `rawStart`.
  public mutating func appendCopy(rawStart: Int, length: Int) {
    guard length > 0 else { return }
    if let last = runs.last, !last.inserted, last.rawStart + last.length == rawStart,
      last.normalizedStart + last.length == normalizedLength
    {
      runs[runs.count - 1].length += length
    } else {
      runs.append(Run(normalizedStart: normalizedLength, rawStart: rawStart, length: length, inserted: false))
    }
    normalizedLength += length
  }

  /// Records `length` normalised bytes that have no raw source (a joining space), anchored at `rawAnchor`.
  public mutating func appendInserted(length: Int, rawAnchor: Int) {
    guard length > 0 else { return }
    runs.append(Run(normalizedStart: normalizedLength, rawStart: rawAnchor, length: length, inserted: true))
    normalizedLength += length
  }

  /// Raw offset of a normalised offset. At a run boundary, `.start` picks the following run (where a
  /// range begins) and `.end` the preceding one (where a range ends), so ranges never swallow removed text.
  public func rawOffset(forNormalized offset: TextSize, bias: Bias) -> TextSize {
    guard !runs.isEmpty else { return .zero }
    let n = max(0, min(offset.utf8Offset, normalizedLength))
    let run = runs[runIndex(at: n, bias: bias)]
    if run.inserted { return TextSize(run.rawStart) }
    let delta = max(0, min(n - run.normalizedStart, run.length))
    return TextSize(run.rawStart + delta)
  }

  /// The last run whose start is at or before normalised offset `n` (for `.end`: before it, when `n > 0`); runs is
  /// not empty.
  private func runIndex(at n: Int, bias: Bias) -> Int {
    var low = 0
    var high = runs.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      let start = runs[mid].normalizedStart
      if bias == .end ? start < n : start <= n { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The raw text a normalised range was copied from, as contiguous raw ranges in order: one for a range that no
  /// line break or removed text interrupts, more for one that a line break or a footnote block splits. Inserted
  /// bytes (a joining space) have no raw text and add none.
  public func rawPieces(forNormalized range: TextRange) -> [TextRange] {
    let start = max(0, min(range.start.utf8Offset, normalizedLength))
    let end = max(start, min(range.end.utf8Offset, normalizedLength))
    guard start < end, !runs.isEmpty else { return [] }
    var pieces: [TextRange] = []
    var index = runIndex(at: start, bias: .start)
    while index < runs.count, runs[index].normalizedStart < end {
      let run = runs[index]
      index += 1
      guard !run.inserted else { continue }
      let from = max(start, run.normalizedStart)
      let to = min(end, run.normalizedStart + run.length)
      guard from < to else { continue }
      let rawFrom = run.rawStart + (from - run.normalizedStart)
      let rawTo = run.rawStart + (to - run.normalizedStart)
      if let last = pieces.last, last.end.utf8Offset == rawFrom {
        pieces[pieces.count - 1] = TextRange(last.start.utf8Offset, rawTo)
      } else {
        pieces.append(TextRange(rawFrom, rawTo))
      }
    }
    return pieces
  }

  /// Normalised offset of a raw offset: the position of the first normalised byte at or after it
  /// (raw text that was removed maps to the next kept byte). `nil` when the raw offset is past the passage.
  /// Binary search: copied runs are in raw order, and inserted runs are anchored at the raw position that follows.
  public func normalizedOffset(forRaw raw: TextSize) -> TextSize? {
    let r = raw.utf8Offset
    guard !runs.isEmpty else { return nil }
    // First run whose raw end is past r (copied runs only count).
    var low = 0
    var high = runs.count
    while low < high {
      let mid = (low + high) / 2
      let run = runs[mid]
      if run.inserted ? run.rawStart <= r : run.rawStart + run.length <= r { low = mid + 1 } else { high = mid }
    }
    var index = low
    while index < runs.count, runs[index].inserted { index += 1 }
    if index < runs.count {
      let run = runs[index]
      if r < run.rawStart { return TextSize(run.normalizedStart) }
      return TextSize(run.normalizedStart + (r - run.rawStart))
    }
    if let last = runs.last(where: { !$0.inserted }), r == last.rawStart + last.length {
      return TextSize(normalizedLength)
    }
    return nil
  }

  /// Normalised offset of a raw offset, or `nil` when that raw byte was removed (not copied into the passage).
  public func exactNormalizedOffset(forRaw raw: TextSize) -> TextSize? {
    guard let n = normalizedOffset(forRaw: raw) else { return nil }
    return rawOffset(forNormalized: n, bias: .start) == raw ? n : nil
  }
}
