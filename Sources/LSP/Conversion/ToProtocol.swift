//! Internal → protocol: UTF-8 `TextSize`/`TextRange` to LSP positions and ranges in the negotiated encoding.
import Corpus

/// Strict on output: positions sit on scalar boundaries, never between `\r` and `\n`, and `start <= end`.
public enum ToProtocol {
  public static func position(_ offset: TextSize, in lineIndex: LineIndex, encoding: PositionEncoding) -> Position {
    let (line, column) = lineIndex.lineColumn(at: offset, unit: encoding.unit)
    return Position(line: line, character: column)
  }

  public static func range(_ range: TextRange, in lineIndex: LineIndex, encoding: PositionEncoding) -> Range {
    Range(
      start: position(range.start, in: lineIndex, encoding: encoding),
      end: position(range.end, in: lineIndex, encoding: encoding))
  }

  public static func location(uri: String, _ range: TextRange, in lineIndex: LineIndex, encoding: PositionEncoding)
    -> Location
  {
    Location(uri: uri, range: self.range(range, in: lineIndex, encoding: encoding))
  }
}
