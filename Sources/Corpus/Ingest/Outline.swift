//! Body assembly: joins body lines into paragraphs and reads section headings (一、 （一） 1. …) into an outline.

struct BodyAssembler {
  let classifier: LineClassifier
  private(set) var paragraphs: [Paragraph] = []
  private(set) var sections: [Section] = []
  private var current: [Int] = []
  /// Where the current paragraph begins inside its first line, when a line holds the end of one paragraph too.
  private var currentStart: Int?
  private var counters = [Int](repeating: 0, count: 6)
  /// Builds every paragraph in turn, reusing its buffers.
  private var builder = PassageBuilder()
  /// Build each heading's title and whole printed text in turn, reusing their buffers.
  private var titleBuilder = PassageBuilder()
  private var headingBuilder = PassageBuilder()

  init(classifier: LineClassifier) { self.classifier = classifier }

  var text: ByteText { classifier.text }
  var lines: [RawLine] { classifier.lines }

  mutating func run() {
    let c = classifier
    guard c.bodyStart < c.bodyEnd else { return }
    let bodyLines = (c.bodyStart..<c.bodyEnd).filter { c.roles[$0] == .body }
    var k = 0
    while k < bodyLines.count {
      let index = bodyLines[k]
      let line = lines[index]
      let next = k + 1 < bodyLines.count ? bodyLines[k + 1] : nil
      if let heading = HeadingNumber.parse(text, at: line.contentStart, end: line.contentEnd), wouldAccept(heading) {
        if let continuation = standaloneHeading(index, next: next) {
          flush()
          var headingLines = [index]
          if continuation, let next {
            headingLines.append(next)
            k += 1
          }
          addSection(heading, lines: headingLines)
          k += 1
          continue
        }
        if heading.level >= 2, let (titleEnd, sentenceEnd) = runInTitleEnd(line, heading) {
          flush()
          let title = text.string(heading.textStart, titleEnd)
          addSection(heading, title: title, range: TextRange(line.contentStart, sentenceEnd))
        }
      }
      let opensParagraph = current.isEmpty
      current.append(index)
      let nextIsHeading =
        next.map { n in
          HeadingNumber.parse(text, at: lines[n].contentStart, end: lines[n].contentEnd).map { h in
            wouldAccept(h) && (standaloneHeading(n, next: nil) != nil || runInTitleEnd(lines[n], h) != nil)
          } ?? false
        } ?? false
      if next == nil || nextIsHeading || c.paragraphEnds(after: index, next: next, opensParagraph: opensParagraph) {
        flush()
      }
      k += 1
    }
    flush()
    finishSections()
  }

  // MARK: Headings

  /// Numbering must go on from the previous heading of its level (or restart at 1): a stray "3." is no heading.
  private func wouldAccept(_ heading: HeadingNumber) -> Bool {
    heading.value == 1 || heading.value == counters[heading.level] + 1
  }

  /// A heading on its own line (not ending in a sentence, short, or continued on one short next line).
  /// Returns whether the next line continues it, or nil if this is no standalone heading.
  private func standaloneHeading(_ index: Int, next: Int?) -> Bool? {
    let line = lines[index]
    guard !classifier.endsSentence(line) else { return nil }
    // A full stop inside means a title run into its paragraph: "（一）对内互助性。小多边外交…".
    if text.find("。", from: line.contentStart, to: line.contentEnd) != nil { return nil }
    if classifier.paragraphPerLine {
      return line.width <= 120 ? false : nil
    }
    let full = classifier.fullWidth
    // A long heading wraps onto one short line that does not end a sentence ("…日益" / "加深").
    if line.width >= full - 8, let next {
      let following = lines[next]
      if following.width <= full / 2, !classifier.endsSentence(following),
        HeadingNumber.parse(text, at: following.contentStart, end: following.contentEnd) == nil
      {
        return true
      }
    }
    // Short, or a full line without the commas of running prose (a list item's first line has them).
    if line.width <= full - 8 { return false }
    let hasComma =
      text.find("，", from: line.contentStart, to: line.contentEnd) != nil
      || text.find("；", from: line.contentStart, to: line.contentEnd) != nil
    return !hasComma && line.width <= full + 2 ? false : nil
  }

