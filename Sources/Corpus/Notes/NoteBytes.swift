//! Byte-level helpers for the note parser: UTF-8 decoding, character classes, line and paragraph bounds.

/// The note's UTF-8 bytes with the few questions the parser asks about them. All accesses are bounds-checked.
struct NoteBytes {
  let bytes: [UInt8]
  let count: Int
  /// Offsets of the first byte of every blank line (only white space), ascending.
  let blankLineStarts: [Int]

  init(_ text: String) {
    bytes = Array(text.utf8)
    count = bytes.count
    var blanks: [Int] = []
    var lineStart = 0
    var blank = true
    for index in 0..<count {
      let byte = bytes[index]
      if byte == 0x0A {
        if blank { blanks.append(lineStart) }
        lineStart = index + 1
        blank = true
      } else if byte != 0x20, byte != 0x09, byte != 0x0D {
        blank = false
      }
    }
    if blank, lineStart < count { blanks.append(lineStart) }
    blankLineStarts = blanks
  }

  subscript(_ index: Int) -> UInt8 { index >= 0 && index < count ? bytes[index] : 0 }

  func hasPrefix(_ literal: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + literal.count <= count else { return false }
    for offset in 0..<literal.count where bytes[index + offset] != literal[offset] { return false }
    return true
  }

  /// Case-insensitive ASCII prefix test.
  func hasASCIIPrefixIgnoringCase(_ literalBytes: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + literalBytes.count <= count else { return false }
    for offset in 0..<literalBytes.count {
      var byte = bytes[index + offset]
      if byte >= 0x41, byte <= 0x5A { byte += 0x20 }
      if byte != literalBytes[offset] { return false }
    }
    return true
  }

  /// The scalar starting at `index` and its length in bytes; `(0, 1)` on a malformed sequence.
  func scalar(at index: Int) -> (value: UInt32, length: Int) {
    guard index >= 0, index < count else { return (0, 1) }
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length: Int
    var value: UInt32
    if lead >= 0xF0 {
      length = 4
      value = UInt32(lead & 0x07)
    } else if lead >= 0xE0 {
      length = 3
      value = UInt32(lead & 0x0F)
    } else if lead >= 0xC0 {
      length = 2
      value = UInt32(lead & 0x1F)
    } else {
      return (0, 1)
    }
    guard index + length <= count else { return (0, 1) }
    for offset in 1..<length { value = (value << 6) | UInt32(bytes[index + offset] & 0x3F) }
    return (value, length)
  }

  /// The start of the scalar that ends just before `index`.
  func scalarStart(before index: Int) -> Int {
    var start = min(index, count) - 1
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return max(0, start)
  }

  func scalar(before index: Int) -> UInt32? {
    guard index > 0 else { return nil }
    return scalar(at: scalarStart(before: index)).value
  }

  /// Offset where the paragraph holding `index` ends: the start of the next blank line, or the end of text.
  func paragraphEnd(after index: Int) -> Int {
    var low = 0
    var high = blankLineStarts.count
    while low < high {
      let mid = (low + high) / 2
      if blankLineStarts[mid] <= index { low = mid + 1 } else { high = mid }
    }
    return low < blankLineStarts.count ? blankLineStarts[low] : count
  }

  /// Offset where the paragraph holding `index` starts: just after the previous blank line, or 0.
  func paragraphStart(before index: Int) -> Int {
    var low = 0
    var high = blankLineStarts.count
    while low < high {
      let mid = (low + high) / 2
      if blankLineStarts[mid] < index { low = mid + 1 } else { high = mid }
    }
    guard low > 0 else { return 0 }
    let blank = blankLineStarts[low - 1]
    var end = blank
    while end < count, bytes[end] != 0x0A { end += 1 }
    return min(count, end + 1)
  }

  func lineEnd(from index: Int) -> Int {
    var end = max(0, index)
    while end < count, bytes[end] != 0x0A { end += 1 }
    return end
  }

  func lineStart(before index: Int) -> Int {
    var start = min(max(0, index), count)
    while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
    return start
  }

  func string(_ start: Int, _ end: Int) -> String {
    let lower = max(0, min(start, count))
    let upper = max(lower, min(end, count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// Shrinks `start..<end` past white space (ASCII and the ideographic space U+3000) at both ends.
  func trimmed(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
    var lower = start
    var upper = end
    while lower < upper {
      if isSpaceByte(bytes[lower]) {
        lower += 1
      } else if hasPrefix(Self.ideographicSpace, at: lower) {
        lower += 3
      } else {
        break
      }
    }
    while upper > lower {
      if isSpaceByte(bytes[upper - 1]) {
        upper -= 1
      } else if upper - 3 >= lower, hasPrefix(Self.ideographicSpace, at: upper - 3) {
        upper -= 3
      } else {
        break
      }
    }
    return (lower, upper)
  }

  static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
}

@inline(__always) func isSpaceByte(_ byte: UInt8) -> Bool {
  byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

@inline(__always) func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
}

@inline(__always) func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

/// Letters and digits of any script (CJK ideographs included); not punctuation, full-width or not.
func isWordScalar(_ value: UInt32) -> Bool {
  if value < 0x80 {
    let byte = UInt8(value)
    return isASCIIAlphanumeric(byte) || byte == 0x5F
  }
  guard let scalar = Unicode.Scalar(value) else { return false }
  let properties = scalar.properties
  return properties.isAlphabetic || properties.numericType == .decimal
}
