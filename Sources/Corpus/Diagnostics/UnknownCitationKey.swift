//! Rule unknown-citation-key: a citation names a key that no corpus document has.

enum UnknownCitationKey {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    let unknown = run.items.joined().filter { $0.paper == nil }
    // Every key of a large corpus is thousands of strings: gather them only when a key is unknown.
    guard !unknown.isEmpty else { return [] }
    let keys = run.index.allKeys
    for item in unknown {
      let key = item.item.key
      // A bare CJK citation swallows the prose after it (`@常思纯2023所述`): offer braces.
      let swallowing = keys.filter { key.hasPrefix($0) && key.count > $0.count }.max { $0.count < $1.count }
      var suggestions = Suggestions.nearest(to: key, in: keys).filter { $0 != key }
      // Nothing is a likely misspelling: still name the nearest keys (the SPEC asks for them), as a list to pick
      // from rather than a guess.
      let farOnly = suggestions.isEmpty && swallowing == nil
      if farOnly { suggestions = nearestAtAnyDistance(to: key, in: keys) }
      // A quotation tied to this citation, found in the corpus, says which document was meant.
      if let quotation = run.note.quotations.first(where: { $0.citation == item.citation }),
        let match = run.index.findQuote(quotation.fragments.map(\.text), preferredPaper: nil).matches.first
      {
        let found = run.index.displayKey(of: match.paper)
        suggestions.removeAll { $0 == found }
        suggestions.insert(found, at: 0)
      }
      var fixes: [Fix] = []
      var message = "No document in the corpus has the key '\(key)'."
      // `高梓菁2023` once two papers share author and year: each is cited with a letter now.
      let lettered = keys.filter { $0.hasPrefix(key) && $0.count == key.count + 1 && $0.last?.isLowercase == true }.sorted()
      if lettered.count >= 2 {
        let choices = lettered.filter { !suggestions.contains($0) }
        suggestions += choices
        message = "'\(key)' is the key of \(lettered.count) documents by the same author in the same year: cite one of "
          + "\(lettered.map { "'\($0)'" }.joined(separator: ", "))."
      } else if let known = swallowing, run.citation(item.citation)?.isBracketed == false {
        suggestions.removeAll { $0 == known }
        suggestions.insert(known, at: 0)
        let rest = String(key.dropFirst(known.count))
        message += " The key runs into the text after it: write @{\(known)}\(rest) to cite \(known)."
        let keyStart = item.item.keyRange.start
        fixes.append(
          Fix(
            title: "Write @{\(known)}\(rest)",
            edits: [run.noteEdit(TextRange(start: keyStart, end: keyStart + known.utf8.count), "{\(known)}")],
            isPreferred: true))
      } else if farOnly, !suggestions.isEmpty {
        message += " The nearest keys are \(suggestions.map { "'\($0)'" }.joined(separator: ", "))."
      } else if let nearest = suggestions.first {
        message += " Did you mean '\(nearest)'?"
      } else if keys.isEmpty {
        message += " The corpus is empty: add papers under corpus/."
      }
      for (position, suggestion) in suggestions.enumerated()
      where !(swallowing != nil && position == 0 && !fixes.isEmpty) {
        fixes.append(
          Fix(
            title: "Change the key to '\(suggestion)'", edits: [run.noteEdit(item.item.keyRange, suggestion)],
            isPreferred: fixes.isEmpty && position == 0 && !farOnly))
      }
      findings.append(
        Finding(
          rule: .unknownCitationKey, file: run.notePath, range: item.item.keyRange, message: message,
          suggestions: suggestions, fixes: fixes))
    }
    return findings
  }

  /// Up to three keys by edit distance however far, keys of the same year first.
  static func nearestAtAnyDistance(to key: String, in keys: [String]) -> [String] {
    let target = Array(key.lowercased().unicodeScalars)
    let year = key.filter(\.isNumber)
    let scored = keys.map { candidate -> (Bool, Int, String) in
      let scalars = Array(candidate.lowercased().unicodeScalars)
      let distance = Suggestions.editDistance(target, scalars, limit: max(target.count, scalars.count))
      return (year.isEmpty || candidate.filter(\.isNumber) != year, distance, candidate)
    }
    return scored.sorted { ($0.0 ? 1 : 0, $0.1, $0.2) < ($1.0 ? 1 : 0, $1.1, $1.2) }.prefix(3).map(\.2)
  }
}
