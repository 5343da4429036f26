//! The automaton under the mention scanner: Aho–Corasick over characters rather than bytes, its trie stored as a
//! double array, so the whole machine stays in a core's cache while it reads a 100 MB corpus.

/// Finds every occurrence of a set of patterns (UTF-8 byte strings, ASCII letters lower-cased) in UTF-8 text;
/// ASCII capitals in the text match their lower-case forms. Immutable and thread-safe.
///
/// Each character of the text is read once: its class (which pattern characters it is) comes from one table over
/// the BMP; a character no pattern uses sends the automaton back to the root. Failure links are resolved when the
/// automaton is built: a state's transitions that do not lead where the root's would sit in a double array
/// (`base + class`, owned by the state when `check` says so), and any other character takes the root's. One step a
/// character, with no branch on the path: some 600 KB of transitions for the built-in lexicon, where a full DFA over
/// characters would take tens of megabytes. (A state that would take over a long row from its failure state keeps
/// its own transitions only and walks on at scan time: a large workspace lexicon cannot blow the table up.)
struct MentionAutomaton: Sendable {
  /// A transition of the double array: the state it leaves from, and the state it leads to.
  struct Slot: Sendable {
    /// `check` in the low half, `next` in the high half.
    var bits: UInt64

    /// `check` is the base of the state this transition belongs to, -1 for a free slot; `next` is the target
    /// state's code (`Code`).
    init(check: Int32, next: Int32) {
      bits = UInt64(UInt32(bitPattern: check)) | UInt64(UInt32(bitPattern: next)) << 32
    }
  }

  /// Class of each ASCII byte (capitals share their lower-case class); 0 when no pattern uses it.
  let asciiClass: [UInt16]
  /// Class of every non-ASCII BMP scalar, 0 when no pattern uses it (and for 0..<0x80, which only an overlong
  /// sequence would reach). One load per character (128 KB, of which text touches a few kilobytes), where a bit
  /// set with ranks needed two loads and a population count.
  let bmpClass: [UInt16]
  /// Scalars beyond the BMP that occur in some pattern, sorted: class `supplementaryClassBase + index`.
  let supplementary: [UInt32]
  let supplementaryClassBase: Int
  /// Number of classes, the "no pattern uses it" class 0 included.
  let classCount: Int
  /// A state as the scan holds it: `base << 2 | partial << 1 | hasOutput`. `base` is where its transitions sit;
  /// `hasOutput` says it reports patterns (so that the scan reads `outputStart` only then); `partial` says its row
  /// holds only its trie children, and a character it has no transition for goes on to its failure state
  /// (`failCode`) rather than to the root's transition.
  enum Code {
    static func base(_ code: Int) -> Int { code >> 2 }
    static func isPartial(_ code: Int) -> Bool { code & 2 != 0 }
    static func hasOutput(_ code: Int) -> Bool { code & 1 != 0 }
  }

  /// The code of the root's transition on each class (the root's own when it has none).
  let rootNext: [Int32]
  /// The root's code: where a scan starts.
  let rootCode: Int32
  /// The code of each partial state's failure state; by base.
  let failCode: [Int32]
  /// The longest row a state takes over from its failure state, and the most transitions all rows may hold (at
  /// least `rowBudgetPerEdge` per trie edge). The built-in lexicon stays within both (a test keeps it so: its
  /// regions 印太 and 亚太 end many words' failure paths, which took it past 64 K transitions); a large workspace lexicon whose words end where hundreds of
  /// others start would otherwise give every such state a row of hundreds.
  static let inheritedRowLimit = 64
  static let rowBudget = 81_920
  static let rowBudgetPerEdge = 4
  let slots: [Slot]
  /// Start of each state's outputs in `outputs` (a count, then that many pattern numbers), or -1; by base.
  let outputStart: [Int32]
  let outputs: [Int32]
  /// Trie states, the root included.
  let stateCount: Int
  /// States that keep their own transitions only (see `inheritedRowLimit`).
  let partialStateCount: Int
  /// Each key's length in bytes, and the longest.
  let keyLengths: [Int32]
  let longestKey: Int

