//! Metadata found in the text: title, authors, venue, year, abstract, keywords, author note.

struct MetadataReader {
  /// `1` and `2`: how a year of the 20th or 21st century starts.
  static let yearStarts = ByteSet(0x31, 0x32)
  let classifier: LineClassifier
  var text: ByteText { classifier.text }
  var lines: [RawLine] { classifier.lines }

  struct Found {
    var metadata = PaperMetadata()
    var sources: [MetadataField: TextRange] = [:]
    var title: Passage?
    var abstract: Passage?
    var keywords: Passage?
    var authorNote: Passage?
  }

  func read(titleMarks: inout [FootnoteMark]) -> Found {
    var found = Found()
    let roles = classifier.roles
    // Title, with its footnote mark ("…探析^{*}", "…评析 *") set aside.
    let titleLines = roles.indices.filter { roles[$0] == .title }
    if !titleLines.isEmpty {
      var builder = PassageBuilder()
      for (position, index) in titleLines.enumerated() {
        let line = lines[index]
        var end = line.contentEnd
        if position == titleLines.count - 1, let mark = trailingMark(line) {
          titleMarks.append(mark)
          end = mark.start
        }
        if position > 0 { builder.lineBreak(text, previousLineEnd: lines[titleLines[position - 1]].contentEnd) }
        builder.append(text, from: line.contentStart, to: end)
      }
      let passage = builder.build()
      found.title = passage
      found.metadata.title = passage.text
      found.sources[.title] = TextRange(
        lines[titleLines[0]].contentStart, lines[titleLines[titleLines.count - 1]].contentEnd)
    }
    if let authorLine = roles.firstIndex(of: .authors) {
      let line = lines[authorLine]
      found.metadata.authors = Self.names(text.string(line.contentStart, line.contentEnd))
      found.sources[.authors] = line.range
    }
    for block in classifier.labelBlocks {
      guard let first = block.lines.first, let last = block.lines.last else { continue }
      let range = TextRange(block.textStart, lines[last].contentEnd)
      let passage = BodyAssembler.passage(text: text, lines: lines, indices: block.lines, firstStart: block.textStart)
      switch block.0 {
      case .abstract where found.abstract == nil:
        found.abstract = passage
        found.metadata.abstract = passage.text
        found.sources[.abstract] = range
      case .keywords:
        // Split the raw text: normalisation closes up the spaces that separate Chinese keywords.
        let raw = block.lines.map { index -> String in
          let line = lines[index]
          return text.string(index == first ? block.textStart : line.contentStart, line.contentEnd)
        }.joined(separator: " ")
        found.metadata.keywords = Self.keywords(raw)
        found.sources[.keywords] = range
        var spaced = PassageBuilder()
        spaced.keepsSpacesBetweenWide = true
        for (position, index) in block.lines.enumerated() {
          let line = lines[index]
          if position > 0 { spaced.lineBreak(text, previousLineEnd: lines[block.lines[position - 1]].contentEnd) }
          spaced.append(text, from: position == 0 ? block.textStart : line.contentStart, to: line.contentEnd)
        }
        found.keywords = spaced.build()
      case .authorNote:
        found.metadata.authorNote = passage.text
        found.authorNote = passage
        found.sources[.authorNote] = range
        if found.metadata.authors.isEmpty, let name = Self.leadingName(passage.text) {
          found.metadata.authors = [name]
          found.sources[.authors] = TextRange(block.textStart, block.textStart + name.utf8.count)
        }
      default:
        _ = first
      }
    }
    // A report's closing "（撰写：高某，…研究员。）".
    if let closing = roles.indices.last(where: { roles[$0] == .authorNote }),
      text[lines[closing].contentStart] != 0x5B, classifier.isReportAuthorLine(lines[closing])
    {
      let line = lines[closing]
      var start = line.contentStart + (text[line.contentStart] == 0x28 ? 1 : 3)
      if let colon = text.find("：", from: start, to: line.contentEnd) {
        start = colon + 3
      } else if let colon = text.find(":", from: start, to: line.contentEnd) {
        start = colon + 1
      }
      var end = line.contentEnd
      let (last, lastStart) = text.scalar(before: end)
      if last == 0xFF09 || last == 0x29 { end = lastStart }
      var builder = PassageBuilder()
      builder.append(text, from: start, to: end)
      let notePassage = builder.build()
      let note = notePassage.text
      found.authorNote = notePassage
      found.metadata.authorNote = note
      found.sources[.authorNote] = TextRange(start, end)
      if found.metadata.authors.isEmpty, let name = Self.leadingName(note) {
        found.metadata.authors = [name]
        found.sources[.authors] = TextRange(start, start + name.utf8.count)
      }
    }
    readYear(&found)
    readVenue(&found)
    return found
  }

