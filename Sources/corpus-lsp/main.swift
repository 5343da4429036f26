// corpus-lsp: the language server (`serve`, the default) and the command-line tools.
import Foundation

let exitCode = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(exitCode)