  /// "（一）对内互助性。小多边外交…": a short title closed by 。 or ： run into the paragraph.
  private func runInTitleEnd(_ line: RawLine, _ heading: HeadingNumber) -> (Int, Int)? {
    guard heading.level >= 2 else { return nil }
    var i = heading.textStart
    var count = 0
    while i < line.contentEnd, count <= 24 {
      let (v, len) = text.scalar(at: i)
      if v == 0x3002 || v == 0xFF1A { return count >= 2 ? (i, i + len) : nil }
      if v == 0xFF0C || v == 0x2C || v == 0xFF1B { return nil }
      count += 1
      i += len
    }
    return nil
  }

  private mutating func addSection(_ heading: HeadingNumber, lines headingLines: [Int]) {
    // The title (after the numbering) and the whole heading as printed (a searchable, mapped passage) are
    // built alike: a quotation may or may not include the numbering.
    var builder = PassageBuilder()
    var whole = PassageBuilder()
    swap(&builder, &titleBuilder)
    swap(&whole, &headingBuilder)
    defer {
      swap(&builder, &titleBuilder)
      swap(&whole, &headingBuilder)
    }
    for (position, index) in headingLines.enumerated() {
      let line = lines[index]
      if position > 0 {
        let previousEnd = lines[headingLines[position - 1]].contentEnd
        builder.lineBreak(text, previousLineEnd: previousEnd)
        whole.lineBreak(text, previousLineEnd: previousEnd)
      }
      builder.append(text, from: position == 0 ? heading.textStart : line.contentStart, to: line.contentEnd)
      whole.append(text, from: line.contentStart, to: line.contentEnd)
    }
    let first = lines[headingLines[0]]
    let last = lines[headingLines[headingLines.count - 1]]
    addSection(
      heading, title: builder.finish().text, range: TextRange(first.contentStart, last.contentEnd),
      passage: whole.finish())
  }

  /// `passage` is nil for a title run into its paragraph: the paragraph holds its text.
  private mutating func addSection(_ heading: HeadingNumber, title: String, range: TextRange, passage: Passage? = nil) {
    counters[heading.level] = heading.value
    for deeper in (heading.level + 1)..<counters.count { counters[deeper] = 0 }
    let parent = sections.indices.last { sections[$0].level < heading.level }
    sections.append(
      Section(
        numbering: heading.numbering, title: Self.closeUpCJKSpaces(title), level: heading.level, headingRange: range,
        firstParagraph: paragraphs.count + 1, lastParagraph: paragraphs.count, parent: parent,
        heading: passage.flatMap { $0.text.isEmpty ? nil : $0 }))
  }

  /// "结 语" → "结语": letter-spaced headings.
  static func closeUpCJKSpaces(_ title: String) -> String {
    // Most titles have no space: nothing to close up (appending scalar by scalar is slow).
    guard title.utf8.contains(0x20) else { return title }
    var result = ""
    var previous: Unicode.Scalar?
    var pendingSpace = false
    for scalar in title.unicodeScalars {
      if scalar == " " {
        pendingSpace = true
        continue
      }
      if pendingSpace, let p = previous, !(CharClass.isWide(p.value) || CharClass.isWide(scalar.value)) {
        result.unicodeScalars.append(" ")
      }
      pendingSpace = false
      result.unicodeScalars.append(scalar)
      previous = scalar
    }
    return result
  }

