//! The immutable, fully indexed corpus every feature answers from: papers, entities, the mention index,
//! citation keys and quote search.
import Foundation

/// One occurrence of an entity alias in a paper.
public struct Mention: Sendable, Hashable {
  /// Index into `CorpusIndex.entities`.
  public var entity: Int
  /// Index into `CorpusIndex.papers`.
  public var paper: Int
  public var passage: PassageID
  /// Range in the passage's normalised text.
  public var range: TextRange
  /// Range in the paper's raw text.
  public var rawRange: TextRange

  public init(entity: Int, paper: Int, passage: PassageID, range: TextRange, rawRange: TextRange) {
    self.entity = entity
    self.paper = paper
    self.passage = passage
    self.range = range
    self.rawRange = rawRange
  }
}

/// Where a (possibly elided) quotation occurs.
public struct QuoteMatch: Sendable, Equatable {
  public var paper: Int
  public var passage: PassageID
  /// Range in the passage's normalised text, from the first fragment's start to the last fragment's end.
  public var range: TextRange
  /// True for an exact match (modulo white space, full/half-width punctuation and quote style).
  public var exact: Bool
  /// 1.0 for an exact match; for the closest passage, how similar it is (0…1).
  public var similarity: Double
  /// For an exact match, where each fragment is (in the passage's normalised text); empty otherwise.
  public var fragments: [TextRange]

  public init(
    paper: Int, passage: PassageID, range: TextRange, exact: Bool, similarity: Double, fragments: [TextRange] = []
  ) {
    self.paper = paper
    self.passage = passage
    self.range = range
    self.exact = exact
    self.similarity = similarity
    self.fragments = fragments
  }
}

public struct QuoteSearchResult: Sendable, Equatable {
  /// Exact matches, best first (in the preferred paper first).
  public var matches: [QuoteMatch]
  /// When there is no exact match: the closest passage and how far it is.
  public var closest: QuoteMatch?

  public init(matches: [QuoteMatch] = [], closest: QuoteMatch? = nil) {
    self.matches = matches
    self.closest = closest
  }
}

/// A mention as stored, per paper: 16 bytes, in reading order of passages (title, abstract, keywords, author note,
/// headings among the paragraphs, footnotes, the English title and abstract) and start order.
struct MentionRecord: Sendable {
  var entity: UInt32
  var passage: UInt32
  var start: UInt32
  var end: UInt32

  static func encode(_ id: PassageID) -> UInt32 {
    switch id {
    case .abstract: return 0
    case .title: return 1
    case .englishAbstract: return 2
    case .englishTitle: return 3
    case .paragraph(let n): return 1 << 28 | UInt32(truncatingIfNeeded: max(0, n) & 0x0FFF_FFFF)
    case .footnote(let n): return 2 << 28 | UInt32(truncatingIfNeeded: max(0, n) & 0x0FFF_FFFF)
    case .heading(let n): return 3 << 28 | UInt32(truncatingIfNeeded: max(0, n) & 0x0FFF_FFFF)
    case .keywords: return 4 << 28
    case .authorNote: return 4 << 28 | 1
    }
  }

  static func decode(_ code: UInt32) -> PassageID {
    switch code >> 28 {
    case 1: return .paragraph(Int(code & 0x0FFF_FFFF))
    case 2: return .footnote(Int(code & 0x0FFF_FFFF))
    case 3: return .heading(Int(code & 0x0FFF_FFFF))
    case 4: return code & 1 == 0 ? .keywords : .authorNote
    default:
      switch code {
      case 1: return .title
      case 2: return .englishAbstract
      case 3: return .englishTitle
      default: return .abstract
      }
    }
  }
}

/// A mention as kept: 12 bytes; its passage comes from the paper's `PassageRun`s.
struct StoredMention: Sendable {
  var entity: UInt32
  var start: UInt32
  var end: UInt32
}

/// The records of one paper from `first` on (up to the next run) are in passage `code` (`MentionRecord.encode`).
struct PassageRun: Sendable {
  var code: UInt32
  var first: UInt32
}

