//! Go-to-citation: a citation to the exact raw range it cites; an entity to its lexicon entry or first mention.
import Foundation

/// The workspace lexicon's file and text, where an entity's entry is looked for.
public struct LexiconSource: Sendable {
  public var file: String
  public var text: String

  public init(file: String, text: String) {
    self.file = file
    self.text = text
  }
}

public enum Definition {
  /// Where the element under the cursor is defined, or nothing.
  public static func find(index: CorpusIndex, lexicon: LexiconSource?, note: NoteSyntax, at offset: TextSize)
    -> [FileRange]
  {
    guard let target = FeatureSupport.target(in: note, at: offset, index: index) else { return [] }
    switch target {
    case .citation(let paper, let citation, let item):
      guard let found = note.citations[checked: citation]?.items[checked: item] else { return [] }
      return [citedRange(index: index, note: note, citation: citation, item: found, paper: paper)]
    case .entity(let entity, _):
      return entityDefinition(index: index, lexicon: lexicon, entity: entity).map { [$0] } ?? []
    }
  }

  /// The raw range a citation lands on: the quotation's source (`FeatureSupport.quotationSource`), else the
  /// locator's passage, section, footnote or lines, else the paper's title.
  public static func citedRange(index: CorpusIndex, note: NoteSyntax, citation: Int, item: CitationItem, paper: Int)
    -> FileRange
  {
    let document = index.papers[paper]
    if let match = FeatureSupport.quotationSource(index: index, note: note, citation: citation, item: item, paper: paper) {
      let raw = index.rawRange(of: match.range, paper: match.paper, passage: match.passage)
      return FileRange(file: index.papers[match.paper].file, range: raw)
    }
    if let locator = item.locator, let (_, raw) = FeatureSupport.locatedRange(locator, in: document) {
      return FileRange(file: document.file, range: raw)
    }
    return FileRange(file: document.file, range: titleRange(of: document))
  }

  static func titleRange(of paper: Paper) -> TextRange {
    paper.titlePassage?.rawRange ?? paper.metadataSources[.title] ?? TextRange(0, 0)
  }

  /// The entity's entry in the workspace lexicon when it comes from there, else its first corpus mention.
  public static func entityDefinition(index: CorpusIndex, lexicon: LexiconSource?, entity: Int) -> FileRange? {
    guard index.entities.indices.contains(entity) else { return nil }
    let value = index.entities[entity]
    if value.source == .lexicon, let lexicon, let range = lexiconEntry(of: value, in: lexicon.text) {
      return FileRange(file: lexicon.file, range: range)
    }
    var first: FileRange?
    index.forEachMentionRecord(of: entity) { paper, passage, range in
      let raw = index.navigationRange(ofMention: range, paper: paper, passage: passage)
      first = FileRange(file: index.papers[paper].file, range: raw)
      return false
    }
    return first
  }

  /// The JSON string holding the entity's id (`"id": "asean"`), else its name, in the lexicon text.
  static func lexiconEntry(of entity: Entity, in text: String) -> TextRange? {
    for candidate in ["\"\(entity.id)\"", "\"\(entity.name)\""] {
      if let found = text.range(of: candidate) {
        let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        let end = text.utf8.distance(from: text.startIndex, to: found.upperBound)
        return TextRange(start + 1, end - 1)
      }
    }
    return nil
  }
}
