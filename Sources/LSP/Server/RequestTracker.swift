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
  private let inFlight = Mutex<[RequestID: CancellationToken]>([:])

  public init() {}

  /// Called on the reader thread as a request arrives, before it is queued, so a cancel can always find it.
  public func begin(_ id: RequestID) -> CancellationToken {
    let token = CancellationToken()
    inFlight.withLock { $0[id] = token }
    return token
  }

  /// Marks the request answered. False when it was already answered (cancelled): drop the late answer.
  public func finish(_ id: RequestID) -> Bool {
    inFlight.withLock { $0.removeValue(forKey: id) } != nil
  }

  /// Cancels a request still in flight. True when it was: the caller answers -32800 for it now.
  public func cancel(_ id: RequestID) -> Bool {
    guard let token = inFlight.withLock({ $0.removeValue(forKey: id) }) else { return false }
    token.cancel()
    return true
  }

  public var count: Int { inFlight.withLock { $0.count } }
}
