//! Workspace discovery: corpus, notes, lexicon, config and its problems, concurrent reading, the examples.
import Foundation
import TestSupport
import Testing

@testable import Corpus

#if canImport(CoreFoundation)
  import CoreFoundation
#endif

/// Writes a txtar-like workspace (`-- path --` sections) into a fresh temporary folder.
private func makeWorkspace(_ txtar: String) throws -> URL {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("ws-\(UUID().uuidString)")
  var path: String?
  var body: [Substring] = []
  func flush() throws {
    guard let path else { return }
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(body.joined(separator: "\n").utf8).write(to: url)
  }
  for line in txtar.split(separator: "\n", omittingEmptySubsequences: false) {
    if line.hasPrefix("-- "), line.hasSuffix(" --") {
      try flush()
      path = String(line.dropFirst(3).dropLast(3))
      body = []
    } else {
      body.append(line)
    }
  }
  try flush()
  return root
}

@Suite struct WorkspaceTests {
  @Test func defaultsFindCorpusNotesAndLexicon() throws {
    let root = try makeWorkspace(
      """
      -- corpus/a.txt --
      标题甲

      王明

      正文。
      -- corpus/sub/b.md --
      标题乙

      李华

      正文。
      -- notes/n.md --
      # Note [@王明2020]
      -- README.md --
      readme
      -- lexicon.json --
      {"entities": []}
      """)
    defer { try? FileManager.default.removeItem(at: root) }
    let workspace = Workspace.open(root: root)
    #expect(workspace.corpusFiles == ["corpus/a.txt", "corpus/sub/b.md"])
    #expect(workspace.noteFiles == ["README.md", "notes/n.md"])
    #expect(workspace.lexiconFile == "lexicon.json")
    #expect(workspace.lexiconData() != nil)
    #expect(workspace.problems.isEmpty)
    let (papers, problems) = workspace.readPapers()
    #expect(papers.map(\.file) == ["corpus/a.txt", "corpus/sub/b.md"])
    #expect(papers.map(\.metadata.title) == ["标题甲", "标题乙"])
    #expect(problems.isEmpty)
  }

  @Test func configOverridesAndFolders() throws {
    let root = try makeWorkspace(
      """
      -- corpus-lsp.json --
      {
        "corpus": ["papers"],
        "notes": "writing",
        "documents": { "a.txt": { "title": "Overridden", "authors": ["李华"], "year": 2019, "key": "li2019" } }
      }
      -- papers/a.txt --
      标题甲

      王明

      正文。
      -- writing/n.md --
      note
      -- other.md --
      not a note here
      """)
    defer { try? FileManager.default.removeItem(at: root) }
    let workspace = Workspace.open(root: root)
    #expect(workspace.problems.isEmpty)
    #expect(workspace.corpusFiles == ["papers/a.txt"])
    #expect(workspace.noteFiles == ["writing/n.md"])
    let paper = try #require(workspace.readPapers().papers.first)
    #expect(paper.metadata.title == "Overridden")
    #expect(paper.metadata.authors == ["李华"])
    #expect(paper.metadata.year == 2019)
    #expect(paper.metadata.key == "li2019")
  }

  @Test func aDocumentsEntryForNoCorpusFileIsAProblemAtItsName() throws {
    let root = try makeWorkspace(
      """
      -- corpus-lsp.json --
      {"documents": {"a.txt": {"year": 2019}, "b": {"year": 2020}, "corpus/c.txt": {"year": 2021}, "无此文.txt": {}}}
      -- corpus/a.txt --
      标题
      -- corpus/b.txt --
      标题
      -- corpus/c.txt --
      标题
      """)
    defer { try? FileManager.default.removeItem(at: root) }
    let problems = Workspace.open(root: root).problems
    #expect(problems.map(\.message) == ["\"documents\" names \"无此文.txt\", which is no file of the corpus"])
    let text = try String(contentsOf: root.appendingPathComponent("corpus-lsp.json"), encoding: .utf8)
    #expect(problems.first?.range.map { text.slice($0) } == "\"无此文.txt\"")
  }

  /// Two papers: a.txt by 李华 (2019), b.txt by 王五 (no year).
  private let twoPapers = """

    -- corpus/a.txt --
    区域合作研究

    李华

    《国际观察》2019年第1期

    正文内容。
    -- corpus/b.txt --
    另一篇文章

    王五

    正文。
    """

