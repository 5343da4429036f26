//! `textDocument/definition` (go-to-citation): the raw corpus range a citation cites, an entity's definition.
import Corpus

enum DefinitionHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["definitionProvider"] = true }
    registry.request("textDocument/definition") { params, context in
      let (_, _) = try context.snapshot.documentPosition(params)
      guard let request = try FeatureRequest.make(params, context) else { return .null }
      let offset = try request.offset(params)
      if let paper = request.paper {
        guard let mention = PaperAnnotations.mention(index: request.index, paper: paper, at: offset),
          let target = Definition.entityDefinition(index: request.index, lexicon: request.lexicon, entity: mention.entity)
        else { return .null }
        return request.locations([target])
      }
      guard let note = request.note else { return .null }
      let targets = Definition.find(index: request.index, lexicon: request.lexicon, note: note.syntax, at: offset)
      return targets.isEmpty ? .null : request.locations(targets)
    }
  }
}
