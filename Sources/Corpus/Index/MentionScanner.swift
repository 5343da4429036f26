//! The mention scanner: an Aho–Corasick automaton (MentionAutomaton) over UTF-8 that finds every alias, resolves
//! compounds of one-character state forms (日美澳印) and keeps non-entity words (印太, 美元) from misreading.

/// One entity occurrence found in a text, as UTF-8 offsets into that text.
public struct ScannedMention: Sendable, Hashable {
  public var entity: Int
  public var start: Int
  public var end: Int
}

/// Immutable and thread-safe: build once per entity list, scan any number of texts concurrently.
///
/// Rules, in order:
/// 1. Aliases and non-entity words compete leftmost-longest; a non-entity word that wins hides what it covers.
/// 2. Latin aliases match ASCII case-insensitively (all-capital acronyms of up to five letters, `US`, `NATO`,
///    exactly) and only at word boundaries (`EU` never inside `EUROPE`); a capitalised alias (`Kishida`) found in
///    lower case counts only in prose, after a space or a CJK character, never inside a URL or a file name
///    (`101_kishida/`, `japans-role-in-the-quad`); no Latin alias counts inside a URL or a path
///    (`…/Japan-lifts-…`). Dashes in an alias match any dash (日本—东盟, 日本-东盟).
/// 3. One-character forms (日 美 中 …) count only in runs of two or more outside any matched word; each
///    character is a mention of its state, and a run whose states are exactly the members of a grouping
///    (three or more) is also a mention of that grouping (日美澳印 → Quad). An alias that starts with such a
///    run (美日同盟) also mentions the states of the run, and an actor's alias inside a mechanism's name
///    (日本—东盟首脑峰会, 北约峰会, 岸田和平愿景) mentions that actor too, as does a run joined by 与 in it (东盟与中日韩); the
///    name of a region that frames policy is none (东亚峰会, 印太战略, 亚太经合组织). A run followed at once by an alias of its own
///    grouping (日美印澳四边机制) names the grouping once. A grouping discovered from such runs (日美加) is found as a run
///    only; an alias written in forms only yields to a word its last form starts (日美加强). Japanese writes some
///    states with forms of its own (日米豪印, 米中関係, 日独): they count in Japanese text (a Japanese source's title in
///    a footnote), where in Chinese 米 is rice or metres and 露 dew (`japaneseForms`).
/// 4. One-character forms standing alone but listed with 、 and closed by 等 or a count (美、英、澳、韩等国, 越、菲两国)
///    are an enumeration of states: each is a mention, also across one state no form names (中、俄、巴、印四国).
/// 5. A one-character form bound to a verb or preposition of relation makes a compound word with it (对华, 访日,
///    驻美, 赴俄, 窜台, 对乌援助): a mention. 华 and 台 count only so (`boundForms`); 中, 新 and 加 never (对中小企业, 对新
///    技术, 对加强); after 对, 在 and 来 a form that starts a common word is none (对日益, 在法律, 对越来越).
/// 6. An actor's name that opens the name of a university, institute, foundation or think tank (日本庆应义塾大学, 美国传统
///    基金会, 英国国际战略研究所, 澳大利亚智库洛伊研究所) says where it is, as in an author's affiliation: no mention.
public final class MentionScanner: Sendable {
  enum Role: Sendable {
    case alias(Int)
    case nonEntity
    case compoundForm(Int)
    /// A form counted only after a verb or preposition of relation (rule 5): 华, 台.
    case boundForm(Int)
    /// A form of Japanese writing, counted in runs only in Japanese text (rule 3): 米, 豪.
    case japaneseForm(Int)

    var isAlias: Bool {
      if case .alias = self { return true }
      return false
    }

    var isNonEntity: Bool {
      if case .nonEntity = self { return true }
      return false
    }
  }

  struct Pattern: Sendable {
    var role: Role
    var length: Int
    /// Original bytes, when the match must be case-exact.
    var exactBytes: [UInt8]?
    var latinStart: Bool
    var latinEnd: Bool
    /// The alias starts with an ASCII capital and is not matched exactly: in lower case it must stand in prose.
    var capitalStart: Bool
    /// The alias is written in one-character forms only (see `Flag.spelledInForms`).
    var spelledInForms: Bool
    /// See `Flag.digitsMayFollow`.
    var digitsMayFollow: Bool
    /// Actors the alias spells out: a leading run of one-character forms and actor aliases inside a mechanism's
    /// name, as (byte offset, byte length, entity).
    var leadingMembers: [(Int, Int, Int)]
  }

  let patterns: [Pattern]
  /// Hot-loop copies of `patterns`: byte length and flags (see `Flag`), so the scan touches no reference counts.
  let patternLengths: [Int32]
  let patternFlags: [UInt8]
  /// `patterns[p].role`, and whether `patterns[p].leadingMembers` is non-empty, without touching the arrays.
  let roles: [Role]
  let spellsMembers: [Bool]
  /// The scalar of each non-ASCII one-character form pattern (what any match of it reads), 0 for other patterns
  /// (an ASCII form may match in either case: its scalar is read from the text).
  let formScalars: [UInt32]

  enum Flag {
    static let latinStart: UInt8 = 1
    static let latinEnd: UInt8 = 2
    static let exact: UInt8 = 4
    static let compoundForm: UInt8 = 8
    static let capitalStart: UInt8 = 16
    /// An alias written in one-character forms only (日美加): it yields to a word its last form starts (日美加强).
    static let spelledInForms: UInt8 = 32
    /// The alias ends in an acronym of four capitals or more, which digits may follow (ASEAN50, NATO75); a shorter
    /// one is part of a code (US10, EU27).
    static let digitsMayFollow: UInt8 = 64
  }

  /// Endings of the names of governments' and organisations' bodies, whose names start with their owner's.
  static let bodySuffixes = [
    "省", "厅", "部", "局", "队", "处", "院", "署", "会", "行", "军", "组织", "机构", "中心", "官邸", "政府", "委员会", "司令部", "小组",
    "隊", "庁",
  ]

  /// `Ministry of Foreign Affairs of Japan`, `Department of Defense`: an English body's name, which names its owner
  /// last when it names it.
  static func isEnglishBody(_ alias: String) -> Bool {
    ["Ministry of ", "Department of ", "Office of "].contains { alias.hasPrefix($0) }
  }

  /// The dashes PDF text and analysts use interchangeably inside names (日本—东盟, 日本-东盟).
  static let dashScalars: [Unicode.Scalar] = ["-", "‐", "–", "—", "―", "－"]
  static let dashes: [Character] = dashScalars.map(Character.init)

