//! JSON-RPC and LSP error codes, and the error a handler throws to answer with one.

public enum ErrorCode: Int, Sendable {
  case parseError = -32700
  case invalidRequest = -32600
  case methodNotFound = -32601
  case invalidParams = -32602
  case internalError = -32603
  case serverNotInitialized = -32002
  case unknownErrorCode = -32001
  case requestFailed = -32803
  case serverCancelled = -32802
  case contentModified = -32801
  case requestCancelled = -32800
}

/// Thrown by a handler (or by param decoding) to answer a request with this error.
public struct ResponseError: Error, Sendable, CustomStringConvertible {
  public var code: Int
  public var message: String
  public var data: JSONValue?

  public init(_ code: ErrorCode, _ message: String, data: JSONValue? = nil) {
    self.code = code.rawValue
    self.message = message
    self.data = data
  }

  public static func invalidParams(_ message: String) -> ResponseError { ResponseError(.invalidParams, message) }
  public static let cancelled = ResponseError(.requestCancelled, "request cancelled")
  public static let contentModified = ResponseError(.contentModified, "the document changed under the request")

  public var json: JSONValue {
    var members: [String: JSONValue] = ["code": .integer(code), "message": .string(message)]
    if let data { members["data"] = data }
    return .object(members)
  }

  public var description: String { "error \(code): \(message)" }
}
