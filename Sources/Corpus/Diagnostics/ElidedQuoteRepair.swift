//! Repair of a quotation with elisions (`……`, `...`) that is not in the source: within one passage and in order,
//! the fragments that match keep their place and each one that does not gets its closest source text, so a fix
//! replaces only the wrong fragments and keeps the others and the elision marks.

/// Where each fragment of an elided quotation sits in one passage.
struct ElidedQuoteRepair {
  struct Part {
    /// Range in the passage's normalised text.
    var range: TextRange
    /// 1 for a fragment found as written (modulo folding), else how similar its closest window is.
    var similarity: Double
    var isExact: Bool { similarity >= 1 }
  }

  var paper: Int
  var passage: PassageID
  /// One part per fragment of the quotation, in order.
  var parts: [Part]

  /// Indices of the fragments to replace.
  var mismatched: [Int] { parts.indices.filter { !parts[$0].isExact } }

  /// The repair as a closest-passage match: from the first part to the last, as similar as its worst part.
  var match: QuoteMatch {
    let start = parts.first?.range.start ?? .zero
    let end = parts.last?.range.end ?? start
    return QuoteMatch(
      paper: paper, passage: passage, range: TextRange(start: start, end: end), exact: false,
      similarity: parts.map(\.similarity).min() ?? 0, fragments: parts.map(\.range))
  }
}

/// What can be said about an elided quotation that is not in the source.
enum ElidedQuoteDiagnosis {
  /// One passage holds every fragment in order, some exactly, the others closely enough to be replaced.
  case repair(ElidedQuoteRepair)
  /// Every fragment is verbatim in `paper`, but not in this order in one passage: where each one is.
  case scattered(paper: Int, passages: [PassageID])
  /// Nothing reliable.
  case none

  /// Diagnoses a quotation of several fragments cited to `citedPapers`; `closest` is the closest passage of the
  /// whole quotation, tried as well. A window closer than `threshold` is never proposed, and a fragment that is
  /// verbatim somewhere in the cited papers is never rewritten.
  static func diagnose(
    _ quotation: Quotation, citedPapers: [Int], closest: QuoteMatch?, index: some CorpusLookup, threshold: Double
  ) -> ElidedQuoteDiagnosis {
    let fragments = quotation.fragments
    guard fragments.count > 1 else { return .none }
    let folded = fragments.map { QuoteFolding.fold($0.text) }
    guard !folded.contains(where: \.isEmpty) else { return .none }
    let exact = fragments.map { index.findQuote([$0.text], inPapers: citedPapers) }
    var candidates: [(paper: Int, passage: PassageID)] = []
    for match in exact.joined() + (closest.map { [$0] } ?? [])
    where !candidates.contains(where: { $0.paper == match.paper && $0.passage == match.passage }) {
      candidates.append((match.paper, match.passage))
    }
    var best: ElidedQuoteRepair?
    for candidate in candidates.prefix(64) {
      guard let paper = index.paperRecord(candidate.paper),
        let parts = place(
          folded, in: paper, candidate.passage, mustBeExact: exact.map { !$0.isEmpty }, threshold: threshold)
      else { continue }
      let repair = ElidedQuoteRepair(paper: candidate.paper, passage: candidate.passage, parts: parts)
      if let current = best {
        let score = (repair.parts.count - repair.mismatched.count, repair.match.similarity)
        let currentScore = (current.parts.count - current.mismatched.count, current.match.similarity)
        if score > currentScore { best = repair }
      } else {
        best = repair
      }
    }
    if let best, !best.mismatched.isEmpty { return .repair(best) }
    // Every fragment is there verbatim, only not together: say where (in the first paper holding all of them).
    for paper in citedPapers {
      let places = exact.compactMap { $0.first { $0.paper == paper }?.passage }
      if places.count == fragments.count { return .scattered(paper: paper, passages: places) }
    }
    return .none
  }

