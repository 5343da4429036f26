//! Nearest valid names for a misspelt key or alias: edit distance over Unicode scalars.

enum Suggestions {
  /// Up to `limit` candidates closest to `word`, best first. Case-insensitive for Latin letters.
  static func nearest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty else { return [] }
    let threshold = max(1, (target.count + 1) / 3)
    var scored: [(distance: Int, candidate: String)] = []
    var seen = Set<String>()
    for candidate in candidates where seen.insert(candidate).inserted {
      let scalars = Array(candidate.lowercased().unicodeScalars)
      if abs(scalars.count - target.count) > threshold {
        // A key swallowed by following text (`常思纯2023所述`) or a clipped alias still counts, a little worse.
        if scalars.count >= 2, target.starts(with: scalars) || scalars.starts(with: target) {
          scored.append((threshold, candidate))
        }
        continue
      }
      let distance = editDistance(target, scalars, limit: threshold)
      if distance <= threshold { scored.append((distance, candidate)) }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
    return scored.prefix(limit).map(\.candidate)
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
