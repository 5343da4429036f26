//! The automaton under the mention scanner: Aho–Corasick over characters rather than bytes, its trie stored as a
//! double array, so the whole machine stays in a core's cache while it reads a 100 MB corpus.

/// Finds every occurrence of a set of patterns (UTF-8 byte strings, ASCII letters lower-cased) in UTF-8 text;
/// ASCII capitals in the text match their lower-case forms. Immutable and thread-safe.
///
/// Each character of the text is read once: its class (which pattern characters it is) comes from one table over
/// the BMP; a character no pattern uses sends the automaton back to the root. Transitions follow the trie
/// (`base[s] + class`, owned by `s` when `check` says so) and failure links otherwise: a few hundred kilobytes in
/// all, where a full byte-level DFA takes megabytes and misses the cache on almost every character.
struct MentionAutomaton: Sendable {
  /// The hot half of a slot of the double array: what a transition reads. `check` of a slot and `base` of the
  /// state it holds share a cache line, so taking a transition also fetches what the next character needs.
  struct Slot: Sendable {
    /// `parent << 1 | hasOutput`: the state whose child this slot is, and whether this state reports patterns
    /// (so that the scan reads `outputStart` only then); -1 for a free slot.
    var check: Int32
    /// Children sit at `base + class`; never negative, and the array is long enough for any class.
    var base: Int32
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
  /// `slot << 1 | hasOutput` of the root's child for each class; 0 (the root) when none.
  let rootNext: [Int32]
  let slots: [Slot]
  /// The longest proper suffix that is also a trie state, per slot.
  let fail: [Int32]
  /// Start of each state's outputs in `outputs` (a count, then that many pattern numbers), or -1.
  let outputStart: [Int32]
  let outputs: [Int32]
  /// Trie states, the root included.
  let stateCount: Int

  /// `keys[p]` is pattern `p`'s UTF-8 bytes, ASCII letters lower-cased.
  init(keys: [[UInt8]]) {
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

    // Double array: place each state's children at `base + class` in the first free slots that fit.
    var slotOf = [Int](repeating: 0, count: trieCount)
    var baseOf = [Int](repeating: 0, count: trieCount)
    var used = [Bool](repeating: false, count: 1)
    used[0] = true
    var firstFree = 1
    for state in order where !children[state].isEmpty {
      let symbols = children[state].map(\.symbol).sorted()
      let lowest = symbols[0]
      while firstFree < used.count, used[firstFree] { firstFree += 1 }
      // Bases are never negative (the scan reads `base + class` unchecked).
      var candidate = max(firstFree, lowest)
      while true {
        if candidate < used.count, used[candidate] {
          candidate += 1
          continue
        }
        let base = candidate - lowest
        if symbols.allSatisfy({ base + $0 >= used.count || !used[base + $0] }) { break }
        candidate += 1
      }
      let base = candidate - lowest
      baseOf[state] = base
      let needed = base + symbols[symbols.count - 1] + 1
      if needed > used.count { used += [Bool](repeating: false, count: needed - used.count) }
      for (s, child) in children[state] {
        used[base + s] = true
        slotOf[child] = base + s
      }
    }
    // Pad so that `base + class` is a slot for every state and class: the scan needs no bounds test.
    let slotCount = max(used.count, (baseOf.max() ?? 0) + classes)
    var slotTable = [Slot](repeating: Slot(check: -1, base: 0), count: slotCount)
    var failTable = [Int32](repeating: 0, count: slotCount)
    var startTable = [Int32](repeating: -1, count: slotCount)
    var flat: [Int32] = []
    var next = [Int32](repeating: 0, count: classes)
    for state in 0..<trieCount {
      let slot = slotOf[state]
      slotTable[slot].base = Int32(baseOf[state])
      failTable[slot] = Int32(slotOf[fail[state]])
      if !ends[state].isEmpty {
        startTable[slot] = Int32(flat.count)
        flat.append(Int32(ends[state].count))
        flat += ends[state]
      }
      for (s, child) in children[state] {
        let output: Int32 = ends[child].isEmpty ? 0 : 1
        slotTable[slotOf[child]].check = Int32(slot) << 1 | output
        if state == 0 { next[s] = Int32(slotOf[child]) << 1 | output }
      }
    }
    slotTable[0].check = -1
    rootNext = next
    slots = slotTable
    self.fail = failTable
    outputStart = startTable
    outputs = flat
  }

  /// Calls `report(pattern, end)` for every pattern occurrence, in order of `end` (the byte offset just past it).
  @inline(__always)
  func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ report: (_ pattern: Int, _ end: Int) -> Void) {
    asciiClass.withUnsafeBufferPointer { ascii in
      bmpClass.withUnsafeBufferPointer { classes in
        rootNext.withUnsafeBufferPointer { root in
          slots.withUnsafeBufferPointer { slots in
            fail.withUnsafeBufferPointer { fail in
              outputStart.withUnsafeBufferPointer { outputStart in
                outputs.withUnsafeBufferPointer { outputs in
                  scan(bytes, ascii, classes, root, slots, fail, outputStart, outputs, report)
                }
              }
            }
          }
        }
      }
    }
  }

  @inline(__always)
  private func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, _ ascii: UnsafeBufferPointer<UInt16>, _ classes: UnsafeBufferPointer<UInt16>,
    _ root: UnsafeBufferPointer<Int32>, _ slots: UnsafeBufferPointer<Slot>, _ fail: UnsafeBufferPointer<Int32>,
    _ outputStart: UnsafeBufferPointer<Int32>, _ outputs: UnsafeBufferPointer<Int32>,
    _ report: (_ pattern: Int, _ end: Int) -> Void
  ) {
    let count = bytes.count
    var state = 0
    var i = 0
    while i < count {
      let lead = bytes[i]
      var symbol = 0
      if lead < 0x80 {
        symbol = Int(ascii[Int(lead)])
        i &+= 1
      } else if lead >= 0xE0, lead < 0xF0, i &+ 2 < count {
        let value = Int(lead & 0x0F) << 12 | Int(bytes[i &+ 1] & 0x3F) << 6 | Int(bytes[i &+ 2] & 0x3F)
        symbol = Int(classes[value])
        i &+= 3
      } else if lead >= 0xC0, lead < 0xE0, i &+ 1 < count {
        symbol = Int(classes[Int(lead & 0x1F) << 6 | Int(bytes[i &+ 1] & 0x3F)])
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
      // The next state, as `slot << 1 | hasOutput`. From the root (most characters), or on a character no pattern
      // uses, it is one load from `root`; otherwise the trie child, else the failure links.
      var code: Int
      if state == 0 || symbol == 0 {
        code = Int(root[symbol])
      } else {
        let t = Int(slots[state].base) &+ symbol
        let check = Int(slots[t].check)
        if check >> 1 == state {
          code = t << 1 | (check & 1)
        } else {
          var s = Int(fail[state])
          while true {
            if s == 0 {
              code = Int(root[symbol])
              break
            }
            let t = Int(slots[s].base) &+ symbol
            let check = Int(slots[t].check)
            if check >> 1 == s {
              code = t << 1 | (check & 1)
              break
            }
            s = Int(fail[s])
          }
        }
      }
      state = code >> 1
      if code & 1 != 0 {
        let start = Int(outputStart[state])
        let n = Int(outputs[start])
        var k = 1
        while k <= n {
          report(Int(outputs[start &+ k]), i)
          k &+= 1
        }
      }
    }
  }
}