/// Everything derived at build time; immutable, shared by copies of the index.
final class IndexStorage: Sendable {
  let scanner: MentionScanner
  /// Mentions of each paper, in passage and start order. Kept per paper (never concatenated) so building never
  /// holds two copies; the passage of each is in `passageRunsByPaper` (a run per passage that has mentions).
  let mentionsByPaper: [[StoredMention]]
  let passageRunsByPaper: [[PassageRun]]
  /// Global numbering of records: paper `p` holds `paperStarts[p]..<paperStarts[p + 1]`.
  let paperStarts: [Int]
  /// Global record numbers of entity `e`: `byEntity[entityStarts[e]..<entityStarts[e + 1]]`.
  let byEntity: [UInt32]
  let entityStarts: [Int]
  let keyToPaper: [String: Int]
  let keysOfPaper: [[String]]
  let aliasToEntity: [String: Int]
  let idToEntity: [String: Int]
  let searchPassages: [[SearchPassage]]
  /// Built on the first corpus-wide quote search.
  let distinctPassages = LazyDistinctPassages()

  var recordCount: Int { paperStarts[paperStarts.count - 1] }

  /// The paper and record of a global record number.
  func record(_ global: Int) -> (paper: Int, record: MentionRecord) {
    var low = 0
    var high = paperStarts.count - 2
    while low < high {
      let mid = (low + high + 1) / 2
      if paperStarts[mid] <= global { low = mid } else { high = mid - 1 }
    }
    return (low, record(paper: low, Int(global - paperStarts[low])))
  }