  /// Places the folded fragments in order in one passage: exactly where they occur, else at their closest window
  /// between their neighbours. Nil when a fragment that must be exact is not, or a window is below `threshold`.
  private static func place(
    _ fragments: [[UInt8]], in paper: Paper, _ id: PassageID, mustBeExact: [Bool], threshold: Double
  ) -> [ElidedQuoteRepair.Part]? {
    guard let passage = paper.passage(id) else { return nil }
    let skipping = paper.footnoteMarks(in: id)
    var folded = FoldedPassage()
    var text = passage.text
    text.withUTF8 { folded.fold($0, skipping: skipping) }
    // Exact places first, greedily in order.
    var exactStart: [Int?] = Array(repeating: nil, count: fragments.count)
    var position = 0
    for (i, fragment) in fragments.enumerated() {
      if let found = folded.find(fragment, from: position) {
        exactStart[i] = found
        position = found + fragment.count
      } else if mustBeExact[i] {
        return nil
      }
    }
    // Then the closest window of each other fragment, between the previous part and the next exact one.
    var parts: [ElidedQuoteRepair.Part] = []
    position = 0
    for (i, fragment) in fragments.enumerated() {
      if let start = exactStart[i] {
        parts.append(.init(range: folded.originalRange(start, start + fragment.count), similarity: 1))
        position = start + fragment.count
        continue
      }
      let limit = exactStart[(i + 1)...].lazy.compactMap { $0 }.first ?? folded.bytes.count
      guard let (start, end, similarity) = closestWindow(fragment, in: folded, from: position, to: limit),
        similarity >= threshold
      else { return nil }
      parts.append(.init(range: folded.originalRange(start, end), similarity: min(similarity, 0.999)))
      position = end
    }
    return parts
  }

  /// The window of folded bytes `from..<to` most like `fragment`: the span of the fragment's length with the most
  /// shared bigrams, widened a little and trimmed to its longest common subsequence with the fragment.
  /// Returns folded byte offsets and the similarity 2·LCS / (fragment + window); nil when the window shares less
  /// than two thirds of the fragment's characters.
  private static func closestWindow(_ fragment: [UInt8], in folded: FoldedPassage, from: Int, to: Int)
    -> (Int, Int, Double)?
  {
    let query = String(decoding: fragment, as: UTF8.self).unicodeScalars.map(\.value)
    guard from < to, to <= folded.bytes.count, query.count >= 2 else { return nil }
    var scalars: [UInt32] = []
    var offsets: [Int] = []
    var i = from
    while i < to {
      let lead = folded.bytes[i]
      let end = min(to, i + LineIndex.sequenceLength(lead))
      scalars.append(String(decoding: folded.bytes[i..<end], as: UTF8.self).unicodeScalars.first?.value ?? 0)
      offsets.append(i)
      i = end
    }
    offsets.append(to)
    guard !scalars.isEmpty else { return nil }
    var bigrams: Set<UInt64> = []
    for k in 0..<(query.count - 1) { bigrams.insert(UInt64(query[k]) << 32 | UInt64(query[k + 1])) }
    var hit = [Int](repeating: 0, count: scalars.count)
    for k in 0..<max(0, scalars.count - 1) where bigrams.contains(UInt64(scalars[k]) << 32 | UInt64(scalars[k + 1])) {
      hit[k] = 1
    }
    let window = min(query.count, scalars.count)
    var sum = hit[0..<max(0, window - 1)].reduce(0, +)
    var bestStart = 0
    var bestSum = sum
    if scalars.count > window {
      for start in 1...(scalars.count - window) {
        sum += hit[start + window - 2] - hit[start - 1]
        if sum > bestSum {
          bestSum = sum
          bestStart = start
        }
      }
    }
    let slack = max(2, query.count / 10)
    let lower = max(0, bestStart - slack)
    let upper = min(scalars.count, bestStart + window + slack)
    let (lcs, first, last) = QuoteMatcher.longestCommonSubsequence(query, Array(scalars[lower..<upper]))
    // A fragment is short: a window sharing a few characters is chance, not a misquote of it.
    guard Double(lcs) >= 2.0 / 3.0 * Double(query.count) else { return nil }
    let startScalar = lower + first
    let endScalar = lower + last + 1
    let similarity = 2 * Double(lcs) / Double(query.count + endScalar - startScalar)
    return (offsets[startScalar], offsets[endScalar], min(1, similarity))
  }
}
