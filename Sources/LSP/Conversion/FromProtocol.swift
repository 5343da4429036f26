//! Protocol → internal: LSP positions and ranges (in the negotiated encoding) to UTF-8 `TextSize`/`TextRange`.
import Corpus

/// Lenient on input: a line past the end means end of text, a character past the end of its line means
/// end of line, a character inside a multi-unit scalar (half a surrogate pair) means that scalar's start.
public enum FromProtocol {
  public static func offset(of position: Position, in lineIndex: LineIndex, encoding: PositionEncoding) -> TextSize {
    lineIndex.offset(line: position.line, column: position.character, unit: encoding.unit)
  }

  /// A range whose end comes before its start has its ends swapped, so a confused client edits what it pointed at.
  public static func range(_ range: Range, in lineIndex: LineIndex, encoding: PositionEncoding) -> TextRange {
    TextRange(
      start: offset(of: range.start, in: lineIndex, encoding: encoding),
      end: offset(of: range.end, in: lineIndex, encoding: encoding))
  }
}
