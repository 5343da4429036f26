//! Symbols: note outlines (headings, citations), corpus outlines (sections) and workspace symbols.
import Testing
@testable import Corpus

/// The outline as indented `name` lines (two spaces per level).
private func render(_ nodes: [SymbolNode], depth: Int = 0) -> [String] {
  nodes.flatMap { node in
    [String(repeating: "  ", count: depth) + node.name + (node.detail.map { " — \($0)" } ?? "")]
      + render(node.children, depth: depth + 1)
  }
}

private func checkNoteOutline(_ fixture: String, expect expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
  let workspace = FeatureWorkspace(fixture)
  let outline = Symbols.noteOutline(index: workspace.index, note: workspace.note().syntax)
  expectEqualText(render(outline).joined(separator: "\n"), expected.joined(separator: "\n"), sourceLocation: sourceLocation)
}

@Test func noteOutlineNestsHeadingsAndCitations() {
  checkNoteOutline(
    """
    -- notes/a.md --
    [@Smith2020] 前言{CRLF}
    # 东盟 𠀀{CRLF}
    见 [@张三2021, ¶3]。
    ## 细节 ##
    [@无此人]
    ```
    # not a heading [@张三2021]
    ```
    # Second
    """,
    expect: [
      "@Smith2020 — Journal of Regional Studies, 2…",
      "东盟 𠀀",
      "  @张三2021, ¶3 — 东盟与日本的海洋合作",
      "  细节",
      "    @无此人 — unknown key",
      "Second",
    ])
}

@Test func noteOutlineReadsSetextAndIndentedHeadings() {
  checkNoteOutline(
    """
    -- notes/a.md --
    ---
    title: 笔记
    ---
    东盟与日本
    海洋合作
    =====
    见 [@张三2021, ¶3]。

    细节 [@张三2021]
    ---
       ### 缩进标题
    - 列表项
    ---
    正文

    ***
    段落
        续行
    -----
    """,
    expect: [
      "东盟与日本 海洋合作",
      "  @张三2021, ¶3 — 东盟与日本的海洋合作",
      "  细节 [@张三2021]",
      "    @张三2021 — 东盟与日本的海洋合作",
      "    缩进标题",
      "  段落 续行",
    ])
}

@Test func paperOutlineFollowsTheNumbering() {
  let workspace = FeatureWorkspace("-- notes/a.md --\nx")
  guard let paper = workspace.index.paper(forKey: "张三2021") else { return }
  let outline = render(Symbols.paperOutline(workspace.index.papers[paper]))
  #expect(outline == ["§一 引言 — ¶1–2", "§二 合作机制 — ¶3–5", "  §二（一） 对话平台 — ¶3–3", "  §二（二） 援助工具 — ¶4–5", "Footnotes — 2"],
          "\(outline)")
}

@Test func paperOutlineKeepsSectionsOutOfTheFootnotes() {
  let workspace = FeatureWorkspace(
    """
    -- corpus/wang.txt --
    东盟海洋合作研究

    王五

    一、引言

    日本与东盟的合作不断深化，双方在海洋安全领域的合作尤为突出。①

    ① 参见某某：《测试文献》，2020年。

    二、结论

    合作前景广阔，机制化程度不断提高。②

    ② 另见某某：《另一文献》，2021年。
    -- notes/a.md --
    x
    """)
  guard let paper = workspace.index.paper(forKey: "wang") else {
    Issue.record("no paper wang")
    return
  }
  let outline = render(Symbols.paperOutline(workspace.index.papers[paper]))
  #expect(outline == ["§一 引言 — ¶1–1", "§二 结论 — ¶2–2", "Footnotes — 2"], "\(outline)")
}

@Test func workspaceSymbolsMatchDocumentsSectionsAndEntities() {
  let workspace = FeatureWorkspace("-- notes/a.md --\nx")
  func names(_ query: String) -> [String] {
    Symbols.workspace(index: workspace.index, lexicon: nil, query: query).map { "\($0.kind.rawValue) \($0.name)" }
  }
  #expect(names("对话").contains("section §二（一） 对话平台"), "\(names("对话"))")
  #expect(names("张三").contains("document @张三2021 东盟与日本的海洋合作"), "\(names("张三"))")
  #expect(names("asean").contains { $0.hasPrefix("entity 东盟") }, "\(names("asean"))")
}
