//! Test harness for diagnostics: txtar fixtures, a small fake corpus, and `@diag` inline annotations.
import Testing
@testable import Corpus

/// `-- path --` sections of a fixture, in order.
struct Fixture {
  var files: [(path: String, text: String)]

  init(_ text: String) {
    files = []
    var current: (String, [Substring])?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
        if let (path, lines) = current { files.append((path, lines.joined(separator: "\n"))) }
        current = (String(line.dropFirst(3).dropLast(3)), [])
      } else {
        current?.1.append(line)
      }
    }
    if let (path, lines) = current { files.append((path, lines.joined(separator: "\n"))) }
  }

  func file(_ path: String) -> String? { files.first { $0.path == path }?.text }
  var notes: [(path: String, text: String)] { files.filter { $0.path.hasSuffix(".md") && !$0.path.hasPrefix("corpus/") } }
}

/// A stand-in for `CorpusIndex` built from fixture text: blank-line paragraphs, `一、`/`（一）`/`1.` headings,
/// `①` footnotes, the file stem as key, a few built-in entities, and a plain quote search.
struct FakeCorpus: CorpusLookup {
  let papers: [Paper]
  let entities: [Entity]
  let mentionTable: [Int: [Mention]]

  static let defaultEntities: [Entity] = [
    Entity(id: "asean", kind: .actor, name: "东盟", english: "ASEAN", aliases: ["ASEAN", "东南亚国家联盟"]),
    Entity(id: "japan", kind: .actor, name: "日本", english: "Japan", aliases: ["Japan"]),
    Entity(id: "united-states", kind: .actor, name: "美国", english: "United States", aliases: ["United States"]),
    Entity(id: "australia", kind: .actor, name: "澳大利亚", english: "Australia", aliases: ["Australia"]),
    Entity(id: "quad", kind: .mechanism, name: "四方安全对话", english: "Quad", aliases: ["Quad"]),
    Entity(id: "foip", kind: .mechanism, name: "自由开放的印太", english: "FOIP", aliases: ["FOIP"]),
  ]

  init(_ fixture: Fixture, entities: [Entity] = FakeCorpus.defaultEntities) {
    papers = fixture.files.filter { $0.path.hasPrefix("corpus/") }.map { Self.read($0.path, $0.text) }
    self.entities = entities
    var table: [Int: [Mention]] = [:]
    for (paperIndex, paper) in papers.enumerated() {
      var passages: [(PassageID, Passage)] = paper.paragraphs.map { (.paragraph($0.number), $0.passage) }
      passages += paper.footnotes.map { (.footnote($0.number), $0.passage) }
      for (id, passage) in passages {
        for (entityIndex, entity) in entities.enumerated() {
          for alias in entity.aliases {
            for range in occurrences(of: alias, in: passage.text) {
              table[paperIndex, default: []].append(
                Mention(entity: entityIndex, paper: paperIndex, passage: id, range: range, rawRange: passage.rawRange(of: range)))
            }
          }
        }
      }
    }
    mentionTable = table
  }

