//! The negotiated position encoding (LSP 3.17 `positionEncoding`) and how it maps onto a `TextUnit`.
import Corpus

public enum PositionEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"

  public var unit: TextUnit {
    switch self {
    case .utf8: return .utf8
    case .utf16: return .utf16
    case .utf32: return .utf32
    }
  }

  /// Picks from `general.positionEncodings`: UTF-8 if offered (our native unit), else UTF-32, else UTF-16,
  /// which every client must support and the only valid answer when the client offered nothing.
  public static func negotiate(offered: [String]?) -> PositionEncoding {
    let offered = Set(offered ?? [])
    if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
    if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
    return .utf16
  }
}
