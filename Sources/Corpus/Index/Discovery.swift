//! Discovery of candidate entities in the corpus: quoted terms, 《titles》, abbreviation definitions and
//! office + name patterns. (Compound abbreviations of states are discovered from the mention scan's own runs:
//! `DiscoveredGroupings`.)

import Foundation

public enum Discovery {
  /// Suffixes that make a quoted term or title a mechanism even when it occurs once.
  static let mechanismSuffixes = [
    "倡议", "机制", "战略", "构想", "对话", "协定", "协议", "峰会", "愿景", "计划", "框架", "伙伴关系", "同盟", "联盟",
    "条约", "宣言", "声明", "大纲", "宪章", "论坛", "会议", "合作", "走廊", "网络", "基金", "演习", "原则", "法案",
    "战略概念", "共同体",
  ]
  /// Posts at an institute: a quoted name right before one is the institute's (“太平洋论坛”高级顾问).
  static let institutePosts: [[UInt8]] = ["高级顾问", "高级研究员", "研究员", "所长", "院长", "教授", "学者", "专家"].map { Array($0.utf8) }

  /// Suffixes of organisations (for abbreviation definitions).
  static let organisationSuffixes = ["组织", "银行", "机构", "委员会", "中心", "集团", "协会", "联合会", "理事会", "署", "省", "厅"]
  /// Offices that precede a person's name.
  static let offices = [
    "首相", "总理", "外相", "外务大臣", "防卫大臣", "防卫相", "防相", "官房长官", "总统", "副总统", "国务卿", "国防部长",
    "外长", "外交部长", "秘书长", "国家安全顾问", "主席", "大使", "经济产业大臣", "大臣", "局长", "幕僚长",
    "参谋长", "总司令", "司令官", "审议官", "次长",
  ]
  static let officeBytes = offices.map { Array($0.utf8) }
  /// Words that end a name after an office.
  static let nameStops: [String] = [
    "表示", "指出", "认为", "强调", "提出", "宣布", "发表", "称", "在", "于", "与", "和", "及", "对", "的", "会见", "访问",
    "出席", "举行", "就", "将", "也", "曾", "等", "率", "共同", "政府", "内阁", "时期", "执政", "上台", "任内", "访", "以",
    "为", "是", "提", "所", "向", "同", "帮助", "签署", "宣称", "还", "则", "并", "即",
  ]
  static let notNames: Set<String> = [
    "官邸", "身份", "任期", "职位", "期间", "一职", "助理", "辅佐官", "府", "国家", "大选", "会谈", "会议", "会晤", "对话",
    "首脑", "级别", "人选", "候选人", "访华", "访日", "访美", "讲话", "演讲", "声明",
  ]

  /// Candidates found in the papers, conservative by design; aliases already known are skipped.
  /// Runs over UTF-8 bytes, one paper per task, so it costs a small fraction of the mention scan.
  public static func discover(in papers: [Paper], known: [Entity]) -> [Entity] {
    var knownAliases = Set<String>()
    for entity in known { for alias in entity.aliases { knownAliases.insert(Lexicon.aliasKey(alias)) } }
    let frozenKnown = KnownAliasKeys(knownAliases)
    let officeWords = WordsByFirstCharacter(officeBytes)
    let stops = nameStops.map { Array($0.utf8) }

    let tallies = ConcurrentResults<Tally>(count: papers.count)
    DispatchQueue.concurrentPerform(iterations: papers.count) { paperIndex in
      var tally = Tally()
      for paragraph in papers[paperIndex].paragraphs {
        var text = paragraph.passage.text
        text.withUTF8 { bytes in
          collect(ByteText(bytes: bytes), offices: officeWords, stops: stops, known: frozenKnown, into: &tally)
        }
      }
      // A name seen after an office must occur again in the same paper: one sighting may be a misreading. A name
      // seen after two offices already has (sightings never overlap), and is not searched for.
      let unconfirmed = tally.candidates.indices.filter {
        tally.candidates[$0].kind == .actor && tally.candidates[$0].aliases.isEmpty && tally.candidates[$0].count < 2
      }
      let names = unconfirmed.map { Array(tally.candidates[$0].name.utf8) }
      let counts = occurrences(of: names, in: papers[paperIndex], atMost: 2)
      for (index, count) in zip(unconfirmed, counts) where count < 2 { tally.candidates[index].count = 0 }
      tallies.set(paperIndex, tally)
    }
    var merged = Tally()
    for tally in tallies.values { if let tally { merged.absorb(tally) } }

    var result: [Entity] = []
    for candidate in merged.candidates {
      let isMechanism = candidate.kind == .mechanism
      let required = isMechanism || candidate.kind == .actor || !candidate.aliases.isEmpty ? 1 : 2
      guard candidate.count >= required else { continue }
      result.append(
        Entity(
          id: "discovered-" + Lexicon.slug(candidate.name), kind: candidate.kind, name: candidate.name,
          aliases: candidate.aliases, source: .discovered))
    }
    return result
  }