  /// `日 ASEAN` for `日ASEAN`, `ODA 援助` for `ODA援助`, `ASEAN インド太平洋フォーラム`: the spelling with a space
  /// between Han or kana and Latin letters, as the reader keeps the space an author writes there; nil when the alias
  /// has no such boundary.
  static func spacedVariant(_ alias: String) -> String? {
    var result = String.UnicodeScalarView()
    var previous: Unicode.Scalar?
    var spaced = false
    for scalar in alias.unicodeScalars {
      if let previous,
        (CharClass.isHanOrKana(previous.value) && CharClass.isLatinLetter(scalar.value))
          || (CharClass.isLatinLetter(previous.value) && CharClass.isHanOrKana(scalar.value))
      {
        result.append(" ")
        spaced = true
      }
      result.append(scalar)
      previous = scalar
    }
    return spaced ? String(result) : nil
  }

  /// `alias` and its spellings with every other dash, when it holds one.
  static func dashVariants(_ alias: String) -> [String] {
    guard alias.unicodeScalars.contains(where: { dashScalars.contains($0) }) else { return [alias] }
    var variants = [alias]
    for dash in dashes {
      let variant = String(alias.map { dashes.contains($0) ? dash : $0 })
      if !variants.contains(variant) { variants.append(variant) }
    }
    return variants
  }
  /// The automaton over every pattern's folded bytes (pattern numbers are indices into `patterns`).
  let automaton: MentionAutomaton
  public var classCount: Int { automaton.classCount }
  /// Grouping entity for a sorted set of member entities (three or more).
  let groupingByMembers: [[Int]: Int]
  /// Entity of each one-character form scalar.
  let formEntity: [Unicode.Scalar: Int]

  public let entityCount: Int
  /// Whether each entity is an actor: an actor's name that opens an institution's name names no actor (rule 6).
  let isActor: [Bool]

