//! `corpus-bench lsp`: messages per second for a didChange stream over 50 KB Chinese documents, hover p50/p99.
import Dispatch
import Foundation
import LSP
import Synchronization

/// Runs the real server loop in-process over two pipes (the same code path as stdio) and drives it as a
/// client would: 4 large Chinese notes edited by a stream of didChange notifications, with a hover request on
/// a short note every few notifications. Latency is from just before a hover is written to its response.
enum LSPBenchmark {
  struct Options {
    var changes = 10_000
    var documentBytes = 50_000
    var hoverEvery = 10
    var fullEvery = 0  // 0: incremental edits; N: every Nth change resends the whole document
    var rate = 0  // didChange notifications per second the client offers; 0: as fast as it can write
  }

  static let help = """
    USAGE: corpus-bench lsp [--changes N] [--document-bytes N] [--hover-every N] [--full-every N] [--rate N]

    Streams N didChange notifications (default 10000) over four open Chinese documents of about 50 KB,
    a hover request on a short document every 10 notifications, then reports messages/s and hover latency.
    Without --full-every/--rate it runs three scenarios: incremental edits sent as fast as possible (throughput;
    hovers wait behind the queued edits, as ordering requires), the same paced at 2000 edits/s (latency of a
    light request while the server is busy but keeping up), and full-document syncs (--full-every 1).
    """

