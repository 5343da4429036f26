//! Where paragraphs begin and end: hand-written wrapped fixtures, and the reference papers' boundaries as raw lines.
import Foundation
import TestSupport
import Testing

@testable import Corpus

/// The raw line (1-based) on which each paragraph of a paper begins.
private func paragraphStartLines(_ paper: Paper) -> [Int] {
  paper.paragraphs.map { paragraph in
    let start = paragraph.passage.map.runs.first { !$0.inserted }?.rawStart ?? 0
    return paper.rawLines.line(containing: TextSize(start)) + 1
  }
}

private func referencePaper(_ prefix: String) -> Paper? { ReferencePapers.paper(prefix) }

/// A wrapped page of 32 characters a line (64 half-ems); each paragraph's first line is indented by two
/// characters, which extraction drops, so first lines are 60 half-ems or less.
private let wrappedPage = """
  东盟安全合作

  王明

  日本与东盟的安全合作一般被追溯到冷战结束后的20世纪90年代。
  1991年，双方召开了第一次安全对话会议，并且在之后形成了固定的对话
  机制，但双方的互动频次以及合作程度在整个九十年代都比较低，对话内
  容也很少涉及实质性的安全合作议题，双方在地区事务上的协调同样很有
  限，合作主要停留在人员往来和一般性的政策说明上。
  进入新世纪以后，双方的合作范围逐步扩大，从海上执法延伸到了防
  务交流、装备转移和联合训练等领域，合作的形式也从单纯的援助逐步地
  转向更加平等的伙伴关系，合作的机制化程度也随之有了很大程度提高。
  2023年3月，双方在东京举行了首次防务副部长级会谈，宣布今后将定期
  交换意见并开设紧急热线。
  从整体上看，双方合作的动力主要来自外部环境的变化，而不是来自
  双方内部的需求，东盟内部对于这种合作的看法也开始出现了一些分歧，
  部分国家担心过度依赖外部力量会削弱东盟在地区事务中的中心地位，而
  另一些国家则希望借助外部资源提升自身的海上执法能力和防务水平，这
  种合作模式的稳定性因此受到了很大的限制，短期之内难以根本地改变。
  此外，东盟国家普遍不愿在大国竞争中选边站队，这也限制了双方的
  合作深度，日本只能在不触动东盟敏感神经的前提下谨慎地推进各项合作
  事宜。
  """

@Suite struct ParagraphBoundaryTests {
  @Test func wrappedParagraphsEndWhereTheLineWidthsSay() {
    let paper = IngestFixture.read(wrappedPage)
    let openings = paper.paragraphs.map { String($0.text.prefix(6)) }
    // ¶1: its indented first line ends a sentence two characters short, but the next line is full: it goes on.
    // ¶2: a full line ends a sentence and the next, full too, opens with a date: it goes on.
    // ¶3 and ¶4: a full line ends a sentence and the next is indented: a new paragraph.
    #expect(openings == ["日本与东盟的", "进入新世纪以", "从整体上看，", "此外，东盟国"])
    #expect(paper.paragraphs.first?.text.contains("90年代。1991年，") == true)
    #expect(paper.paragraphs.dropFirst().first?.text.contains("提高。2023年3月，") == true)
    for paragraph in paper.paragraphs { IngestFixture.checkMapsBack(paragraph.passage, in: paper) }
  }

  /// Paragraph-per-line text: a line is a paragraph even when its enumeration's first item runs on after the lead-in
  /// and the second item opens the next line. Splitting it guessed at a lost break, and a quotation copied across
  /// the colon was then in no passage.
  @Test func anEnumerationsFirstItemRunOnAfterItsLeadInStaysInItsLine() {
    let paper = IngestFixture.read(
      """
      标题

      王明

      日本积极参与芯片领域的合作，主要体现在：一是加强与美国的双边合作。两国建立了联合工作组。
      二是与其他盟友共同打造芯片联盟。三方同意共同限制出口。
      合作的动因包括：一是维护供应链安全；二是争夺技术标准。
      最后一段说明局限：一是成本高昂。
      后续的段落并不以二是开头。
      """)
    #expect(
      paper.paragraphs.map(\.text) == [
        "日本积极参与芯片领域的合作，主要体现在：一是加强与美国的双边合作。两国建立了联合工作组。",
        "二是与其他盟友共同打造芯片联盟。三方同意共同限制出口。", "合作的动因包括：一是维护供应链安全；二是争夺技术标准。",
        "最后一段说明局限：一是成本高昂。", "后续的段落并不以二是开头。",
      ])
    for paragraph in paper.paragraphs { IngestFixture.checkMapsBack(paragraph.passage, in: paper) }
  }

  @Test func anInlineEnumerationStaysInItsParagraph() {
    let paper = IngestFixture.read(
      """
      标题

      王明

      合作的动因包括：一是维护供应链安全；二是争夺技术标准。
      二是这一段本身另起一行，但前一段已经列出了第二项。
      """)
    #expect(paper.paragraphs.count == 2)
  }
}

