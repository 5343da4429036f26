//! A Bloom filter of runs of folded characters per group of passages: a corpus-wide quote search verifies only the
//! groups that can hold the quotation, instead of scanning every byte of the corpus for each one.
import Foundation

/// Per group of passages, a Bloom filter of every run of four consecutive folded scalars in its passages.
///
/// A quotation that occurs in a passage has all its runs (within each fragment) in that passage's group, so
/// `candidates` never drops a group that holds it; it may keep a few that do not (false positives, verified
/// away by the exact search). About six bits per corpus character: a quarter of a byte per byte of Chinese text.
struct QuotePrefilter: Sendable {
  /// All filters, one after another, in 64-bit words.
  private let words: [UInt64]
  /// Per group: first word and number of bits of its filter (0 for an empty group).
  private let spans: [(first: Int, bits: Int)]

  private static let bitsPerGram = 6

  init(groups: [[SearchPassage]]) {
    let built = ConcurrentResults<(filter: [UInt64], bits: Int)>(count: groups.count)
    DispatchQueue.concurrentPerform(iterations: groups.count) { group in
      var folded = FoldedPassage()
      var grams: [UInt64] = []
      for passage in groups[group] {
        var text = passage.text
        text.withUTF8 { folded.fold($0, skipping: passage.skipping) }
        Self.appendGramHashes(of: folded.bytes, to: &grams)
      }
      let bits = grams.isEmpty ? 0 : max(64, grams.count * Self.bitsPerGram)
      var filter = [UInt64](repeating: 0, count: (bits + 63) / 64)
      for hash in grams {
        let (first, second) = Self.probes(hash, bits: bits)
        filter[first >> 6] |= 1 << UInt64(first & 63)
        filter[second >> 6] |= 1 << UInt64(second & 63)
      }
      built.set(group, (filter, bits))
    }
    var words: [UInt64] = []
    var spans: [(first: Int, bits: Int)] = []
    for group in groups.indices {
      let (filter, bits) = built.values[group] ?? ([], 0)
      spans.append((words.count, bits))
      words.append(contentsOf: filter)
    }
    self.words = words
    self.spans = spans
  }

  var groupCount: Int { spans.count }

  /// Groups that may hold every fragment (each folded as `QuoteFolding.fold`), in group order; nil when the
  /// fragments are too short to tell (then every group must be searched).
  func candidates(for fragments: [[UInt8]]) -> [Int]? {
    var grams: [UInt64] = []
    for fragment in fragments { Self.appendGramHashes(of: fragment, to: &grams) }
    guard !grams.isEmpty else { return nil }
    return spans.indices.filter { group in grams.allSatisfy { contains($0, group: group) } }
  }

  /// Up to `limit` groups sharing the most runs with the text (at least one), best first: where the closest
  /// passage to a misquotation is to be looked for.
  func mostSimilar(to fragments: [[UInt8]], limit: Int) -> [Int] {
    var grams: [UInt64] = []
    for fragment in fragments { Self.appendGramHashes(of: fragment, to: &grams) }
    guard !grams.isEmpty else { return Array(spans.indices) }
    var scored: [(group: Int, hits: Int)] = []
    for group in spans.indices {
      let hits = grams.reduce(0) { $0 + (contains($1, group: group) ? 1 : 0) }
      if hits > 0 { scored.append((group, hits)) }
    }
    scored.sort { $0.hits != $1.hits ? $0.hits > $1.hits : $0.group < $1.group }
    return scored.prefix(limit).map(\.group)
  }

  private func contains(_ hash: UInt64, group: Int) -> Bool {
    let span = spans[group]
    guard span.bits > 0 else { return false }
    let (first, second) = Self.probes(hash, bits: span.bits)
    return words[span.first + (first >> 6)] & (1 << UInt64(first & 63)) != 0
      && words[span.first + (second >> 6)] & (1 << UInt64(second & 63)) != 0
  }

  /// Two bit positions in `0..<bits` from one hash (multiply-shift range reduction of each half).
  @inline(__always) private static func probes(_ hash: UInt64, bits: Int) -> (Int, Int) {
    let range = UInt64(bits)
    return (Int(((hash >> 32) &* range) >> 32), Int(((hash & 0xFFFF_FFFF) &* range) >> 32))
  }

  /// Hashes of every run of `gramLength` consecutive scalars in UTF-8 `bytes`. Runs of four, not pairs: the
  /// pairs of a Chinese quotation are common enough to be found in most large groups of passages on one topic.
  private static func appendGramHashes(of bytes: [UInt8], to grams: inout [UInt64]) {
    var window: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var seen = 0
    var i = 0
    let count = bytes.count
    while i < count {
      let lead = bytes[i]
      let width = LineIndex.sequenceLength(lead)
      var scalar = UInt64(lead)
      for k in 1..<width where i + k < count { scalar = scalar << 8 | UInt64(bytes[i + k]) }
      seen += 1
      if seen >= gramLength {
        var hash = (window.0 | window.1 << 21 | window.2 << 42) ^ (scalar &* 0xFF51_AFD7_ED55_8CCD)
        hash = (hash ^ hash >> 29) &* 0x9E37_79B9_7F4A_7C15
        grams.append(hash ^ hash >> 32)
      }
      window = (window.1, window.2, scalar & 0x1F_FFFF)
      i += width
    }
  }

  private static let gramLength = 4

}