  public init(entities: [Entity], nonEntityWords: [String] = BuiltinLexicon.nonEntityWords) {
    entityCount = entities.count
    isActor = entities.map { $0.kind == .actor }
    var forms: [Unicode.Scalar: Int] = [:]
    for (index, entity) in entities.enumerated() {
      for form in entity.compoundForms {
        let scalars = Array(form.unicodeScalars)
        if scalars.count == 1, forms[scalars[0]] == nil { forms[scalars[0]] = index }
      }
    }
    formEntity = forms
    var japaneseForms: [Unicode.Scalar: Int] = [:]
    for (scalar, id) in Self.japaneseForms {
      if let entity = entities.firstIndex(where: { $0.id == id }), forms[scalar] == nil {
        japaneseForms[scalar] = entity
      }
    }

    var idIndex: [String: Int] = [:]
    for (index, entity) in entities.enumerated() where idIndex[entity.id] == nil { idIndex[entity.id] = index }
    let isFrame = entities.map { BuiltinLexicon.frameRegionIDs.contains($0.id) }
    var groupings: [[Int]: Int] = [:]
    for (index, entity) in entities.enumerated() where entity.members.count >= Self.smallestGroupingSize {
      let members = entity.members.compactMap { idIndex[$0] }
      guard members.count == entity.members.count, members.allSatisfy({ entities[$0].compoundForms.count > 0 })
      else { continue }
      let key = Array(Set(members)).sorted()
      if groupings[key] == nil { groupings[key] = index }
    }
    groupingByMembers = groupings

    // Actor aliases by key, to find the actors a mechanism's name spells out.
    var actorByKey: [String: Int] = [:]
    var actorKeyLengths: [Unicode.Scalar: UInt64] = [:]
    var longestActorAlias = 0
    for (index, entity) in entities.enumerated() where entity.kind == .actor {
      for alias in entity.aliases where alias.unicodeScalars.count >= 2 {
        let key = Lexicon.aliasKey(alias)
        if actorByKey[key] == nil { actorByKey[key] = index }
        if let first = key.unicodeScalars.first {
          actorKeyLengths[first, default: 0] |= Self.lengthBit(key.unicodeScalars.count)
        }
        longestActorAlias = max(longestActorAlias, alias.unicodeScalars.count)
      }
    }

    // Collect patterns; an alias claimed by two entities goes to the first (builtin order, then lexicon).
    var collected: [Pattern] = []
    var keys: [[UInt8]] = []
    var seen: Set<[UInt8]> = []
    // The words that name no entity, by the actor's name inside them (インド太平洋 by インド), built as asked.
    let nonEntityBytes = nonEntityWords.map { Array($0.utf8) }
    var nonEntityWordsHolding: [[UInt8]: [[UInt8]]] = [:]
    /// Whether a word that names no entity covers the piece of `alias` at `offset` (the インド of 自由で開かれたインド
    /// 太平洋, ASEANインド太平洋フォーラム), where it ends the alias's words or is longer than the piece by two
    /// characters or more. One a character longer and followed by more ideographs may be read otherwise: 日本海上自卫队
    /// and 日本海洋政策本部 are Japan's, not the Sea of Japan's.
    func isInsideNonEntityWord(_ alias: [UInt8], _ offset: Int, _ length: Int) -> Bool {
      let piece = Array(alias[offset..<(offset + length)])
      let holding =
        nonEntityWordsHolding[piece]
        ?? nonEntityBytes.filter { $0.count > piece.count && Self.bytes($0, contain: piece) }
      nonEntityWordsHolding[piece] = holding
      func scalarCount(_ bytes: [UInt8]) -> Int { bytes.count { $0 & 0xC0 != 0x80 } }
      return holding.contains { word in
        let longer = scalarCount(word) - scalarCount(piece)
        var from = max(0, offset + length - word.count)
        while let start = alias[from...].firstRange(of: word)?.lowerBound, start <= offset {
          let end = start + word.count
          let after = end < alias.count ? String(decoding: alias[end...], as: UTF8.self).unicodeScalars.first : nil
          if end >= offset + length, longer >= 2 || after.map({ !CharClass.isHanOrKana($0.value) }) ?? true {
            return true
          }
          from = start + 1
        }
        return false
      }
    }
    func add(
      _ text: String, role: Role, spellsMembers: Bool = false, spellsActors: Bool = false, onlyMembers: Set<Int>? = nil,
      spelledInForms: Bool = false
    ) {
      let original = Array(text.utf8)
      guard !original.isEmpty else { return }
      let folded = original.map(Self.fold)
      guard seen.insert(folded).inserted else { return }
      // A title that names no entity (East Asia Forum, Strategic Japan) is one only as it is spelled: in lower case
      // it is prose (an East Asia forum, a strategic Japan).
      let isLatinWord = original.contains { CharClass.isLatinLetter(UInt32($0)) }
      let exact = Self.isShortAcronym(original) || (role.isNonEntity && isLatinWord) ? original : nil
      let capital = exact == nil && original[0] >= 0x41 && original[0] <= 0x5A
      var leading: [(Int, Int, Int)] = []
      if case .alias = role, spellsMembers {
        var offset = 0
        for scalar in text.unicodeScalars {
          guard let entity = forms[scalar] ?? japaneseForms[scalar] else { break }
          let width = String(scalar).utf8.count
          leading.append((offset, width, entity))
          offset += width
        }
        // One form spells its state only before a Latin name (日ASEAN); 日本 and 新加坡 are read as words.
        let afterLeading = text.unicodeScalars.dropFirst(leading.count).first
        let beforeLatin =
          leading.count == 1 && afterLeading.map { $0 == " " || CharClass.isLatinLetter($0.value) } == true
        if Set(leading.map { $0.2 }).count < 2 && !beforeLatin { leading = [] }
      }
      if case .alias = role, spellsMembers || spellsActors {
        // An actor grouping named by a count of states names them, not the region counted in (中亚五国 is no mention
        // of 中亚; 北约欧洲盟国 still names NATO), and an actor's name inside a word that names no entity is none (the
        // インド of 自由で開かれたインド太平洋).
        let pieces = Self.embeddedActors(
          in: text, after: leading.last.map { $0.0 + $0.1 } ?? 0, actorByKey: actorByKey,
          keyLengths: actorKeyLengths, longest: longestActorAlias)
        // A region that frames policy inside a name is part of the name (东亚峰会, 印太战略, 亚太经合组织), not a
        // party to it as 中亚 is to the “中亚+日本”对话.
        let embedded = pieces.filter { piece in
          !(onlyMembers.map { !$0.contains(piece.2) } == true && Self.isCountOfStates(original, at: piece.0 + piece.1))
            && !isInsideNonEntityWord(original, piece.0, piece.1) && !isFrame[piece.2]
        }
        // A body names its owner first (日本外务省), or last in English (Ministry of Foreign Affairs of Japan);
        // 海上自卫队 is no mention of 自卫队.
        let ownerLast = Self.isEnglishBody(text)
        let owner = embedded.filter { $0.0 == 0 || (ownerLast && $0.0 + $0.1 == original.count) }
        leading += spellsMembers ? embedded : Array(owner.prefix(1))
      }
      if case .alias = role, spellsMembers, case let joined = Self.joinedRuns(in: text, forms: forms), !joined.isEmpty {
        leading += joined
        leading.sort { $0.0 < $1.0 }  // a joined run (东盟与中日韩) comes after the actors before it
      }
      collected.append(
        Pattern(
          role: role, length: original.count, exactBytes: exact, latinStart: Self.isWordByte(original[0]),
          latinEnd: Self.isWordByte(original[original.count - 1]), capitalStart: capital,
          spelledInForms: spelledInForms,
          digitsMayFollow: role.isAlias && original.suffix(4).count == 4
            && original.suffix(4).allSatisfy { $0 >= 0x41 && $0 <= 0x5A },
          leadingMembers: leading))
      keys.append(folded)
    }
    for (index, entity) in entities.enumerated() {
      // Only groupings and mechanisms (美日同盟, 日欧EPA) spell out their states; 新加坡 is no 新 + 加.
      let spellsMembers = !entity.members.isEmpty || entity.kind == .mechanism
      let onlyMembers =
        entity.kind == .actor && !entity.members.isEmpty
        ? Set(entity.members.compactMap { idIndex[$0] }) : nil
      for alias in entity.aliases where alias.unicodeScalars.count > 1 || alias.utf8.count > 1 {
        let spelledInForms = Self.isSpelledInForms(alias, forms: forms, japaneseForms: japaneseForms)
        // A discovered grouping was found as a run (日美加): it is found so again, under the run's rules.
        if entity.source == .discovered, !entity.members.isEmpty, spelledInForms { continue }
        // A body's name spells out whose body it is (日本外务省, 美国国防部, 东盟秘书处); a state's does not
        // (印度尼西亚 is no 印度).
        let spellsActors =
          Self.bodySuffixes.contains { alias.utf8.reversed().starts(with: $0.utf8.reversed()) }
          || Self.isEnglishBody(alias)
        for variant in Self.dashVariants(alias) + (Self.spacedVariant(alias).map { Self.dashVariants($0) } ?? []) {
          add(
            variant, role: .alias(index), spellsMembers: spellsMembers, spellsActors: spellsActors,
            onlyMembers: onlyMembers, spelledInForms: spelledInForms)
        }
      }
    }
    for word in nonEntityWords { add(word, role: .nonEntity) }
    for (scalar, entity) in forms { add(String(scalar), role: .compoundForm(entity)) }
    for (scalar, id) in Self.boundForms {
      if let entity = idIndex[id], forms[scalar] == nil { add(String(scalar), role: .boundForm(entity)) }
    }
    for (scalar, entity) in japaneseForms { add(String(scalar), role: .japaneseForm(entity)) }
    patterns = collected
    patternLengths = collected.map { Int32($0.length) }
    roles = collected.map(\.role)
    spellsMembers = collected.map { !$0.leadingMembers.isEmpty }
    formScalars = zip(collected, keys).map { pattern, key in
      switch pattern.role {
      case .compoundForm, .boundForm, .japaneseForm: break
      default: return 0
      }
      guard key.first.map({ $0 >= 0x80 }) == true else { return 0 }
      let scalars = String(decoding: key, as: UTF8.self).unicodeScalars
      return scalars.count == 1 ? scalars.first.map(\.value) ?? 0 : 0
    }
    patternFlags = collected.map { pattern in
      var flags: UInt8 = 0
      if pattern.latinStart { flags |= Flag.latinStart }
      if pattern.latinEnd { flags |= Flag.latinEnd }
      if pattern.exactBytes != nil { flags |= Flag.exact }
      switch pattern.role {
      case .compoundForm, .boundForm, .japaneseForm: flags |= Flag.compoundForm
      default: break
      }
      if pattern.capitalStart { flags |= Flag.capitalStart }
      if pattern.spelledInForms { flags |= Flag.spelledInForms }
      if pattern.digitsMayFollow { flags |= Flag.digitsMayFollow }
      return flags
    }

    automaton = MentionAutomaton(keys: keys)
  }

  public var stateCount: Int { automaton.stateCount }

  /// Whether `bytes` hold a count of states at `offset`: numerals, then 国 (五国, 两国, 10国).
  static func isCountOfStates(_ bytes: [UInt8], at offset: Int) -> Bool {
    let rest = String(decoding: bytes[min(offset, bytes.count)...], as: UTF8.self).unicodeScalars
    let numerals = rest.prefix { "一二三四五六七八九十两0123456789".unicodeScalars.contains($0) }
    return !numerals.isEmpty && rest.dropFirst(numerals.count).first == "国"
  }

  /// Runs of two states' forms or more joined to what comes before them in a name by 与, 和 or 及 (the 中日韩 of
  /// 东盟与中日韩): each form spells its state, as a leading run does. (offset, length, entity), in bytes.
  static func joinedRuns(in name: String, forms: [Unicode.Scalar: Int]) -> [(Int, Int, Int)] {
    var result: [(Int, Int, Int)] = []
    var run: [(Int, Int, Int)] = []
    var afterJoiner = false
    var offset = 0
    for scalar in name.unicodeScalars {
      let width = scalar.utf8.count
      if afterJoiner || !run.isEmpty, let entity = forms[scalar] {
        run.append((offset, width, entity))
      } else {
        if Set(run.map(\.2)).count >= 2 { result += run }
        run = []
      }
      afterJoiner = "与和及".unicodeScalars.contains(scalar)
      offset += width
    }
    if Set(run.map(\.2)).count >= 2 { result += run }
    return result
  }

