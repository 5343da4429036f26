//! Gives every raw line of a paper a role: front matter, body, heading, footnote, page debris, back matter.

/// What a raw line is.
enum LineRole: Equatable {
  case blank, title, authors, abstract, keywords, authorNote, publicationInfo
  case body
  /// A footnote line; the payload indexes `LineClassifier.notes`.
  case footnote(Int)
  case pageNumber, runningHeader, editorNote, englishAbstract, foreignAbstract
}

/// One footnote as found in the raw lines, before normalisation.
struct RawNote {
  var mark: FootnoteMark
  var lines: [Int]
}

/// Page geometry and roles of the lines of one paper.
struct LineClassifier {
  let text: ByteText
  let lines: [RawLine]
  var roles: [LineRole]
  var notes: [RawNote] = []
  /// Each paragraph on its own line (Markdown-like extraction) rather than hard-wrapped at the page width.
  var paragraphPerLine = false
  /// Width of a full body line in half-ems (hard-wrapped papers).
  var fullWidth = 64
  var bodyStart = 0
  var bodyEnd = 0
  /// Labelled front-matter blocks (内容提要, 关键词 …): the label, where its text starts, its lines.
  var labelBlocks: [(FrontLabel, textStart: Int, lines: [Int])] = []

  init(text: ByteText, lines: [RawLine]) {
    self.text = text
    self.lines = lines
    self.roles = lines.map { $0.isBlank ? .blank : .body }
    measurePage()
    bodyStart = classifyFrontMatter()
    bodyEnd = classifyBackMatter(from: bodyStart)
    classifyBody()
    sortNotes()
  }

  /// Back-matter notes were found before the body's: put all in reading order and renumber the roles.
  private mutating func sortNotes() {
    let order = notes.indices.sorted { (notes[$0].lines.first ?? 0) < (notes[$1].lines.first ?? 0) }
    var newIndex = [Int](repeating: 0, count: notes.count)
    for (position, old) in order.enumerated() { newIndex[old] = position }
    notes = order.map { notes[$0] }
    for k in roles.indices {
      if case .footnote(let old) = roles[k] { roles[k] = .footnote(newIndex[old]) }
    }
  }

  // MARK: Geometry

  private mutating func measurePage() {
    var widths: [Int] = []
    var wrapped: [Int] = []
    var proseLines = 0
    var sentenceEnds = 0
    for line in lines where !line.isBlank {
      widths.append(line.width)
      if line.wideCount >= 8, FootnoteMark.parse(text, at: line.contentStart, limit: line.contentEnd) == nil {
        proseLines += 1
        if endsSentence(line) { sentenceEnds += 1 }
      }
      let lastScalar = text.scalar(before: line.contentEnd).value
      if line.wideCount >= 8, CharClass.isHan(lastScalar) { wrapped.append(line.width) }
    }
    // Hard-wrapped pages never give lines much over 60 characters; paragraph-per-line text gives many.
    // Text lines mostly ending a sentence are whole paragraphs too (a wrapped page ends one line in six or so).
    let long = widths.filter { $0 > 240 }.count
    // Too little text to tell: treat lines as paragraphs (lines that do not end a sentence still join).
    paragraphPerLine =
      (long >= 3 && long * 10 >= widths.count) || proseLines < 4 || sentenceEnds * 100 >= proseLines * 35
    wrapped.sort()
    if !wrapped.isEmpty {
      fullWidth = wrapped[wrapped.count / 2]
    }
  }

  /// The last scalar of a line that tells how it ends: footnote marks, closers and spaces skipped.
  func endingScalar(_ line: RawLine) -> UInt32 {
    var end = line.contentEnd
    var steps = 0
    while end > line.contentStart, steps < 12 {
      steps += 1
      let (v, start) = text.scalar(before: end)
      if CharClass.circledNumber(v) != nil || v == 0x5E || v == 0x7B || v == 0x7D || v == 0x2A || CharClass.isSpace(v)
        || CharClass.isCloser(v)
      {
        end = start
        continue
      }
      // A letter note mark right after CJK punctuation or text: "。a".
      if (0x61...0x68).contains(v), start > line.contentStart {
        let before = text.scalar(before: start).value
        if CharClass.isWide(before) {
          end = start
          continue
        }
      }
      return v
    }
    return 0
  }

