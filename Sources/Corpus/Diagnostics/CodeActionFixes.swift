//! Code actions without a diagnostic: insert a citation for selected text found in the corpus, and promote a
//! discovered (or any) entity into the workspace lexicon.

public enum CodeActionFixes {
  /// For a selection of the note that the corpus contains: "Cite 常思纯2023 ¶12" fixes inserting `[@key, ¶n]`
  /// after the selection (after its closing quote mark if the selection is quoted). At most `limit` fixes.
  public static func insertCitation(
    note: NoteSyntax, selection: TextRange, index: some CorpusLookup, context: CheckContext, limit: Int = 3
  ) -> [Fix] {
    let selected = note.text.slice(selection)
    let trimmed = selected.trimmingSpaces
    guard trimmed.unicodeScalars.count >= 2, !note.citations.contains(where: { $0.range.intersects(selection) }) else {
      return []
    }
    let fragments = NoteParserFragments.split(trimmed)
    guard !fragments.isEmpty else { return [] }
    let result = index.findQuote(fragments, preferredPaper: nil)
    var insertAt = selection.end
    let after = note.text.slice(TextRange(start: selection.end, end: selection.end + 3))
    if let first = after.unicodeScalars.first, "”」』\"".unicodeScalars.contains(first) {
      insertAt = selection.end + String(first).utf8.count
    }
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

  /// "Add 东盟 to the workspace lexicon": writes the entity (id, kind, names, aliases, members) to lexicon.json.
  public static func addToLexicon(_ entity: Entity, context: CheckContext) -> Fix {
    Fix(
      title: "Add '\(entity.name)' to the workspace lexicon",
      edits: [LexiconEdit.adding(entity, context: context)])
  }
}

/// Splits a selected text at elisions the way the note parser splits quotations.
enum NoteParserFragments {
  static func split(_ text: String) -> [String] {
    let quoted = "“" + text + "”[@x]"
    guard let quotation = NoteParser.parse(quoted).quotations.first else { return [text] }
    return quotation.fragments.map(\.text)
  }
}
