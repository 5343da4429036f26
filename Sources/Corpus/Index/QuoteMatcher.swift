//! Quote search: finds a (possibly elided) quotation in the corpus modulo white space, full/half-width
//! punctuation and quote style, or else the closest passage and how similar it is.
import Foundation
import Synchronization

/// Folding rules shared by the query and the passages.
public enum QuoteFolding {
  /// The folded form of one scalar, or nil when it is ignored (white space, circled footnote marks, quotation marks).
  @inline(__always) public static func fold(_ value: UInt32) -> UInt32? {
    switch value {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x3000, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0xFEFF:
      return nil
    case 0x2460...0x24FF:  // ① … ⑳: footnote marks
      return nil
    case 0x2A, 0x3C, 0x3E, 0x5C, 0x5E:  // * < > \ ^: Markdown that extraction left (*Journal*, <https://…>, \[,
      return nil  // ^①), which passages drop: a quotation copied from the raw file with it still matches
    case 0x00AD, 0x2010, 0x2043:  // soft hyphen, ‐ and ⁃: the PDF's hyphenation, kept or undone alike
      return nil
    case 0x3002, 0xFF61:  // 。 and ｡ read as the full stop's full width
      return 0x2E
    case 0x30FB, 0xFF65:  // ・ and ･ for the middle dot of foreign names
      return 0xB7
    // Dashes of any width (16—18日 typed 16-18日); a run of them folds as one (`fold(_:)`): a 破折号 —— typed —.
    case 0x2D, 0x2011...0x2015, 0x2212, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0xFF0D:
      return 0x2D
    // Quotation marks of any style: a quotation that leaves out the source's own marks (全球经济发展中心，也成为… for
    // “…发展中心”①，也成为…) or nests them (‘…’) quotes the same words.
    case 0x22, 0x27, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x300C, 0x300D, 0x300E,
      0x300F, 0x301D, 0x301E, 0x301F, 0xFF02, 0xFF07, 0x00AB, 0x00BB:
      return nil
    case 0xFF01...0xFF5E:  // full-width ASCII: ，．：；（）！？ and letters/digits
      return value - 0xFEE0
    default:
      return value
    }
  }

  /// Folds a string into UTF-8 bytes. Footnote marks typed as the papers print them (`①`, `^①`, `^{*}`) are
  /// dropped, as they are from the passages, so a quotation copied with its mark still matches.
  public static func fold(_ text: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let value = scalars[i].value
      if value == 0x5E, i + 1 < scalars.count {  // ^
        let next = scalars[i + 1].value
        if (0x2460...0x24FF).contains(next) {
          i += 2
          continue
        }
        if next == 0x7B, let close = scalars[(i + 2)...].prefix(8).firstIndex(where: { $0 == "}" }) {  // ^{…}
          i = close + 1
          continue
        }
      }
      i += 1
      guard let folded = fold(value), let result = Unicode.Scalar(folded) else { continue }
      if folded == 0x2D && out.last == 0x2D { continue }  // a run of dashes is one
      UTF8.encode(result) { out.append($0) }
    }
    return out
  }

  /// The fragments without letter footnote marks typed as printed (`趋势。a随着` → `趋势。随着`): a lone
  /// lowercase Latin letter between two non-Latin characters. Nil when there is none. Searches try this only
  /// after the fragments as written found nothing, so a real letter in the source is never lost.
  public static func withoutLetterMarks(_ fragments: [String]) -> [String]? {
    var changed = false
    let stripped = fragments.map { fragment -> String in
      let scalars = Array(fragment.unicodeScalars)
      var out = String.UnicodeScalarView()
      for (i, scalar) in scalars.enumerated() {
        let isLowercase = (0x61...0x7A).contains(scalar.value)
        let before = scalars[..<i].last(where: { !$0.properties.isWhitespace })
        let after = scalars[(i + 1)...].first(where: { !$0.properties.isWhitespace })
        // Non-Latin on both sides; a fragment's edge counts as such when the other side is non-Latin.
        let beforeIsNonLatin = before.map { $0.value > 0x7F } ?? (after != nil)
        let afterIsNonLatin = after.map { $0.value > 0x7F } ?? (before != nil)
        if isLowercase, beforeIsNonLatin, afterIsNonLatin {
          changed = true
          continue
        }
        out.append(scalar)
      }
      return String(out)
    }
    return changed ? stripped : nil
  }

  /// Splits a quotation at elisions (`……`, `…`, `...`, `。。。`) into its fragments, dropping empty ones.
  public static func fragments(of quotation: String) -> [String] {
    var parts: [String] = []
    var current = ""
    let scalars = Array(quotation.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      if scalar == "…" {
        parts.append(current)
        current = ""
        while i < scalars.count, scalars[i] == "…" { i += 1 }
        continue
      }
      if scalar == ".", i + 2 < scalars.count, scalars[i + 1] == ".", scalars[i + 2] == "." {
        parts.append(current)
        current = ""
        while i < scalars.count, scalars[i] == "." { i += 1 }
        continue
      }
      current.unicodeScalars.append(scalar)
      i += 1
    }
    parts.append(current)
    return parts.filter { !fold($0).isEmpty }
  }
}

