//! Implicit mentions: aliases in prose, longest first, never inside code, citations or links.
import Testing
@testable import Corpus

private let matcher = AliasMatcher(entities: FakeCorpus.defaultEntities)

private func checkMentions(_ note: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
  let syntax = NoteParser.parse(note)
  let found = ImplicitMentions.find(in: syntax, matcher: matcher).map { "\(note.slice($0.range))→\(FakeCorpus.defaultEntities[$0.entity].id)" }
  #expect(found == expected, sourceLocation: sourceLocation)
}

@Test func mentionsInProse() {
  checkMentions("日本与东南亚国家联盟加强合作，Japan and ASEAN too.", ["日本→japan", "东南亚国家联盟→asean", "Japan→japan", "ASEAN→asean"])
}

@Test func mentionsSkipCodeCitationsLinksAndWordParts() {
  checkMentions("`日本` [[东盟]] [@日本2020] Japanese QuadX 澳大利亚。", ["澳大利亚→australia"])
}
