//! Implicit mentions: aliases in prose, longest first, never inside code, citations or links.
import Testing

@testable import Corpus

private let entities: [Entity] = [
  Entity(id: "asean", kind: .actor, name: "东盟", english: "ASEAN", aliases: ["ASEAN", "东南亚国家联盟"]),
  Entity(id: "japan", kind: .actor, name: "日本", english: "Japan", aliases: ["Japan", "日"]),
  Entity(id: "australia", kind: .actor, name: "澳大利亚", english: "Australia", aliases: ["Australia"]),
  Entity(id: "quad", kind: .mechanism, name: "四方安全对话", english: "Quad", aliases: ["Quad"]),
]
private let matcher = AliasMatcher(entities: entities)

private func checkImplicitMentions(
  _ note: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  let syntax = NoteParser.parse(note)
  let found = ImplicitMentions.find(in: syntax, matcher: matcher).map {
    "\(note.slice($0.range))→\(entities[$0.entity].id)"
  }
  #expect(found == expected, sourceLocation: sourceLocation)
}

@Test func mentionsInProse() {
  checkImplicitMentions(
    "日本与东南亚国家联盟加强合作，Japan and ASEAN too.", ["日本→japan", "东南亚国家联盟→asean", "Japan→japan", "ASEAN→asean"])
}

@Test func mentionsSkipCodeCitationsLinksAndWordParts() {
  checkImplicitMentions("`日本` [[东盟]] [@日本2020] Japanese QuadX 日美 澳大利亚。", ["澳大利亚→australia"])
}

@Test func mentionsByTheIndexScanner() {
  let index = CorpusIndex.build(papers: [], discover: false)
  let note = "日美同盟与`东盟`不同，[[东盟]]另论；ASEAN 与 [@东盟2020] 亦然。"
  let found = ImplicitMentions.find(in: NoteParser.parse(note), index: index).map(\.alias)
  #expect(found.contains("ASEAN"))
  #expect(!found.contains("东盟"))
  #expect(found.contains { $0.hasPrefix("日美") || $0 == "日" || $0 == "美" })
}
