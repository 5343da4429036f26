//! `textDocument/inlayHint`: the short title of a document after each citation key.
import Corpus

enum InlayHintsHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["inlayHintProvider"] = true }
    registry.request("textDocument/inlayHint") { params, context in
      guard let request = try FeatureRequest.make(params, context), let note = request.note else { return [] }
      let range = try request.optionalRange(params)
      let hints = InlayHints.note(index: request.index, note: note.syntax, in: range)
      return .array(
        hints.map { hint in
          [
            "position": request.snapshot.position(hint.position, in: request.document).json,
            "label": .string(hint.label),
            "paddingLeft": true,
            "tooltip": .string(hint.tooltip),
          ]
        })
    }
  }
}
