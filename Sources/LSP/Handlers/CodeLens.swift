//! `textDocument/codeLens`: in a corpus file, "cited by N notes" over each cited paragraph.
import Corpus

enum CodeLensHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["codeLensProvider"] = ["resolveProvider": false] }
    registry.request("textDocument/codeLens") { params, context in
      guard let request = try FeatureRequest.make(params, context), let paper = request.paper else { return [] }
      let lenses = PaperAnnotations.lenses(index: request.index, paper: paper, notes: request.notes())
      return .array(
        lenses.map { lens in
          let start = TextRange(start: lens.range.start, end: lens.range.start)
          // A title-only command: the client shows it; references from the paragraph list the notes.
          return ["range": request.range(start), "command": ["title": .string(lens.title), "command": ""]]
        })
    }
  }
}
