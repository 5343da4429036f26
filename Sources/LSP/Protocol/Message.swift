//! JSON-RPC 2.0 message shapes: classifying what arrived and building what goes out.

/// A request id: JSON-RPC allows integers and strings.
public enum RequestID: Sendable, Hashable, CustomStringConvertible {
  case integer(Int)
  case string(String)

  /// An integer (also written as `3.0`) or a string; anything else is not a valid id.
  public init?(_ json: JSONValue) {
    switch json {
    case .string(let value): self = .string(value)
    case .integer, .double:
      guard let value = json.intValue else { return nil }
      self = .integer(value)
    default: return nil
    }
  }

  public var json: JSONValue {
    switch self {
    case .integer(let value): return .integer(value)
    case .string(let value): return .string(value)
    }
  }

  public var description: String {
    switch self {
    case .integer(let value): return "\(value)"
    case .string(let value): return "\"\(value)\""
    }
  }
}

/// What one incoming JSON value is.
public enum IncomingMessage: Sendable {
  case request(id: RequestID, method: String, params: JSONValue)
  case notification(method: String, params: JSONValue)
  /// A response to a request the server sent to the client.
  case response(id: RequestID, result: JSONValue?, error: JSONValue?)
  /// Not a JSON-RPC message; `id` is echoed when it could be read.
  case invalid(id: JSONValue, reason: String)

  public init(_ json: JSONValue) {
    guard case .object(let members) = json else {
      self = .invalid(id: .null, reason: "a message must be a JSON object")
      return
    }
    let rawID = members["id"]
    let echoID: JSONValue = rawID.flatMap { RequestID($0)?.json } ?? .null
    guard members["jsonrpc"] == .string("2.0") else {
      self = .invalid(id: echoID, reason: "\"jsonrpc\" must be \"2.0\"")
      return
    }
    if let method = members["method"] {
      guard case .string(let name) = method else {
        self = .invalid(id: echoID, reason: "\"method\" must be a string")
        return
      }
      let params = members["params"] ?? .null
      switch params {
      case .object, .array, .null: break
      default:
        self = .invalid(id: echoID, reason: "\"params\" must be an object or an array")
        return
      }
      guard let rawID else {
        self = .notification(method: name, params: params)
        return
      }
      guard let id = RequestID(rawID) else {
        self = .invalid(id: .null, reason: "\"id\" must be an integer or a string")
        return
      }
      self = .request(id: id, method: name, params: params)
      return
    }
    if let rawID, let id = RequestID(rawID), members["result"] != nil || members["error"] != nil {
      self = .response(id: id, result: members["result"], error: members["error"])
      return
    }
    self = .invalid(id: echoID, reason: "neither a request, a notification nor a response")
  }
}

public enum OutgoingMessage {
  public static func response(id: JSONValue, result: JSONValue) -> JSONValue {
    .object(["jsonrpc": "2.0", "id": id, "result": result])
  }

  public static func error(id: JSONValue, _ error: ResponseError) -> JSONValue {
    .object(["jsonrpc": "2.0", "id": id, "error": error.json])
  }

  public static func notification(method: String, params: JSONValue) -> JSONValue {
    .object(["jsonrpc": "2.0", "method": .string(method), "params": params])
  }

  public static func request(id: RequestID, method: String, params: JSONValue) -> JSONValue {
    .object(["jsonrpc": "2.0", "id": id.json, "method": .string(method), "params": params])
  }
}
