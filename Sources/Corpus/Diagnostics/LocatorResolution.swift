//! What a locator points to in a paper: the passages it covers, or why it points nowhere.

/// A locator resolved against one paper.
enum LocatorResolution: Equatable {
  /// The passages covered (paragraphs, a footnote; a section's headings and paragraphs).
  case passages([PassageID])
  /// A raw line range (1-based, inclusive), with the passages it touches (title, abstracts, keywords, author note,
  /// paragraphs, headings, footnotes).
  case lines(first: Int, last: Int, passages: [PassageID])
  /// Not checkable (a page number).
  case unchecked
  /// Unreadable locator; the parser said why.
  case invalid(String)
  /// Readable but past the end; the message fragment says what the document has.
  case outOfRange(String, suggestions: [String])

  static func resolve(_ locator: Locator, in paper: Paper) -> LocatorResolution {
    switch locator.kind {
    case .paragraphs(let first, let last):
      let count = paper.paragraphs.count
      guard last <= count else {
        return .outOfRange(
          count == 1 ? "it has 1 paragraph" : "it has \(count) paragraphs", suggestions: count > 0 ? ["¶\(count)"] : [])
      }
      return .passages((first...last).map { PassageID.paragraph($0) })
    case .footnote(let number):
      let count = paper.footnotes.count
      guard number <= count else {
        return .outOfRange(
          count == 0 ? "it has no footnotes" : count == 1 ? "it has 1 footnote" : "it has \(count) footnotes",
          suggestions: count > 0 ? ["fn. \(count)"] : [])
      }
      return .passages([.footnote(number)])
    case .section(let parts):
      guard let section = findSection(parts, in: paper) else {
        let numberings = sectionPaths(in: paper)
        let listed = numberings.prefix(12).map { "§" + $0 }.joined(separator: ", ")
        let what = numberings.isEmpty ? "it has no numbered sections" : "its sections are \(listed)"
        return .outOfRange(what, suggestions: Suggestions.nearest(to: parts.joined(), in: numberings).map { "§" + $0 })
      }
      // A section covers its own heading, its subsections' headings and all their paragraphs.
      let target = paper.sections[section]
      var covered = subsections(of: section, in: paper).filter { paper.sections[$0].heading != nil }.map {
        PassageID.heading($0)
      }
      if target.firstParagraph <= target.lastParagraph {
        covered += (target.firstParagraph...target.lastParagraph).map { PassageID.paragraph($0) }
      }
      return .passages(covered)
    case .lines(let first, let last):
      let count = paper.rawLineCount
      guard last <= count else {
        return .outOfRange(count == 1 ? "it has 1 line" : "it has \(count) lines", suggestions: [])
      }
      let lines = paper.rawLines
      let rawStart = lines.lineStart(first - 1)
      let rawEnd = lines.lineEnd(last - 1)
      let span = TextRange(start: rawStart, end: max(rawEnd, rawStart + 1))
      // Every passage the lines touch: line ranges reach the front and back matter and footnotes too.
      var touched: [PassageID] = []
      if let title = paper.titlePassage, title.rawRange.intersects(span) { touched.append(.title) }
      if let abstract = paper.abstractPassage, abstract.rawRange.intersects(span) { touched.append(.abstract) }
      if paper.keywordsPassage?.rawRange.intersects(span) ?? false { touched.append(.keywords) }
      if paper.authorNotePassage?.rawRange.intersects(span) ?? false { touched.append(.authorNote) }
      for (index, section) in paper.sections.enumerated()
      where section.heading?.rawRange.intersects(span) ?? false {
        touched.append(.heading(index))
      }
      touched += paper.paragraphs.filter { $0.passage.rawRange.intersects(span) }.map { .paragraph($0.number) }
      touched += paper.footnotes.filter { $0.passage.rawRange.intersects(span) }.map { .footnote($0.number) }
      if paper.englishTitlePassage?.rawRange.intersects(span) ?? false { touched.append(.englishTitle) }
      if paper.englishAbstractPassage?.rawRange.intersects(span) ?? false { touched.append(.englishAbstract) }
      return .lines(first: first, last: last, passages: touched)
    case .page:
      return .unchecked
    case .invalid(let why):
      return .invalid(why)
    }
  }

  /// Passages the locator covers (empty when unchecked or unresolved).
  var coveredPassages: [PassageID] {
    switch self {
    case .passages(let ids): return ids
    case .lines(_, _, let passages): return passages
    default: return []
    }
  }

  var isResolved: Bool {
    switch self {
    case .passages, .lines: return true
    default: return false
    }
  }

  /// The section and every section nested in it, in order.
  static func subsections(of section: Int, in paper: Paper) -> [Int] {
    guard paper.sections.indices.contains(section) else { return [] }
    let level = paper.sections[section].level
    var result = [section]
    var next = section + 1
    while next < paper.sections.count, paper.sections[next].level > level {
      result.append(next)
      next += 1
    }
    return result
  }

