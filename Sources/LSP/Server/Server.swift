//! The message loop: reader thread → serial loop (notifications in order) → concurrent requests on snapshots.
import Dispatch
import Foundation
import Synchronization

public struct ServerOptions: Sendable {
  public var serverName = "corpus-lsp"
  public var serverVersion = "0.0.0"
  /// From `--workspace`; wins over the client's `rootUri`/`workspaceFolders`.
  public var workspaceRoot: URL?
  /// Larger frames are refused with a -32700 error naming the limit.
  public var maximumMessageLength = 64 << 20
  /// How long a document must stay unchanged before the document hooks (diagnostics) run.
  public var documentHookDelay: DispatchTimeInterval = .milliseconds(150)
  /// Registers the `corpusLsp/test/…` requests the end-to-end tests use (never in normal use).
  public var enableTestHooks = false
  /// Test only: the first workspace load starts this late, so that tests can send requests before it ends.
  public var firstLoadDelayMilliseconds = 0

  public init() {}
}

/// One language-server session over a pair of file descriptors.
///
/// Ordering: the reader thread answers `$/cancelRequest` at once and queues everything else on `loop`, a serial
/// queue where notifications mutate the `Session` in arrival order. A request takes a `Snapshot` on the loop,
/// then runs on `workers`, so a slow request never blocks reading, text sync or cancellation.
public final class Server: @unchecked Sendable {
  public let options: ServerOptions
  public let logger: Logger
  public let client: ClientConnection
  /// - Important: only on the message loop (notification and loop-request handlers run there).
  public let session: Session
  /// The workspace analysis: loading, re-indexing, and the diagnostics that depend on it.
  public let analysisHost = AnalysisHost()

  private let connection: Connection
  private let registry: HandlerRegistry
  private let tracker = RequestTracker()
  private let loop = DispatchQueue(label: "corpus-lsp.loop")
  private let workers = DispatchQueue(label: "corpus-lsp.requests", attributes: .concurrent)
  /// Requests running and document hooks pending: `corpusLsp/synchronize` waits for it to drain.
  private let outstanding = DispatchGroup()
  /// Deferred requests not yet answered (`shutdown`, `synchronize`): `exit` lets them answer first.
  private let deferredReplies = DispatchGroup()
  private let finished = DispatchSemaphore(value: 0)
  // Loop-confined.
  private var exitStatus: Int32?
  private var hookGenerations: [String: Int] = [:]
  private var hookGeneration = 0

  public init(
    input: Int32, output: Int32, options: ServerOptions, logger: Logger, registry: HandlerRegistry = .standard
  ) {
    self.options = options
    self.logger = logger
    var registry = registry
    if options.enableTestHooks { TestHooksHandlers.register(&registry) }
    self.registry = registry
    self.connection = Connection(
      input: input, output: output, maximumContentLength: options.maximumMessageLength, logger: logger)
    self.client = ClientConnection(connection: connection, logger: logger)
    self.session = Session(workspaceRoot: options.workspaceRoot)
    let analysisHost = self.analysisHost
    session.awaitFirstAnalysis = { deadline, isCancelled in
      analysisHost.waitForFirstAnalysis(until: deadline, isCancelled: isCancelled)
    }
  }

  /// Serves until `exit` or end of input; returns the process exit status (0 after `shutdown`, else 1 for `exit`).
  public func run() -> Int32 {
    connection.start { [self] incoming in receive(incoming) }
    finished.wait()
    connection.flush()
    return loop.sync { exitStatus ?? 0 }
  }

  /// Runs `body` on the message loop (for background work that must change the session, e.g. a new analysis).
  public func onLoop(_ body: @escaping @Sendable (Server) -> Void) {
    loop.async { [self] in body(self) }
  }

  var registryCapabilityContributors: [HandlerRegistry.CapabilityContributor] { registry.capabilityContributors }

  // MARK: Reader thread

