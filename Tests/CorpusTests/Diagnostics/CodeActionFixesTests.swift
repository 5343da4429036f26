//! Code actions without a diagnostic: insert a citation for a selection, add an entity to the lexicon.
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

@Test func addEntityToAnExistingLexicon() {
  let entity = Entity(
    id: "quad-plus", kind: .mechanism, name: "四方+", english: "Quad Plus", aliases: ["Quad Plus"],
    source: .discovered)
  let lexicon = "{\n  \"entities\": []\n}\n"
  let fix = CodeActionFixes.addToLexicon(entity, context: CheckContext(notePath: "n.md", lexiconText: lexicon))
  let applied = fix.applied(to: lexicon, file: "lexicon.json") ?? ""
  #expect(
    applied == """
      {
        "entities": [
          {"id": "quad-plus", "kind": "mechanism", "name": "四方+", "english": "Quad Plus", "aliases": ["四方+", "Quad Plus"]}
        ]
      }

      """)
  #expect(Lexicon.parse(data: Data(applied.utf8)).entities.map(\.id) == ["quad-plus"])
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
