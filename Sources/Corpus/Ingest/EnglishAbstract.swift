//! The paper's own English abstract, read from the English entries after the body when its layout leaves no doubt.

enum EnglishAbstractReader {
  /// The text of the own entry's abstract (after `Abstract:`, or the long line under the title and authors in
  /// one-line-per-paragraph layouts, up to `Keywords`), as a passage mapped to the raw file. Nil unless the own
  /// entry announces its abstract that way and the abstract begins a sentence: an entry that does not is either
  /// another article's text or a piece cut from a page, and quoting it must not pass as quoting this paper.
  static func passage(_ classifier: LineClassifier) -> Passage? {
    let text = classifier.text
    let lines = classifier.lines
    let own = classifier.roles.indices.filter { classifier.roles[$0] == .englishAbstract && !lines[$0].isBlank }
    guard !own.isEmpty else { return nil }
    var first: Int?
    var firstStart = 0
    for (position, index) in own.enumerated() {
      let line = lines[index]
      if let labelEnd = labelEnd(text, line) {
        first = position
        firstStart = labelEnd
        break
      }
    }
    if first == nil, let position = own.indices.first(where: { lines[own[$0]].width > 120 }), position >= 2 {
      // Title and author lines above it, as an issue's collected abstracts print them.
      first = position
      firstStart = lines[own[position]].contentStart
    }
    guard let first else { return nil }
    var indices: [Int] = []
    for index in own[first...] {
      let line = lines[index]
      if text.hasPrefix("Keywords", at: line.contentStart) || text.hasPrefix("Key words", at: line.contentStart)
        || text.hasPrefix("Key Words", at: line.contentStart)
      {
        break
      }
      indices.append(index)
    }
    while firstStart < text.count, text[firstStart] == 0x20 || text[firstStart] == 0x09 { firstStart += 1 }
    guard let head = indices.first, firstStart < lines[head].contentEnd,
      (0x41...0x5A).contains(text[firstStart])
    else { return nil }
    let passage = BodyAssembler.passage(text: text, lines: lines, indices: indices, firstStart: firstStart)
    return passage.text.isEmpty ? nil : passage
  }

  /// The own entry's English title: its lines above the abstract, less a heading over the entries (`Abstracts`)
  /// and the author line under the title (`CHANG Sichun / 110`, `Zhao Minghao`), as a passage mapped to the raw file.
  /// Nil when nothing is left, or what is left does not read as a title (a capital first, three lines at most).
  static func titlePassage(_ classifier: LineClassifier, before abstract: Passage) -> Passage? {
    let text = classifier.text
    let lines = classifier.lines
    let abstractStart = abstract.rawRange.start.utf8Offset
    var indices = classifier.roles.indices.filter {
      classifier.roles[$0] == .englishAbstract && !lines[$0].isBlank && lines[$0].contentEnd <= abstractStart
        && !text.hasPrefix("Abstract", at: lines[$0].contentStart)
    }
    if let last = indices.last, indices.count > 1, isAuthorLine(text, lines[last]) { indices.removeLast() }
    guard let first = indices.first, indices.count <= 3,
      (0x41...0x5A).contains(text[lines[first].contentStart]),
      indices.reduce(0, { $0 + lines[$1].width }) <= 400
    else { return nil }
    let passage = BodyAssembler.passage(
      text: text, lines: lines, indices: indices, firstStart: lines[first].contentStart)
    return passage.text.isEmpty ? nil : passage
  }

  /// A line of two to five capitalised words, maybe followed by `/ page` (`CHANG Sichun / 110`, `Zhao Minghao`):
  /// an author as an entry names one, where a title holds lower-case words (of, and, in) or is a single word.
  static func isAuthorLine(_ text: ByteText, _ line: RawLine) -> Bool {
    let content = text.string(line.contentStart, line.contentEnd)
    var words = content.split(separator: " ").map(String.init)
    if let slash = words.firstIndex(of: "/"), slash + 2 == words.count, words[slash + 1].allSatisfy(\.isNumber) {
      words.removeLast(2)
    }
    guard (2...5).contains(words.count) else { return false }
    return words.allSatisfy { word in
      guard let first = word.unicodeScalars.first, (0x41...0x5A).contains(first.value) else { return false }
      return word.unicodeScalars.allSatisfy {
        CharClass.isLatinLetter($0.value) || $0 == "-" || $0 == "'" || $0 == "." || $0 == "’"
      }
    }
  }

  /// The own entry's English keywords (`Keywords: Japan; ASEAN`) after its abstract, for a paper that prints no
  /// 关键词: the words, their raw range, and the line(s) as a passage (without the label). A line that ends in `;`
  /// or `,` goes on in the next one.
  static func keywords(
    _ classifier: LineClassifier, after abstract: Passage
  ) -> (words: [String], range: TextRange, passage: Passage)? {
    let text = classifier.text
    let lines = classifier.lines
    let abstractEnd = abstract.rawRange.end.utf8Offset
    let own = classifier.roles.indices.filter {
      classifier.roles[$0] == .englishAbstract && !lines[$0].isBlank && lines[$0].contentStart >= abstractEnd
    }
    guard let position = own.firstIndex(where: { keywordsLabelEnd(text, lines[$0]) != nil }),
      var start = keywordsLabelEnd(text, lines[own[position]])
    else { return nil }
    let firstLine = lines[own[position]]
    while start < firstLine.contentEnd, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
    var end = firstLine.contentEnd
    var next = position + 1
    var indices = [own[position]]
    while next < own.count, [0x3B, 0x2C, 0xFF1B].contains(text.scalar(before: end).value) {  // ; , ；
      indices.append(own[next])
      end = lines[own[next]].contentEnd
      next += 1
    }
    // The words are the passage's: its lines joined as any passage's are.
    let passage = BodyAssembler.passage(text: text, lines: lines, indices: indices, firstStart: start)
    let joined = passage.text
    let separators: Set<Character> = joined.contains(";") || joined.contains("；") ? [";", "；"] : [","]
    let words = joined.split(whereSeparator: { separators.contains($0) })
      .map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
    guard !words.isEmpty else { return nil }
    return (words, TextRange(start, end), passage)
  }

  /// The offset after `Keywords:` (or `Key words:`, `Key Words：`) opening a line, if it does.
  private static func keywordsLabelEnd(_ text: ByteText, _ line: RawLine) -> Int? {
    let start = line.contentStart
    let labels: [StaticString] = ["Keywords", "Key words", "Key Words"]
    for label in labels where text.hasPrefix(label, at: start) {
      let after = start + label.utf8CodeUnitCount
      if text.hasPrefix(":", at: after) { return after + 1 }
      if text.hasPrefix("：", at: after) { return after + 3 }
    }
    return nil
  }

  /// The offset after `Abstract:` / `Abstract：` opening a line, if it does.
  private static func labelEnd(_ text: ByteText, _ line: RawLine) -> Int? {
    let start = line.contentStart
    guard text.hasPrefix("Abstract", at: start) else { return nil }
    if text.hasPrefix("Abstract:", at: start) { return start + 9 }
    if text.hasPrefix("Abstract：", at: start) { return start + 8 + 3 }
    return nil
  }
}
