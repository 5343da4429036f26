//! The texts the client owns (opened in the editor): versions, contents, line tables, and applying edits.
import Corpus
import Foundation

/// One open document. Immutable: an edit makes a new value, so snapshots taken earlier stay valid.
public struct Document: Sendable {
  public let uri: String
  public let languageID: String
  public let version: Int
  public let lineIndex: LineIndex

  public init(uri: String, languageID: String, version: Int, text: String) {
    self.uri = uri
    self.languageID = languageID
    self.version = version
    self.lineIndex = LineIndex(text)
  }

  public var text: String { lineIndex.text }
}

/// One entry of `didChange`'s `contentChanges`: a replacement of `range`, or of the whole text when `range` is nil.
public struct TextChange: Sendable, Equatable {
  public var range: Range?
  public var text: String

  public init(range: Range?, text: String) {
    self.range = range
    self.text = text
  }

  public init(json: JSONValue) throws(ResponseError) {
    let text = try json.requiredString("text")
    let range = try json["range"].flatMap { $0.isNull ? nil : $0 }.map { json throws(ResponseError) in
      try Range(json: json)
    }
    self.init(range: range, text: text)
  }
}

/// Open documents by URI. A value type: the message loop mutates it, snapshots copy it (copy-on-write).
/// URIs are compared after percent-decoding (`%E4%B8%AD` and `中` name the same file: clients differ).
public struct DocumentStore: Sendable {
  private var documents: [String: Document] = [:]
  /// Which opening or closing of each URI this is, counted over the store's life: a version number orders the
  /// texts of one opening only (a reopened note starts again at 1), so results computed for an earlier opening,
  /// or before a close, are told apart by it.
  private var epochs: [String: Int] = [:]
  private var lastEpoch = 0

  public init() {}

  /// The comparison key of a URI.
  public static func key(_ uri: String) -> String {
    guard uri.utf8.contains(UInt8(ascii: "%")) else { return uri }  // the common case, and Foundation is slow
    return uri.removingPercentEncoding ?? uri
  }

  public subscript(uri: String) -> Document? { documents[Self.key(uri)] }

  /// Every open document, in no particular order.
  public var all: [Document] { Array(documents.values) }

  public var count: Int { documents.count }

  public mutating func open(uri: String, languageID: String, version: Int, text: String) {
    documents[Self.key(uri)] = Document(uri: uri, languageID: languageID, version: version, text: text)
    beginEpoch(Self.key(uri))
  }

  @discardableResult
  public mutating func close(uri: String) -> Document? {
    beginEpoch(Self.key(uri))
    return documents.removeValue(forKey: Self.key(uri))
  }

  /// The opening or closing of `uri` the store is in: larger after every later `open` or `close` of it; 0 when
  /// it was never opened.
  public func epoch(of uri: String) -> Int { epochs[Self.key(uri)] ?? 0 }

  private mutating func beginEpoch(_ key: String) {
    lastEpoch += 1
    epochs[key] = lastEpoch
  }

  /// Applies `changes` in order, each against the text the previous one left. Returns false for an unknown URI.
  @discardableResult
  public mutating func change(uri: String, version: Int, changes: [TextChange], encoding: PositionEncoding) -> Bool {
    let key = Self.key(uri)
    guard let document = documents[key] else { return false }
    let text = Self.apply(changes, to: document.lineIndex, encoding: encoding)
    documents[key] = Document(uri: document.uri, languageID: document.languageID, version: version, text: text)
    return true
  }

  /// The text after `changes`; out-of-range positions are clamped by `FromProtocol`, never trapped on.
  public static func apply(_ changes: [TextChange], to lineIndex: LineIndex, encoding: PositionEncoding) -> String {
    var lineIndex = lineIndex
    var text = lineIndex.text
    for (position, change) in changes.enumerated() {
      if let range = change.range {
        let span = FromProtocol.range(range, in: lineIndex, encoding: encoding)
        text = replacing(span, in: text, with: change.text)
      } else {
        text = change.text
      }
      if position < changes.count - 1 { lineIndex = LineIndex(text) }
    }
    return text
  }

  /// Replaces a UTF-8 range that lies on scalar boundaries (as `FromProtocol` guarantees).
  static func replacing(_ range: TextRange, in text: String, with replacement: String) -> String {
    var result = text
    let utf8 = result.utf8
    let count = utf8.count
    let lower = max(0, min(range.start.utf8Offset, count))
    let upper = max(lower, min(range.end.utf8Offset, count))
    let start = utf8.index(utf8.startIndex, offsetBy: lower)
    let end = utf8.index(utf8.startIndex, offsetBy: upper)
    result.replaceSubrange(start..<end, with: replacement)
    return result
  }
}
