//! OffsetMap: normalised ↔ raw offsets across joins, insertions and removed text.
import Testing
@testable import Corpus

@Test func joinedLinesMapBackToTheirRawPlaces() {
  // raw: "日本\n\n东盟"  → normalised "日本东盟" (the blank line and breaks removed)
  var map = OffsetMap()
  map.appendCopy(rawStart: 0, length: 6)  // 日本
  map.appendCopy(rawStart: 8, length: 6)  // 东盟
  #expect(map.rawOffset(forNormalized: TextSize(6), bias: .start) == TextSize(8))
  #expect(map.rawOffset(forNormalized: TextSize(6), bias: .end) == TextSize(6))
  #expect(map.rawOffset(forNormalized: TextSize(12), bias: .end) == TextSize(14))
  #expect(map.normalizedOffset(forRaw: TextSize(7)) == TextSize(6))  // removed text → next kept byte
  #expect(map.normalizedOffset(forRaw: TextSize(9)) == TextSize(7))
  #expect(map.normalizedOffset(forRaw: TextSize(99)) == nil)
}

@Test func insertedSpaceHasNoRawExtent() {
  // raw: "Indo\nPacific" → "Indo Pacific"
  var map = OffsetMap()
  map.appendCopy(rawStart: 0, length: 4)
  map.appendInserted(length: 1, rawAnchor: 5)
  map.appendCopy(rawStart: 5, length: 7)
  #expect(map.normalizedLength == 12)
  #expect(map.rawOffset(forNormalized: TextSize(5), bias: .start) == TextSize(5))
  #expect(map.rawOffset(forNormalized: TextSize(12), bias: .end) == TextSize(12))
}

@Test func rawPiecesSplitWhereTextWasRemovedOrInserted() {
  // raw: "日本\n\n东盟 and\nASEAN" → "日本东盟 and ASEAN"
  var map = OffsetMap()
  map.appendCopy(rawStart: 0, length: 6)  // 日本
  map.appendCopy(rawStart: 8, length: 10)  // 东盟 and
  map.appendInserted(length: 1, rawAnchor: 19)
  map.appendCopy(rawStart: 19, length: 5)  // ASEAN
  #expect(map.rawPieces(forNormalized: TextRange(3, 9)) == [TextRange(3, 6), TextRange(8, 11)])  // 本东
  #expect(map.rawPieces(forNormalized: TextRange(6, 12)) == [TextRange(8, 14)])  // 东盟, one piece
  #expect(map.rawPieces(forNormalized: TextRange(13, 22)) == [TextRange(15, 18), TextRange(19, 24)])  // and ASEAN
  #expect(map.rawPieces(forNormalized: TextRange(16, 17)).isEmpty)  // the inserted space alone
  #expect(map.rawPieces(forNormalized: TextRange(20, 99)) == [TextRange(22, 24)])  // clamped
}
