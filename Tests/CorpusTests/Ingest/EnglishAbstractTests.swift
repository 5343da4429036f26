//! The paper's own English abstract as a passage: read only when its layout says which entry is the paper's own.
import Foundation
import Testing

@testable import Corpus

@Suite struct EnglishAbstractTests {
  static let paperWithAbstracts = """
    日本与东盟的新合作

    王明

    内容提要：本文讨论日本与东盟的合作。

    一、引言

     日本与东盟的合作逐年加深。

    （责任编辑：周 宁）
     Japan and ASEAN: A New Partnership
    WANG Ming / 27

    Abstract: This article argues that Japan seeks a quasi-alli‐

    ance with ASEAN, and that “connectivity” is its key.

    Keywords: Japan; ASEAN
     Another Article of the Same Issue
    LI Hua / 45

    Abstract: This one is about desertification in Mongolia.
    """

  @Test func ownAbstractIsAPassageMappedToTheRawText() throws {
    let paper = IngestFixture.read(Self.paperWithAbstracts)
    let passage = try #require(paper.englishAbstractPassage)
    #expect(
      passage.text
        == "This article argues that Japan seeks a quasi-alliance with ASEAN, and that “connectivity” is its key.")
    IngestFixture.checkMapsBack(passage, in: paper)
    #expect(paper.rawText.slice(passage.rawRange).hasPrefix("This article argues"))
    #expect(paper.rawText.slice(passage.rawRange).hasSuffix("is its key."))
    #expect(paper.passage(.englishAbstract)?.text == passage.text)
    // No 关键词 in the paper: its own English keywords stand in, not another article's.
    #expect(paper.metadata.keywords == ["Japan", "ASEAN"])
  }

  @Test func ownTitleIsAPassageWithoutItsAuthorLine() throws {
    let paper = IngestFixture.read(Self.paperWithAbstracts)
    let title = try #require(paper.englishTitlePassage)
    #expect(title.text == "Japan and ASEAN: A New Partnership")
    IngestFixture.checkMapsBack(title, in: paper)
    #expect(paper.passage(.englishTitle)?.text == title.text)
    // Its actors are mentions, as a reader of English meets them first.
    let index = CorpusIndex(papers: [paper], entities: Lexicon.builtin)
    let named = Set(index.mentions(in: 0, passage: .englishTitle).map { index.entities[$0.entity].id })
    #expect(named == ["japan", "asean"])
  }

  @Test func aTitleOverTwoLinesIsJoinedAndNoAuthorLineIsPartOfIt() throws {
    let paper = IngestFixture.read(
      Self.paperWithAbstracts.replacingOccurrences(
        of: " Japan and ASEAN: A New Partnership\nWANG Ming / 27\n",
        with: " The Causes and Prospect of Japan-ASEAN Co\u{2043}\noperation\n"))
    #expect(paper.englishTitlePassage?.text == "The Causes and Prospect of Japan-ASEAN Cooperation")
    // An author line without a page number is no part of the title either.
    let named = IngestFixture.read(
      Self.paperWithAbstracts.replacingOccurrences(of: "WANG Ming / 27", with: "Wang Ming"))
    #expect(named.englishTitlePassage?.text == "Japan and ASEAN: A New Partnership")
  }

  @Test func englishKeywordsGoOnAfterASemicolonAtALineEnd() {
    let paper = IngestFixture.read(
      Self.paperWithAbstracts
        .replacingOccurrences(
          of: "Keywords: Japan; ASEAN", with: "Keywords: Japan; ASEAN;\n\nIndo-Pacific Economic Framework(IPEF)"
        )
        .replacingOccurrences(
          of: "Another Article of the Same Issue",
          with: "The Talent Strategy and Influence of Japanese Aid to Africa after the Cold War"))
    #expect(paper.metadata.keywords == ["Japan", "ASEAN", "Indo-Pacific Economic Framework(IPEF)"])
    // They are the keywords passage too: quotable, and scanned for mentions like a 关键词 line.
    #expect(paper.keywordsPassage?.text == "Japan; ASEAN; Indo-Pacific Economic Framework(IPEF)")
    if let passage = paper.keywordsPassage { IngestFixture.checkMapsBack(passage, in: paper) }
    let index = CorpusIndex(papers: [paper], entities: Lexicon.builtin)
    let named = Set(index.mentions(in: 0, passage: .keywords).map { index.entities[$0.entity].id })
    #expect(named.isSuperset(of: ["japan", "asean", "ipef"]))
  }

  @Test func ownAbstractIsScannedForMentionsAndTheOthersAreNot() throws {
    let paper = IngestFixture.read(Self.paperWithAbstracts)
    let index = CorpusIndex(papers: [paper], entities: Lexicon.builtin)
    let found = index.mentions(in: 0, passage: .englishAbstract).map {
      "\(index.entities[$0.entity].id):\(paper.rawText.slice($0.rawRange))"
    }
    #expect(found == ["japan:Japan", "asean:ASEAN"])
    // Mongolia is named only in another article's abstract.
    #expect(index.mentions(inPaper: 0).allSatisfy { index.entities[$0.entity].id != "mongolia" })
  }

  @Test func oneLinePerParagraphCollectionOfAbstracts() throws {
    let long =
      "The United States is building a composite alliance system in the Indo-Pacific, and Japan plays a key role in it by many means."
    let paper = IngestFixture.read(
      """
      标题

      王明

      正文段落。

      （责任编辑：周 宁）

      Abstracts

      Exploring Japan's Role in the Alliance System

      Wang Ming

      \(long)

      An Exploration of Something Else Entirely

      Li Hua and Zhao Lei

      \(long.replacingOccurrences(of: "Japan", with: "Korea"))
      """)
    #expect(paper.englishAbstractPassage?.text == long)
  }

  @Test func anUnlabelledBlockOrAPieceCutFromAPageIsNotTheAbstract() {
    // Another article's abstract printed without its title, then the tail of the paper's own.
    let paper = IngestFixture.read(
      """
      标题

      王明

      正文段落。

      （责任编辑：周 宁）
       The outbreak of the crisis has accelerated the adjustment of the European Union and its
      member states, and Germany has become a follower rather than a leader in crisis response.
       regime. Japan’s minilateral diplomacy is faced with constraints such as differences in
      cooperation mechanisms.
      """)
    #expect(paper.englishAbstractPassage == nil)
  }

  @Test func quotingTheOwnAbstractPassesAndAnotherArticlesDoesNot() {
    checkDiagnostics(
      """
      -- corpus/王明2023.txt --
      \(Self.paperWithAbstracts)
      -- notes/a.md --
      The abstract says Japan “seeks a quasi-alliance with ASEAN, and that ‘connectivity’ is its key”[@王明2023].
      It does not say “This one is about desertification in Mongolia”[@王明2023].<!--@diag("This one is about desertification in Mongolia", quote-not-in-source)-->
      """)
  }
}

