//! Emoji position markers (1️⃣ 2️⃣ …) in fixture text: stripped out, their positions computed per encoding.

/// A fixture text with markers removed. `1️⃣` alone is a cursor; `1️⃣…2️⃣` a range.
public struct MarkedText: Sendable {
  public static let markers = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

  public let text: String
  /// Scalar index in `text` of each marker found.
  public let offsets: [String: Int]

  public init(_ marked: String) {
    var text = ""
    var offsets: [String: Int] = [:]
    var scalarCount = 0
    for character in marked {
      let string = String(character)
      if Self.markers.contains(string) {
        offsets[string] = scalarCount
      } else {
        text.append(character)
        scalarCount += string.unicodeScalars.count
      }
    }
    self.text = text
    self.offsets = offsets
  }

  /// The LSP position of a marker in `encoding`, counted by the test itself (never by the server's LineIndex).
  public func position(_ marker: String, _ encoding: ReferenceEncoding = .utf16) -> ReferencePosition {
    guard let offset = offsets[marker] else { preconditionFailure("no marker \(marker) in the fixture") }
    return ReferenceText.position(ofScalar: offset, in: text, encoding: encoding)
  }

  /// `{"start": …, "end": …}` between two markers.
  public func range(_ start: String, _ end: String, _ encoding: ReferenceEncoding = .utf16) -> JSON {
    ["start": position(start, encoding).json, "end": position(end, encoding).json]
  }
}
