//! The corpus's passages with identical text searched once: a corpus-wide quote search folds each distinct
//! passage a single time and reports every copy (copies of a paper, boilerplate repeated across papers).
import Synchronization

/// Distinct passages of the corpus and, for each, every passage with the same text and footnote marks.
struct DistinctPassages: Sendable {
  /// The distinct passages, in chunks (for concurrent scoring). A passage's `paper` field holds its number in
  /// `copies`, not a paper index.
  let chunks: [[SearchPassage]]
  /// Per distinct passage, every (paper, position in the paper's passage list) holding it, in corpus order.
  let copies: [[PassageSlot]]
  /// Which chunks can hold a quotation: a corpus-wide search verifies only those.
  let prefilter: QuotePrefilter

  struct PassageSlot: Sendable, Comparable {
    var paper: Int32
    var position: Int32

    static func < (a: PassageSlot, b: PassageSlot) -> Bool { (a.paper, a.position) < (b.paper, b.position) }
  }

  /// Text compared byte for byte (ranges are byte offsets; String's Unicode-aware hashing is also much slower).
  private struct Key: Hashable {
    var text: String
    var skipping: [TextRange]

    func hash(into hasher: inout Hasher) {
      var bytes = text
      bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
      hasher.combine(skipping)
    }

    static func == (a: Key, b: Key) -> Bool { a.skipping == b.skipping && a.text.utf8.elementsEqual(b.text.utf8) }
  }

  /// Chunks are small so that the prefilter's candidates are few bytes to verify, and many enough to share out
  /// between cores.
  init(_ passages: [[SearchPassage]], chunkSize: Int = 256) {
    var numbers: [Key: Int] = [:]
    var distinct: [SearchPassage] = []
    var copies: [[PassageSlot]] = []
    for (paper, list) in passages.enumerated() {
      for (position, passage) in list.enumerated() {
        let slot = PassageSlot(paper: Int32(truncatingIfNeeded: paper), position: Int32(truncatingIfNeeded: position))
        let key = Key(text: passage.text, skipping: passage.skipping)
        if let number = numbers[key] {
          copies[number].append(slot)
        } else {
          numbers[key] = distinct.count
          distinct.append(
            SearchPassage(paper: distinct.count, id: passage.id, text: passage.text, skipping: passage.skipping))
          copies.append([slot])
        }
      }
    }
    self.copies = copies
    chunks = stride(from: 0, to: distinct.count, by: chunkSize).map {
      Array(distinct[$0..<min(distinct.count, $0 + chunkSize)])
    }
    prefilter = QuotePrefilter(groups: chunks)
  }

  /// Whether a distinct passage has a copy in `paper`.
  func hasCopy(_ number: Int, inPaper paper: Int?) -> Bool {
    guard let paper, copies.indices.contains(number) else { return false }
    return copies[number].contains { Int($0.paper) == paper }
  }

  /// Matches found in distinct passages, one per copy, in corpus order.
  func expand(_ matches: [QuoteMatch], passages: [[SearchPassage]]) -> [QuoteMatch] {
    var expanded: [(PassageSlot, QuoteMatch)] = []
    for match in matches where copies.indices.contains(match.paper) {
      for slot in copies[match.paper] {
        guard let passage = passage(slot, in: passages) else { continue }
        var copy = match
        copy.paper = passage.paper
        copy.passage = passage.id
        expanded.append((slot, copy))
      }
    }
    expanded.sort { $0.0 < $1.0 }
    return expanded.map(\.1)
  }

  /// A match in a distinct passage placed in one copy: the first in `preferredPaper`, else the first.
  func place(_ match: QuoteMatch, preferredPaper: Int?, passages: [[SearchPassage]]) -> QuoteMatch? {
    guard copies.indices.contains(match.paper) else { return nil }
    let slots = copies[match.paper]
    guard let slot = slots.first(where: { Int($0.paper) == preferredPaper }) ?? slots.first,
      let passage = passage(slot, in: passages)
    else { return nil }
    var placed = match
    placed.paper = passage.paper
    placed.passage = passage.id
    return placed
  }

  private func passage(_ slot: PassageSlot, in passages: [[SearchPassage]]) -> SearchPassage? {
    let paper = Int(slot.paper)
    let position = Int(slot.position)
    guard passages.indices.contains(paper), passages[paper].indices.contains(position) else { return nil }
    return passages[paper][position]
  }
}

/// `DistinctPassages` built on the first corpus-wide search (never for an index that is only browsed), once.
final class LazyDistinctPassages: Sendable {
  private let built = Mutex<DistinctPassages?>(nil)

  func value(_ passages: [[SearchPassage]]) -> DistinctPassages {
    built.withLock { built in
      if let built { return built }
      let fresh = DistinctPassages(passages)
      built = fresh
      return fresh
    }
  }
}
