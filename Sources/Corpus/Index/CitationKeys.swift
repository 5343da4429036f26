//! Citation keys: first author's (family) name plus year, disambiguated a, b, c; the file stem always works.

public enum CitationKeys {
  /// The base key of a paper before disambiguation: metadata override, else author + year, else the stem.
  public static func baseKey(for paper: Paper) -> String {
    if let override = paper.metadata.key?.trimmingWhitespace, !override.isEmpty { return override }
    return defaultBaseKey(for: paper)
  }

  /// The base key without the configuration's override: author + year, else author, else the stem.
  static func defaultBaseKey(for paper: Paper) -> String {
    guard let author = paper.metadata.authors.first.map(familyName), !author.isEmpty else { return paper.stem }
    if let year = paper.metadata.year { return author + String(year) }
    return author
  }

  /// The family name as a key uses it: a Chinese (or Japanese) name whole (`常思纯`), a Latin name's family
  /// name (`Smith` from `John Smith` or `Smith, John`), with spaces and punctuation removed.
  public static func familyName(_ author: String) -> String {
    let trimmed = author.trimmingWhitespace
    let isLatin = trimmed.unicodeScalars.allSatisfy { $0.value < 0x2E80 }
    var family = trimmed
    if isLatin {
      if let comma = trimmed.firstIndex(of: ",") {
        family = String(trimmed[..<comma])
      } else if let last = trimmed.split(separator: " ").last {
        family = String(last)
      }
    }
    // Keys hold no spaces or ASCII punctuation (`O'Neil` → `ONeil`), nor name dots (`·`).
    return String(String.UnicodeScalarView(family.unicodeScalars.filter { scalar in
      let asciiPunctuation = scalar.value < 0x80 && !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
      return !(scalar.properties.isWhitespace || asciiPunctuation || scalar == "·" || scalar == "•")
    }))
  }

  /// Primary keys for every paper, in paper order. Papers sharing a base key get a, b, c in order of
  /// (year, file); an explicit override is kept as given.
  public static func primaryKeys(for papers: [Paper]) -> [String] {
    // A key the configuration already gave an earlier paper is not this one's (reported as a problem): it keeps the
    // key it would have had.
    let repeated = Set(sharedOverrides(in: papers).map(\.again))
    let overrides: [Bool] = papers.indices.map { index in
      let key = papers[index].metadata.key?.trimmingWhitespace ?? ""
      return !key.isEmpty && !repeated.contains(index)
    }
    let bases = papers.indices.map { overrides[$0] ? baseKey(for: papers[$0]) : defaultBaseKey(for: papers[$0]) }
    var groups: [String: [Int]] = [:]
    for (index, base) in bases.enumerated() { groups[base, default: []].append(index) }
    var keys = bases
    for (_, members) in groups where members.count > 1 {
      let ordered = members.sorted { a, b in
        let left = (papers[a].metadata.year ?? 0, papers[a].file)
        let right = (papers[b].metadata.year ?? 0, papers[b].file)
        return left < right
      }
      for (rank, index) in ordered.enumerated() where !overrides[index] {
        keys[index] = bases[index] + suffix(rank)
      }
    }
    return keys
  }

  /// Papers whose key an override took: `(overriding, displaced)` where the configuration gives paper
  /// `overriding` the key that paper `displaced` would have had, which is then cited with a letter added.
  public static func takenByOverrides(in papers: [Paper]) -> [(overriding: Int, displaced: Int)] {
    var overriding: [String: Int] = [:]
    for (index, paper) in papers.enumerated() {
      if let key = paper.metadata.key?.trimmingWhitespace, !key.isEmpty, overriding[key] == nil { overriding[key] = index }
    }
    guard !overriding.isEmpty else { return [] }
    return papers.indices.compactMap { index in
      guard papers[index].metadata.key == nil, let other = overriding[baseKey(for: papers[index])] else { return nil }
      return (other, index)
    }
  }

  /// Papers the configuration gives a key it already gave another: `(first, again)`, where `[@key]` cites `first`.
  public static func sharedOverrides(in papers: [Paper]) -> [(first: Int, again: Int)] {
    var first: [String: Int] = [:]
    var shared: [(first: Int, again: Int)] = []
    for (index, paper) in papers.enumerated() {
      guard let key = paper.metadata.key?.trimmingWhitespace, !key.isEmpty else { continue }
      if let earlier = first[key] { shared.append((earlier, index)) } else { first[key] = index }
    }
    return shared
  }

  /// a … z, then aa, ab …
  static func suffix(_ rank: Int) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    if rank < letters.count { return String(letters[rank]) }
    return suffix(rank / letters.count - 1) + String(letters[rank % letters.count])
  }
}

extension String {
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
