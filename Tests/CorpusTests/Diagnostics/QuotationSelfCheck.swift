//! Quotation self-check: cuts quotations out of the raw corpus files the way an analyst copies them (lines
//! joined, page debris skipped, punctuation, quote marks, footnote marks and hyphens varied), cites each one
//! correctly and wrongly in every way, runs the checker, and counts what passed and what was flagged right.
import Foundation

@testable import Corpus

/// One character of a passage as an analyst reads it in the raw file.
struct ReadUnit {
  enum Kind { case text, mark, hyphen, lost }
  var kind: Kind
  var text: String
  /// Raw offset of the character.
  var raw: Int
  var line: Int
  /// Normalised range in the passage (nil for a hyphen the reader dropped, or for text the reader lost).
  var normalized: Range<Int>?
  /// A raw line break lies between this unit and the previous one.
  var breakBefore = false
  /// Lines the analyst skips (a footnote block, a page number, a running header) lie before this unit.
  var debrisBefore = false
  /// The text of those lines, joined (what an analyst who did not skip them would paste).
  var debrisText = ""
  /// White space in the raw line right before this unit.
  var spaceBefore = false
}

/// A passage's raw reading: its characters in raw order, without the page debris inside it.
struct RawReading {
  var paper: Int
  var id: PassageID
  var units: [ReadUnit]
  /// Raw lines holding text the reader kept out of every passage and every artefact (a sign of lost text).
  var lostLines: [Int]

  /// Which passage copied each raw byte of a paper (-1: none; -2: an artefact or a metadata field).
  struct Ownership {
    var ids: [PassageID] = []
    var owner: [Int32]

    init(_ paper: Paper) {
      owner = [Int32](repeating: -1, count: paper.rawText.utf8.count)
      var passages: [(PassageID, Passage)] = []
      if let abstract = paper.abstractPassage { passages.append((.abstract, abstract)) }
      if let title = paper.titlePassage { passages.append((.title, title)) }
      passages += paper.paragraphs.map { (.paragraph($0.number), $0.passage) }
      passages += paper.footnotes.map { (.footnote($0.number), $0.passage) }
      let debris = paper.artefacts.map(\.rawRange) + Array(paper.metadataSources.values)
        + RawReading.linkSyntax(paper)
      for range in debris {
        for k in range.start.utf8Offset..<min(owner.count, range.end.utf8Offset) { owner[k] = -2 }
      }
      for (number, (id, passage)) in passages.enumerated() {
        ids.append(id)
        for run in passage.map.runs where !run.inserted {
          for k in run.rawStart..<min(owner.count, run.rawStart + run.length) { owner[k] = Int32(number) }
        }
      }
    }
  }

  /// The syntax of Markdown links to a URL (`[https://…](https://…)`): the page shows the link's text only, so an
  /// analyst copying the passage skips the opening bracket and the `](https://…)` target as they skip page debris.
  static func linkSyntax(_ paper: Paper) -> [TextRange] {
    let raw = Array(paper.rawText.utf8)
    let targetStart = Array("](http".utf8)
    var ranges: [TextRange] = []
    var i = 0
    while i < raw.count {
      defer { i += 1 }
      guard raw[i] == 0x5B, i == 0 || raw[i - 1] != 0x5C, raw[(i + 1)...].starts(with: Array("http".utf8)) else {
        continue
      }
      // The target on the same line, then its closing parenthesis.
      var j = i + 1
      while j < raw.count, raw[j] != 0x0A, !raw[j...].starts(with: targetStart) { j += 1 }
      guard j < raw.count, raw[j] != 0x0A else { continue }
      var k = j + 2
      while k < raw.count, raw[k] != 0x29, raw[k] > 0x20 { k += 1 }
      guard k < raw.count, raw[k] == 0x29 else { continue }
      ranges += [TextRange(i, i + 1), TextRange(j, k + 1)]
      i = k
    }
    return ranges
  }

