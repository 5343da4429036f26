//! `initialize`, `initialized`, `shutdown` (`exit` is the server loop's own): capabilities and encoding negotiation.
import Foundation

enum LifecycleHandlers {
  static func register(_ registry: inout HandlerRegistry) {
    registry.loopRequest("initialize") { params, server in try initialize(params, server) }
    registry.notification("initialized") { _, server in
      let session = server.session
      let root = session.workspaceRoot?.path ?? "(none)"
      server.client.logMessage(
        .info,
        "\(server.options.serverName) \(server.options.serverVersion) ready: workspace \(root), "
          + "position encoding \(session.encoding.rawValue)")
    }
    // Answered once the requests already running have answered, so the client sees every reply before exiting.
    registry.deferredRequest("shutdown") { _, server, reply in
      server.session.lifecycle = .shutDown
      server.logger.info("shutdown requested")
      server.whenIdle { reply(.success(.null)) }
    }
  }

  static func initialize(_ params: JSONValue, _ server: Server) throws(ResponseError) -> JSONValue {
    guard case .object = params else { throw .invalidParams("initialize needs an InitializeParams object") }
    let capabilities = params["capabilities"] ?? .object([:])
    guard case .object = capabilities else { throw .invalidParams("\"capabilities\" must be an object") }
    var offered: [String]?
    if let encodings = capabilities["general"]?["positionEncodings"] {
      guard let list = encodings.arrayValue else { throw .invalidParams("positionEncodings must be an array") }
      offered = list.compactMap(\.stringValue)
    }
    let session = server.session
    session.encoding = PositionEncoding.negotiate(offered: offered)
    session.clientCapabilities = capabilities
    session.clientName = params["clientInfo"]?["name"]?.stringValue
    if session.workspaceRoot == nil { session.workspaceRoot = workspaceRoot(from: params) }
    if let trace = params["trace"]?.stringValue.flatMap(TraceValue.init(rawValue:)) { server.client.trace = trace }
    session.lifecycle = .running
    server.logger.info(
      "initialized by \(session.clientName ?? "an unnamed client"), encoding \(session.encoding.rawValue)")

    var result: [String: JSONValue] = ["positionEncoding": .string(session.encoding.rawValue)]
    for contribute in server.registryCapabilityContributors { contribute(&result, session) }
    return [
      "capabilities": .object(result),
      "serverInfo": ["name": .string(server.options.serverName), "version": .string(server.options.serverVersion)],
    ]
  }

  /// `workspaceFolders[0]`, else `rootUri`, else `rootPath`.
  static func workspaceRoot(from params: JSONValue) -> URL? {
    if let folder = params["workspaceFolders"]?.arrayValue?.first?["uri"]?.stringValue,
      let url = DocumentURI.fileURL(folder)
    {
      return url
    }
    if let uri = params["rootUri"]?.stringValue, let url = DocumentURI.fileURL(uri) { return url }
    if let path = params["rootPath"]?.stringValue { return URL(fileURLWithPath: path) }
    return nil
  }
}
