//! A flag that can be claimed once, by one thread: "answer this request once", "signal this once".
import Synchronization

final class Once: Sendable {
  private let claimed = Atomic<Bool>(false)

  /// True for the first caller only.
  func claim() -> Bool {
    !claimed.exchange(true, ordering: .acquiringAndReleasing)
  }
}
