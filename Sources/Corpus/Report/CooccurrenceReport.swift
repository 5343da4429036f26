//! The analyst's tables behind `corpus-lsp report`: entity × document mention counts and actor × mechanism
//! co-occurrence, each number with the passages that make it up. Plain data; CSV and HTML render it.

/// What counts as "together" for co-occurrence.
public enum CooccurrenceScope: String, Sendable, CaseIterable {
  /// Both entities are named in the same paragraph (or footnote, or abstract).
  case paragraph
  /// Both are named in the same sentence.
  case sentence
}

public struct ReportOptions: Sendable, Equatable {
  public var scope: CooccurrenceScope
  /// Keep the N most mentioned entities in the entity × document table, and the N most mentioned actors and
  /// mechanisms in the co-occurrence table; `nil` keeps every entity the corpus names.
  public var top: Int?
  /// Kinds shown in the entity × document table; `nil` for every kind.
  public var kinds: Set<EntityKind>?
  /// How many passages of each co-occurrence cell get a quote (taken in turn from each document); `nil` for all.
  /// Every passage is listed either way; on a large corpus, quoting them all would dwarf the corpus.
  public var quotesPerCell: Int?

  public init(
    scope: CooccurrenceScope = .paragraph, top: Int? = nil, kinds: Set<EntityKind>? = nil, quotesPerCell: Int? = nil
  ) {
    self.scope = scope
    self.top = top
    self.kinds = kinds
    self.quotesPerCell = quotesPerCell
  }
}

/// One corpus document as the report lists it.
public struct ReportDocument: Sendable, Equatable {
  /// Index into `CorpusIndex.papers`.
  public var paper: Int
  public var file: String
  /// The primary citation key.
  public var key: String
  public var metadata: PaperMetadata
  public var paragraphs: Int
  public var footnotes: Int
  /// Mentions of any entity in the document.
  public var mentions: Int
}

/// One entity as a row or column of a table.
public struct ReportEntity: Sendable, Equatable {
  /// Index into `CorpusIndex.entities`.
  public var entity: Int
  public var id: String
  public var kind: EntityKind
  public var name: String
  public var english: String?
  public var members: [String]
  /// Mentions over the whole corpus.
  public var total: Int
}

/// A passage and how many of a cell's units it holds.
public struct PassageCount: Sendable, Equatable {
  public var paper: Int
  public var passage: PassageID
  public var count: Int
}

public struct EntityDocumentCell: Sendable, Equatable {
  /// Index into `EntityDocumentTable.rows`.
  public var row: Int
  /// Index into `CooccurrenceReport.documents`.
  public var document: Int
  /// Mentions of the entity in the document; the sum of `passages`' counts.
  public var count: Int
  /// Every passage naming the entity, in reading order.
  public var passages: [PassageCount]
}

public struct EntityDocumentTable: Sendable, Equatable {
  /// Most mentioned first.
  public var rows: [ReportEntity]
  /// Only non-zero cells, by row then document.
  public var cells: [EntityDocumentCell]

  public func count(row: Int, document: Int) -> Int {
    cells.first { $0.row == row && $0.document == document }?.count ?? 0
  }
}

/// A passage where a row entity and a column entity occur together.
public struct CooccurrenceEvidence: Sendable, Equatable {
  public var paper: Int
  public var passage: PassageID
  /// Units in this passage where both occur: 1 for paragraph scope, the number of sentences for sentence scope.
  public var count: Int
  /// The two mentions the quote is built around (actor and mechanism, in text order), in the passage's normalised
  /// text: the closest pair in one sentence if any, in the first unit naming both.
  public var mentionRanges: [TextRange]
  /// A short quote naming both, as pieces of the passage's normalised text (joined by an elision), footnote marks
  /// left out as quotation matching ignores them. Empty beyond `ReportOptions.quotesPerCell`.
  public var fragments: [String]

  public init(paper: Int, passage: PassageID, count: Int, mentionRanges: [TextRange], fragments: [String]) {
    self.paper = paper
    self.passage = passage
    self.count = count
    self.mentionRanges = mentionRanges
    self.fragments = fragments
  }
}

