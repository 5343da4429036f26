//! Dispatch of `corpus-lsp <command>` to one file per command, and the shared option parser.
import Foundation

enum CommandLineTool {
  static let version = "0.1.0"

  struct Command: Sendable {
    let name: String
    let summary: String
    let run: @Sendable ([String]) -> Int32
  }

  static let commands: [Command] = [
    Command(name: "serve", summary: "run the language server on stdio (the default)", run: ServeCommand.run),
    Command(name: "check", summary: "validate notes against the corpus (for CI)", run: CheckCommand.run),
    Command(name: "index", summary: "index the corpus and print documents and entities", run: IndexCommand.run),
    Command(name: "quote", summary: "find where a text occurs in the corpus", run: QuoteCommand.run),
    Command(name: "report", summary: "entity and co-occurrence tables, HTML heat map", run: ReportCommand.run),
  ]

  static func run(_ arguments: [String]) -> Int32 {
    guard let first = arguments.first else { return ServeCommand.run([]) }
    switch first {
    case "--help", "-h", "help":
      print(usage)
      return 0
    case "--version", "-V":
      print("corpus-lsp \(version)")
      return 0
    default:
      if let command = commands.first(where: { $0.name == first }) {
        return command.run(Array(arguments.dropFirst()))
      }
      if first.hasPrefix("-") { return ServeCommand.run(arguments) }  // `corpus-lsp --log-level debug`
      FileHandle.standardError.write(Data("corpus-lsp: unknown command '\(first)'\n\n\(usage)\n".utf8))
      return 2
    }
  }

  static var usage: String {
    var lines = [
      "corpus-lsp \(version): a language server and command-line tool for Markdown notes about a corpus of papers.",
      "",
      "USAGE: corpus-lsp [COMMAND] [OPTIONS]",
      "",
      "COMMANDS:",
    ]
    for command in commands {
      lines.append("  " + command.name.padding(toLength: 10, withPad: " ", startingAt: 0) + command.summary)
    }
    lines += [
      "",
      "Every command takes --workspace DIR (default: the current folder).",
      "Run 'corpus-lsp COMMAND --help' for a command's options.",
      "  --help, -h      show this help",
      "  --version, -V   show the version",
    ]
    return lines.joined(separator: "\n")
  }
}

/// A small, strict option parser: `--name value`, `--name=value`, flags, and positionals.
struct ParsedOptions {
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var positionals: [String] = []

  struct UsageError: Error, CustomStringConvertible {
    let description: String
  }

  /// `valueOptions` take an argument; `flagOptions` do not. Anything else starting with `-` is an error.
  init(_ arguments: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws {
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      if valueOptions.contains(name) {
        if let inlineValue {
          values[name] = inlineValue
        } else if index < arguments.count {
          values[name] = arguments[index]
          index += 1
        } else {
          throw UsageError(description: "option \(name) needs a value")
        }
      } else if flagOptions.contains(name), inlineValue == nil {
        flags.insert(name)
      } else {
        throw UsageError(description: "unknown option \(name)")
      }
    }
  }

  func workspaceURL() -> URL {
    let path = values["--workspace"] ?? FileManager.default.currentDirectoryPath
    return URL(fileURLWithPath: path).standardizedFileURL
  }
}

func printError(_ message: String) {
  FileHandle.standardError.write(Data("corpus-lsp: \(message)\n".utf8))
}
