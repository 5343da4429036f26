//! A handful of words found in text by their first character: discovery's office titles, and the names seen after
//! them, counted over a whole paper in one pass. The mention automaton is for thousands of patterns; for a
//! dozen, one bit test per character is cheaper than running it (or one memchr pass per word).

/// Words (UTF-8 byte strings, each starting with a BMP character) looked for at character boundaries of valid
/// UTF-8 text, such as a `String`'s bytes. Immutable.
struct WordsByFirstCharacter: Sendable {
  let words: [[UInt8]]
  /// Word numbers, longest word first (so that the first match at a position is the longest).
  private let order: [Int]
  /// First scalar of each word, by word number.
  private let firstScalar: [UInt32]
  /// Bit `value & 4095` is set when some word starts with a scalar of that low part: one test rules out almost
  /// every character; a false positive only costs the comparison of first scalars.
  private let filter: [UInt64]

  init(_ words: [[UInt8]]) {
    self.words = words
    var firsts: [UInt32?] = []
    var filter = [UInt64](repeating: 0, count: 64)
    for word in words {
      let first = Self.firstScalar(of: word)
      firsts.append(first)
      if let first { filter[Int(first & 4095) >> 6] |= 1 << UInt64(first & 63) }
    }
    firstScalar = firsts.map { $0 ?? UInt32.max }
    order = words.indices.sorted { words[$0].count != words[$1].count ? words[$0].count > words[$1].count : $0 < $1 }
    self.filter = filter
  }

  /// The word's first scalar, nil for an empty word or one that starts beyond the BMP (never found).
  private static func firstScalar(of word: [UInt8]) -> UInt32? {
    guard let lead = word.first else { return nil }
    if lead < 0x80 { return UInt32(lead) }
    if lead >= 0xC0, lead < 0xE0, word.count >= 2 { return UInt32(lead & 0x1F) << 6 | UInt32(word[1] & 0x3F) }
    if lead >= 0xE0, lead < 0xF0, word.count >= 3 {
      return UInt32(lead & 0x0F) << 12 | UInt32(word[1] & 0x3F) << 6 | UInt32(word[2] & 0x3F)
    }
    return nil
  }

  /// Calls `body(offset, next)` at each character whose scalar may start a word (`next` is the offset of the
  /// following character); `body` returns the offset to go on from.
  @inline(__always)
  private func forEachCandidate(in bytes: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ next: Int) -> Int) {
    filter.withUnsafeBufferPointer { filter in
      let count = bytes.count
      var i = 0
      while i < count {
        let lead = bytes[i]
        var value: UInt32
        var next: Int
        if lead < 0x80 {
          value = UInt32(lead)
          next = i &+ 1
        } else if lead >= 0xE0, lead < 0xF0, i &+ 2 < count {
          value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
          next = i &+ 3
        } else if lead >= 0xC0, lead < 0xE0, i &+ 1 < count {
          value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
          next = i &+ 2
        } else {
          i = lead >= 0xF0 ? i &+ 4 : i &+ 1  // beyond the BMP, or a byte that starts no character
          continue
        }
        if filter[Int(value & 4095) >> 6] & (1 << UInt64(value & 63)) == 0 {
          i = next
          continue
        }
        i = body(i, next)
      }
    }
  }

  /// Whether word `number` occurs at `offset`.
  @inline(__always)
  private func matches(_ number: Int, _ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    let word = words[number]
    guard offset + word.count <= bytes.count else { return false }
    for k in 0..<word.count where bytes[offset + k] != word[k] { return false }
    return true
  }

  /// The words found leftmost-longest without overlapping, as (start, end) byte offsets in order: at each
  /// character the longest word that starts there, then on from its end.
  func leftmostLongest(in bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int)] {
    var found: [(start: Int, end: Int)] = []
    forEachCandidate(in: bytes) { offset, next in
      let value = Self.firstScalar(at: offset, in: bytes)
      for number in order where firstScalar[number] == value && matches(number, bytes, at: offset) {
        found.append((offset, offset + words[number].count))
        return offset + words[number].count
      }
      return next
    }
    return found
  }

  /// Adds to `counts[w]`, up to `limit`, the occurrences of each word `w` in `bytes` counted from the left
  /// without overlapping (as a search for that word alone, going on after each match, would count them).
  func countOccurrences(in bytes: UnsafeBufferPointer<UInt8>, into counts: inout [Int], atMost limit: Int) {
    // Where each word's next occurrence may start: the end of its last one in this text.
    var free = [Int](repeating: 0, count: words.count)
    forEachCandidate(in: bytes) { offset, next in
      let value = Self.firstScalar(at: offset, in: bytes)
      for number in order where firstScalar[number] == value {
        if counts[number] < limit, offset >= free[number], matches(number, bytes, at: offset) {
          counts[number] += 1
          free[number] = offset + words[number].count
        }
      }
      return next
    }
  }

  /// The scalar value at a character boundary (1 to 3 bytes, as `forEachCandidate` decoded it).
  @inline(__always)
  private static func firstScalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let lead = bytes[offset]
    if lead < 0x80 { return UInt32(lead) }
    if lead < 0xE0 { return UInt32(lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F) }
    return UInt32(lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
  }
}
