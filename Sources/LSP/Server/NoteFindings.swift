//! Findings of notes, checked once per (text, index generation, lexicon text): an unchanged note is never re-checked.
import Corpus
import Synchronization

/// The checker's findings for a note, cached by path. The cache is process-wide (its keys include the analysis
/// generation, unique per load, so servers never see each other's entries) and keeps one entry per note.
public enum NoteFindings {
  private struct Entry {
    var text: String
    var generation: Int
    var lexiconText: String?
    var findings: [Finding]
  }

  private static let cache = Mutex<[String: Entry]>([:])

  /// The findings of the note at `path` (workspace-relative) whose current text is `text`.
  public static func findings(path: String, text: String, analysis: WorkspaceAnalysis, lexiconText: String?)
    -> [Finding]
  {
    let lexiconText = lexiconText ?? analysis.lexiconText
    let cacheKey = "\(analysis.root.path)\u{0}\(path)"
    if let entry = cache.withLock({ $0[cacheKey] }), entry.generation == analysis.indexGeneration,
      entry.lexiconText == lexiconText, entry.text == text
    {
      return entry.findings
    }
    let context = analysis.checkContext(notePath: path, lexiconText: lexiconText)
    let findings = Checker.check(text: text, index: CachedCorpusLookup.of(analysis), context: context)
    cache.withLock { cache in
      // Never replace a newer generation's entry with an older one (a slow request on an old snapshot).
      if let existing = cache[cacheKey], existing.generation > analysis.indexGeneration { return }
      cache[cacheKey] = Entry(text: text, generation: analysis.indexGeneration, lexiconText: lexiconText, findings: findings)
    }
    return findings
  }
}

extension Snapshot {
  /// The lexicon's current text: the editor's copy when open, else what the analysis read.
  public func lexiconText(_ analysis: WorkspaceAnalysis) -> String? {
    documents[analysis.uri(of: analysis.lexiconPath)]?.text ?? analysis.lexiconText
  }

  /// The findings of an open note (or a note on disk when not open); nil for files that are not notes.
  public func noteFindings(_ uri: String, analysis: WorkspaceAnalysis) -> [Finding]? {
    let (path, kind) = workspaceFile(uri, analysis: analysis)
    guard kind == .note else { return nil }
    if let document = documents[uri] {
      return NoteFindings.findings(
        path: path, text: document.text, analysis: analysis, lexiconText: lexiconText(analysis))
    }
    switch analysis.readNote(path) {
    case .text(let text):
      return NoteFindings.findings(path: path, text: text, analysis: analysis, lexiconText: lexiconText(analysis))
    case .problem(let finding):
      return [finding]
    }
  }
}
