//! The alias keys discovery must skip, looked up without Unicode normalisation for the common case.
import Foundation

/// A set of alias keys (`Lexicon.aliasKey`) with `Set<String>` semantics (canonical equivalence).
///
/// Hashing a `String` normalises it, which made these lookups a large part of discovery. A key made only of
/// characters that NFC leaves alone and that never combine with a neighbour (ASCII, CJK ideographs, CJK and general
/// punctuation, full-width forms) is its own NFC form, so it equals a known key exactly when its bytes equal that
/// key's NFC bytes; only other keys go through the `String` set.
struct KnownAliasKeys: Sendable {
  private let strings: Set<String>
  /// NFC bytes of every key, by their FNV-1a hash (hashing `[UInt8]` in a `Set` goes byte by byte, slowly).
  private let normalisedBytes: [UInt64: [[UInt8]]]

  init(_ keys: Set<String>) {
    strings = keys
    var table: [UInt64: [[UInt8]]] = [:]
    for key in keys {
      let bytes = Array(key.precomposedStringWithCanonicalMapping.utf8)
      let hash = bytes.withUnsafeBufferPointer { Self.fnv1a($0) }
      table[hash, default: []].append(bytes)
    }
    normalisedBytes = table
  }

  func contains(_ key: String) -> Bool {
    var key = key
    let byBytes: Bool? = key.withUTF8 { bytes in
      guard Self.isOwnNFC(bytes) else { return nil }
      guard let candidates = normalisedBytes[Self.fnv1a(bytes)] else { return false }
      return candidates.contains { $0.elementsEqual(bytes) }
    }
    return byBytes ?? strings.contains(key)
  }

  static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  /// True when every character is one NFC never changes and never composes: U+0000–007F, U+2010–2027,
  /// U+3000–3029, U+3030–303F, U+3400–9FFF, U+FF00–FFEF.
  static func isOwnNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let count = bytes.count
    while i < count {
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      guard lead >= 0xE0, lead < 0xF0, i + 2 < count else { return false }
      let value = Int(lead & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
      let plain =
        (0x3400...0x9FFF).contains(value) || (0x3000...0x3029).contains(value) || (0x3030...0x303F).contains(value)
        || (0xFF00...0xFFEF).contains(value) || (0x2010...0x2027).contains(value)
      guard plain else { return false }
      i += 3
    }
    return true
  }
}