  func endsSentence(_ line: RawLine) -> Bool { CharClass.isTerminal(endingScalar(line)) }

  func nextNonBlank(after index: Int, limit: Int? = nil) -> Int? {
    var k = index + 1
    let end = limit ?? lines.count
    while k < end {
      if !lines[k].isBlank { return k }
      k += 1
    }
    return nil
  }

  // MARK: Front matter

  /// Classifies title, authors, publication header and labelled metadata; returns the first body line.
  private mutating func classifyFrontMatter() -> Int {
    var k = 0
    var headerLines = 0
    var sawTitle = false
    var sawAuthors = false
    var sawLabel = false
    while k < lines.count {
      let line = lines[k]
      if line.isBlank {
        k += 1
        continue
      }
      if let (label, textStart) = FrontLabel.match(text, at: line.contentStart, end: line.contentEnd) {
        sawLabel = true
        let block = labelBlock(from: k, single: label == .keywords, adjacentOnly: label == .publicationInfo)
        let role: LineRole =
          switch label {
          case .abstract: .abstract
          case .keywords: .keywords
          case .authorNote: .authorNote
          case .publicationInfo: .publicationInfo
          }
        for index in block { roles[index] = role }
        labelBlocks.append((label, textStart, block))
        k = (block.last ?? k) + 1
        continue
      }
      // Header lines: short, not sentences, before any label.
      guard !sawLabel, headerLines < 10, line.width <= 90, !endsSentence(line),
        HeadingNumber.parse(text, at: line.contentStart, end: line.contentEnd) == nil
      else { break }
      if isPublicationHeader(line) {
        roles[k] = .publicationInfo
      } else if sawTitle, !sawAuthors, isAuthorLine(line) {
        roles[k] = .authors
        sawAuthors = true
      } else if !sawAuthors {
        roles[k] = .title
        sawTitle = true
      } else {
        break
      }
      headerLines += 1
      k += 1
    }
    if !sawLabel && !sawAuthors {
      // A report without labels: the title is the last header line before the body; earlier ones are its masthead.
      let titles = (0..<k).filter { roles[$0] == .title }
      if titles.count > 1 {
        for index in titles.dropLast() where !isContinuationOfTitle(index, titles) { roles[index] = .publicationInfo }
      }
    }
    return k
  }

  private func isContinuationOfTitle(_ index: Int, _ titles: [Int]) -> Bool {
    // Two title lines with nothing but one blank between them, the first not ending in a way that closes it.
    guard let next = titles.first(where: { $0 > index }), let last = titles.last, next == last else { return false }
    return next - index == 1
  }

  /// A labelled block: the label line and its continuation lines up to the end of the paragraph.
  private func labelBlock(from k: Int, single: Bool, adjacentOnly: Bool) -> [Int] {
    var block = [k]
    if single { return block }
    var current = k
    while let next = nextNonBlank(after: current) {
      let line = lines[next]
      if FrontLabel.match(text, at: line.contentStart, end: line.contentEnd) != nil || line.leadingSpace { break }
      // A label's text goes on to the next line only when it was wrapped: the line is full, or the next one is
      // glued to it without a blank line; and it stops where a paragraph would.
      guard !endsSentence(lines[current]) || (!paragraphPerLine && !paragraphEnds(after: current, next: next)) else {
        break
      }
      guard next == current + 1 || (!adjacentOnly && lines[current].width >= fullWidth - 6) else { break }
      block.append(next)
      current = next
    }
    return block
  }

