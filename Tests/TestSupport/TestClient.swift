//! A language-server client for end-to-end tests: spawns the built `corpus-lsp` over real pipes, keeps a transcript.
import Foundation

public struct TestClientError: Error, CustomStringConvertible {
  public let message: String
  public let transcript: String
  public var description: String { "\(message)\n--- transcript ---\n\(transcript)" }
}

/// Framing and JSON here are written independently of the server's (Foundation's JSONDecoder), so the tests
/// check the server against a second implementation. Every wait has a timeout: a hung server fails the test.
public final class TestClient: @unchecked Sendable {
  public let process = Process()
  public let timeout: TimeInterval
  private let stdinPipe = Pipe()
  private let stdoutPipe = Pipe()
  private let stderrPipe = Pipe()
  private let condition = NSCondition()
  private let writeLock = NSLock()
  // Guarded by `condition`.
  private var inbox: [JSON] = []
  private var log: [String] = []
  private var stderrText = ""
  private var readerDone = false
  private var stderrDone = false
  private var nextID = 1

  /// Where `swift build`/`swift test` put the executable: beside the test bundle, else `.build/debug`.
  public static var serverBinary: URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for directory in [beside, beside.deletingLastPathComponent()] {
      let candidate = directory.appendingPathComponent("corpus-lsp")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return TestPaths.packageRoot.appendingPathComponent(".build/debug/corpus-lsp")
  }

  /// `environment` is added to the server's (the test hooks are always on).
  public init(
    arguments: [String] = ["--log-level", "debug"], workingDirectory: URL? = nil, timeout: TimeInterval = 10,
    environment: [String: String] = [:]
  ) throws {
    self.timeout = timeout
    process.executableURL = Self.serverBinary
    process.arguments = arguments
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    // Enables the server's `corpusLsp/test/…` requests (a failing handler, a slow one, a text dump).
    process.environment = ProcessInfo.processInfo.environment.merging(
      environment.merging(["CORPUS_LSP_TEST_HOOKS": "1"]) { _, new in new }
    ) { _, new in new }
    process.standardInput = stdinPipe
    process.standardOutput = stdoutPipe
    process.standardError = stderrPipe
    try process.run()
    startReaders()
  }

  deinit {
    if process.isRunning { process.terminate() }
  }

  // MARK: Sending

  /// Sends a request and waits for its response (the whole response object: `result` or `error`).
  @discardableResult
  public func send(_ method: String, _ params: JSON? = nil) throws -> JSON {
    let id = sendRequest(method, params)
    return try response(id: id)
  }

  /// The `result` of a request; throws when the server answered with an error.
  public func result(_ method: String, _ params: JSON? = nil) throws -> JSON {
    let response = try send(method, params)
    if response["error"].exists { throw failure("\(method) failed: \(response["error"])") }
    return response["result"]
  }

  /// Sends a request without waiting; returns its id.
  public func sendRequest(_ method: String, _ params: JSON? = nil, id: JSON? = nil) -> JSON {
    let requestID: JSON =
      id
      ?? locked {
        defer { nextID += 1 }
        return .int(nextID)
      }
    var message: [String: JSON] = ["jsonrpc": "2.0", "id": requestID, "method": .string(method)]
    if let params { message["params"] = params }
    write(.object(message))
    return requestID
  }

  public func notify(_ method: String, _ params: JSON? = nil) {
    var message: [String: JSON] = ["jsonrpc": "2.0", "method": .string(method)]
    if let params { message["params"] = params }
    write(.object(message))
  }

