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