  /// Record `index` of one paper (in range), with its passage.
  func record(paper: Int, _ index: Int) -> MentionRecord {
    let stored = mentionsByPaper[paper][index]
    let runs = passageRunsByPaper[paper]
    var low = 0
    var high = runs.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(runs[mid].first) <= index { low = mid } else { high = mid - 1 }
    }
    return MentionRecord(
      entity: stored.entity, passage: runs.isEmpty ? 0 : runs[low].code, start: stored.start, end: stored.end)
  }

  /// Every record of one paper (in range), with its passage.
  func records(paper: Int) -> [MentionRecord] {
    var result: [MentionRecord] = []
    let runs = passageRunsByPaper[paper]
    let stored = mentionsByPaper[paper]
    result.reserveCapacity(stored.count)
    for (number, run) in runs.enumerated() {
      let end = number + 1 < runs.count ? Int(runs[number + 1].first) : stored.count
      for index in Int(run.first)..<max(Int(run.first), end) {
        let mention = stored[index]
        result.append(MentionRecord(entity: mention.entity, passage: run.code, start: mention.start, end: mention.end))
      }
    }
    return result
  }

  func recordCount(paper: Int) -> Int { mentionsByPaper[paper].count }

  /// The entities indexed: those given, then the groupings discovered while scanning.
  let entities: [Entity]

  /// Scans `papers` for `entities`. With `discoverGroupings`, a run of one-character forms naming three states or
  /// more that no grouping has as its members (日美加, 日美澳法), seen in two passages, becomes a discovered grouping
  /// (SPEC: compound abbreviations of states; `DiscoveredGroupings`), appended to `entities`.
  init(papers: [Paper], entities: [Entity], discoverGroupings: Bool = false) {
    // The key and alias tables need no mention: they are built on another thread while the scanner is built and
    // the papers are scanned.
    let lookups = DispatchGroup()
    let lookupTables = ConcurrentResults<LookupTables>(count: 1)
    DispatchQueue.global().async(group: lookups) {
      lookupTables.set(0, LookupTables(papers: papers, entities: entities))
    }
    var scanner = MentionScanner(entities: entities)

    // Scan every paper, two cores at a time.
    let perPaper = ConcurrentResults<PaperScan>(count: papers.count)
    let searchPassagesByPaper = ConcurrentResults<[SearchPassage]>(count: papers.count)
    DispatchQueue.concurrentPerform(iterations: papers.count) { [scanner] paperIndex in
      perPaper.set(paperIndex, PaperScan(papers[paperIndex], with: scanner))
      searchPassagesByPaper.set(paperIndex, Self.searchPassages(of: papers[paperIndex], at: paperIndex))
    }
    // Taken out of the holder, so that adding groupings to a paper's records replaces them rather than copies them.
    var scans = perPaper.takeValues().map { $0 ?? PaperScan() }
    var allEntities = entities
    if discoverGroupings {
      let discovered = DiscoveredGroupings(scans: scans, entities: entities)
      if !discovered.entities.isEmpty {
        allEntities += discovered.entities
        scanner = scanner.adding(groupings: discovered.groupingByMembers, entities: allEntities)
        // Every paper in which a copy of such a run appears rewrites its records: on both cores.
        let groupingByMembers = discovered.groupingByMembers
        scans.withUnsafeMutableBufferPointer { buffer in
          nonisolated(unsafe) let papers = buffer
          DispatchQueue.concurrentPerform(iterations: papers.count) { paper in
            if !papers[paper].ungrouped.isEmpty { papers[paper].addGroupings(groupingByMembers) }
          }
        }
      }
    }
    self.entities = allEntities
    self.scanner = scanner
    let recordsByPaper = scans.map(\.mentions)
    var paperStarts = [0]
    for list in recordsByPaper { paperStarts.append(paperStarts[paperStarts.count - 1] + list.count) }
    self.mentionsByPaper = recordsByPaper
    self.passageRunsByPaper = scans.map(\.runs)
    self.paperStarts = paperStarts

    // Per-entity lists by counting sort (stable: keeps paper and position order), over two halves of the papers at
    // once: two million records at 100 MB, and nothing else left for the other core to do meanwhile.
    let entityCount = allEntities.count
    let bounds = [0, recordsByPaper.count / 2, recordsByPaper.count]
    let halfCounts = ConcurrentResults<[Int]>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { half in
      var counts = [Int](repeating: 0, count: entityCount)
      for list in recordsByPaper[bounds[half]..<bounds[half + 1]] {
        for record in list where Int(record.entity) < entityCount { counts[Int(record.entity)] += 1 }
      }
      halfCounts.set(half, counts)
    }
    let (firstCounts, secondCounts) = (halfCounts.values[0] ?? [], halfCounts.values[1] ?? [])
    var starts = [0]
    starts.reserveCapacity(entityCount + 1)
    for e in 0..<entityCount { starts.append(starts[e] + firstCounts[e] + secondCounts[e]) }
    entityStarts = starts
    // Each half writes its own slots: those of the first half of every entity's list, or the rest.
    let cursors = [Array(starts.dropLast()), (0..<entityCount).map { starts[$0] + firstCounts[$0] }]
    let firstGlobal = [0, paperStarts[bounds[1]]]
    // Every slot is written once, by one half: the list is not zeroed first (8 MB at 100 MB, on one core).
    let byEntity = [UInt32](unsafeUninitializedCapacity: starts[entityCount]) { buffer, initialized in
      nonisolated(unsafe) let output = buffer
      DispatchQueue.concurrentPerform(iterations: 2) { half in
        var cursor = cursors[half]
        var global = firstGlobal[half]
        for list in recordsByPaper[bounds[half]..<bounds[half + 1]] {
          for record in list {
            let entity = Int(record.entity)
            if entity < entityCount {
              output[cursor[entity]] = UInt32(truncatingIfNeeded: global)
              cursor[entity] += 1
            }
            global += 1
          }
        }
      }
      initialized = buffer.count
    }
    self.byEntity = byEntity

    lookups.wait()
    guard var tables = lookupTables.values[0] else { preconditionFailure("lookup tables not built") }
    for index in entities.count..<allEntities.count { tables.add(allEntities[index], at: index) }
    keyToPaper = tables.keyToPaper
    keysOfPaper = tables.keysOfPaper
    aliasToEntity = tables.aliasToEntity
    idToEntity = tables.idToEntity

    searchPassages = searchPassagesByPaper.values.map { $0 ?? [] }
  }

  /// Citation keys of papers, and entities by alias and by id.
  struct LookupTables: Sendable {
    var keyToPaper: [String: Int] = [:]
    var keysOfPaper: [[String]] = []
    var aliasToEntity: [String: Int] = [:]
    var idToEntity: [String: Int] = [:]

    init(papers: [Paper], entities: [Entity]) {
      let primary = CitationKeys.primaryKeys(for: papers)
      for (index, paper) in papers.enumerated() {
        var keys = [primary[index]]
        if !keys.contains(paper.stem) { keys.append(paper.stem) }
        for key in keys where keyToPaper[key] == nil { keyToPaper[key] = index }
        // A key an earlier paper already has (one key given to two papers) cites that one: not this paper's.
        let own = keys.filter { keyToPaper[$0] == index }
        keysOfPaper.append(own.isEmpty ? [paper.stem] : own)
      }
      for (index, entity) in entities.enumerated() { add(entity, at: index) }
    }

    /// The first entity claiming an id or an alias keeps it.
    mutating func add(_ entity: Entity, at index: Int) {
      if idToEntity[entity.id] == nil { idToEntity[entity.id] = index }
      for alias in entity.aliases + [entity.name] + (entity.english.map { [$0] } ?? []) {
        let key = Lexicon.aliasKey(alias)
        if !key.isEmpty, aliasToEntity[key] == nil { aliasToEntity[key] = index }
      }
    }
  }

  /// The passages quote search reads in one paper (built beside the paper's mention scan, on every core).
  static func searchPassages(of paper: Paper, at paperIndex: Int) -> [SearchPassage] {
    var list: [SearchPassage] = []
    list.reserveCapacity(4 + paper.sections.count + paper.paragraphs.count + paper.footnotes.count)
    // The title too: an analyst may quote it (“岸田政权东盟政策新趋势”[@常思纯2023]).
    if let title = paper.titlePassage?.text, !title.isEmpty {
      list.append(SearchPassage(paper: paperIndex, id: .title, text: title, skipping: []))
    }
    if let abstract = paper.abstractPassage?.text ?? paper.metadata.abstract {
      list.append(SearchPassage(paper: paperIndex, id: .abstract, text: abstract, skipping: []))
    }
    if let english = paper.englishTitlePassage?.text {
      list.append(SearchPassage(paper: paperIndex, id: .englishTitle, text: english, skipping: []))
    }
    if let english = paper.englishAbstractPassage?.text {
      list.append(SearchPassage(paper: paperIndex, id: .englishAbstract, text: english, skipping: []))
    }
    if let keywords = paper.keywordsPassage {
      list.append(SearchPassage(paper: paperIndex, id: .keywords, text: keywords.text, skipping: []))
    }
    if let note = paper.authorNotePassage {
      list.append(SearchPassage(paper: paperIndex, id: .authorNote, text: note.text, skipping: []))
    }
    paper.forEachBodyPassage { id, passage in
      list.append(SearchPassage(paper: paperIndex, id: id, text: passage.text, skipping: paper.footnoteMarks(in: id)))
    }
    for footnote in paper.footnotes {
      list.append(
        SearchPassage(paper: paperIndex, id: .footnote(footnote.number), text: footnote.passage.text, skipping: []))
    }
    return list
  }
}

