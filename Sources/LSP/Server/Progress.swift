//! Work-done progress (`window/workDoneProgress/create` + `$/progress` begin/report/end) for long background work.
import Synchronization

/// Reports one long task (indexing the corpus). Silent when the client did not announce
/// `window.workDoneProgress`; safe to call from any thread; `end` is idempotent.
public final class ProgressReporter: Sendable {
  private let client: ClientConnection
  private let token: JSONValue
  private let enabled: Bool
  private let ended = Once()

  init(client: ClientConnection, token: JSONValue, enabled: Bool) {
    self.client = client
    self.token = token
    self.enabled = enabled
  }

  /// `percentage` 0…100 when known.
  public func report(_ message: String, percentage: Int? = nil) {
    guard enabled else { return }
    var value: [String: JSONValue] = ["kind": "report", "message": .string(message)]
    if let percentage { value["percentage"] = .integer(max(0, min(100, percentage))) }
    client.notify("$/progress", ["token": token, "value": .object(value)])
  }

  public func end(_ message: String? = nil) {
    guard enabled, ended.claim() else { return }
    var value: [String: JSONValue] = ["kind": "end"]
    if let message { value["message"] = .string(message) }
    client.notify("$/progress", ["token": token, "value": .object(value)])
  }
}

private let progressTokens = Atomic<Int>(1)

extension ClientConnection {
  /// Starts a progress report titled `title`. `clientCapabilities` is the session's (or snapshot's) copy of
  /// the client capabilities: progress is only sent when `window.workDoneProgress` is true.
  public func beginProgress(_ title: String, message: String? = nil, clientCapabilities: JSONValue)
    -> ProgressReporter
  {
    let enabled = clientCapabilities["window"]?["workDoneProgress"] == .bool(true)
    let token = JSONValue.string("corpus-lsp-progress-\(progressTokens.add(1, ordering: .relaxed).oldValue)")
    let reporter = ProgressReporter(client: self, token: token, enabled: enabled)
    guard enabled else { return reporter }
    // The token must exist before the first $/progress; the client answers create before reading those.
    request("window/workDoneProgress/create", ["token": token])
    var value: [String: JSONValue] = ["kind": "begin", "title": .string(title), "cancellable": false]
    if let message { value["message"] = .string(message) }
    notify("$/progress", ["token": token, "value": .object(value)])
    return reporter
  }
}
