//! A stand-in paper reader (blank-line paragraphs, joined lines, guessed title/author/year) used by the
//! `index`/`quote` commands and the index benchmark until the real `PaperReader` is available.

public enum SimplePaperReader {
  /// Reads a decoded file: paragraphs are blocks between blank lines, lines joined with no space between CJK
  /// and one space between Latin words.
  public static func read(file: String, text: String) -> Paper {
    var raw = text
    raw.makeContiguousUTF8()
    var paragraphs: [Paragraph] = []
    var firstLines: [String] = []
    raw.withUTF8 { bytes in
      var normalized: [UInt8] = []
      var map = OffsetMap()
      var lineStart = 0
      let count = bytes.count
      func flush() {
        if !normalized.isEmpty {
          let passage = Passage(text: String(decoding: normalized, as: UTF8.self), map: map)
          paragraphs.append(Paragraph(number: paragraphs.count + 1, passage: passage))
        }
        normalized.removeAll(keepingCapacity: true)
        map = OffsetMap()
      }
      while lineStart <= count {
        var lineEnd = lineStart
        while lineEnd < count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        // Trim spaces and tabs.
        var start = lineStart
        var end = lineEnd
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == end {
          flush()
        } else {
          if firstLines.count < 6 { firstLines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
          if let last = normalized.last, last < 0x80, bytes[start] < 0x80, last != 0x2D {
            normalized.append(0x20)
            map.appendInserted(length: 1, rawAnchor: start)
          }
          normalized.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
          map.appendCopy(rawStart: start, length: end - start)
        }
        if lineEnd >= count { break }
        lineStart = lineEnd + (bytes[lineEnd] == 0x0D && lineEnd + 1 < count && bytes[lineEnd + 1] == 0x0A ? 2 : 1)
      }
      flush()
    }
    var metadata = PaperMetadata()
    metadata.title = firstLines.first ?? ""
    if firstLines.count > 1 {
      let candidate = firstLines[1].split(separator: " ").first.map(String.init) ?? ""
      let scalars = candidate.unicodeScalars.count
      if scalars >= 2, scalars <= 4, candidate.unicodeScalars.allSatisfy({ $0.value >= 0x4E00 && $0.value <= 0x9FFF }) {
        metadata.authors = [candidate]
      }
    }
    metadata.year = guessYear(raw)
    return Paper(file: file, rawText: raw, metadata: metadata, paragraphs: paragraphs)
  }

  /// The first plausible year (1990–2039) in the opening of the text.
  static func guessYear(_ text: String) -> Int? {
    let bytes = Array(text.utf8.prefix(20_000))
    var i = 0
    while i + 4 <= bytes.count {
      if (bytes[i] == 0x31 && bytes[i + 1] == 0x39 && bytes[i + 2] == 0x39) || (bytes[i] == 0x32 && bytes[i + 1] == 0x30
        && bytes[i + 2] >= 0x30 && bytes[i + 2] <= 0x33),
        bytes[i + 3] >= 0x30, bytes[i + 3] <= 0x39,
        i == 0 || !(bytes[i - 1] >= 0x30 && bytes[i - 1] <= 0x39),
        i + 4 == bytes.count || !(bytes[i + 4] >= 0x30 && bytes[i + 4] <= 0x39)
      {
        return Int(String(decoding: bytes[i..<(i + 4)], as: UTF8.self))
      }
      i += 1
    }
    return nil
  }
}
