//! Places in a JSON text for problem reports: where Foundation's parser failed, and where the elements of an
//! array member start (Foundation's parse keeps no positions).
import Foundation

enum JSONPlaces {
  /// What Foundation says went wrong.
  static func message(of error: Error) -> String {
    let debug = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
    return debug ?? "the data is not valid JSON"
  }

  /// The UTF-8 offset where the parse failed: the one Foundation names (an index in `userInfo` on Darwin, "around
  /// character N" in swift-corelibs-foundation), or the end of a text cut short ("Unexpected end of file"); nil
  /// when it names no place.
  static func errorOffset(of error: Error, utf8Count: Int) -> Int? {
    let nsError = error as NSError
    if let index = nsError.userInfo["NSJSONSerializationErrorIndex"] as? Int { return min(max(0, index), utf8Count) }
    let message = message(of: error)
    if let marker = message.range(of: "character "),
      let found = Int(message[marker.upperBound...].prefix { $0.isNumber })
    {
      return min(max(0, found), utf8Count)
    }
    return message.lowercased().contains("end of file") ? utf8Count : nil
  }

  /// The array that is the value of the first member named `member`: the UTF-8 offsets where its elements start,
  /// in order (strings and nesting skipped), and the offset of its closing `]`; nil when there is no such array or
  /// it does not close.
  static func arrayMember(_ member: String, in text: String) -> (elementStarts: [Int], close: Int)? {
    let bytes = Array(text.utf8)
    guard let key = text.utf8.firstRange(of: Array("\"\(member)\"".utf8)) else { return nil }
    var index = text.utf8.distance(from: text.utf8.startIndex, to: key.upperBound)
    while index < bytes.count, bytes[index] != 0x5B {
      guard bytes[index] == 0x3A || isSpaceByte(bytes[index]) else { return nil }
      index += 1
    }
    var starts: [Int] = []
    var depth = 0
    var inString = false
    var escaped = false
    var expectingElement = false
    while index < bytes.count {
      let byte = bytes[index]
      if inString {
        if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
      } else if !isSpaceByte(byte) {
        if depth == 1, expectingElement, byte != 0x5D {
          starts.append(index)
          expectingElement = false
        }
        switch byte {
        case 0x22: inString = true
        case 0x5B, 0x7B:
          depth += 1
          if depth == 1 { expectingElement = true }
        case 0x5D, 0x7D:
          depth -= 1
          if depth == 0 { return byte == 0x5D ? (starts, index) : nil }
        case 0x2C where depth == 1: expectingElement = true
        default: break
        }
      }
      index += 1
    }
    return nil
  }
}
