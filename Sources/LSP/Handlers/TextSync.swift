//! `textDocument/didOpen`, `didChange` (full and incremental), `didClose`, `didSave`: the client-owned texts.

enum TextSyncHandlers {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in
      capabilities["textDocumentSync"] = [
        "openClose": true,
        "change": 2,  // incremental
        "save": ["includeText": false],
      ]
    }
    registry.notification("textDocument/didOpen") { params, server in
      let item = try params.required("textDocument")
      let uri = try item.requiredString("uri")
      server.session.documents.open(
        uri: uri, languageID: item["languageId"]?.stringValue ?? "", version: item["version"]?.intValue ?? 0,
        text: try item.requiredString("text"))
      server.documentDidChange(uri)
    }
    registry.notification("textDocument/didChange") { params, server in
      let item = try params.required("textDocument")
      let uri = try item.requiredString("uri")
      let changes = try params.requiredArray("contentChanges").map { json throws(ResponseError) in
        try TextChange(json: json)
      }
      let session = server.session
      guard let document = session.documents[uri] else {
        server.logger.warning("didChange for a document that is not open: \(uri)")
        return
      }
      let version = item["version"]?.intValue ?? document.version + 1
      if version <= document.version {
        server.logger.warning("didChange for \(uri): version \(version) after \(document.version)")
      }
      session.documents.change(uri: uri, version: version, changes: changes, encoding: session.encoding)
      server.cancelRequestsReading(uri)
      server.documentDidChange(uri)
    }
    registry.notification("textDocument/didClose") { params, server in
      let uri = try params.textDocumentURI()
      if server.session.documents.close(uri: uri) == nil {
        server.logger.warning("didClose for a document that is not open: \(uri)")
      }
      server.cancelRequestsReading(uri)
      server.documentDidChange(uri)
    }
    registry.notification("textDocument/didSave") { params, server in
      let uri = try params.textDocumentURI()
      server.logger.debug("saved \(uri)")
    }
  }
}
