//! The immutable view of the world a request runs on: open documents, negotiated encoding, workspace analysis.
import Corpus
import Foundation

/// Taken on the message loop when a request arrives; the request then runs on a concurrent queue over it,
/// so later edits never change what a running request sees.
public struct Snapshot: Sendable {
  public let documents: DocumentStore
  public let encoding: PositionEncoding
  /// The workspace folder (from `--workspace`, else the client's root), if any.
  public let workspaceRoot: URL?
  /// `InitializeParams.capabilities`, for features that adapt to the client (snippets, markdown…).
  public let clientCapabilities: JSONValue
  /// Whatever the workspace analysis publishes (the corpus index, parsed notes…); nil until it is ready.
  /// Features read it with `analysis(as:)`.
  public let analysis: (any Sendable)?
  /// Waits (bounded) for the first analysis when `analysis` is still nil; nil outside a running server.
  public let awaitFirstAnalysis: (@Sendable (DispatchTime, @escaping @Sendable () -> Bool) -> (any Sendable)?)?

  public init(
    documents: DocumentStore, encoding: PositionEncoding, workspaceRoot: URL? = nil,
    clientCapabilities: JSONValue = .object([:]), analysis: (any Sendable)? = nil,
    awaitFirstAnalysis: (@Sendable (DispatchTime, @escaping @Sendable () -> Bool) -> (any Sendable)?)? = nil
  ) {
    self.awaitFirstAnalysis = awaitFirstAnalysis
    self.documents = documents
    self.encoding = encoding
    self.workspaceRoot = workspaceRoot
    self.clientCapabilities = clientCapabilities
    self.analysis = analysis
  }

  public func analysis<T>(as type: T.Type) -> T? { analysis as? T }

  /// The open document a request names, or -32602 when the client did not open it.
  public func document(_ uri: String) throws(ResponseError) -> Document {
    guard let document = documents[uri] else { throw .invalidParams("document not open: \(uri)") }
    return document
  }

  /// `params.textDocument.uri` and `params.position` resolved to an open document and a UTF-8 offset.
  public func documentPosition(_ params: JSONValue) throws(ResponseError) -> (document: Document, offset: TextSize) {
    let document = try document(params.textDocumentURI())
    let offset = FromProtocol.offset(of: try params.position(), in: document.lineIndex, encoding: encoding)
    return (document, offset)
  }

  // Conversions in this snapshot's encoding (they delegate to LSP/Conversion, the one place that converts).
  public func position(_ offset: TextSize, in document: Document) -> Position {
    ToProtocol.position(offset, in: document.lineIndex, encoding: encoding)
  }

  public func range(_ range: TextRange, in document: Document) -> Range {
    ToProtocol.range(range, in: document.lineIndex, encoding: encoding)
  }
}