public struct CooccurrenceCell: Sendable, Equatable {
  /// Index into `CooccurrenceTable.rows`.
  public var row: Int
  /// Index into `CooccurrenceTable.columns`.
  public var column: Int
  /// Paragraphs (or sentences) naming both; the sum of `evidence`' counts.
  public var count: Int
  /// In reading order.
  public var evidence: [CooccurrenceEvidence]
}

public struct CooccurrenceTable: Sendable, Equatable {
  public var scope: CooccurrenceScope
  /// Actors, most mentioned first; only those that co-occur with some column.
  public var rows: [ReportEntity]
  /// Mechanisms, most mentioned first; only those that co-occur with some row.
  public var columns: [ReportEntity]
  /// Only non-zero cells, by row then column.
  public var cells: [CooccurrenceCell]

  public func count(row: Int, column: Int) -> Int {
    cells.first { $0.row == row && $0.column == column }?.count ?? 0
  }
}

public struct CooccurrenceReport: Sendable {
  public var options: ReportOptions
  /// In corpus order.
  public var documents: [ReportDocument]
  public var entityDocument: EntityDocumentTable
  public var actorMechanism: CooccurrenceTable

  /// The report on an index. `progress` gets a line now and then, for large corpora.
  public init(index: CorpusIndex, options: ReportOptions = ReportOptions(), progress: (String) -> Void = { _ in }) {
    let mentions = index.entities.indices.map { index.mentions(of: $0) }
    let keys = index.papers.indices.map { index.keys(of: $0).first ?? index.papers[$0].stem }
    self.init(
      papers: index.papers, entities: index.entities, mentionsByEntity: mentions, keys: keys, options: options,
      progress: progress)
  }

  /// The report on plain values: `mentions` in any order; `keys[i]` is paper i's primary citation key.
  public init(
    papers: [Paper], entities: [Entity], mentions: [Mention], keys: [String],
    options: ReportOptions = ReportOptions(), progress: (String) -> Void = { _ in }
  ) {
    var byEntity = [[Mention]](repeating: [], count: entities.count)
    for mention in mentions where byEntity.indices.contains(mention.entity) { byEntity[mention.entity].append(mention) }
    self.init(
      papers: papers, entities: entities, mentionsByEntity: byEntity, keys: keys, options: options, progress: progress)
  }

  init(
    papers: [Paper], entities: [Entity], mentionsByEntity: [[Mention]], keys: [String], options: ReportOptions,
    progress: (String) -> Void
  ) {
    self.options = options
    // Mentions pointing outside the corpus are ignored, never trusted.
    let mentionsByEntity = mentionsByEntity.map { $0.filter { papers.indices.contains($0.paper) } }
    let totals = mentionsByEntity.map(\.count)

    var documentMentions = [Int](repeating: 0, count: papers.count)
    for list in mentionsByEntity { for mention in list { documentMentions[mention.paper] += 1 } }
    documents = papers.indices.map { index in
      let paper = papers[index]
      return ReportDocument(
        paper: index, file: paper.file, key: keys.indices.contains(index) ? keys[index] : paper.stem,
        metadata: paper.metadata, paragraphs: paper.paragraphs.count, footnotes: paper.footnotes.count,
        mentions: documentMentions[index])
    }

    func reportEntity(_ index: Int) -> ReportEntity {
      let entity = entities[index]
      return ReportEntity(
        entity: index, id: entity.id, kind: entity.kind, name: entity.name, english: entity.english,
        members: entity.members, total: totals[index])
    }
    /// Entities the corpus names, most mentioned first (ties by id, for stable output), cut to `top`.
    func ranked(_ include: (Entity) -> Bool) -> [Int] {
      let sorted = entities.indices.filter { totals[$0] > 0 && include(entities[$0]) }
        .sorted { totals[$0] != totals[$1] ? totals[$0] > totals[$1] : entities[$0].id < entities[$1].id }
      guard let top = options.top, top >= 0 else { return sorted }
      return Array(sorted.prefix(top))
    }

    progress("counting mentions of \(entities.count) entities in \(papers.count) documents")
    let rowEntities = ranked { options.kinds?.contains($0.kind) ?? true }
    var entityCells: [EntityDocumentCell] = []
    for (row, entity) in rowEntities.enumerated() {
      var perPassage: [ReportPassageKey: Int] = [:]
      for mention in mentionsByEntity[entity] {
        perPassage[ReportPassageKey(paper: mention.paper, passage: mention.passage), default: 0] += 1
      }
      var perPaper: [Int: [PassageCount]] = [:]
      for (key, count) in perPassage {
        perPaper[key.paper, default: []].append(PassageCount(paper: key.paper, passage: key.passage, count: count))
      }
      for paper in perPaper.keys.sorted() {
        let passages = (perPaper[paper] ?? []).sorted { $0.passage.reportOrder < $1.passage.reportOrder }
        entityCells.append(
          EntityDocumentCell(
            row: row, document: paper, count: passages.reduce(0) { $0 + $1.count }, passages: passages))
      }
    }
    entityDocument = EntityDocumentTable(rows: rowEntities.map(reportEntity), cells: entityCells)

    actorMechanism = Self.cooccurrence(
      papers: papers, mentionsByEntity: mentionsByEntity, actors: ranked { $0.kind == .actor },
      mechanisms: ranked { $0.kind == .mechanism }, scope: options.scope, quotesPerCell: options.quotesPerCell,
      makeEntity: reportEntity, progress: progress)
  }

