//! Implicit mentions: plain prose in a note naming a known alias (for hover, highlighting and references).

/// One alias found in a note's prose.
public struct ImplicitMention: Sendable, Hashable {
  public var range: TextRange
  /// Index into the entity list the matcher was built from (`CorpusIndex.entities`).
  public var entity: Int
  public var alias: String

  public init(range: TextRange, entity: Int, alias: String) {
    self.range = range
    self.entity = entity
    self.alias = alias
  }
}

/// Matches known aliases in text: longest alias first at each position; Latin aliases only on word
/// boundaries; one-character aliases never alone (日, 美 count only inside compounds, which the index owns).
public struct AliasMatcher: Sendable {
  struct Candidate: Sendable {
    var bytes: [UInt8]
    var entity: Int
    var alias: String
    var isLatin: Bool
  }

  /// Candidates by their first scalar, longest first.
  let candidates: [UInt32: [Candidate]]

  public init(aliases: [(alias: String, entity: Int)]) {
    var table: [UInt32: [Candidate]] = [:]
    var seen = Set<String>()
    for (alias, entity) in aliases where alias.unicodeScalars.count >= 2 && seen.insert(alias).inserted {
      guard let first = alias.unicodeScalars.first else { continue }
      let isLatin = alias.unicodeScalars.allSatisfy { $0.isASCII }
      table[first.value, default: []].append(
        Candidate(bytes: Array(alias.utf8), entity: entity, alias: alias, isLatin: isLatin))
    }
    for key in table.keys { table[key]?.sort { $0.bytes.count > $1.bytes.count } }
    candidates = table
  }

  /// Every alias of every entity (index = position in `entities`).
  public init(entities: [Entity]) {
    self.init(aliases: entities.enumerated().flatMap { index, entity in entity.aliases.map { ($0, index) } })
  }

  /// Longest-first, non-overlapping matches in `text` within `range`, skipping offsets `skip` says to.
  func matches(in note: NoteBytes, from start: Int, to end: Int, skip: (Int) -> Bool) -> [ImplicitMention] {
    var result: [ImplicitMention] = []
    var index = start
    while index < end {
      let (value, length) = note.scalar(at: index)
      if !skip(index), let list = candidates[value] {
        var matched: Candidate?
        for candidate in list where index + candidate.bytes.count <= end && note.hasPrefix(candidate.bytes, at: index) {
          if candidate.isLatin {
            let before = note.scalar(before: index) ?? 0x20
            let after = note[index + candidate.bytes.count]
            if before < 0x80, isASCIIAlphanumeric(UInt8(before)) { continue }
            if isASCIIAlphanumeric(after) { continue }
          }
          if skip(index + candidate.bytes.count - 1) { continue }
          matched = candidate
          break
        }
        if let matched {
          result.append(
            ImplicitMention(
              range: TextRange(index, index + matched.bytes.count), entity: matched.entity,
              alias: matched.alias))
          index += matched.bytes.count
          continue
        }
      }
      index += length
    }
    return result
  }
}

public enum ImplicitMentions {
  /// Aliases named in the note's prose: not in code, comments, URLs, citations or entity links.
  public static func find(in note: NoteSyntax, matcher: AliasMatcher) -> [ImplicitMention] {
    let bytes = NoteBytes(note.text)
    var excluded = [Bool](repeating: false, count: bytes.count)
    for range in note.ignoredRanges + note.citations.map(\.range) + note.entityLinks.map(\.range) {
      let lower = max(0, range.start.utf8Offset)
      let upper = min(bytes.count, range.end.utf8Offset)
      if lower < upper { for offset in lower..<upper { excluded[offset] = true } }
    }
    return matcher.matches(in: bytes, from: 0, to: bytes.count) { offset in
      offset >= 0 && offset < excluded.count && excluded[offset]
    }
  }
}

extension ImplicitMentions {
  /// Mentions found by the index's own scanner (the corpus rules: compounds such as 日美同盟, acronyms, word
  /// boundaries), kept only where the note has prose: not in code, comments, URLs, citations or entity links.
  public static func find(in note: NoteSyntax, index: CorpusIndex) -> [ImplicitMention] {
    let excluded = (note.ignoredRanges + note.citations.map(\.range) + note.entityLinks.map(\.range))
      .sorted { $0.start < $1.start }
    return index.scanMentions(in: note.text).compactMap { scanned in
      let range = TextRange(scanned.start, scanned.end)
      guard !excluded.contains(where: { $0.intersects(range) }) else { return nil }
      return ImplicitMention(range: range, entity: scanned.entity, alias: note.text.slice(range))
    }
  }
}
