//! Test harness for the editor features: a txtar workspace whose notes carry emoji markers, indexed like the
//! real workspace (the sample corpus is added when the fixture has no corpus of its own).
import Foundation
import Testing
@testable import Corpus

struct FeatureWorkspace {
  let index: CorpusIndex
  /// Notes in fixture order, markers stripped.
  let notes: [NoteFile]
  /// Marker → (note, UTF-8 offset).
  let markers: [String: (file: String, offset: TextSize)]
  let lexicon: LexiconSource?
  let files: [String: String]

  static let markerNames = ["0️⃣", "1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

  init(_ text: String) {
    var fixture = Fixture(text)
    if !fixture.files.contains(where: { $0.path.hasPrefix("corpus/") }) { fixture.files += Fixture(sampleCorpus).files }
    // `{CRLF}` in a fixture line stands for a CRLF line ending (the fixture text itself uses LF).
    fixture.files = fixture.files.map { ($0.path, $0.text.replacingOccurrences(of: "{CRLF}\n", with: "\r\n")) }
    var markers: [String: (String, TextSize)] = [:]
    var notes: [NoteFile] = []
    var files: [String: String] = [:]
    for (path, marked) in fixture.files {
      var clean = ""
      for character in marked {
        if Self.markerNames.contains(String(character)) {
          markers[String(character)] = (path, clean.utf8Size)
        } else {
          clean.append(character)
        }
      }
      files[path] = clean
      if path.hasSuffix(".md"), !path.hasPrefix("corpus/") { notes.append(NoteFile(file: path, text: clean)) }
    }
    fixture.files = fixture.files.map { ($0.path, files[$0.path] ?? $0.text) }
    self.index = buildIndex(fixture)
    self.notes = notes
    self.markers = markers.mapValues { (file: $0.0, offset: $0.1) }
    self.files = files
    self.lexicon = files["lexicon.json"].map { LexiconSource(file: "lexicon.json", text: $0) }
  }

  /// The note holding `marker` (the first note when the marker is absent).
  func note(_ marker: String = "1️⃣") -> NoteFile {
    let file = markers[marker]?.file
    return notes.first { $0.file == file } ?? notes[0]
  }

  func offset(_ marker: String = "1️⃣") -> TextSize { markers[marker]?.offset ?? .zero }

  /// The text of a file of the fixture or of a paper's raw text.
  func text(of file: String) -> String {
    index.papers.first { $0.file == file }?.rawText ?? files[file] ?? ""
  }

  /// `file: text` of a range, line breaks shown as ⏎.
  func describe(_ range: FileRange) -> String {
    let slice = text(of: range.file).slice(range.range)
    return "\(range.file): " + slice.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
  }
}

/// `text` with `edits` applied (ranges into the original text).
func applying(_ edits: [(range: TextRange, newText: String)], to text: String) -> String {
  var bytes = Array(text.utf8)
  for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
    let lower = min(edit.range.start.utf8Offset, bytes.count)
    let upper = min(max(lower, edit.range.end.utf8Offset), bytes.count)
    bytes.replaceSubrange(lower..<upper, with: Array(edit.newText.utf8))
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Diff-friendly string comparison for multi-line answers.
func expectEqualText(_ actual: String, _ expected: String, sourceLocation: SourceLocation) {
  #expect(actual == expected, "\n--- actual ---\n\(actual)\n--- expected ---\n\(expected)", sourceLocation: sourceLocation)
}
