//! Rule entity-not-in-cited-passage: an entity linked in the same sentence as a located citation
//! whose cited passage never mentions it.

enum EntityNotInCitedPassage {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    var findings: [Finding] = []
    let located = run.items.joined().filter { item in
      item.paper != nil && !(item.locator?.coveredPassages.isEmpty ?? true)
    }
    guard !located.isEmpty else { return [] }
    for link in run.note.entityLinks {
      guard let entity = run.index.entity(forAlias: link.target) else { continue }
      let sentence = run.note.sentence(containing: link.range.start)
      let inSentence = located.filter { run.citation($0.citation).map { sentence.contains($0.range.start) } ?? false }
      guard !inSentence.isEmpty else { continue }
      let mentioned = inSentence.contains { item in
        guard let paper = item.paper, let locator = item.locator else { return false }
        return locator.coveredPassages.contains { passage in
          run.index.mentions(in: paper, passage: passage).contains { $0.entity == entity }
        }
      }
      guard !mentioned, let first = inSentence.first, let paper = first.paper else {
        continue
      }
      let name = run.index.entities.indices.contains(entity) ? run.index.entities[entity].name : link.target
      let citedText = inSentence.map {
        "\(run.index.displayKey(of: $0.paper ?? 0)) \(run.text($0.item.locator?.range ?? link.range))"
      }
      var related: [RelatedLocation] = []
      if let record = run.index.paperRecord(paper), let passage = first.locator?.coveredPassages.first,
        let text = record.passage(passage)
      {
        related.append(RelatedLocation(file: record.file, range: text.rawRange, message: "the cited passage"))
      }
      findings.append(
        Finding(
          rule: .entityNotInCitedPassage, file: run.notePath, range: link.range,
          message: "\(name) is linked next to \(citedText.joined(separator: " and ")), "
            + "but the cited passage never mentions it (by any alias).",
          suggestions: [], related: related, fixes: []))
    }
    return findings
  }
}