  /// How many times each of `needles` occurs in the passages of `paper`, counted from the left without overlapping
  /// and up to `limit`. Each needle is looked for by one of its bytes with `memchr`, and its search stops at `limit`:
  /// a name seen after an office is usually seen again within a few paragraphs.
  static func occurrences(of needles: [[UInt8]], in paper: Paper, atMost limit: Int) -> [Int] {
    var counts = [Int](repeating: 0, count: needles.count)
    guard !needles.isEmpty else { return counts }
    paper.forEachPassage { _, passage in
      guard counts.contains(where: { $0 < limit }) else { return }
      var text = passage.text
      text.withUTF8 { bytes in
        for (number, needle) in needles.enumerated() where counts[number] < limit {
          counts[number] += count(needle, in: bytes, atMost: limit - counts[number])
        }
      }
    }
    return counts
  }

  /// Occurrences of `needle` in `text`, from the left without overlapping, up to `limit`. The byte looked for is
  /// the needle's last: in Chinese text a continuation byte, one of 64, where a lead byte (E4–E9) would stop
  /// `memchr` at almost every character. A match of a whole UTF-8 needle in valid UTF-8 is always on character
  /// boundaries.
  static func count(_ needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, atMost limit: Int) -> Int {
    guard let last = needle.last, let base = text.baseAddress, needle.count <= text.count else { return 0 }
    let tail = needle.count - 1
    var found = 0
    var from = tail  // the earliest offset where the needle's last byte can be
    return needle.withUnsafeBufferPointer { needleBytes in
      guard let needleBase = needleBytes.baseAddress else { return 0 }
      while from < text.count, found < limit {
        guard let hit = memchr(base + from, Int32(last), text.count - from) else { break }
        let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        if memcmp(base + (end - needle.count), needleBase, tail) == 0 {
          found += 1
          from = end + tail
        } else {
          from = end
        }
      }
      return found
    }
  }

  /// Candidates of one paper (or merged), in order of first sighting. One hash lookup per sighting.
  struct Tally: Sendable {
    /// Candidate number of each key (`String` equality, hashed without normalising: see `AliasKeyIndex`).
    var indexOf = AliasKeyIndex()
    /// The key of each candidate.
    var keys: [String] = []
    var candidates: [Candidate] = []

    mutating func note(_ name: String, kind: EntityKind, alias: String? = nil, weight: Int = 1) {
      note(key: Lexicon.aliasKey(name), name: name, kind: kind, alias: alias, weight: weight)
    }

    mutating func note(key: String, name: String, kind: EntityKind, alias: String?, weight: Int) {
      guard !key.isEmpty else { return }
      let index: Int
      if let existing = indexOf[key] {
        index = existing
      } else {
        index = candidates.count
        indexOf.set(key, index)
        keys.append(key)
        candidates.append(Candidate(name: name, kind: kind, aliases: [], count: 0))
      }
      candidates[index].count += weight
      if let alias, !candidates[index].aliases.contains(alias) { candidates[index].aliases.append(alias) }
      if kind == .mechanism { candidates[index].kind = kind }
    }

    mutating func absorb(_ other: Tally) {
      for (index, key) in other.keys.enumerated() {
        let candidate = other.candidates[index]
        guard candidate.count > 0 else { continue }
        note(key: key, name: candidate.name, kind: candidate.kind, alias: nil, weight: candidate.count)
        for alias in candidate.aliases {
          note(key: key, name: candidate.name, kind: candidate.kind, alias: alias, weight: 0)
        }
      }
    }
  }

