//! `textDocument/documentSymbol`: the outline of a note (headings, citations) or of a corpus file (sections).
import Corpus

enum DocumentSymbolsHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["documentSymbolProvider"] = true }
    registry.request("textDocument/documentSymbol") { params, context in
      guard let request = try FeatureRequest.make(params, context) else { return [] }
      let nodes: [SymbolNode]
      if let paper = request.paper {
        nodes = Symbols.paperOutline(request.index.papers[paper])
      } else if let note = request.note {
        nodes = Symbols.noteOutline(index: request.index, note: note.syntax)
      } else {
        nodes = []
      }
      return .array(nodes.map { json($0, request) })
    }
  }

  static func json(_ node: SymbolNode, _ request: FeatureRequest) -> JSONValue {
    var object: [String: JSONValue] = [
      "name": .string(node.name.isEmpty ? "—" : node.name),
      "kind": .integer(symbolKind(node.kind)),
      "range": request.range(node.range),
      "selectionRange": request.range(node.selectionRange),
    ]
    if let detail = node.detail { object["detail"] = .string(detail) }
    if !node.children.isEmpty { object["children"] = .array(node.children.map { json($0, request) }) }
    return .object(object)
  }

  /// LSP `SymbolKind`.
  static func symbolKind(_ kind: SymbolNode.Kind) -> Int {
    switch kind {
    case .heading: return 15  // String, as Markdown servers show headings
    case .citation: return 20  // Key
    case .section: return 3  // Namespace
    case .footnotes: return 18  // Array
    case .document: return 1  // File
    case .entity: return 5  // Class
    }
  }
}