/// A passage folded for matching: folded UTF-8 bytes and, per folded byte, the original scalar's range.
struct FoldedPassage {
  var bytes: [UInt8] = []
  var originStart: [Int32] = []
  var originEnd: [Int32] = []

  /// Folds `text`, skipping the byte ranges in `skipping` (footnote marks), sorted by start.
  mutating func fold(_ text: UnsafeBufferPointer<UInt8>, skipping: [TextRange] = []) {
    bytes.removeAll(keepingCapacity: true)
    originStart.removeAll(keepingCapacity: true)
    originEnd.removeAll(keepingCapacity: true)
    var skipIndex = 0
    var i = 0
    let count = text.count
    while i < count {
      let lead = text[i]
      let width = LineIndex.sequenceLength(lead)
      let end = min(count, i + width)
      while skipIndex < skipping.count, skipping[skipIndex].end.utf8Offset <= i { skipIndex += 1 }
      if skipIndex < skipping.count, skipping[skipIndex].start.utf8Offset <= i {
        i = end
        continue
      }
      var value: UInt32
      switch width {
      case 1: value = UInt32(lead)
      case 2: value = (UInt32(lead & 0x1F) << 6) | UInt32(text[min(i + 1, count - 1)] & 0x3F)
      case 3:
        value = (UInt32(lead & 0x0F) << 12) | (UInt32(text[min(i + 1, count - 1)] & 0x3F) << 6)
          | UInt32(text[min(i + 2, count - 1)] & 0x3F)
      default:
        value = (UInt32(lead & 0x07) << 18) | (UInt32(text[min(i + 1, count - 1)] & 0x3F) << 12)
          | (UInt32(text[min(i + 2, count - 1)] & 0x3F) << 6) | UInt32(text[min(i + 3, count - 1)] & 0x3F)
      }
      if value < 0x80 || width == 1 {
        value = UInt32(lead)
      }
      if let folded = QuoteFolding.fold(value), !(folded == 0x2D && bytes.last == 0x2D) {  // a run of dashes is one
        if folded == value {
          for k in i..<end {
            bytes.append(text[k])
            originStart.append(Int32(i))
            originEnd.append(Int32(end))
          }
        } else if let scalar = Unicode.Scalar(folded) {
          UTF8.encode(scalar) { byte in
            bytes.append(byte)
            originStart.append(Int32(i))
            originEnd.append(Int32(end))
          }
        }
      }
      i = end
    }
  }

  /// First occurrence of `needle` at or after `from`, as a folded byte offset.
  func find(_ needle: [UInt8], from: Int) -> Int? {
    let n = bytes.count
    let m = needle.count
    guard m > 0, n - from >= m else { return m == 0 ? from : nil }
    let first = needle[0]
    var i = from
    while i <= n - m {
      if bytes[i] == first {
        var k = 1
        while k < m, bytes[i + k] == needle[k] { k += 1 }
        if k == m { return i }
      }
      i += 1
    }
    return nil
  }

