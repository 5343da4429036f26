//! `corpus-bench features`: p50/p99 latency of completion, hover, definition and references over real pipes, on
//! the five reference papers and on ~100 MB of copies of them.
import Dispatch
import Foundation
import LSP
import Synchronization

/// Runs the real server in-process over two pipes (the stdio code path) on a temporary workspace, waits for the
/// analysis, opens a note and times each request from just before it is written to its response.
enum FeaturesBenchmark {
  static let help = """
    USAGE: corpus-bench features [--sizes 0,100] [--iterations N] [--source DIR]

    Size 0 is the five reference papers as they are (default ../shared/corpus); other sizes (MB) copy them under
    new names until reached. 20 notes cite the first paper. Each request kind is sent N times (default 200),
    one at a time, and its latency reported as p50/p99/max.
    Targets at 100 MB: p99 under 10 ms for completion and hover, under 50 ms for references.
    """

  static func run(_ arguments: [String]) -> Int32 {
    var sizes = [0, 100]
    var iterations = 200
    var source = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared/corpus")
      .standardizedFileURL
    var index = 0
    while index < arguments.count {
      switch arguments[index] {
      case "--help", "-h":
        print(help)
        return 0
      case "--sizes" where index + 1 < arguments.count:
        sizes = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
        index += 1
      case "--iterations" where index + 1 < arguments.count:
        iterations = max(1, Int(arguments[index + 1]) ?? iterations)
        index += 1
      case "--source" where index + 1 < arguments.count:
        source = URL(fileURLWithPath: arguments[index + 1])
        index += 1
      default:
        print("corpus-bench features: unknown option \(arguments[index])\n\n\(help)")
        return 2
      }
      index += 1
    }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []).sorted().filter { $0.hasSuffix(".txt") }
    let papers = names.compactMap { name in FileManager.default.contents(atPath: source.appendingPathComponent(name).path) }
    guard !papers.isEmpty else {
      print("corpus-bench features: no .txt papers in \(source.path)")
      return 2
    }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-bench-features-\(getpid())")
    defer { try? FileManager.default.removeItem(at: base) }
    for size in sizes {
      let folder = base.appendingPathComponent("ws\(size)")
      let corpus = folder.appendingPathComponent("corpus")
      try? FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
      var total = 0
      var key = ""
      if size == 0 {
        for (name, data) in zip(names, papers) {
          _ = FileManager.default.createFile(atPath: corpus.appendingPathComponent(name).path, contents: data)
          total += data.count
        }
        key = String(names[0].dropLast(4))
      } else {
        var copy = 0
        while total < size * 1_000_000 {
          let data = papers[copy % papers.count]
          _ = FileManager.default.createFile(
            atPath: corpus.appendingPathComponent(String(format: "paper%05d.txt", copy)).path, contents: data)
          total += data.count
          copy += 1
        }
        key = "paper00000"
      }
      let notes = folder.appendingPathComponent("notes")
      try? FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
      for number in 0..<20 {
        let text = "# 笔记 \(number)\n\n见 [@\(key), ¶\(number + 1)]，又见 [[日本]] 与东盟。\n"
        _ = FileManager.default.createFile(atPath: notes.appendingPathComponent("n\(number).md").path, contents: Data(text.utf8))
      }
      measure(folder: folder, key: key, label: size == 0 ? "5 papers (\(total / 1000) KB)" : "\(total / 1_000_000) MB",
              iterations: iterations)
    }
    return 0
  }

  final class Responses: Sendable {
    let state = Mutex<(received: [Int: (UInt64, Int)], waiting: Int?)>(([:], nil))
    let done = DispatchSemaphore(value: 0)
  }

  /// Whole-document requests on a note of one long line (an extract pasted without line breaks: 20,000 citations
  /// and mentions on it), five times each: their time must grow with the line, not with its square.
  static func measureLongLine(
    key: String, folder: URL, request: (String, JSONValue) -> Int, wait: (Int) -> (UInt64, Int),
    send: (JSONValue) -> Void
  ) {
    let uri = folder.appendingPathComponent("notes/long-line.md").absoluteString
    let text = String(repeating: "日本[@\(key)] ", count: 20_000)
    send([
      "jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": .string(uri), "languageId": "markdown", "version": 1, "text": .string(text)]],
    ])
    _ = wait(request("corpusLsp/synchronize", .null))
    let document: JSONValue = ["textDocument": ["uri": .string(uri)]]
    let methods = [
      "textDocument/semanticTokens/full", "textDocument/documentSymbol", "textDocument/foldingRange",
      "textDocument/documentLink", "textDocument/inlayHint",
    ]
    print("  one line of \(text.utf8.count / 1000) KB (20,000 citations), 5 requests each:")
    for method in methods {
      var params = document
      if method == "textDocument/inlayHint", case .object(var object) = params {
        let end: JSONValue = ["line": 0, "character": .integer(text.utf16.count)]
        object["range"] = ["start": ["line": 0, "character": 0], "end": end]
        params = .object(object)
      }
      var latencies: [Double] = []
      var results = 0
      for _ in 0..<5 {
        let sentAt = DispatchTime.now().uptimeNanoseconds
        let (receivedAt, count) = wait(request(method, params))
        latencies.append(Double(receivedAt - sentAt) / 1e6)
        results = count
      }
      latencies.sort()
      print(
        "  " + method.dropFirst("textDocument/".count).padding(toLength: 28, withPad: " ", startingAt: 0)
          + String(format: " %7d %8.2f %8.2f %8.2f", results, latencies[2], latencies[4], latencies[4]))
    }
  }

  static func measure(folder: URL, key: String, label: String, iterations: Int) {
    var toServer: [Int32] = [0, 0]
    var fromServer: [Int32] = [0, 0]
    guard pipe(&toServer) == 0, pipe(&fromServer) == 0 else {
      print("corpus-bench features: cannot create pipes")
      return
    }
    var serverOptions = ServerOptions()
    serverOptions.serverVersion = "bench"
    serverOptions.workspaceRoot = folder
    let server = Server(input: toServer[0], output: fromServer[1], options: serverOptions, logger: Logger(level: .error))
    let serverThread = Thread { _ = server.run() }
    serverThread.start()

    let responses = Responses()
    let reader = Connection(input: fromServer[0], output: -1, logger: Logger(level: .error))
    reader.start { incoming in
      guard case .message(let json) = incoming, json["method"] == nil, let id = json["id"]?.intValue else { return }
      let now = DispatchTime.now().uptimeNanoseconds
      // A rough size of the answer: how many items or locations came back.
      let count = json["result"]?["items"]?.arrayValue?.count ?? json["result"]?.arrayValue?.count
        ?? (json["result"]?.isNull == false ? 1 : 0)
      let wake = responses.state.withLock { state -> Bool in
        state.received[id] = (now, count)
        return state.waiting == id
      }
      if wake { responses.done.signal() }
    }
    let output = toServer[1]
    func send(_ message: JSONValue) { writeFrame(message, to: output) }
    var nextID = 0
    func request(_ method: String, _ params: JSONValue) -> Int {
      nextID += 1
      send(["jsonrpc": "2.0", "id": .integer(nextID), "method": .string(method), "params": params])
      return nextID
    }
    func wait(for id: Int) -> (UInt64, Int) {
      let already = responses.state.withLock { state -> (UInt64, Int)? in
        if let found = state.received[id] { return found }
        state.waiting = id
        return nil
      }
      if let already { return already }
      responses.done.wait()
      return responses.state.withLock { $0.received[id] ?? (0, 0) }
    }

    let loadStart = DispatchTime.now().uptimeNanoseconds
    _ = wait(for: request("initialize", ["capabilities": ["general": ["positionEncodings": ["utf-16"]]]]))
    send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])
    _ = wait(for: request("corpusLsp/synchronize", .null))
    let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e9

    // The note: positions counted in UTF-16 by hand (the text is what the lines say).
    let lines = ["# 基准 𠀀", "见 [@\(key), ¶3] 与 [[日本]]。", "[@", "[[", "[@\(key), ", "今天东盟开会。"]
    let uri = folder.appendingPathComponent("notes/bench.md").absoluteString
    send([
      "jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": .string(uri), "languageId": "markdown", "version": 1,
                                  "text": .string(lines.joined(separator: "\n") + "\n")]],
    ])
    func at(_ line: Int, _ prefix: String) -> JSONValue {
      ["textDocument": ["uri": .string(uri)], "position": ["line": .integer(line), "character": .integer(prefix.utf16.count)]]
    }
    let keyPosition = at(1, "见 [@\(key.prefix(1))")
    let entityPosition = at(1, "见 [@\(key), ¶3] 与 [[日")
    var referencesParams = keyPosition
    var entityReferences = entityPosition
    if case .object(var object) = referencesParams {
      object["context"] = ["includeDeclaration": true]
      referencesParams = .object(object)
    }
    if case .object(var object) = entityReferences {
      object["context"] = ["includeDeclaration": false]
      entityReferences = .object(object)
    }
    let cases: [(String, String, JSONValue)] = [
      ("completion [@ (documents)", "textDocument/completion", at(2, "[@")),
      ("completion [[ (entities)", "textDocument/completion", at(3, "[[")),
      ("completion locators", "textDocument/completion", at(4, "[@\(key), ")),
      ("hover citation", "textDocument/hover", keyPosition),
      ("hover entity link", "textDocument/hover", entityPosition),
      ("hover implicit mention", "textDocument/hover", at(5, "今天东")),
      ("definition citation", "textDocument/definition", keyPosition),
      ("definition entity", "textDocument/definition", entityPosition),
      ("references citation", "textDocument/references", referencesParams),
      ("references entity", "textDocument/references", entityReferences),
    ]
    _ = wait(for: request("corpusLsp/synchronize", .null))
    print("features benchmark — \(label), workspace loaded in \(String(format: "%.2f", loadSeconds)) s, \(iterations) requests each")
    print("  request                      results   p50 ms   p99 ms   max ms")
    for (name, method, params) in cases {
      var latencies: [Double] = []
      var results = 0
      for _ in 0..<iterations {
        let sentAt = DispatchTime.now().uptimeNanoseconds
        let (receivedAt, count) = wait(for: request(method, params))
        latencies.append(Double(receivedAt - sentAt) / 1e6)
        results = count
      }
      latencies.sort()
      func percentile(_ p: Double) -> Double { latencyPercentile(p, of: latencies) }
      print(
        "  " + name.padding(toLength: 28, withPad: " ", startingAt: 0)
          + String(format: " %7d %8.2f %8.2f %8.2f", results, percentile(0.5), percentile(0.99), latencies.last ?? .nan))
    }
    measureLongLine(key: key, folder: folder, request: request, wait: wait, send: send)
    _ = wait(for: request("shutdown", .null))
    send(["jsonrpc": "2.0", "method": "exit", "params": .null])
    close(toServer[1])
    usleep(100_000)
  }
}