  /// Whether `alias` is written in one-character forms only (日美加, 日米豪印).
  static func isSpelledInForms(
    _ alias: String, forms: [Unicode.Scalar: Int], japaneseForms: [Unicode.Scalar: Int]
  ) -> Bool {
    alias.unicodeScalars.count >= 2
      && alias.unicodeScalars.allSatisfy { forms[$0] != nil || japaneseForms[$0] != nil }
  }

  /// This scanner with groupings discovered from its own runs (`UngroupedRun.members` → entity, appended after the
  /// entities it was built with): the automaton is unchanged, as a grouping is found as a run, not as a word.
  func adding(groupings: [[Int]: Int], entities: [Entity]) -> MentionScanner {
    MentionScanner(
      copying: self, groupings: groupingByMembers.merging(groupings) { current, _ in current },
      isActor: entities.map { $0.kind == .actor })
  }

  private init(copying base: MentionScanner, groupings: [[Int]: Int], isActor: [Bool]) {
    patterns = base.patterns
    patternLengths = base.patternLengths
    patternFlags = base.patternFlags
    roles = base.roles
    spellsMembers = base.spellsMembers
    formScalars = base.formScalars
    automaton = base.automaton
    formEntity = base.formEntity
    groupingByMembers = groupings
    entityCount = isActor.count
    self.isActor = isActor
  }

  /// Every entity mention in a text, ordered by start (a compound's grouping before its members).
  public func scan(_ text: String) -> [ScannedMention] {
    var text = text
    return text.withUTF8 { scan(bytes: $0) }
  }

  public func scan(bytes: UnsafeBufferPointer<UInt8>) -> [ScannedMention] {
    var scratch = Scratch()
    scan(bytes: bytes, scratch: &scratch)
    return scratch.found
  }

  /// Buffers of one scan, kept from text to text by a caller that scans many (their capacity is reused).
  struct Scratch {
    var words: [Hit] = []
    var singles: [Hit] = []
    /// The hits starting in the second half of a text read in two streams, appended to `words` and `singles` after
    /// the first half's: each list is then in order but for overlaps, rather than two orders interleaved.
    var secondWords: [Hit] = []
    var secondSingles: [Hit] = []
    var chosen: [Hit] = []
    var run: [(start: Int, end: Int, entity: Int, scalar: Unicode.Scalar)] = []
    /// One-character forms outside compounds and words, for enumerations (美、英、澳等).
    var free: [(start: Int, end: Int, entity: Int, scalar: Unicode.Scalar)] = []
    /// The mentions of the last text scanned, ordered as `scan(bytes:)` orders them.
    var found: [ScannedMention] = []
    /// The runs of the last text scanned that name three states or more and no grouping (日美加, 日美澳法): what
    /// the index discovers groupings from.
    var ungrouped: [UngroupedRun] = []
  }

  /// A run of one-character forms naming three states or more that no grouping has as its members.
  struct UngroupedRun: Sendable {
    var start: Int
    var end: Int
    /// The states' entity indices, sorted (a key of `groupingByMembers`).
    var members: [Int]
  }