  /// Reads passage `id` of `paper` from the raw file.
  init?(paperIndex: Int, paper: Paper, id: PassageID, ownership: Ownership) {
    guard let passage = paper.passage(id) else { return nil }
    self.paper = paperIndex
    self.id = id
    let raw = Array(paper.rawText.utf8)
    // Raw byte → normalised byte, for bytes this passage copied.
    var toNormalized: [Int: Int] = [:]
    for run in passage.map.runs where !run.inserted {
      for k in 0..<run.length { toNormalized[run.rawStart + k] = run.normalizedStart + k }
    }
    var marks: [Range<Int>] = []
    if case .paragraph(let n) = id, paper.paragraphs.indices.contains(n - 1) {
      marks = paper.paragraphs[n - 1].footnoteRefs.map { $0.range.start.utf8Offset..<$0.range.end.utf8Offset }
    }
    // Bytes copied by any other passage, and artefact bytes: what the analyst skips.
    let own = ownership.ids.firstIndex(of: id).map(Int32.init) ?? -3
    let owner = ownership.owner
    struct Elsewhere {
      let owner: [Int32]
      let own: Int32
      func contains(_ k: Int) -> Bool { owner.indices.contains(k) && owner[k] != -1 && owner[k] != own }
    }
    let elsewhere = Elsewhere(owner: owner, own: own)
    guard let first = toNormalized.keys.min(), let last = toNormalized.keys.max() else { return nil }
    let lines = paper.rawLines
    let firstLine = lines.line(containing: TextSize(first))
    let lastLine = lines.line(containing: TextSize(last))
    var units: [ReadUnit] = []
    var lostLines: [Int] = []
    var pendingBreak = false
    var pendingDebris = false
    var pendingDebrisText = ""
    for line in firstLine...lastLine {
      let start = max(first, lines.lineStart(line).utf8Offset)
      let end = min(last + 1, lines.lineEnd(line).utf8Offset)
      let ownsLine = (start..<end).contains { toNormalized[$0] != nil }
      if !ownsLine {
        let content = (start..<end).filter { raw[$0] & 0xC0 != 0x80 && !Self.isSpace(raw, at: $0) }
        if content.isEmpty { continue }
        // Another passage's line, or debris; a footnote's first line also holds its mark (①, ^①, a, *).
        let unclaimed = content.filter { !elsewhere.contains($0) && !Self.hyphens.contains(Self.scalar(raw, at: $0).0.value) }
        let firstClaimed = content.first { elsewhere.contains($0) } ?? Int.max
        if unclaimed.isEmpty || (firstClaimed != Int.max && unclaimed.allSatisfy { $0 < firstClaimed } && unclaimed.count <= 12) {
          pendingDebris = true
          pendingDebrisText += String(decoding: raw[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
          continue
        }
        lostLines.append(line + 1)
      }
      pendingBreak = !units.isEmpty
      var space = false
      var i = start
      while i < end {
        let (scalar, length) = Self.scalar(raw, at: i)
        defer { i += length }
        let text = String(scalar)
        if Self.isSpace(raw, at: i) {
          space = true
          continue
        }
        var unit: ReadUnit
        if let normalized = toNormalized[i] {
          let isMark = marks.contains { $0.contains(normalized) }
          unit = ReadUnit(
            kind: isMark ? .mark : .text, text: text, raw: i, line: line, normalized: normalized..<normalized + length)
        } else if elsewhere.contains(i) {
          continue
        } else if Self.hyphens.contains(scalar.value) {
          unit = ReadUnit(kind: .hyphen, text: text, raw: i, line: line)
        } else {
          unit = ReadUnit(kind: .lost, text: text, raw: i, line: line)
          if ownsLine, lostLines.last != line + 1 { lostLines.append(line + 1) }
        }
        unit.breakBefore = pendingBreak
        unit.debrisBefore = pendingDebris
        unit.debrisText = pendingDebrisText
        unit.spaceBefore = space
        pendingBreak = false
        pendingDebris = false
        pendingDebrisText = ""
        space = false
        units.append(unit)
      }
    }
    self.units = units
    self.lostLines = lostLines
  }

  static let hyphens: Set<UInt32> = [0x2D, 0x2010, 0x2011, 0x2043, 0x00AD]

  static func isSpace(_ raw: [UInt8], at i: Int) -> Bool {
    let (scalar, _) = scalar(raw, at: i)
    return scalar.properties.isWhitespace || scalar.value == 0xFEFF
  }

  static func scalar(_ raw: [UInt8], at i: Int) -> (Unicode.Scalar, Int) {
    let lead = raw[i]
    let width = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    let end = min(raw.count, i + width)
    let scalar = String(decoding: raw[i..<end], as: UTF8.self).unicodeScalars.first ?? " "
    return (scalar, end - i)
  }
}

/// How the analyst retyped a quotation.
struct QuoteStyle: OptionSet, Hashable {
  let rawValue: Int
  static let dropMarks = QuoteStyle(rawValue: 1)
  static let undoHyphens = QuoteStyle(rawValue: 2)
  static let halfWidth = QuoteStyle(rawValue: 4)
  static let fullWidth = QuoteStyle(rawValue: 8)
  static let straightQuotes = QuoteStyle(rawValue: 16)
  static let cornerQuotes = QuoteStyle(rawValue: 32)
  static let closeUpSpaces = QuoteStyle(rawValue: 64)
  static let caretMarks = QuoteStyle(rawValue: 128)
  /// Pasted as a block quotation, one `> ` line per raw line.
  static let blockLines = QuoteStyle(rawValue: 256)
}

/// One quotation written into the self-check note, and what the checker must say about it.
struct SelfCheckCase {
  enum Expectation: Equatable {
    case passes
    case flagged(Rule, replacement: String?)
  }
  var label: String
  var line: String
  var expectation: Expectation
}

enum QuotationSelfCheck {
  /// The quotation text as the analyst types it from `units`.
  static func quote(_ units: ArraySlice<ReadUnit>, style: QuoteStyle) -> String {
    var out = ""
    var previous: Character?
    for (k, unit) in zip(units.indices, units) {
      switch unit.kind {
      case .mark where style.contains(.dropMarks): continue
      case .hyphen where style.contains(.undoHyphens): continue
      default: break
      }
      var text = unit.text
      if unit.kind == .mark, style.contains(.caretMarks), text.unicodeScalars.allSatisfy({ (0x2460...0x24FF).contains($0.value) }),
        k == units.startIndex || units[k - 1].text != "^"
      {
        text = "^" + text
      }
      let isLatin = text.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
      let previousLatin = previous.map { $0.isASCII && $0.isLetter } ?? false
      if unit.breakBefore, style.contains(.blockLines), previous != nil {
        out += "\n> "
      } else if unit.breakBefore, isLatin, previousLatin, !style.contains(.closeUpSpaces) {
        out += " "
      } else if unit.spaceBefore, !style.contains(.closeUpSpaces), previous != nil {
        out += " "
      }
      out += transform(text, style)
      previous = out.last
    }
    return out
  }

  static func transform(_ text: String, _ style: QuoteStyle) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      var s = String(scalar)
      if style.contains(.halfWidth) {
        switch s {
        case "，": s = ","
        case "：": s = ":"
        case "；": s = ";"
        case "（": s = "("
        case "）": s = ")"
        case "！": s = "!"
        case "？": s = "?"
        case "。": s = "."
        default: break
        }
      }
      if style.contains(.fullWidth) {
        switch s {
        case ",": s = "，"
        case ":": s = "："
        case ";": s = "；"
        case "(": s = "（"
        case ")": s = "）"
        case "!": s = "！"
        case "?": s = "？"
        default: break
        }
      }
      if style.contains(.straightQuotes) {
        switch s {
        case "“", "”", "「", "」": s = "\""
        case "‘", "’", "『", "』": s = "'"
        default: break
        }
      }
      if style.contains(.cornerQuotes) {
        switch s {
        case "“": s = "「"
        case "”": s = "」"
        case "‘": s = "『"
        case "’": s = "』"
        default: break
        }
      }
      result += s
    }
    return result
  }

