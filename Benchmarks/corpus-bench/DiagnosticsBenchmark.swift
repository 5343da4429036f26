//! `corpus-bench diagnostics`: didChange → publishDiagnostics latency for a 20 KB note (5 papers, ~100 MB), and
//! checking 1,000 generated notes against the ~100 MB corpus.
import Corpus
import Dispatch
import Foundation
import LSP
import Synchronization

/// Runs the real server in-process over two pipes (the stdio code path, no debounce) on a temporary workspace:
/// the reference papers, then copies of them up to ~100 MB (as `corpus-bench index` builds them). The notes are
/// generated at run time from the indexed papers (our filler prose around quotations of real paragraphs, never
/// stored): a 20 KB note is edited one character at a time and the time to its new diagnostics is measured.
enum DiagnosticsBenchmark {
  static let help = """
    USAGE: corpus-bench diagnostics [--sizes 0,100] [--edits N] [--notes N] [--source DIR] [--distinct] [--keep]

    For each corpus size (0 = the reference papers alone, else MB of copies): starts the server on the workspace,
    opens a 20 KB note (citations, quotations, a tenth mis-cited), sends N single-character edits (default 200)
    one after another and reports didChange → publishDiagnostics latency p50/p99/max (target p99 < 50 ms).
    On the largest size it also checks N generated notes (default 1000; 10 citations and 3 quotations each, a
    tenth of the quotations mis-cited: half to another paragraph, half to another paper), as `corpus-lsp check`
    does: load time, check time, notes/s. With --distinct the copies are altered so that no passage repeats
    (a real corpus has no duplicates): the corpus-wide search for mis-cited quotations then scans every byte.
    """