  /// Scans one paragraph's bytes for quoted terms, titles, abbreviation definitions and office + name.
  static func collect(
    _ text: ByteText, offices: WordsByFirstCharacter, stops: [[UInt8]], known: KnownAliasKeys, into tally: inout Tally
  ) {
    var i = 0
    let count = text.count
    let bytes = text.bytes
    // Where office titles end, found on the way (an office is ideographs only): the names after them are noted
    // once the paragraph's terms are, as the tally keeps candidates in order of first sighting.
    var officeEnds: [Int] = []
    while i < count {
      let byte = bytes[i]
      // Han (lead bytes E4–E9) is most of the text: skip each character whole, or the office title it starts.
      if byte >= 0xE4 && byte <= 0xE9 {
        if let end = offices.longestMatch(atThreeByteCharacter: i, in: bytes) {
          officeEnds.append(end)
          i = end
        } else {
          i += 3
        }
        continue
      }
      // Only “ 「 《 （ (lead bytes E2, E3, EF) and ( start anything: skip the rest quickly.
      guard byte == 0xE2 || byte == 0xE3 || byte == 0xEF else {
        if byte == 0x28, i > 0 { unquotedAbbreviation(text, at: i, known: known, into: &tally) }  // (
        i += 1
        continue
      }
      let (value, length) = text.scalar(at: i)
      let close: UInt32
      switch value {
      case 0x201C: close = 0x201D  // “ ”
      case 0x300C: close = 0x300D  // 「 」
      case 0x300A: close = 0x300B  // 《 》
      case 0xFF08:  // （
        if i > 0 { unquotedAbbreviation(text, at: i, known: known, into: &tally) }
        i += length
        continue
      default:
        i += length
        continue
      }
      // Find the closing mark within 24 scalars.
      var j = i + length
      var scalars = 0
      var closed = -1
      while j < count, scalars <= 24 {
        let (inner, innerLength) = text.scalar(at: j)
        if inner == close {
          closed = j
          break
        }
        if inner == value { break }
        j += innerLength
        scalars += 1
      }
      guard closed >= 0 else {
        i += length
        continue
      }
      let after = closed + text.scalar(at: closed).length
      // Only instruments (…战略, …协定, …伙伴关系) and terms defined with an abbreviation are candidates: most
      // quoted terms (“印太”, 小多边, 选边站, 中国威胁论) are emphasis or concepts, and are passed over on their bytes,
      // without making a String of them.
      // Two characters before the suffix name a kind, not an instrument (“平等伙伴关系”, “混合战略”, “芯片联盟”).
      let mechanism = hasSuffix(
        UnsafeBufferPointer(rebasing: bytes[(i + length)..<closed]), mechanismSuffixBytes, before: 3)
      let abbreviation = abbreviation(text, at: after)
      if mechanism || abbreviation != nil, case let term = text.string(i + length, closed), isPlausibleTerm(term) {
        // The term's key is computed once, for the lookup and the tally alike.
        let key = Lexicon.aliasKey(term)
        // A quoted description with 的 (用于保护的同盟) names nothing. Titles may hold 的
        // (《关于加强关键矿物供应链的协议》). A name followed by a scholar's post names an institute (“太平洋论坛”高级
        // 顾问), not a mechanism.
        if mechanism, value == 0x300A || !term.unicodeScalars.contains("的"), !known.contains(key),
          !institutePosts.contains(where: { text.hasPrefix($0, at: after) })
        {
          // Its English name in brackets, as the English sources cite it: “产业共创倡议”（Industrial Co-Creation
          // Initiative）. Only for a new mechanism: a known one's generic English title (National Defense
          // Strategy) may be another state's.
          let english = (abbreviation == nil ? englishName(text, at: after) : nil).flatMap { english in
            known.contains(Lexicon.aliasKey(english.name))
              || institutePosts.contains(where: { text.hasPrefix($0, at: english.end) }) ? nil : english.name
          }
          tally.note(key: key, name: term, kind: .mechanism, alias: english, weight: 1)
        }
        // An abbreviation right after the closing mark: “自由开放的印太”（FOIP）; after a known name it is a new
        // alias of that entity (the merge adds it there).
        if let abbreviation, !known.contains(Lexicon.aliasKey(abbreviation)) {
          tally.note(key: key, name: term, kind: .mechanism, alias: abbreviation, weight: 2)
        }
      }
      // Office titles inside the quotation marks (marks are no ideographs: no title spans one), leftmost-longest.
      let quoted = UnsafeBufferPointer(rebasing: bytes[i..<min(after, count)])
      offices.forEachLeftmostLongest(in: quoted) { _, end in officeEnds.append(i + end) }
      i = after
    }
    // Office + name: 外相林芳正.
    for end in officeEnds {
      if let name = nameAfter(text, from: end, stops: stops), !known.contains(Lexicon.aliasKey(name)) {
        tally.note(name, kind: .actor)
      }
    }
  }

