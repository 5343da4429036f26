//! `corpus-lsp report`.
import Foundation

enum ReportCommand {
  static func run(_ arguments: [String]) -> Int32 {
    printError("'report' is not implemented yet")
    return 2
  }
}
