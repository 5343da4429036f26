//! Re-indexing reuses what did not change: papers of unchanged files, and the whole index after a note change.
import Corpus
import Foundation
import Testing

private func writeWorkspace(_ files: [String: String]) throws -> URL {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("reuse-\(UUID().uuidString)")
  for (path, text) in files {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
  return root
}

private let paper = "标题甲\n\n王明\n\n《评论》2020年第1期\n\n一、引言\n\n 各方在港口建设上的分歧逐渐缩小。\n"

@Test func aLexiconChangeDoesNotRereadPapers() throws {
  let root = try writeWorkspace(["corpus/a.txt": paper, "lexicon.json": #"{"entities": []}"#])
  defer { try? FileManager.default.removeItem(at: root) }
  let first = WorkspaceAnalysis.load(root: root)
  // The paper changes on disk but is not reported changed: a re-read would see the new text.
  try Data((paper + "\n 新增的一段文字。\n").utf8).write(to: root.appendingPathComponent("corpus/a.txt"))
  try Data(#"{"entities": [{"id": "x", "kind": "actor", "name": "港口联盟", "aliases": ["港口联盟"]}]}"#.utf8)
    .write(to: root.appendingPathComponent("lexicon.json"))
  let second = WorkspaceAnalysis.load(root: root, reusing: first, changedFiles: ["lexicon.json"])
  #expect(second.index.papers.first?.rawText == first.index.papers.first?.rawText)
  #expect(second.index.entity(forAlias: "港口联盟") != nil)
  #expect(second.generation > first.generation && second.indexGeneration == second.generation)
  // Reported changed, it is read again.
  let third = WorkspaceAnalysis.load(root: root, reusing: second, changedFiles: ["corpus/a.txt"])
  #expect(third.index.papers.first?.rawText.contains("新增") == true)
}

@Test func aNewNoteKeepsTheIndex() throws {
  let root = try writeWorkspace(["corpus/a.txt": paper, "notes/a.md": "笔记。\n"])
  defer { try? FileManager.default.removeItem(at: root) }
  let first = WorkspaceAnalysis.load(root: root)
  try Data("另一篇。\n".utf8).write(to: root.appendingPathComponent("notes/b.md"))
  let second = WorkspaceAnalysis.load(root: root, reusing: first, changedFiles: ["notes/b.md"])
  #expect(second.noteFiles == ["notes/a.md", "notes/b.md"])
  #expect(second.indexGeneration == first.indexGeneration)
  #expect(second.generation > first.generation)
}
