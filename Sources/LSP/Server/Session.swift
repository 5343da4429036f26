//! Server state owned by the message loop: lifecycle, negotiated encoding, client capabilities, documents.
import Foundation

public enum Lifecycle: Sendable, Equatable {
  /// Before `initialize`: requests get -32002, notifications are dropped (except `exit`).
  case uninitialized
  case running
  /// After `shutdown`: requests get -32600; only `exit` remains.
  case shutDown
}

public enum TraceValue: String, Sendable {
  case off, messages, verbose
}

/// - Important: read and mutate only on the message loop (notification and loop-request handlers run there).
public final class Session: @unchecked Sendable {
  public var lifecycle: Lifecycle = .uninitialized
  public var encoding: PositionEncoding = .utf16
  public var clientCapabilities: JSONValue = .object([:])
  public var clientName: String?
  public var workspaceRoot: URL?
  public var documents = DocumentStore()
  /// The workspace analysis (filled in by the indexing work); requests see it through their snapshot.
  public var analysis: (any Sendable)?
  /// Waits for the first workspace analysis (see `AnalysisHost.waitForFirstAnalysis`); set by the server.
  public var awaitFirstAnalysis: (@Sendable (DispatchTime, @escaping @Sendable () -> Bool) -> (any Sendable)?)?

  public init(workspaceRoot: URL?) {
    self.workspaceRoot = workspaceRoot
  }

  public func snapshot() -> Snapshot {
    Snapshot(
      documents: documents, encoding: encoding, workspaceRoot: workspaceRoot,
      clientCapabilities: clientCapabilities, analysis: analysis, awaitFirstAnalysis: awaitFirstAnalysis)
  }
}