  static func run(_ arguments: [String]) -> Int32 {
    var sizes = [0, 100]
    var edits = 200
    var noteCount = 1000
    var keep = false
    var distinct = false
    var source = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared/corpus")
      .standardizedFileURL
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      let value = index + 1 < arguments.count ? arguments[index + 1] : ""
      switch argument {
      case "--help", "-h":
        output(help)
        return 0
      case "--sizes": sizes = value.split(separator: ",").compactMap { Int($0) }
      case "--edits": edits = Int(value) ?? edits
      case "--notes": noteCount = Int(value) ?? noteCount
      case "--source": source = URL(fileURLWithPath: value)
      case "--keep":
        keep = true
        index -= 1
      case "--distinct":
        distinct = true
        index -= 1
      default:
        output("corpus-bench diagnostics: unknown option \(argument)\n\n\(help)")
        return 2
      }
      index += 2
    }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []).sorted()
      .filter { $0.hasSuffix(".txt") }
    let papers = names.compactMap { FileManager.default.contents(atPath: source.appendingPathComponent($0).path) }
    guard !papers.isEmpty else {
      output("corpus-bench diagnostics: no .txt papers in \(source.path)")
      return 2
    }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-bench-diagnostics-\(getpid())")
    defer { if !keep { try? FileManager.default.removeItem(at: base) } }
    for (position, size) in sizes.enumerated() {
      let root = base.appendingPathComponent("ws\(size)")
      let corpus = root.appendingPathComponent("corpus")
      try? FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
      var total = 0
      for (name, data) in zip(names, papers) {
        _ = FileManager.default.createFile(atPath: corpus.appendingPathComponent(name).path, contents: data)
        total += data.count
      }
      var copy = 0
      while total < size * 1_000_000 {
        let data = corpusCopy(of: papers[copy % papers.count], number: copy, distinct: distinct)
        _ = FileManager.default.createFile(
          atPath: corpus.appendingPathComponent(String(format: "copy%05d.txt", copy)).path, contents: data)
        total += data.count
        copy += 1
      }
      let clock = ContinuousClock()
      let loadStart = clock.now
      let analysis = WorkspaceAnalysis.load(root: root)
      let loadSeconds = seconds(clock.now - loadStart)
      let sources = QuoteSource.collect(analysis, originals: Set(names.map { "corpus/" + $0 }))
      output(
        String(
          format: "corpus: %d files, %.1f MB, %d papers indexed in %.2f s", names.count + copy,
          Double(total) / 1e6, analysis.index.papers.count, loadSeconds))
      guard !sources.isEmpty else {
        output("  no paragraphs to quote")
        continue
      }
      var generator = LSPBenchmark.Generator(state: 42)
      let note = makeNote(bytes: 20_000, sources: sources, generator: &generator)
      let checkStart = clock.now
      let findings = Checker.check(text: note, index: analysis.index, context: analysis.checkContext(notePath: "n.md"))
      let parseStart = clock.now
      _ = NoteParser.parse(note)
      output(
        String(
          format: "  20 KB note alone: check %.1f ms (parse %.1f ms), %d findings", seconds(parseStart - checkStart) * 1000,
          seconds(clock.now - parseStart) * 1000, findings.count))
      if edits > 0 { measureLatency(root: root, note: note, edits: edits) }
      if position == sizes.count - 1 {
        measureCheck(analysis: analysis, sources: sources, count: noteCount)
      }
      try? FileManager.default.removeItem(at: root)
    }
    return 0
  }

  /// Prints at once (figures of a long run show up as they come, even when stdout is a file).
  static func output(_ line: String) {
    print(line)
    fflush(nil)
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }

  // MARK: Notes

  /// A paragraph of an original paper that a note may quote: its key, number and text.
  struct QuoteSource {
    var key: String
    var paragraph: Int
    var paragraphCount: Int
    var text: [Character]
    /// Footnote marks of the paragraph (`^①`, `^{*}`), in characters: a quotation never cuts through one.
    var marks: [Swift.Range<Int>]

    static func collect(_ analysis: WorkspaceAnalysis, originals: Set<String>) -> [QuoteSource] {
      var sources: [QuoteSource] = []
      for (number, paper) in analysis.index.papers.enumerated() where originals.contains(paper.file) {
        let key = paper.stem  // the file stem is always a key, whatever the copies do to author-year keys
        _ = number
        for paragraph in paper.paragraphs where paragraph.text.count >= 40 {
          let characters = Array(paragraph.text)
          var starts: [Int] = []
          var offset = 0
          for character in characters {
            starts.append(offset)
            offset += character.utf8.count
          }
          let marks = paragraph.footnoteRefs.map { ref -> Swift.Range<Int> in
            let first = starts.firstIndex { $0 >= ref.range.start.utf8Offset } ?? characters.count
            let end = starts.firstIndex { $0 >= ref.range.end.utf8Offset } ?? characters.count
            return first..<max(first, end)
          }
          sources.append(
            QuoteSource(
              key: key, paragraph: paragraph.number, paragraphCount: paper.paragraphs.count, text: characters,
              marks: marks))
        }
      }
      return sources
    }
  }

  static let filler = [
    "作者认为", "这一判断", "值得商榷", "从比较的角度看", "各方的立场", "并不一致", "需要进一步考察", "相关的制度安排",
    "在实践中", "逐步形成", "本文注意到", "其中的逻辑",
  ]

  /// One line of a note: filler prose, then either a citation or a quotation (mis-cited one time in ten).
  static func noteLine(quotation: Bool, sources: [QuoteSource], generator: inout LSPBenchmark.Generator) -> String {
    var miscited = 0
    return noteLine(quotation: quotation, sources: sources, generator: &generator, miscited: &miscited)
  }

  /// `miscited` counts the quotations cited to the wrong paragraph or paper.
  static func noteLine(
    quotation: Bool, sources: [QuoteSource], generator: inout LSPBenchmark.Generator, miscited: inout Int
  ) -> String {
    var line = ""
    for _ in 0..<(4 + Int(generator.next() % 6)) { line += filler[Int(generator.next() % UInt64(filler.count))] }
    let source = sources[Int(generator.next() % UInt64(sources.count))]
    if quotation {
      let length = 12 + Int(generator.next() % 12)
      var start = Int(generator.next() % UInt64(max(1, source.text.count - length)))
      var end = min(source.text.count, start + length)
      // As an analyst cuts: never inside a footnote mark (`…作用。^` is no quotation), and with the paper's
      // double quote marks turned single inside the note's own (“……‘印太’……”), as they are nested in Chinese.
      for mark in source.marks {
        if mark.contains(start), start > mark.lowerBound { start = mark.upperBound }
        if mark.contains(end), end > mark.lowerBound { end = mark.upperBound }
      }
      let cut = String(source.text[min(start, end)..<end])
      let quoted = String(cut.map { $0 == "“" ? "‘" : $0 == "”" ? "’" : $0 })
      var paragraph = source.paragraph
      var key = source.key
      if generator.next() % 10 == 0 {  // mis-cited: to the next paragraph, or to another paper
        miscited += 1
        if generator.next() % 2 == 0 {
          paragraph = paragraph % source.paragraphCount + 1
        } else if let other = sources.first(where: { $0.key != source.key }) {
          key = other.key
          paragraph = 1
        }
      }
      line += "，正如“\(quoted)”[@\(key), ¶\(paragraph)]。"
    } else {
      line += "[@\(source.key), ¶\(source.paragraph)]。"
    }
    return line
  }

  static func makeNote(bytes: Int, sources: [QuoteSource], generator: inout LSPBenchmark.Generator) -> String {
    var text = "# 基准笔记\n\n"
    var line = 0
    while text.utf8.count < bytes {
      text += noteLine(quotation: line % 3 == 0, sources: sources, generator: &generator) + "\n\n"
      line += 1
    }
    return text
  }

  /// 10 citations, 3 of them after quotations.
  static func shortNote(sources: [QuoteSource], generator: inout LSPBenchmark.Generator, miscited: inout Int) -> String {
    var text = "# 笔记\n\n"
    for line in 0..<10 {
      text += noteLine(quotation: line < 3, sources: sources, generator: &generator, miscited: &miscited) + "\n"
    }
    return text
  }

  // MARK: Latency

  final class Published: Sendable {
    let state = Mutex<(versions: [Int: UInt64], waiting: Int?, responses: Set<Int>)>(([:], nil, []))
    let arrived = DispatchSemaphore(value: 0)
  }

  static func measureLatency(root: URL, note: String, edits: Int) {
    var toServer: [Int32] = [0, 0]
    var fromServer: [Int32] = [0, 0]
    guard pipe(&toServer) == 0, pipe(&fromServer) == 0 else { return }
    var options = ServerOptions()
    options.workspaceRoot = root
    options.documentHookDelay = .milliseconds(0)
    let server = Server(input: toServer[0], output: fromServer[1], options: options, logger: Logger(level: .error))
    Thread { _ = server.run() }.start()
    let published = Published()
    let reader = Connection(input: fromServer[0], output: -1, logger: Logger(level: .error))
    reader.start { incoming in
      guard case .message(let json) = incoming else { return }
      let now = DispatchTime.now().uptimeNanoseconds
      var key: Int?
      if json["method"] == "textDocument/publishDiagnostics", let version = json["params"]?["version"]?.intValue {
        key = version
      } else if json["method"] == nil, let id = json["id"]?.intValue {
        key = -id
      }
      guard let key else { return }
      let wake = published.state.withLock { state -> Bool in
        state.versions[key] = now
        return state.waiting == key
      }
      if wake { published.arrived.signal() }
    }
    let serverInput = toServer[1]
    func send(_ message: JSONValue) { writeFrame(message, to: serverInput) }
    func wait(_ key: Int, timeout: Double = 600) -> UInt64 {
      let already = published.state.withLock { state -> UInt64? in
        if let time = state.versions[key] { return time }
        state.waiting = key
        return nil
      }
      if let already { return already }
      _ = published.arrived.wait(timeout: .now() + timeout)
      return published.state.withLock { $0.versions[key] } ?? DispatchTime.now().uptimeNanoseconds
    }
    var nextID = 0
    func request(_ method: String) -> Int {
      nextID += 1
      send(["jsonrpc": "2.0", "id": .integer(nextID), "method": .string(method), "params": .null])
      return -nextID
    }
    send(["jsonrpc": "2.0", "id": 0, "method": "initialize", "params": ["capabilities": [:]]])
    send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    let clock = ContinuousClock()
    let indexStart = clock.now
    _ = wait(request("corpusLsp/synchronize"))
    let indexSeconds = seconds(clock.now - indexStart)
    let uri = JSONValue.string(root.appendingPathComponent("notes/bench.md").absoluteString)
    let openedAt = DispatchTime.now().uptimeNanoseconds
    send([
      "jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": .string(note)]],
    ])
    let firstCheck = Double(wait(1) - openedAt) / 1e6
    var latencies: [Double] = []
    let lines = note.split(separator: "\n", omittingEmptySubsequences: false).count
    for edit in 0..<edits {
      let version = edit + 2
      // A character typed in the filler at the start of a line: the note changes, its citations do not.
      let position: JSONValue = ["line": .integer(2 + (edit * 2) % max(1, lines - 3)), "character": 0]
      let sentAt = DispatchTime.now().uptimeNanoseconds
      send([
        "jsonrpc": "2.0", "method": "textDocument/didChange",
        "params": [
          "textDocument": ["uri": uri, "version": .integer(version)],
          "contentChanges": [["range": ["start": position, "end": position], "text": "中"]],
        ],
      ])
      let receivedAt = wait(version)
      if receivedAt > sentAt { latencies.append(Double(receivedAt - sentAt) / 1e6) }
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double { latencyPercentile(p, of: latencies) }
    output(
      String(
        format: "  server index %.2f s; 20 KB note: first check %.1f ms; %d edits didChange → publishDiagnostics "
          + "p50 %.2f ms, p99 %.2f ms, max %.2f ms",
        indexSeconds, firstCheck, latencies.count, percentile(0.5), percentile(0.99), latencies.last ?? .nan))
    _ = wait(request("shutdown"))
    send(["jsonrpc": "2.0", "method": "exit", "params": .null])
    close(serverInput)
    usleep(100_000)
  }

  // MARK: check

  /// `check` over generated notes: every note read and checked concurrently against the loaded analysis.
  static func measureCheck(analysis: WorkspaceAnalysis, sources: [QuoteSource], count: Int) {
    var generator = LSPBenchmark.Generator(state: 7)
    var miscited = 0
    let notes = (0..<count).map { _ in shortNote(sources: sources, generator: &generator, miscited: &miscited) }
    let clock = ContinuousClock()
    let start = clock.now
    let counts = Mutex<[Rule: Int]>([:])
    // In chunks of 100, each reported, so a long run on a slow machine shows its rate as it goes.
    for chunk in stride(from: 0, to: notes.count, by: 100) {
      let end = min(notes.count, chunk + 100)
      DispatchQueue.concurrentPerform(iterations: end - chunk) { offset in
        let number = chunk + offset
        let findings = Checker.check(
          text: notes[number], index: analysis.index, context: analysis.checkContext(notePath: "notes/\(number).md"))
        counts.withLock { counts in for finding in findings { counts[finding.rule, default: 0] += 1 } }

      }
      if end < notes.count {
        output(String(format: "    %d notes checked in %.1f s", end, seconds(clock.now - start)))
      }
    }
    let elapsed = seconds(clock.now - start)
    let summary = counts.withLock { $0 }.sorted { $0.key.rawValue < $1.key.rawValue }
      .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
    output(
      String(
        format: "  check: %d notes (10 citations, 3 quotations each) in %.2f s after the load: %.0f notes/s, "
          + "%.2f ms per note", count, elapsed, Double(count) / elapsed, elapsed * 1000 / Double(count)))
    output("  findings: \(summary)")
    // Every generated quotation is in its paper: only the mis-cited ones should be flagged (a few fewer when
    // the quoted words also occur in the paragraph wrongly cited).
    output("  generated: \(count * 3) quotations, \(miscited) of them mis-cited (to another paragraph or another paper)")
  }
}