  // MARK: - Co-occurrence

  private struct Occurrence {
    var slot: Int  // index into actors (>= 0) or mechanisms (encoded as -1 - index)
    var range: TextRange
  }

  private struct CellKey: Hashable {
    var row: Int
    var column: Int
  }

  private static func cooccurrence(
    papers: [Paper], mentionsByEntity: [[Mention]], actors: [Int], mechanisms: [Int], scope: CooccurrenceScope,
    quotesPerCell: Int?, makeEntity: (Int) -> ReportEntity, progress: (String) -> Void
  ) -> CooccurrenceTable {
    // Group the chosen entities' mentions by passage (titles are not paragraphs: left out).
    var units: [ReportPassageKey: [Occurrence]] = [:]
    for (slot, entity) in actors.enumerated() {
      for mention in mentionsByEntity[entity] where mention.passage != .title {
        units[ReportPassageKey(paper: mention.paper, passage: mention.passage), default: []]
          .append(Occurrence(slot: slot, range: mention.range))
      }
    }
    let passagesWithActors = Set(units.keys)
    for (slot, entity) in mechanisms.enumerated() {
      for mention in mentionsByEntity[entity] where mention.passage != .title {
        let key = ReportPassageKey(paper: mention.paper, passage: mention.passage)
        guard passagesWithActors.contains(key) else { continue }
        units[key, default: []].append(Occurrence(slot: -1 - slot, range: mention.range))
      }
    }
    let keys = units.keys.filter { key in units[key]?.contains { $0.slot < 0 } ?? false }
      .sorted { $0.paper != $1.paper ? $0.paper < $1.paper : $0.passage.reportOrder < $1.passage.reportOrder }
    progress("finding co-occurrences by \(scope.rawValue) in \(keys.count) passages")

    var cells: [CellKey: CooccurrenceCell] = [:]
    var sentencesOf: [ReportPassageKey: [TextRange]] = [:]
    let step = max(1, keys.count / 10)
    for (done, key) in keys.enumerated() {
      if done > 0, done % step == 0, keys.count >= 10_000 { progress("co-occurrence: \(done)/\(keys.count) passages") }
      guard let occurrences = units[key], let text = papers[key.paper].reportText(of: key.passage) else { continue }
      var sentences = Sentences.ranges(in: text)
      if sentences.isEmpty { sentences = [TextRange(start: .zero, end: text.utf8Size)] }
      sentencesOf[key] = sentences
      for (pair, found) in pairs(in: occurrences, sentences: sentences, scope: scope) {
        let evidence = CooccurrenceEvidence(
          paper: key.paper, passage: key.passage, count: found.units, mentionRanges: [found.first, found.second],
          fragments: [])
        cells[pair, default: CooccurrenceCell(row: pair.row, column: pair.column, count: 0, evidence: [])]
          .count += found.units
        cells[pair]?.evidence.append(evidence)
      }
    }

    // Quotes, for a few passages of each cell (or all): taken in turn from each document.
    progress("quoting the passages behind \(cells.count) cells")
    for pair in cells.keys {
      guard var cell = cells[pair] else { continue }
      for index in quotedEvidence(cell.evidence, limit: quotesPerCell) {
        let evidence = cell.evidence[index]
        let key = ReportPassageKey(paper: evidence.paper, passage: evidence.passage)
        guard let text = papers[key.paper].reportText(of: key.passage), let sentences = sentencesOf[key],
          evidence.mentionRanges.count == 2
        else { continue }
        let (first, second) = (evidence.mentionRanges[0], evidence.mentionRanges[1])
        let starts = sentences.map(\.start.utf8Offset)
        let firstSentence = sentences[lastIndex(in: starts, notAfter: first.start.utf8Offset)]
        let secondSentence = sentences[lastIndex(in: starts, notAfter: second.start.utf8Offset)]
        cell.evidence[index].fragments = QuoteWindow.fragments(
          bytes: Array(text.utf8), first: first, in: firstSentence, second: second, in: secondSentence,
          marks: papers[key.paper].reportFootnoteMarks(in: key.passage))
      }
      cells[pair] = cell
    }

    // Keep only rows and columns that meet someone, renumbered in rank order.
    let usedRows = Set(cells.keys.map(\.row)).sorted()
    let usedColumns = Set(cells.keys.map(\.column)).sorted()
    let rowIndex = Dictionary(uniqueKeysWithValues: usedRows.enumerated().map { ($1, $0) })
    let columnIndex = Dictionary(uniqueKeysWithValues: usedColumns.enumerated().map { ($1, $0) })
    let finalCells = cells.values.compactMap { cell -> CooccurrenceCell? in
      guard let row = rowIndex[cell.row], let column = columnIndex[cell.column] else { return nil }
      return CooccurrenceCell(row: row, column: column, count: cell.count, evidence: cell.evidence)
    }.sorted { $0.row != $1.row ? $0.row < $1.row : $0.column < $1.column }
    return CooccurrenceTable(
      scope: scope, rows: usedRows.map { makeEntity(actors[$0]) },
      columns: usedColumns.map { makeEntity(mechanisms[$0]) }, cells: finalCells)
  }

