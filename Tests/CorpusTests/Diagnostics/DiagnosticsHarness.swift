//! Test harness for diagnostics: txtar fixtures, a small fake corpus, and `@diag` inline annotations.
import Foundation
import TestSupport
import Testing

@testable import Corpus

/// `-- path --` sections of a fixture, in order.
struct Fixture {
  var files: [(path: String, text: String)]

  init(_ text: String) { files = Txtar.sections(text) }

  func file(_ path: String) -> String? { files.first { $0.path == path }?.text }
  var notes: [(path: String, text: String)] {
    files.filter { $0.path.hasSuffix(".md") && !$0.path.hasPrefix("corpus/") }
  }
}

/// Builds the real index over a fixture's corpus files (the paper reader, the built-in lexicon, the fixture's
/// `lexicon.json` if any), as the workspace does.
func buildIndex(_ fixture: Fixture) -> CorpusIndex {
  let papers = fixture.files.filter { $0.path.hasPrefix("corpus/") }.map {
    PaperReader.parse(file: $0.path, text: $0.text)
  }
  let lexicon = fixture.file("lexicon.json").map { Lexicon.parse(data: Data($0.utf8)).entities } ?? []
  return CorpusIndex.build(papers: papers, lexicon: lexicon)
}

/// The sample corpus most rule tests share, written like PDF extractions (wrapped lines, blank lines between,
/// indented paragraph starts, footnotes at the end): 张三2021 (5 paragraphs: §一 ¶1-2, §二 ¶3-5, §二（一） ¶3,
/// §二（二） ¶4-5; 2 footnotes) and Smith2020 (2 paragraphs, §1).
let sampleCorpus = """
  -- corpus/张三2021.txt --
  东盟与日本的海洋合作

  张三

  《海洋问题研究》2021年第3期

  内容提要：本文讨论日本与东盟在海洋领域的合作及其局限。

  关键词：日本　东盟　海洋合作

  一、引言

   日本与东盟的合作始于上世纪七十年代，双方在海上安

  全领域的对话逐年增多，合作范围从经贸扩展到防务与

  人员交流。①

   近年来，日本政府提出“自由开放的印太”构想，试图

  把东盟纳入其地区战略，并以基础设施投资作为主要抓

  手。

  二、合作机制

  （一）对话平台

   日本—东盟首脑会议每年举行一次，讨论经济与安全议

  题，也为双方领导人提供了非正式交流的场合。

  （二）援助工具

   政府开发援助仍是日本影响东南亚的主要手段，其重点

  逐步转向人才培养。②

   与此同时，美国与澳大利亚也加大了对该地区的投入，

  使东南亚成为多方竞争的舞台。

  ① 参见日本外务省年度报告，2020年版。

  ② 数据来自经济合作与发展组织的统计。

  -- corpus/Smith2020.txt --
  Maritime Security in Southeast Asia

  John Smith

  Journal of Regional Studies, 2020

  1. Introduction

   The Quad has reshaped regional security debates since

  2017, and its members now meet every year at the level

  of leaders.

   Japan and Australia coordinate patrols in the South

  China Sea, while ASEAN members watch the growing rivalry

  with concern.

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
  var replacingEscapedNewlines: String {
    split(separator: "\\n", omittingEmptySubsequences: false).joined(separator: "\n")
  }
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
  let corpus = buildIndex(fixture)
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
      let line = expected.first {
        $0.covered == covered && $0.rule == finding.rule.rawValue && (first...last).contains($0.line)
      }?.line
      return ExpectedDiagnostic(line: line ?? first, covered: covered, rule: finding.rule.rawValue)
    }
    let missing = expected.filter { !actual.contains($0) }
    let unexpected = actual.filter { !expected.contains($0) }
    let messages = findings.map { "  [\($0.rule.rawValue)] \($0.message)" }.joined(separator: "\n")
    #expect(
      missing.isEmpty && unexpected.isEmpty && actual.count == expected.count,
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
    text: text, index: buildIndex(fixture),
    context: CheckContext(notePath: path, lexiconText: fixture.file("lexicon.json")))
  guard let fix = findings.first(where: { $0.rule == rule })?.fixes.first(where: { $0.title.contains(titleContaining) })
  else {
    Issue.record(
      "no '\(titleContaining)' fix for \(rule.rawValue); findings: \(findings.map { ($0.rule.rawValue, $0.fixes.map(\.title)) })",
      sourceLocation: sourceLocation)
    return
  }
  let target = fix.edits.first?.file ?? path
  let original = target == path ? text : (fixture.file(target) ?? "")
  let applied = fix.applied(to: original, file: target)
  #expect(
    applied == expected, "\n--- actual ---\n\(applied ?? "nil")\n--- expected ---\n\(expected)",
    sourceLocation: sourceLocation)
}
