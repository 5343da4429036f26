//! The reader never traps and keeps its maps exact on mangled input (deterministic pseudo-random edits).
import Foundation
import TestSupport
import Testing

@testable import Corpus

/// A small deterministic generator (SplitMix64), so failures reproduce.
private struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Test func mangledPapersNeverTrap() throws {
  let folder = TestPaths.examples.appendingPathComponent("corpus")
  let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  let pieces = [
    "①", "^{", "^①", "*", "a ", "（一）", "一、", "\n", "\n\n", " ", "⁃\n", "（撰写：", "（责任编辑：", "[内容提要]", "。", "\r", "（A P",
    "2023年第", "Abstract: x",
  ]
  var random = SplitMix(state: 42)
  for name in names {
    let original = Array(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8))
    for _ in 0..<40 {
      var characters = original
      for _ in 0..<Int.random(in: 1...12, using: &random) {
        guard !characters.isEmpty else { break }
        let at = Int.random(in: 0..<characters.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: characters.insert(contentsOf: pieces.randomElement(using: &random) ?? "", at: at)
        case 1: characters.removeSubrange(at..<min(characters.count, at + Int.random(in: 1...40, using: &random)))
        default: characters = Array(characters.prefix(at))
        }
      }
      let paper = PaperReader.parse(file: "corpus/" + name, text: String(characters))
      for paragraph in paper.paragraphs { IngestFixture.checkMapsBack(paragraph.passage, in: paper) }
      for note in paper.footnotes { IngestFixture.checkMapsBack(note.passage, in: paper) }
      for section in paper.sections {
        #expect(section.firstParagraph >= 1 && section.lastParagraph <= paper.paragraphs.count)
      }
      _ = paper.paragraphs.map { Sentences.ranges(in: $0.text) }
    }
  }
}
