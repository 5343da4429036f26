//! Rule invalid-locator: a locator that cannot be read (`¶`, `¶5-3`, `§x`).

enum InvalidLocator {
  static func findings(_ run: CheckRun<some CorpusLookup>) -> [Finding] {
    run.items.joined().compactMap { item in
      guard let locator = item.item.locator, case .invalid(let why) = locator.kind else { return nil }
      var fixes: [Fix] = []
      // A backwards range (`¶5-3`) has one obvious repair: swap its ends.
      let numbers = run.text(locator.valueRange).split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }
      if numbers.count == 2, numbers[0] > numbers[1] {
        let swapped = "\(numbers[1])-\(numbers[0])"
        fixes.append(
          Fix(
            title: "Change the range to \(swapped)", edits: [run.noteEdit(locator.valueRange, swapped)],
            isPreferred: true))
      }
      return Finding(
        rule: .invalidLocator, file: run.notePath, range: locator.range,
        message: "The locator '\(run.text(locator.range))' cannot be read: \(why).", fixes: fixes)
    }
  }
}
