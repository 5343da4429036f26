//! What every editor-feature handler starts from: the analysis, the requesting file, and conversions of the
//! feature's plain `FileRange`s into LSP locations (open text beats disk, corpus files by their raw text).
import Corpus
import Foundation
import Synchronization

struct FeatureRequest {
  let snapshot: Snapshot
  let analysis: WorkspaceAnalysis
  let document: Document
  /// Workspace-relative path of the document.
  let path: String
  let kind: WorkspaceFileKind

  /// The open document `params` names (-32602 when not open) and the analysis, once the first load has ended;
  /// nil only when waiting for it failed (see `workspaceAnalysisOnceLoaded`).
  static func make(_ params: JSONValue, _ context: RequestContext) throws(ResponseError) -> FeatureRequest? {
    let snapshot = context.snapshot
    let document = try snapshot.document(params.textDocumentURI())
    guard let analysis = snapshot.workspaceAnalysisOnceLoaded(context.cancellation) else { return nil }
    let (path, kind) = snapshot.workspaceFile(document.uri, analysis: analysis)
    return FeatureRequest(snapshot: snapshot, analysis: analysis, document: document, path: path, kind: kind)
  }

  var index: CorpusIndex { analysis.index }
  var encoding: PositionEncoding { snapshot.encoding }

  /// `params.position` as a UTF-8 offset in the document.
  func offset(_ params: JSONValue) throws(ResponseError) -> TextSize {
    FromProtocol.offset(of: try params.position(), in: document.lineIndex, encoding: encoding)
  }

  /// `params.range`, when given, as a UTF-8 range in the document.
  func optionalRange(_ params: JSONValue) throws(ResponseError) -> TextRange? {
    guard let json = params["range"], !json.isNull else { return nil }
    return FromProtocol.range(try Range(json: json), in: document.lineIndex, encoding: encoding)
  }

  func range(_ range: TextRange) -> JSONValue { snapshot.range(range, in: document).json }

  /// The document as a parsed note (any Markdown file outside the corpus counts).
  var note: NoteFile? {
    guard kind == .note || kind == .other && document.languageID == "markdown" else { return nil }
    return ParsedNotes.note(file: path, text: document.text)
  }

  /// The paper when the document is a corpus file.
  var paper: Int? {
    guard kind == .corpus else { return nil }
    return analysis.paperByFile[path]
  }

  var lexicon: LexiconSource? {
    guard let text = snapshot.lexiconText(analysis) else { return nil }
    return LexiconSource(file: analysis.lexiconPath, text: text)
  }

  /// Every note of the workspace (open text beats disk), the requesting note first when it is one.
  func notes() -> [NoteFile] {
    var result: [NoteFile] = []
    var seen = Set<String>()
    if let note {
      result.append(note)
      seen.insert(note.file)
    }
    for file in analysis.noteFiles where !seen.contains(file) {
      seen.insert(file)
      if let text = snapshot.currentText(of: file, analysis: analysis) { result.append(ParsedNotes.note(file: file, text: text)) }
    }
    // Open notes not yet on disk (new, unsaved files).
    for open in snapshot.documents.all {
      let (file, kind) = snapshot.workspaceFile(open.uri, analysis: analysis)
      guard kind == .note, !seen.contains(file) else { continue }
      seen.insert(file)
      result.append(ParsedNotes.note(file: file, text: open.text))
    }
    return result
  }

  /// The line index a workspace file's ranges are counted in: the request's own document, else as
  /// `Snapshot.lineIndex(of:analysis:)` says; kept in `cache` for the rest of the request.
  func lineIndex(of file: String, cache: inout [String: LineIndex]) -> LineIndex? {
    if let cached = cache[file] { return cached }
    let found = file == path ? document.lineIndex : snapshot.lineIndex(of: file, analysis: analysis)
    cache[file] = found
    return found
  }

  /// LSP `Location`s, in order, skipping files that cannot be read.
  func locations(_ ranges: [FileRange]) -> JSONValue {
    var cache: [String: LineIndex] = [:]
    var result: [JSONValue] = []
    for fileRange in ranges {
      guard let lines = lineIndex(of: fileRange.file, cache: &cache) else { continue }
      result.append(
        ToProtocol.location(uri: analysis.uri(of: fileRange.file), fileRange.range, in: lines, encoding: encoding).json)
    }
    return .array(result)
  }
}

extension HoverInfo {
  func json(_ request: FeatureRequest) -> JSONValue {
    ["contents": ["kind": "markdown", "value": .string(markdown)], "range": request.range(range)]
  }
}

/// Parsed notes by path, reused while their text is unchanged: references and lenses read every note.
enum ParsedNotes {
  private static let cache = Mutex<[String: NoteFile]>([:])

  static func note(file: String, text: String) -> NoteFile {
    if let cached = cache.withLock({ $0[file] }), cached.syntax.text == text { return cached }
    let parsed = NoteFile(file: file, text: text)
    cache.withLock { $0[file] = parsed }
    return parsed
  }
}