  /// A footnote mark closing the title line: `^{*}`, ` *`, `①`.
  private func trailingMark(_ line: RawLine) -> FootnoteMark? {
    var i = line.contentEnd
    var steps = 0
    while i > line.contentStart, steps < 6 {
      let (v, start) = text.scalar(before: i)
      if v == 0x2A || v == 0x5E || v == 0x7B || v == 0x7D || CharClass.circledNumber(v) != nil {
        i = start
        steps += 1
      } else {
        break
      }
    }
    guard steps > 0 else { return nil }
    var markStart = i
    while markStart < line.contentEnd, text[markStart] == 0x20 { markStart += 1 }
    if let mark = FootnoteMark.parse(text, at: markStart, limit: line.contentEnd) {
      return FootnoteMark(kind: mark.kind, start: markStart, end: line.contentEnd)
    }
    return nil
  }

  static func names(_ line: String) -> [String] {
    line.split { $0 == " " || $0 == "、" || $0 == "，" || $0 == "," || $0 == "\u{3000}" }.map(String.init)
  }

  static func keywords(_ text: String) -> [String] {
    text.split { $0 == " " || $0 == "；" || $0 == ";" || $0 == "，" || $0 == "," || $0 == "、" || $0 == "\u{3000}" }
      .map { String($0) }.filter { !$0.isEmpty }
  }

  /// "赵明昊，复旦大学…" → 赵明昊.
  static func leadingName(_ note: String) -> String? {
    var name = ""
    for scalar in note.unicodeScalars {
      if CharClass.isHan(scalar.value) || scalar == "·" {
        name.unicodeScalars.append(scalar)
        if name.unicodeScalars.count > 4 { return nil }
      } else {
        break
      }
    }
    return (2...4).contains(name.unicodeScalars.count) ? name : nil
  }

  // MARK: Year and venue