  private struct PairFound {
    var units: Int
    var unit: Int
    var apart: Int  // 0 when both mentions are in one sentence
    var first: TextRange
    var second: TextRange
    var distance: Int { second.start - first.start }
  }

  /// Every (actor, mechanism) pair in one passage: how many units hold both, and the closest two mentions
  /// (in the first unit that holds both) for the quote.
  private static func pairs(in occurrences: [Occurrence], sentences: [TextRange], scope: CooccurrenceScope)
    -> [CellKey: PairFound]
  {
    // Sentences matter in both scopes: a quote is best taken from one sentence naming both.
    let starts = sentences.map(\.start.utf8Offset)
    let sentenceOf = occurrences.map { lastIndex(in: starts, notAfter: $0.range.start.utf8Offset) }
    let unitOf = scope == .sentence ? sentenceOf : Array(repeating: 0, count: occurrences.count)
    var result: [CellKey: PairFound] = [:]
    var seenUnits: [CellKey: Set<Int>] = [:]
    for (i, actor) in occurrences.enumerated() where actor.slot >= 0 {
      for (j, mechanism) in occurrences.enumerated() where mechanism.slot < 0 && unitOf[i] == unitOf[j] {
        let key = CellKey(row: actor.slot, column: -1 - mechanism.slot)
        seenUnits[key, default: []].insert(unitOf[i])
        let actorFirst = actor.range.start <= mechanism.range.start
        let candidate = PairFound(
          units: 0, unit: unitOf[i], apart: sentenceOf[i] == sentenceOf[j] ? 0 : 1,
          first: actorFirst ? actor.range : mechanism.range, second: actorFirst ? mechanism.range : actor.range)
        // Quote the first unit holding both, from one sentence if possible, and the closest two mentions.
        if let found = result[key],
          (found.unit, found.apart, found.distance) <= (candidate.unit, candidate.apart, candidate.distance)
        {
          continue
        }
        result[key] = candidate
      }
    }
    for (key, units) in seenUnits { result[key]?.units = units.count }
    return result
  }

