//! Method → handler tables. Each file in Handlers/ registers its methods and capabilities here.
import Corpus

/// What a request handler running on a snapshot gets.
public struct RequestContext: Sendable {
  public let snapshot: Snapshot
  public let cancellation: CancellationToken
  public let client: ClientConnection
  public let logger: Logger
}

/// What a document hook gets: the document's URI and a snapshot taken after the edits settled.
public struct DocumentHookContext: Sendable {
  public let uri: String
  /// Nil in `snapshot.documents` when the document was just closed.
  public let snapshot: Snapshot
  public let client: ClientConnection
  public let logger: Logger
}

/// Adding a request (or notification):
/// 1. a file in Handlers/ with `enum FooHandler { static func register(_ registry: inout HandlerRegistry) }`;
/// 2. in it, `registry.request("textDocument/foo") { params, context in … }`: read params with the typed
///    accessors (`params.textDocumentURI()`, `context.snapshot.documentPosition(params)`; a bad field is -32602),
///    convert positions only through `FromProtocol`/`ToProtocol` (or the snapshot's helpers), call Corpus,
///    return JSON; poll `context.cancellation` in long loops;
/// 3. announce it: `registry.capabilities { capabilities, _ in capabilities["fooProvider"] = true }`;
/// 4. one line in `HandlerRegistry.standard`;
/// 5. an end-to-end test through `TestClient`, in every encoding when it returns positions.
/// Diagnostics: `registry.onDocumentChange { context in context.client.publishDiagnostics(…) }`.
/// Background indexing: `registry.onInitialized { server in … }`, report with `server.client.beginProgress`,
/// publish the result with `server.onLoop { $0.session.analysis = … }`.
public struct HandlerRegistry: Sendable {
  /// Runs on a concurrent queue over an immutable snapshot: most requests.
  public typealias SnapshotRequest = @Sendable (_ params: JSONValue, _ context: RequestContext) throws -> JSONValue
  /// Runs on the message loop and may change the session (initialize, shutdown). Keep these quick.
  public typealias LoopRequest = @Sendable (_ params: JSONValue, _ server: Server) throws -> JSONValue
  /// Runs on the message loop, in arrival order.
  public typealias Notification = @Sendable (_ params: JSONValue, _ server: Server) throws -> Void
  /// Adds to `InitializeResult.capabilities`; sees the session after negotiation.
  public typealias CapabilityContributor =
    @Sendable (_ capabilities: inout [String: JSONValue], _ session: Session) -> Void
  /// Runs on a concurrent queue after a document changed (opened, edited, closed) and stayed unchanged
  /// for the debounce delay: the place for diagnostics.
  public typealias DocumentHook = @Sendable (_ context: DocumentHookContext) -> Void

  /// Starts on the message loop and answers later through `reply` (e.g. `corpusLsp/synchronize`).
  public typealias DeferredRequest =
    @Sendable (
      _ params: JSONValue, _ server: Server, _ reply: @escaping @Sendable (Result<JSONValue, any Error>) -> Void
    ) throws -> Void

  public enum RequestRoute: Sendable {
    case snapshot(SnapshotRequest)
    case loop(LoopRequest)
    case deferred(DeferredRequest)
  }

  public private(set) var requests: [String: RequestRoute] = [:]
  /// Several handlers may observe one notification (text sync and a feature's cache, say); they run in
  /// registration order.
  public private(set) var notifications: [String: [Notification]] = [:]
  public private(set) var capabilityContributors: [CapabilityContributor] = []
  public private(set) var documentHooks: [DocumentHook] = []

  public init() {}

  public mutating func request(_ method: String, _ handler: @escaping SnapshotRequest) {
    requests[method] = .snapshot(handler)
  }

  public mutating func loopRequest(_ method: String, _ handler: @escaping LoopRequest) {
    requests[method] = .loop(handler)
  }

  public mutating func deferredRequest(_ method: String, _ handler: @escaping DeferredRequest) {
    requests[method] = .deferred(handler)
  }

  public mutating func notification(_ method: String, _ handler: @escaping Notification) {
    notifications[method, default: []].append(handler)
  }

  /// Runs on the loop once the client sent `initialized`: the place to start indexing the workspace.
  public mutating func onInitialized(_ hook: @escaping @Sendable (_ server: Server) -> Void) {
    notification("initialized") { _, server in hook(server) }
  }

  public mutating func capabilities(_ contributor: @escaping CapabilityContributor) {
    capabilityContributors.append(contributor)
  }

  public mutating func onDocumentChange(_ hook: @escaping DocumentHook) {
    documentHooks.append(hook)
  }

  /// Every handler the server ships. Adding a feature: a file in Handlers/ with a `register`, and one line here.
  public static var standard: HandlerRegistry {
    var registry = HandlerRegistry()
    LifecycleHandlers.register(&registry)
    TextSyncHandlers.register(&registry)
    TraceHandlers.register(&registry)
    SynchronizeHandler.register(&registry)
    CompletionHandler.register(&registry)
    HoverHandler.register(&registry)
    DefinitionHandler.register(&registry)
    ReferencesHandler.register(&registry)
    DocumentSymbolsHandler.register(&registry)
    WorkspaceSymbolsHandler.register(&registry)
    RenameHandler.register(&registry)
    SemanticTokensHandler.register(&registry)
    InlayHintsHandler.register(&registry)
    DocumentLinksHandler.register(&registry)
    FoldingHandler.register(&registry)
    CodeLensHandler.register(&registry)
    WorkspaceIndexingHandlers.register(&registry)
    DiagnosticsHandlers.register(&registry)
    CodeActionHandlers.register(&registry)
    return registry
  }
}
