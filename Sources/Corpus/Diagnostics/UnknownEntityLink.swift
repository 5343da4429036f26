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
      for kind in [EntityKind.actor, .mechanism] {
        guard let edit = LexiconEdit.addingEntity(named: link.target, kind: kind, context: run.context) else { break }
        fixes.append(
          Fix(
            title: "Add '\(link.target)' to the workspace lexicon as \(kind == .actor ? "an actor" : "a mechanism")",
            edits: [edit]))
      }
      findings.append(
        Finding(
          rule: .unknownEntityLink, file: run.notePath, range: link.targetRange, message: message,
          suggestions: suggestions, fixes: fixes))
    }
    return findings
  }
}
