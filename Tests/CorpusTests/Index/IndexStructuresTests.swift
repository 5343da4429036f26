//! Tests for the index's data structures: the character-level automaton under the scanner (classes of 1-, 2-, 3-
//! and 4-byte characters, failure links, ASCII case, bytes that are not UTF-8), alias keys looked up by their bytes,
//! and discovery's occurrence count.
import Testing

@testable import Corpus

@Suite struct MentionAutomatonTests {
  /// `(pattern, start, end)` of every match, as byte offsets.
  private func matches(_ patterns: [String], in text: String) -> [String] {
    let automaton = MentionAutomaton(keys: patterns.map { Array($0.utf8).map(MentionScanner.fold) })
    var found: [String] = []
    var text = text
    text.withUTF8 { bytes in
      automaton.forEachMatch(in: bytes) { pattern, end in
        found.append("\(patterns[pattern])@\(end - patterns[pattern].utf8.count)")
      }
    }
    return found
  }

  @Test func everyWidthOfCharacter() {
    #expect(matches(["ab", "é·", "日本", "𠮷野"], in: "xab é· 日本 𠮷野") == ["ab@1", "é·@4", "日本@9", "𠮷野@16"])
  }

  @Test func overlappingPatternsThroughFailureLinks() {
    #expect(matches(["日本", "本国", "日本国民"], in: "日本国民") == ["日本@0", "本国@3", "日本国民@0"])
    #expect(matches(["美日", "日美澳"], in: "美日美澳") == ["美日@0", "日美澳@3"])
  }

  @Test func asciiCapitalsMatchTheFoldedPattern() {
    #expect(matches(["nato"], in: "NATO Nato nato") == ["nato@0", "nato@5", "nato@10"])
  }

  /// A long text is read as two halves at once: every occurrence is reported once, those across the middle
  /// included.
  @Test func longTextsFindWhatANaiveSearchFinds() {
    expectNaiveSearchAgrees(
      patterns: ["日本", "本国", "日本国民", "美", "美日", "日美澳", "nato", "Quad", "𠮷野", "é·", "a"],
      pieces: ["日", "本", "国", "民", "美", "澳", "NATO ", "quad", "𠮷", "野", "é", "·", "a", "，", "的", " "],
      lengths: [255, 256, 257, 300, 511, 1024, 4000], seed: 0x2545_F491_4F6C_DD1D)
  }

  /// A state whose failure state has a row longer than `inheritedRowLimit` keeps its own transitions and walks
  /// on at scan time (`ba` fails to `a`, which starts 80 words; `cba` fails to the partial `ba`).
  @Test func partialStatesWalkOnToTheirFailureStates() {
    let seconds = (0..<80).map { String(UnicodeScalar(0x4E00 + $0)!) }
    #expect(seconds.count > MentionAutomaton.inheritedRowLimit)
    expectNaiveSearchAgrees(
      patterns: seconds.map { "a" + $0 } + ["ba", "cba", "ba" + seconds[5], "a"],
      pieces: ["a", "b", "c", " "] + seconds.prefix(8), lengths: [40, 300, 2000], seed: 42)
  }

  /// Pseudo-random texts of each length, made of `pieces`: the automaton reports every occurrence a naive search
  /// finds (ASCII case folded), and no other.
  private func expectNaiveSearchAgrees(patterns: [String], pieces: [String], lengths: [Int], seed start: UInt64) {
    let keys = patterns.map { Array($0.utf8).map(MentionScanner.fold) }
    let automaton = MentionAutomaton(keys: keys)
    var seed = start
    for length in lengths {
      var text = ""
      while text.utf8.count < length {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(seed >> 33) % pieces.count]
      }
      let folded = Array(text.utf8).map(MentionScanner.fold)
      var expected: [String] = []
      for (number, key) in keys.enumerated() {
        for start in 0...(folded.count - key.count) where Array(folded[start..<start + key.count]) == key {
          expected.append("\(number)@\(start)")
        }
      }
      var found: [String] = []
      var unfolded = text  // capitals in the text match the folded keys
      unfolded.withUTF8 { buffer in
        automaton.forEachMatch(in: buffer) { pattern, end in found.append("\(pattern)@\(end - keys[pattern].count)") }
      }
      #expect(found.sorted() == expected.sorted(), "length \(length)")
    }
  }

  /// The built-in lexicon's automaton takes one step a character everywhere: no state of it walks on.
  @Test func theBuiltInLexiconHasNoPartialState() {
    #expect(MentionScanner(entities: Lexicon.builtin).automaton.partialStateCount == 0)
  }

  @Test func brokenBytesNeverTrap() {
    let bytes: [UInt8] = [0xE6, 0x97, 0xA5, 0xE6, 0x9C, 0xAC, 0x80, 0xE6, 0x97, 0xA5, 0xE6, 0x9C]
    let automaton = MentionAutomaton(keys: [Array("日本".utf8)])
    var ends: [Int] = []
    bytes.withUnsafeBufferPointer { buffer in automaton.forEachMatch(in: buffer) { _, end in ends.append(end) } }
    #expect(ends == [6])
  }
}

