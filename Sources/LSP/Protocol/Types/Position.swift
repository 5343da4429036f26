//! LSP `Position`, `Range` and `Location`: plain values whose `character` unit is the session's encoding.

/// Zero-based line and character; `character` counts units of the negotiated `PositionEncoding`.
/// Never store one beyond a request: convert to `TextSize` with `FromProtocol` at once.
public struct Position: Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public init(json: JSONValue) throws(ResponseError) {
    guard let line = json["line"]?.intValue, let character = json["character"]?.intValue else {
      throw .invalidParams("a Position needs integer \"line\" and \"character\"")
    }
    self.init(line: line, character: character)
  }

  public var json: JSONValue { ["line": .integer(line), "character": .integer(character)] }
  public var description: String { "\(line):\(character)" }
}

public struct Range: Sendable, Hashable, CustomStringConvertible {
  public var start: Position
  public var end: Position

  public init(start: Position, end: Position) {
    self.start = start
    self.end = end
  }

  public init(json: JSONValue) throws(ResponseError) {
    guard let start = json["start"], let end = json["end"] else {
      throw .invalidParams("a Range needs \"start\" and \"end\"")
    }
    self.init(start: try Position(json: start), end: try Position(json: end))
  }

  public var json: JSONValue { ["start": start.json, "end": end.json] }
  public var description: String { "\(start)-\(end)" }
}

public struct Location: Sendable, Hashable {
  public var uri: String
  public var range: Range

  public init(uri: String, range: Range) {
    self.uri = uri
    self.range = range
  }

  public var json: JSONValue { ["uri": .string(uri), "range": range.json] }
}