  /// Wraps a quotation in marks the note parser cannot confuse with marks inside it.
  static func quoted(_ quote: String) -> String? {
    if !quote.contains("“") && !quote.contains("”") { return "“" + quote + "”" }
    if !quote.contains("「") && !quote.contains("」") { return "「" + quote + "」" }
    if !quote.contains("\"") { return "\"" + quote + "\"" }
    return nil
  }

  /// Small deterministic generator.
  struct Random {
    var state: UInt64
    mutating func next(_ range: ClosedRange<Int>) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let span = UInt64(range.upperBound - range.lowerBound + 1)
      return range.lowerBound + Int((state >> 33) % span)
    }
  }

  /// Windows `start..<end` over a reading's units: one across each line break, page debris, footnote mark and
  /// hyphen, plus a few anywhere; 8 to 60 characters (the whole passage when it is shorter).
  static func windows(_ reading: RawReading, random: inout Random, limit: Int = 24) -> [Range<Int>] {
    let count = reading.units.count
    guard count >= 4 else { return [] }
    if count <= 8 { return [0..<count] }
    var events: [Int] = []
    for (k, unit) in reading.units.enumerated() where k > 0 {
      if unit.breakBefore || unit.debrisBefore || unit.kind == .mark || unit.kind == .hyphen || unit.kind == .lost {
        events.append(k)
      }
    }
    if events.count > limit {
      // Keep every debris crossing, mark, hyphen and lost text; sample the plain line breaks.
      let special = events.filter { reading.units[$0].debrisBefore || reading.units[$0].kind != .text }
      let plain = events.filter { !special.contains($0) }
      let stride = max(1, plain.count / max(1, limit - min(limit, special.count)))
      events = special.prefix(limit) + plain.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
      events = Array(events.prefix(limit))
    }
    if limit > 4 { events += [random.next(0...(count - 1)), random.next(0...(count - 1))] }
    var seen = Set<Range<Int>>()
    var result: [Range<Int>] = []
    for event in events {
      let length = min(count, random.next(8...60))
      let before = random.next(1...max(1, length - 1))
      let start = min(max(0, event - before), count - length)
      var window = start..<(start + length)
      // Start and end on text the passage keeps (a quotation does not begin with a dropped hyphen).
      while window.count > 4, reading.units[window.lowerBound].kind == .hyphen {
        window = (window.lowerBound + 1)..<window.upperBound
      }
      while window.count > 4, reading.units[window.upperBound - 1].kind == .hyphen {
        window = window.lowerBound..<(window.upperBound - 1)
      }
      // Nor cut a mark printed in several characters (`^①`, `^{*}`): take it whole or leave it out.
      while window.upperBound < count, reading.units[window.upperBound].kind == .mark,
        reading.units[window.upperBound - 1].kind == .mark
      {
        window = window.lowerBound..<(window.upperBound + 1)
      }
      while window.count > 4, window.lowerBound > 0, reading.units[window.lowerBound].kind == .mark,
        reading.units[window.lowerBound - 1].kind == .mark
      {
        window = (window.lowerBound + 1)..<window.upperBound
      }
      if seen.insert(window).inserted { result.append(window) }
    }
    return result
  }

  /// Whether a fix's text is the source text, folded alike, or it with the Latin words it cuts completed (a fix
  /// writes whole words: `…Fe` → `…February`).
  static func sameOrWholeWords(offered: String?, source: String) -> Bool {
    guard let offered else { return false }
    let got = QuoteFolding.fold(offered)
    let wanted = QuoteFolding.fold(source)
    if got == wanted { return true }
    guard let found = got.firstRange(of: wanted) else { return false }
    func isWordByte(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (0x30...0x39).contains(byte) }
    return got[..<found.lowerBound].allSatisfy(isWordByte) && got[found.upperBound...].allSatisfy(isWordByte)
  }

  /// The normalised source text a window covers (from its first to its last kept character, marks at the edges
  /// left out as the search leaves them out, and the footnote marks between them: a quotation never holds them).
  static func sourceText(_ units: ArraySlice<ReadUnit>, passage: Passage) -> String? {
    let kept = units.filter { $0.kind == .text }
    guard let first = kept.first?.normalized, let last = kept.last?.normalized else { return nil }
    var text = ""
    var offset = first.lowerBound
    for mark in units where mark.kind == .mark {
      guard let range = mark.normalized, range.lowerBound >= offset, range.upperBound <= last.upperBound else { continue }
      text += passage.text.slice(TextRange(offset, range.lowerBound))
      offset = range.upperBound
    }
    return text + passage.text.slice(TextRange(offset, last.upperBound))
  }
}

