//! The tests' own position arithmetic and edit applier, per encoding: an oracle independent of `LineIndex`.

/// The three LSP position encodings, counted the obvious way on `String`'s views.
public enum ReferenceEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"

  public var description: String { rawValue }

  /// Units of `scalar` in this encoding.
  public func width(_ scalar: Unicode.Scalar) -> Int {
    switch self {
    case .utf8: return String(scalar).utf8.count
    case .utf16: return String(scalar).utf16.count
    case .utf32: return 1
    }
  }

  /// Units of a whole string (a line prefix) in this encoding.
  public func count(_ text: Substring) -> Int {
    switch self {
    case .utf8: return text.utf8.count
    case .utf16: return text.utf16.count
    case .utf32: return text.unicodeScalars.count
    }
  }
}

public struct ReferencePosition: Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var character: Int
  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }
  public var json: JSON { ["line": .int(line), "character": .int(character)] }
  public var description: String { "\(line):\(character)" }
}

public enum ReferenceText {
  /// Index (in `text.unicodeScalars`) where each line starts; lines end at `\n`, `\r\n` or `\r`.
  public static func lineStarts(_ text: String) -> [Int] {
    let scalars = Array(text.unicodeScalars)
    var starts = [0]
    var i = 0
    while i < scalars.count {
      if scalars[i] == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
        i += 2
        starts.append(i)
      } else if scalars[i] == "\n" || scalars[i] == "\r" {
        i += 1
        starts.append(i)
      } else {
        i += 1
      }
    }
    return starts
  }

  /// The position of the scalar index `offset` (must not fall inside a `\r\n`).
  public static func position(ofScalar offset: Int, in text: String, encoding: ReferenceEncoding) -> ReferencePosition {
    let scalars = Array(text.unicodeScalars)
    let starts = lineStarts(text)
    let line = (starts.lastIndex(where: { $0 <= offset }) ?? 0)
    let character = scalars[starts[line]..<offset].reduce(0) { $0 + encoding.width($1) }
    return ReferencePosition(line: line, character: character)
  }

  /// The scalar index of a position that lies on a scalar boundary inside the text.
  public static func scalarOffset(of position: ReferencePosition, in text: String, encoding: ReferenceEncoding) -> Int {
    let scalars = Array(text.unicodeScalars)
    let starts = lineStarts(text)
    precondition(position.line < starts.count, "reference position \(position) is past the end")
    var index = starts[position.line]
    var units = 0
    while units < position.character {
      precondition(index < scalars.count && scalars[index] != "\n" && scalars[index] != "\r", "past end of line")
      units += encoding.width(scalars[index])
      index += 1
    }
    precondition(units == position.character, "reference position \(position) is inside a scalar")
    return index
  }

  /// Replaces `start..<end` (positions in `encoding`) with `newText`.
  public static func apply(
    _ newText: String, from start: ReferencePosition, to end: ReferencePosition, in text: String,
    encoding: ReferenceEncoding
  ) -> String {
    var scalars = Array(text.unicodeScalars)
    let lower = scalarOffset(of: start, in: text, encoding: encoding)
    let upper = scalarOffset(of: end, in: text, encoding: encoding)
    scalars.replaceSubrange(lower..<upper, with: Array(newText.unicodeScalars))
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars)
    return String(result)
  }

  /// Valid cursor places: scalar indices not between `\r` and `\n`.
  public static func boundaries(_ text: String) -> [Int] {
    let scalars = Array(text.unicodeScalars)
    return (0...scalars.count).filter { i in
      !(i > 0 && i < scalars.count && scalars[i - 1] == "\r" && scalars[i] == "\n")
    }
  }
}
