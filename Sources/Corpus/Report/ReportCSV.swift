//! The report's tables as CSV files (RFC 4180, UTF-8): wide tables to read, a long form to trace every number.

public enum ReportCSV {
  /// File names and contents, in the order they are listed to the user.
  public static func files(for report: CooccurrenceReport) -> [(name: String, contents: String)] {
    [
      ("documents.csv", documents(report)),
      ("entity-document.csv", entityDocument(report)),
      (cooccurrenceFileName(report.actorMechanism.scope), actorMechanism(report)),
      ("cells.csv", cells(report)),
    ]
  }

  public static func cooccurrenceFileName(_ scope: CooccurrenceScope) -> String {
    "actor-mechanism-by-\(scope.rawValue).csv"
  }

  /// One row per document: file, key and metadata, with its size and how many mentions it holds.
  public static func documents(_ report: CooccurrenceReport) -> String {
    var out = row(["file", "key", "title", "authors", "venue", "year", "paragraphs", "footnotes", "mentions"])
    for document in report.documents {
      let metadata = document.metadata
      out += row([
        document.file, document.key, metadata.title, metadata.authors.joined(separator: "; "), metadata.venue ?? "",
        metadata.year.map(String.init) ?? "", String(document.paragraphs), String(document.footnotes),
        String(document.mentions),
      ])
    }
    return out
  }

  /// Entities (rows) × documents (columns, headed by citation key): mention counts, with a total.
  public static func entityDocument(_ report: CooccurrenceReport) -> String {
    let table = report.entityDocument
    var out = row(["id", "name", "english", "kind", "total"] + report.documents.map(\.key))
    var counts = [[Int]](repeating: [Int](repeating: 0, count: report.documents.count), count: table.rows.count)
    for cell in table.cells where counts.indices.contains(cell.row) && report.documents.indices.contains(cell.document) {
      counts[cell.row][cell.document] = cell.count
    }
    for (index, entity) in table.rows.enumerated() {
      out += row(
        [entity.id, entity.name, entity.english ?? "", entity.kind.rawValue, String(entity.total)]
          + counts[index].map(String.init))
    }
    return out
  }

  /// Actors (rows) × mechanisms (columns, headed by id): paragraphs or sentences naming both.
  public static func actorMechanism(_ report: CooccurrenceReport) -> String {
    let table = report.actorMechanism
    var out = row(["id", "name", "english"] + table.columns.map(\.id))
    var counts = [[Int]](repeating: [Int](repeating: 0, count: table.columns.count), count: table.rows.count)
    for cell in table.cells where counts.indices.contains(cell.row) && table.columns.indices.contains(cell.column) {
      counts[cell.row][cell.column] = cell.count
    }
    for (index, entity) in table.rows.enumerated() {
      out += row([entity.id, entity.name, entity.english ?? ""] + counts[index].map(String.init))
    }
    return out
  }

  /// The long form: one line per passage behind each non-zero cell of both tables. For every cell, the `count`s of
  /// its lines add up to the number in the table.
  public static func cells(_ report: CooccurrenceReport) -> String {
    var out = row([
      "table", "row", "row_name", "column", "column_name", "file", "key", "passage", "number", "locator", "count",
      "citation",
    ])
    let entityTable = report.entityDocument
    for cell in entityTable.cells {
      guard entityTable.rows.indices.contains(cell.row), report.documents.indices.contains(cell.document) else {
        continue
      }
      let entity = entityTable.rows[cell.row]
      let document = report.documents[cell.document]
      for passage in cell.passages {
        out += row(
          ["entity-document", entity.id, entity.name, document.key, document.metadata.title, document.file,
           document.key] + passageFields(passage.passage)
            + [String(passage.count), CooccurrenceReport.citation(key: document.key, passage: passage.passage)])
      }
    }
    let table = report.actorMechanism
    let tableName = "actor-mechanism-by-\(table.scope.rawValue)"
    for cell in table.cells {
      guard table.rows.indices.contains(cell.row), table.columns.indices.contains(cell.column) else { continue }
      let actor = table.rows[cell.row]
      let mechanism = table.columns[cell.column]
      for evidence in cell.evidence where report.documents.indices.contains(evidence.paper) {
        let document = report.documents[evidence.paper]
        out += row(
          [tableName, actor.id, actor.name, mechanism.id, mechanism.name, document.file, document.key]
            + passageFields(evidence.passage)
            + [
              String(evidence.count),
              CooccurrenceReport.citation(key: document.key, passage: evidence.passage, fragments: evidence.fragments),
            ])
      }
    }
    return out
  }

  /// `passage`, `number`, `locator` columns: `paragraph,12,¶12`, `footnote,3,fn. 3`, `abstract,,`.
  private static func passageFields(_ passage: PassageID) -> [String] {
    let locator = CooccurrenceReport.locator(of: passage) ?? ""
    switch passage {
    case .paragraph(let number): return ["paragraph", String(number), locator]
    case .footnote(let number): return ["footnote", String(number), locator]
    case .abstract: return ["abstract", "", locator]
    case .title: return ["title", "", locator]
    }
  }

  /// One CSV record, fields quoted when they hold a comma, a quote or a line break.
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  public static func field(_ value: String) -> String {
    let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else { return value }
    var quoted = "\""
    for character in value { quoted += character == "\"" ? "\"\"" : String(character) }
    return quoted + "\""
  }
}
