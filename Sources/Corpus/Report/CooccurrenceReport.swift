//! The analyst's tables behind `corpus-lsp report`: entity × document mention counts and actor × mechanism
//! co-occurrence, each number with the passages that make it up. Plain data; CSV and HTML render it.
import Dispatch
import Synchronization

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
  /// The `§` locator of each section (`§二（一）`), by index into `Paper.sections`: how a heading is cited.
  public var sectionLocators: [String] = []
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
    // Counts come cheap from the index; whole mention lists are fetched only for the entities shown.
    let totals = index.entities.indices.map { index.mentionCount(of: $0) }
    let documentMentions = index.papers.indices.map { index.mentionCount(inPaper: $0) }
    let keys = index.papers.indices.map { index.keys(of: $0).first ?? index.papers[$0].stem }
    self.init(
      papers: index.papers, entities: index.entities, totals: totals, documentMentions: documentMentions, keys: keys,
      options: options, progress: progress, mentionsOf: { index.mentionsInNormalisedText(of: $0) })
  }

  /// The report on plain values: `mentions` in any order; `keys[i]` is paper i's primary citation key.
  public init(
    papers: [Paper], entities: [Entity], mentions: [Mention], keys: [String],
    options: ReportOptions = ReportOptions(), progress: (String) -> Void = { _ in }
  ) {
    var byEntity = [[Mention]](repeating: [], count: entities.count)
    var documentMentions = [Int](repeating: 0, count: papers.count)
    for mention in mentions where byEntity.indices.contains(mention.entity) && papers.indices.contains(mention.paper) {
      byEntity[mention.entity].append(mention)
      documentMentions[mention.paper] += 1
    }
    let lists = byEntity
    self.init(
      papers: papers, entities: entities, totals: lists.map(\.count), documentMentions: documentMentions,
      keys: keys, options: options, progress: progress, mentionsOf: { lists[$0] })
  }

  init(
    papers: [Paper], entities: [Entity], totals: [Int], documentMentions: [Int], keys: [String],
    options: ReportOptions, progress: (String) -> Void, mentionsOf: @Sendable (Int) -> [Mention]
  ) {
    self.options = options
    documents = papers.indices.map { index in
      let paper = papers[index]
      return ReportDocument(
        paper: index, file: paper.file, key: keys.indices.contains(index) ? keys[index] : paper.stem,
        metadata: paper.metadata, paragraphs: paper.paragraphs.count, footnotes: paper.footnotes.count,
        mentions: documentMentions.indices.contains(index) ? documentMentions[index] : 0,
        sectionLocators: paper.sections.indices.compactMap { paper.citableLocator(for: .heading($0)) })
    }
    func total(_ entity: Int) -> Int { totals.indices.contains(entity) ? totals[entity] : 0 }
    func reportEntity(_ index: Int) -> ReportEntity {
      let entity = entities[index]
      return ReportEntity(
        entity: index, id: entity.id, kind: entity.kind, name: entity.name, english: entity.english,
        members: entity.members, total: total(index))
    }
    /// Entities the corpus names, most mentioned first (ties by id, for stable output), cut to `top`.
    func ranked(_ include: (Entity) -> Bool) -> [Int] {
      let sorted = entities.indices.filter { total($0) > 0 && include(entities[$0]) }
        .sorted { total($0) != total($1) ? total($0) > total($1) : entities[$0].id < entities[$1].id }
      guard let top = options.top, top >= 0 else { return sorted }
      return Array(sorted.prefix(top))
    }
    let rowEntities = ranked { options.kinds?.contains($0.kind) ?? true }
    let actors = ranked { $0.kind == .actor }
    let mechanisms = ranked { $0.kind == .mechanism }

    // Each shown entity's mentions, fetched once (on every core); mentions outside the corpus are ignored.
    let shown = Set(rowEntities + actors + mechanisms).sorted()
    progress("gathering the mentions of \(shown.count) entities")
    let gathered = Mutex<[[Mention]]>(Array(repeating: [], count: shown.count))
    DispatchQueue.concurrentPerform(iterations: shown.count) { position in
      let list = mentionsOf(shown[position])
      let kept = list.allSatisfy { papers.indices.contains($0.paper) } ? list : list.filter {
        papers.indices.contains($0.paper)
      }
      gathered.withLock { $0[position] = kept }
    }
    let mentionLists = Dictionary(uniqueKeysWithValues: zip(shown, gathered.withLock { $0 }))

    progress("counting mentions per document")
    let rowCells = Mutex<[[EntityDocumentCell]]>(Array(repeating: [], count: rowEntities.count))
    DispatchQueue.concurrentPerform(iterations: rowEntities.count) { row in
      let cells = Self.documentCells(row: row, mentions: mentionLists[rowEntities[row]] ?? [])
      rowCells.withLock { $0[row] = cells }
    }
    let entityCells = rowCells.withLock { $0 }.flatMap { $0 }
    entityDocument = EntityDocumentTable(rows: rowEntities.map(reportEntity), cells: entityCells)

    actorMechanism = Self.cooccurrence(
      papers: papers, mentionLists: mentionLists, actors: actors, mechanisms: mechanisms, scope: options.scope,
      quotesPerCell: options.quotesPerCell, makeEntity: reportEntity, progress: progress)
  }

  /// One row's non-zero cells, by document, from the entity's mentions (grouped by paper, mostly by passage).
  private static func documentCells(row: Int, mentions: [Mention]) -> [EntityDocumentCell] {
    // Count runs, then merge each paper's runs.
    var cells: [EntityDocumentCell] = []
    var runs: [(paper: Int, code: Int, count: Int)] = []
    for mention in mentions {
      let code = PassageCode.key(paper: mention.paper, passage: mention.passage)
      if let last = runs.last, last.code == code {
        runs[runs.count - 1].count += 1
      } else {
        runs.append((mention.paper, code, 1))
      }
    }
    runs.sort { $0.code < $1.code }
    var start = 0
    while start < runs.count {
      let paper = runs[start].paper
      var end = start
      var passages: [PassageCount] = []
      var total = 0
      while end < runs.count, runs[end].paper == paper {
        let passage = PassageCode.passage(of: runs[end].code)
        if let last = passages.last, last.passage == passage {
          passages[passages.count - 1].count += runs[end].count
        } else {
          passages.append(PassageCount(paper: paper, passage: passage, count: runs[end].count))
        }
        total += runs[end].count
        end += 1
      }
      cells.append(EntityDocumentCell(row: row, document: paper, count: total, passages: passages))
      start = end
    }
    return cells
  }

  // MARK: - Co-occurrence

  /// The chosen actors' and mechanisms' mentions in one passage, by slot (index into `actors` / `mechanisms`).
  private struct UnitMentions {
    var actors: [(slot: Int, range: TextRange)] = []
    var mechanisms: [(slot: Int, range: TextRange)] = []
  }

  private static func cooccurrence(
    papers: [Paper], mentionLists: [Int: [Mention]], actors: [Int], mechanisms: [Int], scope: CooccurrenceScope,
    quotesPerCell: Int?, makeEntity: (Int) -> ReportEntity, progress: (String) -> Void
  ) -> CooccurrenceTable {
    // The chosen entities' mentions by paper (the title, keywords and author note are no prose: left out; headings
    // are); each paper is then grouped by passage and searched on its own, on every core.
    typealias Placed = (code: Int, slot: Int, range: TextRange)
    var actorsByPaper = [[Placed]](repeating: [], count: papers.count)
    var mechanismsByPaper = [[Placed]](repeating: [], count: papers.count)
    for (slot, entity) in actors.enumerated() {
      for mention in mentionLists[entity] ?? []
      where mention.passage.isProse && papers.indices.contains(mention.paper) {
        actorsByPaper[mention.paper].append(
          (PassageCode.key(paper: mention.paper, passage: mention.passage), slot, mention.range))
      }
    }
    for (slot, entity) in mechanisms.enumerated() {
      for mention in mentionLists[entity] ?? []
      where mention.passage.isProse && papers.indices.contains(mention.paper) {
        mechanismsByPaper[mention.paper].append(
          (PassageCode.key(paper: mention.paper, passage: mention.passage), slot, mention.range))
      }
    }
    progress("finding co-occurrences by \(scope.rawValue) in \(papers.count) documents")

    // Each paper's units and what it adds to which cell, its passages in reading order.
    let columnCount = mechanisms.count
    let perPaper = Mutex<[(units: [Int: UnitMentions], found: [(cell: Int, evidence: CooccurrenceEvidence)])]>(
      Array(repeating: ([:], []), count: papers.count))
    let (actorLists, mechanismLists) = (actorsByPaper, mechanismsByPaper)
    DispatchQueue.concurrentPerform(iterations: papers.count) { paper in
      var units: [Int: UnitMentions] = [:]
      for placed in actorLists[paper] {
        units[placed.code, default: UnitMentions()].actors.append((placed.slot, placed.range))
      }
      for placed in mechanismLists[paper] {
        guard units[placed.code] != nil else { continue }
        units[placed.code]?.mechanisms.append((placed.slot, placed.range))
      }
      let keys = units.compactMap { $0.value.mechanisms.isEmpty ? nil : $0.key }.sorted()
      var found: [(cell: Int, evidence: CooccurrenceEvidence)] = []
      for key in keys {
        guard let unit = units[key] else { continue }
        let passage = PassageCode.passage(of: key)
        var unitsPerPair: [Int: Int] = [:]
        // An actor named only inside the mechanism's own name (日 in 日美同盟) does not meet it there.
        var rangesOf: [Int: [TextRange]] = [:]
        for mechanism in unit.mechanisms { rangesOf[mechanism.slot, default: []].append(mechanism.range) }
        func outside(_ actor: TextRange, _ column: Int) -> Bool {
          !(rangesOf[column] ?? []).contains { $0.contains(actor) }
        }
        switch scope {
        case .paragraph:
          for actor in unit.actors {
            for column in rangesOf.keys where outside(actor.range, column) {
              unitsPerPair[actor.slot * columnCount + column] = 1
            }
          }
        case .sentence:
          guard let text = papers[paper].reportText(of: passage) else { continue }
          let starts = Sentences.ranges(in: text).map(\.start.utf8Offset)
          var seen = Set<Int>()  // (sentence, pair) already counted
          let mechanismSentences = unit.mechanisms.map {
            ($0.slot, lastIndex(in: starts, notAfter: $0.range.start.utf8Offset))
          }
          for actor in unit.actors {
            let (row, actorSentence) = (actor.slot, lastIndex(in: starts, notAfter: actor.range.start.utf8Offset))
            for (column, mechanismSentence) in mechanismSentences
            where actorSentence == mechanismSentence && outside(actor.range, column) {
              let cell = row * columnCount + column
              if seen.insert(cell &* 1_000_003 &+ actorSentence).inserted { unitsPerPair[cell, default: 0] += 1 }
            }
          }
        }
        for (cell, count) in unitsPerPair {
          found.append(
            (cell, CooccurrenceEvidence(paper: paper, passage: passage, count: count, mentionRanges: [], fragments: []))
          )
        }
      }
      perPaper.withLock { $0[paper] = (units, found) }
    }
    let papersFound = perPaper.withLock { $0 }
    let unitsByPaper = papersFound.map(\.units)

    // Cells in a flat grid; evidence in reading order, papers taken in turn.
    var counts = [Int](repeating: 0, count: actors.count * columnCount)
    var evidence = [[CooccurrenceEvidence]](repeating: [], count: actors.count * columnCount)
    for paper in papersFound {
      for (cell, item) in paper.found {
        counts[cell] += item.count
        evidence[cell].append(item)
      }
    }

    // Quotes, for a few passages of each cell (or all): taken in turn from each document.
    let filled = counts.indices.filter { counts[$0] > 0 }
    progress("quoting the passages behind \(filled.count) cells")
    let unquoted = evidence
    let quoted = Mutex<[[CooccurrenceEvidence]]>(Array(repeating: [], count: filled.count))
    DispatchQueue.concurrentPerform(iterations: filled.count) { position in
      let cell = filled[position]
      let (row, column) = (cell / columnCount, cell % columnCount)
      var items = unquoted[cell]
      for index in quotedEvidence(items, limit: quotesPerCell) {
        let item = items[index]
        let key = PassageCode.key(paper: item.paper, passage: item.passage)
        guard let unit = unitsByPaper[item.paper][key], let text = papers[item.paper].reportText(of: item.passage),
          let pair = closestPair(
            actor: unit.actors.filter { $0.slot == row }.map(\.range),
            mechanism: unit.mechanisms.filter { $0.slot == column }.map(\.range), in: text, scope: scope)
        else { continue }
        items[index].mentionRanges = [pair.first, pair.second]
        items[index].fragments = QuoteWindow.fragments(
          bytes: Array(text.utf8), first: pair.first, in: pair.firstSentence, second: pair.second,
          in: pair.secondSentence, marks: papers[item.paper].footnoteMarks(in: item.passage))
      }
      quoted.withLock { $0[position] = items }
    }
    for (position, items) in quoted.withLock({ $0 }).enumerated() { evidence[filled[position]] = items }

    // Keep only rows and columns that meet someone, renumbered in rank order.
    let usedRows = Set(filled.map { $0 / columnCount }).sorted()
    let usedColumns = Set(filled.map { $0 % columnCount }).sorted()
    let rowIndex = Dictionary(uniqueKeysWithValues: usedRows.enumerated().map { ($1, $0) })
    let columnIndex = Dictionary(uniqueKeysWithValues: usedColumns.enumerated().map { ($1, $0) })
    let cells = filled.compactMap { cell -> CooccurrenceCell? in
      guard let row = rowIndex[cell / columnCount], let column = columnIndex[cell % columnCount] else { return nil }
      return CooccurrenceCell(row: row, column: column, count: counts[cell], evidence: evidence[cell])
    }
    return CooccurrenceTable(
      scope: scope, rows: usedRows.map { makeEntity(actors[$0]) },
      columns: usedColumns.map { makeEntity(mechanisms[$0]) }, cells: cells)
  }

  private struct QuotePair {
    var first: TextRange
    var second: TextRange
    var firstSentence: TextRange
    var secondSentence: TextRange
  }

  /// The two mentions to quote around: in the first unit naming both (the passage, or its first sentence naming
  /// both), preferably in one sentence, and closest together.
  private static func closestPair(actor: [TextRange], mechanism: [TextRange], in text: String, scope: CooccurrenceScope)
    -> QuotePair?
  {
    var sentences = Sentences.ranges(in: text)
    if sentences.isEmpty { sentences = [TextRange(start: .zero, end: text.utf8Size)] }
    let starts = sentences.map(\.start.utf8Offset)
    func sentence(of range: TextRange) -> Int { lastIndex(in: starts, notAfter: range.start.utf8Offset) }
    var best: (rank: (Int, Int, Int), pair: QuotePair)?
    for a in actor where !mechanism.contains(where: { $0.contains(a) }) {
      for m in mechanism {
        let (sa, sm) = (sentence(of: a), sentence(of: m))
        if scope == .sentence && sa != sm { continue }
        let (first, second) = a.start <= m.start ? (a, m) : (m, a)
        let rank = (scope == .sentence ? sa : 0, sa == sm ? 0 : 1, second.start - first.start)
        if let current = best, current.rank <= rank { continue }
        best = (rank, QuotePair(
          first: first, second: second, firstSentence: sentences[sentence(of: first)],
          secondSentence: sentences[sentence(of: second)]))
      }
    }
    return best?.pair
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
    // Evidence comes in reading order, each paper's in one run: the runs are found without hashing, and only the
    // first `limit` runs matter when there are that many (one turn takes a passage from each).
    var runs: [Range<Int>] = []
    var start = 0
    var ordered = true
    for index in evidence.indices.dropFirst() where evidence[index].paper != evidence[index - 1].paper {
      if evidence[index].paper < evidence[index - 1].paper { ordered = false }
      runs.append(start..<index)
      start = index
      if runs.count >= limit { break }
    }
    if ordered {
      if runs.count < limit { runs.append(start..<evidence.count) }
      var chosen: [Int] = []
      var round = 0
      while chosen.count < limit {
        var tookAny = false
        for run in runs where round < run.count && chosen.count < limit {
          chosen.append(run.lowerBound + round)
          tookAny = true
        }
        if !tookAny { break }
        round += 1
      }
      return chosen.sorted()
    }
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

  /// The locator of a passage in a citation: `¶12`, `fn. 3`, a heading's `§二` (from `sectionLocators`, see
  /// `ReportDocument`); none for the abstract, title, keywords and author note.
  public static func locator(of passage: PassageID, sectionLocators: [String] = []) -> String? {
    switch passage {
    case .paragraph(let number): return "¶\(number)"
    case .footnote(let number): return "fn. \(number)"
    case .heading(let section): return sectionLocators.indices.contains(section) ? sectionLocators[section] : nil
    case .abstract, .title, .keywords, .authorNote, .englishAbstract, .englishTitle: return nil
    }
  }

  /// A citation ready to paste into a note: `“…”[@key, ¶12]`, or `[@key, ¶12]` without a quote.
  /// Inner double quotes become single ones (quotation matching ignores quote style).
  public static func citation(
    key: String, passage: PassageID, fragments: [String] = [], sectionLocators: [String] = []
  ) -> String {
    let reference =
      "[@" + key + (locator(of: passage, sectionLocators: sectionLocators).map { ", " + $0 } ?? "") + "]"
    guard !fragments.isEmpty else { return reference }
    return "“" + singleQuoted(fragments.joined(separator: "……")) + "”" + reference
  }
}

