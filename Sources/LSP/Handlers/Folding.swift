//! `textDocument/foldingRange`: headings, block quotes and fenced code of notes; sections of corpus files.
import Corpus

enum FoldingHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["foldingRangeProvider"] = true }
    registry.request("textDocument/foldingRange") { params, context in
      let document = try context.snapshot.document(params.textDocumentURI())
      let regions: [FoldingRegion]
      let request = try FeatureRequest.make(params, context)
      if let request, let paper = request.paper {
        regions = Folding.paper(request.index.papers[paper])
      } else {
        regions = Folding.note(request?.note?.syntax ?? NoteParser.parse(document.text))
      }
      return .array(
        regions.map { region in
          ["startLine": .integer(region.startLine), "endLine": .integer(region.endLine), "kind": .string(region.kind.rawValue)]
        })
    }
  }
}