  /// 日本国际协力银行（JBIC）: kept when the term names an organisation or a mechanism.
  static func unquotedAbbreviation(_ text: ByteText, at index: Int, known: KnownAliasKeys, into tally: inout Tally) {
    guard let abbreviation = abbreviation(text, at: index), !known.contains(Lexicon.aliasKey(abbreviation)) else {
      return
    }
    let term = precedingTerm(text, before: index)
    // 战略与国际问题研究中心（CSIS）: a name may hold 与, 和 or 及, where the term search stops; what is left
    // (国际问题研究中心) would be a cut name, so none is noted.
    let termStart = index - term.utf8.count
    if termStart > 0 {
      let conjunction = text.scalar(before: termStart)
      if conjunction.start > 0, nameConjunctions.contains(conjunction.value) {
        let before = text.scalar(before: conjunction.start).value
        if before >= 0x4E00 && before <= 0x9FFF { return }
      }
    }
    guard term.unicodeScalars.count >= 3, !known.contains(Lexicon.aliasKey(term)),
      hasSuffix(term, mechanismSuffixBytes) || hasSuffix(term, organisationSuffixBytes)
    else { return }
    let kind: EntityKind = hasSuffix(term, organisationSuffixBytes) ? .actor : .mechanism
    tally.note(term, kind: kind, alias: abbreviation, weight: 2)
  }

  struct Candidate {
    var name: String
    var kind: EntityKind
    var aliases: [String]
    var count: Int
  }

  static let mechanismSuffixBytes = mechanismSuffixes.map { Array($0.utf8) }
  static let organisationSuffixBytes = organisationSuffixes.map { Array($0.utf8) }

  /// True when `term` ends with one of `suffixes` and has at least two more characters (宣言 alone is no
  /// mechanism). Compared on UTF-8 bytes: this runs for every quoted term of the corpus.
  static func hasSuffix(_ term: String, _ table: [[UInt8]]) -> Bool {
    var term = term
    return term.withUTF8 { hasSuffix($0, table) }
  }