  private func isPublicationHeader(_ line: RawLine) -> Bool {
    let end = line.contentEnd
    let start = line.contentStart
    // "2023 年第 17 期", "总第 111 期", "东北亚学刊 2023年第4期", institutions.
    if text.find("期", from: start, to: end) != nil, text.find("第", from: start, to: end) != nil,
      CharClass.isDigit(UInt32(text[text.find("第", from: start, to: end).map { $0 + 3 } ?? start]))
        || text.find("年", from: start, to: end) != nil
    {
      return true
    }
    let suffixes: [StaticString] = ["研究院", "学院", "大学", "研究所", "研究中心", "研究报告", "学刊", "学报"]
    for suffix in suffixes {
      let n = suffix.utf8CodeUnitCount
      if end - start >= n, text.hasPrefix(suffix, at: end - n) { return true }
    }
    return false
  }

  /// One to four names of two to four Han characters, separated by spaces.
  func isAuthorLine(_ line: RawLine) -> Bool {
    var names = 0
    var nameLength = 0
    var i = line.contentStart
    while i < line.contentEnd {
      let (v, len) = text.scalar(at: i)
      if CharClass.isSpace(v) || v == 0x3001 || v == 0xFF0C {
        if nameLength > 0 {
          guard (2...4).contains(nameLength) else { return false }
          names += 1
        }
        nameLength = 0
      } else if CharClass.isHan(v) || v == 0x00B7 {
        nameLength += 1
      } else {
        return false
      }
      i += len
    }
    if nameLength > 0 {
      guard (2...4).contains(nameLength) else { return false }
      names += 1
    }
    return (1...4).contains(names)
  }

  // MARK: Back matter

  /// Finds the end of the body: the closing editor line (（责任编辑：…）) or report author line (（撰写：…）),
  /// then the footnotes of the last page, then English abstracts and mastheads. Returns the body's end.
  private mutating func classifyBackMatter(from start: Int) -> Int {
    var marker: Int?
    var k = lines.count - 1
    while k >= start {
      let line = lines[k]
      if !line.isBlank, isClosingMarker(line) {
        marker = k
        break
      }
      k -= 1
    }
    guard let markerLine = marker else { return classifyTrailingEnglish(from: start) }
    roles[markerLine] = isReportAuthorLine(lines[markerLine]) ? .authorNote : .editorNote
    var inNote: Int?
    var tail = false
    var tailLines: [Int] = []
    for index in (markerLine + 1)..<lines.count where !lines[index].isBlank {
      let line = lines[index]
      if !tail, let mark = footnoteStart(line, previous: inNote.map { notes[$0].mark }) {
        notes.append(RawNote(mark: mark, lines: [index]))
        inNote = notes.count - 1
        roles[index] = .footnote(notes.count - 1)
        if paragraphPerLine { inNote = nil }
        continue
      }
      if !tail, let note = inNote, !line.leadingSpace {
        notes[note].lines.append(index)
        roles[index] = .footnote(note)
        continue
      }
      tail = true
      tailLines.append(index)
    }
    classifyEnglishEntries(tailLines)
    return markerLine
  }

  private func isClosingMarker(_ line: RawLine) -> Bool {
    let s = line.contentStart
    guard text.hasPrefix("（", at: s) || text[s] == 0x28 else { return false }
    let i = text[s] == 0x28 ? s + 1 : s + 3
    return text.hasPrefix("责任编辑", at: i) || text.hasPrefix("撰写", at: i) || text.hasPrefix("执笔", at: i)
  }

  func isReportAuthorLine(_ line: RawLine) -> Bool {
    let s = line.contentStart
    let i = text[s] == 0x28 ? s + 1 : s + 3
    return text.hasPrefix("撰写", at: i) || text.hasPrefix("执笔", at: i)
  }

  /// Without a closing marker: English lines at the end of the file are abstracts.
  private mutating func classifyTrailingEnglish(from start: Int) -> Int {
    var k = lines.count - 1
    var first = lines.count
    while k >= start {
      let line = lines[k]
      if !line.isBlank {
        guard line.isLatinDominant, footnoteStart(line, previous: nil) == nil else { break }
        first = k
      }
      k -= 1
    }
    // Keep a trailing English block only if the body has Chinese text (an English paper is all body).
    let hasChinese = lines[start..<first].contains { $0.wideCount > 10 }
    guard hasChinese, first < lines.count else { return lines.count }
    // The block must stand apart: the text before it ends a sentence (else it is the body's last words).
    var before = first - 1
    while before >= start, lines[before].isBlank { before -= 1 }
    guard before >= start, endsSentence(lines[before]) || lines[first].leadingSpace else { return lines.count }
    classifyEnglishEntries(Array(first..<lines.count).filter { !lines[$0].isBlank })
    return first
  }

