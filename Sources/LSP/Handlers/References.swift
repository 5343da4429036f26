//! `textDocument/references`: note and corpus places citing a document or naming an entity; from a corpus
//! paragraph, the notes citing it.
import Corpus

enum ReferencesHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["referencesProvider"] = true }
    registry.request("textDocument/references") { params, context in
      let (_, _) = try context.snapshot.documentPosition(params)
      guard let request = try FeatureRequest.make(params, context) else { return .null }
      let offset = try request.offset(params)
      let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? false
      let notes = request.notes()
      try context.cancellation.checkCancellation()
      if let paper = request.paper {
        return request.locations(
          PaperAnnotations.references(
            index: request.index, paper: paper, notes: notes, at: offset, includeDeclaration: includeDeclaration))
      }
      guard let note = request.note else { return .null }
      return request.locations(
        References.find(
          index: request.index, lexicon: request.lexicon, notes: notes, current: note, at: offset,
          includeDeclaration: includeDeclaration))
    }
  }
}