  @Test func aKeyGivenInTheConfigurationThatAnotherPaperHadIsAProblem() throws {
    let root = try makeWorkspace(
      """
      -- corpus-lsp.json --
      {"documents": {"b.txt": {"key": "李华2019"}}}
      """ + twoPapers)
    defer { try? FileManager.default.removeItem(at: root) }
    let analysis = WorkspaceAnalysis.load(root: root)
    #expect(
      analysis.problems.map(\.message) == [
        "The key \"李华2019\" given to corpus/b.txt is the key of corpus/a.txt, which is now cited as 李华2019b."
      ])
    let range = try #require(analysis.problems.first?.range)
    #expect(analysis.problemTexts["corpus-lsp.json"]?.slice(range) == "\"李华2019\"")
  }

  @Test func oneKeyGivenToTwoPapersIsAProblemAtTheSecond() throws {
    let root = try makeWorkspace(
      """
      -- corpus-lsp.json --
      {"documents": {"b.txt": {"title": "changsc", "key": "changsc"}, "a.txt": {"key": "changsc"}}}
      """ + twoPapers)
    defer { try? FileManager.default.removeItem(at: root) }
    let analysis = WorkspaceAnalysis.load(root: root)
    #expect(
      analysis.problems.map(\.message) == [
        "The key \"changsc\" is given to both corpus/a.txt and corpus/b.txt; [@changsc] cites corpus/a.txt: give "
          + "corpus/b.txt a key of its own."
      ])
    let range = try #require(analysis.problems.first?.range)
    let text = try #require(analysis.problemTexts["corpus-lsp.json"])
    #expect(text.slice(range) == "\"changsc\"")
    // b.txt's key: after its title's string, before a.txt's entry.
    let before = String(decoding: Array(text.utf8)[..<range.start.utf8Offset], as: UTF8.self)
    #expect(before.hasSuffix("\"title\": \"changsc\", \"key\": "), "\(before)")
    // [@changsc] cites a.txt: b.txt keeps the key it would have had.
    #expect(analysis.index.keys(of: 1) == ["王五", "b"], "\(analysis.index.keys(of: 1))")
  }

  @Test func invalidConfigIsAProblemWithAPositionAndTheRestWorks() throws {
    let root = try makeWorkspace(
      """
      -- corpus-lsp.json --
      {
        "documents": {,}
      }
      -- corpus/a.txt --
      标题

      王明

      正文。
      """)
    defer { try? FileManager.default.removeItem(at: root) }
    let workspace = Workspace.open(root: root)
    let problem = try #require(workspace.problems.first)
    #expect(problem.kind == .invalidConfig)
    #expect(problem.file == "corpus-lsp.json")
    #expect(problem.line == 1, "\(problem)")
    #expect(workspace.corpusFiles == ["corpus/a.txt"])
    #expect(workspace.readPapers().papers.count == 1)
  }

  @Test func aConfigurationCutShortIsWrongAtItsEnd() {
    let (_, problems) = WorkspaceConfig.parse(Data("{ \"corpus\": \"corpus\",\n  \"documents\": {\n".utf8))
    #expect(problems.map(\.line) == [2], "\(problems)")  // 0-based: the empty line after the last break
  }

  @Test func wrongTypesInConfigAreReportedNearTheirKey() {
    let json = """
      {
        "documents": { "a.txt": { "year": "soon", "colour": 1 } },
        "lexicon": 3
      }
      """
    let (config, problems) = WorkspaceConfig.parse(Data(json.utf8))
    #expect(
      Set(problems.map(\.message)) == [
        "\"year\" of \"a.txt\" must be a number", "unknown field \"colour\" in document \"a.txt\"",
        "\"lexicon\" must be a path",
      ])
    #expect(problems.allSatisfy { $0.line != nil })
    #expect(config.lexicon == "lexicon.json")
    #expect(config.override(for: "corpus/a.txt") != nil)
  }

  @Test func undecodableCorpusFileIsAProblemAndOthersAreRead() throws {
    let root = try makeWorkspace(
      """
      -- corpus/good.txt --
      标题

      王明

      正文。
      """)
    defer { try? FileManager.default.removeItem(at: root) }
    try Data([0xFF, 0xFF, 0xFF, 0x81, 0x30]).write(to: root.appendingPathComponent("corpus/bad.txt"))
    let (papers, problems) = Workspace.open(root: root).readPapers()
    #expect(papers.map(\.file) == ["corpus/good.txt"])
    #expect(problems.map(\.file) == ["corpus/bad.txt"])
    #expect(problems.map(\.kind) == [.undecodableFile])
  }

  /// Workspace files are validated in place and their passages made into Strings unchecked: any ill-formed UTF-8
  /// (a surrogate, an overlong form, a scalar past U+10FFFF, a cut sequence) must be a problem, never a String.
  @Test func illFormedUTF8IsAProblemAndWellFormedEdgesAreRead() throws {
    let root = try makeWorkspace("-- corpus/placeholder.md --\n标题\n\n王明\n\n正文。")
    defer { try? FileManager.default.removeItem(at: root) }
    let head = Array("标题\n\n王明\n\n日本".utf8)
    let illFormed: [String: [UInt8]] = [
      "surrogate": [0xED, 0xA0, 0x80], "overlong": [0xE0, 0x80, 0x80], "beyond": [0xF4, 0x90, 0x80, 0x80],
      "lead-only": [0xC0, 0x80], "cut": [0xE4, 0xB8],
    ]
    for (name, bytes) in illFormed {
      try Data(head + bytes + Array("东盟。".utf8) + (name == "cut" ? [] : [0x0A]))
        .write(to: root.appendingPathComponent("corpus/\(name).txt"))
    }
    try Data([0xEF, 0xBB, 0xBF] + Array("标题\r\r王明\r\r日美澳印合作。\r".utf8))
      .write(to: root.appendingPathComponent("corpus/bom-cr.txt"))
    let (papers, problems) = Workspace.open(root: root).readPapers()
    #expect(Set(problems.map(\.file)) == Set(illFormed.keys.map { "corpus/\($0).txt" }))
    #expect(problems.allSatisfy { $0.kind == .undecodableFile })
    let bom = try #require(papers.first { $0.file == "corpus/bom-cr.txt" })
    #expect(bom.metadata.title == "标题")
    #expect(bom.paragraphs.map(\.text) == ["日美澳印合作。"])
  }

  @Test func gbkAndUTF16PapersAreDecoded() throws {
    let root = try makeWorkspace("-- corpus/placeholder.md --\n标题\n\n王明\n\n正文。")
    defer { try? FileManager.default.removeItem(at: root) }
    let text = "日本对太平洋岛国外交\n\n高远\n\n日本加大对岛国的外交投入。\n"
    let gb = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))
    let gbData = try #require(text.data(using: gb))
    try gbData.write(to: root.appendingPathComponent("corpus/gbk.txt"))
    let utf16 = Data([0xFF, 0xFE]) + Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    try utf16.write(to: root.appendingPathComponent("corpus/utf16.txt"))
    let (papers, problems) = Workspace.open(root: root).readPapers()
    #expect(problems.isEmpty)
    let decoded = papers.filter { $0.file != "corpus/placeholder.md" }
    #expect(decoded.map(\.metadata.title) == ["日本对太平洋岛国外交", "日本对太平洋岛国外交"])
    #expect(decoded.map { $0.paragraphs.map(\.text) } == [["日本加大对岛国的外交投入。"], ["日本加大对岛国的外交投入。"]])
  }

  @Test func rawTextIsReReadFromTheFileAsIndexed() throws {
    let text = "日本对太平洋\r\n岛国外交\n\n高远\n\n日本加大对岛国的\n外交投入。\n"
    let root = try makeWorkspace("-- corpus/placeholder.md --\n标题\n\n王明\n\n正文。")
    defer { try? FileManager.default.removeItem(at: root) }
    let gb = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(0x0632))
    try #require(text.data(using: gb)).write(to: root.appendingPathComponent("corpus/gbk.txt"))
    let workspace = Workspace.open(root: root)
    let fromFile = try workspace.readPaper("corpus/gbk.txt").get()
    let resident = PaperReader.parse(file: "corpus/gbk.txt", text: text)
    #expect(fromFile.rawText == text)
    #expect(fromFile.rawLineCount == resident.rawLines.lineCount)
    for offset in [0, 5, 20, text.utf8.count] {
      let size = TextSize(offset)
      let expected = resident.rawLines.lineColumn(at: size, unit: .utf16)
      #expect(fromFile.rawLines.lineColumn(at: size, unit: .utf16) == expected)
      #expect(fromFile.rawLine(containing: size) == expected.line)
    }
    // The file goes away after indexing: the model still answers, the raw text reads as empty.
    try FileManager.default.removeItem(at: root.appendingPathComponent("corpus/gbk.txt"))
    let gone = try workspace.readPaper("corpus/placeholder.md").get()
    try FileManager.default.removeItem(at: root.appendingPathComponent("corpus/placeholder.md"))
    #expect(gone.rawText == "")
    #expect(gone.paragraphs.map(\.text) == ["正文。"])
    #expect(gone.rawLines.lineCount >= 1)
  }

  @Test func missingCorpusFolderIsReported() throws {
    let root = try makeWorkspace("-- notes/n.md --\nnote")
    defer { try? FileManager.default.removeItem(at: root) }
    let workspace = Workspace.open(root: root)
    #expect(workspace.corpusFiles.isEmpty)
    #expect(workspace.problems.map(\.kind) == [.missingPath])
  }

  @Test func missingCorpusFolderWithoutConfigIsReportedOnTheFolder() throws {
    let root = try makeWorkspace("-- notes/n.md --\nnote")
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(Workspace.open(root: root).problems.map(\.file) == ["corpus"])
  }

  @Test func symlinkedCorpusFolderIsFollowed() throws {
    let shared = try makeWorkspace("-- papers/a.txt --\n标题\n\n正文。")
    let root = try makeWorkspace("-- notes/n.md --\nnote")
    defer {
      try? FileManager.default.removeItem(at: root)
      try? FileManager.default.removeItem(at: shared)
    }
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("corpus"), withDestinationURL: shared.appendingPathComponent("papers"))
    // A link back to the root must not loop.
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("notes/loop"), withDestinationURL: root)
    let workspace = Workspace.open(root: root)
    #expect(workspace.corpusFiles == ["corpus/a.txt"])
    #expect(workspace.noteFiles == ["notes/n.md"])
    #expect(workspace.problems.isEmpty)
  }

  @Test func symlinkedRootIsFollowed() throws {
    let root = try makeWorkspace("-- corpus/a.txt --\n标题\n\n正文。")
    let link = root.deletingLastPathComponent().appendingPathComponent("link-\(UUID().uuidString)")
    defer {
      try? FileManager.default.removeItem(at: root)
      try? FileManager.default.removeItem(at: link)
    }
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
    let workspace = Workspace.open(root: link)
    #expect(workspace.corpusFiles == ["corpus/a.txt"])
    #expect(workspace.problems.isEmpty)
  }

  @Test func bundledExamplesReadCleanly() throws {
    let workspace = Workspace.open(root: TestPaths.examples)
    #expect(workspace.problems.isEmpty)
    #expect(workspace.lexiconFile == "lexicon.json")
    #expect(workspace.noteFiles.count == 2)
    let (papers, problems) = workspace.readPapers()
    #expect(problems.isEmpty)
    #expect(papers.map(\.metadata.firstAuthor) == ["高远", "林晓明", "周雨桐"])
    #expect(papers.map(\.metadata.year) == [2024, 2023, 2021])
    #expect(papers.map(\.metadata.key) == ["高远2024", nil, nil])
    for paper in papers {
      #expect(IngestFixture.unclaimedLines(paper) == [], "\(paper.file)")
      for paragraph in paper.paragraphs { IngestFixture.checkMapsBack(paragraph.passage, in: paper) }
    }
    let lin = try #require(papers.first { $0.file.hasSuffix("lin-2023-maritime.txt") })
    #expect(lin.paragraphs.count == 6)
    #expect(lin.footnotes.map(\.paragraph) == [2, 3, 4, 5])
    #expect(
      lin.artefacts.map(\.kind) == [.runningHeader, .pageNumber, .publicationInfo, .englishAbstract, .foreignAbstract])
  }
}
