//! Tests for discovery: quoted terms, abbreviation definitions, office + name, conservatism.
import TestSupport
import Testing
@testable import Corpus

@Suite struct DiscoveryTests {
  func discover(_ paragraphs: [String]) -> [Entity] {
    Discovery.discover(in: [IndexFixtures.paper("corpus/a.txt", paragraphs: paragraphs)], known: Lexicon.builtin)
  }

  /// A quoted phrase is a candidate when it names an instrument; a concept or an emphasis (海洋连通性, 孤词语),
  /// however often quoted, is no actor or mechanism.
  @Test func quotedTermsNeedAnInstrumentSuffix() {
    let found = discover(["日本提出“海洋连通性”。", "此后“海洋连通性”被反复提及，还有“蓝色经济倡议”与“孤词语”。"])
    #expect(!found.map(\.name).contains("海洋连通性"))
    #expect(found.first { $0.name == "蓝色经济倡议" }?.kind == .mechanism)
    #expect(!found.map(\.name).contains("孤词语"))
    #expect(found.allSatisfy { $0.source == .discovered })
  }

  /// Two characters before the suffix name a kind of instrument, not one: “平等伙伴关系” is a slogan.
  @Test func aKindOfInstrumentIsNoCandidate() {
    let found = discover(["致力于打造“平等伙伴关系”，制定“混合战略”，组建“芯片联盟”，开展“海上勇士合作”。"])
    #expect(found.map(\.name) == ["海上勇士合作"])
  }

  /// A quoted name followed by a scholar's post is an institute's (the think tank Pacific Forum), not a forum held.
  @Test func aQuotedNameBeforeAScholarsPostIsNoMechanism() {
    let found = discover(["美国智库“太平洋论坛”高级顾问指出，", "双方设立“海洋合作论坛”。"])
    #expect(found.map(\.name) == ["海洋合作论坛"])
  }

  @Test func abbreviationDefinitions() {
    let found = discover(["双方启动“太平洋韧性伙伴”（PRP）框架。", "日本海洋研究机构（JMRA）发布报告。", "国内生产总值（GDP）增长。"])
    #expect(found.first { $0.name == "太平洋韧性伙伴" }?.aliases.contains("PRP") == true)
    #expect(found.first { $0.name == "日本海洋研究机构" }?.aliases.contains("JMRA") == true)
    #expect(!found.contains { $0.aliases.contains("GDP") })
  }

  /// A mechanism's English name in brackets after it is its alias; a gloss in lower case or a term that is no
  /// mechanism gives none.
  @Test func anEnglishNameInBracketsIsAnAlias() {
    let found = discover([
      "日本提出“产业共创倡议”（Industrial Co-Creation Initiative），", "又与印度建立“清洁能源伙伴关系”(Clean Energy Partnership)。",
      "学者称之为“小多边主义”（Minilateral Turn）与“海洋合作机制”（maritime cooperation）。",
    ])
    #expect(found.first { $0.name == "产业共创倡议" }?.aliases.contains("Industrial Co-Creation Initiative") == true)
    #expect(found.first { $0.name == "清洁能源伙伴关系" }?.aliases.contains("Clean Energy Partnership") == true)
    #expect(!found.contains { $0.aliases.contains("Minilateral Turn") || $0.aliases.contains("maritime cooperation") })
    // From a review: a known mechanism's generic English title, a description with 的 and an institute's name are
    // no aliases.
    let more = discover([
      "日本“国家防卫战略”（National Defense Strategy）与“面向未来的伙伴关系”（Future-oriented Partnership），",
      "美国智库“太平洋论坛”（Pacific Forum）高级顾问。",
    ])
    #expect(!more.contains { !$0.aliases.filter { $0.unicodeScalars.first!.isASCII }.isEmpty }, "\(more)")
    #expect(englishName("（Partnership on Quality Infrastructure）") == "Partnership on Quality Infrastructure")
    #expect(englishName("（Japan-US Partnership）") == "Japan-US Partnership")
    #expect(englishName("(Japan-US Partnership)。") == "Japan-US Partnership")
    #expect(englishName("（2023 Summit）") == nil)
    #expect(englishName("（Summit）") == nil)
    #expect(englishName("（Clean Energy Partnership") == nil)
  }