  /// `keys[p]` is pattern `p`'s UTF-8 bytes, ASCII letters lower-cased.
  init(keys: [[UInt8]]) {
    keyLengths = keys.map { Int32($0.count) }
    longestKey = keys.map(\.count).max() ?? 0
    // Characters of each key.
    let scalarKeys: [[UInt32]] = keys.map { key in
      String(decoding: key, as: UTF8.self).unicodeScalars.map(\.value)
    }
    var asciiUsed = [Bool](repeating: false, count: 128)
    var bmp = Set<UInt32>()
    var beyond = Set<UInt32>()
    for key in scalarKeys {
      for value in key {
        if value < 0x80 {
          asciiUsed[Int(value)] = true
        } else if value < 0x10000 {
          bmp.insert(value)
        } else {
          beyond.insert(value)
        }
      }
    }
    var ascii = [UInt16](repeating: 0, count: 128)
    var nextClass = 1
    for byte in 0..<128 where asciiUsed[byte] && !(byte >= 0x41 && byte <= 0x5A) {
      ascii[byte] = UInt16(nextClass)
      nextClass += 1
    }
    for upper in 0x41...0x5A where ascii[upper | 0x20] != 0 { ascii[upper] = ascii[upper | 0x20] }
    // Keys are folded, so an unfolded capital (from a caller that did not fold) still gets a class of its own.
    for upper in 0x41...0x5A where asciiUsed[upper] && ascii[upper] == 0 {
      ascii[upper] = UInt16(nextClass)
      nextClass += 1
    }
    asciiClass = ascii
    var table = [UInt16](repeating: 0, count: 0x10000)
    for value in bmp.sorted() {
      table[Int(value)] = UInt16(nextClass)
      nextClass += 1
    }
    bmpClass = table
    let supplementaryBase = nextClass
    let supplementaryScalars = beyond.sorted()
    supplementaryClassBase = supplementaryBase
    supplementary = supplementaryScalars
    nextClass += beyond.count
    classCount = nextClass

    // Trie over classes.
    func symbol(_ value: UInt32) -> Int {
      if value < 0x80 { return Int(ascii[Int(value)]) }
      if value < 0x10000 { return Int(table[Int(value)]) }
      return supplementaryBase + (supplementaryScalars.firstIndex(of: value) ?? 0)
    }
    var children: [[(symbol: Int, child: Int)]] = [[]]
    let classes = nextClass
    var rootChild = [Int](repeating: 0, count: classes)
    var ends: [[Int32]] = [[]]
    for (pattern, key) in scalarKeys.enumerated() where !key.isEmpty {
      var state = 0
      for value in key {
        let s = symbol(value)
        let existing = state == 0 ? rootChild[s] : (children[state].first { $0.symbol == s }?.child ?? 0)
        if existing != 0 {
          state = existing
          continue
        }
        children.append([])
        ends.append([])
        let child = children.count - 1
        if state == 0 { rootChild[s] = child }
        children[state].append((s, child))
        state = child
      }
      ends[state].append(Int32(pattern))
    }
    let trieCount = children.count
    stateCount = trieCount

    // Failure links, breadth first; a state's outputs include those of its failure state.
    var fail = [Int](repeating: 0, count: trieCount)
    var order: [Int] = [0]
    var head = 0
    while head < order.count {
      let state = order[head]
      head += 1
      if state != 0 { ends[state] += ends[fail[state]] }
      for (s, child) in children[state] {
        if state != 0 {
          var f = fail[state]
          while f != 0, !children[f].contains(where: { $0.symbol == s }) { f = fail[f] }
          fail[child] = f == 0 ? rootChild[s] : (children[f].first { $0.symbol == s }?.child ?? 0)
          if fail[child] == child { fail[child] = 0 }
        }
        order.append(child)
      }
    }

    // Every transition resolved in advance, so that the scan takes one step a character and never follows a
    // failure link: a state's row holds the transitions that do not lead where the root's would (its trie
    // children, and its failure state's row where no child overrides it). Rows are short: most states are
    // reached by a word's first characters, and fail to the root.
    var rows = [[(symbol: Int, target: Int)]](repeating: [], count: trieCount)
    var partial = [Bool](repeating: false, count: trieCount)
    var rowStamp = [Int](repeating: -1, count: classes)
    // Breadth first: the shallow states, where a scan spends most of its characters, take their rows first.
    var unspent = max(Self.rowBudget, Self.rowBudgetPerEdge * (trieCount - 1))
    for state in order where state != 0 {
      var row = children[state].map { (symbol: $0.symbol, target: $0.child) }
      let inherited = rows[fail[state]]
      unspent -= row.count
      if partial[fail[state]] || row.count + inherited.count > Self.inheritedRowLimit || inherited.count > unspent {
        // Its children only: the scan walks on to the failure state for any other character.
        partial[state] = true
      } else {
        for (s, _) in row { rowStamp[s] = state }
        for (s, target) in inherited where rowStamp[s] != state { row.append((s, target)) }
        unspent -= inherited.count
      }
      rows[state] = row
    }

    // Double array: each state's row at `base + class`, in the first free slots that fit. A state is known by its
    // base (distinct for every state, the root and the states without a row included), so a slot's `check` names
    // its owner and `next` is the target's base: one load a character.
    var baseOf = [Int](repeating: -1, count: trieCount)
    let capacity = 2 * (rows.reduce(0) { $0 + $1.count } + classes) + trieCount
    var used = [Bool](repeating: false, count: capacity)
    var baseTaken = [Bool](repeating: false, count: capacity)
    // The first free slot at or after each slot, with paths halved as they are walked: placing a row tries only
    // free slots for its first class.
    var freeFrom = Array(0...capacity)
    var attempts = [UInt8](repeating: 0, count: capacity)
    func firstFree(_ slot: Int) -> Int {
      var slot = slot
      while freeFrom[slot] != slot {
        freeFrom[slot] = freeFrom[freeFrom[slot]]
        slot = freeFrom[slot]
      }
      return slot
    }
    // Long rows first, while the array is still empty.
    for state in order.sorted(by: { rows[$0].count > rows[$1].count }) where !rows[state].isEmpty {
      let symbols = rows[state].map(\.symbol).sorted()
      let lowest = symbols[0]
      // Bases are never negative (the scan reads `base + class` unchecked).
      var slot = firstFree(lowest)
      while true {
        if slot - lowest + classes >= used.count {  // rarely: room for one more row
          let more = used.count
          used += [Bool](repeating: false, count: more)
          baseTaken += [Bool](repeating: false, count: more)
          attempts += [UInt8](repeating: 0, count: more)
          freeFrom.removeLast()
          freeFrom += Array(more...(2 * more))
        }
        if !baseTaken[slot - lowest], !symbols.contains(where: { used[slot - lowest + $0] }) { break }
        // A free slot that two rows could not use is skipped from then on (left free): the search would otherwise
        // try it again for every later row. The table grows by a few percent; its build takes half the time.
        attempts[slot] &+= 1
        if attempts[slot] >= 2 { freeFrom[slot] = slot + 1 }
        slot = firstFree(slot + 1)
      }
      let base = slot - lowest
      baseOf[state] = base
      baseTaken[base] = true
      for s in symbols {
        used[base + s] = true
        freeFrom[base + s] = base + s + 1
      }
    }
    // The root and the states without a row take bases no other state has; no slot names them as its owner.
    var nextSpare = 0
    for state in 0..<trieCount where baseOf[state] < 0 {
      while baseTaken[nextSpare] { nextSpare += 1 }
      baseOf[state] = nextSpare
      baseTaken[nextSpare] = true
    }
    // Pad so that `base + class` is a slot for every state and class: the scan needs no bounds test.
    let slotCount = used.lastIndex(of: true).map { $0 + 1 } ?? 0
    let paddedCount = max(slotCount, (baseOf.max() ?? 0) + classes)
    func code(_ state: Int) -> Int32 {
      Int32(baseOf[state] << 2 | (partial[state] ? 2 : 0) | (ends[state].isEmpty ? 0 : 1))
    }
    var slotTable = [Slot](repeating: Slot(check: -1, next: 0), count: paddedCount)
    var startTable = [Int32](repeating: -1, count: paddedCount)
    var failTable = [Int32](repeating: 0, count: paddedCount)
    var flat: [Int32] = []
    for state in 0..<trieCount {
      let base = baseOf[state]
      for (s, target) in rows[state] { slotTable[base + s] = Slot(check: Int32(base), next: code(target)) }
      if partial[state] { failTable[base] = code(fail[state]) }
      if !ends[state].isEmpty {
        startTable[base] = Int32(flat.count)
        flat.append(Int32(ends[state].count))
        flat += ends[state]
      }
    }
    rootCode = code(0)
    rootNext = (0..<classes).map { rootChild[$0] == 0 ? code(0) : code(rootChild[$0]) }
    slots = slotTable
    failCode = failTable
    partialStateCount = partial.filter { $0 }.count
    outputStart = startTable
    outputs = flat
  }