  static func read(_ path: String, _ raw: String) -> Paper {
    var paragraphs: [Paragraph] = []
    var footnotes: [Footnote] = []
    var sections: [Section] = []
    var title = ""
    var offset = 0
    for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
      let start = offset
      offset += line.utf8.count + 1
      let text = String(line)
      guard !text.isEmpty else { continue }
      if title.isEmpty {
        title = text
        continue
      }
      var map = OffsetMap()
      map.appendCopy(rawStart: start, length: text.utf8.count)
      let range = TextRange(start, start + text.utf8.count)
      let heading: (String, Int)? =
        text.hasPrefix("（") ? (String(text.prefix(3)), 2)
        : "一二三四五六七八九".contains(text.first ?? " ") && text.dropFirst().first == "、" ? (String(text.prefix(1)), 1)
        : (text.first?.isNumber ?? false) && text.dropFirst().first == "." ? (String(text.prefix(1)), 1) : nil
      if let (numbering, level) = heading {
        let parent = level == 2 ? sections.lastIndex { $0.level == 1 } : nil
        sections.append(Section(numbering: numbering, title: text, level: level, headingRange: range,
                                firstParagraph: paragraphs.count + 1, lastParagraph: paragraphs.count, parent: parent))
      } else if let mark = text.first, ("①"..."⑳").contains(mark) {
        let body = String(text.dropFirst()).drop { $0 == " " }
        var noteMap = OffsetMap()
        noteMap.appendCopy(rawStart: start + text.utf8.count - body.utf8.count, length: body.utf8.count)
        footnotes.append(Footnote(number: footnotes.count + 1, mark: String(mark), passage: Passage(text: String(body), map: noteMap)))
      } else {
        paragraphs.append(Paragraph(number: paragraphs.count + 1, passage: Passage(text: text, map: map),
                                    section: sections.indices.last))
        var current = sections.indices.last
        while let index = current {
          sections[index].lastParagraph = paragraphs.count
          current = sections[index].parent
        }
      }
    }
    return Paper(file: path, rawText: raw, metadata: PaperMetadata(title: title), sections: sections,
                 paragraphs: paragraphs, footnotes: footnotes)
  }

  func paper(forKey key: String) -> Int? { papers.firstIndex { $0.stem == key } }
  func keys(of paper: Int) -> [String] { papers.indices.contains(paper) ? [papers[paper].stem] : [] }
  func entity(forAlias alias: String) -> Int? {
    entities.firstIndex { $0.aliases.contains { $0.lowercased() == alias.lowercased() } }
  }
  func mentions(in paper: Int, passage: PassageID) -> [Mention] {
    (mentionTable[paper] ?? []).filter { $0.passage == passage }
  }

  func findQuote(_ fragments: [String], preferredPaper: Int?) -> QuoteSearchResult {
    let wanted = fragments.map(Self.normalized).filter { !$0.isEmpty }
    guard !wanted.isEmpty else { return QuoteSearchResult() }
    var matches: [QuoteMatch] = []
    var closest: QuoteMatch?
    let order = papers.indices.sorted { ($0 == preferredPaper ? 0 : 1, $0) < ($1 == preferredPaper ? 0 : 1, $1) }
    for paperIndex in order {
      let paper = papers[paperIndex]
      let passages = paper.paragraphs.map { (PassageID.paragraph($0.number), $0.passage) }
        + paper.footnotes.map { (PassageID.footnote($0.number), $0.passage) }
      for (id, passage) in passages {
        let text = passage.text
        // Search the passage without white space, mapping each kept character back to its UTF-8 offset.
        var kept: [(Character, Int, Int)] = []
        var offset = 0
        for character in text {
          let width = String(character).utf8.count
          if !character.isWhitespace { kept.append((character, offset, offset + width)) }
          offset += width
        }
        let squeezed = String(kept.map(\.0))
        let squeezedOffsets = kept
        var searchFrom = squeezed.startIndex
        var first: Int?
        var last: Int?
        for fragment in wanted {
          guard let found = squeezed.range(of: fragment, range: searchFrom..<squeezed.endIndex) else { first = nil; break }
          let lowerCount = squeezed.distance(from: squeezed.startIndex, to: found.lowerBound)
          let upperCount = squeezed.distance(from: squeezed.startIndex, to: found.upperBound)
          if first == nil { first = squeezedOffsets[lowerCount].1 }
          last = squeezedOffsets[upperCount - 1].2
          searchFrom = found.upperBound
        }
        if let first, let last {
          matches.append(QuoteMatch(paper: paperIndex, passage: id, range: TextRange(first, last), exact: true, similarity: 1))
          continue
        }
        // Closest: the window of the passage sharing most bigrams with the quotation.
        let quote = Array(wanted.joined())
        let scalars = Array(text)
        guard quote.count >= 2, scalars.count >= 2 else { continue }
        let quoteBigrams = Set((0..<quote.count - 1).map { String(quote[$0...$0 + 1]) })
        let width = min(quote.count, scalars.count)
        for start in 0...(scalars.count - width) {
          let window = Array(scalars[start..<start + width])
          let shared = (0..<max(0, window.count - 1)).filter { quoteBigrams.contains(String(window[$0...$0 + 1])) }.count
          let similarity = Double(shared) / Double(max(1, quoteBigrams.count))
          if similarity > (closest?.similarity ?? 0) {
            let lower = String(scalars[..<start]).utf8.count
            let upper = lower + String(window).utf8.count
            closest = QuoteMatch(paper: paperIndex, passage: id, range: TextRange(lower, upper), exact: false, similarity: similarity)
          }
        }
      }
    }
    return QuoteSearchResult(matches: matches, closest: matches.isEmpty ? closest : nil)
  }

  static func normalized(_ text: String) -> String {
    String(text.filter { !$0.isWhitespace })
  }
}

