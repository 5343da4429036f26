//! The report page in a real headless browser: the script runs, the heat-map cells carry the right counts,
//! a pinned cell shows ready-to-paste citations, and a screenshot is taken. Skips where chromium is absent.
import Corpus
import Foundation
import Testing
import TestSupport

/// A headless Chromium, if the machine has one.
enum ReportHeadlessBrowser {
  static let path: String? = {
    let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs the browser headless on a page with extra arguments; gives up after `timeout` seconds.
  static func run(_ arguments: [String], page: URL, timeout: TimeInterval = 90) throws -> Run {
    guard let path else { return Run(status: -1, output: "", errors: "no browser") }
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("report-browser-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments =
      ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
       "--user-data-dir=\(profile.path)"] + arguments + [page.absoluteString]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    // Read both pipes while the browser runs, so a full pipe never blocks it.
    let outputData = ReportPipeSink<Data>(Data())
    let errorData = ReportPipeSink<Data>(Data())
    let group = DispatchGroup()
    for (pipe, sink) in [(output, outputData), (errors, errorData)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        sink.set(data)
        group.leave()
      }
    }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    _ = group.wait(timeout: .now() + 5)
    return Run(
      status: process.terminationStatus, output: String(decoding: outputData.get(), as: UTF8.self),
      errors: String(decoding: errorData.get(), as: UTF8.self))
  }
}

/// A value shared between threads in tests.
final class ReportPipeSink<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  init(_ value: Value) { self.value = value }
  func get() -> Value { lock.withLock { value } }
  func set(_ newValue: Value) { lock.withLock { value = newValue } }
}

/// The heat-map cells of a dumped DOM: "table|row|col" → count.
func reportHeatCells(inDOM dom: String) -> [String: Int] {
  var cells: [String: Int] = [:]
  let tagPattern = try? NSRegularExpression(pattern: "<td [^>]*class=\"cell[^\"]*\"[^>]*>")
  let nsDOM = dom as NSString
  for match in tagPattern?.matches(in: dom, range: NSRange(location: 0, length: nsDOM.length)) ?? [] {
    let tag = nsDOM.substring(with: match.range)
    func attribute(_ name: String) -> String? {
      guard let range = tag.range(of: "\(name)=\"") else { return nil }
      let rest = tag[range.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { return nil }
      return String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }
    guard let table = attribute("data-table"), let row = attribute("data-row"), let column = attribute("data-col"),
      let count = attribute("data-count").flatMap(Int.init)
    else { continue }
    cells["\(table)|\(row)|\(column)"] = count
  }
  return cells
}

/// A little corpus of our own: two papers, five entities, mentions found by plain search.
private func browserFixtureReport() -> CooccurrenceReport {
  let entities = [
    Entity(id: "japan", kind: .actor, name: "日本", english: "Japan", aliases: ["Japan"]),
    Entity(id: "australia", kind: .actor, name: "澳大利亚", english: "Australia"),
    Entity(id: "asean", kind: .actor, name: "东盟", english: "ASEAN"),
    Entity(id: "quad", kind: .mechanism, name: "四方安全对话", english: "Quad", aliases: ["Quad"]),
    Entity(id: "summit", kind: .mechanism, name: "首脑会议", english: "summit meeting"),
  ]
  let corpus: [(file: String, title: String, paragraphs: [String])] = [
    ("corpus/王五2020.txt", "日本与“印太”秩序",
     ["日本与澳大利亚在东京举行首脑会议。双方讨论了四方安全对话的前景。", "东盟对四方安全对话保持警惕，日本则加以安抚。"]),
    ("corpus/赵六2021.txt", "Japan and the Quad", ["Japan hosted the Quad. 日本重视四方安全对话。", "澳大利亚关注东盟的首脑会议。"]),
  ]
  var papers: [Paper] = []
  var mentions: [Mention] = []
  for (paperIndex, source) in corpus.enumerated() {
    var paragraphs: [Paragraph] = []
    for (index, text) in source.paragraphs.enumerated() {
      var map = OffsetMap()
      map.appendCopy(rawStart: 0, length: text.utf8.count)
      paragraphs.append(Paragraph(number: index + 1, passage: Passage(text: text, map: map)))
      for (entityIndex, entity) in entities.enumerated() {
        for alias in entity.aliases {
          var searchStart = text.startIndex
          while let found = text.range(of: alias, range: searchStart..<text.endIndex) {
            let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
            let range = TextRange(start, start + alias.utf8.count)
            mentions.append(
              Mention(
                entity: entityIndex, paper: paperIndex, passage: .paragraph(index + 1), range: range, rawRange: range))
            searchStart = found.upperBound
          }
        }
      }
    }
    papers.append(
      Paper(
        file: source.file, rawText: source.paragraphs.joined(separator: "\n\n"),
        metadata: PaperMetadata(
          title: source.title, authors: [String(source.file.dropFirst(7).prefix(2))], year: 2020 + paperIndex),
        paragraphs: paragraphs))
  }
  return CooccurrenceReport(papers: papers, entities: entities, mentions: mentions, keys: papers.map(\.stem))
}

private func writePage(_ report: CooccurrenceReport, name: String) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-page-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let page = folder.appendingPathComponent(name)
  try ReportHTML.render(report).write(to: page, atomically: true, encoding: .utf8)
  return page
}

