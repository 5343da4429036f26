//! Discovery of candidate entities in the corpus: quoted terms, 《titles》, abbreviation definitions,
//! office + name patterns and compound abbreviations of states.

public enum Discovery {
  /// Suffixes that make a quoted term or title a mechanism even when it occurs once.
  static let mechanismSuffixes = [
    "倡议", "机制", "战略", "构想", "对话", "协定", "协议", "峰会", "愿景", "计划", "框架", "伙伴关系", "同盟", "联盟",
    "条约", "宣言", "声明", "大纲", "宪章", "论坛", "会议", "合作", "走廊", "网络", "基金", "演习", "原则", "法案",
    "战略概念", "共同体",
  ]
  /// Suffixes of organisations (for abbreviation definitions).
  static let organisationSuffixes = ["组织", "银行", "机构", "委员会", "中心", "集团", "协会", "联合会", "理事会", "署", "省", "厅"]
  /// Offices that precede a person's name.
  static let offices = [
    "首相", "总理", "外相", "外务大臣", "防卫大臣", "防卫相", "防相", "官房长官", "总统", "副总统", "国务卿", "国防部长",
    "外长", "外交部长", "秘书长", "国家安全顾问", "主席", "大使",
  ]
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
  public static func discover(in papers: [Paper], known: [Entity]) -> [Entity] {
    var knownAliases = Set<String>()
    for entity in known { for alias in entity.aliases { knownAliases.insert(Lexicon.aliasKey(alias)) } }
    var found: [String: Candidate] = [:]
    var order: [String] = []
    func note(_ name: String, kind: EntityKind, alias: String? = nil, members: [String] = [], weight: Int = 1) {
      let key = Lexicon.aliasKey(name)
      guard !key.isEmpty else { return }
      if found[key] == nil {
        found[key] = Candidate(name: name, kind: kind, aliases: [], members: members, count: 0)
        order.append(key)
      }
      found[key]?.count += weight
      if let alias, found[key]?.aliases.contains(alias) == false { found[key]?.aliases.append(alias) }
      if found[key]?.kind != .mechanism, kind == .mechanism { found[key]?.kind = kind }
    }

    let corpusText = papers.flatMap { $0.paragraphs.map(\.text) }
    for text in corpusText {
      let scalars = Array(text.unicodeScalars)
      // “quoted” terms and 《titles》.
      for (open, close, isTitle) in [("“", "”", false), ("「", "」", false), ("《", "》", true)] as [(Unicode.Scalar, Unicode.Scalar, Bool)] {
        var i = 0
        while i < scalars.count {
          guard scalars[i] == open else { i += 1; continue }
          var j = i + 1
          while j < scalars.count, j - i <= 24, scalars[j] != close, scalars[j] != open { j += 1 }
          guard j < scalars.count, scalars[j] == close else { i += 1; continue }
          let term = String(String.UnicodeScalarView(scalars[(i + 1)..<j]))
          i = j + 1
          guard isPlausibleTerm(term), !knownAliases.contains(Lexicon.aliasKey(term)) else { continue }
          let mechanism = hasMechanismSuffix(term)
          // Titles name documents: only those that are instruments (…战略, …协定) are candidates. Short
          // unsuffixed quoted words (软件, 脱钩) are emphasis, not entities.
          if mechanism || (!isTitle && term.unicodeScalars.count >= 3) {
            note(term, kind: mechanism ? .mechanism : EntityKind(rawValue: "term"), weight: 1)
          }
          // An abbreviation right after the closing mark: “自由开放的印太”（FOIP）.
          if let abbreviation = abbreviation(in: scalars, at: j + 1),
            !knownAliases.contains(Lexicon.aliasKey(abbreviation))
          {
            note(term, kind: .mechanism, alias: abbreviation, weight: 2)
          }
        }
      }
      // Unquoted abbreviation definitions: 日本国际协力银行（JBIC）, when the term names an organisation or mechanism.
      var k = 0
      while k < scalars.count {
        if scalars[k] == "（" || scalars[k] == "(", k > 0, let abbreviation = abbreviation(in: scalars, at: k),
          !knownAliases.contains(Lexicon.aliasKey(abbreviation))
        {
          let term = precedingTerm(in: scalars, before: k)
          if term.unicodeScalars.count >= 3, !knownAliases.contains(Lexicon.aliasKey(term)),
            hasSuffix(term, mechanismSuffixes) || hasSuffix(term, organisationSuffixes)
          {
            note(term, kind: hasSuffix(term, organisationSuffixes) ? .actor : .mechanism, alias: abbreviation, weight: 2)
          }
        }
        k += 1
      }
      // Office + name: 外相林芳正.
      for office in offices {
        var searchStart = text.startIndex
        while let range = text.range(of: office, range: searchStart..<text.endIndex) {
          searchStart = range.upperBound
          let name = nameAfter(text[range.upperBound...])
          guard let name, !knownAliases.contains(Lexicon.aliasKey(name)) else { continue }
          note(name, kind: .actor, weight: 1)
        }
      }
    }

    var result: [Entity] = []
    for key in order {
      guard let candidate = found[key] else { continue }
      let isMechanism = candidate.kind == .mechanism
      let required = isMechanism || candidate.kind == .actor || !candidate.aliases.isEmpty ? 1 : 2
      guard candidate.count >= required else { continue }
      if candidate.kind == .actor, candidate.aliases.isEmpty {
        // A name after an office must also occur elsewhere in the corpus: one sighting may be a misreading.
        let occurrences = corpusText.reduce(0) { $0 + ($1.components(separatedBy: candidate.name).count - 1) }
        if occurrences < 2 { continue }
      }
      result.append(
        Entity(
          id: "discovered-" + Lexicon.slug(candidate.name), kind: candidate.kind, name: candidate.name,
          aliases: candidate.aliases, members: candidate.members, source: .discovered))
    }
    return result
  }

