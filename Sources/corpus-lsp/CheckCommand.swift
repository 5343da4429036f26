//! `corpus-lsp check`.
import Foundation

enum CheckCommand {
  static func run(_ arguments: [String]) -> Int32 {
    printError("'check' is not implemented yet")
    return 2
  }
}