  private func receive(_ incoming: Connection.Incoming) {
    switch incoming {
    case .parseError(let reason):
      logger.warning("parse error: \(reason)")
      connection.send(OutgoingMessage.error(id: .null, ResponseError(.parseError, "parse error: \(reason)")))
    case .endOfInput:
      loop.async { [self] in
        if session.lifecycle != .shutDown { logger.info("input closed without shutdown; exiting") }
        terminate(status: 0)
      }
    case .message(let json):
      let message = IncomingMessage(json)
      switch message {
      case .invalid(let id, let reason):
        connection.send(OutgoingMessage.error(id: id, ResponseError(.invalidRequest, "invalid request: \(reason)")))
      case .response(let id, let result, let error):
        client.receiveResponse(id: id, result: result, error: error)
      case .notification(method: "$/cancelRequest", let params):
        cancel(params)
      case .notification(let method, let params):
        loop.async { [self] in handleNotification(method, params) }
      case .request(let id, let method, let params):
        let token = tracker.begin(id)
        loop.async { [self] in handleRequest(id: id, method: method, params: params, token: token) }
      }
    }
  }

  private func cancel(_ params: JSONValue) {
    guard let rawID = params["id"], let id = RequestID(rawID) else {
      logger.debug("$/cancelRequest without a valid id")
      return
    }
    if tracker.cancel(id) {
      logger.debug("cancelled request \(id)")
      connection.send(OutgoingMessage.error(id: id.json, .cancelled))
    }
  }

  // MARK: Message loop

  private func handleNotification(_ method: String, _ params: JSONValue) {
    guard exitStatus == nil else { return }
    client.logTrace("Received notification '\(method)'.", verbose: params.jsonString())
    if method == "exit" {
      terminate(status: session.lifecycle == .shutDown ? 0 : 1)
      return
    }
    guard session.lifecycle == .running else {
      logger.debug("dropped notification \(method): server is \(session.lifecycle)")
      return
    }
    guard let handlers = registry.notifications[method] else {
      logger.debug("ignored notification \(method)")
      return
    }
    for handler in handlers {
      do {
        try handler(params, self)
      } catch let error as ResponseError {
        logger.warning("notification \(method) ignored: \(error.message)")  // the client's mistake
      } catch {
        logger.error("notification \(method) failed: \(error)")
      }
    }
  }

  private func handleRequest(id: RequestID, method: String, params: JSONValue, token: CancellationToken) {
    guard exitStatus == nil else { return }
    client.logTrace("Received request '\(method) - (\(id))'.", verbose: params.jsonString())
    switch session.lifecycle {
    case .uninitialized where method != "initialize":
      respond(id, error: ResponseError(.serverNotInitialized, "the server is not initialized yet"))
      return
    case .running where method == "initialize":
      respond(id, error: ResponseError(.invalidRequest, "initialize may only be sent once"))
      return
    case .shutDown:
      respond(id, error: ResponseError(.invalidRequest, "the server is shut down; only exit is accepted"))
      return
    default:
      break
    }
    guard let route = registry.requests[method] else {
      respond(id, error: ResponseError(.methodNotFound, "unknown method: \(method)"))
      return
    }
    switch route {
    case .loop(let handler):
      respond(id, method: method, Result { try handler(params, self) })
    case .deferred(let handler):
      deferredReplies.enter()
      let answered = Once()
      do {
        try handler(params, self) { [self] result in
          guard answered.claim() else { return }
          respond(id, method: method, result)
          deferredReplies.leave()
        }
      } catch {
        if answered.claim() {
          respond(id, method: method, .failure(error))
          deferredReplies.leave()
        }
      }
    case .snapshot(let handler):
      if token.isCancelled { return }
      // A later edit of the document this request reads makes its answer stale (completion excepted: clients
      // re-request it themselves and would lose the list while typing).
      let document = (try? params.textDocumentURI()).map(DocumentStore.key)
      tracker.started(id, document: document, cancelledByEdits: !Self.survivesEdits.contains(method))
      let context = RequestContext(
        snapshot: session.snapshot(), cancellation: token, client: client, logger: logger)
      outstanding.enter()
      workers.async { [self] in
        defer { outstanding.leave() }
        if token.isCancelled { return }
        let started = DispatchTime.now().uptimeNanoseconds
        respond(id, method: method, Result { try handler(params, context) })
        logger.debug("\(method) (\(id)) took \((DispatchTime.now().uptimeNanoseconds - started) / 1000) µs")
      }
    }
  }