  /// English entries (title, author, abstract, keywords) after the body: the first is the paper's own, later ones
  /// belong to other articles of the same issue. Non-English lines there are the journal's masthead.
  private mutating func classifyEnglishEntries(_ tail: [Int]) {
    var entries = 0
    var sawContent = false
    var entryOf: [Int: Int] = [:]
    for (position, index) in tail.enumerated() {
      let line = lines[index]
      guard line.isLatinDominant || line.wideCount == 0 else {
        roles[index] = .publicationInfo
        continue
      }
      let next = position + 1 < tail.count ? lines[tail[position + 1]] : nil
      let startsEntry =
        entries == 0 || line.leadingSpace
        || (sawContent && !endsSentence(line) && next.map { $0.width < 60 && !endsSentence($0) } == true
          && !text.hasPrefix("Abstract", at: next?.contentStart ?? 0)
          && !text.hasPrefix("Keywords", at: line.contentStart))
      if startsEntry && (entries == 0 || sawContent) {
        entries += 1
        sawContent = false
      }
      if line.width > 120 || text.hasPrefix("Abstract:", at: line.contentStart)
        || text.hasPrefix("Abstract：", at: line.contentStart)
      {
        sawContent = true
      }
      entryOf[index] = entries
    }
    // Vocabulary overlap with the paper's references was tried and misleads (an issue's articles share topics);
    // the first entry after the body is the paper's own in every layout seen.
    let own = 1
    for (index, entry) in entryOf { roles[index] = entry == own ? .englishAbstract : .foreignAbstract }
  }

  // MARK: Body

  private mutating func classifyBody() {
    guard bodyStart < bodyEnd else { return }
    let repeated = repeatedShortLines()
    // A line's text is made into a String only when its length is one of theirs.
    let repeatedLengths = Set(repeated.map(\.utf8.count))
    var inNote: Int?
    var lastNoteMark: FootnoteMark?
    var previousWasBody = true
    for index in bodyStart..<bodyEnd where !lines[index].isBlank {
      let line = lines[index]
      if isPageNumber(line) {
        roles[index] = .pageNumber
        inNote = nil
        continue
      }
      if isRunningHeader(line)
        || (repeatedLengths.contains(line.contentEnd - line.contentStart)
          && repeated.contains(text.string(line.contentStart, line.contentEnd)))
      {
        roles[index] = .runningHeader
        inNote = nil
        continue
      }
      if let mark = footnoteStart(line, previous: previousWasBody ? nil : lastNoteMark, afterBody: previousWasBody) {
        notes.append(RawNote(mark: mark, lines: [index]))
        roles[index] = .footnote(notes.count - 1)
        inNote = paragraphPerLine ? nil : notes.count - 1
        lastNoteMark = mark
        previousWasBody = false
        continue
      }
      if let note = inNote, !line.leadingSpace, let last = notes[note].lines.last, !noteLineIsComplete(lines[last]),
        HeadingNumber.parse(text, at: line.contentStart, end: line.contentEnd) == nil
      {
        notes[note].lines.append(index)
        roles[index] = .footnote(note)
        continue
      }
      // One-line-per-note text: a note cut short continues on a short line ("…第" / "5页。").
      if paragraphPerLine, !previousWasBody, let last = notes.last?.lines.last,
        !endsSentence(lines[last]) || endsWithAbbreviation(lines[last]),
        line.width < 60, !line.leadingSpace,
        HeadingNumber.parse(text, at: line.contentStart, end: line.contentEnd) == nil
      {
        notes[notes.count - 1].lines.append(index)
        roles[index] = .footnote(notes.count - 1)
        continue
      }
      inNote = nil
      previousWasBody = true
      roles[index] = .body
    }
  }

