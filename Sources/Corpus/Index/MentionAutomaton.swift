//! The automaton under the mention scanner: Aho–Corasick over characters rather than bytes, its trie stored as a
//! double array, so the whole machine stays in a core's cache while it reads a 100 MB corpus.

/// Finds every occurrence of a set of patterns (UTF-8 byte strings, ASCII letters lower-cased) in UTF-8 text;
/// ASCII capitals in the text match their lower-case forms. Immutable and thread-safe.
///
/// Each character of the text is read once: its class (which pattern characters it is) comes from a table for
/// ASCII and from a bit set with ranks for the rest of the BMP; a character no pattern uses sends the automaton
/// back to the root. Transitions follow the trie (`base[s] + class`, owned by `s` when `check` says so) and
/// failure links otherwise: a few hundred kilobytes in all, where a full byte-level DFA takes megabytes and
/// misses the cache on almost every character.
struct MentionAutomaton: Sendable {
  /// One trie state at its slot of the double array.
  struct Node: Sendable {
    /// Children sit at `base + class`.
    var base: Int32
    /// The parent whose child this slot is; -1 for a free slot.
    var check: Int32
    /// The longest proper suffix that is also a trie state.
    var fail: Int32
    /// Start of this state's outputs in `outputs` (a count, then that many pattern numbers), or -1.
    var outputStart: Int32
  }

  /// Class of each ASCII byte (capitals share their lower-case class); 0 when no pattern uses it.
  let asciiClass: [UInt16]
  /// Non-ASCII BMP scalars that occur in some pattern, as a bit set over 0..<65536, with the number of members
  /// before each 64-bit word: a member's class is `bmpClassBase + rank`.
  let memberBits: [UInt64]
  let memberRank: [Int32]
  let bmpClassBase: Int
  /// Scalars beyond the BMP that occur in some pattern, sorted: class `supplementaryClassBase + index`.
  let supplementary: [UInt32]
  let supplementaryClassBase: Int
  /// Number of classes, the "no pattern uses it" class 0 included.
  let classCount: Int
  /// Slot of the root's child for each class; 0 (the root) when none.
  let rootNext: [Int32]
  let nodes: [Node]
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
    let bmpBase = nextClass
    bmpClassBase = bmpBase
    var bits = [UInt64](repeating: 0, count: 1024)
    for value in bmp { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) }
    var ranks = [Int32](repeating: 0, count: 1024)
    var running: Int32 = 0
    for word in 0..<1024 {
      ranks[word] = running
      running += Int32(bits[word].nonzeroBitCount)
    }
    memberBits = bits
    memberRank = ranks
    nextClass += bmp.count
    let supplementaryBase = nextClass
    let supplementaryScalars = beyond.sorted()
    supplementaryClassBase = supplementaryBase
    supplementary = supplementaryScalars
    nextClass += beyond.count
    classCount = nextClass

    // Trie over classes.
    func symbol(_ value: UInt32) -> Int {
      if value < 0x80 { return Int(ascii[Int(value)]) }
      if value < 0x10000 {
        let word = bits[Int(value >> 6)]
        return bmpBase + Int(ranks[Int(value >> 6)]) + (word & ((1 << UInt64(value & 63)) - 1)).nonzeroBitCount
      }
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
      var candidate = firstFree
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
    var table = [Node](repeating: Node(base: 0, check: -1, fail: 0, outputStart: -1), count: used.count)
    var flat: [Int32] = []
    var next = [Int32](repeating: 0, count: classes)
    for state in 0..<trieCount {
      let slot = slotOf[state]
      table[slot].base = Int32(baseOf[state])
      table[slot].fail = Int32(slotOf[fail[state]])
      if !ends[state].isEmpty {
        table[slot].outputStart = Int32(flat.count)
        flat.append(Int32(ends[state].count))
        flat += ends[state]
      }
      for (s, child) in children[state] {
        table[slotOf[child]].check = Int32(slot)
        if state == 0 { next[s] = Int32(slotOf[child]) }
      }
    }
    table[0].check = -1
    rootNext = next
    nodes = table
    outputs = flat
  }

  /// Calls `report(pattern, end)` for every pattern occurrence, in order of `end` (the byte offset just past it).
  @inline(__always)
  func forEachMatch(in bytes: UnsafeBufferPointer<UInt8>, _ report: (_ pattern: Int, _ end: Int) -> Void) {
    asciiClass.withUnsafeBufferPointer { ascii in
      memberBits.withUnsafeBufferPointer { bits in
        memberRank.withUnsafeBufferPointer { ranks in
          rootNext.withUnsafeBufferPointer { root in
            nodes.withUnsafeBufferPointer { nodes in
              outputs.withUnsafeBufferPointer { outputs in
                scan(bytes, ascii, bits, ranks, root, nodes, outputs, report)
              }
            }
          }
        }
      }
    }
  }

  @inline(__always)
  private func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, _ ascii: UnsafeBufferPointer<UInt16>, _ bits: UnsafeBufferPointer<UInt64>,
    _ ranks: UnsafeBufferPointer<Int32>, _ root: UnsafeBufferPointer<Int32>, _ nodes: UnsafeBufferPointer<Node>,
    _ outputs: UnsafeBufferPointer<Int32>, _ report: (_ pattern: Int, _ end: Int) -> Void
  ) {
    let count = bytes.count
    let slots = nodes.count
    let bmpBase = bmpClassBase
    var state = 0
    var i = 0
    while i < count {
      let lead = bytes[i]
      var symbol = 0
      var value = -1
      if lead < 0x80 {
        symbol = Int(ascii[Int(lead)])
        i &+= 1
      } else if lead >= 0xE0, lead < 0xF0, i &+ 2 < count {
        value = Int(lead & 0x0F) << 12 | Int(bytes[i &+ 1] & 0x3F) << 6 | Int(bytes[i &+ 2] & 0x3F)
        i &+= 3
      } else if lead >= 0xC0, lead < 0xE0, i &+ 1 < count {
        value = Int(lead & 0x1F) << 6 | Int(bytes[i &+ 1] & 0x3F)
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
      if value >= 0 {
        let word = bits[value >> 6]
        let bit: UInt64 = 1 << UInt64(value & 63)
        if word & bit != 0 { symbol = bmpBase &+ Int(ranks[value >> 6]) &+ (word & (bit &- 1)).nonzeroBitCount }
      }
      if symbol == 0 {
        state = 0
        continue
      }
      var next = 0
      var s = state
      while s != 0 {
        let t = Int(nodes[s].base) &+ symbol
        if t >= 0, t < slots, Int(nodes[t].check) == s {
          next = t
          break
        }
        s = Int(nodes[s].fail)
      }
      if s == 0 { next = Int(root[symbol]) }
      state = next
      let start = Int(nodes[state].outputStart)
      if start >= 0 {
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
