//! `corpus-lsp serve`.
import Foundation

enum ServeCommand {
  static func run(_ arguments: [String]) -> Int32 {
    printError("'serve' is not implemented yet")
    return 2
  }
}