/// One paper's mentions as stored, and the runs of states in it that no grouping has as its members.
struct PaperScan: Sendable {
  var mentions: [StoredMention] = []
  var runs: [PassageRun] = []
  var ungrouped: [UngroupedSighting] = []

  /// A run of states no grouping has as its members, where it is and how it is spelled (日美加).
  struct UngroupedSighting: Sendable {
    var passage: UInt32
    var mention: StoredMention
    /// Sorted entity indices.
    var members: [Int]
    var spelling: String
  }

  init() {}

  init(_ paper: Paper, with scanner: MentionScanner) {
    var mentions: [StoredMention] = []
    var runs: [PassageRun] = []
    var ungrouped: [UngroupedSighting] = []
    var scratch = MentionScanner.Scratch()
    func scan(_ text: String, _ id: PassageID) {
      var text = text
      let code = MentionRecord.encode(id)
      text.withUTF8 { bytes in
        scanner.scan(bytes: bytes, scratch: &scratch)
        for run in scratch.ungrouped {
          ungrouped.append(
            UngroupedSighting(
              passage: code, mention: StoredMention(entity: 0, start: UInt32(run.start), end: UInt32(run.end)),
              members: run.members, spelling: String(decoding: bytes[run.start..<run.end], as: UTF8.self)))
        }
      }
      guard !scratch.found.isEmpty else { return }
      runs.append(PassageRun(code: code, first: UInt32(mentions.count)))
      for mention in scratch.found {
        mentions.append(
          StoredMention(entity: UInt32(mention.entity), start: UInt32(mention.start), end: UInt32(mention.end)))
      }
    }
    // The title names what the paper is about (岸田政权东盟政策新趋势): its mentions count like the body's.
    if let title = paper.titlePassage { scan(title.text, .title) }
    if let abstract = paper.abstractPassage?.text ?? paper.metadata.abstract { scan(abstract, .abstract) }
    // Keywords, author note and headings name actors and mechanisms as the body does: they count too.
    if let keywords = paper.keywordsPassage { scan(keywords.text, .keywords) }
    if let note = paper.authorNotePassage { scan(note.text, .authorNote) }
    paper.forEachBodyPassage { id, passage in scan(passage.text, id) }
    for footnote in paper.footnotes { scan(footnote.passage.text, .footnote(footnote.number)) }
    // The paper's own English title and abstract name the same actors for a reader of English (the other articles'
    // abstracts printed after it are no part of the paper, and were never made passages).
    if let english = paper.englishTitlePassage { scan(english.text, .englishTitle) }
    if let english = paper.englishAbstractPassage { scan(english.text, .englishAbstract) }
    // Trim the growth slack: at 100 MB the mention lists are tens of megabytes.
    self.mentions = mentions.withUnsafeBufferPointer { Array($0) }
    self.runs = runs.withUnsafeBufferPointer { Array($0) }
    self.ungrouped = ungrouped
  }

