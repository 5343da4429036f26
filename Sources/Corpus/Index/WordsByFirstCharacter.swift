//! A handful of words found in text by their first character: discovery's office titles. The mention automaton is
//! for thousands of patterns; for a dozen, one bit test per character is cheaper than running it (or one memchr
//! pass per word).

/// Words (UTF-8 byte strings, each starting with a BMP character) looked for at character boundaries of valid
/// UTF-8 text, such as a `String`'s bytes. Immutable.
struct WordsByFirstCharacter: Sendable {
  /// Every word's bytes, one after another: word `w` is `bytes[starts[w]..<starts[w + 1]]`.
  private let bytes: [UInt8]
  private let starts: [Int]
  /// The distinct first scalars, sorted, and for the `k`th the word numbers `grouped[groupStarts[k]..<groupStarts[k
  /// + 1]]` that start with it, longest first (so that the first match at a position is the longest).
  private let firsts: [UInt32]
  private let groupStarts: [Int]
  private let grouped: [Int]
  /// Bit `value & 4095` is set when some word starts with a scalar of that low part: one test rules out almost
  /// every character; a false positive only costs a look in `firsts`.
  private let filter: [UInt64]

  var count: Int { starts.count - 1 }

  init(_ words: [[UInt8]]) {
    bytes = words.flatMap { $0 }
    var starts = [0]
    for word in words { starts.append(starts[starts.count - 1] + word.count) }
    self.starts = starts
    // Words that start beyond the BMP (or are empty) are never found.
    let keyed = words.indices.compactMap { number in Self.firstScalar(of: words[number]).map { ($0, number) } }
    let sorted = keyed.sorted {
      $0.0 != $1.0 ? $0.0 < $1.0 : words[$0.1].count != words[$1.1].count ? words[$0.1].count > words[$1.1].count : $0.1 < $1.1
    }
    var firsts: [UInt32] = []
    var groupStarts: [Int] = []
    var filter = [UInt64](repeating: 0, count: 64)
    for (index, (first, _)) in sorted.enumerated() where firsts.last != first {
      firsts.append(first)
      groupStarts.append(index)
      filter[Int(first & 4095) >> 6] |= 1 << UInt64(first & 63)
    }
    groupStarts.append(sorted.count)
    self.firsts = firsts
    self.groupStarts = groupStarts
    grouped = sorted.map(\.1)
    self.filter = filter
  }

  /// The word's first scalar, nil for an empty word or one that starts beyond the BMP.
  private static func firstScalar(of word: [UInt8]) -> UInt32? {
    guard let lead = word.first else { return nil }
    if lead < 0x80 { return UInt32(lead) }
    if lead >= 0xC0, lead < 0xE0, word.count >= 2 { return UInt32(lead & 0x1F) << 6 | UInt32(word[1] & 0x3F) }
    if lead >= 0xE0, lead < 0xF0, word.count >= 3 {
      return UInt32(lead & 0x0F) << 12 | UInt32(word[1] & 0x3F) << 6 | UInt32(word[2] & 0x3F)
    }
    return nil
  }

  /// Calls `body(offset, next, words)` at each character that starts some word (`next` is the offset of the
  /// following character, `words` the word numbers that start with it, longest first); `body` returns the offset
  /// to go on from.
  @inline(__always)
  private func forEachCandidate(
    in text: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ next: Int, _ words: ArraySlice<Int>) -> Int
  ) {
    filter.withUnsafeBufferPointer { filter in
      let count = text.count
      var i = 0
      while i < count {
        let lead = text[i]
        var value: UInt32
        var next: Int
        if lead < 0x80 {
          value = UInt32(lead)
          next = i &+ 1
        } else if lead >= 0xE0, lead < 0xF0, i &+ 2 < count {
          value = UInt32(lead & 0x0F) << 12 | UInt32(text[i &+ 1] & 0x3F) << 6 | UInt32(text[i &+ 2] & 0x3F)
          next = i &+ 3
        } else if lead >= 0xC0, lead < 0xE0, i &+ 1 < count {
          value = UInt32(lead & 0x1F) << 6 | UInt32(text[i &+ 1] & 0x3F)
          next = i &+ 2
        } else {
          i = lead >= 0xF0 ? i &+ 4 : i &+ 1  // beyond the BMP, or a byte that starts no character
          continue
        }
        if filter[Int(value & 4095) >> 6] & (1 << UInt64(value & 63)) == 0 {
          i = next
          continue
        }
        guard let k = firsts.firstIndex(of: value) else {
          i = next
          continue
        }
        i = body(i, next, grouped[groupStarts[k]..<groupStarts[k + 1]])
      }
    }
  }

  /// Whether word `number` occurs at `offset`; its length, when it does.
  @inline(__always)
  private func length(of number: Int, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
    let start = starts[number]
    let length = starts[number + 1] - start
    guard offset + length <= text.count else { return nil }
    for k in 0..<length where text[offset + k] != bytes[start + k] { return nil }
    return length
  }

  /// The words found leftmost-longest without overlapping: at each character the longest word that starts there,
  /// then on from its end. Calls `body(start, end)` (byte offsets) for each, in order.
  @inline(__always)
  func forEachLeftmostLongest(in text: UnsafeBufferPointer<UInt8>, _ body: (_ start: Int, _ end: Int) -> Void) {
    forEachCandidate(in: text) { offset, next, words in
      guard let end = longest(of: words, at: offset, in: text) else { return next }
      body(offset, end)
      return end
    }
  }

  /// The end of the longest word that starts at `offset`, a character boundary where a three-byte character
  /// starts; nil when no word does. For a caller that walks the text itself.
  @inline(__always)
  func longestMatch(atThreeByteCharacter offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
    guard offset + 2 < text.count else { return nil }
    let value =
      UInt32(text[offset] & 0x0F) << 12 | UInt32(text[offset + 1] & 0x3F) << 6 | UInt32(text[offset + 2] & 0x3F)
    guard filter[Int(value & 4095) >> 6] & (1 << UInt64(value & 63)) != 0, let k = firsts.firstIndex(of: value) else {
      return nil
    }
    return longest(of: grouped[groupStarts[k]..<groupStarts[k + 1]], at: offset, in: text)
  }

  /// The end of the first of `words` (longest first) that occurs at `offset`.
  @inline(__always)
  private func longest(of words: ArraySlice<Int>, at offset: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
    for number in words {
      if let length = length(of: number, at: offset, in: text) { return offset + length }
    }
    return nil
  }

}
