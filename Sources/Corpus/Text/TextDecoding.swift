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

  /// The bytes after a UTF-8 byte-order mark, or all of them: what the text is if the file is UTF-8. Nothing is
  /// validated here: the reader checks them on its first pass over them (`RawLine.scanValidating`) and falls back to
  /// `decode` when they are not UTF-8.
  static func utf8Candidate(_ raw: UnsafeRawBufferPointer) -> UnsafeBufferPointer<UInt8> {
    let all = raw.assumingMemoryBound(to: UInt8.self)
    let hasBOM = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
    return hasBOM ? UnsafeBufferPointer(rebasing: all[3...]) : all
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
