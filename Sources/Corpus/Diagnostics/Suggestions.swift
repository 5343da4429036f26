//! Nearest valid names for a misspelt key or alias: edit distance over Unicode scalars.

enum Suggestions {
  /// Up to `limit` candidates closest to `word`, best first. Case-insensitive for Latin letters.
  static func nearest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty else { return [] }
    let threshold = max(1, (target.count + 1) / 3)
    var scored: [(distance: Int, candidate: String)] = []
    for candidate in candidates {
      // Cheap length filter first: most candidates never get lower-cased or compared.
      let count = candidate.unicodeScalars.count
      if abs(count - target.count) > threshold {
        // A key swallowed by following text (`常思纯2023所述`) or a clipped alias still counts, a little worse.
        if count >= 2, count < target.count ? word.hasPrefix(candidate) : candidate.hasPrefix(word) {
          scored.append((threshold, candidate))
        }
        continue
      }
      let scalars = Array(candidate.lowercased().unicodeScalars)
      let distance = editDistance(target, scalars, limit: threshold)
      if distance <= threshold { scored.append((distance, candidate)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
    var result: [String] = []
    for (_, candidate) in scored where !result.contains(candidate) {
      result.append(candidate)
      if result.count == limit { break }
    }
    return result
  }

  /// Levenshtein distance, giving up (returning `limit + 1`) once every row exceeds `limit`.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return limit + 1 }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
