//! Rename a citation key or an entity alias across every note (never in corpus files or the lexicon). A key that
//! names a paper is renamed in `corpus-lsp.json` too, so that the renamed citations still find their paper.

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
    /// The new alias names no entity, or another one: the renamed links would name something else, or nothing.
    case notAnAlias(of: String)
    /// The paper's key could not be written into the configuration (no `corpus-lsp.json`, or not one this edit
    /// can extend): the renamed citations would cite nothing.
    case configurationNotWritable(file: String)
  }

  /// Edits renaming, in every note, each use of the same key (exactly as written) or each link naming the entity
  /// with the same alias (case-insensitive for Latin) to another of its aliases. A key that names a paper gets its new key in the
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
        guard let edit = ConfigEdit.settingKey(new: trimmed, old: key, of: index.papers[paper].file, in: config, path: configPath)
        else { throw .configurationNotWritable(file: index.papers[paper].file) }
        edits.append(edit)
      }
      for note in allNotes {
        for (_, item) in note.syntax.citationItems where item.key == key {
          edits.append(FileEdit(file: note.file, range: item.keyRange, newText: trimmed))
        }
      }
    case .entityAlias(let entity, let alias):
      guard !trimmed.contains("]]"), !trimmed.contains("|") else { throw .unusableName }
      guard index.entity(forAlias: trimmed) == entity else { throw .notAnAlias(of: index.entities[entity].name) }
      let wanted = Lexicon.aliasKey(alias)
      for note in allNotes {
        for link in note.syntax.entityLinks where Lexicon.aliasKey(link.target) == wanted {
          edits.append(FileEdit(file: note.file, range: link.targetRange, newText: trimmed))
        }
      }
    }
    return edits
  }
}