  /// A footnote line that closes its note: it ends with 。 (or ．), or with a full stop or "]" that is not part of
  /// a URL broken over lines. The next line is then body text even if the new page does not open with a space.
  private func noteLineIsComplete(_ line: RawLine) -> Bool {
    let (last, lastStart) = text.scalar(before: line.contentEnd)
    if last == 0x3002 || last == 0xFF0E { return true }
    guard last == 0x2E || last == 0x5D else { return false }
    // The last token: a URL or path fragment ("…www.whitehouse.") goes on.
    var start = lastStart
    while start > line.contentStart, text[start - 1] != 0x20, lastStart - start < 300 { start -= 1 }
    if last == 0x5D { return true }
    if text.find("/", from: start, to: lastStart) != nil || text.find("www", from: start, to: lastStart) != nil {
      return false
    }
    return !endsWithAbbreviation(line)
  }

  /// "Vol.", "No.", "pp.", "ed.": a reference cut after an abbreviation goes on on the next line.
  private func endsWithAbbreviation(_ line: RawLine) -> Bool {
    let (last, lastStart) = text.scalar(before: line.contentEnd)
    guard last == 0x2E else { return false }
    var start = lastStart
    while start > line.contentStart, CharClass.isLatinLetter(UInt32(text[start - 1])), lastStart - start < 5 {
      start -= 1
    }
    let letters = lastStart - start
    let boundary = start == line.contentStart || !CharClass.isLatinLetter(UInt32(text[start - 1]))
    return letters >= 1 && letters <= 4 && boundary
  }

  /// "56", "- 56 -", "· 56 ·", "—56—": a page number on its own line.
  private func isPageNumber(_ line: RawLine) -> Bool {
    var digits = 0
    var i = line.contentStart
    while i < line.contentEnd {
      let (v, length) = text.scalar(at: i)
      if CharClass.isDigit(v) {
        digits += 1
      } else if !(v == 0x20 || v == 0x2D || v == 0x2E || v == 0xB7 || v == 0x2014 || v == 0xFF0D || v == 0x30FB
        || v == 0x2022 || v == 0x3000)
      {
        return false
      }
      i += length
    }
    return (1...4).contains(digits)
  }

  /// Short lines that are not sentences and recur on three or more pages of the body: running headers.
  private func repeatedShortLines() -> Set<String> {
    var counts: [String: Int] = [:]
    for index in bodyStart..<bodyEnd {
      let line = lines[index]
      guard !line.isBlank, line.width <= 50, !endsSentence(line),
        HeadingNumber.parse(text, at: line.contentStart, end: line.contentEnd) == nil
      else { continue }
      counts[text.string(line.contentStart, line.contentEnd), default: 0] += 1
    }
    return Set(counts.filter { $0.value >= 3 }.keys)
  }

  /// "东北亚学刊 2023年第4期": a journal name with its issue, on its own line.
  private func isRunningHeader(_ line: RawLine) -> Bool {
    guard line.width <= 60, !endsSentence(line) else { return false }
    let s = line.contentStart
    let e = line.contentEnd
    guard e - s >= 6, text.hasPrefix("期", at: e - 3), let nian = text.find("年第", from: s, to: e) else { return false }
    return nian > s && CharClass.isDigit(UInt32(text[nian - 1]))
  }