  /// Adds a mention of each discovered grouping where its run is, as a scan knowing the grouping orders it
  /// (`MentionScanner.scan`: by start, the longer first, so before the run's first state).
  mutating func addGroupings(_ groupingByMembers: [[Int]: Int]) {
    var added: [UInt32: [StoredMention]] = [:]
    for sighting in ungrouped {
      guard let grouping = groupingByMembers[sighting.members] else { continue }
      var mention = sighting.mention
      mention.entity = UInt32(grouping)
      added[sighting.passage, default: []].append(mention)
    }
    guard !added.isEmpty else { return }
    func precedes(_ a: StoredMention, _ b: StoredMention) -> Bool {
      MentionScanner.inScanOrder(Int(a.start), Int(a.end), before: Int(b.start), Int(b.end))
    }
    var patched: [StoredMention] = []
    patched.reserveCapacity(mentions.count + added.values.map(\.count).reduce(0, +))
    var patchedRuns: [PassageRun] = []
    patchedRuns.reserveCapacity(runs.count)
    for (k, run) in runs.enumerated() {
      let end = k + 1 < runs.count ? Int(runs[k + 1].first) : mentions.count
      patchedRuns.append(PassageRun(code: run.code, first: UInt32(patched.count)))
      let extra = (added[run.code] ?? []).sorted(by: precedes)
      var next = 0
      for mention in mentions[Int(run.first)..<end] {
        while next < extra.count, precedes(extra[next], mention) {
          patched.append(extra[next])
          next += 1
        }
        patched.append(mention)
      }
      patched.append(contentsOf: extra[next...])
    }
    mentions = patched
    runs = patchedRuns
  }
}

/// Groupings discovered from the runs of states no grouping has as its members: a set of states seen so in two
/// passages of the corpus (once may be a chance sequence, or a title repeated in one note) becomes a grouping named
/// as the corpus writes it most, in Chinese forms rather than Japanese (日美加, not 日米加).
struct DiscoveredGroupings {
  static let minimumPassages = 2

  var entities: [Entity] = []
  /// Entity index (after the given entities) of each discovered grouping's sorted members.
  var groupingByMembers: [[Int]: Int] = [:]

  init(scans: [PaperScan], entities known: [Entity]) {
    var sightings: [[Int]: (count: Int, spellings: [(String, Int)], last: (paper: Int, passage: UInt32))] = [:]
    var order: [[Int]] = []
    for (paper, scan) in scans.enumerated() {
      for sighting in scan.ungrouped {
        let (members, spelling) = (sighting.members, sighting.spelling)
        if sightings[members] == nil { order.append(members) }
        var entry = sightings[members] ?? (0, [], (-1, 0))
        if entry.last != (paper, sighting.passage) { entry.count += 1 }
        entry.last = (paper, sighting.passage)
        if let k = entry.spellings.firstIndex(where: { $0.0 == spelling }) {
          entry.spellings[k].1 += 1
        } else {
          entry.spellings.append((spelling, 1))
        }
        sightings[members] = entry
      }
    }
    var ids = Set(known.map(\.id))
    let japanese = Set(MentionScanner.japaneseForms.map(\.0))
    for members in order {
      guard let entry = sightings[members], entry.count >= Self.minimumPassages else { continue }
      // The most written spelling names it (the first seen of equals); the others are its aliases.
      let spellings = entry.spellings.enumerated().sorted { a, b in
        a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
      }.map(\.element.0)
      let name = spellings.first { !$0.unicodeScalars.contains(where: japanese.contains) } ?? spellings[0]
      let base = "discovered-" + Lexicon.slug(name)
      var id = base
      var suffix = 2
      while ids.contains(id) {
        id = base + "-\(suffix)"
        suffix += 1
      }
      ids.insert(id)
      let english = members.map { known[$0].english ?? known[$0].name }.joined(separator: "–")
      groupingByMembers[members] = known.count + entities.count
      entities.append(
        Entity(
          id: id, kind: .mechanism, name: name, english: english, aliases: [name] + spellings.filter { $0 != name },
          members: members.map { known[$0].id }, source: .discovered))
    }
  }
}

