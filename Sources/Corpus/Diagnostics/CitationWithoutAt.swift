//! Rule citation-without-at: `[常思纯2023, ¶4]` names a corpus document but lacks the `@`, so Pandoc prints it as
//! text and nothing checks its locator or quotation.

enum CitationWithoutAt {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    var text = run.note.text
    text.withUTF8 { bytes in
      // Groups and citations both come in text order: one cursor over the citations skips those already passed.
      let citations = run.note.citations
      var nextCitation = 0
      for group in bracketGroups(in: bytes) {
        while nextCitation < citations.count, citations[nextCitation].range.end <= group.start { nextCitation += 1 }
        if nextCitation < citations.count, citations[nextCitation].range.intersects(group) { continue }
        if run.note.isIgnored(group.start) { continue }
        let keys = itemKeys(in: group, bytes: bytes).filter { run.index.paper(forKey: $0.key) != nil }
        guard let first = keys.first else { continue }
        let written = keys.map { "@" + $0.key }.joined(separator: "; ")
        findings.append(
          Finding(
            rule: .citationWithoutAt, file: run.notePath, range: group,
            message: "'\(first.key)' is a document key, but without '@' this is plain text, not a citation: "
              + "write \(written) so that it is rendered and checked.",
            fixes: [
              Fix(
                title: keys.count == 1 ? "Insert '@' before \(first.key)" : "Insert '@' before each key",
                edits: keys.map { run.noteEdit(.empty(at: $0.start), "@") }, isPreferred: true)
            ]))
      }
    }
    return findings
  }

  /// Single-bracket groups `[…]` on one line that are not Markdown links (`[text](url)`, `[text][ref]`,
  /// `[ref]: url`), entity links, footnote references or citations.
  static func bracketGroups(in bytes: UnsafeBufferPointer<UInt8>) -> [TextRange] {
    var groups: [TextRange] = []
    var index = 0
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "[") else {
        index += 1
        continue
      }
      let opening = index
      var closing = index + 1
      while closing < bytes.count, bytes[closing] != UInt8(ascii: "]"), bytes[closing] != UInt8(ascii: "["),
        bytes[closing] != UInt8(ascii: "\n")
      {
        closing += 1
      }
      guard closing < bytes.count, bytes[closing] == UInt8(ascii: "]") else {
        index = closing
        continue
      }
      index = closing + 1
      let before = opening > 0 ? bytes[opening - 1] : 0
      let after = closing + 1 < bytes.count ? bytes[closing + 1] : 0
      let first = opening + 1 < closing ? bytes[opening + 1] : 0
      let isOther =
        before == UInt8(ascii: "[") || before == UInt8(ascii: "!") || after == UInt8(ascii: "(")
        || after == UInt8(ascii: "[") || after == UInt8(ascii: ":") || after == UInt8(ascii: "]")
        || first == UInt8(ascii: "@") || first == UInt8(ascii: "^") || first == UInt8(ascii: "-")
      if !isOther { groups.append(TextRange(opening, closing + 1)) }
    }
    return groups
  }

  /// The leading word of each `;`-separated item: `[常思纯2023, ¶4; 李明2020]` → 常思纯2023, 李明2020.
  static func itemKeys(in group: TextRange, bytes: UnsafeBufferPointer<UInt8>) -> [(key: String, start: TextSize)] {
    var keys: [(String, TextSize)] = []
    var index = group.start.utf8Offset + 1
    let end = group.end.utf8Offset - 1
    while index < end {
      while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
      let start = index
      while index < end, !isKeyEnd(bytes, index) { index += 1 }
      if index > start {
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        keys.append((key, TextSize(start)))
      }
      // Skip the rest of the item (its locator) up to the next `;` or `；`.
      while index < end, !isItemSeparator(bytes, index) { index += 1 }
      index += bytes[index] == UInt8(ascii: ";") ? 1 : 3
    }
    return keys
  }

  private static func isKeyEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    let byte = bytes[index]
    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") { return true }
    return isFullWidth(bytes, index, 0x8C) || isItemSeparator(bytes, index)  // ，
  }

  private static func isItemSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    bytes[index] == UInt8(ascii: ";") || isFullWidth(bytes, index, 0x9B)  // ；
  }

  /// The full-width punctuation U+FF0C (，) or U+FF1B (；): EF BC 8C / EF BC 9B.
  private static func isFullWidth(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ last: UInt8) -> Bool {
    index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBC && bytes[index + 2] == last
  }
}