/// The outcome of a self-check run: counts per kind of case and the failures, described.
struct SelfCheckReport {
  var total: [String: Int] = [:]
  var passed: [String: Int] = [:]
  var failures: [String] = []
  var lostLines: [String] = []

  var correctTotal: Int { total["correct", default: 0] }
  var correctPassed: Int { passed["correct", default: 0] }
  var brokenTotal: Int { total.filter { $0.key.hasPrefix("broken:") }.values.reduce(0, +) }
  var brokenPassed: Int { passed.filter { $0.key.hasPrefix("broken:") }.values.reduce(0, +) }

  var summary: String {
    var lines = [
      "correct quotations passed: \(correctPassed)/\(correctTotal)",
      "broken quotations flagged right: \(brokenPassed)/\(brokenTotal)",
    ]
    for key in total.keys.sorted() {
      lines.append("  \(key): \(passed[key, default: 0])/\(total[key, default: 0])")
    }
    // Bytes of a passage's own lines that it neither copies nor leaves to another passage: in the reference papers,
    // the Markdown the extraction wrote (^①, *Journal*, <https://…>, \[), which the reader drops by design.
    if !lostLines.isEmpty {
      lines.append("raw lines with bytes dropped (Markdown debris): \(lostLines.prefix(20).joined(separator: ", "))")
    }
    return lines.joined(separator: "\n")
  }
}