  /// Calls `report(pattern, end)` for every pattern occurrence (`end` is the byte offset just past it). A text
  /// of some length is read as two halves at once (see `scanHalves`): occurrences come in order of `end` within
  /// each half, the two halves' interleaved.
  @inline(__always)
  func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ report: (_ pattern: Int, _ end: Int) -> Void) {
    asciiClass.withUnsafeBufferPointer { ascii in
      bmpClass.withUnsafeBufferPointer { classes in
        rootNext.withUnsafeBufferPointer { root in
          slots.withUnsafeBufferPointer { slots in
            outputStart.withUnsafeBufferPointer { outputStart in
              outputs.withUnsafeBufferPointer { outputs in
                keyLengths.withUnsafeBufferPointer { lengths in
                  failCode.withUnsafeBufferPointer { failCode in
                    let tables = Tables(
                      ascii: ascii, classes: classes, root: root, slots: slots, failCode: failCode,
                      outputStart: outputStart, outputs: outputs, lengths: lengths)
                    scanHalves(bytes, tables, report)
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The tables a scan reads, as unchecked buffers.
  private struct Tables {
    let ascii: UnsafeBufferPointer<UInt16>
    let classes: UnsafeBufferPointer<UInt16>
    let root: UnsafeBufferPointer<Int32>
    let slots: UnsafeBufferPointer<Slot>
    let failCode: UnsafeBufferPointer<Int32>
    let outputStart: UnsafeBufferPointer<Int32>
    let outputs: UnsafeBufferPointer<Int32>
    let lengths: UnsafeBufferPointer<Int32>
  }

  /// Texts shorter than this are read in one stream.
  static let halvingThreshold = 256

  /// Where the second of the two streams `forEachMatch` reads starts (the first character boundary from the
  /// middle), or the end of a text read in one stream: the occurrences starting before it are reported in the
  /// order of their ends, as are those starting from it, but the two are interleaved.
  static func secondHalfStart(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let count = bytes.count
    guard count >= halvingThreshold else { return count }
    var middle = count / 2
    while middle < count, bytes[middle] & 0xC0 == 0x80 { middle += 1 }
    return middle
  }

  /// A transition waits for its slot, which is rarely in the first-level cache: reading the two halves of a text
  /// in one loop keeps two such loads in flight at once. The second half starts from the root at a character
  /// boundary, so it finds exactly the occurrences that start in it; the first reads on past the middle by the
  /// longest key, and reports only the occurrences that start before the middle.
  @inline(__always)
  private func scanHalves(
    _ bytes: UnsafeBufferPointer<UInt8>, _ tables: Tables, _ report: (_ pattern: Int, _ end: Int) -> Void
  ) {
    let count = bytes.count
    guard count >= Self.halvingThreshold else {
      var i = 0
      var code = Int(rootCode)
      while i < count {
        step(bytes, &i, &code, tables)
        if Code.hasOutput(code) { reportOutputs(code, end: i, tables, report) }
      }
      return
    }
    let middle = Self.secondHalfStart(of: bytes)
    let firstEnd = min(count, middle + longestKey)
    var i = 0
    var j = middle
    var firstCode = Int(rootCode)
    var secondCode = Int(rootCode)
    while i < firstEnd && j < count {
      step(bytes, &i, &firstCode, tables)
      step(bytes, &j, &secondCode, tables)
      if Code.hasOutput(firstCode) { reportOutputs(firstCode, end: i, startingBefore: middle, tables, report) }
      if Code.hasOutput(secondCode) { reportOutputs(secondCode, end: j, tables, report) }
    }
    while i < firstEnd {
      step(bytes, &i, &firstCode, tables)
      if Code.hasOutput(firstCode) { reportOutputs(firstCode, end: i, startingBefore: middle, tables, report) }
    }
    while j < count {
      step(bytes, &j, &secondCode, tables)
      if Code.hasOutput(secondCode) { reportOutputs(secondCode, end: j, tables, report) }
    }
  }

  @inline(__always)
  private func forEachOutput(_ code: Int, _ tables: Tables, _ body: (Int) -> Void) {
    let start = Int(tables.outputStart[Code.base(code)])
    let n = Int(tables.outputs[start])
    var k = 1
    while k <= n {
      body(Int(tables.outputs[start &+ k]))
      k &+= 1
    }
  }

  @inline(__always)
  private func reportOutputs(
    _ code: Int, end: Int, startingBefore limit: Int = .max, _ tables: Tables,
    _ report: (_ pattern: Int, _ end: Int) -> Void
  ) {
    forEachOutput(code, tables) { pattern in
      if end &- Int(tables.lengths[pattern]) < limit { report(pattern, end) }
    }
  }

  /// Reads the character at `i` (moving `i` past it) and takes the automaton's transition on it.
  @inline(__always)
  private func step(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ code: inout Int, _ tables: Tables) {
    let count = bytes.count
    let lead = bytes[i]
    var symbol = 0
    if lead < 0x80 {
      symbol = Int(tables.ascii[Int(lead)])
      i &+= 1
    } else if lead >= 0xE0, lead < 0xF0, i &+ 2 < count {
      let value = Int(lead & 0x0F) << 12 | Int(bytes[i &+ 1] & 0x3F) << 6 | Int(bytes[i &+ 2] & 0x3F)
      symbol = Int(tables.classes[value])
      i &+= 3
    } else if lead >= 0xC0, lead < 0xE0, i &+ 1 < count {
      symbol = Int(tables.classes[Int(lead & 0x1F) << 6 | Int(bytes[i &+ 1] & 0x3F)])
      i &+= 2
    } else if lead >= 0xF0, i &+ 3 < count {
      let scalar =
        UInt32(lead & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12 | UInt32(bytes[i &+ 2] & 0x3F) << 6
        | UInt32(bytes[i &+ 3] & 0x3F)
      i &+= 4
      if !supplementary.isEmpty, let index = supplementary.firstIndex(of: scalar) {
        symbol = supplementaryClassBase + index
      }
    } else {
      i &+= 1  // a stray or truncated byte: no pattern character
    }
    // The state's own transition when its row has one, else the root's: both loads are made, and the choice
    // is a select, not a branch (which one it is is a coin toss in running text). Only a partial state, which
    // the built-in lexicon has none of, walks on.
    let base = Code.base(code)
    let slot = tables.slots[base &+ symbol].bits  // check and next in one load
    let fallback = Int(tables.root[symbol])
    let found = Int(Int32(truncatingIfNeeded: slot)) == base
    if !found && Code.isPartial(code) {
      code = walk(from: code, symbol, tables)
    } else {
      code = found ? Int(slot >> 32) : fallback
    }
  }

  /// The transition of a partial state on a character its row lacks: that of its failure state, and so on.
  @inline(never)
  private func walk(from code: Int, _ symbol: Int, _ tables: Tables) -> Int {
    var state = Int(tables.failCode[Code.base(code)])
    while true {
      let base = Code.base(state)
      let slot = tables.slots[base &+ symbol].bits
      if Int(Int32(truncatingIfNeeded: slot)) == base { return Int(slot >> 32) }
      if !Code.isPartial(state) { return Int(tables.root[symbol]) }
      state = Int(tables.failCode[base])
    }
  }
}
