//! Where a paper's raw text lives: in memory for papers built from a string, or re-read from the paper's file
//! when a feature needs it.
import Foundation
import Synchronization

/// The raw text of one paper, on demand.
///
/// Why not keep it: at 100 MB of corpus the raw text is a third of the memory, and once a paper is parsed only two
/// things read it again: converting a raw offset to a line and column (hover, go-to-citation, references, SARIF)
/// and showing a passage as printed. Both touch a handful of papers per request, so the texts are re-read from disk
/// and the last few kept (`RawTextCache`). Offsets stay those of the text indexed: a file changed on disk since then
/// is read as it is now, until the re-index that its change triggers.
public final class RawTextSource: Sendable {
  enum Storage {
    case resident(String)
    /// The file's path (a path string: a URL per paper costs a good part of reading a small one).
    case file(String)
  }

  let storage: Storage
  /// Byte count of the text that was indexed.
  public let utf8Count: Int
  /// Identity in the cache (never reused, unlike an object's address).
  let serial: Int

  private static let nextSerial = Atomic<Int>(0)

  init(storage: Storage, utf8Count: Int) {
    self.storage = storage
    self.utf8Count = utf8Count
    self.serial = Self.nextSerial.add(1, ordering: .relaxed).newValue
  }

  /// A text kept in memory.
  public static func resident(_ text: String) -> RawTextSource {
    RawTextSource(storage: .resident(text), utf8Count: text.utf8.count)
  }

  /// A text re-read and decoded from the file at `path` when asked for; `utf8Count` is that of the text indexed.
  public static func file(_ path: String, utf8Count: Int) -> RawTextSource {
    RawTextSource(storage: .file(path), utf8Count: utf8Count)
  }

  /// The raw text: the indexed text itself, or the file as it reads now ("" when it can no longer be read).
  public var text: String {
    switch storage {
    case .resident(let text): return text
    case .file(let path):
      if let cached = RawTextCache.shared.text(serial) { return cached }
      var text = ""
      if let data = FileManager.default.contents(atPath: path), case .success(let decoded) = TextDecoding.decode(data) {
        text = decoded.text
      }
      text.makeContiguousUTF8()
      RawTextCache.shared.insert(text, serial)
      return text
    }
  }

  /// A line table of the raw text, reusing line starts the reader found when the text is the one indexed.
  func lineIndex(knownStarts: [UInt32]) -> LineIndex {
    let text = text
    // Same length as indexed: the known starts are in range (a same-length edit on disk is read as it is).
    return text.utf8.count == utf8Count ? LineIndex(text, knownStarts: knownStarts) : LineIndex(text)
  }
}

/// The raw texts read last, shared by all papers: a request touches a few papers, and a burst of requests the same.
final class RawTextCache: Sendable {
  static let shared = RawTextCache(capacity: 16)

  private let capacity: Int
  /// Most recently used last.
  private let entries = Mutex<[(serial: Int, text: String)]>([])

  init(capacity: Int) { self.capacity = capacity }

  func text(_ serial: Int) -> String? {
    entries.withLock { entries in
      guard let index = entries.firstIndex(where: { $0.serial == serial }) else { return nil }
      let entry = entries.remove(at: index)
      entries.append(entry)
      return entry.text
    }
  }

  func insert(_ text: String, _ serial: Int) {
    entries.withLock { entries in
      entries.removeAll { $0.serial == serial }
      entries.append((serial, text))
      if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }
  }
}