public struct CorpusIndex: Sendable {
  public let papers: [Paper]
  public let entities: [Entity]
  /// Problems met while building (an invalid workspace lexicon…), for diagnostics.
  public let problems: [IndexProblem]
  let storage: IndexStorage

  /// Indexes `papers` against exactly `entities` (no discovery, no merging).
  public init(papers: [Paper], entities: [Entity]) {
    self.init(papers: papers, entities: entities, problems: [])
  }

  public init(papers: [Paper], entities: [Entity], problems: [IndexProblem]) {
    self.init(papers: papers, entities: entities, problems: problems, discoverGroupings: false)
  }

  /// With `discoverGroupings`, `entities` ends with the groupings discovered while scanning (`IndexStorage`).
  public init(papers: [Paper], entities: [Entity], problems: [IndexProblem], discoverGroupings: Bool) {
    self.papers = papers
    self.problems = problems
    self.storage = IndexStorage(papers: papers, entities: entities, discoverGroupings: discoverGroupings)
    self.entities = storage.entities
  }

  /// The full pipeline: discovers candidates in `papers`, merges builtin < discovered < workspace lexicon,
  /// and indexes every mention; groupings of states are discovered from the scan itself (the runs of forms it
  /// reads), after the merge. `problems` (e.g. from `Lexicon.parse`) are carried along.
  public static func build(
    papers: [Paper], lexicon: [Entity] = [], builtin: [Entity] = Lexicon.builtin, discover: Bool = true,
    problems: [IndexProblem] = []
  ) -> CorpusIndex {
    let known = Lexicon.merge(builtin: builtin, lexicon: lexicon)
    let discovered = discover ? Discovery.discover(in: papers, known: known) : []
    let entities = Lexicon.merge(builtin: builtin, discovered: discovered, lexicon: lexicon)
    return CorpusIndex(papers: papers, entities: entities, problems: problems, discoverGroupings: discover)
  }

  // MARK: - Citation keys

  /// The paper a citation key resolves to (primary key `常思纯2023`, disambiguated `常思纯2023a`, or file stem).
  public func paper(forKey key: String) -> Int? {
    if let paper = storage.keyToPaper[key] { return paper }
    let trimmed = key.trimmingWhitespace
    return storage.keyToPaper[trimmed]
  }

  /// Every key that resolves to a paper, the primary key first.
  public func keys(of paper: Int) -> [String] {
    storage.keysOfPaper.indices.contains(paper) ? storage.keysOfPaper[paper] : []
  }

  /// The primary citation key of a paper.
  public func key(of paper: Int) -> String { keys(of: paper).first ?? "" }

  // MARK: - Entities

  /// The entity an alias names (exact alias, case-insensitive for Latin); a compound of one-character forms
  /// (美日印澳) names the grouping with exactly those members.
  public func entity(forAlias alias: String) -> Int? {
    let key = Lexicon.aliasKey(alias)
    if let entity = storage.aliasToEntity[key] { return entity }
    let scanned = storage.scanner.scan(key)
    if let first = scanned.first, first.start == 0, first.end == key.utf8.count,
      scanned.filter({ $0.start == 0 && $0.end == key.utf8.count }).count == 1
    {
      return first.entity
    }
    return nil
  }

  /// The entity with a given id.
  public func entity(withId id: String) -> Int? { storage.idToEntity[id] }

  /// Every mention of an entity, in paper and position order.
  public func mentions(of entity: Int) -> [Mention] {
    guard entity >= 0, entity + 1 < storage.entityStarts.count else { return [] }
    return storage.byEntity[storage.entityStarts[entity]..<storage.entityStarts[entity + 1]].map {
      let (paper, record) = storage.record(Int($0))
      return mention(record, paper: paper)
    }
  }

  /// Every mention of an entity as `mentions(of:)` gives them, but with `rawRange` left equal to `range`: for the
  /// report, which reads normalised text only, over hundreds of thousands of mentions on a large corpus.
  func mentionsInNormalisedText(of entity: Int) -> [Mention] {
    guard entity >= 0, entity + 1 < storage.entityStarts.count else { return [] }
    return storage.byEntity[storage.entityStarts[entity]..<storage.entityStarts[entity + 1]].map {
      let (paper, record) = storage.record(Int($0))
      let range = TextRange(Int(record.start), Int(record.end))
      return Mention(
        entity: Int(record.entity), paper: paper, passage: MentionRecord.decode(record.passage), range: range,
        rawRange: range)
    }
  }