@Suite struct MarkdownDebrisTests {
  @Test func emphasisAutolinkBracketsAndEscapesAreDroppedFromPassages() throws {
    let paper = IngestFixture.read(
      """
      标题

      王明

      正文段落。①

      ① Victor Cha, “Powerplay”, *International Security*, Vol. 34, <https://example.org/a/b>\\[2024-02-18\\]; **Japan Times**.
      """)
    let note = try #require(paper.footnotes.first)
    #expect(
      note.text
        == "Victor Cha, “Powerplay”, International Security, Vol. 34, https://example.org/a/b [2024-02-18]; Japan Times."
    )
    IngestFixture.checkMapsBack(note.passage, in: paper)
  }

  @Test func aLinkToAURLKeepsItsTextOnce() throws {
    let paper = IngestFixture.read(
      """
      标题

      王明

      正文段落。①

      ① The White House, “Statement”, 2024, [https://example.gov/a/\\[2024-06-22\\]](https://example.gov/a/[2024-06-22]). Plans \\$75 bln; [see](notes) [1]. [*A](https://x.org/*b) and *C*.
      """)
    let note = try #require(paper.footnotes.first)
    #expect(
      note.text
        == "The White House, “Statement”, 2024, https://example.gov/a/[2024-06-22]. Plans $75 bln; [see](notes) [1]. *A and C."
    )
    IngestFixture.checkMapsBack(note.passage, in: paper)
  }

  @Test func asterisksThatAreNotEmphasisStay() {
    let paper = IngestFixture.read("标题 *\n\n王明\n\n正文 * 段落，3*4 与 *未闭合。\n")
    #expect(paper.paragraphs.map(\.text) == ["正文*段落，3*4与*未闭合。"])
  }
}
