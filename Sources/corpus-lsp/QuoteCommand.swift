//! `corpus-lsp quote`.
import Foundation

enum QuoteCommand {
  static func run(_ arguments: [String]) -> Int32 {
    printError("'quote' is not implemented yet")
    return 2
  }
}
