//! Symbols: the outline of a note (headings, citations) and of a corpus file (sections); workspace symbols over
//! documents, sections and entities.

public struct SymbolNode: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case heading, citation, section, footnotes, document, entity
  }

  public var name: String
  public var detail: String?
  public var kind: Kind
  /// The whole extent (a heading to the next one of its level).
  public var range: TextRange
  /// What the editor selects (the heading line, the citation key).
  public var selectionRange: TextRange
  public var children: [SymbolNode]

  public init(
    name: String, detail: String? = nil, kind: Kind, range: TextRange, selectionRange: TextRange,
    children: [SymbolNode] = []
  ) {
    self.name = name
    self.detail = detail
    self.kind = kind
    self.range = range
    self.selectionRange = selectionRange
    self.children = children
  }
}

public struct WorkspaceSymbolEntry: Sendable, Hashable {
  public var name: String
  public var kind: SymbolNode.Kind
  public var container: String?
  public var location: FileRange
}

/// A Markdown heading of a note (ATX or setext).
struct NoteHeading: Sendable, Hashable {
  var level: Int
  var title: String
  /// The heading's lines (a setext heading's text and underline) without the last line break.
  var lineRange: TextRange
}

public enum Symbols {
  // MARK: - Notes

  /// Headings nested by level, each holding the citations under it; citations before any heading at top level.
  public static func noteOutline(index: CorpusIndex, note: NoteSyntax) -> [SymbolNode] {
    let headings = self.headings(in: note)
    let end = note.text.utf8Size
    // Flat nodes with their level (citations get level 7: always children).
    var flat: [(level: Int, node: SymbolNode)] = []
    for (number, heading) in headings.enumerated() {
      let next = headings[(number + 1)...].first { $0.level <= heading.level }
      let extent = TextRange(start: heading.lineRange.start, end: next.map { max(heading.lineRange.end, lastLineEnd(before: $0.lineRange.start, in: note.text)) } ?? end)
      flat.append((heading.level, SymbolNode(name: heading.title.isEmpty ? "#" : heading.title, kind: .heading, range: extent,
                                            selectionRange: heading.lineRange)))
    }
    for citation in note.citations {
      for item in citation.items {
        let detail = index.paper(forKey: item.key).map { FeatureSupport.shortTitle(of: index.papers[$0], limit: 30) }
          ?? "unknown key"
        let name = "@" + item.key + (item.locator.map { ", " + note.text.slice($0.range) } ?? "")
        flat.append((7, SymbolNode(name: name, detail: detail, kind: .citation, range: item.range, selectionRange: item.keyRange)))
      }
    }
    flat.sort { $0.node.range.start != $1.node.range.start ? $0.node.range.start < $1.node.range.start : $0.level < $1.level }
    return nest(flat)
  }

  /// Builds a tree from nodes in start order: a node is a child of the nearest open node of lower level
  /// whose range contains it.
  static func nest(_ flat: [(level: Int, node: SymbolNode)]) -> [SymbolNode] {
    var roots: [SymbolNode] = []
    var stack: [(level: Int, node: SymbolNode)] = []
    func close(_ entry: (level: Int, node: SymbolNode)) {
      if stack.isEmpty { roots.append(entry.node) } else { stack[stack.count - 1].node.children.append(entry.node) }
    }
    for entry in flat {
      while let top = stack.last, top.level >= entry.level || !top.node.range.contains(entry.node.range) {
        stack.removeLast()
        close(top)
      }
      stack.append(entry)
    }
    while let top = stack.popLast() { close(top) }
    return roots
  }

  static func lastLineEnd(before offset: TextSize, in text: String) -> TextSize {
    var end = offset.utf8Offset
    let bytes = Array(text.utf8.prefix(end))
    while end > 0, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return TextSize(end)
  }

  /// Headings outside fenced code, comments and front matter: ATX (`#`…`######` then a space, indented by at most
  /// three spaces) and setext (a paragraph underlined by `===`, level 1, or `---`, level 2).
  static func headings(in note: NoteSyntax) -> [NoteHeading] {
    var lines: [(range: TextRange, text: Substring)] = []
    forEachLine(note.text) { range, line in lines.append((range, line)) }
    var result: [NoteHeading] = []
    // The lines of the paragraph being read (a setext underline turns them into a heading), by index.
    var paragraph: [Int] = []
    for (number, (range, line)) in lines.enumerated() {
      let indent = line.prefix { $0 == " " }.count
      let content = line.dropFirst(indent)
      if note.isIgnored(TextSize(range.start.utf8Offset + indent)) || content.allSatisfy({ $0 == " " || $0 == "\t" }) {
        paragraph = []
        continue
      }
      // Indented by four: a paragraph's continuation, or else code.
      if indent >= 4 {
        if !paragraph.isEmpty { paragraph.append(number) }
        continue
      }
      if let level = setextLevel(content), let first = paragraph.first {
        let title = paragraph.map { lines[$0].text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        result.append(NoteHeading(level: level, title: title, lineRange: TextRange(start: lines[first].range.start, end: range.end)))
        paragraph = []
        continue
      }
      if let heading = atxHeading(content, range: range) {
        result.append(heading)
        paragraph = []
        continue
      }
      // A block quote, a list item or a thematic break is no paragraph a setext underline can turn into a heading.
      if startsOtherBlock(content) { paragraph = [] } else { paragraph.append(number) }
    }
    return result
  }

  /// `# Title ##` (after the indentation): the heading, or nil.
  private static func atxHeading(_ content: Substring, range: TextRange) -> NoteHeading? {
    let hashes = content.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes) else { return nil }
    let rest = content.dropFirst(hashes)
    guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
    var title = rest.trimmingCharacters(in: .whitespaces)
    while title.hasSuffix("#") { title = String(title.dropLast()).trimmingCharacters(in: .whitespaces) }
    return NoteHeading(level: hashes, title: title, lineRange: range)
  }