  struct Candidate {
    var name: String
    var kind: EntityKind
    var aliases: [String]
    var members: [String]
    var count: Int
  }

  static func hasSuffix(_ term: String, _ suffixes: [String]) -> Bool {
    suffixes.contains { term.hasSuffix($0) && term.unicodeScalars.count >= $0.unicodeScalars.count + 2 }
  }

  static func hasMechanismSuffix(_ term: String) -> Bool { hasSuffix(term, mechanismSuffixes) }

  /// A quoted term worth keeping: 2–16 scalars, no sentence punctuation, not a number.
  static func isPlausibleTerm(_ term: String) -> Bool {
    let count = term.unicodeScalars.count
    guard count >= 2, count <= 16 else { return false }
    let forbidden: Set<Unicode.Scalar> = ["，", "。", "；", "！", "？", ",", ";", "：", "、", "“", "”"]
    if term.unicodeScalars.contains(where: { forbidden.contains($0) }) { return false }
    if term.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "." }) { return false }
    if term.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) { return false }  // Japanese
    return true
  }

  /// `（FOIP）` or `(ADMM-Plus)` at `index`: 2–10 capitals, digits, `+`, `-`, starting with a capital.
  static func abbreviation(in scalars: [Unicode.Scalar], at index: Int) -> String? {
    guard index < scalars.count, scalars[index] == "（" || scalars[index] == "(" else { return nil }
    var j = index + 1
    var text = ""
    while j < scalars.count, j - index <= 12, scalars[j] != "）", scalars[j] != ")" {
      text.unicodeScalars.append(scalars[j])
      j += 1
    }
    guard j < scalars.count, let first = text.unicodeScalars.first, first.value >= 0x41, first.value <= 0x5A else {
      return nil
    }
    let allowed = text.unicodeScalars.allSatisfy {
      ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39)
        || $0 == "+" || $0 == "-"
    }
    let capitals = text.unicodeScalars.filter { $0.value >= 0x41 && $0.value <= 0x5A }.count
    return allowed && capitals >= 2 && text.count >= 2 && text.count <= 10 ? text : nil
  }

  /// The CJK term right before an opening parenthesis, cut after function words and punctuation.
  static func precedingTerm(in scalars: [Unicode.Scalar], before index: Int) -> String {
    let stops: Set<Unicode.Scalar> = ["的", "与", "和", "及", "在", "了", "是", "对", "将", "等", "、", "，", "。", "“", "”", "过",
                                      "于", "由", "为", "把", "被", "向", "从", "以", "其", "并", "即", "推", "动", "进"]
    var start = index
    while start > 0, index - start < 12 {
      let scalar = scalars[start - 1]
      let ideograph = scalar.value >= 0x4E00 && scalar.value <= 0x9FFF
      if !ideograph || stops.contains(scalar) { break }
      start -= 1
    }
    return String(String.UnicodeScalarView(scalars[start..<index]))
  }

  /// A person's name right after an office: 2–6 scalars (CJK or transliterated with ·), cut at a stop word.
  static func nameAfter(_ text: Substring) -> String? {
    var name = ""
    var count = 0
    var rest = text
    while let scalar = rest.unicodeScalars.first, count < 7 {
      if nameStops.contains(where: { rest.hasPrefix($0) }) { break }
      let ideograph = scalar.value >= 0x4E00 && scalar.value <= 0x9FFF
      guard ideograph || scalar == "·" else { break }
      name.unicodeScalars.append(scalar)
      count += 1
      rest = rest.dropFirst()
    }
    guard count >= 2, count <= 6, !notNames.contains(name), !offices.contains(where: { name.hasPrefix($0) }) else {
      return nil
    }
    if let scalar = rest.unicodeScalars.first, scalar.value >= 0x4E00, scalar.value <= 0x9FFF,
      !nameStops.contains(where: { rest.hasPrefix($0) })
    {
      return nil  // the name ran on into more text: not sure where it ends
    }
    return name
  }
}
