//! `corpus-lsp index`.
import Foundation

enum IndexCommand {
  static func run(_ arguments: [String]) -> Int32 {
    printError("'index' is not implemented yet")
    return 2
  }
}
