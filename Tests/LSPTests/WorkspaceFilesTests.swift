//! `Snapshot.lineIndex(of:analysis:)`: the one answer to "which text are this file's ranges counted in".
import Corpus
import Foundation
import LSP
import TestSupport
import Testing

@Suite struct WorkspaceFilesTests {
  let analysis = WorkspaceAnalysis.load(root: TestPaths.examples)
  let paper = "corpus/lin-2023-maritime.txt"
  let note = "notes/maritime-aid.md"

  func snapshot(open documents: [(file: String, text: String)] = []) -> Snapshot {
    var store = DocumentStore()
    for (file, text) in documents {
      store.open(uri: analysis.uri(of: file), languageID: "markdown", version: 1, text: text)
    }
    return Snapshot(documents: store, encoding: .utf16, analysis: analysis)
  }

  @Test func aClosedPaperIsCountedInItsRawTextAsIndexed() throws {
    let lines = try #require(snapshot().lineIndex(of: paper, analysis: analysis))
    let raw = try #require(analysis.paper(file: paper)).rawText
    #expect(lines.text == raw)
  }

  @Test func anOpenFileIsCountedInTheEditorsCopy() throws {
    let edited = "第一行\n第二行\n"
    let snapshot = snapshot(open: [(paper, edited), (note, "# 笔记\n")])
    #expect(snapshot.lineIndex(of: paper, analysis: analysis)?.text == edited)
    #expect(snapshot.lineIndex(of: note, analysis: analysis)?.text == "# 笔记\n")
  }

  @Test func aClosedNoteIsCountedInItsTextOnDisk() throws {
    let lines = try #require(snapshot().lineIndex(of: note, analysis: analysis))
    let disk = try String(contentsOf: TestPaths.examples.appendingPathComponent(note), encoding: .utf8)
    #expect(lines.text == disk)
  }

  @Test func aMissingFileHasNoLines() {
    #expect(snapshot().lineIndex(of: "notes/no-such-note.md", analysis: analysis) == nil)
  }
}
