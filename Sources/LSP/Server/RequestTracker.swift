//! Requests in flight: their cancellation tokens, and the guarantee that each id is answered exactly once.
import Synchronization

/// Set when the client cancels a request (or the server gives up on it). Features poll it between units of work
/// and throw `ResponseError.cancelled` (or just return: the answer is dropped).
public final class CancellationToken: Sendable {
  private let flag = Atomic<Bool>(false)
  public init() {}
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
  public func cancel() { flag.store(true, ordering: .relaxed) }
  public func checkCancellation() throws(ResponseError) {
    if isCancelled { throw .cancelled }
  }
}

public final class RequestTracker: Sendable {
  private struct Entry {
    let token: CancellationToken
    /// Set once the request took its snapshot: the document it names, and whether an edit should cancel it.
    var document: String?
    var cancelledByEdits = false
  }

  private let inFlight = Mutex<[RequestID: Entry]>([:])

  public init() {}

  /// Called on the reader thread as a request arrives, before it is queued, so a cancel can always find it.
  public func begin(_ id: RequestID) -> CancellationToken {
    let token = CancellationToken()
    inFlight.withLock { $0[id] = Entry(token: token) }
    return token
  }

  /// Called on the loop when the request takes its snapshot of `document` (a `DocumentStore.key`).
  public func started(_ id: RequestID, document: String?, cancelledByEdits: Bool) {
    inFlight.withLock { entries in
      entries[id]?.document = document
      entries[id]?.cancelledByEdits = cancelledByEdits
    }
  }

  /// Marks the request answered. False when it was already answered (cancelled): drop the late answer.
  public func finish(_ id: RequestID) -> Bool {
    inFlight.withLock { $0.removeValue(forKey: id) } != nil
  }

  /// Cancels a request still in flight. True when it was: the caller answers -32800 for it now.
  public func cancel(_ id: RequestID) -> Bool {
    guard let entry = inFlight.withLock({ $0.removeValue(forKey: id) }) else { return false }
    entry.token.cancel()
    return true
  }

  /// Cancels the running requests whose snapshot of `document` an edit just made stale; the caller answers
  /// -32801 (ContentModified) for each id returned.
  public func documentChanged(_ document: String) -> [RequestID] {
    let stale = inFlight.withLock { entries in
      let ids = entries.filter { $0.value.cancelledByEdits && $0.value.document == document }.map(\.key)
      return ids.compactMap { id in entries.removeValue(forKey: id).map { (id, $0.token) } }
    }
    for (_, token) in stale { token.cancel() }
    return stale.map(\.0)
  }

  public var count: Int { inFlight.withLock { $0.count } }
}