@Suite(
  .enabled(if: ReportHeadlessBrowser.path != nil, "chromium is not installed: the report page is not checked in a browser"))
struct ReportBrowserTests {
  @Test func heatMapCellsCarryTheHandCountedNumbers() throws {
    let page = try writePage(browserFixtureReport(), name: "report.html")
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let run = try ReportHeadlessBrowser.run(["--dump-dom"], page: page)
    #expect(run.status == 0, "chromium failed: \(run.errors)")
    #expect(run.output.contains("data-rendered=\"true\""), "the page's script did not finish")
    #expect(!run.output.contains("data-error="), "the page's script failed")
    let cells = reportHeatCells(inDOM: run.output)
    // Hand count: 日本 王五2020 ¶1 ¶2 (2) · 赵六2021 Japan, 日本 (2); 四方安全对话 2 + Quad, 四方安全对话 2.
    #expect(cells["entity-document|japan|王五2020"] == 2)
    #expect(cells["entity-document|japan|赵六2021"] == 2)
    #expect(cells["entity-document|quad|赵六2021"] == 2)
    #expect(cells["entity-document|summit|王五2020"] == 1)
    #expect(cells["entity-document|asean|王五2020"] == 1)
    // Paragraphs naming both: japan × quad in 王五2020 ¶1, ¶2 and 赵六2021 ¶1; australia × summit in ¶1 of each.
    #expect(cells["actor-mechanism|japan|quad"] == 3)
    #expect(cells["actor-mechanism|japan|summit"] == 1)
    #expect(cells["actor-mechanism|australia|summit"] == 2)
    #expect(cells["actor-mechanism|asean|quad"] == 1)
    #expect(cells["actor-mechanism|asean|summit"] == 1)
    #expect(cells["actor-mechanism|australia|quad"] == 1)
    #expect(cells.filter { $0.key.hasPrefix("actor-mechanism|") && $0.value > 0 }.count == 6)
  }

  @Test func aPinnedCellShowsCitationsReadyToPaste() throws {
    let page = try writePage(browserFixtureReport(), name: "report.html")
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let pinned = URL(string: page.absoluteString + "#cell=actor-mechanism/japan/quad") ?? page
    let run = try ReportHeadlessBrowser.run(["--dump-dom"], page: pinned)
    #expect(run.status == 0, "chromium failed: \(run.errors)")
    #expect(run.output.contains("日本 × 四方安全对话"))
    #expect(run.output.contains("3 paragraphs naming both, in 2 documents"))
    #expect(run.output.contains("“东盟对四方安全对话保持警惕，日本则加以安抚。”[@王五2020, ¶2]"))
    #expect(run.output.contains("“日本重视四方安全对话。”[@赵六2021, ¶1]"))
  }

