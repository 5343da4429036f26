//! A per-note memo of findings for one index snapshot, so editors re-check only notes whose text changed.
import Synchronization

/// Findings per note for ONE `CorpusIndex` snapshot: make a new cache whenever the index is rebuilt.
/// Thread-safe; an entry is reused when the note's text and the check context (path, lexicon text) are unchanged.
public final class CheckCache: Sendable {
  private struct Entry {
    var text: String
    var findings: [Finding]
  }

  private let entries = Mutex<[CheckContext: Entry]>([:])

  public init() {}

  /// The note's findings, computed at most once per (text, context).
  public func findings(text: String, index: some CorpusLookup, context: CheckContext) -> [Finding] {
    if let entry = entries.withLock({ $0[context] }), entry.text == text { return entry.findings }
    let findings = Checker.check(text: text, index: index, context: context)
    entries.withLock { $0[context] = Entry(text: text, findings: findings) }
    return findings
  }

  /// Forgets a note (closed or deleted).
  public func remove(notePath: String) {
    entries.withLock { table in table = table.filter { $0.key.notePath != notePath } }
  }
}
