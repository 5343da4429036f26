//! Tests for Content-Length framing fed in split and coalesced chunks, with odd headers and a size cap.
import Testing

@testable import LSP

@Suite struct MessageFramingTests {
  func frame(_ body: String, header: String? = nil) -> [UInt8] {
    Array((header ?? "Content-Length: \(body.utf8.count)\r\n\r\n").utf8) + Array(body.utf8)
  }

  /// Feeds `bytes` in chunks of `chunkSize` and collects every event.
  func events(_ bytes: [UInt8], chunkSize: Int, maximum: Int = 1 << 20) -> [MessageFraming.Event] {
    var framing = MessageFraming(maximumContentLength: maximum)
    var result: [MessageFraming.Event] = []
    var index = 0
    while index < bytes.count {
      framing.append(bytes[index..<min(bytes.count, index + chunkSize)])
      index += chunkSize
      while let event = framing.next() { result.append(event) }
    }
    return result
  }

  func bodies(_ events: [MessageFraming.Event]) -> [String] {
    events.map {
      switch $0 {
      case .message(let body): return String(decoding: body, as: UTF8.self)
      case .malformed(let reason): return "!" + reason
      }
    }
  }

  @Test(arguments: [1, 2, 3, 7, 64, 10_000])
  func anyChunkingGivesTheSameMessages(chunkSize: Int) {
    let stream = frame(#"{"a":"中文𠀀"}"#) + frame("{}") + frame(#"{"b":[1,2]}"#)
    #expect(bodies(events(stream, chunkSize: chunkSize)) == [#"{"a":"中文𠀀"}"#, "{}", #"{"b":[1,2]}"#])
  }

  @Test func headersAreCaseInsensitiveAndOthersIgnored() {
    let stream =
      frame("{}", header: "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:2\r\n\r\n")
      + frame("[]", header: "CONTENT-LENGTH: 2\r\nX: y\r\n\r\n")
    #expect(bodies(events(stream, chunkSize: 5)) == ["{}", "[]"])
  }

  @Test func missingOrBadContentLengthIsMalformedAndTheNextFrameStillParses() {
    let stream = Array("Content-Type: x\r\n\r\n".utf8) + Array("Content-Length: abc\r\n\r\n".utf8) + frame("{}")
    let result = bodies(events(stream, chunkSize: 4))
    #expect(result.count == 3)
    #expect(result[0].hasPrefix("!missing Content-Length"))
    #expect(result[1].hasPrefix("!invalid Content-Length"))
    #expect(result[2] == "{}")
  }

  @Test func oversizedBodyIsSkippedAndReported() {
    let big = String(repeating: "x", count: 500)
    let stream = frame(big) + frame("{}")
    let result = bodies(events(stream, chunkSize: 33, maximum: 100))
    #expect(result.count == 2)
    #expect(result[0].contains("exceeds the limit of 100 bytes"))
    #expect(result[1] == "{}")
  }

  @Test func partialFrameWaitsForMoreBytes() {
    var framing = MessageFraming()
    framing.append(Array("Content-Length: 4\r\n\r\n{}".utf8))
    #expect(framing.next() == nil)
    framing.append(Array("  ".utf8))
    #expect(framing.next() == .message(Array("{}  ".utf8)))
    #expect(framing.next() == nil)
    #expect(framing.bufferedByteCount == 0)
  }

  @Test func zeroLengthBody() {
    #expect(bodies(events(Array("Content-Length: 0\r\n\r\n".utf8), chunkSize: 1)) == [""])
  }

  @Test func noiseBeforeAFrameIsReportedAndTheFrameStillRead() {
    let stream = Array("garbage".utf8) + frame("{}") + Array("\r\nmore noise\r\n".utf8) + frame("[1]")
    let result = bodies(events(stream, chunkSize: 3))
    #expect(result.count == 4, "\(result)")
    #expect(result.first?.hasPrefix("!ignored bytes") == true)
    #expect(result.contains("{}"))
    #expect(result.last == "[1]")
  }
}
