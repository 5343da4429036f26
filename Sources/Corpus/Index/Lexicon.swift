//! Entity sources: the built-in lexicon, the workspace `lexicon.json`, and how they merge with discovery.
import Foundation

/// A problem found while reading an index input (the workspace lexicon), reported, never thrown.
public struct IndexProblem: Sendable, Equatable, CustomStringConvertible {
  /// Workspace-relative file the problem is about.
  public var file: String
  public var message: String
  /// 1-based line and column (Unicode scalars) when known.
  public var line: Int?
  public var column: Int?

  public init(file: String, message: String, line: Int? = nil, column: Int? = nil) {
    self.file = file
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String {
    if let line, let column { return "\(file):\(line):\(column): \(message)" }
    return "\(file): \(message)"
  }
}

public enum Lexicon {
  /// The curated entities of the field (states, organisations, mechanisms, leaders, agencies).
  public static var builtin: [Entity] { BuiltinLexicon.entities }

  /// The key aliases are compared by: trimmed, ASCII letters lower-cased (Chinese is left as is).
  public static func aliasKey(_ alias: String) -> String {
    var alias = alias
    let folded: String? = alias.withUTF8 { bytes in
      // Fast path: no ASCII capitals and no surrounding ASCII white space → the alias itself.
      var start = 0
      var end = bytes.count
      while start < end, bytes[start] == 0x20 || (bytes[start] >= 0x09 && bytes[start] <= 0x0D) { start += 1 }
      while end > start, bytes[end - 1] == 0x20 || (bytes[end - 1] >= 0x09 && bytes[end - 1] <= 0x0D) { end -= 1 }
      let hasCapital = bytes[start..<end].contains { $0 >= 0x41 && $0 <= 0x5A }
      if !hasCapital && start == 0 && end == bytes.count { return nil }
      var folded = Array(bytes[start..<end])
      for i in folded.indices where folded[i] >= 0x41 && folded[i] <= 0x5A { folded[i] |= 0x20 }
      let key = String(decoding: folded, as: UTF8.self)
      return key.trimmingWhitespace
    }
    return folded ?? alias
  }

  /// Parses a workspace `lexicon.json`: `{"entities": [{"id", "kind", "name", "english", "aliases": [],
  /// "members": [], "definition"}]}`. Invalid JSON or entries become problems; valid entries are kept.
  public static func parse(
    data: Data, file: String = "lexicon.json"
  ) -> (entities: [Entity], problems: [IndexProblem]) {
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data)
    } catch {
      let text = String(decoding: data, as: UTF8.self)
      let place = JSONPlaces.errorOffset(of: error, utf8Count: text.utf8.count).map { lineColumn($0, in: text) }
      let message = "invalid JSON: \(JSONPlaces.message(of: error))"
      return ([], [IndexProblem(file: file, message: message, line: place?.line, column: place?.column)])
    }
    guard let object = root as? [String: Any] else {
      let message = "expected an object with an \"entities\" array"
      return ([], [IndexProblem(file: file, message: message, line: 1, column: 1)])
    }
    guard let list = object["entities"] as? [Any] else {
      return ([], [IndexProblem(file: file, message: "missing \"entities\" array", line: 1, column: 1)])
    }
    var entities: [Entity] = []
    var problems: [IndexProblem] = []
    var seenIds: Set<String> = []
    // An entry's problems are placed at the entry.
    let text = String(decoding: data, as: UTF8.self)
    let entryStarts = JSONPlaces.arrayMember("entities", in: text)?.elementStarts ?? []
    for (position, item) in list.enumerated() {
      let label = "entities[\(position)]"
      let firstProblem = problems.count
      defer {
        if position < entryStarts.count, problems.count > firstProblem {
          let place = lineColumn(entryStarts[position], in: text)
          for k in firstProblem..<problems.count {
            problems[k].line = place.line
            problems[k].column = place.column
          }
        }
      }
      guard let entry = item as? [String: Any] else {
        problems.append(IndexProblem(file: file, message: "\(label) is not an object"))
        continue
      }
      func string(_ key: String) -> String? {
        guard let value = entry[key], !(value is NSNull) else { return nil }
        guard let text = value as? String else {
          problems.append(IndexProblem(file: file, message: "\(label).\(key) must be a string"))
          return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
      }
      func strings(_ key: String) -> [String] {
        guard let value = entry[key], !(value is NSNull) else { return [] }
        guard let array = value as? [Any] else {
          problems.append(IndexProblem(file: file, message: "\(label).\(key) must be an array of strings"))
          return []
        }
        var result: [String] = []
        for element in array {
          if let text = element as? String, !text.trimmingCharacters(in: .whitespaces).isEmpty {
            result.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
          } else {
            problems.append(IndexProblem(file: file, message: "\(label).\(key) must hold non-empty strings"))
          }
        }
        return result
      }
      let aliases = strings("aliases")
      guard let name = string("name") ?? aliases.first ?? string("id") else {
        problems.append(IndexProblem(file: file, message: "\(label) has no \"name\""))
        continue
      }
      let id = string("id") ?? slug(name)
      if !seenIds.insert(id).inserted {
        problems.append(IndexProblem(file: file, message: "duplicate entity id '\(id)' (\(label))"))
        continue
      }
      let kind = string("kind").map { EntityKind(rawValue: $0.lowercased()) } ?? .actor
      entities.append(
        Entity(
          id: id, kind: kind, name: name, english: string("english"), aliases: aliases, members: strings("members"),
          definition: string("definition"), source: .lexicon))
    }
    return (entities, problems)
  }

