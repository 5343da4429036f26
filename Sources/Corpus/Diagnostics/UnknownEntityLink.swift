//! Rule unknown-entity-link: `[[…]]` naming no actor or mechanism (nearest aliases, add-to-lexicon fixes).

enum UnknownEntityLink {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    var aliases: [String]?
    for link in run.note.entityLinks where run.index.entity(forAlias: link.target) == nil {
      let allAliases = aliases ?? run.index.entities.flatMap(\.aliases)
      aliases = allAliases
      let suggestions = Suggestions.nearest(to: link.target, in: allAliases)
      var message = "No actor or mechanism is called '\(link.target)'."
      if let nearest = suggestions.first { message += " Did you mean '\(nearest)'?" }
      var fixes = suggestions.enumerated().map { position, alias in
        Fix(title: "Change to '\(alias)'", edits: [run.noteEdit(link.targetRange, alias)], isPreferred: position == 0)
      }
      if let members = statesSpelled(by: link.target, in: run.index.entities) {
        // 中俄蒙: a grouping of the states its forms name, read as a run like the corpus's (never as a word that
        // would match in 日美加强).
        let grouping = Entity(
          id: LexiconEdit.entityID(for: link.target), kind: .mechanism, name: link.target,
          members: members.map { run.index.entities[$0].id }, source: .lexicon)
        if let edit = LexiconEdit.adding(grouping, context: run.context) {
          let names = members.map { run.index.entities[$0].name }.joined(separator: "、")
          fixes.append(
            Fix(title: "Add '\(link.target)' to the workspace lexicon as a grouping of \(names)", edits: [edit]))
        }
      } else {
        for kind in [EntityKind.actor, .mechanism] {
          guard let edit = LexiconEdit.addingEntity(named: link.target, kind: kind, context: run.context) else { break }
          fixes.append(
            Fix(
              title: "Add '\(link.target)' to the workspace lexicon as \(kind == .actor ? "an actor" : "a mechanism")",
              edits: [edit]))
        }
      }
      findings.append(
        Finding(
          rule: .unknownEntityLink, file: run.notePath, range: link.targetRange, message: message,
          suggestions: suggestions, fixes: fixes))
    }
    return findings
  }

  /// The states a name spells in their one-character forms, in order, when it names three or more (中俄蒙); nil
  /// for any other name.
  static func statesSpelled(by name: String, in entities: [Entity]) -> [Int]? {
    var states: [Int] = []
    for scalar in name.unicodeScalars {
      guard let state = entities.firstIndex(where: { $0.compoundForms.contains(String(scalar)) }) else { return nil }
      if !states.contains(state) { states.append(state) }
    }
    return states.count >= MentionScanner.smallestGroupingSize ? states : nil
  }
}