  /// The index of the last element `<= value` in a sorted array (0 when none).
  private static func lastIndex(in sorted: [Int], notAfter value: Int) -> Int {
    var low = 0
    var high = sorted.count - 1
    var answer = 0
    while low <= high {
      let mid = (low + high) / 2
      if sorted[mid] <= value {
        answer = mid
        low = mid + 1
      } else {
        high = mid - 1
      }
    }
    return answer
  }

  /// Which evidence to quote: all of it without a limit, else in turns, one from each document at a time.
  public static func quotedEvidence(_ evidence: [CooccurrenceEvidence], limit: Int?) -> [Int] {
    guard let limit, limit < evidence.count else { return Array(evidence.indices) }
    var byPaper: [Int: [Int]] = [:]
    var paperOrder: [Int] = []
    for (index, item) in evidence.enumerated() {
      if byPaper[item.paper] == nil { paperOrder.append(item.paper) }
      byPaper[item.paper, default: []].append(index)
    }
    var chosen: [Int] = []
    var round = 0
    while chosen.count < limit {
      var tookAny = false
      for paper in paperOrder {
        guard let list = byPaper[paper], round < list.count, chosen.count < limit else { continue }
        chosen.append(list[round])
        tookAny = true
      }
      if !tookAny { break }
      round += 1
    }
    return chosen.sorted()
  }

  // MARK: - Citations

  /// The locator of a passage in a citation: `¶12`, `fn. 3`; none for the abstract and the title.
  public static func locator(of passage: PassageID) -> String? {
    switch passage {
    case .paragraph(let number): return "¶\(number)"
    case .footnote(let number): return "fn. \(number)"
    case .abstract, .title: return nil
    }
  }

  /// A citation ready to paste into a note: `“…”[@key, ¶12]`, or `[@key, ¶12]` without a quote.
  /// Inner double quotes become single ones (quotation matching ignores quote style).
  public static func citation(key: String, passage: PassageID, fragments: [String] = []) -> String {
    let reference = "[@" + key + (locator(of: passage).map { ", " + $0 } ?? "") + "]"
    guard !fragments.isEmpty else { return reference }
    let quote = String(fragments.joined(separator: "……").map { $0 == "“" ? "‘" : $0 == "”" ? "’" : $0 })
    return "“" + quote + "”" + reference
  }
}

/// A passage of one paper, as a grouping key.
struct ReportPassageKey: Hashable {
  var paper: Int
  var passage: PassageID
}

extension PassageID {
  /// Title, abstract, paragraphs, then footnotes: the order a reader meets them (footnotes last).
  var reportOrder: Int {
    switch self {
    case .title: return 0
    case .abstract: return 1
    case .paragraph(let number): return 2 + number
    case .footnote(let number): return 1 << 40 + number
    }
  }
}

extension Paper {
  /// The footnote reference marks inside a body paragraph.
  func reportFootnoteMarks(in passage: PassageID) -> [TextRange] {
    guard case .paragraph(let number) = passage, paragraphs.indices.contains(number - 1) else { return [] }
    return paragraphs[number - 1].footnoteRefs.map(\.range)
  }

  /// The normalised text of any passage, including the abstract and the title (from the metadata).
  func reportText(of passage: PassageID) -> String? {
    switch passage {
    case .paragraph, .footnote: return self.passage(passage)?.text
    case .abstract: return metadata.abstract
    case .title: return metadata.title
    }
  }
}
