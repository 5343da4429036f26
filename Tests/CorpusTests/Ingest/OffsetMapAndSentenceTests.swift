//! OffsetMap lookups both ways, and sentence ranges in normalised text.
import Testing

@testable import Corpus

@Suite struct OffsetMapLookupTests {
  /// raw: "ab\n\ncd ef" → normalised "abcd ef" with "\n\n" removed; plus an inserted space case.
  func sampleMap() -> OffsetMap {
    var map = OffsetMap()
    map.appendCopy(rawStart: 0, length: 2)  // ab
    map.appendCopy(rawStart: 4, length: 2)  // cd
    map.appendInserted(length: 1, rawAnchor: 10)  // joining space
    map.appendCopy(rawStart: 10, length: 2)  // ef
    return map
  }

  @Test func rawForNormalized() {
    let map = sampleMap()
    #expect(map.rawOffset(forNormalized: TextSize(0), bias: .start) == TextSize(0))
    #expect(map.rawOffset(forNormalized: TextSize(2), bias: .start) == TextSize(4))
    #expect(map.rawOffset(forNormalized: TextSize(2), bias: .end) == TextSize(2))
    #expect(map.rawOffset(forNormalized: TextSize(5), bias: .start) == TextSize(10))
    #expect(map.rawOffset(forNormalized: TextSize(7), bias: .end) == TextSize(12))
  }

  @Test func normalizedForRawMatchesALinearScan() {
    let map = sampleMap()
    func linear(_ r: Int) -> Int? {
      for run in map.runs where !run.inserted {
        if r < run.rawStart { return run.normalizedStart }
        if r < run.rawStart + run.length { return run.normalizedStart + r - run.rawStart }
      }
      if let last = map.runs.last(where: { !$0.inserted }), r == last.rawStart + last.length {
        return map.normalizedLength
      }
      return nil
    }
    for r in 0...14 { #expect(map.normalizedOffset(forRaw: TextSize(r))?.utf8Offset == linear(r), "raw \(r)") }
    #expect(map.exactNormalizedOffset(forRaw: TextSize(2)) == nil)
    #expect(map.exactNormalizedOffset(forRaw: TextSize(5)) == TextSize(3))
  }
}

@Suite struct SentenceTests {
  private func check(_ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(Sentences.ranges(in: text).map { text.slice($0) } == expected, sourceLocation: sourceLocation)
  }

  @Test func chinese() {
    check("日本加强合作。①东盟表示欢迎！“这是新阶段。”此后如何？", ["日本加强合作。①", "东盟表示欢迎！", "“这是新阶段。”", "此后如何？"])
  }

  @Test func latinAbbreviationsDoNotSplit() {
    check(
      "The U. S. and Japan met. No. 3 was next. Then 日本表态。",
      ["The U. S. and Japan met.", "No. 3 was next.", "Then 日本表态。"])
  }

  @Test func caretMarksStayWithTheirSentence() {
    check("两国签署宣言。^① 2022年又签署协定。^{*}", ["两国签署宣言。^①", "2022年又签署协定。^{*}"])
  }

  @Test func trailingTextWithoutPunctuation() { check("没有句号的结尾", ["没有句号的结尾"]) }
}