  /// Whether `needle` occurs in `haystack`, byte by byte: asked, when the scanner is built, for each actor's name
  /// inside an alias against every word that names no entity (the generic `contains` took 25 ms there, on one core).
  static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    guard needle.count <= haystack.count else { return false }
    return haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pattern in
        var start = 0
        while start <= hay.count - pattern.count {
          if hay[start] == first {
            var k = 1
            while k < pattern.count, hay[start + k] == pattern[k] { k += 1 }
            if k == pattern.count { return true }
          }
          start += 1
        }
        return false
      }
    }
  }

  /// A run of fewer states names a relation (日美, 中日), never a grouping.
  static let smallestGroupingSize = 3

  /// `scan(bytes:)` into `scratch.found`, reusing the scratch buffers.
  func scan(bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) {
    scratch.words.removeAll(keepingCapacity: true)
    scratch.singles.removeAll(keepingCapacity: true)
    scratch.secondWords.removeAll(keepingCapacity: true)
    scratch.secondSingles.removeAll(keepingCapacity: true)
    scratch.chosen.removeAll(keepingCapacity: true)
    scratch.found.removeAll(keepingCapacity: true)
    scratch.ungrouped.removeAll(keepingCapacity: true)
    collectHits(
      bytes, words: &scratch.words, singles: &scratch.singles, secondWords: &scratch.secondWords,
      secondSingles: &scratch.secondSingles)
    scratch.words.append(contentsOf: scratch.secondWords)
    scratch.singles.append(contentsOf: scratch.secondSingles)
    if scratch.words.isEmpty && scratch.singles.isEmpty { return }
    // Hits come in the order of their ends: a word inside a longer one (美国 in 美国国务院) comes first.
    scratch.singles.sortIfNeeded { $0.start < $1.start }

    // 1. Leftmost-longest among aliases and non-entity words.
    scratch.words.sortIfNeeded { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
    var covered = 0
    for (k, hit) in scratch.words.enumerated() where hit.start >= covered {
      if isPairBeforeGuojia(hit, bytes: bytes, singles: scratch.singles) { continue }
      if patternFlags[hit.pattern] & Flag.spelledInForms != 0, runsIntoWord(k, of: scratch.words) { continue }
      scratch.chosen.append(hit)
      covered = hit.end
    }
    for hit in scratch.chosen {
      guard case .alias(let entity) = roles[hit.pattern] else { continue }
      if isActor[entity], Self.opensInstitutionName(bytes, at: hit.end) { continue }
      scratch.found.append(ScannedMention(entity: entity, start: hit.start, end: hit.end))
      guard spellsMembers[hit.pattern] else { continue }
      for (offset, length, member) in patterns[hit.pattern].leadingMembers where member != entity {
        scratch.found.append(
          ScannedMention(entity: member, start: hit.start + offset, end: hit.start + offset + length))
      }
    }

    // 2. Runs of one-character forms in the gaps.
    if scratch.singles.count >= 2 {
      var wordIndex = 0
      scratch.run.removeAll(keepingCapacity: true)
      scratch.free.removeAll(keepingCapacity: true)
      var isJapanese: Bool?  // asked only when a Japanese form is met
      for hit in scratch.singles {
        while wordIndex < scratch.chosen.count, scratch.chosen[wordIndex].end <= hit.start { wordIndex += 1 }
        if wordIndex < scratch.chosen.count, scratch.chosen[wordIndex].start < hit.end {
          resolve(scratch.run, bytes: bytes, into: &scratch.found, ungrouped: &scratch.ungrouped)
          scratch.run.removeAll(keepingCapacity: true)
          continue
        }
        let entity: Int
        switch roles[hit.pattern] {
        case .compoundForm(let form): entity = form
        case .japaneseForm(let form):
          if isJapanese == nil { isJapanese = Self.isJapanese(bytes) }
          guard isJapanese == true else { continue }
          entity = form
        default: continue
        }
        if let previous = scratch.run.last, previous.end != hit.start {
          resolve(scratch.run, bytes: bytes, into: &scratch.found, ungrouped: &scratch.ungrouped)
          scratch.run.removeAll(keepingCapacity: true)
        }
        let known = formScalars[hit.pattern]
        let scalar = known != 0 ? Unicode.Scalar(known).unsafelyUnwrapped : Self.decodeScalar(bytes, hit.start)
        scratch.run.append((hit.start, hit.end, entity, scalar))
        scratch.free.append((hit.start, hit.end, entity, scalar))
      }
      resolve(scratch.run, bytes: bytes, into: &scratch.found, ungrouped: &scratch.ungrouped)
      scratch.run.removeAll(keepingCapacity: true)
      enumerations(scratch.free, bytes: bytes, into: &scratch.found)
    }

    // 3. Forms bound to a verb or preposition of relation (an enumeration's item may be one: counted once).
    if !scratch.singles.isEmpty {
      let enumerated = scratch.found.count
      var wordIndex = 0
      for (k, hit) in scratch.singles.enumerated() {
        // Most forms follow no verb of relation: ruled out first, on one bitmap test.
        guard let prefix = Self.threeByteValue(bytes, at: hit.start - 3), Self.relationPrefixes.contains(prefix)
        else { continue }
        while wordIndex < scratch.chosen.count, scratch.chosen[wordIndex].end <= hit.start { wordIndex += 1 }
        // A verb of relation binds before 日期: 访日期间 is a visit to Japan, not 访 + 日期. (Other non-entity words
        // a form starts are places, 日内瓦, 澳门, 乌鲁木齐: they stand.)
        let inWord =
          wordIndex < scratch.chosen.count && scratch.chosen[wordIndex].start < hit.end
          && !(scratch.chosen[wordIndex].start == hit.start && Self.equal(bytes, hit.start, Self.dateWord)
            && !Self.generalPrefixes.contains(prefix))
        // A neighbouring form inside a matched word (驻华美国大使: the 美 of 美国) makes no run.
        let inRun =
          (k > 0 && scratch.singles[k - 1].end == hit.start && !isCovered(scratch.singles[k - 1], by: scratch.chosen))
          || (k + 1 < scratch.singles.count && scratch.singles[k + 1].start == hit.end
            && !isCovered(scratch.singles[k + 1], by: scratch.chosen))
        guard !inWord, !inRun, let entity = boundEntity(hit, bytes: bytes) else { continue }
        if scratch.found[..<enumerated].contains(where: { $0.start == hit.start && $0.entity == entity }) { continue }
        scratch.found.append(ScannedMention(entity: entity, start: hit.start, end: hit.end))
      }
    }
    scratch.found.sortIfNeeded { Self.inScanOrder($0.start, $0.end, before: $1.start, $1.end) }
  }

  /// The order of a scan's mentions: by start, the longer first (a compound's grouping before its states).
  static func inScanOrder(_ start: Int, _ end: Int, before otherStart: Int, _ otherEnd: Int) -> Bool {
    start != otherStart ? start < otherStart : end > otherEnd
  }

  static let dateWord = Array("日期".utf8)

  /// Whether a non-entity word starts inside `words[k]` and runs past its end (日美加 in 日美加强): an alias
  /// written in forms then yields, and its forms are read as a run, as they would be without it.
  private func runsIntoWord(_ k: Int, of words: [Hit]) -> Bool {
    let hit = words[k]
    var next = k + 1
    while next < words.count, words[next].start < hit.end {
      if words[next].end > hit.end, roles[words[next].pattern].isNonEntity { return true }
      next += 1
    }
    return false
  }

  /// Whether a matched word (of `chosen`: sorted, not overlapping) covers `hit`.
  private func isCovered(_ hit: Hit, by chosen: [Hit]) -> Bool {
    var low = 0
    var high = chosen.count
    while low < high {
      let middle = (low + high) / 2
      if chosen[middle].end <= hit.start { low = middle + 1 } else { high = middle }
    }
    return low < chosen.count && chosen[low].start < hit.end
  }

  /// The last words of the names of universities, institutes, foundations and think tanks (rule 6), and their first
  /// characters.
  static let institutionEndings = ["大学", "学院", "研究所", "研究院", "研究中心", "基金会", "协会", "智库"].map { Array($0.utf8) }
  static let institutionEndingStarts = BMPScalarSet("大学研基协智")
  static let universityWord = Array("大学".utf8)
  static let studentWord = Array("生".utf8)
  /// Characters that end a name: function words, and the verbs of prose, between an actor's name and an
  /// institution's (美国与日本研究所, 日本政府决定设立研究中心, 日本积极推动大学合作). 因 after 缅 is a name's (美国缅因大学).
  static let nameBreakers = BMPScalarSet(
    "的与和及在对为是将于从而或同由向使让等就把被也都又并且以至到给跟因令称各了着过推设决出参举支认表建成有要能派")

  /// Whether the ideographs from `offset` end, within four characters and before any function word or verb, in the
  /// last words of an institution's name (rule 6): 澳大利亚战略政策研究所, 日本庆应义塾大学 (日本大学生 are students). Asked
  /// after every actor's name: read on bytes and bitmaps.
  static func opensInstitutionName(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    var position = offset
    for _ in 0...4 {
      guard let value = threeByteValue(bytes, at: position), CharClass.isHan(value) else { return false }
      if institutionEndingStarts.contains(value), institutionEndings.contains(where: { equal(bytes, position, $0) }) {
        return !(equal(bytes, position, universityWord) && equal(bytes, position + 6, studentWord))
      }
      if nameBreakers.contains(value), !(value == 0x56E0 && threeByteValue(bytes, at: position - 3) == 0x7F05) {
        return false
      }
      position += 3
    }
    return false
  }

  /// The scalar value of a three-byte sequence at `offset`, or nil when none starts there.
  @inline(__always)
  static func threeByteValue(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32? {
    guard offset >= 0, offset + 3 <= bytes.count, bytes[offset] & 0xF0 == 0xE0 else { return nil }
    return UInt32(bytes[offset] & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
  }

  /// Forms that count only bound to a verb or preposition of relation (rule 5), by entity id: on their own they start
  /// too many words (华丽, 中华, 平台, 舞台) to count inside runs.
  static let boundForms: [(Unicode.Scalar, String)] = [("华", "china"), ("台", "taiwan")]

  /// Forms only Japanese writes (米国, 豪州, 仏, 独, 露), by entity id (rule 3).
  static let japaneseForms: [(Unicode.Scalar, String)] = [
    ("米", "united-states"), ("豪", "australia"), ("仏", "france"), ("独", "germany"), ("露", "russia"),
  ]

  /// Characters of Japanese writing that neither simplified nor traditional Chinese uses: with kana, they tell a
  /// Japanese title with no kana in it (「日独首脳会談」、外務省) from Chinese text.
  static let japaneseOnlyCharacters = BMPScalarSet("脳仏関総経済発対戦広栄権図拡気団駅価県弾鉄歳読売労効営検変様")

  /// Whether the text is written in Japanese: it holds a kana (U+3041–U+30FF: lead byte E3, then 81–83) or a
  /// character only Japanese writes.
  static func isJapanese(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i + 2 < bytes.count {
      if bytes[i] == 0xE3, bytes[i + 1] >= 0x81, bytes[i + 1] <= 0x83 { return true }
      if let value = threeByteValue(bytes, at: i), japaneseOnlyCharacters.contains(value) { return true }
      i += bytes[i] >= 0xE0 && bytes[i] < 0xF0 ? 3 : 1
    }
    return false
  }

  /// Verbs and prepositions of relation a form binds to (对华, 访日, 赴俄, 涉台, 遏华, 援乌, 驻美, 窜台, 抵日, 在韩, 来华,
  /// 离日, 反华, 侵华, 亲美).
  static let relationPrefixes = BMPScalarSet("对访赴涉遏援驻窜抵在来离反侵亲")
  /// The general ones: after them a form may be the first character of a common word (对日益, 在越来越, 反对华为,
  /// 乡亲台下).
  static let generalPrefixes = BMPScalarSet("对在来离反亲")
  /// Forms never counted bound: each starts too many words (对中小企业, 对新技术, 对加强, 对意义, 在蒙受, 反法西斯, 涉法涉诉,
  /// 在德黑兰, 离心离德), and 对中 is rare in Chinese writing, which says 对华.
  static let unboundForms = BMPScalarSet("中新加意蒙泰柬法德")
  /// For each form, the characters after which it starts a common word, not a state (美好, 日益, 法律, 印象, 越来越).
  static let wordsStartedByForm: [Unicode.Scalar: Set<Unicode.Scalar>] = [
    "美": Set("好丽元术食德感誉妙化观容女味学梦".unicodeScalars),
    "日": Set("益常期趋渐前内后子夜程报志记历用均元语光出落照新".unicodeScalars),
    "朝": Set("着向野代夕廷气圣贡阳前".unicodeScalars),
    "乌": Set("云托鸦黑龙".unicodeScalars),
    "台": Set("阶上下面风词账灯球海".unicodeScalars),
    "欧": Set("元式".unicodeScalars),
    "印": Set("象记刷发证章花".unicodeScalars),
    "澳": Set("门".unicodeScalars),
    "英": Set("语文雄才明俊勇寸尺里年".unicodeScalars),
    "德": Set("行治育才性政高".unicodeScalars),
    "法": Set("律治规院案制理定人则官学庭令典宝术子".unicodeScalars),
    "越": Set("来发过境界野狱权级".unicodeScalars),
    "菲": Set("薄".unicodeScalars),
    "华": Set("盛府沙人侨裔丽为夏北南东西中语文山灯表服尔约".unicodeScalars),
  ]

  /// The state a one-character form standing alone names by rule 5, or nil.
  private func boundEntity(_ hit: Hit, bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let entity: Int
    switch roles[hit.pattern] {
    case .compoundForm(let form), .boundForm(let form): entity = form
    default: return nil
    }
    // The forms and prefixes are ideographs: three bytes each.
    guard let prefix = Self.threeByteValue(bytes, at: hit.start - 3), Self.relationPrefixes.contains(prefix),
      let value = Self.threeByteValue(bytes, at: hit.start), !Self.unboundForms.contains(value),
      let scalar = Unicode.Scalar(value)
    else { return nil }
    // 华 starts words whatever comes before it (访华沙 is a visit to Warsaw); the others after a general prefix.
    if scalar == "华" || Self.generalPrefixes.contains(prefix), hit.end < bytes.count,
      Self.wordsStartedByForm[scalar]?.contains(Self.decodeScalar(bytes, hit.end)) == true
    {
      return nil
    }
    return entity
  }

  struct Hit {
    var start: Int
    var end: Int
    var pattern: Int
  }

  static let guo = Array("国".utf8)
  static let jia = Array("家".utf8)

  /// 欧美国家 is 欧美 + 国家 (Western countries), not 欧 + 美国 + 家: a state's name of one form and 国, right after
  /// another form and right before 家, is no word; its form joins the run before it.
  private func isPairBeforeGuojia(_ hit: Hit, bytes: UnsafeBufferPointer<UInt8>, singles: [Hit]) -> Bool {
    guard hit.end - hit.start == 6, Self.equal(bytes, hit.end, Self.jia), Self.equal(bytes, hit.end - 3, Self.guo),
      case .alias = roles[hit.pattern]
    else { return false }
    return singles.contains { $0.start == hit.start } && singles.contains { $0.end == hit.start }
  }

  /// The automaton pass: every pattern occurrence that passes its boundary and case checks.
  @inline(__always)
  private func collectHits(
    _ bytes: UnsafeBufferPointer<UInt8>, words: inout [Hit], singles: inout [Hit], secondWords: inout [Hit],
    secondSingles: inout [Hit]
  ) {
    let secondHalf = MentionAutomaton.secondHalfStart(of: bytes)
    patternLengths.withUnsafeBufferPointer { lengths in
      patternFlags.withUnsafeBufferPointer { flagsOf in
        let count = bytes.count
        automaton.forEachMatch(in: bytes) { patternIndex, end in
          let flags = flagsOf[patternIndex]
          let start = end &- Int(lengths[patternIndex])
          if flags != 0 {
            if flags & Flag.latinStart != 0, start > 0, Self.isWordByte(bytes[start - 1]) { return }
            if flags & Flag.latinEnd != 0, end < count, Self.isWordByte(bytes[end]),
              flags & Flag.digitsMayFollow == 0 || bytes[end] < 0x30 || bytes[end] > 0x39
            {
              return
            }
            if flags & (Flag.latinStart | Flag.latinEnd) != 0, Self.insideURL(bytes, start, end) { return }
            if flags & Flag.capitalStart != 0, bytes[start] >= 0x61, bytes[start] <= 0x7A,
              !Self.standsInProse(bytes, start, end)
            {
              return
            }
            if flags & Flag.exact != 0, let exact = patterns[patternIndex].exactBytes,
              !Self.equal(bytes, start, exact)
            {
              return
            }
            if flags & Flag.compoundForm != 0 {
              if start < secondHalf {
                singles.append(Hit(start: start, end: end, pattern: patternIndex))
              } else {
                secondSingles.append(Hit(start: start, end: end, pattern: patternIndex))
              }
              return
            }
          }
          if start < secondHalf {
            words.append(Hit(start: start, end: end, pattern: patternIndex))
          } else {
            secondWords.append(Hit(start: start, end: end, pattern: patternIndex))
          }
        }
      }
    }
  }

  /// 美、英、澳、韩等 / 越、菲两国: one-character forms standing alone, joined by 、 and closed by 等 or a count of
  /// states, are an enumeration of states; each is a mention.
  private func enumerations(
    _ free: [(start: Int, end: Int, entity: Int, scalar: Unicode.Scalar)], bytes: UnsafeBufferPointer<UInt8>,
    into result: inout [ScannedMention]
  ) {
    func alone(_ k: Int) -> Bool {
      (k == 0 || free[k - 1].end != free[k].start) && (k + 1 == free.count || free[k + 1].start != free[k].end)
        && free[k].scalar != "新"
        && !(free[k].scalar == "日" && free[k].start > 0
          && Self.isNumeral(Self.scalar(before: free[k].start, in: bytes)))
    }
    // The next item follows after 、, or after 、X、 where X abbreviates a state no form names (中、俄、巴、印四国: 巴 is
    // Brazil here, Pakistan elsewhere); the items named are the mentions.
    func follows(_ k: Int) -> Bool {
      let end = free[k].end
      switch free[k + 1].start - end {
      case 3: return Self.equal(bytes, end, Self.enumerationComma)
      case 9:
        return Self.equal(bytes, end, Self.enumerationComma) && Self.equal(bytes, end + 6, Self.enumerationComma)
          && Self.threeByteValue(bytes, at: end + 3).map(Self.formlessStateAbbreviations.contains) == true
      default: return false
      }
    }
    var k = 0
    while k < free.count {
      var last = k
      while last + 1 < free.count, alone(last), alone(last + 1), follows(last) { last += 1 }
      if last > k, Self.closesEnumeration(bytes, after: free[last].end) {
        for item in free[k...last] {
          result.append(ScannedMention(entity: item.entity, start: item.start, end: item.end))
        }
      }
      k = last + 1
    }
  }

  static let enumerationComma = Array("、".utf8)
  /// One-character abbreviations of states that are no form (each starts too many words to count in runs), as
  /// enumerations list them: 巴 西 葡 荷 比 瑞 波 土 以 伊 沙 埃 墨 缅 老 马 文 孟 阿 挪 丹 芬 希 匈 捷 奥 智 秘.
  static let formlessStateAbbreviations = BMPScalarSet("巴西葡荷比瑞波土以伊沙埃墨缅老马文孟阿挪丹芬希匈捷奥智秘")
  static let enumerationClosers = ["等", "两国", "三国", "四国", "五国", "六国", "各国"].map { Array($0.utf8) }

  static func closesEnumeration(_ bytes: UnsafeBufferPointer<UInt8>, after offset: Int) -> Bool {
    enumerationClosers.contains { equal(bytes, offset, $0) }
  }

  /// Applies the context rules to one run of one-character forms and emits its mentions.
  private func resolve(
    _ original: [(start: Int, end: Int, entity: Int, scalar: Unicode.Scalar)], bytes: UnsafeBufferPointer<UInt8>,
    into result: inout [ScannedMention], ungrouped: inout [UngroupedRun]
  ) {
    guard original.count >= 2 else { return }
    var run = original[...]
    // A date: 16日美国 / 5日中… / 今日美欧 — 日 right after a numeral or a day word is the day, not Japan. (The
    // day words are no non-entity words: 表明日本, 当前日本 and 近日本 read 日本.)
    if let first = run.first, first.scalar == "日", first.start > 0, Self.startsADay(at: first.start, in: bytes) {
      run = run.dropFirst()
    }
    // 中 opening a run right after a noun is "in …" (体系中日美…): accept it only after a boundary or a
    // function word.
    if let first = run.first, first.scalar == "中", first.start > 0,
      !Self.opensCompound(Self.scalar(before: first.start, in: bytes))
    {
      run = run.dropFirst()
    }
    // 新 (New Zealand) is too common a word (新一轮, 新时代): at the end of a run it counts only right after 澳
    // (澳新) or before something that is not an ideograph (美英澳加新“五眼联盟”).
    if let last = run.last, last.scalar == "新", run.count >= 2 {
      let afterAustralia = run[run.index(run.endIndex, offsetBy: -2)].scalar == "澳"
      let next = last.end < bytes.count ? Self.decodeScalar(bytes, last.end) : " "
      if !afterAustralia && Self.isIdeograph(next) { run = run.dropLast() }
    }
    if let first = run.first, first.scalar == "新" { run = run.dropFirst() }
    guard run.count >= 2 else { return }
    // Distinct members, counted without allocating: most runs are two characters (日美, 中美) and name no grouping.
    var distinct = 0
    for (k, item) in zip(run.indices, run) where !run[run.startIndex..<k].contains(where: { $0.entity == item.entity })
    {
      distinct += 1
    }
    guard distinct >= 2, let first = run.first, let last = run.last else { return }
    if distinct >= Self.smallestGroupingSize {
      let members = Self.sortedMembers(of: run)
      if let grouping = groupingByMembers[members] {
        // 日美印澳四边机制: the alias right after the run already names the grouping.
        if !result.contains(where: { $0.entity == grouping && $0.start == last.end }) {
          result.append(ScannedMention(entity: grouping, start: first.start, end: last.end))
        }
      } else {
        ungrouped.append(UngroupedRun(start: first.start, end: last.end, members: members))
      }
    }
    for item in run { result.append(ScannedMention(entity: item.entity, start: item.start, end: item.end)) }
  }

  /// The distinct entities of a run, sorted: the key of `groupingByMembers` (one allocation, for a lookup made on
  /// every run of three states or more).
  private static func sortedMembers(of run: ArraySlice<(start: Int, end: Int, entity: Int, scalar: Unicode.Scalar)>)
    -> [Int]
  {
    var members: [Int] = []
    members.reserveCapacity(run.count)
    for item in run where !members.contains(item.entity) { members.append(item.entity) }
    members.sort()
    return members
  }

  /// A scalar as alias keys hold it: ASCII capitals lower-cased.
  static func foldedScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar
  }

  /// Bit `min(length, 63)`: the lengths (in scalars) of the actor keys that start with a scalar.
  static func lengthBit(_ length: Int) -> UInt64 { 1 << UInt64(min(max(length, 0), 63)) }

  /// Actor aliases inside `name` from byte `offset` on, leftmost-longest, never `name` itself; Latin pieces only
  /// at word boundaries (`US` is not inside `USA`). `keyLengths` holds, per first scalar of an actor's key, the
  /// lengths of such keys (`lengthBit`).
  static func embeddedActors(
    in name: String, after offset: Int, actorByKey: [String: Int], keyLengths: [Unicode.Scalar: UInt64], longest: Int
  ) -> [(Int, Int, Int)] {
    let scalars = Array(name.unicodeScalars)
    let isWhitespace = scalars.map(\.properties.isWhitespace)
    var starts: [Int] = []
    var position = 0
    for scalar in scalars {
      starts.append(position)
      position += String(scalar).utf8.count
    }
    starts.append(position)
    func isWord(_ index: Int) -> Bool {
      guard scalars.indices.contains(index), scalars[index].isASCII else { return false }
      return isWordByte(UInt8(scalars[index].value))
    }
    var found: [(Int, Int, Int)] = []
    var i = starts.firstIndex(where: { $0 >= offset }) ?? scalars.count
    while i < scalars.count - 1 {
      // Most characters start no actor's alias, and from the others only pieces as long as such an alias are made
      // and looked up. A piece that starts or ends with white space is never one: the actor is found without it.
      let lengths = isWhitespace[i] ? 0 : keyLengths[Self.foldedScalar(scalars[i])] ?? 0
      guard lengths != 0 else {
        i += 1
        continue
      }
      var match: (end: Int, entity: Int)?
      var j = min(scalars.count, i + longest)
      while j >= i + 2 {
        if lengths & Self.lengthBit(j - i) != 0, !isWhitespace[j - 1],
          !(i == 0 && j == scalars.count), !(isWord(i) && isWord(i - 1)), !(isWord(j - 1) && isWord(j))
        {
          var piece = String.UnicodeScalarView()
          piece.append(contentsOf: scalars[i..<j])
          if let entity = actorByKey[Lexicon.aliasKey(String(piece))] {
            match = (j, entity)
            break
          }
        }
        j -= 1
      }
      if let match {
        found.append((starts[i], starts[match.end] - starts[i], match.entity))
        i = match.end
      } else {
        i += 1
      }
    }
    return found
  }

  // MARK: - Byte helpers

  @inline(__always) static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  /// `US`, `EU`, `ARF`, `NATO`, `ASEAN`: capitals (and digits) only, at most five bytes; matched exactly, so
  /// that `us` in English prose or `mofa`/`nato` in a footnote's URL is not a mention.
  static func isShortAcronym(_ bytes: [UInt8]) -> Bool {
    bytes.count <= 5 && bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
      && bytes.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }
  }

  /// A lower-case Latin word between `start` and `end` reads as prose: after the start, a space or a non-ASCII
  /// character, and not followed by URL punctuation.
  static func standsInProse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    if start > 0 {
      let before = bytes[start - 1]
      guard before == 0x20 || before == 0x09 || before == 0x0A || before == 0x28 || before >= 0x80 else { return false }
    }
    if end < bytes.count, "/_=?&#%".utf8.contains(bytes[end]) { return false }
    return true
  }

  /// A Latin match inside a URL or a file path names nothing: `…/Spotlight/Japan-lifts-…`,
  /// `NCAFP-U.S.-Japan-Report-2023.pdf`, or a URL that extraction spaced out (`uploads / 2021 / 01 /
  /// ASEAN-Outlook-on-the-Indo-Pacific_FINAL_`). The word the match is in (printable ASCII without spaces) holds a
  /// `/`, a `_` or a `@`, or follows a `/` across spaces.
  static func insideURL(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    func inWord(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
    func marksPath(_ byte: UInt8) -> Bool { byte == 0x2F || byte == 0x5F || byte == 0x40 }
    var low = start
    while low > 0, start - low < 1024, inWord(bytes[low - 1]) {
      low -= 1
      if marksPath(bytes[low]) { return true }
    }
    var high = end
    while high < bytes.count, high - end < 1024, inWord(bytes[high]) {
      if marksPath(bytes[high]) { return true }
      high += 1
    }
    for k in start..<end where marksPath(bytes[k]) { return true }
    var before = low - 1
    while before >= 0, bytes[before] == 0x20 { before -= 1 }
    return before >= 0 && before < low - 1 && bytes[before] == 0x2F
  }

  static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ expected: [UInt8]) -> Bool {
    guard start >= 0, start + expected.count <= bytes.count else { return false }
    for k in 0..<expected.count where bytes[start + k] != expected[k] { return false }
    return true
  }

  static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Unicode.Scalar {
    var iterator = bytes[start...].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"
  }

  /// The scalar that ends right before `offset`.
  static func scalar(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
    var start = offset - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    guard start >= 0 else { return " " }
    return decodeScalar(bytes, start)
  }

  static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0xFF10 && scalar.value <= 0xFF19)
      || "〇一二三四五六七八九十两廿卅".unicodeScalars.contains(scalar)
  }

  /// Characters that make a following 日 a day: 今日, 昨日, 明日, 次日, 当日, 同日, 每日, 近日, 节日, 翌日, 终日 …
  static let dayWordStarts: Set<Unicode.Scalar> = Set("今昨明次当同每近节时末翌前终连".unicodeScalars)

  /// Words that end in a day word's first character without making a day of the 日 after them: 迄今日澳两国 (so far,
  /// Japan and Australia), 首次日美菲 (the first Japan–US–Philippines …).
  static let wordsEndingInDayWordStarts: Set<String> = [
    "迄今", "至今", "如今", "现今", "当今", "首次", "再次", "此次", "这次", "多次", "本次", "上次", "历次", "每次", "屡次",
    "其次", "依次", "一次", "两次", "该次", "层次",
  ]

  /// Whether the 日 at `offset` is a day: after a numeral (16日, 十五日), or a day word (今日, 次日, 近日) that is not
  /// the end of another word (迄今, 首次).
  static func startsADay(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let before = scalar(before: offset, in: bytes)
    if isNumeral(before) { return true }
    guard dayWordStarts.contains(before) else { return false }
    let beforeStart = offset - UTF8.width(before)
    guard beforeStart > 0 else { return true }
    var word = String(scalar(before: beforeStart, in: bytes))
    word.unicodeScalars.append(before)
    return !wordsEndingInDayWordStarts.contains(word)
  }

  static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool { CharClass.isHan(scalar.value) }

  /// Characters after which a run may start with 中: anything that is not a CJK ideograph, a function word, or a verb
  /// that takes states as its object.
  static func opensCompound(_ scalar: Unicode.Scalar) -> Bool {
    if !CharClass.isHan(scalar.value) { return true }
    // And verbs that take a pair of states as their object (受中美竞争, 管控中日博弈, 捆绑中俄, 重回中美平衡).
    return "在与和及的对了是为将于从而即或同由向使让等就把被也都又并且以至到给跟因令称各促推进动强化展开与受控绑压回拉逼迫挑离避据涉"
      .unicodeScalars.contains(scalar)
  }
}

/// A set of scalars of the Basic Multilingual Plane as a bitmap: one load and one test a lookup, for the sets the
/// scanner consults on every hit (a `Set` hashes each scalar).
struct BMPScalarSet: Sendable {
  private let bits: [UInt64]

  init(_ scalars: String) {
    var bits = [UInt64](repeating: 0, count: 1024)
    for scalar in scalars.unicodeScalars where scalar.value < 0x1_0000 {
      bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
    }
    self.bits = bits
  }

  func contains(_ value: UInt32) -> Bool {
    value < 0x1_0000 && bits.withUnsafeBufferPointer { $0[Int(value >> 6)] } & (1 << UInt64(value & 63)) != 0
  }
}
