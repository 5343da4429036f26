//! Turns the bytes of a corpus file into text: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK.
import Foundation

#if canImport(CoreFoundation)
  import CoreFoundation
#endif

public enum TextEncodingName: String, Sendable {
  case utf8
  case utf8BOM = "utf8-bom"
  case utf16LE = "utf16le"
  case utf16BE = "utf16be"
  case gb18030
}

public struct DecodedText: Sendable {
  /// The text, with any byte-order mark removed.
  public var text: String
  public var encoding: TextEncodingName
}

public enum TextDecoding {
  /// Decodes a file's bytes, or says why it cannot. Never traps.
  ///
  /// Order: BOMs first (they are unambiguous), then strict UTF-8, then GB18030 (a superset of GBK and GB2312).
  public static func decode(_ data: Data) -> Result<DecodedText, DecodingFailure> {
    let bytes = [UInt8](data.prefix(4))
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      guard let text = strictUTF8(data.dropFirst(3)) else {
        return .failure(DecodingFailure(message: "the file starts with a UTF-8 byte-order mark but is not valid UTF-8"))
      }
      return .success(DecodedText(text: text, encoding: .utf8BOM))
    }
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      let little = bytes[0] == 0xFF
      guard let text = utf16(data.dropFirst(2), littleEndian: little) else {
        return .failure(
          DecodingFailure(message: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16"))
      }
      return .success(DecodedText(text: text, encoding: little ? .utf16LE : .utf16BE))
    }
    if let text = strictUTF8(data) { return .success(DecodedText(text: text, encoding: .utf8)) }
    if let text = gb18030(data) { return .success(DecodedText(text: text, encoding: .gb18030)) }
    return .failure(
      DecodingFailure(message: "the file is neither UTF-8, UTF-16 with a byte-order mark, nor GB18030/GBK"))
  }

  /// Calls `body` with the file's text as UTF-8 bytes, without a byte-order mark, when the file is UTF-8 (what
  /// `decode` would decode as `.utf8` or `.utf8BOM`); nil for any other file. The bytes are validated in place and
  /// not copied: a reader that only needs the bytes pays one validation pass and no String.
  static func withUTF8Bytes<Result>(
    of data: Data, _ body: (UnsafeBufferPointer<UInt8>, TextEncodingName) -> Result
  ) -> Result? {
    data.withUnsafeBytes { raw in
      let all = raw.bindMemory(to: UInt8.self)
      let hasBOM = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
      let bytes = hasBOM ? UnsafeBufferPointer(rebasing: all[3...]) : all
      guard isValidUTF8(bytes) else { return nil }
      return body(bytes, hasBOM ? .utf8BOM : .utf8)
    }
  }

  /// Strict UTF-8 validation, the rule of `String(validating:)` (no overlong forms, no surrogates, nothing past
  /// U+10FFFF), without building a String. Written out rather than the standard library's because Chinese text is
  /// almost all three-byte sequences, which this checks with one comparison each: twice as fast on the corpus.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let n = bytes.count
    var i = 0
    /// Both bytes are continuation bytes (10xxxxxx).
    func continuations(_ a: UInt8, _ b: UInt8) -> Bool { (a ^ 0x80) | (b ^ 0x80) < 0x40 }
    while i < n {
      let lead = base[i]
      if lead < 0x80 {
        // ASCII, eight bytes at a time when it comes in runs.
        i += 1
        while i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          i += 8
        }
        continue
      }
      switch lead {
      case 0xE1...0xEC, 0xEE...0xEF:
        guard i + 2 < n, continuations(base[i + 1], base[i + 2]) else { return false }
        i += 3
        // Han text is runs of such sequences: each checked on one word while four bytes remain.
        while i + 4 <= n {
          let word = UInt32(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self))
          let next = UInt8(truncatingIfNeeded: word)
          guard next >= 0xE1, next <= 0xEF, next != 0xED, word & 0x00C0_C000 == 0x0080_8000 else { break }
          i += 3
        }
      case 0xC2...0xDF:
        guard i + 1 < n, base[i + 1] ^ 0x80 < 0x40 else { return false }
        i += 2
      case 0xE0:  // No overlong form: at least U+0800.
        guard i + 2 < n, (0xA0...0xBF).contains(base[i + 1]), base[i + 2] ^ 0x80 < 0x40 else { return false }
        i += 3
      case 0xED:  // No surrogate: below U+D800.
        guard i + 2 < n, (0x80...0x9F).contains(base[i + 1]), base[i + 2] ^ 0x80 < 0x40 else { return false }
        i += 3
      case 0xF0...0xF4:
        // F0: at least U+10000; F4: at most U+10FFFF.
        let second = base[i + 1 < n ? i + 1 : i]
        let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
        guard i + 3 < n, (low...high).contains(second), continuations(base[i + 2], base[i + 3]) else { return false }
        i += 4
      default:  // A continuation byte without a lead, C0, C1, F5–FF.
        return false
      }
    }
    return true
  }

  /// UTF-8 that must be valid throughout (no replacement characters invented).
  static func strictUTF8(_ data: Data) -> String? {
    // Through a raw buffer: validating a Data byte by byte through its Collection conformance is slow.
    let text: String? = data.withUnsafeBytes { raw in
      String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
    }
    guard var text else { return nil }
    text.makeContiguousUTF8()
    return text
  }

  static func utf16(_ data: Data, littleEndian: Bool) -> String? {
    guard data.count % 2 == 0 else { return nil }
    var units: [UInt16] = []
    units.reserveCapacity(data.count / 2)
    var iterator = data.makeIterator()
    while let a = iterator.next(), let b = iterator.next() {
      units.append(littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b))
    }
    var text = ""
    var decoder = UTF16()
    var unitIterator = units.makeIterator()
    loop: while true {
      switch decoder.decode(&unitIterator) {
      case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
      case .emptyInput: break loop
      case .error: return nil
      }
    }
    return text
  }

  static func gb18030(_ data: Data) -> String? {
    #if canImport(CoreFoundation)
      let encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))
      guard var text = String(data: data, encoding: encoding) else { return nil }
      text.makeContiguousUTF8()
      return text
    #else
      return nil
    #endif
  }
}

public struct DecodingFailure: Error, Sendable, Equatable {
  public var message: String
}