  /// Normalised-text range covered by folded bytes `start..<end`.
  func originalRange(_ start: Int, _ end: Int) -> TextRange {
    guard start < end, end <= bytes.count else { return TextRange(0, 0) }
    return TextRange(Int(originStart[start]), Int(originEnd[end - 1]))
  }
}

/// One searchable passage of the corpus.
struct SearchPassage {
  var paper: Int
  var id: PassageID
  var text: String
  var skipping: [TextRange]
}

enum QuoteMatcher {
  /// Exact matches of the fragments in order within one passage, and, when none, the closest passage.
  /// With `distinct`, the corpus-wide scans fold each distinct passage text once and report every copy.
  static func search(
    fragments rawFragments: [String], passages: [[SearchPassage]], distinct: LazyDistinctPassages? = nil,
    preferredPaper: Int?
  ) -> QuoteSearchResult {
    let fragments = foldedFragments(rawFragments)
    guard !fragments.isEmpty else { return QuoteSearchResult() }
    let anchor = anchor(of: rawFragments.joined(separator: "…"))
    let unique = distinct?.value(passages)
    var matches: [QuoteMatch]
    if let unique {
      let chunks = unique.prefilter.candidates(for: fragments).map { $0.map { unique.chunks[$0] } } ?? unique.chunks
      matches = unique.expand(exactMatches(fragments, anchor: anchor, in: chunks), passages: passages)
    } else {
      matches = exactMatches(fragments, anchor: anchor, in: passages)
    }
    if !matches.isEmpty {
      if let preferredPaper {
        matches = matches.filter { $0.paper == preferredPaper } + matches.filter { $0.paper != preferredPaper }
      }
      return QuoteSearchResult(matches: matches, closest: nil)
    }
    // A misquote is usually a near miss in the cited paper: look there first, and only scan the whole corpus
    // when nothing there is close.
    if let preferredPaper, passages.indices.contains(preferredPaper),
      let local = closest(fragments, passages: [passages[preferredPaper]], isPreferred: { $0 == preferredPaper }),
      local.similarity >= 0.6
    {
      return QuoteSearchResult(matches: [], closest: local)
    }
    if let unique {
      let likely = unique.prefilter.mostSimilar(to: fragments, limit: 32).map { unique.chunks[$0] }
      let nearest = closest(
        fragments, passages: likely, isPreferred: { unique.hasCopy($0, inPaper: preferredPaper) }
      ).flatMap { unique.place($0, preferredPaper: preferredPaper, passages: passages) }
      return QuoteSearchResult(matches: [], closest: nearest)
    }
    let nearest = closest(fragments, passages: passages, isPreferred: { $0 == preferredPaper })
    return QuoteSearchResult(matches: [], closest: nearest)
  }

  /// Exact matches only, searching just `passages` (e.g. the cited papers): no closest-passage fallback.
  static func exactMatches(fragments rawFragments: [String], passages: [[SearchPassage]]) -> [QuoteMatch] {
    let fragments = foldedFragments(rawFragments)
    guard !fragments.isEmpty else { return [] }
    return exactMatches(fragments, anchor: anchor(of: rawFragments.joined(separator: "…")), in: passages)
  }

  /// The closest passage among `passages` alone (those a citation's locator names), exact or not.
  static func closest(fragments rawFragments: [String], passages: [SearchPassage]) -> QuoteMatch? {
    let fragments = foldedFragments(rawFragments)
    guard !fragments.isEmpty, !passages.isEmpty else { return nil }
    return closest(fragments, passages: [passages], isPreferred: { _ in true })
  }

  /// Where the fragments occur in order in `text` (folded as passages are), as a range of its UTF-8 bytes: a
  /// search of text that is no passage, such as what the reader set aside.
  static func occurrence(of rawFragments: [String], in text: String) -> TextRange? {
    let fragments = foldedFragments(rawFragments)
    guard !fragments.isEmpty else { return nil }
    var folded = FoldedPassage()
    return occurrence(of: fragments, in: text, skipping: [], folded: &folded)?.range
  }