  /// How many mentions an entity has.
  public func mentionCount(of entity: Int) -> Int {
    guard entity >= 0, entity + 1 < storage.entityStarts.count else { return 0 }
    return storage.entityStarts[entity + 1] - storage.entityStarts[entity]
  }

  /// Mention counts of an entity per paper index (papers without mentions are absent).
  public func mentionCounts(of entity: Int) -> [Int: Int] {
    guard entity >= 0, entity + 1 < storage.entityStarts.count else { return [:] }
    var counts: [Int: Int] = [:]
    for index in storage.byEntity[storage.entityStarts[entity]..<storage.entityStarts[entity + 1]] {
      counts[storage.record(Int(index)).paper, default: 0] += 1
    }
    return counts
  }

  /// Every mention inside one paper's passage.
  public func mentions(in paper: Int, passage: PassageID) -> [Mention] {
    guard storage.mentionsByPaper.indices.contains(paper) else { return [] }
    let code = MentionRecord.encode(passage)
    return storage.records(paper: paper).filter { $0.passage == code }.map { mention($0, paper: paper) }
  }

  /// Every mention in one paper.
  public func mentions(inPaper paper: Int) -> [Mention] {
    guard storage.mentionsByPaper.indices.contains(paper) else { return [] }
    return storage.records(paper: paper).map { mention($0, paper: paper) }
  }

  /// How many mentions one paper holds.
  public func mentionCount(inPaper paper: Int) -> Int {
    storage.mentionsByPaper.indices.contains(paper) ? storage.recordCount(paper: paper) : 0
  }

  /// Total number of indexed mentions.
  public var mentionCount: Int { storage.recordCount }

  /// Entity mentions in any text (a note), with the corpus's aliases and rules.
  public func scanMentions(in text: String) -> [ScannedMention] { storage.scanner.scan(text) }

  private func mention(_ record: MentionRecord, paper: Int) -> Mention {
    let passage = MentionRecord.decode(record.passage)
    let range = TextRange(Int(record.start), Int(record.end))
    return Mention(
      entity: Int(record.entity), paper: paper, passage: passage, range: range,
      rawRange: rawRange(of: range, paper: paper, passage: passage))
  }

  // MARK: - Passages

  /// The normalised text of a passage (the abstract included).
  public func text(of paper: Int, passage: PassageID) -> String? {
    guard papers.indices.contains(paper) else { return nil }
    if let found = papers[paper].passage(passage) { return found.text }
    if passage == .abstract { return papers[paper].metadata.abstract }
    if passage == .title { return papers[paper].metadata.title }
    return nil
  }

  /// Where navigation to a mention lands (references, definition): its raw range, or, when lines of something else
  /// split it (a footnote block or page debris between a name's halves), the piece it starts with. A list of
  /// references shows the name, not the footnotes printed inside it.
  public func navigationRange(ofMention range: TextRange, paper: Int, passage: PassageID) -> TextRange {
    let whole = rawRange(of: range, paper: paper, passage: passage)
    guard papers.indices.contains(paper), let found = papers[paper].passage(passage) else { return whole }
    let pieces = found.rawPieces(of: range)
    let document = papers[paper]
    for (piece, next) in zip(pieces, pieces.dropFirst())
    where document.rawLine(containing: next.start) - document.rawLine(containing: piece.end) > 1 {
      return pieces[0]
    }
    return whole
  }

  /// The raw range of a range in a passage's normalised text. The abstract has no offset map: its ranges are
  /// placed from where the abstract was read, clamped to that source.
  public func rawRange(of range: TextRange, paper: Int, passage: PassageID) -> TextRange {
    guard papers.indices.contains(paper) else { return range }
    let document = papers[paper]
    if let found = document.passage(passage) { return found.rawRange(of: range) }
    let field: MetadataField
    switch passage {
    case .title: field = .title
    case .keywords: field = .keywords
    case .authorNote: field = .authorNote
    case .heading(let section): return document.sections[checked: section]?.headingRange ?? TextRange(0, 0)
    case .englishAbstract, .englishTitle: return TextRange(0, 0)
    case .abstract, .paragraph, .footnote: field = .abstract
    }
    guard let source = document.metadataSources[field] else { return TextRange(0, 0) }
    let start = min(source.end, source.start + range.start.utf8Offset)
    let end = min(source.end, source.start + range.end.utf8Offset)
    return TextRange(start: start, end: end)
  }

  // MARK: - Quotes

