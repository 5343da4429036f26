//! Rules unbalanced-bracket, empty-reference, full-width-citation-mark and split-quotation: note syntax the parser
//! could not read, or read as the analyst meant it where Pandoc will not.

enum SyntaxProblems {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    run.note.problems.map { problem in
      switch problem.kind {
      case .unbalancedBracket:
        let opening = run.text(problem.range).hasPrefix("[[") ? "[[" : "["
        let closing = opening == "[[" ? "]]" : "]"
        let end =
          opening == "[" ? NoteParser.unclosedGroupEnd(in: run.note.text, from: problem.range.start.utf8Offset + 1) : nil
        return Finding(
          rule: .unbalancedBracket, file: run.notePath, range: problem.range,
          message: "This \(opening == "[[" ? "entity link" : "citation") is never closed: add '\(closing)' "
            + (opening == "[[" ? "on the same line." : "before the end of the paragraph."),
          fixes: end.map { end in
            let at = TextSize(end)
            return [
              Fix(
                title: "Close the citation after '\(run.text(TextRange(start: problem.range.start, end: at)))'",
                edits: [run.noteEdit(TextRange(start: at, end: at), "]")], isPreferred: true)
            ]
          } ?? [])
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
      case .fullWidthCitationBrackets:
        // Both brackets are three bytes (【】 or ［］).
        let open = TextRange(start: problem.range.start, end: problem.range.start + 3)
        let close = TextRange(start: TextSize(problem.range.end.utf8Offset - 3), end: problem.range.end)
        return Finding(
          rule: .fullWidthCitationMark, file: run.notePath, range: problem.range,
          message: "Pandoc reads no citation in '\(run.text(open))\(run.text(close))': write it in [ ], as in "
            + "[@常思纯2023, ¶12].",
          fixes: [
            Fix(title: "Use [ and ]", edits: [run.noteEdit(open, "["), run.noteEdit(close, "]")], isPreferred: true)
          ])
      case .quotationAcrossBlankLine:
        return Finding(
          rule: .splitQuotation, file: run.notePath, range: problem.range,
          message: "A blank line splits this quotation: Markdown makes two paragraphs of it. Join its lines.",
          fixes: [
            Fix(
              title: "Join the quotation's lines",
              edits: [run.noteEdit(problem.range, run.text(problem.range).contains("\r\n") ? "\r\n" : "\n")],
              isPreferred: true)
          ])
      case .fullWidthCitationSeparator:
        return Finding(
          rule: .fullWidthCitationMark, file: run.notePath, range: problem.range,
          message: "Pandoc does not separate citations at a full-width '；': write ';', as in [@a; @b, ¶3].",
          fixes: [Fix(title: "Use ';'", edits: [run.noteEdit(withBlankAfter(problem.range, in: run.note.text), "; ")], isPreferred: true)])
      }
    }
  }

  /// The range extended over the white space after it, so that removing it leaves `[@a, ¶3]`, not `[@a, ¶3 ]`.
  static func withBlankAfter(_ range: TextRange, in text: String) -> TextRange {
    let utf8 = text.utf8
    guard var index = utf8.index(utf8.startIndex, offsetBy: range.end.utf8Offset, limitedBy: utf8.endIndex) else {
      return range
    }
    var end = range.end
    // One walk from the range's end: spaces and tabs are one byte each, U+3000 is E3 80 80.
    while index < utf8.endIndex {
      let rest = utf8[index...]
      let width = rest.first == 0x20 || rest.first == 0x09 ? 1 : rest.starts(with: [0xE3, 0x80, 0x80]) ? 3 : 0
      guard width > 0 else { break }
      end = end + width
      index = utf8.index(index, offsetBy: width)
    }
    return TextRange(start: range.start, end: end)
  }
}
