//! `textDocument/documentLink`: each citation key links to its corpus file, at the cited line.
import Corpus

enum DocumentLinksHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["documentLinkProvider"] = ["resolveProvider": false] }
    registry.request("textDocument/documentLink") { params, context in
      guard let request = try FeatureRequest.make(params, context), let note = request.note else { return [] }
      return .array(
        DocumentLinks.note(index: request.index, note: note.syntax).map { link in
          [
            "range": request.range(link.range),
            "target": .string(request.analysis.uri(of: link.target) + "#L\(link.line)"),
            "tooltip": .string(link.tooltip),
          ]
        })
    }
  }
}