  /// Finds a quotation given as fragments (split at elisions: each must occur, in order, in one passage).
  /// Matches in `preferredPaper` come first.
  public func findQuote(_ fragments: [String], preferredPaper: Int? = nil) -> QuoteSearchResult {
    let search = { (fragments: [String]) in
      QuoteMatcher.search(
        fragments: fragments, passages: storage.searchPassages, distinct: storage.distinctPassages,
        preferredPaper: preferredPaper)
    }
    let result = search(fragments)
    if result.matches.isEmpty, let stripped = QuoteFolding.withoutLetterMarks(fragments) {
      let retry = search(stripped)
      if !retry.matches.isEmpty { return retry }
    }
    return result
  }

  /// Builds what a corpus-wide quote search needs (the distinct passages and their prefilter) now, rather than
  /// in the first search that needs it: a server calls this in the background once an index is published.
  public func prepareQuoteSearch() {
    _ = storage.distinctPassages.value(storage.searchPassages)
  }

  /// Exact matches of a quotation in `papers` only, in paper order then passage order: the cheap first look
  /// of the checker, which searches the whole corpus only when the cited papers do not hold the quotation.
  public func findQuote(_ fragments: [String], inPapers papers: [Int]) -> [QuoteMatch] {
    let scoped = Set(papers).sorted().filter { storage.searchPassages.indices.contains($0) }
    let passages = scoped.map { storage.searchPassages[$0] }
    let matches = QuoteMatcher.exactMatches(fragments: fragments, passages: passages)
    if matches.isEmpty, let stripped = QuoteFolding.withoutLetterMarks(fragments) {
      return QuoteMatcher.exactMatches(fragments: stripped, passages: passages)
    }
    return matches
  }

  /// The passage closest to a quotation among `passages` of `paper` (those a locator names), nil when none
  /// shares anything with it.
  public func closestQuote(_ fragments: [String], paper: Int, passages: [PassageID]) -> QuoteMatch? {
    guard storage.searchPassages.indices.contains(paper) else { return nil }
    let wanted = Set(passages)
    let candidates = storage.searchPassages[paper].filter { wanted.contains($0.id) }
    return QuoteMatcher.closest(fragments: fragments, passages: candidates)
  }

  /// Finds a quotation written with elisions (`……`, `...`).
  public func findQuote(_ quotation: String, preferredPaper: Int? = nil) -> QuoteSearchResult {
    findQuote(QuoteFolding.fragments(of: quotation), preferredPaper: preferredPaper)
  }
}

extension Paper {
  /// The passage an id names, if it exists.
  public func passage(_ id: PassageID) -> Passage? {
    switch id {
    case .paragraph(let n): return paragraphs.indices.contains(n - 1) ? paragraphs[n - 1].passage : nil
    case .footnote(let n): return footnotes.indices.contains(n - 1) ? footnotes[n - 1].passage : nil
    case .abstract: return abstractPassage
    case .englishAbstract: return englishAbstractPassage
    case .englishTitle: return englishTitlePassage
    case .title: return titlePassage
    case .heading(let index): return sections.indices.contains(index) ? sections[index].heading : nil
    case .keywords: return keywordsPassage
    case .authorNote: return authorNotePassage
    }
  }

  /// Every passage of the paper: title, abstract, keywords, author note, headings and paragraphs in reading order,
  /// footnotes, and the paper's own English title and abstract.
  func forEachPassage(_ body: (PassageID, Passage) -> Void) {
    if let titlePassage { body(.title, titlePassage) }
    if let abstractPassage { body(.abstract, abstractPassage) }
    if let keywordsPassage { body(.keywords, keywordsPassage) }
    if let authorNotePassage { body(.authorNote, authorNotePassage) }
    forEachBodyPassage(body)
    for footnote in footnotes { body(.footnote(footnote.number), footnote.passage) }
    if let englishTitlePassage { body(.englishTitle, englishTitlePassage) }
    if let englishAbstractPassage { body(.englishAbstract, englishAbstractPassage) }
  }

  /// Section headings (those printed on their own lines) and paragraphs in reading order: each heading just before
  /// the first paragraph of its section.
  func forEachBodyPassage(_ body: (PassageID, Passage) -> Void) {
    var nextSection = 0
    func headingsUpTo(_ paragraph: Int) {
      while nextSection < sections.count, sections[nextSection].firstParagraph <= paragraph {
        if let heading = sections[nextSection].heading { body(.heading(nextSection), heading) }
        nextSection += 1
      }
    }
    for paragraph in paragraphs {
      headingsUpTo(paragraph.number)
      body(.paragraph(paragraph.number), paragraph.passage)
    }
    headingsUpTo(.max)
  }
}