  private mutating func finishSections() {
    let count = paragraphs.count
    for s in sections.indices {
      let level = sections[s].level
      let end = sections[(s + 1)...].first { $0.level <= level }?.firstParagraph ?? (count + 1)
      sections[s].lastParagraph = end - 1
    }
    var section = 0
    for p in paragraphs.indices {
      let number = p + 1
      while section + 1 < sections.count, sections[section + 1].firstParagraph <= number { section += 1 }
      // The latest section started at or before the paragraph, if it still covers it.
      var candidate: Int? =
        sections.indices.contains(section) && sections[section].firstParagraph <= number ? section : nil
      while let s = candidate, sections[s].lastParagraph < number { candidate = sections[s].parent }
      paragraphs[p].section = candidate
    }
  }

  // MARK: Paragraphs

  private mutating func flush() {
    guard !current.isEmpty else { return }
    let passage = Self.passage(
      text: text, lines: lines, indices: current, firstStart: currentStart, using: &builder)
    current.removeAll(keepingCapacity: true)
    currentStart = nil
    guard !passage.text.isEmpty else { return }
    paragraphs.append(Paragraph(number: paragraphs.count + 1, passage: passage))
  }

  /// Joins lines into one passage, undoing hyphenation at line ends. `firstStart` and `lastEnd` cut the first
  /// and last lines when a paragraph begins or ends inside a line.
  static func passage(
    text: ByteText, lines: [RawLine], indices: [Int], firstStart: Int?, lastEnd: Int? = nil
  ) -> Passage {
    var builder = PassageBuilder()
    return passage(
      text: text, lines: lines, indices: indices, firstStart: firstStart, lastEnd: lastEnd, using: &builder)
  }

  /// The same, built in `builder`'s buffers (left empty for the next passage).
  static func passage(
    text: ByteText, lines: [RawLine], indices: [Int], firstStart: Int?, lastEnd: Int? = nil,
    using builder: inout PassageBuilder
  ) -> Passage {
    builder.reserveCapacity(
      indices.reduce(0) { total, index in
        lines.indices.contains(index) ? total + max(0, lines[index].contentEnd - lines[index].contentStart) : total
      })
    for (position, index) in indices.enumerated() {
      let line = lines[index]
      let start = position == 0 ? max(firstStart ?? line.contentStart, line.contentStart) : line.contentStart
      let isLast = position == indices.count - 1
      var end = isLast ? min(lastEnd ?? line.contentEnd, line.contentEnd) : line.contentEnd
      let (lastScalar, lastStart) = text.scalar(before: end)
      let hyphenated = !isLast && CharClass.isLineHyphen(lastScalar)
      if hyphenated { end = lastStart }
      builder.append(text, from: start, to: end, within: line)
      if hyphenated {
        builder.joinWithoutSpace()
      } else if !isLast {
        builder.lineBreak(text, previousLineEnd: end)
      }
    }
    return builder.finish()
  }
}

extension Paper {
  /// The section's numbering with its ancestors', as a `§` locator writes it: `二`, `二（一）`, `二（一）1`.
  public func sectionPath(_ index: Int) -> String {
    var parts: [String] = []
    var current: Int? = index
    var guardSteps = 0
    while let s = current, sections.indices.contains(s), guardSteps < 16 {
      parts.append(sections[s].numbering)
      current = sections[s].parent
      guardSteps += 1
    }
    return parts.reversed().joined()
  }

  /// The section a `§` locator names: a full path (`二（一）`), or a numbering unique in the paper (`三`, `（二）`
  /// only if there is one). Spaces, a leading `§` and the 、 or . after a number are ignored.
  public func section(path: String) -> Int? {
    let wanted = path.filter { $0 != " " && $0 != "§" && $0 != "、" && $0 != "." && $0 != "．" }
      .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
    guard !wanted.isEmpty else { return nil }
    if let exact = sections.indices.first(where: { sectionPath($0) == wanted }) { return exact }
    let same = sections.indices.filter { sections[$0].numbering == wanted }
    return same.count == 1 ? same[0] : nil
  }
}
