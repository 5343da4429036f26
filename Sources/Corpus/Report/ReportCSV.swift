//! The report's tables as CSV files (RFC 4180, UTF-8): wide tables to read, a long form to trace every number.

public enum ReportCSV {
  /// File names and contents as UTF-8 bytes, in the order they are listed to the user.
  public static func files(for report: CooccurrenceReport) -> [(name: String, bytes: [UInt8])] {
    var files: [(name: String, bytes: [UInt8])] = []
    stream(report) { name, chunk in
      if files.last?.name == name {
        files[files.count - 1].bytes += chunk
      } else {
        files.append((name, chunk))
      }
    }
    return files
  }

  /// What a CSV file on disk starts with: the UTF-8 byte-order mark, without which Excel reads the file in the
  /// system's code page and garbles every Chinese name. (Not part of `files(for:)` or `stream`, which hand over the
  /// tables themselves.)
  public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Bytes handed over at a time by `stream`.
  public static let chunkSize = 1 << 20

  /// The same files as `files(for:)`, in the same order, handed over in chunks of about `chunkSize` bytes as they
  /// are made: a file's chunks come one after the other, and every file gets at least one. The long form runs to
  /// hundreds of megabytes on a large corpus; it need never be held whole.
  public static func stream(_ report: CooccurrenceReport, to sink: (_ name: String, _ chunk: [UInt8]) -> Void) {
    sink("documents.csv", documentsBytes(report))
    sink("entity-document.csv", entityDocumentBytes(report))
    sink(cooccurrenceFileName(report.actorMechanism.scope), actorMechanismBytes(report))
    cellsBytes(report) { sink("cells.csv", $0) }
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
  public static func cells(_ report: CooccurrenceReport) -> String {
    var bytes: [UInt8] = []
    cellsBytes(report) { bytes += $0 }
    return text(bytes)
  }

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
    for cell in table.cells
    where counts.indices.contains(cell.row) && report.documents.indices.contains(cell.document) {
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

  /// The long form, handed to `sink` in chunks of about `chunkSize` bytes (at least one chunk).
  static func cellsBytes(_ report: CooccurrenceReport, sink: ([UInt8]) -> Void) {
    var out = CSVBuffer(capacity: chunkSize + chunkSize / 4)
    out.header([
      "table", "row", "row_name", "column", "column_name", "file", "key", "passage", "number", "locator", "count",
      "citation",
    ])
    // The fields lines share are encoded once per row, column and document: the long form runs to millions of lines.
    let documentKeys = report.documents.map(\.key)
    let citationHeads = documentKeys.map(CSVBuffer.citationHead)
    let entityTable = report.entityDocument
    let entityPrefixes = entityTable.rows.map { CSVBuffer.encode(["entity-document", $0.id, $0.name]) }
    let documentColumns = report.documents.map { CSVBuffer.encode([$0.key, $0.metadata.title, $0.file, $0.key]) }
    for cell in entityTable.cells {
      guard entityTable.rows.indices.contains(cell.row), report.documents.indices.contains(cell.document) else {
        continue
      }
      let (prefix, columns) = (entityPrefixes[cell.row], documentColumns[cell.document])
      let (key, head) = (documentKeys[cell.document], citationHeads[cell.document])
      let sections = report.documents[cell.document].sectionLocators
      for passage in cell.passages {
        out.raw(prefix)
        out.raw(columns)
        out.passageFields(passage.passage, sectionLocators: sections)
        out.field(passage.count)
        out.citation(key: key, head: head, passage: passage.passage, sectionLocators: sections)
        out.endRow()
      }
      if out.bytes.count >= chunkSize { out.flush(to: sink) }
    }
    let table = report.actorMechanism
    let tableName = "actor-mechanism-by-\(table.scope.rawValue)"
    let documentFields = report.documents.map { CSVBuffer.encode([$0.file, $0.key]) }
    for cell in table.cells {
      guard table.rows.indices.contains(cell.row), table.columns.indices.contains(cell.column) else { continue }
      let actor = table.rows[cell.row]
      let mechanism = table.columns[cell.column]
      let prefix = CSVBuffer.encode([tableName, actor.id, actor.name, mechanism.id, mechanism.name])
      for evidence in cell.evidence where report.documents.indices.contains(evidence.paper) {
        let key = documentKeys[evidence.paper]
        let sections = report.documents[evidence.paper].sectionLocators
        out.raw(prefix)
        out.raw(documentFields[evidence.paper])
        out.passageFields(evidence.passage, sectionLocators: sections)
        out.field(evidence.count)
        if evidence.fragments.isEmpty {
          out.citation(
            key: key, head: citationHeads[evidence.paper], passage: evidence.passage, sectionLocators: sections)
        } else {
          out.field(
            CooccurrenceReport.citation(
              key: key, passage: evidence.passage, fragments: evidence.fragments, sectionLocators: sections))
        }
        out.endRow()
      }
      if out.bytes.count >= chunkSize { out.flush(to: sink) }
    }
    out.flush(to: sink)
  }

  private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

/// CSV written straight into UTF-8 bytes: large corpora give long-form tables of millions of lines.
struct CSVBuffer {
  private(set) var bytes: [UInt8] = []
  private var rowStarted = false

  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Hands the bytes so far to `sink`, then empties the buffer, keeping its memory for the next chunk.
  mutating func flush(to sink: ([UInt8]) -> Void) {
    sink(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func header(_ names: [String]) {
    for name in names { field(name) }
    endRow()
  }

  mutating func field(_ value: String) {
    separate()
    Self.appendEscaped(value, to: &bytes)
  }

  /// Fields already encoded (joined by commas) by `encode`, as the next fields of the row.
  mutating func raw(_ fields: [UInt8]) {
    separate()
    bytes += fields
  }

  /// Several fields encoded once, to be written many times with `raw`.
  static func encode(_ fields: [String]) -> [UInt8] {
    var out: [UInt8] = []
    for (index, field) in fields.enumerated() {
      if index > 0 { out.append(0x2C) }
      appendEscaped(field, to: &out)
    }
    return out
  }

  /// The opening `"[@key` of a key's citations as a quoted field; nil when the key needs escaping.
  static func citationHead(_ key: String) -> [UInt8]? {
    guard !key.utf8.contains(where: { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return nil }
    return Array("\"[@".utf8) + Array(key.utf8)
  }

  /// `[@key, ¶12]` as a field, without building the string (it holds a comma, so it is quoted).
  mutating func citation(key: String, passage: PassageID) {
    citation(key: key, head: Self.citationHead(key), passage: passage)
  }

  /// The same, with `head` from `citationHead(key)`.
  mutating func citation(key: String, head: [UInt8]?, passage: PassageID, sectionLocators: [String] = []) {
    guard let head else {
      field(CooccurrenceReport.citation(key: key, passage: passage, sectionLocators: sectionLocators))
      return
    }
    separate()
    bytes += head
    switch passage {
    case .paragraph(let number):
      bytes += Self.paragraphCitation
      appendDigits(number)
    case .footnote(let number):
      bytes += Self.footnoteCitation
      appendDigits(number)
    case .heading:
      if let locator = CooccurrenceReport.locator(of: passage, sectionLocators: sectionLocators) {
        bytes += Array(", \(locator)".utf8)
      }
    case .abstract, .title, .keywords, .authorNote, .englishAbstract, .englishTitle:
      break
    }
    bytes += Self.citationEnd
  }

  private static let paragraphCitation = Array(", ¶".utf8)
  private static let footnoteCitation = Array(", fn. ".utf8)
  private static let citationEnd = Array("]\"".utf8)

  private static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
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
    appendDigits(value)
  }

  /// `passage`, `number`, `locator` columns: `paragraph,12,¶12`, `footnote,3,fn. 3`, `heading,2,§一（一）` (the
  /// section's 1-based place in the outline), `abstract,,`.
  mutating func passageFields(_ passage: PassageID, sectionLocators: [String] = []) {
    separate()
    switch passage {
    case .paragraph(let number):
      bytes += Self.paragraphPrefix
      appendDigits(number)
      bytes += Self.paragraphLocator
      appendDigits(number)
    case .footnote(let number):
      bytes += Self.footnotePrefix
      appendDigits(number)
      bytes += Self.footnoteLocator
      appendDigits(number)
    case .abstract:
      bytes += Self.abstractFields
    case .title:
      bytes += Self.titleFields
    case .heading(let section):
      bytes += Self.headingPrefix
      appendDigits(section + 1)
      bytes.append(0x2C)
      if let locator = CooccurrenceReport.locator(of: passage, sectionLocators: sectionLocators) {
        bytes += Array(locator.utf8)
      }
    case .keywords:
      bytes += Self.keywordsFields
    case .authorNote:
      bytes += Self.authorNoteFields
    case .englishAbstract:
      bytes += Self.englishAbstractFields
    case .englishTitle:
      bytes += Self.englishTitleFields
    }
  }

  private static let paragraphPrefix = Array("paragraph,".utf8)
  private static let paragraphLocator = Array(",¶".utf8)
  private static let footnotePrefix = Array("footnote,".utf8)
  private static let footnoteLocator = Array(",fn. ".utf8)
  private static let abstractFields = Array("abstract,,".utf8)
  private static let titleFields = Array("title,,".utf8)
  private static let headingPrefix = Array("heading,".utf8)
  private static let keywordsFields = Array("keywords,,".utf8)
  private static let authorNoteFields = Array("author-note,,".utf8)
  private static let englishAbstractFields = Array("englishAbstract,,".utf8)
  private static let englishTitleFields = Array("englishTitle,,".utf8)

  /// Decimal digits without making a string: the long form writes millions of numbers.
  private mutating func appendDigits(_ value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      bytes += String(value.magnitude).utf8
      return
    }
    if value < 10 {
      bytes.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0, count < buffer.count {
        buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
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