extension QuotationSelfCheck {
  /// A case before it is written into a note: the tags say what it exercises.
  struct Planned {
    var tags: [String]
    var quote: String
    var citation: String
    var expectation: SelfCheckCase.Expectation
    /// A block quotation: `> ` lines, the citation at the end of the last one or (`citationBelow`) on the next.
    var block = false
    var citationBelow = false

    /// The note text of this case (nil when no quote marks can hold it).
    var noteText: String? {
      if block {
        return "> " + quote + (citationBelow ? "\n" : " ") + citation
      }
      return QuotationSelfCheck.quoted(quote).map { "证据：" + $0 + citation + "。" }
    }
  }

  /// Runs the whole self-check over every passage of every paper of `index`.
  static func run(_ index: CorpusIndex, windowsPerPassage: Int) -> SelfCheckReport {
    var report = SelfCheckReport()
    for (paperIndex, paper) in index.papers.enumerated() {
      var planned: [Planned] = []
      var ids: [PassageID] = paper.titlePassage == nil ? [] : [.title]
      ids += paper.abstractPassage == nil ? [] : [.abstract]
      ids += paper.paragraphs.map { .paragraph($0.number) } + paper.footnotes.map { .footnote($0.number) }
      var random = Random(state: UInt64(paperIndex + 1) &* 0x9E37_79B9_7F4A_7C15)
      let ownership = RawReading.Ownership(paper)
      var previousParagraph: RawReading?
      for id in ids {
        guard let reading = RawReading(paperIndex: paperIndex, paper: paper, id: id, ownership: ownership),
          let passage = paper.passage(id)
        else { continue }
        if !reading.lostLines.isEmpty {
          report.lostLines.append("\(paper.stem) \(id.locatorText) l. \(reading.lostLines.map(String.init).joined(separator: ","))")
        }
        if case .paragraph = id {
          if let previous = previousParagraph, let crossing = crossingParagraphs(previous, reading, index: index) {
            planned.append(crossing)
          }
          previousParagraph = reading
        }
        for (w, window) in windows(reading, random: &random, limit: windowsPerPassage).enumerated() {
          planned += cases(
            index: index, paperIndex: paperIndex, paper: paper, reading: reading, passage: passage,
            window: window, number: w)
        }
      }
      evaluate(planned, index: index, paper: paper, into: &report)
    }
    return report
  }

