//! Helpers for ingest tests: read a paper from text, check that every passage maps back to its raw text.
import Foundation
import Testing

@testable import Corpus

enum IngestFixture {
  static func read(_ text: String, file: String = "corpus/test.txt") -> Paper {
    PaperReader.parse(file: file, text: text)
  }

  /// The raw bytes each copied run of a passage came from, concatenated, must equal the passage with its
  /// inserted bytes removed; and every run must lie inside the raw text.
  static func checkMapsBack(_ passage: Passage, in paper: Paper, sourceLocation: SourceLocation = #_sourceLocation) {
    let raw = Array(paper.rawText.utf8)
    let text = Array(passage.text.utf8)
    var rebuilt: [UInt8] = []
    var kept: [UInt8] = []
    for run in passage.map.runs {
      let normalized = Array(text[run.normalizedStart..<min(text.count, run.normalizedStart + run.length)])
      if run.inserted {
        #expect(normalized.allSatisfy { $0 == 0x20 }, "only spaces are inserted", sourceLocation: sourceLocation)
        continue
      }
      #expect(run.rawStart + run.length <= raw.count, sourceLocation: sourceLocation)
      guard run.rawStart + run.length <= raw.count else { return }
      rebuilt += raw[run.rawStart..<(run.rawStart + run.length)]
      kept += normalized
    }
    #expect(rebuilt == kept, "passage bytes equal their raw source", sourceLocation: sourceLocation)
    #expect(passage.map.normalizedLength == text.count, sourceLocation: sourceLocation)
  }

  /// Every non-blank raw line belongs to a paragraph, a footnote, a metadata field, a section heading or an
  /// artefact; none belongs to both a paragraph and a footnote. Returns the lines nothing claims.
  static func unclaimedLines(_ paper: Paper) -> [String] {
    var owners = [Set<String>](repeating: [], count: paper.rawLines.lineCount)
    func claim(_ range: TextRange, _ owner: String) {
      guard range.length > 0 else { return }
      let first = paper.rawLines.line(containing: range.start)
      let last = paper.rawLines.line(containing: TextSize(max(range.start.utf8Offset, range.end.utf8Offset - 1)))
      for line in first...last where owners.indices.contains(line) { owners[line].insert(owner) }
    }
    func claimRuns(_ passage: Passage, _ owner: String) {
      for run in passage.map.runs where !run.inserted {
        claim(TextRange(run.rawStart, run.rawStart + run.length), owner)
      }
    }
    for paragraph in paper.paragraphs { claimRuns(paragraph.passage, "paragraph") }
    for note in paper.footnotes {
      claimRuns(note.passage, "footnote")
      // The mark itself is not part of the note's text: claim the whole first line.
      if let first = note.passage.map.runs.first { claim(TextRange(first.rawStart, first.rawStart + 1), "footnote") }
    }
    for range in paper.metadataSources.values { claim(range, "metadata") }
    for section in paper.sections { claim(section.headingRange, "heading") }
    for artefact in paper.artefacts { claim(artefact.rawRange, "artefact") }
    var lost: [String] = []
    for line in 0..<paper.rawLines.lineCount {
      let range = TextRange(start: paper.rawLines.lineStart(line), end: paper.rawLines.lineEnd(line))
      let text = paper.rawText.slice(range).trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { continue }
      if owners[line].isEmpty { lost.append("\(line + 1): \(text)") }
      if owners[line].contains("paragraph") && owners[line].contains("footnote") {
        lost.append("\(line + 1) (paragraph and footnote): \(text)")
      }
    }
    return lost
  }
}