  func englishName(_ text: String) -> String? {
    Array(text.utf8).withUnsafeBufferPointer { Discovery.englishName(ByteText(bytes: $0), at: 0)?.name }
  }

  /// The term before an abbreviation stops at 与, 和, 及: when an ideograph precedes that word, the name may go on
  /// (战略与国际问题研究中心), and a cut name is worse than none.
  @Test func aNameCutAtAConjunctionIsNoCandidate() {
    let found = discover(["美国战略与海洋研究中心（CSMS）发布报告。", "日本和太平洋发展基金（JPDF）成立。", "由海洋研究机构（OMRA）发布。"])
    #expect(!found.contains { $0.aliases.contains("CSMS") || $0.aliases.contains("JPDF") })
    #expect(found.first { $0.name == "海洋研究机构" }?.aliases.contains("OMRA") == true)
  }

  @Test func officePlusName() {
    let found = discover(["外相山本一郎表示将访问。", "山本一郎在会上发言。", "首相官邸发表声明。"])
    #expect(found.first { $0.name == "山本一郎" }?.kind == .actor)
    #expect(!found.contains { $0.name == "官邸" })
  }

  @Test func knownAliasesAreNotRediscovered() {
    let found = discover(["“一带一路”倡议与“一带一路”。"])
    #expect(!found.contains { $0.name == "一带一路" })
  }

  @Test func discoveredEntitiesAreIndexedAfterCuratedOnes() {
    let papers = [IndexFixtures.paper("corpus/a.txt", paragraphs: ["“海洋连通倡议”很重要。", "海洋连通倡议是日本的主张。"])]
    let index = CorpusIndex.build(papers: papers)
    let entity = index.entity(forAlias: "海洋连通倡议")
    #expect(entity.map { index.entities[$0].source } == .discovered)
    #expect(entity.map { index.mentionCount(of: $0) } == 2)
  }

  @Test func claimsAndDescriptionsAreNoTerms() {
    let found = discover([
      "“中国威胁论”与“南海问题”，“被抛弃”与“反击能力”，“美日+”与“安倍路线”，“用于保护的同盟”。",
      "又见“中国威胁论”与“南海问题”，“被抛弃”与“反击能力”，“美日+”与“安倍路线”。",
    ])
    #expect(found.isEmpty, "\(found.map(\.name))")
  }

  @Test func anAbbreviationAfterAKnownNameBecomesItsAlias() {
    let papers = [IndexFixtures.paper("corpus/a.txt", paragraphs: ["日本参加“北约网络防御中心”（CDCX）的演习。", "CDCX再次举行演习。"])]
    let index = CorpusIndex.build(papers: papers)
    let entity = index.entity(forAlias: "CDCX")
    #expect(entity.map { index.entities[$0].id } == "nato-ccdcoe")
    #expect(entity.map { index.mentionCount(of: $0) } == 3)  // the full name and CDCX twice
  }