  private static func foldedFragments(_ rawFragments: [String]) -> [[UInt8]] {
    rawFragments.flatMap { QuoteFolding.fragments(of: $0) }.map { QuoteFolding.fold($0) }.filter { !$0.isEmpty }
  }

  /// Exact matches in passage order: passages holding the anchor verbatim first, and only when there are none,
  /// every passage folded (white space inside the anchor in the source).
  private static func exactMatches(_ fragments: [[UInt8]], anchor: [UInt8], in passages: [[SearchPassage]])
    -> [QuoteMatch]
  {
    var matches: [QuoteMatch] = []
    var folded = FoldedPassage()
    let finder = AnchorFinder(anchor)
    for paperPassages in passages {
      for passage in paperPassages {
        var text = passage.text
        let hasAnchor = anchor.isEmpty ? true : text.withUTF8 { Self.contains($0, finder) }
        guard hasAnchor else { continue }
        if let match = Self.match(fragments, in: passage, folded: &folded) { matches.append(match) }
      }
    }
    if matches.isEmpty && !anchor.isEmpty {
      for paperPassages in passages {
        for passage in paperPassages {
          if let match = Self.match(fragments, in: passage, folded: &folded) { matches.append(match) }
        }
      }
    }
    return matches
  }

  private static func match(
    _ fragments: [[UInt8]], in passage: SearchPassage, folded: inout FoldedPassage
  ) -> QuoteMatch? {
    guard let found = occurrence(of: fragments, in: passage.text, skipping: passage.skipping, folded: &folded) else {
      return nil
    }
    return QuoteMatch(
      paper: passage.paper, passage: passage.id, range: found.range, exact: true, similarity: 1,
      fragments: found.fragments)
  }

  /// The folded fragments found in order in `text` (without the ranges `skipping`): the whole span, and each
  /// fragment's range, in bytes of `text`.
  private static func occurrence(
    of fragments: [[UInt8]], in text: String, skipping: [TextRange], folded: inout FoldedPassage
  ) -> (range: TextRange, fragments: [TextRange])? {
    var text = text
    text.withUTF8 { folded.fold($0, skipping: skipping) }
    var position = 0
    var start: Int?
    var ranges: [TextRange] = []
    for fragment in fragments {
      guard let found = folded.find(fragment, from: position) else { return nil }
      if start == nil { start = found }
      position = found + fragment.count
      ranges.append(folded.originalRange(found, position))
    }
    guard let start else { return nil }
    return (folded.originalRange(start, position), ranges)
  }

