//! Alias keys looked up without Unicode normalisation in the common case: the known keys discovery skips, and the
//! candidates it tallies.
import Foundation

/// A `[String: Int]` over alias keys (`Lexicon.aliasKey`) with `String`'s equality (canonical equivalence).
///
/// Hashing a `String` normalises it, which made these lookups a large part of discovery. A key made only of
/// characters that NFC leaves alone and that never combine with a neighbour (ASCII, Latin-1, CJK ideographs, CJK
/// and general punctuation, full-width forms) is its own NFC form: two such keys are equal exactly when their bytes
/// are, so they are found by an FNV-1a hash of their bytes. Another key is stored under its NFC form when that form
/// is plain and `String` agrees that it is the same text (`U+F900` under `U+8C48`, decomposed `é` under `é`), and
/// in a `String` dictionary otherwise.
struct AliasKeyIndex: Sendable {
  /// Plain keys: bytes in one arena, chained by FNV-1a hash (no allocation per key).
  private struct Entry: Sendable {
    var start: Int
    var count: Int
    var value: Int
    var next: Int
  }
  private var heads: [UInt64: Int] = [:]
  private var entries: [Entry] = []
  private var arena: [UInt8] = []
  private var other: [String: Int] = [:]

  init() {}

  subscript(key: String) -> Int? {
    var key = key
    var found: Int?
    let plain = key.withUTF8 { bytes in
      guard Self.isPlainNFC(bytes) else { return false }
      found = entry(bytes).map { entries[$0].value }
      return true
    }
    if plain { return found }
    if let form = Self.plainForm(ofOther: key) {
      return form.withUnsafeBufferPointer { entry($0) }.map { entries[$0].value }
    }
    return other[key]
  }

  /// Stores `value` for `key` (replacing the value of an equal key).
  mutating func set(_ key: String, _ value: Int) {
    var key = key
    let bytes: [UInt8]? = key.withUTF8 { Self.isPlainNFC($0) ? Array($0) : nil } ?? Self.plainForm(ofOther: key)
    guard let bytes else {
      other[key] = value
      return
    }
    bytes.withUnsafeBufferPointer { buffer in
      if let existing = entry(buffer) {
        entries[existing].value = value
        return
      }
      let hash = Self.fnv1a(buffer)
      entries.append(Entry(start: arena.count, count: buffer.count, value: value, next: heads[hash] ?? -1))
      heads[hash] = entries.count - 1
      arena.append(contentsOf: buffer)
    }
  }

  /// The entry of a plain key's bytes, if stored.
  private func entry(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard var current = heads[Self.fnv1a(bytes)] else { return nil }
    return arena.withUnsafeBufferPointer { stored in
      while current >= 0 {
        let candidate = entries[current]
        if candidate.count == bytes.count,
          UnsafeBufferPointer(rebasing: stored[candidate.start..<candidate.start + candidate.count]).elementsEqual(bytes)
        {
          return current
        }
        current = candidate.next
      }
      return nil
    }
  }

  /// The NFC form of a key that is not plain, when that form is plain and the same text as `String` compares it.
  private static func plainForm(ofOther key: String) -> [UInt8]? {
    let form = key.precomposedStringWithCanonicalMapping
    let bytes = Array(form.utf8)
    guard bytes.withUnsafeBufferPointer({ isPlainNFC($0) }), form == key else { return nil }
    return bytes
  }

  static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  /// True when every character is one NFC never changes and that never composes with a neighbour:
  /// U+0000–00FF, U+2010–2027, U+3000–3029, U+3030–303F, U+3400–9FFF, U+FF00–FFEF.
  static func isPlainNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let count = bytes.count
    while i < count {
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      if lead == 0xC2 || lead == 0xC3 {  // U+0080–00FF
        guard i + 1 < count, bytes[i + 1] & 0xC0 == 0x80 else { return false }
        i += 2
        continue
      }
      guard lead >= 0xE0, lead < 0xF0, i + 2 < count, bytes[i + 1] & 0xC0 == 0x80, bytes[i + 2] & 0xC0 == 0x80
      else { return false }
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

/// The alias keys discovery must skip, with `Set<String>` semantics.
struct KnownAliasKeys: Sendable {
  private var keys = AliasKeyIndex()

  init(_ keys: Set<String>) {
    for key in keys { self.keys.set(key, 0) }
  }

  func contains(_ key: String) -> Bool { keys[key] != nil }
}
