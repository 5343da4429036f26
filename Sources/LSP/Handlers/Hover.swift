//! `textDocument/hover`: citations and entities in notes; paragraphs and entity mentions in corpus files.
import Corpus

enum HoverHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["hoverProvider"] = true }
    registry.request("textDocument/hover") { params, context in
      let (_, _) = try context.snapshot.documentPosition(params)
      guard let request = try FeatureRequest.make(params, context) else { return .null }
      let offset = try request.offset(params)
      let info: HoverInfo?
      if let paper = request.paper {
        info = PaperAnnotations.hover(index: request.index, paper: paper, notes: request.notes(), at: offset)
      } else if let note = request.note {
        info = Hover.find(index: request.index, note: note.syntax, at: offset)
      } else {
        info = nil
      }
      return info?.json(request) ?? .null
    }
  }
}
