//! The edit that adds a term to the workspace lexicon (lexicon.json), creating the file when absent.

enum LexiconEdit {
  /// One edit adding `{"id", "kind", "name", "aliases"}` to the `entities` array of the lexicon; nil when the
  /// lexicon cannot be extended safely (see `inserting`).
  static func addingEntity(named name: String, kind: EntityKind, context: CheckContext) -> FileEdit? {
    let entry =
      "{\"id\": \(jsonString(entityID(for: name))), \"kind\": \(jsonString(kind.rawValue)), "
      + "\"name\": \(jsonString(name)), \"aliases\": [\(jsonString(name))]}"
    return inserting(entry, context: context)
  }

  /// One edit adding a whole entity (as discovered or built in) to the lexicon, its id without `discovered-`;
  /// nil when the lexicon cannot be extended safely.
  static func adding(_ entity: Entity, context: CheckContext) -> FileEdit? {
    let id = entity.id.hasPrefix("discovered-") ? String(entity.id.dropFirst("discovered-".count)) : entity.id
    var entry =
      "{\"id\": \(jsonString(id)), \"kind\": \(jsonString(entity.kind.rawValue)), "
      + "\"name\": \(jsonString(entity.name))"
    if let english = entity.english { entry += ", \"english\": \(jsonString(english))" }
    entry += ", \"aliases\": [\(entity.aliases.map(jsonString).joined(separator: ", "))]"
    if !entity.members.isEmpty { entry += ", \"members\": [\(entity.members.map(jsonString).joined(separator: ", "))]" }
    if let definition = entity.definition { entry += ", \"definition\": \(jsonString(definition))" }
    return inserting(entry + "}", context: context)
  }

  /// Inserts one JSON object into the lexicon's `entities` array, creating the file when absent (or writing the
  /// whole lexicon into an empty file or an empty object). Nil for a lexicon with no `"entities"` array to extend
  /// (broken JSON, a top-level array): an edit there would leave a file the server rejects.
  static func inserting(_ entry: String, context: CheckContext) -> FileEdit? {
    let fresh = "{\n  \"entities\": [\n    \(entry)\n  ]\n}\n"
    guard let text = context.lexiconText, !text.trimmingSpaces.isEmpty else {
      return FileEdit(
        file: context.lexiconPath, range: TextRange(0, 0), newText: fresh, createsFile: context.lexiconText == nil)
    }
    guard let (closing, isEmpty) = entitiesArrayEnd(in: text) else {
      let compact = text.unicodeScalars.filter { !$0.properties.isWhitespace }
      guard String(String.UnicodeScalarView(compact)) == "{}" else { return nil }
      return FileEdit(file: context.lexiconPath, range: TextRange(start: .zero, end: text.utf8Size), newText: fresh)
    }
    // Insert after the last element (before white space preceding `]`).
    let bytes = Array(text.utf8)
    var insertAt = closing
    while insertAt > 0, isSpaceByte(bytes[insertAt - 1]) { insertAt -= 1 }
    let newText = isEmpty ? "\n    \(entry)\n  " : ",\n    \(entry)"
    return FileEdit(
      file: context.lexiconPath, range: TextRange(insertAt, isEmpty ? closing : insertAt), newText: newText)
  }

  /// Offset of the `]` closing the `"entities"` array, and whether it is empty; nil when the text holds no such
  /// array that closes.
  static func entitiesArrayEnd(in text: String) -> (Int, Bool)? {
    JSONPlaces.arrayMember("entities", in: text).map { ($0.close, $0.elementStarts.isEmpty) }
  }

  static func entityID(for name: String) -> String {
    let ascii = name.unicodeScalars.allSatisfy { $0.isASCII }
    guard ascii else { return name }
    var id = ""
    for scalar in name.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        id.unicodeScalars.append(scalar)
      } else if !id.hasSuffix("-") {
        id += "-"
      }
    }
    while id.hasSuffix("-") { id.removeLast() }
    return id.isEmpty ? name : id
  }

  static func jsonString(_ value: String) -> String {
    var result = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