  static let styles: [QuoteStyle] = [
    [.dropMarks, .undoHyphens, .halfWidth, .closeUpSpaces],
    [.fullWidth, .straightQuotes, .caretMarks],
    [.dropMarks, .cornerQuotes, .undoHyphens, .halfWidth],
  ]

  static func cases(
    index: CorpusIndex, paperIndex: Int, paper: Paper, reading: RawReading, passage: Passage, window: Range<Int>,
    number: Int
  ) -> [Planned] {
    let units = reading.units[window]
    let key = index.key(of: paperIndex)
    var tags: [String] = []
    if units.dropFirst().contains(where: \.breakBefore) { tags.append("crosses line break") }
    if units.dropFirst().contains(where: \.debrisBefore) { tags.append("crosses page debris") }
    if units.contains(where: { $0.kind == .mark }) { tags.append("footnote mark") }
    if units.contains(where: { $0.kind == .hyphen }) { tags.append("hyphen at line end") }
    if units.contains(where: { $0.kind == .lost }) { tags.append("text in no passage") }
    if units.contains(where: { "，：；（）".contains($0.text) }) { tags.append("full-width punctuation") }
    switch reading.id {
    case .footnote: tags.append("in a footnote")
    case .abstract: tags.append("in the abstract")
    case .title: tags.append("in the title")
    default: break
    }
    let lineRange = "l. \((units.first?.line ?? 0) + 1)-\((units.last?.line ?? 0) + 1)"
    var locators: [String]
    var primary: String?
    switch reading.id {
    case .paragraph(let n):
      primary = "¶\(n)"
      locators = ["para. \(n)", lineRange]
      if let section = paper.paragraphs[n - 1].section {
        locators.append("§" + LocatorResolution.path(of: section, in: paper).joined())
      }
    case .footnote(let n):
      primary = "fn. \(n)"
      locators = [lineRange]
    case .abstract, .title, .englishAbstract, .englishTitle, .keywords, .authorNote, .heading:
      locators = [lineRange]
    }
    func cite(_ locator: String?, key: String = key) -> String {
      locator.map { "[@\(key), \($0)]" } ?? "[@\(key)]"
    }
    var planned: [Planned] = []
    let raw = quote(units, style: [])
    planned.append(Planned(tags: ["correct"] + tags, quote: raw, citation: cite(primary), expectation: .passes))
    let second = styles[number % styles.count]
    planned.append(
      Planned(tags: ["correct"] + tags, quote: quote(units, style: second), citation: cite(nil), expectation: .passes))
    let third = styles[(number + 1) % styles.count]
    planned.append(
      Planned(
        tags: ["correct"] + tags, quote: quote(units, style: third),
        citation: cite(locators[number % locators.count]), expectation: .passes))

    let fragments = QuoteFolding.fragments(of: raw)
    let foundIn = index.findQuote(fragments, inPapers: [paperIndex]).map(\.passage)
    // Block quotations, pasted line by line as the raw file breaks them.
    var block = Planned(
      tags: ["correct", "block quotation"] + tags, quote: quote(units, style: [.blockLines]), citation: cite(primary),
      expectation: .passes, block: true, citationBelow: number % 2 == 1)
    planned.append(block)
    if case .paragraph(let n) = reading.id, n > 1, !foundIn.contains(.paragraph(n - 1)) {
      block.tags = ["broken: block quotation, wrong paragraph"]
      block.citation = cite("¶\(n - 1)")
      block.expectation = .flagged(.quoteInOtherParagraph, replacement: nil)
      planned.append(block)
    }

    // Elided: the head and the tail, in order, pass; in the wrong order they are no quotation.
    if units.count >= 12 {
      let third = units.count / 3
      // Cut between characters, not inside a mark printed in several (`^①`).
      var headUnits = units.prefix(third)
      while headUnits.count > 1, headUnits.last?.kind == .mark { headUnits = headUnits.dropLast() }
      var tailUnits = units.suffix(third)
      while tailUnits.count > 1, tailUnits.first?.kind == .mark { tailUnits = tailUnits.dropFirst() }
      let head = quote(headUnits, style: [])
      let tail = quote(tailUnits, style: [])
      planned.append(
        Planned(tags: ["correct", "elided"] + tags, quote: head + "……" + tail, citation: cite(primary), expectation: .passes))
      let reversed = QuoteFolding.fragments(of: tail + "……" + head)
      if index.findQuote(reversed, inPapers: Array(index.papers.indices)).isEmpty {
        planned.append(
          Planned(
            tags: ["broken: elided parts in the wrong order"], quote: tail + "……" + head, citation: cite(primary),
            expectation: .flagged(.quoteNotInSource, replacement: nil)))
      }
    }
    // Broken: the page debris pasted along (a page number, a running header, a footnote block).
    if let k = units.indices.dropFirst().first(where: { units[$0].debrisBefore && !units[$0].debrisText.isEmpty }) {
      let debris = units[k].debrisText
      let pasted = quote(units[..<k], style: []) + debris + quote(units[k...], style: [])
      if index.findQuote(QuoteFolding.fragments(of: pasted), inPapers: Array(index.papers.indices)).isEmpty {
        // A short piece of debris leaves the quotation close enough to offer the source text.
        let short = debris.count <= 12 && units.count >= 16
        planned.append(
          Planned(
            tags: ["broken: page debris pasted along"], quote: pasted, citation: cite(primary),
            expectation: .flagged(.quoteNotInSource, replacement: short ? sourceText(units, passage: passage) : nil)))
      }
    }

    // Broken: one character changed.
    if let mutated = mutate(units), !mutated.isEmpty {
      let mutatedQuote = quote(mutated[...], style: [])
      if index.findQuote(QuoteFolding.fragments(of: mutatedQuote), inPapers: Array(index.papers.indices)).isEmpty {
        planned.append(
          Planned(
            tags: ["broken: one character changed"], quote: mutatedQuote, citation: cite(primary),
            expectation: .flagged(.quoteNotInSource, replacement: sourceText(units, passage: passage))))
      }
    }
    // Broken: the wrong paragraph (or footnote).
    switch reading.id {
    case .paragraph(let n):
      if let wrong = [n + 1, n - 1].first(where: {
        $0 >= 1 && $0 <= paper.paragraphs.count && !foundIn.contains(.paragraph($0))
      }) {
        planned.append(
          Planned(
            tags: ["broken: wrong paragraph"], quote: raw, citation: cite("¶\(wrong)"),
            expectation: .flagged(.quoteInOtherParagraph, replacement: nil)))
      }
      planned.append(
        Planned(
          tags: ["broken: locator beyond range"], quote: raw, citation: cite("¶\(paper.paragraphs.count + 1)"),
          expectation: .flagged(.locatorOutOfRange, replacement: nil)))
    case .footnote(let n):
      if let wrong = [n + 1, n - 1].first(where: {
        $0 >= 1 && $0 <= paper.footnotes.count && !foundIn.contains(.footnote($0))
      }) {
        planned.append(
          Planned(
            tags: ["broken: wrong footnote"], quote: raw, citation: cite("fn. \(wrong)"),
            expectation: .flagged(.quoteInOtherParagraph, replacement: nil)))
      }
      planned.append(
        Planned(
          tags: ["broken: locator beyond range"], quote: raw, citation: cite("fn. \(paper.footnotes.count + 1)"),
          expectation: .flagged(.locatorOutOfRange, replacement: nil)))
    default: break
    }
    // Broken: the wrong paper.
    if let other = (1..<max(1, index.papers.count)).map({ (paperIndex + $0) % index.papers.count }).first(where: {
      index.findQuote(fragments, inPapers: [$0]).isEmpty
    }), other != paperIndex {
      planned.append(
        Planned(
          tags: ["broken: wrong paper"], quote: raw, citation: cite(nil, key: index.key(of: other)),
          expectation: .flagged(.quoteInOtherDocument, replacement: nil)))
    }
    return planned
  }