  @Test func filtersByDocumentAndKindRecountTheCells() throws {
    let page = try writePage(browserFixtureReport(), name: "report.html")
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let filtered = URL(string: page.absoluteString + "#doc=%E8%B5%B5%E5%85%AD2021&kind=mechanism") ?? page
    let run = try ReportHeadlessBrowser.run(["--dump-dom"], page: filtered)
    #expect(run.status == 0, "chromium failed: \(run.errors)")
    let cells = reportHeatCells(inDOM: run.output)
    // Only 赵六2021's column, only mechanisms' rows.
    #expect(Set(cells.keys.filter { $0.hasPrefix("entity-document|") }) == [
      "entity-document|quad|赵六2021", "entity-document|summit|赵六2021",
    ])
    // Co-occurrence counted in 赵六2021 alone: japan × quad in ¶1; australia and asean × summit in ¶2.
    #expect(cells["actor-mechanism|japan|quad"] == 1)
    #expect(cells["actor-mechanism|australia|summit"] == 1)
    #expect(cells["actor-mechanism|asean|summit"] == 1)
    #expect(cells.filter { $0.key.hasPrefix("actor-mechanism|") && $0.value > 0 }.count == 3)
  }

  @Test func aScreenshotIsTaken() throws {
    let page = try writePage(browserFixtureReport(), name: "report.html")
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let screenshot = page.deletingLastPathComponent().appendingPathComponent("report.png")
    let run = try ReportHeadlessBrowser.run(["--screenshot=\(screenshot.path)", "--window-size=1400,1000"], page: page)
    #expect(run.status == 0, "chromium failed: \(run.errors)")
    let png = try Data(contentsOf: screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
    #expect(png.count > 10_000, "the screenshot is suspiciously small")
    // To look at it: REPORT_SCREENSHOT=/tmp/report.png swift test --filter ReportBrowserTests
    if let keep = ProcessInfo.processInfo.environment["REPORT_SCREENSHOT"] {
      try? png.write(to: URL(fileURLWithPath: keep))
    }
  }
}

/// The five reference papers, read at test time from ../shared/corpus.
private func referenceIndex() -> CorpusIndex? { ReferencePapers.index }

@Suite(
  .enabled(if: ReportHeadlessBrowser.path != nil, "chromium is not installed: the report page is not checked in a browser"),
  .enabled(if: TestPaths.sharedCorpus != nil, "../shared/corpus is absent: the reference papers are not checked"))
struct ReferencePapersReportPageTests {
  /// What an analyst expects to see on the five papers: Japan everywhere, NATO in the NATO paper, ASEAN in the
  /// ASEAN paper, and each grouping meeting its member states.
  @Test func heatMapsShowTheExpectedConcentrations() throws {
    let index = try #require(referenceIndex())
    let report = CooccurrenceReport(index: index, options: ReportOptions(top: 50, quotesPerCell: 20))
    let page = try writePage(report, name: "report.html")
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let run = try ReportHeadlessBrowser.run(["--dump-dom"], page: page)
    #expect(run.status == 0, "chromium failed: \(run.errors)")
    #expect(run.output.contains("data-rendered=\"true\"") && !run.output.contains("data-error="))
    let cells = reportHeatCells(inDOM: run.output)

    func key(ofFileStartingWith prefix: String) -> String? {
      index.papers.firstIndex { $0.stem.hasPrefix(prefix) }.flatMap { index.keys(of: $0).first }
    }
    func documentCounts(_ id: String) -> [String: Int] {
      var counts: [String: Int] = [:]
      for (cell, count) in cells where cell.hasPrefix("entity-document|\(id)|") {
        counts[String(cell.dropFirst("entity-document|\(id)|".count))] = count
      }
      return counts
    }
    #expect(documentCounts("nato").max { $0.value < $1.value }?.key == key(ofFileStartingWith: "004_"))
    #expect(documentCounts("asean").max { $0.value < $1.value }?.key == key(ofFileStartingWith: "000_"))
    let actorTotals = report.entityDocument.rows.filter { $0.kind == .actor }.map { row in
      (row.id, documentCounts(row.id).values.reduce(0, +))
    }
    #expect(actorTotals.max { $0.1 < $1.1 }?.0 == "japan")

    var groupings = 0
    for grouping in report.actorMechanism.columns where grouping.members.count >= 2 && grouping.total >= 10 {
      let members = report.actorMechanism.rows.map(\.id).filter { grouping.members.contains($0) }
      for member in members {
        #expect((cells["actor-mechanism|\(member)|\(grouping.id)"] ?? 0) > 0, "\(member) × \(grouping.id)")
      }
      groupings += members.isEmpty ? 0 : 1
    }
    #expect(groupings >= 3)
  }