  /// The longest run of the query's scalars that folding leaves alone and that contains no white space or
  /// punctuation: if the quote is there, these bytes are in the normalised text verbatim.
  static func anchor(of query: String) -> [UInt8] {
    var best: [UInt8] = []
    var current: [UInt8] = []
    for scalar in query.unicodeScalars {
      let value = scalar.value
      let stable = QuoteFolding.fold(value) == value && value != 0x22
        && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) && value != 0x2026
      if stable {
        UTF8.encode(scalar) { current.append($0) }
        if current.count > best.count { best = current }
      } else {
        current.removeAll()
      }
    }
    return best.count >= 3 ? best : []
  }

  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    contains(haystack, AnchorFinder(needle))
  }

  /// Boyer–Moore–Horspool with the skip table built once per search: a `memchr` on one byte of a CJK anchor
  /// stops every few bytes (UTF-8 continuation bytes are everywhere in Chinese), which made scanning a large
  /// corpus for each quotation slow.
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ finder: AnchorFinder) -> Bool {
    let needle = finder.needle
    let n = haystack.count
    let m = needle.count
    guard m > 0, n >= m else { return m == 0 }
    let lastByte = needle[m - 1]
    var i = 0
    while i <= n - m {
      let last = haystack[i + m - 1]
      if last == lastByte {
        var k = 0
        while k < m - 1, haystack[i + k] == needle[k] { k += 1 }
        if k == m - 1 { return true }
      }
      i += finder.skip[Int(last)]
    }
    return false
  }

  /// An anchor and its Horspool skip table.
  struct AnchorFinder {
    let needle: [UInt8]
    let skip: [Int]

    init(_ needle: [UInt8]) {
      self.needle = needle
      var skip = [Int](repeating: max(1, needle.count), count: 256)
      for index in 0..<max(0, needle.count - 1) { skip[Int(needle[index])] = needle.count - 1 - index }
      self.skip = skip
    }
  }

  // MARK: - Closest passage

  /// Character-bigram retrieval of candidate passages, then the best window of each by LCS similarity.
  /// `isPreferred` tells, from a passage's `paper` field, whether it is in the cited paper (a small bonus).
  static func closest(_ fragments: [[UInt8]], passages: [[SearchPassage]], isPreferred: (Int) -> Bool) -> QuoteMatch? {
    let query = Array(String(decoding: fragments.joined(), as: UTF8.self).unicodeScalars.map(\.value).prefix(600))
    guard query.count >= 2 else { return nil }
    var queryBigrams: Set<UInt64> = []
    var bigramNumbers: [UInt64: Int] = [:]
    for k in 0..<(query.count - 1) {
      let bigram = UInt64(query[k]) << 32 | UInt64(query[k + 1])
      queryBigrams.insert(bigram)
      if bigramNumbers[bigram] == nil { bigramNumbers[bigram] = bigramNumbers.count }
    }
    let bigrams = queryBigrams
    let numbers = bigramNumbers

    struct Candidate {
      /// Index into `passages` (one group per paper) and into the group.
      var group: Int
      var passage: Int
      var hits: Int
    }
    // Score every passage in parallel (per paper).
    let scores = ConcurrentResults<[Candidate]>(count: passages.count)
    DispatchQueue.concurrentPerform(iterations: passages.count) { paperIndex in
      var local: [Candidate] = []
      var folded = FoldedPassage()
      var seen = [Bool](repeating: false, count: numbers.count)
      for (passageIndex, passage) in passages[paperIndex].enumerated() {
        var text = passage.text
        text.withUTF8 { folded.fold($0, skipping: passage.skipping) }
        let scalars = String(decoding: folded.bytes, as: UTF8.self).unicodeScalars.map(\.value)
        // Distinct query bigrams the passage holds: counting every hit would favour long passages that repeat
        // a few common bigrams over the short one the quotation comes from.
        var hits = 0
        if scalars.count >= 2 {
          seen.replaceSubrange(0..<seen.count, with: repeatElement(false, count: seen.count))
          for k in 0..<(scalars.count - 1) {
            if let number = numbers[UInt64(scalars[k]) << 32 | UInt64(scalars[k + 1])], !seen[number] {
              seen[number] = true
              hits += 1
            }
          }
        }
        if hits > 0 { local.append(Candidate(group: paperIndex, passage: passageIndex, hits: hits)) }
      }
      local.sort { $0.hits > $1.hits }
      scores.set(paperIndex, Array(local.prefix(16)))
    }
    var candidates = scores.values.flatMap { $0 ?? [] }
    candidates.sort { $0.hits > $1.hits }
    var best: QuoteMatch?
    var folded = FoldedPassage()
    for candidate in candidates.prefix(24) {
      let passage = passages[candidate.group][candidate.passage]
      var text = passage.text
      text.withUTF8 { folded.fold($0, skipping: passage.skipping) }
      guard let (range, similarity) = bestWindow(query, in: folded, bigrams: bigrams) else { continue }
      let isBetter: Bool
      if let current = best {
        let bonus = isPreferred(passage.paper) ? 0.02 : 0
        let currentBonus = isPreferred(current.paper) ? 0.02 : 0
        isBetter = similarity + bonus > current.similarity + currentBonus
      } else {
        isBetter = true
      }
      if isBetter {
        best = QuoteMatch(paper: passage.paper, passage: passage.id, range: range, exact: false, similarity: similarity)
      }
    }
    return best
  }

  /// The window of the passage (as long as the query) with the most shared bigrams, refined by LCS similarity.
  private static func bestWindow(_ query: [UInt32], in folded: FoldedPassage, bigrams: Set<UInt64>)
    -> (TextRange, Double)?
  {
    // Scalars of the folded passage with their folded byte offsets.
    var scalars: [UInt32] = []
    var offsets: [Int] = []
    var i = 0
    let bytes = folded.bytes
    while i < bytes.count {
      let lead = bytes[i]
      let width = LineIndex.sequenceLength(lead)
      let end = min(bytes.count, i + width)
      let scalar = String(decoding: bytes[i..<end], as: UTF8.self).unicodeScalars.first?.value ?? 0
      scalars.append(scalar)
      offsets.append(i)
      i = end
    }
    offsets.append(bytes.count)
    guard !scalars.isEmpty else { return nil }
    let window = min(query.count, scalars.count)
    var hit = [Int](repeating: 0, count: scalars.count)
    for k in 0..<max(0, scalars.count - 1) where bigrams.contains(UInt64(scalars[k]) << 32 | UInt64(scalars[k + 1])) {
      hit[k] = 1
    }
    var sums: [(sum: Int, start: Int)] = []
    var sum = hit[0..<max(0, window - 1)].reduce(0, +)
    sums.append((sum, 0))
    if scalars.count > window {
      for start in 1...(scalars.count - window) {
        sum += hit[start + window - 2] - hit[start - 1]
        sums.append((sum, start))
      }
    }
    // The windows sharing the most bigrams, a few of them apart from each other, each scored by LCS: a short
    // quotation of repeated phrases (日美澳、日澳印、日美澳印) shares as many bigrams with a wrong window.
    sums.sort { $0.sum != $1.sum ? $0.sum > $1.sum : $0.start < $1.start }
    var starts: [Int] = []
    let apart = max(1, window / 4)
    for entry in sums where !starts.contains(where: { abs($0 - entry.start) < apart }) {
      starts.append(entry.start)
      if starts.count == 4 { break }
    }
    // Let each window breathe on both sides (the count may shift it), then score by LCS.
    // Room for words the quotation left out (`的演讲` after a gloss the source prints and the analyst did not).
    let slack = max(32, query.count / 2)
    var best: (range: TextRange, similarity: Double)?
    for start in starts {
      let lower = max(0, start - slack)
      let upper = min(scalars.count, start + window + slack)
      let candidate = Array(scalars[lower..<upper])
      var (lcs, firstMatched, lastMatched) = tightestAlignment(query, candidate)
      guard lcs > 0 else { continue }
      // A character matched far past the others (the s of a misquoted `Alliances` on the s of a URL's `https` after
      // the title) is no part of the passage quoted: the span ends where the matches run together.
      let positions = matchedPositions(query, Array(candidate[firstMatched...lastMatched])).map { $0 + firstMatched }
      var kept = positions[...]
      while kept.count >= 2, kept[kept.endIndex - 1] - kept[kept.endIndex - 2] > Self.strayMatchGap { kept = kept.dropLast() }
      while kept.count >= 2, kept[kept.startIndex + 1] - kept[kept.startIndex] > Self.strayMatchGap { kept = kept.dropFirst() }
      if let first = kept.first, let last = kept.last, kept.count < positions.count {
        (lcs, firstMatched, lastMatched) = (kept.count, first, last)
      }
      var startScalar = lower + firstMatched
      var endScalar = lower + lastMatched + 1
      // Characters changed at an end of the quotation are outside the tight span: take as many of the source's
      // characters there, so that the replacement is the whole source text (各领域之 → 各领域的, not 各领域; 不断下滑 →
      // 不断下降, not 不断下). Only characters of the same script: a letter footnote mark typed at the end (…重要性。a)
      // is no change.
      // Only wide characters: a Latin word is completed on the source's text (`QuotableText`), where its ends show.
      func sameKind(_ a: UInt32, _ b: UInt32) -> Bool { CharClass.isWide(a) && CharClass.isWide(b) }
      let (_, queryFirst, queryLast) = longestCommonSubsequence(Array(scalars[startScalar..<endScalar]), query)
      var trailing = query.count - 1 - queryLast
      while trailing > 0, endScalar < scalars.count, sameKind(query[query.count - trailing], scalars[endScalar]) {
        endScalar += 1
        trailing -= 1
      }
      var leading = queryFirst
      while leading > 0, startScalar > 0, sameKind(query[leading - 1], scalars[startScalar - 1]) {
        startScalar -= 1
        leading -= 1
      }
      let similarity = min(1, 2 * Double(lcs) / Double(query.count + endScalar - startScalar))
      if similarity > best?.similarity ?? 0 {
        best = (folded.originalRange(offsets[startScalar], offsets[endScalar]), similarity)
      }
    }
    return best.map { ($0.range, $0.similarity) }
  }

  /// More unmatched characters than this before a last (or after a first) matched one make it a stray match.
  static let strayMatchGap = 3

  /// The positions of `b` one longest common subsequence with `a` uses, ascending.
  static func matchedPositions(_ a: [UInt32], _ b: [UInt32]) -> [Int] {
    let n = a.count
    let m = b.count
    guard n > 0, m > 0 else { return [] }
    var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
    for i in 1...n {
      for j in 1...m {
        let index = i * (m + 1) + j
        table[index] =
          a[i - 1] == b[j - 1]
          ? table[(i - 1) * (m + 1) + j - 1] + 1 : max(table[(i - 1) * (m + 1) + j], table[i * (m + 1) + j - 1])
      }
    }
    var positions: [Int] = []
    var i = n
    var j = m
    while i > 0, j > 0 {
      if a[i - 1] == b[j - 1] {
        positions.append(j - 1)
        i -= 1
        j -= 1
      } else if table[(i - 1) * (m + 1) + j] >= table[i * (m + 1) + j - 1] {
        i -= 1
      } else {
        j -= 1
      }
    }
    return positions.reversed()
  }

  /// LCS length and the shortest span of `b` an optimal alignment uses. Walking back from the end matches each
  /// character as late as possible (the last one may land on a later copy of itself, `…和2` → `…和202`); a
  /// second walk over the reversed rest pulls the end back as far as it goes.
  static func tightestAlignment(_ a: [UInt32], _ b: [UInt32]) -> (Int, Int, Int) {
    let (lcs, first, _) = longestCommonSubsequence(a, b)
    guard lcs > 0, first < b.count else { return (lcs, first, first) }
    let rest = Array(b[first...])
    let (_, reversedFirst, reversedLast) = longestCommonSubsequence(a.reversed(), rest.reversed())
    let last = first + rest.count - 1 - reversedFirst
    let start = first + rest.count - 1 - reversedLast
    return (lcs, max(first, start), max(first, last))
  }

  /// LCS length and the first and last positions of `b` used by one optimal alignment.
  static func longestCommonSubsequence(_ a: [UInt32], _ b: [UInt32]) -> (Int, Int, Int) {
    guard !a.isEmpty, !b.isEmpty else { return (0, 0, 0) }
    let positions = matchedPositions(a, b)
    return (positions.count, positions.first ?? b.count, positions.last ?? 0)
  }
}

/// Results written by index from concurrent iterations.
final class ConcurrentResults<Value: Sendable>: Sendable {
  private let storage: Mutex<[Value?]>

  init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }

  func set(_ index: Int, _ value: Value) { storage.withLock { $0[index] = value } }

  var values: [Value?] { storage.withLock { $0 } }

  /// The results, left out of this holder: the caller holds the only reference to them, so that changing one
  /// does not copy it. The holder is empty afterwards: no result may be set or read from it again.
  func takeValues() -> [Value?] {
    storage.withLock { values in
      defer { values = [] }
      return values
    }
  }
}
