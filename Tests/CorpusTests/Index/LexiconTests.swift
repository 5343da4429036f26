//! Tests for the built-in lexicon, lexicon.json parsing and the precedence of entity sources.
import Foundation
import Testing
@testable import Corpus

@Suite struct LexiconTests {
  @Test func builtinIdsAreUniqueAndAliasesNonEmpty() {
    let ids = Lexicon.builtin.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(Lexicon.builtin.allSatisfy { !$0.aliases.isEmpty && $0.aliases.allSatisfy { !$0.isEmpty } })
    #expect(Lexicon.builtin.count > 300)
  }

  @Test func builtinLookups() {
    let index = CorpusIndex(papers: [], entities: Lexicon.builtin)
    func id(_ alias: String) -> String? { index.entity(forAlias: alias).map { index.entities[$0].id } }
    #expect(id("东盟") == "asean")
    #expect(id("asean") == "asean")
    #expect(id("四方安全对话") == "quad")
    #expect(id("美日印澳") == "quad")
    #expect(id("北大西洋公约组织") == "nato")
    #expect(id("岸田文雄") == "kishida-fumio")
    #expect(id("政府安全援助") == "osa")
    #expect(id("日美") == nil)
    #expect(index.entities[index.entity(withId: "japan") ?? 0].compoundForms == ["日"])
  }

  @Test func parsesWorkspaceLexicon() {
    let json = """
      {"entities": [
        {"id": "ip4", "kind": "mechanism", "name": "IP4伙伴", "aliases": ["印太四伙伴"], "definition": "NATO's four."},
        {"name": "日澳准同盟", "kind": "mechanism", "members": ["japan", "australia"]}
      ]}
      """
    let (entities, problems) = Lexicon.parse(data: Data(json.utf8))
    #expect(problems.isEmpty)
    #expect(entities.map(\.id) == ["ip4", "日澳准同盟"])
    #expect(entities[0].definition == "NATO's four.")
    #expect(entities[1].members == ["japan", "australia"])
  }

  @Test func invalidJSONIsAProblemWithAPosition() {
    let (entities, problems) = Lexicon.parse(data: Data("{\"entities\": [\n  {\"id\": \"x\",\n   \"name\": }\n]}".utf8))
    #expect(entities.isEmpty)
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.message.hasPrefix("invalid JSON") == true)
  }

  @Test func badEntriesAreReportedAndSkipped() {
    let json = #"{"entities": [{"kind": "actor"}, {"name": "甲", "aliases": "乙"}, 3]}"#
    let (entities, problems) = Lexicon.parse(data: Data(json.utf8))
    #expect(entities.map(\.name) == ["甲"])
    #expect(problems.count == 3)
  }

  @Test func anEntrysProblemsArePlacedAtTheEntry() {
    let json = "{\"entities\": [\n  {\"id\": \"a\", \"name\": \"甲\", \"aliases\": [\"[x]\", \"{\"]},\n  {\"id\": 3},\n  \"x\"\n]}"
    let (_, problems) = Lexicon.parse(data: Data(json.utf8))
    #expect(
      problems.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" } == [
        "3:3 entities[1].id must be a string", "3:3 entities[1] has no \"name\"", "4:3 entities[2] is not an object",
      ])
  }

  @Test func aLexiconCutShortIsWrongAtItsEnd() {
    let (_, problems) = Lexicon.parse(data: Data("{\"entities\": [\n  {\"id\": \"a\"".utf8))
    #expect(problems.map(\.line) == [2], "\(problems)")
  }

  @Test func precedenceLexiconOverDiscoveredOverBuiltin() {
    let builtin = [Entity(id: "asean", kind: .actor, name: "东盟", english: "ASEAN", aliases: ["ASEAN"])]
    let discovered = [
      Entity(id: "discovered-东盟国家", kind: .actor, name: "东盟国家联合", aliases: ["ASEAN", "东盟国家联合"], source: .discovered),
      Entity(id: "discovered-新词", kind: .mechanism, name: "新词", source: .discovered),
    ]
    let lexicon = [
      Entity(id: "bloc", kind: .actor, name: "东南亚国家联盟", aliases: ["东盟"], definition: "The bloc.", source: .lexicon),
      Entity(id: "新词", kind: .mechanism, name: "新词机制", aliases: ["新词"], source: .lexicon),
    ]
    let merged = Lexicon.merge(builtin: builtin, discovered: discovered, lexicon: lexicon)
    #expect(merged.count == 2)
    #expect(merged[0].id == "asean")
    #expect(merged[0].name == "东南亚国家联盟")
    #expect(merged[0].source == .lexicon)
    #expect(merged[0].definition == "The bloc.")
    #expect(merged[0].aliases.contains("东盟国家联合"))
    #expect(merged[1].name == "新词机制")
    #expect(merged[1].source == .lexicon)
  }

  @Test func discoveredMatchingACuratedEntityOnlyAddsAliases() {
    let builtin = [Entity(id: "foip", kind: .mechanism, name: "自由开放的印太", aliases: ["FOIP"])]
    let discovered = [
      Entity(id: "discovered-x", kind: .mechanism, name: "自由开放印太构想", aliases: ["FOIP"], source: .discovered)
    ]
    let merged = Lexicon.merge(builtin: builtin, discovered: discovered)
    #expect(merged.count == 1)
    #expect(merged[0].source == .builtin)
    #expect(merged[0].aliases.contains("自由开放印太构想"))
  }
}
