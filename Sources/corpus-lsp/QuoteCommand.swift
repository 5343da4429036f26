//! `corpus-lsp quote TEXT`: where a text occurs in the corpus, with citations ready to paste.
import Corpus
import Foundation

enum QuoteCommand {
  static let help = """
    USAGE: corpus-lsp quote TEXT [--json] [--paper KEY] [--workspace DIR]

    Finds TEXT in the corpus, ignoring line breaks, white space, full/half-width punctuation and quote style.
    Elisions (…… or ...) split TEXT into fragments that must occur in order within one paragraph.
    When TEXT is not there, prints the closest passage and how similar it is, and where TEXT stands in text the
    reader set aside (the English abstracts printed after a paper, running headers, publication details).

    Lines and columns are 1-based; columns count Unicode scalars (code points) in the raw corpus file, and
    the end position is exclusive.

    OPTIONS:
      --json           print {"matches": [{"file", "key", "paragraph", "passage", "line", "column", "endLine",
                       "endColumn", "text", "exact", "similarity"}], "closest": {…} or null, "setAside": [{"file",
                       "key", "line", "column", "endLine", "endColumn", "kind", "description"}], "columnUnit"}
      --paper KEY      list matches in this document first
      --workspace DIR  the workspace folder (default: the current folder)
      --help, -h       show this help

    EXIT STATUS: 0 found, 1 not found, 2 usage or workspace error.
    """

  static func run(_ arguments: [String]) -> Int32 {
    let options: ParsedOptions
    do {
      options = try ParsedOptions(
        arguments, valueOptions: ["--workspace", "--paper"], flagOptions: ["--json", "--help", "-h"])
    } catch {
      printError("\(error)\n\n\(help)")
      return 2
    }
    if options.flags.contains("--help") || options.flags.contains("-h") {
      print(help)
      return 0
    }
    let query = unwrapped(options.positionals.joined(separator: " "))
    guard !QuoteFolding.fold(query).isEmpty else {
      printError("quote needs a TEXT to look for\n\n\(help)")
      return 2
    }
    guard let workspace = LoadedWorkspace.loadCorpusOrPrintError(options.workspaceURL(), for: "quote") else {
      return 2
    }
    let index = workspace.index
    var preferred: Int?
    if let key = options.values["--paper"] {
      guard let paper = index.paper(forKey: key) else {
        printError("no document has the key '\(key)'")
        return 2
      }
      preferred = paper
    }
    let result = index.findQuote(query, preferredPaper: preferred)
    // Words in no passage may still be in the file, in text the reader set aside: say where (the paper of
    // --paper first, as its matches would be).
    var setAside: [SetAsideResult] = []
    if result.matches.isEmpty {
      let papers = Array(index.papers.indices)
      let ordered = preferred.map { [$0] + papers.filter { $0 != preferred } } ?? papers
      setAside = index.setAsidePlaces(of: QuoteFolding.fragments(of: query), inPapers: ordered)
    }
    if options.flags.contains("--json") {
      print(json(result, setAside: setAside, index: index))
    } else {
      print(text(result, setAside: setAside, index: index))
    }
    return result.matches.isEmpty ? 1 : 0
  }

  /// A paper, and where TEXT stands in what it set aside.
  typealias SetAsideResult = (paper: Int, place: SetAsidePlace)

  static func describe(_ place: SetAsidePlace, paper: Int, index: CorpusIndex) -> [String: Any] {
    let record = index.papers[paper]
    let start = record.rawLines.lineColumn(at: place.rawRange.start, unit: .utf32)
    let end = record.rawLines.lineColumn(at: place.rawRange.end, unit: .utf32)
    return [
      "file": record.file, "key": index.key(of: paper), "line": start.line + 1, "column": start.column + 1,
      "endLine": end.line + 1, "endColumn": end.column + 1, "kind": place.kind.rawValue,
      "description": place.description,
    ]
  }

  /// Locator as notes write it: `¶12`, `fn. 3`, `§二` for a heading, or nothing for the abstract.
  static func locator(_ passage: PassageID, in paper: Paper) -> String? {
    paper.citableLocator(for: passage)
  }