  @Test func aScreenshotOfTheReferenceReportIsTaken() throws {
    let index = try #require(referenceIndex())
    let page = try writePage(CooccurrenceReport(index: index, options: ReportOptions(top: 30)), name: "report.html")
    defer { try? FileManager.default.removeItem(at: page.deletingLastPathComponent()) }
    let screenshot = page.deletingLastPathComponent().appendingPathComponent("reference.png")
    let pinned = URL(string: page.absoluteString + "#cell=actor-mechanism/japan/quad") ?? page
    let run = try ReportHeadlessBrowser.run(["--screenshot=\(screenshot.path)", "--window-size=1400,2400"], page: pinned)
    #expect(run.status == 0, "chromium failed: \(run.errors)")
    let png = try Data(contentsOf: screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 50_000)
    if let keep = ProcessInfo.processInfo.environment["REPORT_REFERENCE_SCREENSHOT"] {
      try? png.write(to: URL(fileURLWithPath: keep))
    }
  }
}

// MARK: - The command

/// Runs the built `corpus-lsp` with arguments; returns its exit status, stdout and stderr.
private func runTool(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
  let process = Process()
  process.executableURL = TestClient.serverBinary
  process.arguments = arguments
  let output = Pipe()
  let errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  let outputData = output.fileHandleForReading.readDataToEndOfFile()
  let errorData = errors.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self)
  )
}

private func temporaryWorkspace(_ files: [String: String]) throws -> URL {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("report-ws-\(UUID().uuidString)")
  for (path, text) in files {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }
  try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  return root
}

@Suite(.enabled(
  if: FileManager.default.isExecutableFile(atPath: TestClient.serverBinary.path),
  "the corpus-lsp binary is not built"))
struct ReportCommandTests {
  @Test func writesEveryFileOfTheReport() throws {
    let root = try temporaryWorkspace([
      "corpus/钱七2022.txt": """
        日本与东盟的安全合作

        钱七

        日本与东盟在首脑会议上讨论了海上安全。美国和澳大利亚支持日本的立场。

        日本、美国、澳大利亚和印度通过四方安全对话加强协调，东盟则强调自身的中心地位。

        """,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try runTool(["report", "--workspace", root.path, "--within", "sentence"])
    #expect(run.status == 0, "\(run.errors)")
    let names = ["documents.csv", "entity-document.csv", "actor-mechanism-by-sentence.csv", "cells.csv", "report.html"]
    for name in names {
      #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("report/\(name)").path), "\(name)")
      #expect(run.output.contains(name))
    }
    #expect(run.errors.contains("indexed 1 documents"), "progress goes to stderr")
    let table = try Data(contentsOf: root.appendingPathComponent("report/entity-document.csv"))
    #expect(Array(table.prefix(3)) == ReportCSV.byteOrderMark, "Excel needs the mark to read UTF-8")
    #expect(String(decoding: table.dropFirst(3), as: UTF8.self).hasPrefix("id,name,english,kind,total"))
    #expect(String(decoding: table, as: UTF8.self).contains("japan,日本"))
  }

  @Test func formatAndOutFolderAreHonoured() throws {
    let root = try temporaryWorkspace(["corpus/a.txt": "日本与东盟。\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("elsewhere")
    let run = try runTool(["report", "--workspace", root.path, "--out", out.path, "--format", "html", "--quiet"])
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.errors.isEmpty)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("report.html").path))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("cells.csv").path))
  }

  @Test func anEmptyOrMissingCorpusIsAClearErrorWithStatus2() throws {
    let empty = try temporaryWorkspace(["notes/a.md": "# notes\n"])
    defer { try? FileManager.default.removeItem(at: empty) }
    let run = try runTool(["report", "--workspace", empty.path])
    #expect(run.status == 2)
    #expect(run.errors.contains("no corpus"))
    let missing = try runTool(["report", "--workspace", empty.appendingPathComponent("nowhere").path])
    #expect(missing.status == 2)
  }

  @Test(arguments: [["--format", "pdf"], ["--within", "page"], ["--top", "-1"], ["--quotes", "x"], ["--nope"]])
  func badOptionsAreUsageErrors(arguments: [String]) throws {
    let run = try runTool(["report"] + arguments)
    #expect(run.status == 2)
    #expect(!run.errors.isEmpty)
  }
}
