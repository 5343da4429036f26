//! Code actions without a diagnostic: insert a citation for a selection, promote a discovered entity to the lexicon.
import Foundation
import Testing

@testable import Corpus

@Test func insertCitationAfterAQuotedSelection() throws {
  let index = buildIndex(Fixture(sampleCorpus))
  let note = "他们说“首脑会议每年举行一次”，值得注意。"
  let start = note.utf8.count - "首脑会议每年举行一次”，值得注意。".utf8.count
  let selection = TextRange(start, start + "首脑会议每年举行一次".utf8.count)
  let fixes = CodeActionFixes.insertCitation(
    note: NoteParser.parse(note), selection: selection, index: index, context: CheckContext(notePath: "n.md"))
  let fix = try #require(fixes.first)
  #expect(fix.title == "Cite 张三2021 ¶3")
  #expect(fix.applied(to: note, file: "n.md") == "他们说“首脑会议每年举行一次”[@张三2021, ¶3]，值得注意。")
}

@Test func unknownKeySuggestsTheDocumentHoldingTheQuotation() {
  let findings = checkDiagnostics(
    """
    -- notes/a.md --
    “首脑会议每年举行一次”[@李四2019, ¶3]<!--@diag("李四2019", unknown-citation-key)-->
    """)
  #expect(findings.first?.suggestions.first == "张三2021")
}

/// The first "Cite" fix for `selected` (the first occurrence) in `note`, applied; nil when none is offered.
private func cite(_ selected: String, in note: String) -> String? {
  let index = buildIndex(Fixture(sampleCorpus))
  guard let range = note.range(of: selected) else { return nil }
  let start = note.utf8.distance(from: note.utf8.startIndex, to: range.lowerBound)
  let selection = TextRange(start, start + selected.utf8.count)
  let fixes = CodeActionFixes.insertCitation(
    note: NoteParser.parse(note), selection: selection, index: index, context: CheckContext(notePath: "n.md"))
  return fixes.first?.applied(to: note, file: "n.md")
}

@Test func insertCitationForASelectionWithItsQuoteMarks() {
  #expect(cite("“首脑会议每年举行一次”", in: "他们说“首脑会议每年举行一次”。") == "他们说“首脑会议每年举行一次”[@张三2021, ¶3]。")
}

@Test func insertCitationAfterAnEntityLinkTheSelectionEndsIn() {
  #expect(cite("日本—东盟首脑会议", in: "见[[日本—东盟首脑会议]]。") == "见[[日本—东盟首脑会议]][@张三2021, ¶3]。")
}

@Test func noCitationForAQuoteAlreadyCited() {
  #expect(cite("首脑会议每年举行一次", in: "“首脑会议每年举行一次”[@张三2021, ¶3]。") == nil)
  #expect(cite("首脑会议每年举行一次", in: "“首脑会议每年举行一次” [@张三2021]。") == nil)
}

/// A corpus whose quoted instrument discovery finds (清洁能源伙伴关系), and a note naming it.
private let promotionFixture = """
  -- corpus/王五2022.txt --
  日本的能源外交

  王五

  一、引言

  日本与美国建立了“清洁能源伙伴关系”，并推动清洁能源伙伴关系向东南亚扩展。
  -- notes/a.md --
  见[[清洁能源伙伴关系]]，又见清洁能源伙伴关系与[[东盟]]。
  """

private func promotions(_ lexicon: String?, at needle: String, occurrence: Int = 0) -> [Fix] {
  let fixture = Fixture(promotionFixture)
  let index = buildIndex(fixture)
  let note = fixture.file("notes/a.md") ?? ""
  let pieces = note.components(separatedBy: needle)
  let offset = pieces.prefix(occurrence + 1).joined(separator: needle).utf8.count + 3
  return CodeActionFixes.promotingDiscoveredEntity(
    note: NoteParser.parse(note), at: TextSize(offset), index: index,
    context: CheckContext(notePath: "notes/a.md", lexiconText: lexicon))
}

@Test func promoteADiscoveredEntityFromALinkOrAMention() throws {
  let lexicon = "{\n  \"entities\": []\n}\n"
  for occurrence in [0, 1] {
    let fix = try #require(promotions(lexicon, at: "清洁能源伙伴关系", occurrence: occurrence).first)
    #expect(fix.title == "Add '清洁能源伙伴关系' to the workspace lexicon")
    let applied = fix.applied(to: lexicon, file: "lexicon.json") ?? ""
    #expect(
      applied == """
        {
          "entities": [
            {"id": "清洁能源伙伴关系", "kind": "mechanism", "name": "清洁能源伙伴关系", "aliases": ["清洁能源伙伴关系"]}
          ]
        }

        """)
    #expect(Lexicon.parse(data: Data(applied.utf8)).entities.map(\.name) == ["清洁能源伙伴关系"])
  }
  // A built-in entity is no candidate.
  #expect(promotions(lexicon, at: "东盟").isEmpty)
}

@Test func promoteADiscoveredEntityFromTheCorpusFile() throws {
  let fixture = Fixture(promotionFixture)
  let index = buildIndex(fixture)
  let paper = try #require(index.paper(forKey: "王五2022"))
  let raw = try #require(fixture.file("corpus/王五2022.txt"))
  let rawOffset = TextSize(raw.components(separatedBy: "清洁能源伙伴关系")[0].utf8.count + 3)
  let fixes = CodeActionFixes.promotingDiscoveredEntity(
    paper: paper, at: rawOffset, index: index, context: CheckContext(notePath: "notes/a.md", lexiconText: nil))
  let fix = try #require(fixes.first)
  #expect(fix.edits.first?.createsFile == true)
  #expect(fix.edits.first?.newText.contains("\"id\": \"清洁能源伙伴关系\"") == true)
}

@Test func lexiconEditsOnlyWhereTheResultParses() {
  // An empty object becomes a lexicon; broken JSON and a top-level array (which the server rejects) get no edit.
  let fix = promotions("{ }\n", at: "清洁能源伙伴关系").first
  let applied = fix?.applied(to: "{ }\n", file: "lexicon.json") ?? ""
  #expect(Lexicon.parse(data: Data(applied.utf8)).entities.map(\.name) == ["清洁能源伙伴关系"])
  #expect(promotions("{\"entities\": [", at: "清洁能源伙伴关系").isEmpty)
  #expect(promotions("[]", at: "清洁能源伙伴关系").isEmpty)
}

@Test func elementUnderTheCursor() {
  let syntax = NoteParser.parse("见 [@张三2021, ¶3] 与 [[东盟]]。")
  let text = syntax.text
  func offset(of needle: String) -> TextSize {
    TextSize(
      text.utf8.count
        - (text.components(separatedBy: needle).dropFirst().joined(separator: needle).utf8.count + needle.utf8.count))
  }
  #expect(syntax.element(at: offset(of: "张三")) == .citationKey(citation: 0, item: 0))
  #expect(syntax.element(at: offset(of: "¶3")) == .locator(citation: 0, item: 0))
  #expect(syntax.element(at: offset(of: "东盟")) == .entityLink(0))
  #expect(syntax.element(at: .zero) == nil)
}
