//! End to end: `corpus-lsp --help`, `--version`, `serve --help` and bad options.
import Foundation
import TestSupport
import Testing

@Suite struct CommandLineTests {
  func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = TestClient.serverBinary
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test func versionAndHelp() throws {
    let version = try run(["--version"])
    #expect(version.status == 0)
    #expect(version.output.hasPrefix("corpus-lsp "))
    let help = try run(["--help"])
    #expect(help.status == 0)
    #expect(help.output.contains("serve"))
    let serveHelp = try run(["serve", "--help"])
    #expect(serveHelp.status == 0)
    #expect(serveHelp.output.contains("--log-level"))
  }

  @Test func missingWorkspaceIsAUsageError() throws {
    let result = try run(["serve", "--workspace", "/nonexistent/corpus-lsp-workspace"])
    #expect(result.status == 2)
    #expect(result.output.contains("is not a folder"))
  }

  @Test func workspaceOptionIsTheRootTheServerAnnounces() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-lsp-ws-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try TestClient(arguments: ["--workspace", folder.path])
    try client.initialize(rootURI: "file:///somewhere/else")
    let log = try client.nextNotification("window/logMessage")
    #expect(log["params"]["message"].string?.contains(folder.lastPathComponent) == true, "\(client.note)")
    try client.finish()
  }

  @Test func aWorkspaceWithoutACorpusIsAWorkspaceErrorForEveryCorpusCommand() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-lsp-nocorpus-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for command in [["index"], ["quote", "日本"], ["report", "--out", folder.appendingPathComponent("r").path]] {
      let result = try run(command + ["--workspace", folder.path])
      #expect(result.status == 2, "\(command): \(result.output)")
      #expect(result.output.contains("The corpus folder \"corpus\" does not exist"), "\(command): \(result.output)")
      #expect(result.output.contains("\(command[0]): no corpus"), "\(command): \(result.output)")
    }
  }

  /// `quote`: a match with its citation ready to paste (exit 0); words that are only in text the paper set aside
  /// (the English abstracts printed after it) are not found, and the output says where they are (exit 1).
  @Test func quoteFindsPassagesAndNamesTextSetAside() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-lsp-quote-\(getpid())")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let paper = """
      日本与太平洋岛国的关系

      王五

      《太平洋研究》2023年第1期

      一、引言

       日本近年来加大了对太平洋岛国的援助，双方在渔业与气候领域的合作不断深化。

      （责任编辑：赵六）
       The European Union has revised its trade strategy after the pandemic, and its members
      disagree on how far to go in screening foreign investment in critical sectors.

      """
    try paper.write(to: folder.appendingPathComponent("corpus/王五2023.txt"), atomically: true, encoding: .utf8)

    let found = try run(["quote", "双方在渔业与气候领域的合作", "--workspace", folder.path])
    #expect(found.status == 0, "\(found.output)")
    #expect(found.output.contains("found 1 match:"), "\(found.output)")
    #expect(found.output.contains("“双方在渔业与气候领域的合作”[@王五2023, ¶1]"), "\(found.output)")

    let setAside = try run(["quote", "screening foreign investment", "--workspace", folder.path])
    #expect(setAside.status == 1, "\(setAside.output)")
    #expect(setAside.output.contains("in text the reader sets aside (no passage, not quotable):"), "\(setAside.output)")
    #expect(
      setAside.output.contains("corpus/王五2023.txt:13:30  王五2023  the English abstracts printed after the paper"),
      "\(setAside.output)")

    let json = try run(["quote", "screening foreign investment", "--json", "--workspace", folder.path])
    let root = try #require(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let places = try #require(root["setAside"] as? [[String: Any]])
    #expect(places.count == 1)
    #expect(places.first?["kind"] as? String == "englishAbstract")
    #expect(places.first?["line"] as? Int == 13 && places.first?["column"] as? Int == 30)
    #expect((root["matches"] as? [Any])?.isEmpty == true)
  }

  @Test func badLogLevelIsAUsageError() throws {
    let result = try run(["serve", "--log-level", "loud"])
    #expect(result.status == 2)
    #expect(result.output.contains("log level"))
  }

  @Test func logLevelFiltersTheStderrLog() throws {
    let quiet = try TestClient(arguments: ["--log-level", "error"])
    try quiet.initialize()
    quiet.notify("workspace/noSuchNotification")
    try quiet.finish()
    #expect(quiet.standardError.isEmpty, "\(quiet.note)")

    let chatty = try TestClient(arguments: ["serve", "--log-level", "debug"])
    try chatty.initialize()
    chatty.notify("workspace/noSuchNotification")
    try chatty.finish()
    #expect(chatty.standardError.contains("ignored notification workspace/noSuchNotification"), "\(chatty.note)")
    #expect(chatty.standardError.contains("[corpus-lsp info]"), "\(chatty.note)")
  }
}
