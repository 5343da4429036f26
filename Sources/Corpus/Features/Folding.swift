//! Folding ranges of notes (headings, block quotes, fenced code) and of corpus files (sections, footnotes).

public struct FoldingRegion: Sendable, Hashable {
  public enum Kind: String, Sendable { case region, comment }
  /// 0-based lines, inclusive.
  public var startLine: Int
  public var endLine: Int
  public var kind: Kind
}

public enum Folding {
  public static func note(_ text: String) -> [FoldingRegion] {
    var lineTexts: [Substring] = []
    Symbols.forEachLine(text) { _, line in lineTexts.append(line) }
    var regions: [FoldingRegion] = []
    var headingStack: [(level: Int, line: Int)] = []
    var fenceStart: Int?
    var fenceMarker = ""
    var quoteStart: Int?
    func lastNonBlank(before line: Int) -> Int {
      var last = line - 1
      while last > 0, lineTexts[last].allSatisfy({ $0 == " " || $0 == "\t" }) { last -= 1 }
      return last
    }
    func closeHeadings(atLevel level: Int, before line: Int) {
      while let top = headingStack.last, top.level >= level {
        headingStack.removeLast()
        let end = lastNonBlank(before: line)
        if end > top.line { regions.append(FoldingRegion(startLine: top.line, endLine: end, kind: .region)) }
      }
    }
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
      if line.hasPrefix("#") {
        let hashes = line.prefix { $0 == "#" }.count
        let rest = line.dropFirst(hashes)
        if hashes <= 6, rest.isEmpty || rest.first == " " {
          closeHeadings(atLevel: hashes, before: number)
          headingStack.append((hashes, number))
        }
      }
    }
    let count = lineTexts.count
    if let start = quoteStart, count - 1 > start { regions.append(FoldingRegion(startLine: start, endLine: count - 1, kind: .region)) }
    closeHeadings(atLevel: 0, before: count)
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