  /// A quotation running from the end of one paragraph into the next: no paragraph holds it.
  static func crossingParagraphs(_ first: RawReading, _ second: RawReading, index: CorpusIndex) -> Planned? {
    guard first.units.count >= 6, second.units.count >= 6, case .paragraph(let n) = first.id else { return nil }
    let text = quote(first.units.suffix(6), style: []) + quote(second.units.prefix(6), style: [])
    guard index.findQuote(QuoteFolding.fragments(of: text), inPapers: Array(index.papers.indices)).isEmpty else {
      return nil
    }
    return Planned(
      tags: ["broken: runs over a paragraph end"], quote: text, citation: "[@\(index.key(of: first.paper)), ¶\(n)]",
      expectation: .flagged(.quoteNotInSource, replacement: nil))
  }

  /// The window with one character in its middle changed (CJK, Latin letter or digit), or nil.
  static func mutate(_ units: ArraySlice<ReadUnit>) -> [ReadUnit]? {
    var copy = Array(units)
    let middle = copy.count / 2
    let order = (0..<copy.count).sorted { abs($0 - middle) < abs($1 - middle) }
    for k in order where k > 0 && k < copy.count - 1 && copy[k].kind == .text {
      // Not inside a run of one character (0000→00010): which of the run changed has no single answer.
      guard copy[k - 1].text != copy[k].text, copy[k + 1].text != copy[k].text else { continue }
      guard let scalar = copy[k].text.unicodeScalars.first else { continue }
      let value = scalar.value
      var replacement: String?
      if (0x4E00...0x9FFF).contains(value) {
        replacement = copy[k].text == "的" ? "之" : "的"
      } else if (0x61...0x7A).contains(value) {
        replacement = copy[k].text == "x" ? "q" : "x"
      } else if (0x41...0x5A).contains(value) {
        replacement = copy[k].text == "X" ? "Q" : "X"
      } else if (0x30...0x39).contains(value) {
        replacement = String((Int(value) - 0x30 + 1) % 10)
      }
      if let replacement {
        copy[k].text = replacement
        return copy
      }
    }
    return nil
  }

