//! `textDocument/semanticTokens/full` and `/range`: citations, locators, actors and mechanisms.
import Corpus

enum SemanticTokensHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in
      capabilities["semanticTokensProvider"] = [
        "legend": [
          "tokenTypes": .array(SemanticTokens.tokenTypes.map { .string($0) }),
          "tokenModifiers": .array(SemanticTokens.tokenModifiers.map { .string($0) }),
        ],
        "full": true,
        "range": true,
      ]
    }
    registry.request("textDocument/semanticTokens/full") { params, context in try tokens(params, context) }
    registry.request("textDocument/semanticTokens/range") { params, context in
      _ = try params.required("range")
      return try tokens(params, context)
    }
  }

  static func tokens(_ params: JSONValue, _ context: RequestContext) throws(ResponseError) -> JSONValue {
    guard let request = try FeatureRequest.make(params, context) else { return ["data": []] }
    let range = try request.optionalRange(params)
    let tokens: [SemanticToken]
    if let paper = request.paper {
      tokens = SemanticTokens.paper(index: request.index, paper: paper, in: range)
    } else if let note = request.note {
      tokens = SemanticTokens.note(index: request.index, note: note.syntax, in: range)
    } else {
      tokens = []
    }
    return ["data": .array(encode(tokens, request).map { .integer($0) })]
  }

  /// The relative five-integer encoding; tokens spanning lines are left out (clients need one-line tokens).
  static func encode(_ tokens: [SemanticToken], _ request: FeatureRequest) -> [Int] {
    var data: [Int] = []
    data.reserveCapacity(tokens.count * 5)
    var previousLine = 0
    var previousColumn = 0
    for token in tokens {
      let start = request.snapshot.position(token.range.start, in: request.document)
      let end = request.snapshot.position(token.range.end, in: request.document)
      guard start.line == end.line, end.character > start.character else { continue }
      let deltaLine = start.line - previousLine
      let deltaColumn = deltaLine == 0 ? start.character - previousColumn : start.character
      data += [deltaLine, deltaColumn, end.character - start.character, token.type, token.modifiers]
      previousLine = start.line
      previousColumn = start.character
    }
    return data
  }
}
