//! Rules unbalanced-bracket and empty-reference: note syntax the parser could not read.

enum SyntaxProblems {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    run.note.problems.map { problem in
      switch problem.kind {
      case .unbalancedBracket:
        let opening = run.text(problem.range).hasPrefix("[[") ? "[[" : "["
        let closing = opening == "[[" ? "]]" : "]"
        return Finding(
          rule: .unbalancedBracket, file: run.notePath, range: problem.range,
          message: "This \(opening == "[[" ? "entity link" : "citation") is never closed: add '\(closing)' "
            + (opening == "[[" ? "on the same line." : "before the end of the paragraph."))
      case .emptyEntityLink:
        return Finding(
          rule: .emptyReference, file: run.notePath, range: problem.range,
          message: "This entity link names nothing: write an actor or mechanism, as in [[东盟]].")
      case .emptyCitationKey:
        return Finding(
          rule: .emptyReference, file: run.notePath, range: problem.range,
          message: "This citation has no key: write the document's key after '@', as in [@常思纯2023, ¶12].")
      case .emptyCitationItem:
        return Finding(
          rule: .emptyReference, file: run.notePath, range: problem.range,
          message: "Nothing follows this ';': remove it, or cite another document after it, as in [@a; @b, ¶3].",
          fixes: [
            Fix(title: "Remove the ';'", edits: [run.noteEdit(withBlankAfter(problem.range, in: run.note.text), "")],
              isPreferred: true)
          ])
      }
    }
  }

  /// The range extended over the white space after it, so that removing it leaves `[@a, ¶3]`, not `[@a, ¶3 ]`.
  static func withBlankAfter(_ range: TextRange, in text: String) -> TextRange {
    var end = range.end
    for scalar in text.slice(TextRange(start: range.end, end: text.utf8Size)).unicodeScalars {
      guard scalar == " " || scalar == "\t" || scalar == "\u{3000}" else { break }
      end = end + scalar.utf8.count
    }
    return TextRange(start: range.start, end: end)
  }
}
