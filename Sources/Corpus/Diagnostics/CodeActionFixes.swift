//! Code actions without a diagnostic: insert a citation for selected text found in the corpus, and promote a
//! discovered entity into the workspace lexicon.

public enum CodeActionFixes {
  /// For a selection of the note that the corpus contains: "Cite 常思纯2023 ¶12" fixes inserting `[@key, ¶n]`
  /// after the selection (after its closing quote mark if the selection is quoted, after the `]]` of an entity
  /// link it ends in). The selection may include its quote marks. None when a citation already follows. At most
  /// `limit` fixes.
  public static func insertCitation(
    note: NoteSyntax, selection: TextRange, index: some CorpusLookup, context: CheckContext, limit: Int = 3
  ) -> [Fix] {
    var trimmed = note.text.slice(selection).trimmingSpaces
    // “…” selected with its marks: the corpus is searched for what they enclose.
    if let first = trimmed.unicodeScalars.first, let last = trimmed.unicodeScalars.last,
      let close = quotePairs[first], close == last, trimmed.unicodeScalars.count >= 2
    {
      trimmed = String(String.UnicodeScalarView(trimmed.unicodeScalars.dropFirst().dropLast()))
    }
    guard trimmed.unicodeScalars.count >= 2, !note.citations.contains(where: { $0.range.intersects(selection) }) else {
      return []
    }
    let fragments = NoteParserFragments.split(trimmed)
    guard !fragments.isEmpty else { return [] }
    var insertAt = selection.end
    let after = note.text.slice(TextRange(start: selection.end, end: selection.end + 3))
    if let first = after.unicodeScalars.first, "”」』\"".unicodeScalars.contains(first) {
      insertAt = selection.end + String(first).utf8.count
    }
    // Not inside `[[…]]`: after it.
    if let link = note.entityLinks.first(where: { $0.range.start < insertAt && insertAt < $0.range.end }) {
      insertAt = link.range.end
    }
    // A citation right after (white space between) already cites the text.
    let cited = note.citations.contains { citation in
      citation.range.start >= insertAt
        && note.text.slice(TextRange(start: insertAt, end: citation.range.start)).trimmingSpaces.isEmpty
    }
    guard !cited else { return [] }
    let result = index.findQuote(fragments, preferredPaper: nil)
    var fixes: [Fix] = []
    var seen = Set<String>()
    for match in result.matches {
      let key = index.displayKey(of: match.paper)
      let locator = index.citableLocator(of: match.passage, in: match.paper)
      let citation = locator.map { "[@\(key), \($0)]" } ?? "[@\(key)]"
      guard seen.insert(citation).inserted else { continue }
      fixes.append(
        Fix(
          title: "Cite " + (locator.map { "\(key) \($0)" } ?? key),
          edits: [
            FileEdit(file: context.notePath, range: TextRange(start: insertAt, end: insertAt), newText: citation)
          ],
          isPreferred: fixes.isEmpty))
      if fixes.count == limit { break }
    }
    return fixes
  }

  /// "Add '清洁能源伙伴关系' to the workspace lexicon" for a discovered entity that a note names at `offset` (a link or
  /// a mention in prose): the one action that promotes a candidate of the corpus into the analyst's lexicon.
  public static func promotingDiscoveredEntity(
    note: NoteSyntax, at offset: TextSize, index: CorpusIndex, context: CheckContext
  ) -> [Fix] {
    guard case .entity(let entity, _)? = FeatureSupport.target(in: note, at: offset, index: index) else { return [] }
    return promoting(entity, index: index, context: context)
  }

  /// The same for a discovered entity mentioned at a raw offset of a corpus file.
  public static func promotingDiscoveredEntity(
    paper: Int, at rawOffset: TextSize, index: CorpusIndex, context: CheckContext
  ) -> [Fix] {
    guard let mention = PaperAnnotations.mention(index: index, paper: paper, at: rawOffset) else { return [] }
    return promoting(mention.entity, index: index, context: context)
  }

  private static func promoting(_ entity: Int, index: CorpusIndex, context: CheckContext) -> [Fix] {
    guard index.entities.indices.contains(entity), index.entities[entity].source == .discovered,
      let edit = LexiconEdit.adding(index.entities[entity], context: context)
    else { return [] }
    return [Fix(title: "Add '\(index.entities[entity].name)' to the workspace lexicon", edits: [edit])]
  }
}

extension CodeActionFixes {
  /// Opening quote marks and their closing ones.
  static let quotePairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "「": "」", "『": "』", "\"": "\""]
}

/// Splits a selected text at elisions the way the note parser splits quotations.
enum NoteParserFragments {
  static func split(_ text: String) -> [String] {
    let quoted = "“" + text + "”[@x]"
    guard let quotation = NoteParser.parse(quoted).quotations.first else { return [text] }
    return quotation.fragments.map(\.text)
  }
}
