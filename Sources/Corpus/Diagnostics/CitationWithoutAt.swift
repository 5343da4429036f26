//! Rule citation-without-at: `[常思纯2023, ¶4]` names a corpus document but lacks the `@`, so Pandoc prints it as
//! text and nothing checks its locator or quotation.

enum CitationWithoutAt {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    run.note.unmarkedCitations.compactMap { group in
      // The parser found the groups and their leading words; here they are looked up as keys.
      let keys = group.leadingWords.map { (key: run.text($0), start: $0.start) }
        .filter { run.index.paper(forKey: $0.key) != nil }
      guard let first = keys.first else { return nil }
      let written = keys.map { "@" + $0.key }.joined(separator: "; ")
      return Finding(
        rule: .citationWithoutAt, file: run.notePath, range: group.range,
        message: "'\(first.key)' is a document key, but without '@' this is plain text, not a citation: "
          + "write \(written) so that it is rendered and checked.",
        fixes: [
          Fix(
            title: keys.count == 1 ? "Insert '@' before \(first.key)" : "Insert '@' before each key",
            edits: keys.map { run.noteEdit(.empty(at: $0.start), "@") }, isPreferred: true)
        ])
    }
  }
}
