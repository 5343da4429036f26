//! TEMPORARY PLACEHOLDER for `textDocument/hover`: shows the word under the cursor. The hover feature replaces it.
import Corpus

/// Exists so the protocol benchmark has a light request to time. Delete this file (and its line in
/// `HandlerRegistry.standard`) when the real hover lands.
enum HoverPlaceholderHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["hoverProvider"] = true }
    registry.request("textDocument/hover") { params, context in
      let snapshot = context.snapshot
      let (document, offset) = try snapshot.documentPosition(params)
      guard let word = wordRange(at: offset, in: document.text) else { return .null }
      return [
        "contents": ["kind": "plaintext", "value": .string(document.text.slice(word))],
        "range": snapshot.range(word, in: document).json,
      ]
    }
  }

  /// The run of letters and digits (any script) touching `offset`.
  static func wordRange(at offset: TextSize, in text: String) -> TextRange? {
    let scalars = Array(text.unicodeScalars)
    var utf8Offsets: [Int] = []
    utf8Offsets.reserveCapacity(scalars.count + 1)
    var position = 0
    for scalar in scalars {
      utf8Offsets.append(position)
      position += UTF8.width(scalar)
    }
    utf8Offsets.append(position)
    func isWord(_ index: Int) -> Bool {
      index >= 0 && index < scalars.count
        && (scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil)
    }
    var index = 0
    while index < scalars.count, utf8Offsets[index + 1] <= offset.utf8Offset { index += 1 }
    var start = index
    if !isWord(start), isWord(start - 1) { start -= 1 }
    guard isWord(start) else { return nil }
    var end = start
    while isWord(start - 1) { start -= 1 }
    while isWord(end) { end += 1 }
    return TextRange(utf8Offsets[start], utf8Offsets[end])
  }
}
