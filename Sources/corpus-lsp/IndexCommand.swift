//! `corpus-lsp index`: builds the index and prints documents (metadata, counts, keys) and entities (mentions).
import Corpus
import Foundation

enum IndexCommand {
  static let help = """
    USAGE: corpus-lsp index [--json] [--all] [--workspace DIR]

    Indexes the corpus and prints its documents (key, title, authors, year, paragraphs, footnotes, sections)
    and its entities with mention counts per document.

    OPTIONS:
      --json           print {"documents": […], "entities": […]} (every entity, counts per file)
      --all            text output: also list entities the corpus never mentions
      --mentions ID    list every mention of one entity (id or alias) with its place and context
      --workspace DIR  the workspace folder (default: the current folder)
      --help, -h       show this help

    EXIT STATUS: 0 indexed, 1 no such entity (--mentions), 2 usage error or no corpus to index.
    """

  static func run(_ arguments: [String]) -> Int32 {
    let options: ParsedOptions
    do {
      options = try ParsedOptions(
        arguments, valueOptions: ["--workspace", "--mentions"], flagOptions: ["--json", "--all", "--help", "-h"])
    } catch {
      printError("\(error)\n\n\(help)")
      return 2
    }
    if options.flags.contains("--help") || options.flags.contains("-h") {
      print(help)
      return 0
    }
    guard options.positionals.isEmpty else {
      printError("index takes no arguments (got '\(options.positionals[0])')")
      return 2
    }
    guard let workspace = LoadedWorkspace.loadCorpusOrPrintError(options.workspaceURL(), for: "index") else {
      return 2
    }
    let index = workspace.index
    if let wanted = options.values["--mentions"] {
      guard let entity = index.entity(withId: wanted) ?? index.entity(forAlias: wanted) else {
        printError("no entity has the id or alias '\(wanted)'")
        return 1
      }
      print(mentionList(index, entity: entity))
      return 0
    }
    if options.flags.contains("--json") {
      print(json(index))
    } else {
      print(text(index, all: options.flags.contains("--all")))
    }
    return 0
  }

  static func json(_ index: CorpusIndex) -> String {
    var documents: [[String: Any]] = []
    for (number, paper) in index.papers.enumerated() {
      documents.append([
        "file": paper.file, "key": index.key(of: number), "keys": index.keys(of: number),
        "title": paper.metadata.title, "authors": paper.metadata.authors,
        "venue": paper.metadata.venue as Any? ?? NSNull(), "year": paper.metadata.year as Any? ?? NSNull(),
        "paragraphs": paper.paragraphs.count, "footnotes": paper.footnotes.count, "sections": paper.sections.count,
      ])
    }
    var entities: [[String: Any]] = []
    for (number, entity) in index.entities.enumerated() {
      var mentions: [String: Int] = [:]
      for (paper, count) in index.mentionCounts(of: number) { mentions[index.papers[paper].file] = count }
      var object: [String: Any] = [
        "id": entity.id, "kind": entity.kind.rawValue, "name": entity.name,
        "english": entity.english as Any? ?? NSNull(), "aliases": entity.aliases, "source": entity.source.rawValue,
        "mentions": mentions,
      ]
      if !entity.members.isEmpty { object["members"] = entity.members }
      if let definition = entity.definition { object["definition"] = definition }
      entities.append(object)
    }
    let root: [String: Any] = ["documents": documents, "entities": entities]
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  static func text(_ index: CorpusIndex, all: Bool) -> String {
    var lines: [String] = []
    lines.append("DOCUMENTS (\(index.papers.count))")
    var rows: [[String]] = [["key", "year", "authors", "¶", "fn", "§", "title", "file"]]
    for (number, paper) in index.papers.enumerated() {
      rows.append([
        index.key(of: number), paper.metadata.year.map(String.init) ?? "–",
        paper.metadata.authors.joined(separator: ", "),
        String(paper.paragraphs.count), String(paper.footnotes.count), String(paper.sections.count),
        truncate(paper.metadata.title, 30), paper.file,
      ])
    }
    lines += table(rows)
    let order = index.entities.indices.sorted { a, b in
      let left = (index.entities[a].source == .discovered ? 1 : 0, -index.mentionCount(of: a))
      let right = (index.entities[b].source == .discovered ? 1 : 0, -index.mentionCount(of: b))
      return left != right ? left < right : a < b
    }
    let shown = order.filter { all || index.mentionCount(of: $0) > 0 || index.entities[$0].source == .lexicon }
    lines.append("")
    lines.append("ENTITIES (\(shown.count) shown of \(index.entities.count); \(index.mentionCount) mentions)")
    let header = ["id", "kind", "source", "name", "english", "total"] + index.papers.indices.map { index.key(of: $0) }
    var entityRows: [[String]] = [header]
    for entity in shown {
      let counts = index.mentionCounts(of: entity)
      let item = index.entities[entity]
      entityRows.append(
        [item.id, item.kind.rawValue, item.source.rawValue, item.name, truncate(item.english ?? "", 24),
         String(index.mentionCount(of: entity))] + index.papers.indices.map { counts[$0].map(String.init) ?? "·" })
    }
    lines += table(entityRows)
    return lines.joined(separator: "\n")
  }

  static func mentionList(_ index: CorpusIndex, entity: Int) -> String {
    var lines: [String] = []
    for mention in index.mentions(of: entity) {
      let paper = index.papers[mention.paper]
      let position = paper.rawLines.lineColumn(at: mention.rawRange.start, unit: .utf32)
      let text = index.text(of: mention.paper, passage: mention.passage) ?? ""
      let before = TextRange(start: TextSize(max(0, mention.range.start.utf8Offset - 24)), end: mention.range.start)
      let after = TextRange(start: mention.range.end, end: mention.range.end + 24)
      let context = text.slice(before).suffix(8) + "[" + text.slice(mention.range) + "]" + text.slice(after).prefix(8)
      lines.append("\(paper.file):\(position.line + 1):\(position.column + 1)  \(context)")
    }
    return lines.joined(separator: "\n")
  }

  static func truncate(_ text: String, _ width: Int) -> String {
    text.count > width ? String(text.prefix(width - 1)) + "…" : text
  }

  /// Display width: CJK and full-width characters take two columns.
  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { sum, scalar in
      let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
        || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
        || (0xFF00...0xFF60).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
      return sum + (wide ? 2 : 1)
    }
  }

  static func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], displayWidth(cell)) }
    }
    return rows.map { row in
      row.enumerated().map { column, cell in
        column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell))
      }.joined(separator: "  ")
    }
  }
}
