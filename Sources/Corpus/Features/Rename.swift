//! Rename a citation key or an entity alias across every note (never in corpus files or the lexicon). A key that
//! names a paper is renamed in `corpus-lsp.json` too, so that the renamed citations still find their paper.
import Foundation

public struct RenameTarget: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case citationKey(String)
    case entityAlias(entity: Int, alias: String)
  }

  public var kind: Kind
  /// The name under the cursor, what the editor pre-selects.
  public var range: TextRange
  public var placeholder: String
}

public enum Rename {
  /// What can be renamed at the cursor: a citation key (`@key`) or an entity link's target (`[[alias]]`).
  public static func prepare(index: CorpusIndex, note: NoteSyntax, at offset: TextSize) -> RenameTarget? {
    switch note.element(at: offset) {
    case .citationKey(let citation, let item):
      guard let found = note.citations[checked: citation]?.items[checked: item] else { return nil }
      return RenameTarget(kind: .citationKey(found.key), range: found.keyRange, placeholder: found.key)
    case .entityLink(let link):
      let found = note.entityLinks[link]
      guard found.targetRange.contains(inclusive: offset), let entity = index.entity(forAlias: found.target) else {
        return nil
      }
      return RenameTarget(kind: .entityAlias(entity: entity, alias: found.target), range: found.targetRange,
                          placeholder: found.target)
    default:
      return nil
    }
  }

  /// Why a rename cannot be made.
  public enum Refusal: Error, Equatable, Sendable {
    /// Not a usable key or alias.
    case unusableName
    /// The new key already cites another paper (its key or file stem).
    case keyTaken(paper: String)
    /// The paper's key could not be written into the configuration (no `corpus-lsp.json`, or not one this edit
    /// can extend): the renamed citations would cite nothing.
    case configurationNotWritable(file: String)
  }

  /// Edits renaming, in every note, each use of the same key (exactly as written) or each link naming the entity
  /// with the same alias (case-insensitive for Latin). A key that names a paper gets its new key in the
  /// configuration (`config`: the text of `corpus-lsp.json` at `configPath`, nil when there is none). Nil when
  /// nothing renamable is under the cursor.
  public static func edits(
    index: CorpusIndex, notes: [NoteFile], current: NoteFile, at offset: TextSize, newName: String,
    config: String? = nil, configPath: String = WorkspaceConfig.fileName
  ) throws(Refusal) -> [FileEdit]? {
    guard let target = prepare(index: index, note: current.syntax, at: offset) else { return nil }
    let trimmed = newName.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { throw .unusableName }
    let allNotes = [current] + notes.filter { $0.file != current.file }
    var edits: [FileEdit] = []
    switch target.kind {
    case .citationKey(let key):
      guard trimmed.utf8.allSatisfy(Completion.isKeyByte) else { throw .unusableName }
      if trimmed == key { return [] }
      let paper = index.paper(forKey: key)
      if let other = index.paper(forKey: trimmed), other != paper { throw .keyTaken(paper: index.papers[other].file) }
      if let paper {
        guard let edit = keyInConfiguration(config, path: configPath, file: index.papers[paper].file, old: key, new: trimmed)
        else { throw .configurationNotWritable(file: index.papers[paper].file) }
        edits.append(edit)
      }
      for note in allNotes {
        for (_, item) in note.syntax.citationItems where item.key == key {
          edits.append(FileEdit(file: note.file, range: item.keyRange, newText: trimmed))
        }
      }
    case .entityAlias(_, let alias):
      guard !trimmed.contains("]]"), !trimmed.contains("|") else { throw .unusableName }
      let wanted = Lexicon.aliasKey(alias)
      for note in allNotes {
        for link in note.syntax.entityLinks where Lexicon.aliasKey(link.target) == wanted {
          edits.append(FileEdit(file: note.file, range: link.targetRange, newText: trimmed))
        }
      }
    }
    return edits
  }

  /// The edit of `corpus-lsp.json` that makes `new` the key of corpus file `file`: the old key's string replaced
  /// when the file sets it, else `"key"` added to the file's entry, to `documents`, or to the top-level object.
  /// Nil when there is no configuration or the edited text would not set the key (checked by parsing it).
  static func keyInConfiguration(_ config: String?, path: String, file: String, old: String, new: String) -> FileEdit? {
    guard let config else { return nil }
    let name = file.split(separator: "/").last.map(String.init) ?? file
    let oldLiteral = LexiconEdit.jsonString(old)
    let keyMember = "\"key\": \(LexiconEdit.jsonString(new))"
    var candidates: [FileEdit] = []
    let literals = config.ranges(of: oldLiteral)
    if literals.count == 1, let range = literals.first {
      candidates.append(FileEdit(file: path, range: utf8Range(range, in: config), newText: LexiconEdit.jsonString(new)))
    }
    let bytes = Array(config.utf8)
    func skipSpaces(_ index: inout Int) { while index < bytes.count, bytes[index] <= 0x20 { index += 1 } }
    /// Just inside the `{` of the object that is the value of member `member` (of the top-level object when nil),
    /// and whether that object is empty.
    func afterOpeningBrace(ofMember member: String?) -> (offset: Int, isEmpty: Bool)? {
      var brace: Int?
      if let member {
        for found in config.ranges(of: LexiconEdit.jsonString(member)) {
          var index = config.utf8.distance(from: config.utf8.startIndex, to: found.upperBound)
          skipSpaces(&index)
          guard index < bytes.count, bytes[index] == 0x3A else { continue }
          index += 1
          skipSpaces(&index)
          if index < bytes.count, bytes[index] == 0x7B {
            brace = index
            break
          }
        }
      } else {
        var index = 0
        skipSpaces(&index)
        if index < bytes.count, bytes[index] == 0x7B { brace = index }
      }
      guard let brace else { return nil }
      var next = brace + 1
      skipSpaces(&next)
      return (brace + 1, next < bytes.count && bytes[next] == 0x7D)
    }
    func insertion(_ text: String, at place: (offset: Int, isEmpty: Bool)?) {
      guard let place else { return }
      candidates.append(
        FileEdit(file: path, range: TextRange(place.offset, place.offset), newText: place.isEmpty ? text : text + ", "))
    }
    insertion(keyMember, at: afterOpeningBrace(ofMember: name))
    insertion("\(LexiconEdit.jsonString(name)): {\(keyMember)}", at: afterOpeningBrace(ofMember: "documents"))
    insertion("\"documents\": {\(LexiconEdit.jsonString(name)): {\(keyMember)}}", at: afterOpeningBrace(ofMember: nil))
    return candidates.first { edit in
      let edited = String(
        decoding: bytes[..<edit.range.start.utf8Offset] + Array(edit.newText.utf8) + bytes[edit.range.end.utf8Offset...],
        as: UTF8.self)
      let (parsed, problems) = WorkspaceConfig.parse(Data(edited.utf8))
      return problems.isEmpty && parsed.override(for: file)?.key == new
    }
  }

  private static func utf8Range(_ range: Range<String.Index>, in text: String) -> TextRange {
    TextRange(
      text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound),
      text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound))
  }
}