  /// A compound of three states or more that no grouping has as its members (日美加), seen in two passages, is a
  /// grouping (SPEC), named as the corpus writes it most (in Chinese forms) and found in any order where the scanner
  /// reads a run: as a word it would also match in 日美加强.
  @Test func compoundsOfStatesBecomeGroupings() throws {
    let papers = [
      IndexFixtures.paper("corpus/a.txt", paragraphs: ["日米加首脳会談。", "日美加举行联合训练。", "此后日美加、美日加再度训练，日美加强合作。"]),
      IndexFixtures.paper("corpus/b.txt", paragraphs: ["中俄蒙合作，中俄蒙再次合作。", "英法德三国表态。"]),
    ]
    let index = CorpusIndex.build(papers: papers)
    let grouping = try #require(index.entity(forAlias: "日美加"))
    let entity = index.entities[grouping]
    #expect(entity.source == .discovered && entity.kind == .mechanism)
    #expect(entity.name == "日美加" && entity.aliases == ["日美加", "日米加", "美日加"])
    #expect(entity.members == ["japan", "united-states", "canada"])
    #expect(index.mentionCount(of: grouping) == 4)  // 日米加 (Japanese text), 日美加 twice, 美日加; not in 日美加强
    #expect(index.entity(forAlias: "日米加") == grouping)
    // Seen in one passage only (中俄蒙 twice in one paragraph, 英法德 once): no grouping.
    #expect(index.entities.filter { $0.source == .discovered }.map(\.name) == ["日美加"])
    // A note names it as a run too, in any order.
    #expect(index.scanMentions(in: "加美日").map(\.entity).contains(grouping))
    #expect(!index.scanMentions(in: "日美加强合作").map(\.entity).contains(grouping))
    checkRecordsAreWhatAScanFinds(index)
  }

  /// A grouping of the workspace lexicon with those members (日美加 promoted) leaves nothing to discover, and its
  /// alias, a word, yields where its last form starts a word (日美加强).
  @Test func aLexiconGroupingIsNotRediscovered() throws {
    let papers = [IndexFixtures.paper("corpus/a.txt", paragraphs: ["日美加举行联合训练。", "此后美日加再度训练，日美加强合作。"])]
    let promoted = Entity(
      id: "日美加", kind: .mechanism, name: "日美加", members: ["japan", "united-states", "canada"], source: .lexicon)
    let index = CorpusIndex.build(papers: papers, lexicon: [promoted])
    let grouping = try #require(index.entity(forAlias: "日美加"))
    #expect(index.entities[grouping].source == .lexicon)
    #expect(!index.entities.contains { $0.source == .discovered })
    #expect(index.mentionCount(of: grouping) == 2)
    checkRecordsAreWhatAScanFinds(index)
  }

  /// Indexing exactly the entities given (no discovery) discovers no grouping either.
  @Test func noGroupingsWithoutDiscovery() {
    let papers = [IndexFixtures.paper("corpus/a.txt", paragraphs: ["日美加举行联合训练。", "此后日美加再度训练。"])]
    #expect(CorpusIndex.build(papers: papers, discover: false).entity(forAlias: "日美加") == nil)
  }

  @Test func groupingsOfTheReferencePapersAreWhatAScanFinds() throws {
    guard let index = ReferencePapers.index else { return }
    #expect(index.entities.contains { $0.source == .discovered && $0.members.count >= 3 })
    checkRecordsAreWhatAScanFinds(index)
  }
}

/// Every passage's stored mentions are what the index's scanner, and a scanner built afresh on the index's entities,
/// find in its text: discovered groupings added to the records change nothing a scan would not.
func checkRecordsAreWhatAScanFinds(_ index: CorpusIndex, sourceLocation: SourceLocation = #_sourceLocation) {
  let fresh = MentionScanner(entities: index.entities)
  for paper in index.papers.indices {
    index.papers[paper].forEachPassage { id, passage in
      let stored = index.mentions(in: paper, passage: id).map { "\($0.entity)@\($0.range.start)-\($0.range.end)" }
      let scanned = index.scanMentions(in: passage.text).map { "\($0.entity)@\($0.start)-\($0.end)" }
      let again = fresh.scan(passage.text).map { "\($0.entity)@\($0.start)-\($0.end)" }
      #expect(stored == scanned, "\(index.papers[paper].file) \(id)", sourceLocation: sourceLocation)
      #expect(again == scanned, "\(index.papers[paper].file) \(id)", sourceLocation: sourceLocation)
    }
  }
}
