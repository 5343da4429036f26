//! `textDocument/completion` and `completionItem/resolve`: few light items, documentation on resolve.
import Corpus

enum CompletionHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in
      capabilities["completionProvider"] = [
        "triggerCharacters": .array(Completion.triggerCharacters.filter { $0 != " " }.map { .string($0) }),
        "resolveProvider": true,
      ]
    }
    registry.request("textDocument/completion") { params, context in
      guard let request = try FeatureRequest.make(params, context), let note = request.note else {
        // Incomplete: the client asks again, and the workspace may be loaded by then.
        return ["isIncomplete": true, "items": []]
      }
      let offset = try request.offset(params)
      let result = Completion.complete(index: request.index, text: note.syntax.text, at: offset)
      // Every entry of one request shares its replace range: convert it once.
      var ranges: [TextRange: JSONValue] = [:]
      let items = result.entries.map { entry -> JSONValue in
        let range = ranges[entry.replaceRange] ?? request.range(entry.replaceRange)
        ranges[entry.replaceRange] = range
        return [
          "label": .string(entry.label),
          "kind": .integer(itemKind(entry.kind)),
          "labelDetails": ["description": .string(entry.detail)],
          "detail": .string(entry.detail),
          "filterText": .string(entry.filterText),
          "sortText": .string(entry.sortText),
          "textEdit": ["range": range, "newText": .string(entry.newText)],
          "data": .array(entry.data.strings.map { .string($0) }),
        ]
      }
      return ["isIncomplete": .bool(result.isIncomplete), "items": .array(items)]
    }
    registry.request("completionItem/resolve") { params, context in
      guard case .object(var item) = params else { throw ResponseError.invalidParams("a CompletionItem object is needed") }
      guard let analysis = context.snapshot.workspaceAnalysis,
        let strings = params["data"]?.arrayValue?.compactMap(\.stringValue),
        let data = CompletionData(strings: strings),
        let markdown = Completion.documentation(for: data, index: analysis.index)
      else { return params }
      item["documentation"] = ["kind": "markdown", "value": .string(markdown)]
      return .object(item)
    }
  }

  /// LSP `CompletionItemKind`.
  static func itemKind(_ kind: CompletionEntry.Kind) -> Int {
    switch kind {
    case .document: return 18  // Reference
    case .section: return 9  // Module
    case .paragraph: return 1  // Text
    case .footnote: return 1
    case .actor: return 7  // Class
    case .mechanism: return 23  // Event
    case .entity: return 6  // Variable
    }
  }
}