  static func run(_ arguments: [String]) -> Int32 {
    var options = Options()
    var scenarios: [(fullEvery: Int, rate: Int)]? = nil
    var rate = 0
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--help" || argument == "-h" {
        print(help)
        return 0
      }
      guard index + 1 < arguments.count, let value = Int(arguments[index + 1]), value >= 0 else {
        print("corpus-bench lsp: \(argument) needs a number\n\n\(help)")
        return 2
      }
      switch argument {
      case "--changes": options.changes = value
      case "--document-bytes": options.documentBytes = value
      case "--hover-every": options.hoverEvery = max(1, value)
      case "--full-every": scenarios = [(value, 0)]
      case "--rate": rate = value
      default:
        print("corpus-bench lsp: unknown option \(argument)\n\n\(help)")
        return 2
      }
      index += 2
    }
    if rate > 0 { scenarios = [(scenarios?.first?.fullEvery ?? 0, rate)] }
    for scenario in scenarios ?? [(0, 0), (0, 2000), (1, 0)] {
      options.fullEvery = scenario.fullEvery
      options.rate = scenario.rate
      measure(options)
    }
    return 0
  }

  // MARK: Workload

  /// Synthetic Chinese prose (our own words, not corpus text): common characters, full-width punctuation,
  /// an occasional astral character and Latin term, lines of about 60 characters.
  static func chineseDocument(bytes: Int, seed: UInt64) -> String {
    let words = [
      "日本", "外交", "政策", "东盟", "合作", "安全", "战略", "地区", "经济", "发展", "关系", "国家",
      "印太", "同盟", "机制", "对话", "首脑", "会议", "框架", "伙伴", "倡议", "援助", "多边", "协定",
    ]
    let punctuation = ["，", "。", "、", "；", "（注）", "“", "”", "①"]
    var generator = Generator(state: seed)
    var text = "# 研究笔记\n\n"
    var lineLength = 0
    while text.utf8.count < bytes {
      text += words[Int(generator.next() % UInt64(words.count))]
      lineLength += 2
      let roll = generator.next() % 100
      if roll < 20 { text += punctuation[Int(generator.next() % UInt64(punctuation.count))] }
      if roll == 50 { text += "𠀀" }
      if roll == 51 { text += " ASEAN " }
      if lineLength > 60 {
        text += "\n"
        lineLength = 0
      }
    }
    return text
  }

  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state >> 33
    }
  }

  // MARK: Measurement

  final class Responses: Sendable {
    let state = Mutex<(received: [Int: UInt64], waiting: Int?)>(([:], nil))
    let done = DispatchSemaphore(value: 0)
  }

  static func measure(_ options: Options) {
    var toServer: [Int32] = [0, 0]
    var fromServer: [Int32] = [0, 0]
    guard pipe(&toServer) == 0, pipe(&fromServer) == 0 else {
      print("corpus-bench lsp: cannot create pipes")
      return
    }
    var serverOptions = ServerOptions()
    serverOptions.serverVersion = "bench"
    let server = Server(
      input: toServer[0], output: fromServer[1], options: serverOptions, logger: Logger(level: .error))
    let serverThread = Thread { _ = server.run() }
    serverThread.start()

    // The client side: a reader that timestamps responses, and blocking framed writes.
    let responses = Responses()
    let reader = Connection(input: fromServer[0], output: -1, logger: Logger(level: .error))
    reader.start { incoming in
      guard case .message(let json) = incoming, json["method"] == nil, let id = json["id"]?.intValue else { return }
      let now = DispatchTime.now().uptimeNanoseconds
      let wake = responses.state.withLock { state -> Bool in
        state.received[id] = now
        return state.waiting == id
      }
      if wake { responses.done.signal() }
    }
    let output = toServer[1]
    var bytesWritten = 0
    func send(_ message: JSONValue) { bytesWritten += writeFrame(message, to: output) }
    var nextID = 0
    func request(_ method: String, _ params: JSONValue) -> Int {
      nextID += 1
      send(["jsonrpc": "2.0", "id": .integer(nextID), "method": .string(method), "params": params])
      return nextID
    }
    func notify(_ method: String, _ params: JSONValue) {
      send(["jsonrpc": "2.0", "method": .string(method), "params": params])
    }
    func wait(for id: Int) {
      let alreadyThere = responses.state.withLock { state -> Bool in
        if state.received[id] != nil { return true }
        state.waiting = id
        return false
      }
      if !alreadyThere { responses.done.wait() }
    }

    // Handshake and documents.
    wait(for: request("initialize", ["capabilities": ["general": ["positionEncodings": ["utf-16"]]]]))
    notify("initialized", [:])
    let documents = (0..<4).map { chineseDocument(bytes: options.documentBytes, seed: UInt64($0 + 1)) }
    let alternates = (0..<4).map { chineseDocument(bytes: options.documentBytes, seed: UInt64($0 + 100)) }
    func lineCount(_ text: String) -> Int { text.utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
    let originalLineCounts = documents.map(lineCount)
    let alternateLineCounts = alternates.map(lineCount)
    var lineCounts = originalLineCounts
    for (index, text) in documents.enumerated() {
      notify(
        "textDocument/didOpen",
        [
          "textDocument": [
            "uri": .string("file:///bench/note\(index).md"),
            "languageId": "markdown", "version": 1, "text": .string(text),
          ]
        ])
    }
    let shortURI = "file:///bench/short.md"
    notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(shortURI), "languageId": "markdown",
          "version": 1, "text": "日本与东盟的合作 [@张三2021, ¶3] 见 [[东盟]]。\n",
        ]
      ])
    wait(for: request("corpusLsp/synchronize", .null))

    // The stream.
    var generator = Generator(state: 7)
    var hoverSent: [Int: UInt64] = [:]
    var versions = [Int](repeating: 1, count: documents.count)
    let insertions = ["中", "日本", "，", "𠀀", "合作机制", "\n"]
    let start = DispatchTime.now().uptimeNanoseconds
    bytesWritten = 0
    var messages = 0
    for change in 0..<options.changes {
      if options.rate > 0 {
        let due = start + UInt64(change) * 1_000_000_000 / UInt64(options.rate)
        let now = DispatchTime.now().uptimeNanoseconds
        if due > now { usleep(UInt32((due - now) / 1000)) }
      }
      let document = change % documents.count
      versions[document] += 1
      let uri = JSONValue.string("file:///bench/note\(document).md")
      let contentChange: JSONValue
      if options.fullEvery > 0, change % options.fullEvery == 0 {
        // Alternate between two full texts so every full sync really changes the document.
        let useAlternate = (change / documents.count) % 2 == 0
        let text = useAlternate ? alternates[document] : documents[document]
        lineCounts[document] = useAlternate ? alternateLineCounts[document] : originalLineCounts[document]
        contentChange = ["text": .string(text)]
      } else {
        let line = Int(generator.next() % UInt64(max(1, lineCounts[document] - 1)))
        let character = Int(generator.next() % 40)
        let insertion = insertions[Int(generator.next() % UInt64(insertions.count))]
        if insertion == "\n" { lineCounts[document] += 1 }
        let position: JSONValue = ["line": .integer(line), "character": .integer(character)]
        contentChange = ["range": ["start": position, "end": position], "text": .string(insertion)]
      }
      notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": uri, "version": .integer(versions[document])],
          "contentChanges": [contentChange],
        ])
      messages += 1
      if change % options.hoverEvery == 0 {
        let sentAt = DispatchTime.now().uptimeNanoseconds
        let id = request(
          "textDocument/hover",
          [
            "textDocument": ["uri": .string(shortURI)],
            "position": ["line": 0, "character": 3],
          ])
        hoverSent[id] = sentAt
        messages += 1
      }
    }
    wait(for: request("corpusLsp/synchronize", .null))
    messages += 1
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

    let received = responses.state.withLock { $0.received }
    let latencies = hoverSent.compactMap { id, sentAt in received[id].map { Double($0 - sentAt) / 1e6 } }.sorted()
    func percentile(_ p: Double) -> Double { latencyPercentile(p, of: latencies) }
    var scenario =
      options.fullEvery == 0
      ? "incremental edits" : options.fullEvery == 1 ? "full-document sync" : "full sync every \(options.fullEvery)"
    scenario += options.rate > 0 ? " paced at \(options.rate) didChange/s" : " as fast as the client writes"
    print(
      "lsp benchmark — \(scenario): \(options.changes) didChange over 4 × \(options.documentBytes / 1000) KB "
        + "Chinese documents, hover every \(options.hoverEvery)")
    print(
      String(
        format: "  %d messages in %.2f s: %.0f messages/s, %.1f MB/s of input",
        messages, elapsed, Double(messages) / elapsed, Double(bytesWritten) / elapsed / 1e6))
    print(
      String(
        format: "  hover latency under load (%d requests): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
        latencies.count, percentile(0.5), percentile(0.99), latencies.last ?? .nan))

    _ = request("shutdown", .null)
    notify("exit", .null)
    close(toServer[1])
    usleep(100_000)
  }
}