  /// Merges the three sources, later ones winning: `lexicon` > `discovered` > `builtin`.
  ///
  /// Entities are the same when they share an id or an alias (compared by `aliasKey`). A lexicon entry
  /// overrides name, kind, English name, members and definition and becomes the source. A discovered
  /// candidate that matches a curated entity only contributes its new aliases (the curated entity keeps its
  /// name and source); an unmatched one is added with source `discovered`.
  public static func merge(builtin: [Entity], discovered: [Entity] = [], lexicon: [Entity] = []) -> [Entity] {
    var merged: [Entity] = []
    var byId: [String: Int] = [:]
    var byAlias: [String: Int] = [:]

    func register(_ index: Int) {
      byId[merged[index].id] = index
      for alias in merged[index].aliases {
        let key = aliasKey(alias)
        if byAlias[key] == nil { byAlias[key] = index }
      }
    }
    func existing(_ entity: Entity) -> Int? {
      if let index = byId[entity.id] { return index }
      for alias in entity.aliases { if let index = byAlias[aliasKey(alias)] { return index } }
      return nil
    }
    func addAliases(_ aliases: [String], to index: Int) {
      var keys = Set(merged[index].aliases.map(aliasKey))
      for alias in aliases where keys.insert(aliasKey(alias)).inserted { merged[index].aliases.append(alias) }
    }

    for entity in builtin {
      if let index = existing(entity) {
        addAliases(entity.aliases, to: index)
      } else {
        merged.append(entity)
      }
      register(existing(entity) ?? merged.count - 1)
    }
    for entity in discovered {
      if let index = existing(entity) {
        addAliases(entity.aliases, to: index)
        if merged[index].members.isEmpty { merged[index].members = entity.members }
        register(index)
      } else {
        var candidate = entity
        candidate.source = .discovered
        merged.append(candidate)
        register(merged.count - 1)
      }
    }
    for entity in lexicon {
      if let index = existing(entity) {
        var updated = merged[index]
        updated.name = entity.name
        updated.kind = entity.kind
        if let english = entity.english { updated.english = english }
        if !entity.members.isEmpty { updated.members = entity.members }
        if let definition = entity.definition { updated.definition = definition }
        updated.source = .lexicon
        let keys = Set(entity.aliases.map(aliasKey))
        updated.aliases = entity.aliases + updated.aliases.filter { !keys.contains(aliasKey($0)) }
        merged[index] = updated
        register(index)
      } else {
        var added = entity
        added.source = .lexicon
        merged.append(added)
        register(merged.count - 1)
      }
    }
    return merged
  }

  /// An ASCII kebab-case id from a name; non-ASCII names keep their text (ids only need to be stable).
  public static func slug(_ name: String) -> String {
    var result = ""
    var pendingDash = false
    for scalar in name.unicodeScalars {
      if scalar.isASCII {
        if CharacterSet.alphanumerics.contains(scalar) {
          if pendingDash, !result.isEmpty { result.append("-") }
          pendingDash = false
          result.append(Character(scalar).lowercased())
        } else {
          pendingDash = true
        }
      } else if CharacterSet.whitespacesAndNewlines.contains(scalar)
        || CharacterSet.punctuationCharacters.contains(scalar)
      {
        pendingDash = true
      } else {
        if pendingDash, !result.isEmpty { result.append("-") }
        pendingDash = false
        result.unicodeScalars.append(scalar)
      }
    }
    return result.isEmpty ? "entity" : result
  }

  // MARK: - JSON error positions

  /// The 1-based line and column (Unicode scalars) of a UTF-8 offset of `text`.
  private static func lineColumn(_ offset: Int, in text: String) -> (line: Int, column: Int) {
    let lines = LineIndex(text)
    let clamped = TextSize(max(0, min(offset, lines.utf8Count)))
    let position = lines.lineColumn(at: lines.scalarBoundary(atOrBefore: clamped), unit: .utf32)
    return (position.line + 1, position.column + 1)
  }
}