  private func readYear(_ found: inout Found) {
    let roles = classifier.roles
    // 1. 文章编号：1002-7874(2024)04-0001-29.
    for block in classifier.labelBlocks where block.0 == .publicationInfo {
      for index in block.lines {
        let line = lines[index]
        if let open = text.find("(", from: line.contentStart, to: line.contentEnd), let year = year(at: open + 1),
          text[open + 5] == 0x29
        {
          found.metadata.year = year
          found.sources[.year] = TextRange(open + 1, open + 5)
          return
        }
      }
    }
    // 2. An issue line: "2023 年第 17 期", "东北亚学刊 2023年第4期".
    for index in roles.indices where roles[index] == .publicationInfo || roles[index] == .runningHeader {
      let line = lines[index]
      guard let di = text.find("第", from: line.contentStart, to: line.contentEnd),
        let nian = text.find("年", from: line.contentStart, to: di + 1)
      else { continue }
      var digitsEnd = nian
      while digitsEnd > line.contentStart, text[digitsEnd - 1] == 0x20 { digitsEnd -= 1 }
      if digitsEnd - 4 >= line.contentStart, let year = year(at: digitsEnd - 4) {
        found.metadata.year = year
        found.sources[.year] = TextRange(digitsEnd - 4, digitsEnd)
        return
      }
    }
    // 3. The latest access date of a cited web page ("[2023-07-25]"): published that year, as a rule.
    // 4. Else the year the text names most often.
    var latestAccess: (year: Int, at: Int)?
    var counts: [Int: (count: Int, at: Int)] = [:]
    var i = 0
    let n = text.count
    while i + 4 <= n {
      // A year starts with 1 or 2: skip to the next such byte in one fast scan (most of the text is Chinese).
      guard let next = text.firstOffset(of: Self.yearStarts, from: i, to: n - 3) else { break }
      i = next
      let b = text[i]
      if b == 0x31 || b == 0x32, !(i > 0 && CharClass.isDigit(UInt32(text[i - 1]))), let y = year(at: i),
        !CharClass.isDigit(UInt32(text[i + 4]))
      {
        if i > 0, text[i - 1] == 0x5B, text[i + 4] == 0x2D {
          if latestAccess.map({ y > $0.year }) ?? true { latestAccess = (y, i) }
        }
        var j = i + 4
        while j < n, text[j] == 0x20 { j += 1 }
        if text.hasPrefix("年", at: j) {
          let old = counts[y]
          counts[y] = ((old?.count ?? 0) + 1, old?.at ?? i)
        }
        i += 4
        continue
      }
      i += 1
    }
    if let access = latestAccess {
      found.metadata.year = access.year
      found.sources[.year] = TextRange(access.at, access.at + 4)
      return
    }
    if let best = counts.max(by: {
      $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key < $1.key)
    }) {
      found.metadata.year = best.key
      found.sources[.year] = TextRange(best.value.at, best.value.at + 4)
    }
  }

  private func year(at i: Int) -> Int? {
    var value = 0
    for k in 0..<4 {
      let b = text[i + k]
      guard CharClass.isDigit(UInt32(b)) else { return nil }
      value = value * 10 + Int(b - 0x30)
    }
    return (1900...2099).contains(value) ? value : nil
  }

  private func readVenue(_ found: inout Found) {
    let roles = classifier.roles
    // A running header names the journal: "东北亚学刊 2023年第4期".
    if let index = roles.firstIndex(of: .runningHeader) {
      let line = lines[index]
      var end = line.contentStart
      while end < line.contentEnd, !CharClass.isDigit(UInt32(text[end])) { end += 1 }
      while end > line.contentStart, text[end - 1] == 0x20 { end -= 1 }
      if end > line.contentStart {
        found.metadata.venue = text.string(line.contentStart, end)
        found.sources[.venue] = TextRange(line.contentStart, end)
        return
      }
    }
    // A report's masthead names the series: "国际问题研究报告".
    for index in roles.indices where roles[index] == .publicationInfo && index < classifier.bodyStart {
      let line = lines[index]
      let suffixes: [StaticString] = ["报告", "学刊", "学报", "研究", "论坛", "评论"]
      for suffix in suffixes
      where line.contentEnd - suffix.utf8CodeUnitCount >= line.contentStart
        && text.hasPrefix(suffix, at: line.contentEnd - suffix.utf8CodeUnitCount) && line.width <= 30
      {
        found.metadata.venue = text.string(line.contentStart, line.contentEnd)
        found.sources[.venue] = line.range
        return
      }
    }
    // A thank-you note to the journal: "感谢《日本学刊》编辑部".
    for note in classifier.notes where note.mark.kind == .star {
      for index in note.lines {
        let line = lines[index]
        guard let edit = text.find("》编辑部", from: line.contentStart, to: line.contentEnd),
          let open = lastOpen(before: edit, from: line.contentStart)
        else { continue }
        found.metadata.venue = text.string(open + 3, edit)
        found.sources[.venue] = TextRange(open + 3, edit)
        return
      }
    }
  }

  private func lastOpen(before end: Int, from start: Int) -> Int? {
    var i = end - 3
    while i >= start {
      if text.hasPrefix("《", at: i) { return i }
      i -= 1
    }
    return nil
  }
}