@Suite struct KnownAliasKeysTests {
  @Test func plainKeysAreFoundByTheirBytes() {
    let known = KnownAliasKeys(["日本", "quad", "“印太”"])
    #expect(known.contains("日本"))
    #expect(known.contains("quad"))
    #expect(known.contains("“印太”"))
    #expect(!known.contains("日本国"))
  }

  @Test func canonicalEquivalenceIsKept() {
    // A compatibility ideograph (U+F900) is canonically the unified one (U+8C48); é may be written decomposed.
    let known = KnownAliasKeys(["\u{F900}", "caf\u{E9}"])
    #expect(known.contains("\u{8C48}"))
    #expect(known.contains("\u{F900}"))
    #expect(known.contains("cafe\u{301}"))
    #expect(KnownAliasKeys(["cafe\u{301}"]).contains("caf\u{E9}"))
  }
}

@Suite struct AliasKeyIndexTests {
  @Test func equalKeysShareOneEntry() {
    var index = AliasKeyIndex()
    index.set("日本", 0)
    index.set("caf\u{E9}", 1)
    index.set("\u{8C48}", 2)
    index.set("한국", 3)
    #expect(index["日本"] == 0)
    #expect(index["cafe\u{301}"] == 1)
    #expect(index["\u{F900}"] == 2)
    #expect(index["한국"] == 3)
    #expect(index["日本国"] == nil)
    index.set("cafe\u{301}", 4)
    #expect(index["caf\u{E9}"] == 4)
  }
}

@Test func occurrencesCountFromTheLeftWithoutOverlapping() {
  func count(_ needle: String, _ haystack: String, _ limit: Int = 10) -> Int {
    var haystack = haystack
    return haystack.withUTF8 { Discovery.count(Array(needle.utf8), in: $0, atMost: limit) }
  }
  #expect(count("aa", "aaa") == 1)
  #expect(count("aa", "aaaa") == 2)
  #expect(count("林芳正", "外相林芳正表示，林芳正称") == 2)
  #expect(count("林芳正", "外相林芳正表示，林芳正称", 1) == 1)
  #expect(count("林芳", "林") == 0)
  #expect(count("", "abc") == 0)
  // The byte searched for (the last) also occurs elsewhere: 正 ends in 0xA3, as do other characters.
  #expect(count("林芳正", "正在林芳，芳正林芳正") == 1)
  #expect(count("岸田", "岸田文雄与岸田、林芳正会谈，岸田文雄称") == 3)
  #expect(count("岸田文雄", "岸田文雄与岸田、林芳正会谈，岸田文雄称") == 2)
  #expect(count("茂木敏充", "岸田文雄与岸田、林芳正会谈，岸田文雄称") == 0)
}

@Test func officesAreFoundLeftmostLongest() {
  var text = "日本外务大臣林芳正与防卫大臣会谈；副总统"
  let words = WordsByFirstCharacter(["大臣", "外务大臣", "防卫大臣", "总统", "副总统"].map { Array($0.utf8) })
  var found: [String] = []
  text.withUTF8 { bytes in words.forEachLeftmostLongest(in: bytes) { found.append("\($0)-\($1)") } }
  #expect(found == ["6-18", "30-42", "51-60"])
}

@Test func occurrencesAgreeWithASearchForTheWordAlone() {
  // Random text over a few characters (and bytes of theirs), so that needles overlap, repeat and cross the
  // eight-byte windows at every offset.
  func naive(_ needle: [UInt8], _ text: [UInt8], _ limit: Int) -> Int {
    guard !needle.isEmpty, needle.count <= text.count else { return 0 }
    var found = 0
    var start = 0
    while start + needle.count <= text.count, found < limit {
      if Array(text[start..<(start + needle.count)]) == needle {
        found += 1
        start += needle.count
      } else {
        start += 1
      }
    }
    return found
  }
  var generator = SystemRandomNumberGenerator()
  let pieces = ["林", "芳", "正", "a", "aa", "，"].map { Array($0.utf8) }
  for _ in 0..<500 {
    let text = (0..<Int.random(in: 0...30, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
    let needle = (0..<Int.random(in: 1...3, using: &generator)).flatMap { _ in pieces.randomElement(using: &generator)! }
    let limit = Int.random(in: 1...4, using: &generator)
    let counted = text.withUnsafeBufferPointer { Discovery.count(needle, in: $0, atMost: limit) }
    #expect(counted == naive(needle, text, limit), "\(needle) in \(text)")
  }
}