private func occurrences(of needle: String, in text: String) -> [TextRange] {
  var result: [TextRange] = []
  var from = text.startIndex
  while let found = text.range(of: needle, range: from..<text.endIndex) {
    result.append(TextRange(text.utf8.distance(from: text.startIndex, to: found.lowerBound),
                            text.utf8.distance(from: text.startIndex, to: found.upperBound)))
    from = found.upperBound
  }
  return result
}

extension String {
  func range(of needle: String, range: Range<String.Index>) -> Range<String.Index>? {
    guard !needle.isEmpty else { return nil }
    var index = range.lowerBound
    while index < range.upperBound {
      if self[index..<range.upperBound].hasPrefix(needle) {
        return index..<(self.index(index, offsetBy: needle.count, limitedBy: range.upperBound) ?? range.upperBound)
      }
      index = self.index(after: index)
    }
    return nil
  }
}

/// The sample corpus most rule tests share: a Chinese paper and an English one.
let sampleCorpus = """
  -- corpus/张三2021.txt --
  东盟与日本的海洋合作

  一、引言

  日本与东盟的合作始于上世纪七十年代，双方在海上安全领域的对话逐年增多。①

  近年来，日本政府提出“自由开放的印太”构想，试图把东盟纳入其地区战略。

  二、合作机制

  （一）对话平台

  日本—东盟首脑会议每年举行一次，讨论经济与安全议题。

  （二）援助工具

  政府开发援助仍是日本影响东南亚的主要手段。

  ① 参见外务省年度报告。
  -- corpus/Smith2020.txt --
  Maritime Security in Southeast Asia

  1. Introduction

  The Quad has reshaped regional security debates since 2017.

  Japan and Australia coordinate patrols in the South China Sea.
  """

/// One expected diagnostic: the line (0-based), the text it covers, the rule id.
struct ExpectedDiagnostic: Hashable, CustomStringConvertible {
  var line: Int
  var covered: String
  var rule: String
  var description: String { "line \(line + 1): \(rule) on \"\(covered)\"" }
}

/// Removes `<!--@diag("text", rule)-->` annotations, returning the clean note and what they expect.
func stripAnnotations(_ note: String) -> (String, [ExpectedDiagnostic]) {
  var expected: [ExpectedDiagnostic] = []
  var lines: [String] = []
  for (number, line) in note.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
    var rest = Substring(line)
    var clean = ""
    while let open = rest.range(of: "<!--@diag(") {
      clean += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: ")-->") else { break }
      let arguments = rest[open.upperBound..<close.lowerBound]
      if let comma = arguments.lastIndex(of: ",") {
        let covered = arguments[..<comma].trimmingCharacters(in: " \"").replacingEscapedNewlines
        let rule = arguments[arguments.index(after: comma)...].trimmingCharacters(in: " ")
        expected.append(ExpectedDiagnostic(line: number, covered: covered, rule: rule))
      }
      rest = rest[close.upperBound...]
    }
    clean += rest
    lines.append(clean)
  }
  return (lines.joined(separator: "\n"), expected)
}

