//! References: every note place and corpus place that cites a document or names an entity.

public enum References {
  /// Corpus mentions listed at most for one entity (an actor like 日本 has hundreds of thousands at 100 MB).
  public static let corpusMentionLimit = 1_000

  /// References of the element under the cursor in `current` (whose file is among `notes` or not).
  /// `includeDeclaration` adds the paper's title (for a citation) or the entity's definition.
  public static func find(
    index: CorpusIndex, lexicon: LexiconSource?, notes: [NoteFile], current: NoteFile, at offset: TextSize,
    includeDeclaration: Bool
  ) -> [FileRange] {
    guard let target = FeatureSupport.target(in: current.syntax, at: offset, index: index) else { return [] }
    let allNotes = [current] + notes.filter { $0.file != current.file }
    switch target {
    case .citation(let paper, _, _):
      var result = citations(of: paper, index: index, notes: allNotes)
      if includeDeclaration {
        result.insert(FileRange(file: index.papers[paper].file, range: Definition.titleRange(of: index.papers[paper])), at: 0)
      }
      return result
    case .entity(let entity, _):
      var result: [FileRange] = []
      if includeDeclaration, let declaration = Definition.entityDefinition(index: index, lexicon: lexicon, entity: entity),
        declaration.file == lexicon?.file
      {
        result.append(declaration)
      }
      result += mentions(of: entity, index: index, notes: allNotes)
      return result
    }
  }

  /// Every citation item in the notes whose key resolves to the paper: the key's range.
  public static func citations(of paper: Int, index: CorpusIndex, notes: [NoteFile]) -> [FileRange] {
    var result: [FileRange] = []
    for note in notes {
      for (_, item) in note.syntax.citationItems where index.paper(forKey: item.key) == paper {
        result.append(FileRange(file: note.file, range: item.keyRange))
      }
    }
    return result
  }

  /// Entity links and implicit mentions in the notes, then the corpus mentions (at most `corpusMentionLimit`).
  public static func mentions(of entity: Int, index: CorpusIndex, notes: [NoteFile]) -> [FileRange] {
    var result: [FileRange] = []
    for note in notes {
      var ranges: [TextRange] = []
      for link in note.syntax.entityLinks where index.entity(forAlias: link.target) == entity {
        ranges.append(link.targetRange)
      }
      for mention in FeatureSupport.implicitMentions(in: note.syntax, index: index) where mention.entity == entity {
        ranges.append(TextRange(mention.start, mention.end))
      }
      result += ranges.sorted { $0.start < $1.start }.map { FileRange(file: note.file, range: $0) }
    }
    index.forEachMentionRecord(of: entity, limit: corpusMentionLimit) { paper, passage, range in
      let raw = index.navigationRange(ofMention: range, paper: paper, passage: passage)
      result.append(FileRange(file: index.papers[paper].file, range: raw))
      return true
    }
    return result
  }
}