/// The text with “ and ” turned into ‘ and ’, byte by byte (E2 80 9C/9D become E2 80 98/99 in UTF-8): quotes from
/// Chinese papers are full of them, and the report makes tens of thousands.
private func singleQuoted(_ text: String) -> String {
  var bytes = Array(text.utf8)
  var changed = false
  var index = 2
  while index < bytes.count {
    if bytes[index - 2] == 0xE2, bytes[index - 1] == 0x80, bytes[index] == 0x9C || bytes[index] == 0x9D {
      bytes[index] -= 4
      changed = true
    }
    index += 1
  }
  return changed ? String(decoding: bytes, as: UTF8.self) : text
}

/// A passage of one paper packed in one `Int` (paper in the high bits), ordered as a reader meets them:
/// title, abstract, paragraphs, then footnotes; then (added later, kept apart) headings, keywords, author note and
/// English title.
/// Hashing an `Int` keeps counting fast on large corpora.
enum PassageCode {
  private static let footnoteBase = 1 << 32
  private static let headingBase = 1 << 32 | 1 << 31
  private static let keywordsCode = 1 << 32 | 1 << 31 | 1 << 30
  static func key(paper: Int, passage: PassageID) -> Int { paper << 33 | code(passage) }
  static func paper(of key: Int) -> Int { key >> 33 }
  static func passage(of key: Int) -> PassageID {
    let code = key & (1 << 33 - 1)
    switch code {
    case 0: return .title
    case 1: return .abstract
    case 2: return .englishAbstract
    case ..<footnoteBase: return .paragraph(code - 2)
    case ..<headingBase: return .footnote(code - footnoteBase)
    case ..<keywordsCode: return .heading(code - headingBase)
    case keywordsCode: return .keywords
    case keywordsCode + 1: return .authorNote
    default: return .englishTitle
    }
  }
  private static func code(_ passage: PassageID) -> Int {
    switch passage {
    case .title: return 0
    case .abstract: return 1
    case .englishAbstract: return 2
    case .paragraph(let number): return 2 + max(0, min(number, 1 << 31 - 3))
    case .footnote(let number): return footnoteBase + max(0, min(number, 1 << 31 - 1))
    case .heading(let section): return headingBase + max(0, min(section, 1 << 30 - 1))
    case .keywords: return keywordsCode
    case .authorNote: return keywordsCode + 1
    case .englishTitle: return keywordsCode + 2
    }
  }
}

extension Paper {
  /// The normalised text of any passage, including the abstract and the title (from the metadata).
  func reportText(of passage: PassageID) -> String? {
    switch passage {
    case .paragraph, .footnote, .heading, .keywords, .authorNote: return self.passage(passage)?.text
    case .abstract: return metadata.abstract
    case .title: return metadata.title
    case .englishAbstract: return englishAbstractPassage?.text
    case .englishTitle: return englishTitlePassage?.text
    }
  }
}

extension PassageID {
  /// Whether the passage is the author's prose (paragraphs, footnotes, the abstract, headings), where an actor and
  /// a mechanism named together co-occur; the title, keywords and author note are not.
  var isProse: Bool {
    switch self {
    case .paragraph, .footnote, .abstract, .heading: return true
    case .title, .keywords, .authorNote, .englishAbstract, .englishTitle: return false
    }
  }
}
