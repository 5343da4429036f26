//! Rule invalid-locator: a locator that cannot be read (`¶`, `¶5-3`, `§x`).

enum InvalidLocator {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    run.items.joined().compactMap { item in
      guard let locator = item.item.locator, case .invalid(let why) = locator.kind else { return nil }
      return Finding(
        rule: .invalidLocator, file: run.notePath, range: locator.range,
        message: "The locator '\(run.text(locator.range))' cannot be read: \(why).")
    }
  }
}