/// Where each reference paper's paragraphs begin, as raw line numbers, read against the PDF's layout: a paragraph
/// starts after a line that ends a sentence short of the full width, or on an indented line (two characters
/// short); in paragraph-per-line text, on its own line. Repeated numbers are paragraphs split inside one line.
private let referenceStarts: [String: [Int]] = [
  "000": [
    24, 41, 53, 73, 102, 136, 169, 191, 199, 224, 252, 258, 289, 309, 317, 358, 376, 380, 411, 427, 443, 460, 468, 496,
    523, 527, 551, 586, 590, 643, 655, 673,
  ],
  "001": [
    18, 24, 40, 54, 56, 72, 74, 86, 88, 98, 114, 130, 142, 152, 154, 164, 166, 174, 188, 198, 202, 224, 226, 238, 240,
    252, 262, 264, 278, 292, 308, 312, 316, 326, 342, 354, 368, 382, 398, 400, 412,
  ],
  "002": [15, 19, 23, 25, 29, 33, 35, 37, 41, 45, 49, 51, 57, 59, 61, 63, 67],
  "003": [
    28, 63, 69, 104, 143, 182, 194, 238, 248, 291, 299, 305, 313, 358, 379, 430, 444, 484, 494, 543, 574, 580, 600, 622,
    642, 646, 674, 711, 737, 753,
  ],
  "004": [
    20, 35, 51, 73, 114, 130, 161, 189, 205, 259, 306, 351, 369, 385, 430, 442, 477, 509, 544, 562, 593, 627, 656, 662,
    717, 725, 786, 845, 851, 881, 920,
  ],
]

@Suite(.enabled(if: TestPaths.sharedCorpus != nil)) struct ReferenceParagraphBoundaryTests {
  @Test(arguments: ["000", "001", "002", "003", "004"]) func paragraphsBeginWhereTheAuthorBeganThem(prefix: String)
    throws
  {
    let paper = try #require(referencePaper(prefix))
    let starts = paragraphStartLines(paper)
    let expected = try #require(referenceStarts[prefix])
    #expect(paper.paragraphs.count == expected.count)
    #expect(starts == expected)
  }

  /// No paragraph is cut inside a sentence: each ends with sentence-final punctuation (after its closing quotes
  /// and footnote marks) and none opens with what continues a sentence (a closing mark, a comma, a lowercase word).
  @Test(arguments: ["000", "001", "002", "003", "004"]) func paragraphsAreWholeSentences(prefix: String) throws {
    let paper = try #require(referencePaper(prefix))
    for paragraph in paper.paragraphs {
      var scalars = Array(paragraph.text.unicodeScalars)
      func isMarkOrCloser(_ v: UInt32, after previous: UInt32) -> Bool {
        CharClass.circledNumber(v) != nil || CharClass.isCloser(v) || [0x5E, 0x7B, 0x7D, 0x2A].contains(v)
          || ((0x61...0x68).contains(v) && CharClass.isWide(previous))
      }
      while scalars.count > 1,
        isMarkOrCloser(scalars[scalars.count - 1].value, after: scalars[scalars.count - 2].value)
      {
        scalars.removeLast()
      }
      let ending = scalars.last.map { CharClass.isTerminal($0.value) } ?? false
      #expect(ending, "¶\(paragraph.number) ends inside a sentence")
      let first = paragraph.text.unicodeScalars.first?.value ?? 0
      let continues =
        CharClass.isCloser(first) || (0x61...0x7A).contains(first) || [0xFF0C, 0x3001, 0x3002].contains(first)
      #expect(!continues, "¶\(paragraph.number) opens inside a sentence")
    }
  }
}
