//! Sorting lists that are usually in order already (hits and mentions of a scan, a paragraph's footnote calls).

extension Array {
  /// Whether no element comes before the one preceding it.
  func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
    var k = 1
    while k < count {
      if areInIncreasingOrder(self[k], self[k - 1]) { return false }
      k += 1
    }
    return true
  }

  /// Sorts the list only when it is out of order: a stable sort would leave an ordered list as it is, and checking
  /// costs one pass where sorting costs a buffer and several.
  mutating func sortIfNeeded(by areInIncreasingOrder: (Element, Element) -> Bool) {
    if !isSorted(by: areInIncreasingOrder) { sort(by: areInIncreasingOrder) }
  }
}