extension String {
  var replacingEscapedNewlines: String { split(separator: "\\n", omittingEmptySubsequences: false).joined(separator: "\n") }
}

extension Substring {
  func range(of needle: String) -> Range<Substring.Index>? {
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) { return index..<(self.index(index, offsetBy: needle.count)) }
      index = self.index(after: index)
    }
    return nil
  }

  func trimmingCharacters(in set: String) -> String {
    var value = self
    while let first = value.first, set.contains(first) { value = value.dropFirst() }
    while let last = value.last, set.contains(last) { value = value.dropLast() }
    return String(value)
  }
}

/// Checks every note of the fixture (the sample corpus is added when the fixture has no corpus) and requires
/// the findings to match the `@diag` annotations one to one.
@discardableResult
func checkDiagnostics(_ fixtureText: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Finding] {
  var fixture = Fixture(fixtureText)
  if !fixture.files.contains(where: { $0.path.hasPrefix("corpus/") }) { fixture.files += Fixture(sampleCorpus).files }
  let corpus = FakeCorpus(fixture)
  var all: [Finding] = []
  for (path, annotated) in fixture.notes {
    let (text, expected) = stripAnnotations(annotated)
    let findings = Checker.check(
      text: text, index: corpus, context: CheckContext(notePath: path, lexiconText: fixture.file("lexicon.json")))
    all += findings
    let lines = LineIndex(text)
    // A finding spanning lines may be annotated on any of them: take the annotated line when there is one.
    let actual = findings.map { finding in
      let first = lines.line(containing: finding.range.start)
      let last = lines.line(containing: finding.range.end)
      let covered = text.slice(finding.range)
      let line = expected.first { $0.covered == covered && $0.rule == finding.rule.rawValue && (first...last).contains($0.line) }?.line
      return ExpectedDiagnostic(line: line ?? first, covered: covered, rule: finding.rule.rawValue)
    }
    let missing = expected.filter { !actual.contains($0) }
    let unexpected = actual.filter { !expected.contains($0) }
    let messages = findings.map { "  [\($0.rule.rawValue)] \($0.message)" }.joined(separator: "\n")
    #expect(missing.isEmpty && unexpected.isEmpty && actual.count == expected.count,
            "\(path)\nmissing: \(missing)\nunexpected: \(unexpected)\nmessages:\n\(messages)",
            sourceLocation: sourceLocation)
  }
  return all
}

/// Applies the fix whose title contains `titleContaining` of the only finding of `rule`, and compares the note.
func checkFix(
  _ fixtureText: String, rule: Rule, titleContaining: String, expect expected: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  var fixture = Fixture(fixtureText)
  if !fixture.files.contains(where: { $0.path.hasPrefix("corpus/") }) { fixture.files += Fixture(sampleCorpus).files }
  guard let (path, text) = fixture.notes.first else {
    Issue.record("fixture has no note", sourceLocation: sourceLocation)
    return
  }
  let findings = Checker.check(
    text: text, index: FakeCorpus(fixture),
    context: CheckContext(notePath: path, lexiconText: fixture.file("lexicon.json")))
  guard let fix = findings.first(where: { $0.rule == rule })?.fixes.first(where: { $0.title.contains(titleContaining) })
  else {
    Issue.record("no '\(titleContaining)' fix for \(rule.rawValue); findings: \(findings.map { ($0.rule.rawValue, $0.fixes.map(\.title)) })",
                 sourceLocation: sourceLocation)
    return
  }
  let target = fix.edits.first?.file ?? path
  let original = target == path ? text : (fixture.file(target) ?? "")
  let applied = fix.applied(to: original, file: target)
  #expect(applied == expected, "\n--- actual ---\n\(applied ?? "nil")\n--- expected ---\n\(expected)",
          sourceLocation: sourceLocation)
}