  /// A footnote mark opening the line. Letter marks must run in order within a page's block (a, then b …),
  /// so an English line that happens to start with "a " is not taken for a note.
  func footnoteStart(_ line: RawLine, previous: FootnoteMark?, afterBody: Bool = false) -> FootnoteMark? {
    var s = line.contentStart
    // "本*  本文系…": extraction sometimes glues one character of the note before its star.
    if text[s] >= 0x80, text.scalar(at: s + text.scalar(at: s).length).value == 0x2A {
      let afterStar = s + text.scalar(at: s).length + 1
      if afterStar < line.contentEnd, CharClass.isSpace(text.scalar(at: afterStar).value) {
        return FootnoteMark(kind: .star, start: s, end: afterStar)
      }
    }
    let v = text.scalar(at: s).value
    if (0x61...0x6A).contains(v) {
      let after = s + 1
      guard after < line.contentEnd, CharClass.isSpace(text.scalar(at: after).value) else { return nil }
      var k = after
      while k < line.contentEnd, CharClass.isSpace(text.scalar(at: k).value) { k += text.scalar(at: k).length }
      guard k < line.contentEnd else { return nil }
      let letter = UInt8(v)
      if letter == 0x61 {
        guard afterBody || previous?.kind == .star else { return nil }
      } else {
        guard case .letter(let p) = previous?.kind, p + 1 == letter else { return nil }
      }
      return FootnoteMark(kind: .letter(letter), start: s, end: after)
    }
    guard let mark = FootnoteMark.parse(text, at: s, limit: line.contentEnd) else { return nil }
    // The mark must be followed by white space or text, and not be a bare "*" bullet inside prose.
    if case .star = mark.kind {
      s = mark.end
      guard s < line.contentEnd, CharClass.isSpace(text.scalar(at: s).value) else { return nil }
    }
    guard mark.end < line.contentEnd else { return nil }
    return mark
  }

  // MARK: Paragraph ends

  /// Whether the paragraph ends after line `index`, given the next line of the same flow.
  ///
  /// Hard-wrapped text: a line ending a sentence ends the paragraph when it is visibly short of the local line
  /// width, when the next line looks indented (a little short itself, and going on), or when the next line opens
  /// with a discourse marker that starts paragraphs (首先， 其次， 第二， 二是 …). `opensParagraph`: the line is
  /// the first of its paragraph, so it is indented and its full width is two characters less.
  ///
  /// What the words say is no evidence on its own: a date opening the next line ("2023年3月6日，") was tried as a
  /// paragraph start and was wrong wherever the reference papers' line widths could tell (the next line was full).
  func paragraphEnds(after index: Int, next: Int?, opensParagraph: Bool = false) -> Bool {
    let line = lines[index]
    guard endsSentence(line) else { return false }
    if paragraphPerLine { return true }
    guard let next else { return true }
    let full = localFullWidth(around: index) - (opensParagraph ? Self.firstLineIndent : 0)
    if line.width <= full - 5 { return true }
    let following = lines[next]
    // Markers also enumerate inside a paragraph (首先…其次…): trust them only after a line a little short.
    if line.width <= full - 3, startsWithParagraphMarker(following) { return true }
    // Indentation is measured against the page's usual width: local widths vary with the mix of characters.
    return following.width <= fullWidth - 3 && following.width >= fullWidth - 9 && !endsSentence(following)
  }

  /// A paragraph's first line is indented by two full-width characters (four half-ems); extraction drops the
  /// indent, so the line is that much short of the full width.
  static let firstLineIndent = 4

  /// The widest body line near `index` (page widths and character mixes vary).
  private func localFullWidth(around index: Int) -> Int {
    var widest = 0
    var seen = 0
    var k = index
    while k > bodyStart, seen < 4 {
      k -= 1
      if roles[k] == .body {
        widest = max(widest, lines[k].width)
        seen += 1
      }
    }
    seen = 0
    k = index
    while k + 1 < bodyEnd, seen < 4 {
      k += 1
      if roles[k] == .body {
        widest = max(widest, lines[k].width)
        seen += 1
      }
    }
    widest = max(widest, lines[index].width)
    return min(max(widest, fullWidth - 2), fullWidth + 2)
  }

  private func startsWithParagraphMarker(_ line: RawLine) -> Bool {
    let s = line.contentStart
    let markers: [StaticString] = [
      "首先，", "其次，", "再次，", "最后，", "此外，", "另外，", "总之，", "综上", "第一，", "第二，",
      "第三，", "第四，", "第五，", "一是", "二是", "三是", "四是", "五是", "一方面", "另一方面",
    ]
    for marker in markers where text.hasPrefix(marker, at: s) { return true }
    return false
  }
}
