//! The paper read as annotated: notes citing a paragraph, lenses, references and mentions in a corpus file.
import Testing
@testable import Corpus

private let citingNotes = """
  -- notes/a.md --
  第一句。东盟峰会的作用见 [@张三2021, ¶3]。𠀀
  -- notes/b.md --
  “政府开发援助仍是日本影响东南亚的主要手段”[@张三2021]{CRLF}
  又见 [@张三2021, §二（一）]。
  """

/// The raw offset of the first occurrence of `text` in a paper.
private func rawOffset(of text: String, in paper: Paper) -> TextSize {
  guard let found = paper.rawText.range(of: text) else { return .zero }
  return TextSize(paper.rawText.utf8.distance(from: paper.rawText.startIndex, to: found.lowerBound))
}

@Test func lensesCountCitingNotesPerParagraph() {
  let workspace = FeatureWorkspace(citingNotes)
  guard let paper = workspace.index.paper(forKey: "张三2021") else { return }
  let lenses = PaperAnnotations.lenses(index: workspace.index, paper: paper, notes: workspace.notes)
  #expect(lenses.map { "\(FeatureSupport.label($0.passage, in: workspace.index.papers[paper])) \($0.title)" } == [
    // A section citation covers the section's heading as well as its paragraphs.
    "§二（一） cited by 1 note", "¶3 cited by 2 notes", "¶4 cited by 1 note",
  ])
}

@Test func hoverOnAParagraphListsTheCitingSentences() {
  let workspace = FeatureWorkspace(citingNotes)
  guard let paper = workspace.index.paper(forKey: "张三2021") else { return }
  let document = workspace.index.papers[paper]
  let info = PaperAnnotations.hover(index: workspace.index, paper: paper, notes: workspace.notes,
                                    at: rawOffset(of: "每年举行", in: document) + 3)  // past 东盟首脑会议's end
  let markdown = info?.markdown ?? ""
  #expect(markdown.contains("**¶3**") && markdown.contains("by 2 notes") && markdown.contains("东盟峰会的作用见"), "\(markdown)")
}

@Test func aSentenceCitingAParagraphTwiceIsListedOnce() {
  let workspace = FeatureWorkspace("-- notes/a.md --\n“讨论经济与安全议题”[@张三2021, ¶3; @张三2021, ¶3]。")
  guard let paper = workspace.index.paper(forKey: "张三2021") else { return }
  let document = workspace.index.papers[paper]
  let markdown = PaperAnnotations.hover(index: workspace.index, paper: paper, notes: workspace.notes,
                                        at: rawOffset(of: "每年举行", in: document) + 3)?.markdown ?? ""
  #expect(markdown.contains("Cited 2 times by 1 note"), "\(markdown)")
  #expect(markdown.components(separatedBy: "讨论经济与安全议题").count == 2, "listed once: \(markdown)")
}

@Test func hoverOnAMentionInThePaperShowsTheEntity() {
  let workspace = FeatureWorkspace(citingNotes)
  guard let paper = workspace.index.paper(forKey: "张三2021") else { return }
  let document = workspace.index.papers[paper]
  let offset = rawOffset(of: "东盟首脑会议", in: document) + 3
  let info = PaperAnnotations.hover(index: workspace.index, paper: paper, notes: workspace.notes, at: offset)
  #expect(info?.markdown.hasPrefix("### 东盟") == true, "\(info?.markdown ?? "nil")")
}

@Test func referencesFromAParagraphGoToTheCitingNotes() {
  let workspace = FeatureWorkspace(citingNotes)
  guard let paper = workspace.index.paper(forKey: "张三2021") else { return }
  let document = workspace.index.papers[paper]
  let found = PaperAnnotations.references(index: workspace.index, paper: paper, notes: workspace.notes,
                                          at: rawOffset(of: "讨论经济", in: document), includeDeclaration: false)
  #expect(found.map(workspace.describe) == ["notes/a.md: @张三2021, ¶3", "notes/b.md: @张三2021, §二（一）"])
}

