//! The report's tables as CSV files (RFC 4180, UTF-8): wide tables to read, a long form to trace every number.

public enum ReportCSV {
  /// File names and contents as UTF-8 bytes, in the order they are listed to the user.
  public static func files(for report: CooccurrenceReport) -> [(name: String, bytes: [UInt8])] {
    [
      ("documents.csv", documentsBytes(report)),
      ("entity-document.csv", entityDocumentBytes(report)),
      (cooccurrenceFileName(report.actorMechanism.scope), actorMechanismBytes(report)),
      ("cells.csv", cellsBytes(report)),
    ]
  }

  public static func cooccurrenceFileName(_ scope: CooccurrenceScope) -> String {
    "actor-mechanism-by-\(scope.rawValue).csv"
  }

  /// One row per document: file, key and metadata, with its size and how many mentions it holds.
  public static func documents(_ report: CooccurrenceReport) -> String { text(documentsBytes(report)) }
  /// Entities (rows) × documents (columns, headed by citation key): mention counts, with a total.
  public static func entityDocument(_ report: CooccurrenceReport) -> String { text(entityDocumentBytes(report)) }
  /// Actors (rows) × mechanisms (columns, headed by id): paragraphs or sentences naming both.
  public static func actorMechanism(_ report: CooccurrenceReport) -> String { text(actorMechanismBytes(report)) }
  /// The long form: one line per passage behind each non-zero cell of both tables, with a citation (quoted for the
  /// first passages of each co-occurrence cell). For every cell, the `count`s of its lines add up to its number.
  public static func cells(_ report: CooccurrenceReport) -> String { text(cellsBytes(report)) }

  /// One CSV record, fields quoted when they hold a comma, a quote or a line break.
  public static func row(_ fields: [String]) -> String {
    var buffer = CSVBuffer()
    for field in fields { buffer.field(field) }
    buffer.endRow()
    return text(buffer.bytes)
  }

  // MARK: - Tables

  static func documentsBytes(_ report: CooccurrenceReport) -> [UInt8] {
    var out = CSVBuffer()
    out.header(["file", "key", "title", "authors", "venue", "year", "paragraphs", "footnotes", "mentions"])
    for document in report.documents {
      let metadata = document.metadata
      out.field(document.file)
      out.field(document.key)
      out.field(metadata.title)
      out.field(metadata.authors.joined(separator: "; "))
      out.field(metadata.venue ?? "")
      out.field(metadata.year.map(String.init) ?? "")
      out.field(document.paragraphs)
      out.field(document.footnotes)
      out.field(document.mentions)
      out.endRow()
    }
    return out.bytes
  }

  static func entityDocumentBytes(_ report: CooccurrenceReport) -> [UInt8] {
    let table = report.entityDocument
    var out = CSVBuffer()
    out.header(["id", "name", "english", "kind", "total"] + report.documents.map(\.key))
    var counts = [[Int]](repeating: [Int](repeating: 0, count: report.documents.count), count: table.rows.count)
    for cell in table.cells where counts.indices.contains(cell.row) && report.documents.indices.contains(cell.document) {
      counts[cell.row][cell.document] = cell.count
    }
    for (index, entity) in table.rows.enumerated() {
      out.field(entity.id)
      out.field(entity.name)
      out.field(entity.english ?? "")
      out.field(entity.kind.rawValue)
      out.field(entity.total)
      for count in counts[index] { out.field(count) }
      out.endRow()
    }
    return out.bytes
  }

  static func actorMechanismBytes(_ report: CooccurrenceReport) -> [UInt8] {
    let table = report.actorMechanism
    var out = CSVBuffer()
    out.header(["id", "name", "english"] + table.columns.map(\.id))
    var counts = [[Int]](repeating: [Int](repeating: 0, count: table.columns.count), count: table.rows.count)
    for cell in table.cells where counts.indices.contains(cell.row) && table.columns.indices.contains(cell.column) {
      counts[cell.row][cell.column] = cell.count
    }
    for (index, entity) in table.rows.enumerated() {
      out.field(entity.id)
      out.field(entity.name)
      out.field(entity.english ?? "")
      for count in counts[index] { out.field(count) }
      out.endRow()
    }
    return out.bytes
  }

  static func cellsBytes(_ report: CooccurrenceReport) -> [UInt8] {
    var out = CSVBuffer()
    out.header([
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
        out.field("entity-document")
        out.field(entity.id)
        out.field(entity.name)
        out.field(document.key)
        out.field(document.metadata.title)
        out.field(document.file)
        out.field(document.key)
        out.passageFields(passage.passage)
        out.field(passage.count)
        out.field(CooccurrenceReport.citation(key: document.key, passage: passage.passage))
        out.endRow()
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
        out.field(tableName)
        out.field(actor.id)
        out.field(actor.name)
        out.field(mechanism.id)
        out.field(mechanism.name)
        out.field(document.file)
        out.field(document.key)
        out.passageFields(evidence.passage)
        out.field(evidence.count)
        out.field(
          CooccurrenceReport.citation(key: document.key, passage: evidence.passage, fragments: evidence.fragments))
        out.endRow()
      }
    }
    return out.bytes
  }

  private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

/// CSV written straight into UTF-8 bytes: large corpora give long-form tables of millions of lines.
struct CSVBuffer {
  private(set) var bytes: [UInt8] = []
  private var rowStarted = false

  mutating func header(_ names: [String]) {
    for name in names { field(name) }
    endRow()
  }

  mutating func field(_ value: String) {
    separate()
    var value = value
    value.withUTF8 { buffer in
      let needsQuotes = buffer.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      guard needsQuotes else {
        bytes.append(contentsOf: buffer)
        return
      }
      bytes.append(0x22)
      for byte in buffer {
        if byte == 0x22 { bytes.append(0x22) }
        bytes.append(byte)
      }
      bytes.append(0x22)
    }
  }

  mutating func field(_ value: Int) {
    separate()
    bytes.append(contentsOf: String(value).utf8)
  }

  /// `passage`, `number`, `locator` columns: `paragraph,12,¶12`, `footnote,3,fn. 3`, `abstract,,`.
  mutating func passageFields(_ passage: PassageID) {
    switch passage {
    case .paragraph(let number):
      field("paragraph")
      field(number)
      field("¶\(number)")
    case .footnote(let number):
      field("footnote")
      field(number)
      field("fn. \(number)")
    case .abstract:
      field("abstract")
      field("")
      field("")
    case .title:
      field("title")
      field("")
      field("")
    }
  }

  mutating func endRow() {
    bytes.append(0x0D)
    bytes.append(0x0A)
    rowStarted = false
  }

  private mutating func separate() {
    if rowStarted { bytes.append(0x2C) }
    rowStarted = true
  }
}