  /// Runs `body` once every request already running and every pending document hook has finished.
  public func whenIdle(_ body: @escaping @Sendable () -> Void) {
    outstanding.notify(queue: workers, execute: body)
  }

  private func respond(_ id: RequestID, method: String, _ result: Result<JSONValue, any Error>) {
    switch result {
    case .success(let value):
      respond(id, result: value)
    case .failure(let error as ResponseError):
      respond(id, error: error)
    case .failure(let error as DecodingError):
      respond(id, error: .invalidParams("invalid params: \(error)"))
    case .failure(let error):
      // A bug on our side: worth a line in the editor's log, not only in stderr (logMessage logs there too).
      client.logMessage(.error, "\(method) failed: \(error)")
      respond(id, error: ResponseError(.internalError, "\(method) failed: \(error)"))
    }
  }

  private func respond(_ id: RequestID, result: JSONValue) {
    guard tracker.finish(id) else { return }  // already answered as cancelled
    client.logTrace("Sending response '(\(id))'.")
    connection.send(OutgoingMessage.response(id: id.json, result: result))
  }

  private func respond(_ id: RequestID, error: ResponseError) {
    guard tracker.finish(id) else { return }
    client.logTrace("Sending error response '(\(id))': \(error.message)")
    connection.send(OutgoingMessage.error(id: id.json, error))
  }

  /// Lets running requests answer (bounded: a stuck one must not keep the process alive), then stops `run`.
  private func terminate(status: Int32) {
    guard exitStatus == nil else { return }
    exitStatus = status
    let finished = self.finished
    let once = Once()
    let signal: @Sendable () -> Void = { if once.claim() { finished.signal() } }
    let deferredReplies = self.deferredReplies
    let workers = self.workers
    outstanding.notify(queue: workers) { deferredReplies.notify(queue: workers, execute: signal) }
    workers.asyncAfter(deadline: .now() + 2, execute: signal)
  }

  /// Requests that a `didChange` of their document does not cancel.
  static let survivesEdits: Set<String> = ["textDocument/completion", "completionItem/resolve"]

  /// Call on the loop after an edit: answers -32801 ContentModified to requests running on the old text.
  public func cancelRequestsReading(_ uri: String) {
    for id in tracker.documentChanged(DocumentStore.key(uri)) {
      logger.debug("request \(id) cancelled: \(uri) changed")
      connection.send(OutgoingMessage.error(id: id.json, .contentModified))
    }
  }

  // MARK: Document hooks

  /// Call on the loop after a document was opened, changed or closed: runs the document hooks once it has
  /// stayed unchanged for `options.documentHookDelay`.
  public func documentDidChange(_ uri: String) {
    guard !registry.documentHooks.isEmpty else { return }
    hookGeneration += 1
    let generation = hookGeneration
    hookGenerations[uri] = generation
    outstanding.enter()
    loop.asyncAfter(deadline: .now() + options.documentHookDelay) { [self] in
      guard hookGenerations[uri] == generation, exitStatus == nil else {
        outstanding.leave()
        return
      }
      hookGenerations[uri] = nil
      let context = DocumentHookContext(uri: uri, snapshot: session.snapshot(), client: client, logger: logger)
      let hooks = registry.documentHooks
      workers.async { [self] in
        defer { outstanding.leave() }
        for hook in hooks { hook(context) }
      }
    }
  }
}
