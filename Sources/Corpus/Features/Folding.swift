//! Folding ranges of notes (headings, block quotes, fenced code) and of corpus files (sections, footnotes).

public struct FoldingRegion: Sendable, Hashable {
  public enum Kind: String, Sendable { case region, comment }
  /// 0-based lines, inclusive.
  public var startLine: Int
  public var endLine: Int
  public var kind: Kind
}

public enum Folding {
  /// Headings (as the outline reads them: `Symbols.headings`) to the line before the next heading of their level or
  /// above, block quotes, fenced code.
  public static func note(_ note: NoteSyntax) -> [FoldingRegion] {
    var lineTexts: [Substring] = []
    var lineStarts: [Int] = []
    Symbols.forEachLine(note.text) { range, line in
      lineTexts.append(line)
      lineStarts.append(range.start.utf8Offset)
    }
    func line(of offset: TextSize) -> Int {
      var low = 0
      var high = lineStarts.count
      while high - low > 1 {
        let middle = (low + high) / 2
        if lineStarts[middle] <= offset.utf8Offset { low = middle } else { high = middle }
      }
      return low
    }
    func lastNonBlank(before line: Int) -> Int {
      var last = line - 1
      while last > 0, lineTexts[last].allSatisfy({ $0 == " " || $0 == "\t" }) { last -= 1 }
      return last
    }
    var regions: [FoldingRegion] = []
    let headings = Symbols.headings(in: note)
    for (number, heading) in headings.enumerated() {
      let start = line(of: heading.lineRange.start)
      let next = headings[(number + 1)...].first { $0.level <= heading.level }
      let end = lastNonBlank(before: next.map { line(of: $0.lineRange.start) } ?? lineTexts.count)
      if end > line(of: heading.lineRange.end) { regions.append(FoldingRegion(startLine: start, endLine: end, kind: .region)) }
    }
    var fenceStart: Int?
    var fenceMarker = ""
    var quoteStart: Int?
    for (number, line) in lineTexts.enumerated() {
      let trimmed = line.drop { $0 == " " }
      if let start = fenceStart {
        if trimmed.hasPrefix(fenceMarker) {
          if number > start { regions.append(FoldingRegion(startLine: start, endLine: number, kind: .region)) }
          fenceStart = nil
        }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fenceStart = number
        fenceMarker = String(trimmed.prefix(3))
        continue
      }
      if trimmed.hasPrefix(">") {
        if quoteStart == nil { quoteStart = number }
      } else if let start = quoteStart {
        if number - 1 > start { regions.append(FoldingRegion(startLine: start, endLine: number - 1, kind: .region)) }
        quoteStart = nil
      }
    }
    let count = lineTexts.count
    if let start = quoteStart, count - 1 > start { regions.append(FoldingRegion(startLine: start, endLine: count - 1, kind: .region)) }
    return regions.sorted { $0.startLine != $1.startLine ? $0.startLine < $1.startLine : $0.endLine > $1.endLine }
  }

  public static func paper(_ paper: Paper) -> [FoldingRegion] {
    var regions: [FoldingRegion] = []
    for node in Symbols.paperOutline(paper) { add(node, paper, &regions) }
    return regions.sorted { $0.startLine < $1.startLine }
  }

  private static func add(_ node: SymbolNode, _ paper: Paper, _ regions: inout [FoldingRegion]) {
    let start = paper.rawLine(containing: node.range.start)
    let end = paper.rawLine(containing: node.range.end)
    if end > start { regions.append(FoldingRegion(startLine: start, endLine: end, kind: node.kind == .footnotes ? .comment : .region)) }
    for child in node.children { add(child, paper, &regions) }
  }
}
