//! `corpus-lsp check` end to end: the real binary over a copy of Examples/workspace, in every format.
import Foundation
import TestSupport
import Testing

private func runCheck(_ arguments: [String], in directory: URL) throws -> (
  status: Int32, stdout: String, stderr: String
) {
  let process = Process()
  process.executableURL = TestClient.serverBinary
  process.arguments = ["check"] + arguments
  process.currentDirectoryURL = directory
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  process.standardInput = FileHandle.nullDevice
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// A scratch copy of the example workspace, with extra files written into it.
private func exampleCopy(adding files: [String: String] = [:]) throws -> URL {
  let target = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
  try FileManager.default.copyItem(at: TestPaths.examples, to: target)
  for (path, text) in files {
    let url = target.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
  return target
}

private let brokenNote = """
  # Broken
  𠀀 见 [@林晓明2024, ¶5]。
  另见 [@林晓明2023, ¶999] 与 [[东盟盟]]。
  """

private var binaryExists: Bool { FileManager.default.fileExists(atPath: TestClient.serverBinary.path) }

@Suite(.enabled(if: binaryExists)) struct CheckCommandTests {
  @Test func exampleWorkspaceIsClean() throws {
    let workspace = try exampleCopy()
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try runCheck([], in: workspace)
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("0 errors"))
  }

  @Test func textFormatPrintsFileLineColumnSeverityMessageRule() throws {
    let workspace = try exampleCopy(adding: ["notes/broken.md": brokenNote])
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try runCheck(["--workspace", workspace.path], in: FileManager.default.temporaryDirectory)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3, "\(result.stdout)")
    // Columns count scalars: 𠀀 is one column, so `林` of the key is column 7.
    #expect(lines.first?.hasPrefix("notes/broken.md:2:7: error: ") == true, "\(lines)")
    #expect(lines.first?.hasSuffix("[unknown-citation-key]") == true)
    #expect(lines.contains { $0.hasPrefix("notes/broken.md:3:") && $0.hasSuffix("[locator-out-of-range]") })
    #expect(lines.contains { $0.hasSuffix("[unknown-entity-link]") })
    #expect(result.stderr.contains("3 errors, 0 warnings in 3 files"))
  }

  @Test func pathsSelectNotes() throws {
    let workspace = try exampleCopy(adding: ["notes/broken.md": brokenNote])
    defer { try? FileManager.default.removeItem(at: workspace) }
    let clean = try runCheck(["notes/maritime-aid.md"], in: workspace)
    #expect(clean.status == 0, "\(clean.stdout)")
    let broken = try runCheck(["notes"], in: workspace)
    #expect(broken.status == 1)
    let missing = try runCheck(["notes/nothing.md"], in: workspace)
    #expect(missing.status == 2)
  }

  @Test func jsonFormatIsTheDocumentedInterface() throws {
    let workspace = try exampleCopy(adding: ["notes/broken.md": brokenNote])
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try runCheck(["--format", "json"], in: workspace)
    #expect(result.status == 1)
    let json = try JSON.decode(Data(result.stdout.utf8))
    #expect(json["columnUnit"] == "unicodeCodePoints")
    #expect(json["summary"]["errors"] == 3 && json["summary"]["files"] == 3 && json["summary"]["warnings"] == 0)
    let first = json["diagnostics"][0]
    #expect(first["file"] == "notes/broken.md" && first["line"] == 2 && first["column"] == 7)
    #expect(first["rule"] == "unknown-citation-key" && first["severity"] == "error")
    #expect(first["suggestions"][0] == "林晓明2023")
    #expect(first["endLine"].exists && first["endColumn"].exists && first["message"].string != nil)
  }

  @Test func sarifFormatIsCodeScanningReady() throws {
    let workspace = try exampleCopy(adding: ["notes/broken.md": brokenNote])
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try runCheck(["--format=sarif"], in: workspace)
    #expect(result.status == 1)
    let sarif = try JSON.decode(Data(result.stdout.utf8))
    #expect(sarif["version"] == "2.1.0" && sarif["$schema"].exists)
    let run = sarif["runs"][0]
    #expect(run["columnKind"] == "unicodeCodePoints")
    #expect(run["tool"]["driver"]["name"] == "corpus-lsp" && run["tool"]["driver"]["informationUri"].exists)
    #expect((run["tool"]["driver"]["rules"].array ?? []).contains { $0["id"] == "unknown-entity-link" })
    let location = run["results"][0]["locations"][0]["physicalLocation"]
    #expect(location["artifactLocation"]["uri"] == "notes/broken.md")
    #expect(location["artifactLocation"]["uriBaseId"] == "%SRCROOT%")
    #expect(location["region"]["startLine"] == 2 && location["region"]["startColumn"] == 7)
    #expect(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].string?.hasPrefix("file://") == true)
  }

  @Test func sarifRelatedLocationsArePlacedInThePaper() throws {
    let note = "# Misplaced\n“允许日本直接向他国军队提供装备”[@林晓明2023, ¶4]。\n"
    let workspace = try exampleCopy(adding: ["notes/misplaced.md": note])
    defer { try? FileManager.default.removeItem(at: workspace) }
    let result = try runCheck(["--format=sarif", "notes/misplaced.md"], in: workspace)
    let sarif = try JSON.decode(Data(result.stdout.utf8))
    let finding = sarif["runs"][0]["results"][0]
    #expect(finding["ruleId"] == "quote-in-other-paragraph", "\(result.stdout)")
    let related = try #require(finding["relatedLocations"].array?.first)
    let location = related["physicalLocation"]
    #expect(location["artifactLocation"]["uri"] == "corpus/lin-2023-maritime.txt")
    // Where the quotation really is: well into the paper, not the 1:1 of a file whose text was not at hand.
    #expect((location["region"]["startLine"].int ?? 0) > 5, "\(related)")
  }

  @Test func workspaceProblemsAreFindings() throws {
    let workspace = try exampleCopy(adding: ["lexicon.json": "{\"entities\": [", "corpus/bad.txt": ""])
    defer { try? FileManager.default.removeItem(at: workspace) }
    try Data([0xFF, 0xFE, 0x00, 0xD8, 0x41]).write(to: workspace.appendingPathComponent("corpus/bad.txt"))
    let result = try runCheck([], in: workspace)
    #expect(result.stdout.contains("[invalid-lexicon]"), "\(result.stdout)")
    #expect(result.status == 1)
  }

  @Test func aNoteOutsideTheWorkspaceIsCheckedAgainstIt() throws {
    let workspace = try exampleCopy()
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).md")
    try Data("见[@无此人2020]。\n".utf8).write(to: outside)
    defer {
      try? FileManager.default.removeItem(at: workspace)
      try? FileManager.default.removeItem(at: outside)
    }
    let result = try runCheck([outside.path], in: workspace)
    #expect(result.stdout.contains("[unknown-citation-key]"), "\(result.stdout)")
    #expect(!result.stdout.contains("[unreadable-file]"), "\(result.stdout)")
    #expect(result.status == 1)
  }

  @Test func aWorkspaceWithoutACorpusExitsTwoAfterItsFindings() throws {
    let workspace = try exampleCopy(adding: [:])
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.removeItem(at: workspace.appendingPathComponent("corpus"))
    let result = try runCheck([], in: workspace)
    #expect(result.stdout.contains("[invalid-config]"), "\(result.stdout)")
    #expect(result.stderr.contains("check: no corpus"), "\(result.stderr)")
    #expect(result.status == 2)
  }

  @Test func usageErrorsExitTwo() throws {
    let directory = FileManager.default.temporaryDirectory
    #expect(try runCheck(["--format", "xml"], in: directory).status == 2)
    #expect(try runCheck(["--nope"], in: directory).status == 2)
    #expect(try runCheck(["--workspace", "/nonexistent/folder"], in: directory).status == 2)
    let help = try runCheck(["--help"], in: directory)
    #expect(help.status == 0 && help.stdout.contains("Unicode scalars"))
  }
}
