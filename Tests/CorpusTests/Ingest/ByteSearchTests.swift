//! The eight-bytes-at-a-time searches of the reader agree with a plain byte loop, wherever the byte sits.
@testable import Corpus
import Testing

@Suite struct ByteSearchTests {
  func naive(_ bytes: [UInt8], _ values: [UInt8], from start: Int, to end: Int) -> Int? {
    let (lower, upper) = (max(0, start), min(end, bytes.count))
    return lower < upper ? (lower..<upper).first { values.contains(bytes[$0]) } : nil
  }

  @Test(arguments: [[0x2A], [0x31, 0x32], [0x2A, 0x3C, 0x5C], [0xE2, 0xE3, 0x5E, 0x2A]] as [[UInt8]])
  func firstOffsetAgreesWithAByteLoop(values: [UInt8]) {
    var generator = SystemRandomNumberGenerator()
    // Mostly Han and ASCII letters, with the sought bytes (and bytes one off them) here and there.
    let alphabet: [UInt8] = [0xE4, 0xB8, 0xAD, 0x61, 0x20, 0x80, 0xFF] + values + values.map { $0 &+ 1 }
    for _ in 0..<300 {
      let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
        Int.random(in: 0..<4, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : 0xE5
      }
      let start = Int.random(in: -2...bytes.count, using: &generator)
      let end = Int.random(in: start...(bytes.count + 3), using: &generator)
      let set: ByteSet
      switch values.count {
      case 1: set = ByteSet(values[0])
      case 2: set = ByteSet(values[0], values[1])
      case 3: set = ByteSet(values[0], values[1], values[2])
      default: set = ByteSet(values[0], values[1], values[2], values[3])
      }
      let found = bytes.withUnsafeBufferPointer { ByteText(bytes: $0).firstOffset(of: set, from: start, to: end) }
      #expect(found == naive(bytes, values, from: start, to: end), "\(bytes) \(start)..<\(end)")
    }
  }
}