  /// True when `bytes` end with one of `suffixes` and hold at least `before` more CJK characters (counted as
  /// three bytes each).
  static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ table: [[UInt8]], before: Int = 2) -> Bool {
    table.contains { suffix in
      guard bytes.count >= suffix.count + 3 * before else { return false }
      let offset = bytes.count - suffix.count
      for k in 0..<suffix.count where bytes[offset + k] != suffix[k] { return false }
      return true
    }
  }

  /// A quoted term worth keeping: 2–16 scalars, no sentence punctuation, not a number.
  static let forbiddenInTerms: Set<Unicode.Scalar> = ["，", "。", "；", "！", "？", ",", ";", "：", "、", "“", "”"]
  /// Conjunctions that may sit inside a name (战略与国际问题研究中心) as well as between two.
  static let nameConjunctions: Set<UInt32> = Set("与和及".unicodeScalars.map(\.value))
  static let precedingTermStops: Set<UInt32> = Set("的与和及在了是对将等、，。“”过于由为把被向从以其并即推动进".unicodeScalars.map(\.value))

  /// `forbiddenInTerms` as a short list: searched without hashing, for every quoted term of the corpus.
  static let forbiddenValues: [UInt32] = forbiddenInTerms.map(\.value).sorted()

  static func isPlausibleTerm(_ term: String) -> Bool {
    // One pass for the length, the forbidden punctuation and kana; the numeric test only when those pass.
    var count = 0
    for scalar in term.unicodeScalars {
      count += 1
      if count > 16 { return false }
      if (0x3040...0x30FF).contains(scalar.value) { return false }  // Japanese
      if forbiddenValues.contains(scalar.value) { return false }
    }
    guard count >= 2 else { return false }
    if term.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "." }) { return false }
    return true
  }

  /// `（FOIP）` or `(ADMM-Plus)` at `index`: 2–10 letters, digits, `+`, `-`, starting with a capital, with
  /// at least two capitals.
  static func abbreviation(_ text: ByteText, at index: Int) -> String? {
    guard
      let (start, close) = bracketed(text, at: index, upTo: 10, accepting: { byte in
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
          || byte == 0x2B || byte == 0x2D
      })
    else { return nil }
    let capitals = (start..<close).count { text[$0] >= 0x41 && text[$0] <= 0x5A }
    guard close - start >= 2, capitals >= 2, text[start] >= 0x41, text[start] <= 0x5A else { return nil }
    return text.string(start, close)
  }

  /// Where the content of the brackets opening at `index` starts and where the closing bracket is, when they
  /// close within `limit` bytes of content that `accepting` takes byte by byte.
  private static func bracketed(
    _ text: ByteText, at index: Int, upTo limit: Int, accepting: (UInt8) -> Bool
  ) -> (start: Int, close: Int)? {
    let open = text.scalar(at: index)
    guard open.value == 0xFF08 || open.value == 0x28 else { return nil }
    let start = index + open.length
    var j = start
    while j < text.count, j - start <= limit {
      let byte = text[j]
      if byte == 0x29 || (byte == 0xEF && text.scalar(at: j).value == 0xFF09) { return (start, j) }
      guard accepting(byte) else { return nil }
      j += 1
    }
    return nil
  }

  /// Lower-case words an English name may hold between its capitalised words (Partnership on Sustainable
  /// Connectivity and Quality Infrastructure).
  static let nameFunctionWords: Set<String> = ["of", "on", "and", "for", "the", "between", "in", "to", "with"]

  /// The English name in brackets at `index`, and where the brackets end: two to ten words of letters (a hyphen
  /// inside a word), capitalised but for function words, the first and at least two capitalised. Nil for anything
  /// else: a gloss in lower case (minilateralism), an abbreviation, a date.
  static func englishName(_ text: ByteText, at index: Int) -> (name: String, end: Int)? {
    guard
      let (start, close) = bracketed(text, at: index, upTo: 100, accepting: { byte in
        (byte | 0x20) &- 0x61 < 26 || byte == 0x20 || byte == 0x2D
      })
    else { return nil }
    let name = text.string(start, close)
    let words = name.split(separator: " ", omittingEmptySubsequences: false)
    guard (2...10).contains(words.count) else { return nil }
    var capitalised = 0
    for (number, word) in words.enumerated() {
      guard let first = word.unicodeScalars.first, word.unicodeScalars.last != "-", first != "-" else { return nil }
      if ("A"..."Z").contains(first) {
        capitalised += 1
      } else if number == 0 || !nameFunctionWords.contains(String(word)) {
        return nil
      }
    }
    return capitalised >= 2 ? (name, close + text.scalar(at: close).length) : nil
  }

  /// The CJK term right before an opening parenthesis, cut after function words and punctuation.
  static func precedingTerm(_ text: ByteText, before index: Int) -> String {
    let stops = precedingTermStops
    var start = index
    var scalars = 0
    while start > 0, scalars < 12 {
      let (value, previous) = text.scalar(before: start)
      let ideograph = value >= 0x4E00 && value <= 0x9FFF
      if !ideograph || stops.contains(value) { break }
      start = previous
      scalars += 1
    }
    return text.string(start, index)
  }

  /// A person's name right after an office: 2–6 ideographs (or · in transliterations), cut at a stop word.
  static func nameAfter(_ text: ByteText, from offset: Int, stops: [[UInt8]]) -> String? {
    func stopsAt(_ position: Int) -> Bool {
      stops.contains { stop in
        position + stop.count <= text.count && stop.indices.allSatisfy { text[position + $0] == stop[$0] }
      }
    }
    var position = offset
    var count = 0
    while position < text.count, count < 7 {
      if stopsAt(position) { break }
      let (value, length) = text.scalar(at: position)
      guard (value >= 0x4E00 && value <= 0x9FFF) || value == 0xB7 else { break }
      position += length
      count += 1
    }
    // The cheap tests on bytes first: most office titles are followed by no name at all.
    guard count >= 2, count <= 6 else { return nil }
    if position < text.count, !stopsAt(position) {
      let value = text.scalar(at: position).value
      if value >= 0x4E00 && value <= 0x9FFF { return nil }  // ran on into more text: not sure where it ends
    }
    // A name starts with no office (首相外相…); it holds ideographs and · only, so a prefix of its bytes is a prefix
    // of its characters.
    let startsWithOffice = officeBytes.contains { office in
      office.count <= position - offset && office.indices.allSatisfy { text[offset + $0] == office[$0] }
    }
    guard !startsWithOffice else { return nil }
    let name = text.string(offset, position)
    guard !notNames.contains(name) else { return nil }
    return name
  }
}
