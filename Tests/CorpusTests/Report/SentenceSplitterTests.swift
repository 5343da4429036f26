//! Tests of sentence boundaries in normalised passage text.
import Corpus
import Testing

private func checkSentences(_ text: String, expect expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
  let sentences = SentenceSplitter.sentences(in: text).map { text.slice($0) }
  #expect(sentences == expected, sourceLocation: sourceLocation)
  // The scan outwards from any sentence's start agrees with the full split.
  let bytes = Array(text.utf8)
  for range in SentenceSplitter.sentences(in: text) {
    #expect(SentenceSplitter.sentence(containing: range.start, in: bytes) == range, sourceLocation: sourceLocation)
    #expect(SentenceSplitter.sentence(containing: range.end + -1, in: bytes) == range, sourceLocation: sourceLocation)
  }
}

@Test func splitsAfterChineseTerminators() {
  checkSentences("甲国访问乙国。双方签署协定！是否有效？尚待观察；后续再议", expect: ["甲国访问乙国。", "双方签署协定！", "是否有效？", "尚待观察；", "后续再议"])
}

@Test func closingQuotesStayWithTheirSentence() {
  checkSentences("他说：“合作很重要。”随后离开。（见附录。）结束", expect: ["他说：“合作很重要。”", "随后离开。", "（见附录。）", "结束"])
}

@Test func latinFullStopsNeedAFollowingSpace() {
  checkSentences("The U.S. grew 2.5 percent. Japan agreed! Why? Done", expect: ["The U.S. grew 2.5 percent.", "Japan agreed!", "Why?", "Done"])
}

@Test func lineEndsAndFullWidthSpacesSeparate() {
  checkSentences("　第一行\n第二行\r\n\n", expect: ["第一行", "第二行"])
}

@Test func emptyTextHasNoSentences() {
  checkSentences("", expect: [])
  checkSentences("   ", expect: [])
}
