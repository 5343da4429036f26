//! References: note places citing a document or naming an entity, across notes, and corpus mentions.
import Testing
@testable import Corpus

private func checkReferences(
  _ fixture: String, includeDeclaration: Bool = false, expect expected: [String],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let workspace = FeatureWorkspace(fixture)
  let found = References.find(
    index: workspace.index, lexicon: workspace.lexicon, notes: workspace.notes, current: workspace.note(),
    at: workspace.offset(), includeDeclaration: includeDeclaration)
  #expect(found.map(workspace.describe) == expected, sourceLocation: sourceLocation)
}

@Test func referencesOfACitationAcrossNotes() {
  checkReferences(
    """
    -- notes/a.md --
    见 [@张三1️⃣2021, ¶3] 与 [@Smith2020]。
    -- notes/b.md --
    𠀀 @张三2021 认为；又见 [@张三2021, fn. 1; @Smith2020]
    """,
    expect: ["notes/a.md: 张三2021", "notes/b.md: 张三2021", "notes/b.md: 张三2021"])
}

@Test func referencesIncludeTheDocumentWhenAsked() {
  checkReferences(
    "-- notes/a.md --\n[@Smith1️⃣2020]", includeDeclaration: true,
    expect: ["corpus/Smith2020.txt: Journal of Regional Studies, 2020", "notes/a.md: Smith2020"])
}

@Test func referencesOfAnEntityInNotesAndCorpus() {
  let workspace = FeatureWorkspace(
    """
    -- notes/a.md --
    [[东1️⃣盟]] 和 ASEAN
    -- notes/b.md --
    东盟{CRLF}
    `东盟` 不算
    """)
  let found = References.find(
    index: workspace.index, lexicon: nil, notes: workspace.notes, current: workspace.note(), at: workspace.offset(),
    includeDeclaration: false
  ).map(workspace.describe)
  #expect(Array(found.prefix(3)) == ["notes/a.md: 东盟", "notes/a.md: ASEAN", "notes/b.md: 东盟"])
  #expect(found.dropFirst(3).allSatisfy { $0.hasPrefix("corpus/") } && found.count > 4, "\(found)")
}