  /// Writes the planned cases into notes (one per line), checks them, and counts.
  static func evaluate(_ planned: [Planned], index: CorpusIndex, paper: Paper, into report: inout SelfCheckReport) {
    let batch = 300
    for start in stride(from: 0, to: planned.count, by: batch) {
      let slice = planned[start..<min(planned.count, start + batch)]
      var lines: [String] = []
      var kept: [Planned] = []
      var firstLines: [Int] = []
      var lineCount = 0
      for plan in slice {
        guard let text = plan.noteText else { continue }
        firstLines.append(lineCount)
        lines.append(text)
        lineCount += text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        kept.append(plan)
      }
      let note = lines.joined(separator: "\n\n")
      let findings = Checker.check(text: note, index: index, context: CheckContext(notePath: "notes/self-check.md"))
      let lineIndex = LineIndex(note)
      var byLine: [Int: [Finding]] = [:]
      for finding in findings {
        let line = lineIndex.line(containing: finding.range.start)
        let owner = (firstLines.lastIndex { $0 <= line }) ?? 0
        byLine[owner, default: []].append(finding)
      }
      for (k, plan) in kept.enumerated() {
        let got = byLine[k] ?? []
        var ok: Bool
        var detail = ""
        switch plan.expectation {
        case .passes:
          ok = got.isEmpty
        case .flagged(let rule, let replacement):
          ok = got.map(\.rule) == [rule]
          if ok, let replacement {
            let offered = got.first?.fixes.first?.edits.first?.newText
            if offered != replacement && !Self.sameOrWholeWords(offered: offered, source: replacement) {
              ok = false
              detail = " fix offers «\(offered ?? "nothing")», source is «\(replacement)»"
            }
          }
        }
        for tag in plan.tags {
          report.total[tag, default: 0] += 1
          if ok { report.passed[tag, default: 0] += 1 }
        }
        if !ok {
          let said = got.map { "[\($0.rule.rawValue)] \($0.message)" }.joined(separator: " | ")
          report.failures.append(
            "\(paper.stem) \(plan.tags.joined(separator: ", ")): \(lines[k])\n    expected \(plan.expectation), got \(said.isEmpty ? "nothing" : said)\(detail)")
        }
      }
    }
  }
}