@Test func mentionsInThePaperAreTokens() {
  let workspace = FeatureWorkspace(citingNotes)
  guard let paper = workspace.index.paper(forKey: "张三2021") else { return }
  let document = workspace.index.papers[paper]
  let tokens = SemanticTokens.paper(index: workspace.index, paper: paper)
  #expect(tokens.contains { document.rawText.slice($0.range) == "东盟" && SemanticTokens.tokenTypes[$0.type] == "actor" })
}

/// 日本海上保安厅, split by a page break with a footnote block and page debris between its halves.
private let splitMentionPaper = IngestFixture.read(
    """
    标题

    王明

    菲方接收船只后，又请日本海上保

    ① 日本外务省资料，2019年。

    亚太评论 2023年第3期

    27

    安厅协助制定巡航计划。①
    """)

@Test func aMentionSplitByAPageBreakIsOneTokenPerPiece() {
  let paper = splitMentionPaper
  let index = CorpusIndex(papers: [paper], entities: Lexicon.builtin)
  let tokens = SemanticTokens.paper(index: index, paper: 0).map { paper.rawText.slice($0.range) }
  // The name's halves, and the footnote's own mentions between them: no token covers the footnote block.
  #expect(tokens.contains("安厅") && tokens.contains("日本外务省"), "\(tokens)")
  #expect(tokens.allSatisfy { !$0.contains("\n") }, "\(tokens)")
}

/// Navigation to such a mention lands on the piece it starts with; hover highlights the piece under the cursor.
@Test func aMentionSplitByAPageBreakIsNavigatedToByItsFirstPiece() throws {
  let paper = splitMentionPaper
  let index = CorpusIndex(papers: [paper], entities: Lexicon.builtin)
  let secondHalf = try #require(paper.rawText.range(of: "安厅协助"))
  let offset = TextSize(paper.rawText.utf8.distance(from: paper.rawText.startIndex, to: secondHalf.lowerBound))
  let mention = try #require(PaperAnnotations.mention(index: index, paper: 0, at: offset))
  let references = References.mentions(of: mention.entity, index: index, notes: [])
  #expect(references.map { paper.rawText.slice($0.range) }.contains("日本海上保"), "\(references)")
  #expect(references.allSatisfy { !paper.rawText.slice($0.range).contains("\n") })
  let definition = try #require(Definition.entityDefinition(index: index, lexicon: nil, entity: mention.entity))
  #expect(!paper.rawText.slice(definition.range).contains("\n"))
  let hover = try #require(PaperAnnotations.hover(index: index, paper: 0, notes: [], at: offset))
  #expect(paper.rawText.slice(hover.range) == "安厅")
}

/// Hover in the footnote block a page break printed inside a name shows the footnote's own mention; hover on the
/// title's mention shows its card.
@Test func hoverFindsTheMentionOfThePassageUnderTheCursor() throws {
  let paper = splitMentionPaper
  let index = CorpusIndex(papers: [paper], entities: Lexicon.builtin)
  func offset(of text: String) throws -> TextSize {
    let found = try #require(paper.rawText.range(of: text))
    return TextSize(paper.rawText.utf8.distance(from: paper.rawText.startIndex, to: found.lowerBound))
  }
  let inFootnote = try #require(PaperAnnotations.mention(index: index, paper: 0, at: try offset(of: "外务省资料")))
  #expect(inFootnote.passage == .footnote(1))
  #expect(index.entities[inFootnote.entity].name != "日本海上保安厅")
  let titled = CorpusIndex(papers: [IngestFixture.read("日本与东盟关系\n\n王明\n\n正文一段。")], entities: Lexicon.builtin)
  let titleHover = PaperAnnotations.hover(index: titled, paper: 0, notes: [], at: TextSize(1))
  #expect(titleHover?.markdown.contains("日本") ?? false, "\(String(describing: titleHover))")
}