  /// `===` (level 1) or `---` (level 2), with trailing white space only.
  private static func setextLevel(_ content: Substring) -> Int? {
    let body = content.trimmingCharacters(in: .whitespaces)
    guard let mark = body.first, mark == "=" || mark == "-", body.allSatisfy({ $0 == mark }) else { return nil }
    return mark == "=" ? 1 : 2
  }

  /// A line that opens a block quote, a list item, a fenced block or a thematic break (`> `, `- `, `1. `, `***`).
  private static func startsOtherBlock(_ content: Substring) -> Bool {
    guard let first = content.first else { return false }
    if first == ">" || content.hasPrefix("```") || content.hasPrefix("~~~") { return true }
    if "-*+".contains(first), content.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true { return true }
    let digits = content.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, digits.count <= 9, let mark = content.dropFirst(digits.count).first, mark == "." || mark == ")" {
      return content.dropFirst(digits.count + 1).first.map { $0 == " " || $0 == "\t" } ?? true
    }
    let marks = content.filter { $0 != " " && $0 != "\t" }
    return marks.count >= 3 && ["*", "_", "-"].contains(where: { mark in marks.allSatisfy { $0 == mark } })
  }

  /// Calls `body` with each line's range (without its break) and text; `\n`, `\r\n` and `\r` end lines.
  static func forEachLine(_ text: String, _ body: (TextRange, Substring) -> Void) {
    let bytes = Array(text.utf8)
    var start = 0
    var index = 0
    while index <= bytes.count {
      if index == bytes.count || bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r") {
        let line = String(decoding: bytes[start..<index], as: UTF8.self)
        body(TextRange(start, index), Substring(line))
        if index < bytes.count, bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
          index += 1
        }
        start = index + 1
      }
      index += 1
    }
  }

  // MARK: - Corpus files

  /// Sections nested by their numbering; ranges in the raw file.
  public static func paperOutline(_ paper: Paper) -> [SymbolNode] {
    var flat: [(level: Int, node: SymbolNode)] = []
    for (number, section) in paper.sections.enumerated() {
      let end = section.firstParagraph <= section.lastParagraph
        ? paper.passage(.paragraph(section.lastParagraph))?.rawRange.end ?? section.headingRange.end
        : section.headingRange.end
      let range = TextRange(start: section.headingRange.start, end: max(end, section.headingRange.end))
      let name = FeatureSupport.sectionLabel(number, in: paper)
      let detail = section.firstParagraph <= section.lastParagraph ? "¶\(section.firstParagraph)–\(section.lastParagraph)" : nil
      flat.append((section.level, SymbolNode(name: name, detail: detail, kind: .section, range: range,
                                             selectionRange: section.headingRange)))
    }
    flat.sort { $0.node.range.start < $1.node.range.start }
    // Footnotes are printed page by page among the sections: their group, which spans them all, comes after the
    // sections' tree and holds none of them.
    guard let first = paper.footnotes.first?.passage.rawRange, let last = paper.footnotes.last?.passage.rawRange else {
      return nest(flat)
    }
    let footnotes = SymbolNode(name: "Footnotes", detail: "\(paper.footnotes.count)", kind: .footnotes,
                               range: TextRange(start: first.start, end: max(first.start, last.end)), selectionRange: first)
    return nest(flat) + [footnotes]
  }

  // MARK: - Workspace

  /// Documents (by key, title, author), sections (by numbering or title) and entities (by any alias), matching
  /// every word of `query` case-insensitively; at most `limit`.
  public static func workspace(index: CorpusIndex, lexicon: LexiconSource?, query: String, limit: Int = 200)
    -> [WorkspaceSymbolEntry]
  {
    var result: [WorkspaceSymbolEntry] = []
    let words = query.lowercased().split(separator: " ")
    func matches(_ haystack: String) -> Bool {
      let lowered = haystack.lowercased()
      return words.allSatisfy { lowered.contains($0) }
    }
    for (paper, document) in index.papers.enumerated() where result.count < limit {
      let key = index.key(of: paper)
      let title = FeatureSupport.title(of: document)
      if matches(([key, title] + document.metadata.authors).joined(separator: " ")) {
        result.append(WorkspaceSymbolEntry(name: "@\(key) \(title)", kind: .document, container: document.file,
                                           location: FileRange(file: document.file, range: Definition.titleRange(of: document))))
      }
      guard !words.isEmpty else { continue }
      for section in document.sections.indices where result.count < limit {
        let label = FeatureSupport.sectionLabel(section, in: document)
        if matches(label) {
          result.append(WorkspaceSymbolEntry(name: label, kind: .section, container: "@\(key)",
                                             location: FileRange(file: document.file, range: document.sections[section].headingRange)))
        }
      }
    }
    var entities: [(entity: Int, count: Int)] = []
    for (number, entity) in index.entities.enumerated() where matches(Completion.filterText(of: entity)) {
      entities.append((number, index.mentionCount(of: number)))
    }
    entities.sort { $0.count != $1.count ? $0.count > $1.count : $0.entity < $1.entity }
    for (entity, _) in entities where result.count < limit {
      guard let location = Definition.entityDefinition(index: index, lexicon: lexicon, entity: entity) else { continue }
      let value = index.entities[entity]
      result.append(WorkspaceSymbolEntry(name: value.name + (value.english.map { " (\($0))" } ?? ""), kind: .entity,
                                         container: value.kind.rawValue, location: location))
    }
    return result
  }
}
