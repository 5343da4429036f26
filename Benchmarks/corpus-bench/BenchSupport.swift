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
