//! `corpus-lsp serve` (the default): the language server on stdin/stdout, logging to stderr.
import Foundation
import LSP

enum ServeCommand {
  static let usage = """
    USAGE: corpus-lsp [serve] [--workspace DIR] [--log-level LEVEL]

    Runs the language server (LSP 3.17, JSON-RPC over stdin/stdout). Logs go to stderr.

    OPTIONS:
      --workspace DIR      the workspace folder (default: the folder the client opens, else the current one)
      --log-level LEVEL    error, warning, info (default), debug or trace
      --debounce-ms N      delay before diagnostics run after an edit (default: 150)
      --max-message-bytes N  refuse larger messages with an error (default: 67108864)
      --help, -h           show this help
    """

  static func run(_ arguments: [String]) -> Int32 {
    let options: ParsedOptions
    do {
      options = try ParsedOptions(
        arguments, valueOptions: ["--workspace", "--log-level", "--debounce-ms", "--max-message-bytes"],
        flagOptions: ["--help", "-h"])
    } catch {
      printError("\(error)\n\n\(usage)")
      return 2
    }
    if options.flags.contains("--help") || options.flags.contains("-h") {
      print(usage)
      return 0
    }
    if let extra = options.positionals.first {
      printError("unexpected argument '\(extra)'\n\n\(usage)")
      return 2
    }
    var level = LogLevel.info
    if let name = options.values["--log-level"] {
      guard let parsed = LogLevel(name: name) else {
        printError("unknown log level '\(name)' (error, warning, info, debug, trace)")
        return 2
      }
      level = parsed
    }
    var serverOptions = ServerOptions()
    serverOptions.serverVersion = CommandLineTool.version
    if options.values["--workspace"] != nil {
      let root = options.workspaceURL()
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        printError("--workspace \(root.path) is not a folder")
        return 2
      }
      serverOptions.workspaceRoot = root
    }
    if let text = options.values["--debounce-ms"] {
      guard let milliseconds = Int(text), milliseconds >= 0 else {
        printError("--debounce-ms needs a number of milliseconds")
        return 2
      }
      serverOptions.documentHookDelay = .milliseconds(milliseconds)
    }
    if let text = options.values["--max-message-bytes"] {
      guard let bytes = Int(text), bytes > 0 else {
        printError("--max-message-bytes needs a positive number")
        return 2
      }
      serverOptions.maximumMessageLength = bytes
    }
    serverOptions.enableTestHooks = ProcessInfo.processInfo.environment["CORPUS_LSP_TEST_HOOKS"] == "1"
    if serverOptions.enableTestHooks,
      let milliseconds = ProcessInfo.processInfo.environment["CORPUS_LSP_TEST_FIRST_LOAD_DELAY_MS"].flatMap({ Int($0) })
    {
      serverOptions.firstLoadDelayMilliseconds = milliseconds
    }
    signal(SIGPIPE, SIG_IGN)  // a vanished client must not kill us mid-write
    let server = Server(
      input: STDIN_FILENO, output: STDOUT_FILENO, options: serverOptions, logger: Logger(level: level))
    return server.run()
  }
}