  /// `（一）`, `(一)` and `一` compare alike; so do full- and half-width parentheses.
  static func normalizedNumbering(_ numbering: String) -> String {
    String(numbering.map { $0 == "(" ? "（" : $0 == ")" ? "）" : $0 }).trimmingCharacters(in: "、.．。 ")
  }

  /// The numbering path of every section from the outermost (`二（一）`).
  static func sectionPaths(in paper: Paper) -> [String] {
    paper.sections.indices.map { path(of: $0, in: paper).joined() }
  }

  static func path(of section: Int, in paper: Paper) -> [String] {
    var parts: [String] = []
    var current: Int? = section
    var guardCount = 0
    while let index = current, paper.sections.indices.contains(index), guardCount < 16 {
      parts.insert(normalizedNumbering(paper.sections[index].numbering), at: 0)
      current = paper.sections[index].parent
      guardCount += 1
    }
    return parts
  }

  /// The section a path names: the full path, else (for one part) the outermost section with that numbering,
  /// else a section whose own numbering is the last part and whose ancestors include the others.
  /// Numbers are compared by value when the numberings differ in script: `§3` or `§2(1)` for `三`, `二（一）`.
  static func findSection(_ parts: [String], in paper: Paper) -> Int? {
    let wanted = parts.map(normalizedNumbering)
    let paths = paper.sections.indices.map { path(of: $0, in: paper) }
    if let found = findSection(wanted, paths: paths, in: paper) { return found }
    return findSection(wanted.map(numberValue), paths: paths.map { $0.map(numberValue) }, in: paper)
  }

  /// A numbering part with its number written in Arabic digits (`三` → `3`, `（十二）` → `（12）`); unchanged when it
  /// is not a number.
  static func numberValue(_ part: String) -> String {
    var text = Substring(part)
    let parenthesised = text.first == "（" && text.last == "）" && text.count > 2
    if parenthesised { text = text.dropFirst().dropLast() }
    var value: Int? = Int(text)
    if value == nil {
      var total = 0
      var digit = 0
      for character in text {
        if let number = chineseDigits[character] {
          digit = number
        } else if character == "十" || character == "百" {
          total += max(digit, 1) * (character == "十" ? 10 : 100)
          digit = 0
        } else {
          return part
        }
      }
      value = text.isEmpty ? nil : total + digit
    }
    guard let value else { return part }
    return parenthesised ? "（\(value)）" : "\(value)"
  }

  private static let chineseDigits: [Character: Int] = [
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]

  private static func findSection(_ wanted: [String], paths: [[String]], in paper: Paper) -> Int? {
    if let exact = paths.firstIndex(of: wanted) { return exact }
    if wanted.count == 1 {
      let candidates = paper.sections.indices.filter { paths[$0].last == wanted[0] }
      return candidates.min { paper.sections[$0].level < paper.sections[$1].level }
    }
    return paths.firstIndex {
      $0.last == wanted.last && $0.count >= wanted.count && $0.suffix(wanted.count).elementsEqual(wanted)
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    var scalars = Substring(self)
    while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
    while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
    return String(scalars)
  }
}

extension PassageID {
  /// How a note cites this passage: `¶12`, `fn. 3` (`abstract`, `title`, … for those no paper-free locator names).
  var locatorText: String { citableLocatorText ?? name }

  /// The locator a citation can use for this passage without knowing its paper: `¶12`, `fn. 3`; nil for the
  /// abstract, title, keywords and author note (no locator names them) and for a heading (see
  /// `Paper.citableLocator(for:)`, which gives its `§`).
  var citableLocatorText: String? {
    switch self {
    case .paragraph(let number): return "¶\(number)"
    case .footnote(let number): return "fn. \(number)"
    case .abstract, .title, .heading, .keywords, .authorNote, .englishAbstract, .englishTitle: return nil
    }
  }

  /// What the passage is, in a message: `paragraph`, `title`, `heading`, `author note`.
  var name: String {
    switch self {
    case .paragraph: return "paragraph"
    case .footnote: return "footnote"
    case .abstract: return "abstract"
    case .title: return "title"
    case .heading: return "heading"
    case .keywords: return "keywords"
    case .authorNote: return "author note"
    case .englishAbstract: return "English abstract"
    case .englishTitle: return "English title"
    }
  }
}

extension Paper {
  /// The locator a citation can use for a passage: `¶12`, `fn. 3`, the section's `§二（一）` for a heading; nil
  /// for the abstract, title, keywords and author note.
  public func citableLocator(for passage: PassageID) -> String? {
    guard case .heading(let section) = passage else { return passage.citableLocatorText }
    guard sections.indices.contains(section) else { return nil }
    return "§" + LocatorResolution.path(of: section, in: self).joined()
  }

  /// How a passage is named to the analyst: its locator, else `title`, `abstract`, `keywords`, `author note`.
  public func locatorLabel(for passage: PassageID) -> String { citableLocator(for: passage) ?? passage.name }
}
