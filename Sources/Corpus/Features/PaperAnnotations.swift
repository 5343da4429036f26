//! The paper read as annotated: in a corpus file, which notes cite each paragraph, and the entities it names.

/// One place in a note that cites a passage of a paper.
public struct CitingPlace: Sendable, Hashable {
  public var note: String
  /// The citation item's range in the note.
  public var range: TextRange
  /// The sentence of the note holding the citation, trimmed.
  public var sentence: String
}

/// A "cited by N notes" lens over a passage.
public struct CitationLens: Sendable, Hashable {
  public var passage: PassageID
  /// Where the lens sits: the passage's raw range in the corpus file.
  public var range: TextRange
  public var places: [CitingPlace]
  public var noteCount: Int { Set(places.map(\.note)).count }
  public var title: String { "cited by \(noteCount) note\(noteCount == 1 ? "" : "s")" }
}

public enum PaperAnnotations {
  /// Every note place citing each passage of `paper` (by locator; a quotation without locator counts where it
  /// is found).
  public static func citingPlaces(index: CorpusIndex, paper: Int, notes: [NoteFile]) -> [PassageID: [CitingPlace]] {
    guard index.papers.indices.contains(paper) else { return [:] }
    let document = index.papers[paper]
    var result: [PassageID: [CitingPlace]] = [:]
    for note in notes {
      let syntax = note.syntax
      for (citationIndex, citation) in syntax.citations.enumerated() {
        for item in citation.items where index.paper(forKey: item.key) == paper {
          var passages = FeatureSupport.citedPassages(item, paper: document)
          if passages.isEmpty, let quotation = syntax.quotations.first(where: { $0.citation == citationIndex }) {
            let found = index.findQuote(quotation.fragments.map(\.text), preferredPaper: paper)
            passages = found.matches.filter { $0.paper == paper }.prefix(1).map(\.passage)
          }
          let sentenceRange = syntax.sentence(containing: item.range.start)
          let sentence = syntax.text.slice(sentenceRange).trimmingCharacters(in: .whitespacesAndNewlines)
          for passage in passages {
            result[passage, default: []].append(CitingPlace(note: note.file, range: item.range, sentence: sentence))
          }
        }
      }
    }
    return result
  }

  /// The paper whose file is `file`.
  public static func paper(inFile file: String, index: CorpusIndex) -> Int? {
    index.papers.firstIndex { $0.file == file }
  }

  /// One lens per cited passage, in file order.
  public static func lenses(index: CorpusIndex, paper: Int, notes: [NoteFile]) -> [CitationLens] {
    let document = index.papers[paper]
    return citingPlaces(index: index, paper: paper, notes: notes).compactMap { passage, places in
      guard let raw = document.passage(passage)?.rawRange else { return nil }
      return CitationLens(passage: passage, range: raw, places: places)
    }.sorted { $0.range.start < $1.range.start }
  }

  /// Hover in a corpus file: an entity mention shows its card; elsewhere in a paragraph, the notes citing it.
  public static func hover(index: CorpusIndex, paper: Int, notes: [NoteFile], at rawOffset: TextSize) -> HoverInfo? {
    guard index.papers.indices.contains(paper) else { return nil }
    let document = index.papers[paper]
    if let (mention, piece) = mentionPiece(index: index, paper: paper, at: rawOffset) {
      // The piece under the cursor, when a footnote block or a line break splits the name.
      return HoverInfo(range: piece, markdown: Hover.entityCard(index: index, entity: mention.entity))
    }
    guard let passage = FeatureSupport.passage(atRaw: rawOffset, in: document), let raw = document.passage(passage)?.rawRange
    else { return nil }
    let places = citingPlaces(index: index, paper: paper, notes: notes)[passage] ?? []
    var lines = ["**\(FeatureSupport.label(passage, in: document))** of `@\(index.key(of: paper))`"]
    if places.isEmpty {
      lines.append("Not cited by any note.")
    } else {
      let notesCount = Set(places.map(\.note)).count
      lines.append("Cited \(places.count) time\(places.count == 1 ? "" : "s") by \(notesCount) note\(notesCount == 1 ? "" : "s"):")
      // A sentence citing the passage twice (a quotation and its locator, two items) is listed once.
      var listed = Set<String>()
      for place in places where listed.insert(place.note + "\u{0}" + place.sentence).inserted {
        guard listed.count <= 20 else { break }
        lines.append("- `\(place.note)`: \(Hover.escape(FeatureSupport.preview(place.sentence, limit: 160)))")
      }
    }
    return HoverInfo(range: raw, markdown: lines.joined(separator: "\n\n"))
  }

  /// The entity mention at a raw offset of a paper: on one of its pieces, not on what a page break put between
  /// them.
  public static func mention(index: CorpusIndex, paper: Int, at rawOffset: TextSize) -> Mention? {
    mentionPiece(index: index, paper: paper, at: rawOffset)?.mention
  }

  /// The entity mention at a raw offset, and its raw piece there.
  static func mentionPiece(index: CorpusIndex, paper: Int, at rawOffset: TextSize) -> (mention: Mention, piece: TextRange)? {
    let document = index.papers[paper]
    guard let passage = FeatureSupport.passage(atRaw: rawOffset, in: document) else { return nil }
    for mention in index.mentions(in: paper, passage: passage)
    where !mention.rawRange.isEmpty && mention.rawRange.contains(inclusive: rawOffset) {
      let pieces = document.passage(mention.passage)?.rawPieces(of: mention.range) ?? [mention.rawRange]
      if let piece = pieces.first(where: { $0.contains(inclusive: rawOffset) }) { return (mention, piece) }
    }
    return nil
  }

  /// References from a place in a corpus file: an entity mention → everywhere it is named; a paragraph → the
  /// citing note places.
  public static func references(
    index: CorpusIndex, paper: Int, notes: [NoteFile], at rawOffset: TextSize, includeDeclaration: Bool
  ) -> [FileRange] {
    guard index.papers.indices.contains(paper) else { return [] }
    if let mention = mention(index: index, paper: paper, at: rawOffset) {
      return References.mentions(of: mention.entity, index: index, notes: notes)
    }
    guard let passage = FeatureSupport.passage(atRaw: rawOffset, in: index.papers[paper]) else { return [] }
    var result = (citingPlaces(index: index, paper: paper, notes: notes)[passage] ?? []).map {
      FileRange(file: $0.note, range: $0.range)
    }
    if includeDeclaration, let raw = index.papers[paper].passage(passage)?.rawRange {
      result.insert(FileRange(file: index.papers[paper].file, range: raw), at: 0)
    }
    return result
  }
}
