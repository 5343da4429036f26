//! `workspace/symbol`: documents, sections and entities matching a CJK or Latin query.
import Corpus

enum WorkspaceSymbolsHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["workspaceSymbolProvider"] = true }
    registry.request("workspace/symbol") { params, context in
      let query = try params.requiredString("query")
      let snapshot = context.snapshot
      guard let analysis = snapshot.workspaceAnalysisOnceLoaded(context.cancellation) else { return [] }
      let lexicon = snapshot.lexiconText(analysis).map { LexiconSource(file: analysis.lexiconPath, text: $0) }
      let entries = Symbols.workspace(index: analysis.index, lexicon: lexicon, query: query)
      var cache: [String: LineIndex] = [:]
      var result: [JSONValue] = []
      for entry in entries {
        let file = entry.location.file
        guard let lines = cache[file] ?? snapshot.lineIndex(of: file, analysis: analysis) else { continue }
        cache[file] = lines
        var object: [String: JSONValue] = [
          "name": .string(entry.name),
          "kind": .integer(DocumentSymbolsHandler.symbolKind(entry.kind)),
          "location": ToProtocol.location(
            uri: analysis.uri(of: file), entry.location.range, in: lines, encoding: snapshot.encoding
          ).json,
        ]
        if let container = entry.container { object["containerName"] = .string(container) }
        result.append(.object(object))
      }
      return .array(result)
    }
  }
}
