//! What the server says to the client outside a response: notifications, log and show messages, requests.
import Synchronization

/// Usable from any thread (handlers, document hooks, background indexing).
public final class ClientConnection: Sendable {
  public enum MessageType: Int, Sendable {
    case error = 1
    case warning, info, log
  }

  private let connection: Connection
  private let logger: Logger
  private let nextID = Atomic<Int>(1)
  private let pending = Mutex<[RequestID: @Sendable (Result<JSONValue, ResponseError>) -> Void]>([:])
  private let traceValue = Mutex<TraceValue>(.off)

  init(connection: Connection, logger: Logger) {
    self.connection = connection
    self.logger = logger
  }

  public func notify(_ method: String, _ params: JSONValue) {
    connection.send(OutgoingMessage.notification(method: method, params: params))
  }

  /// `window/logMessage`: what the user may want to read in the editor's log (also logged to stderr).
  public func logMessage(_ type: MessageType, _ message: String) {
    logger.log(type == .error ? .error : type == .warning ? .warning : .info, message)
    notify("window/logMessage", ["type": .integer(type.rawValue), "message": .string(message)])
  }

  /// `window/showMessage`: something the user must see now.
  public func showMessage(_ type: MessageType, _ message: String) {
    notify("window/showMessage", ["type": .integer(type.rawValue), "message": .string(message)])
  }

  /// `textDocument/publishDiagnostics`; `diagnostics` are LSP `Diagnostic` objects in the session's encoding.
  public func publishDiagnostics(uri: String, version: Int?, diagnostics: [JSONValue]) {
    var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
    if let version { params["version"] = .integer(version) }
    notify("textDocument/publishDiagnostics", .object(params))
  }

  /// Sends a request to the client (`workDoneProgress/create`, `workspace/configuration`…).
  /// `completion` runs on the reader thread when the answer arrives: keep it short.
  public func request(
    _ method: String, _ params: JSONValue,
    completion: @escaping @Sendable (Result<JSONValue, ResponseError>) -> Void = { _ in }
  ) {
    let id = RequestID.string("corpus-lsp-\(nextID.add(1, ordering: .relaxed).oldValue)")
    pending.withLock { $0[id] = completion }
    connection.send(OutgoingMessage.request(id: id, method: method, params: params))
  }

  /// Routes a client response to the request that asked for it.
  func receiveResponse(id: RequestID, result: JSONValue?, error: JSONValue?) {
    guard let completion = pending.withLock({ $0.removeValue(forKey: id) }) else {
      logger.warning("response to an unknown request \(id)")
      return
    }
    if let error {
      let code = error["code"]?.intValue ?? ErrorCode.unknownErrorCode.rawValue
      var failure = ResponseError(.unknownErrorCode, error["message"]?.stringValue ?? "client error")
      failure.code = code
      completion(.failure(failure))
    } else {
      completion(.success(result ?? .null))
    }
  }

  // MARK: $/setTrace

  public var trace: TraceValue {
    get { traceValue.withLock { $0 } }
    set { traceValue.withLock { $0 = newValue } }
  }

  /// `$/logTrace`, sent only when the client asked for tracing.
  public func logTrace(_ message: @autoclosure () -> String, verbose: @autoclosure () -> String? = nil) {
    let trace = self.trace
    guard trace != .off else { return }
    var params: [String: JSONValue] = ["message": .string(message())]
    if trace == .verbose, let verbose = verbose() { params["verbose"] = .string(verbose) }
    notify("$/logTrace", .object(params))
  }
}
