//! What the protocol benchmarks share: writing a framed message to the server, and latency percentiles.
import Foundation
import LSP

/// Writes one JSON-RPC message, framed, to the server's stdin; returns the number of bytes of the frame.
@discardableResult
func writeFrame(_ message: JSONValue, to fd: Int32) -> Int {
  let bytes = MessageFraming.frame(message.serialized())
  bytes.withUnsafeBytes { raw in
    var offset = 0
    while offset < raw.count {
      let written = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      if written <= 0 { return }
      offset += written
    }
  }
  return bytes.count
}

/// The `p` quantile (0…1) of latencies sorted in ascending order; NaN when there are none.
func latencyPercentile(_ p: Double, of sorted: [Double]) -> Double {
  sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

/// A copy of a paper for a synthetic corpus. With `distinct`, every copy's prose differs from every other's and
/// from the original's: a character of the paper's own text is slipped in every four to six characters of each line,
/// so that no passage repeats. A real corpus has no duplicates; searches that fold identical passages once must
/// not gain from copies here. Structure (headings, labels, footnote marks, short lines) is left as it was.
func corpusCopy(of data: Data, number: Int, distinct: Bool) -> Data {
  guard distinct, let text = String(data: data, encoding: .utf8) else { return data }
  let ideographs = Array(text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) })
  guard !ideographs.isEmpty else { return data }
  var state = UInt64(number) &* 0x9E37_79B9_7F4A_7C15 | 1
  let step = 4 + number % 3
  var out = String.UnicodeScalarView()
  for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
    let scalars = Array(line.unicodeScalars)
    for (position, scalar) in scalars.enumerated() {
      out.append(scalar)
      guard scalars.count >= 12, position >= 6, position < scalars.count - 2, (position + number) % step == 0,
        (0x4E00...0x9FFF).contains(scalar.value)
      else { continue }
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      out.append(ideographs[Int((state >> 33) % UInt64(ideographs.count))])
    }
    out.append("\n")
  }
  out.removeLast()
  return Data(String(out).utf8)
}