  /// Frames and writes one message.
  public func write(_ message: JSON) {
    let body = message.encoded()
    writeRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body, note: String(decoding: body, as: UTF8.self))
  }

  /// Writes bytes as they are (for framing tests). `note` replaces the bytes in the transcript.
  public func writeRaw(_ bytes: Data, note: String? = nil) {
    // One writer at a time (the test thread, and the reader answering server requests): frames never interleave.
    writeLock.lock()
    defer { writeLock.unlock() }
    locked { log.append("→ " + (note ?? String(decoding: bytes, as: UTF8.self).debugDescription)) }
    try? stdinPipe.fileHandleForWriting.write(contentsOf: bytes)
  }

  public func closeInput() {
    locked { log.append("→ (stdin closed)") }
    try? stdinPipe.fileHandleForWriting.close()
  }

  // MARK: Receiving

  /// Waits for the response with this id.
  public func response(id: JSON) throws -> JSON {
    try take("response to \(id)") { $0["id"] == id && $0["method"] == .null }
  }

  /// Waits for the next notification with this method (earlier other messages stay queued).
  public func nextNotification(_ method: String) throws -> JSON {
    try take("notification \(method)") { $0["method"] == .string(method) && $0["id"] == .null }
  }

  /// Waits for the next message of any kind.
  public func nextMessage() throws -> JSON {
    try take("any message") { _ in true }
  }

  /// What the server wrote to stderr so far (its log).
  public var standardError: String { locked { stderrText } }

  /// Messages received and not yet taken.
  public var pendingMessages: [JSON] { locked { inbox } }

  /// Removes and returns the first queued message matching `predicate`, waiting up to `timeout`.
  public func take(_ what: String, where predicate: (JSON) -> Bool) throws -> JSON {
    let deadline = Date().addingTimeInterval(timeout)
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let index = inbox.firstIndex(where: predicate) { return inbox.remove(at: index) }
      if readerDone { throw failureLocked("server closed its output while waiting for \(what)") }
      if !condition.wait(until: deadline) { throw failureLocked("timed out after \(timeout)s waiting for \(what)") }
    }
  }

  /// Waits for the process to end; nil on timeout.
  public func waitForExit(timeout: TimeInterval? = nil) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout ?? self.timeout)
    while process.isRunning {
      if Date() > deadline { return nil }
      usleep(5_000)
    }
    // Let the readers drain what the server wrote before it ended, so the transcript is complete.
    condition.lock()
    while !(readerDone && stderrDone), condition.wait(until: min(deadline, Date().addingTimeInterval(1))) {}
    condition.unlock()
    return process.terminationStatus
  }

  // MARK: Conveniences

  /// `initialize` (offering `encodings` when given) then `initialized`; returns the InitializeResult.
  @discardableResult
  public func initialize(encodings: [String]? = nil, capabilities: JSON? = nil, rootURI: String? = nil) throws -> JSON {
    var capabilities = capabilities?.object ?? [:]
    if let encodings {
      var general = capabilities["general"]?.object ?? [:]
      general["positionEncodings"] = .array(encodings.map { .string($0) })
      capabilities["general"] = .object(general)
    }
    var params: [String: JSON] = ["processId": .null, "capabilities": .object(capabilities)]
    params["rootUri"] = rootURI.map { .string($0) } ?? .null
    let result = try result("initialize", .object(params))
    notify("initialized", [:])
    return result
  }

  /// Returns once the server has handled every message sent before (`corpusLsp/synchronize`).
  public func synchronize() throws {
    _ = try result("corpusLsp/synchronize")
  }

  public func openDocument(uri: String, text: String, version: Int = 1, languageID: String = "markdown") {
    notify(
      "textDocument/didOpen",
      [
        "textDocument": [
          "uri": .string(uri), "languageId": .string(languageID), "version": .int(version),
          "text": .string(text),
        ]
      ])
  }

  /// Opens a document written with position markers (1️⃣ …); returns the stripped text and marker positions.
  @discardableResult
  public func openDocument(uri: String, marked: String, version: Int = 1) -> MarkedText {
    let document = MarkedText(marked)
    openDocument(uri: uri, text: document.text, version: version)
    return document
  }

  /// `TextDocumentPositionParams` for a marker, in `encoding` (what the client negotiated).
  public static func positionParams(
    uri: String, _ document: MarkedText, _ marker: String, _ encoding: ReferenceEncoding
  )
    -> JSON
  {
    ["textDocument": ["uri": .string(uri)], "position": document.position(marker, encoding).json]
  }

  /// `shutdown` then `exit`; returns the exit status.
  public func shutdownAndExit() throws -> Int32? {
    _ = try result("shutdown")
    notify("exit")
    return waitForExit()
  }

  /// What the test answers to a server → client request: `null`, or for `workspace/configuration` one `null`
  /// per item asked.
  private func serverRequestResult(_ request: JSON) -> JSON {
    if request["method"] == "workspace/configuration" {
      return .array((request["params"]["items"].array ?? []).map { _ in .null })
    }
    return .null
  }

  // MARK: Transcript

  /// Everything sent (→) and received (←), then the server's stderr.
  public var transcript: String {
    locked { (log + ["--- server stderr ---", stderrText]).joined(separator: "\n") }
  }

  /// For `#expect(…, client.note)`: the transcript, evaluated only when the expectation fails.
  public var note: String { "--- transcript ---\n" + transcript }

  public func failure(_ message: String) -> TestClientError {
    TestClientError(message: message, transcript: transcript)
  }

  private func failureLocked(_ message: String) -> TestClientError {
    TestClientError(
      message: message, transcript: (log + ["--- server stderr ---", stderrText]).joined(separator: "\n"))
  }

  private func locked<T>(_ body: () -> T) -> T {
    condition.lock()
    defer { condition.unlock() }
    return body()
  }

  // MARK: Readers

  private func startReaders() {
    let output = stdoutPipe.fileHandleForReading.fileDescriptor
    let errors = stderrPipe.fileHandleForReading.fileDescriptor
    Thread { [self] in readFrames(from: output) }.start()
    Thread { [self] in
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(errors, $0.baseAddress, $0.count) }
        if count <= 0 {
          condition.lock()
          stderrDone = true
          condition.broadcast()
          condition.unlock()
          return
        }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        locked { stderrText += text }
      }
    }.start()
  }

  private func readFrames(from fd: Int32) {
    var pending = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    let separator = Data("\r\n\r\n".utf8)
    loop: while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count <= 0 { break }
      pending.append(contentsOf: buffer[0..<count])
      while let headerEnd = pending.range(of: separator) {
        let header = String(decoding: pending[pending.startIndex..<headerEnd.lowerBound], as: UTF8.self)
        guard let length = Self.contentLength(header) else {
          locked { log.append("← (bad header) \(header.debugDescription)") }
          break loop
        }
        let bodyStart = headerEnd.upperBound
        guard pending.count - (bodyStart - pending.startIndex) >= length else { break }
        let body = pending[bodyStart..<(bodyStart + length)]
        pending = Data(pending[(bodyStart + length)...])
        let text = String(decoding: body, as: UTF8.self)
        let message = try? JSON.decode(Data(body))
        condition.lock()
        log.append("← " + text)
        if let message { inbox.append(message) } else { log.append("!! the message above is not valid JSON") }
        condition.broadcast()
        condition.unlock()
        // Server → client requests (workDoneProgress/create, workspace/configuration…) get an answer as an
        // editor would give, so the server never waits on the test; they stay in the inbox for inspection.
        if let message, message["method"].exists, message["id"].exists {
          write(["jsonrpc": "2.0", "id": message["id"], "result": serverRequestResult(message)])
        }
      }
    }
    condition.lock()
    readerDone = true
    log.append("← (server output closed)")
    condition.broadcast()
    condition.unlock()
  }

  static func contentLength(_ header: String) -> Int? {
    for line in header.components(separatedBy: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2, parts[0].lowercased() == "content-length" {
        return Int(parts[1].trimmingCharacters(in: .whitespaces))
      }
    }
    return nil
  }
}