  static func describe(_ match: QuoteMatch, index: CorpusIndex) -> [String: Any] {
    let paper = index.papers[match.paper]
    let raw = index.rawRange(of: match.range, paper: match.paper, passage: match.passage)
    let start = paper.rawLines.lineColumn(at: raw.start, unit: .utf32)
    let end = paper.rawLines.lineColumn(at: raw.end, unit: .utf32)
    var paragraph: Any = NSNull()
    if case .paragraph(let n) = match.passage { paragraph = n }
    let passageName: String
    switch match.passage {
    case .paragraph(let n): passageName = "paragraph \(n)"
    case .footnote(let n): passageName = "footnote \(n)"
    case .abstract: passageName = "abstract"
    case .title: passageName = "title"
    case .heading: passageName = "heading \(paper.citableLocator(for: match.passage) ?? "")"
    case .keywords: passageName = "keywords"
    case .authorNote: passageName = "author note"
    case .englishAbstract: passageName = "English abstract"
    case .englishTitle: passageName = "English title"
    }
    return [
      "file": paper.file, "key": index.key(of: match.paper), "paragraph": paragraph, "passage": passageName,
      "line": start.line + 1, "column": start.column + 1, "endLine": end.line + 1, "endColumn": end.column + 1,
      "text": quotedText(match, index: index), "exact": match.exact,
      "similarity": (match.similarity * 1000).rounded() / 1000,
    ]
  }

  static func json(
    _ result: QuoteSearchResult, setAside: [SetAsideResult] = [], index: CorpusIndex
  ) -> String {
    let root: [String: Any] = [
      "matches": result.matches.map { describe($0, index: index) },
      "closest": result.closest.map { describe($0, index: index) } ?? NSNull(),
      "setAside": setAside.map { describe($0.place, paper: $0.paper, index: index) },
      "columnUnit": CheckReport.columnUnit,
    ]
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// TEXT without the quotation marks around it, as copied from a note (`“综合国力不断下降”`): they are the note's,
  /// not the source's.
  static func unwrapped(_ query: String) -> String {
    let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
    let pairs: [(Character, Character)] = [("“", "”"), ("「", "」"), ("『", "』"), ("\"", "\""), ("‘", "’")]
    for (open, close) in pairs where trimmed.count > 2 && trimmed.first == open && trimmed.last == close {
      let inner = trimmed.dropFirst().dropLast()
      // Only when those marks pair with each other, not `“a”与“b”`.
      if !inner.contains(open) && !inner.contains(close) || open == close { return String(inner) }
    }
    return query
  }

  /// The source text as a note quotes it between “ ” (`QuotableText`): the fragments joined by `……` for an elided
  /// quotation.
  static func quotedText(_ match: QuoteMatch, index: CorpusIndex) -> String {
    let paper = index.papers[match.paper]
    func quotable(_ range: TextRange) -> String {
      QuotableText.text(of: range, in: paper, passage: match.passage, style: .curly)
        ?? index.text(of: match.paper, passage: match.passage)?.slice(range) ?? ""
    }
    if match.fragments.count > 1 { return match.fragments.map(quotable).joined(separator: "……") }
    return quotable(match.range)
  }

  static func citation(_ match: QuoteMatch, index: CorpusIndex) -> String {
    let text = quotedText(match, index: index)
    let key = index.key(of: match.paper)
    let cite = locator(match.passage, in: index.papers[match.paper]).map { "[@\(key), \($0)]" } ?? "[@\(key)]"
    return "“\(text)”\(cite)"
  }

  static func text(
    _ result: QuoteSearchResult, setAside: [SetAsideResult] = [], index: CorpusIndex
  ) -> String {
    var lines: [String] = []
    func place(_ match: QuoteMatch) -> String {
      let info = describe(match, index: index)
      let label = index.papers[match.paper].locatorLabel(for: match.passage)
      return "\(info["file"] ?? ""):\(info["line"] ?? 0):\(info["column"] ?? 0)  \(index.key(of: match.paper)) \(label)"
    }
    if !result.matches.isEmpty {
      lines.append(result.matches.count == 1 ? "found 1 match:" : "found \(result.matches.count) matches:")
      for match in result.matches {
        lines.append("  " + place(match))
        lines.append("    " + citation(match, index: index))
      }
    } else if let closest = result.closest {
      lines.append(String(format: "not found; closest passage (similarity %.2f):", closest.similarity))
      lines.append("  " + place(closest))
      lines.append("    " + citation(closest, index: index))
    } else {
      lines.append("not found, and no passage is similar.")
    }
    if !setAside.isEmpty {
      lines.append("in text the reader sets aside (no passage, not quotable):")
      for (paper, place) in setAside {
        let info = describe(place, paper: paper, index: index)
        lines.append(
          "  \(info["file"] ?? ""):\(info["line"] ?? 0):\(info["column"] ?? 0)  \(index.key(of: paper))  "
            + place.description)
      }
    }
    return lines.joined(separator: "\n")
  }
}
