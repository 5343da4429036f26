//! Reading request params: typed accessors that turn a missing or mistyped field into -32602.

extension JSONValue {
  public func required(_ key: String) throws(ResponseError) -> JSONValue {
    guard case .object(let members) = self else { throw .invalidParams("params must be an object") }
    guard let value = members[key], !value.isNull else { throw .invalidParams("missing \"\(key)\"") }
    return value
  }

  public func requiredString(_ key: String) throws(ResponseError) -> String {
    guard let value = try required(key).stringValue else { throw .invalidParams("\"\(key)\" must be a string") }
    return value
  }

  public func requiredInt(_ key: String) throws(ResponseError) -> Int {
    guard let value = try required(key).intValue else { throw .invalidParams("\"\(key)\" must be an integer") }
    return value
  }

  public func requiredArray(_ key: String) throws(ResponseError) -> [JSONValue] {
    guard let value = try required(key).arrayValue else { throw .invalidParams("\"\(key)\" must be an array") }
    return value
  }

  /// `params.textDocument.uri`, present in every document request and notification.
  public func textDocumentURI() throws(ResponseError) -> String {
    try required("textDocument").requiredString("uri")
  }

  /// `params.position` (a `TextDocumentPositionParams`).
  public func position() throws(ResponseError) -> Position {
    try Position(json: required("position"))
  }
}
