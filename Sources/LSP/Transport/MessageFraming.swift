//! The LSP base protocol's Content-Length framing as a byte-fed state machine (partial and coalesced reads).

import Foundation

/// Feed it whatever `read` returned; take out complete frames. Never throws, never traps: a broken
/// header or an oversized body becomes a `.malformed` event and the machine carries on with what follows.
public struct MessageFraming: Sendable {
  public enum Event: Sendable, Equatable {
    /// The body of one message (the JSON text, not yet parsed).
    case message([UInt8])
    /// A frame that cannot be used; the reason goes into the -32700 error the server answers with.
    case malformed(String)
  }

  /// Bodies larger than this are skipped (and reported) instead of being buffered.
  public let maximumContentLength: Int
  /// A header block larger than this without its blank line is garbage.
  public let maximumHeaderLength = 8192

  private var buffer: [UInt8] = []
  private var readIndex = 0
  private var pendingContentLength: Int?
  private var bytesToSkip = 0

  public init(maximumContentLength: Int = 64 << 20) {
    self.maximumContentLength = maximumContentLength
  }

  /// Appends bytes as they arrived from the stream.
  public mutating func append(_ bytes: some Sequence<UInt8>) {
    if readIndex > 0, readIndex >= buffer.count / 2 {
      buffer.removeFirst(readIndex)
      readIndex = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// Bytes received but not yet consumed (a partial frame).
  public var bufferedByteCount: Int { buffer.count - readIndex }

  /// The next complete event, or nil when more bytes are needed.
  public mutating func next() -> Event? {
    while true {
      if bytesToSkip > 0 {
        let available = buffer.count - readIndex
        let skipped = min(available, bytesToSkip)
        readIndex += skipped
        bytesToSkip -= skipped
        if bytesToSkip > 0 { return nil }
      }
      if let length = pendingContentLength {
        guard buffer.count - readIndex >= length else { return nil }
        let body = Array(buffer[readIndex..<(readIndex + length)])
        readIndex += length
        pendingContentLength = nil
        return .message(body)
      }
      guard let headerEnd = findHeaderEnd() else {
        if buffer.count - readIndex > maximumHeaderLength {
          // No blank line in sight: drop the garbage up to the last few bytes and resynchronise.
          readIndex = buffer.count - 3
          return .malformed("header block longer than \(maximumHeaderLength) bytes without a blank line")
        }
        return nil
      }
      let header = buffer[readIndex..<headerEnd]
      readIndex = headerEnd + 4
      let parsed = Self.parseHeader(header)
      guard let length = parsed.contentLength else {
        return .malformed(parsed.problem ?? "missing Content-Length header")
      }
      if length > maximumContentLength {
        bytesToSkip = length
        return .malformed("message of \(length) bytes exceeds the limit of \(maximumContentLength) bytes")
      }
      pendingContentLength = length
      // Garbage before a usable header is reported, and the frame after it still read.
      if let problem = parsed.problem { return .malformed(problem) }
    }
  }

  private func findHeaderEnd() -> Int? {
    var i = readIndex
    let end = buffer.count - 3
    while i < end {
      if buffer[i] == 0x0D, buffer[i + 1] == 0x0A, buffer[i + 2] == 0x0D, buffer[i + 3] == 0x0A { return i }
      i += 1
    }
    return nil
  }

  /// Finds `Content-Length` (any case) among `Name: value` lines; other headers are ignored. Bytes that are not
  /// a header (noise before a frame) are reported in `problem`; a `Content-Length` header behind them on the
  /// same line is still found, so the stream resynchronises on the next real frame.
  static func parseHeader(_ header: ArraySlice<UInt8>) -> (contentLength: Int?, problem: String?) {
    let text = String(decoding: header, as: UTF8.self)
    var length: Int?
    var problem: String?
    for rawLine in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
      var line = rawLine
      let noise = "ignored bytes that are not a header: \(String(line.prefix(60)).debugDescription)"
      if let found = line.range(of: "content-length", options: [.caseInsensitive, .backwards]),
        found.lowerBound != line.startIndex
      {
        problem = problem ?? noise  // `xyzContent-Length: 12`: noise glued to a real header
        line = line[found.lowerBound...]
      } else if let colon = line.firstIndex(of: ":"), line[..<colon].allSatisfy(Self.isTokenCharacter) {
        // A header.
      } else {
        problem = problem ?? noise
        continue
      }
      guard let separator = line.firstIndex(of: ":") else { continue }
      guard line[..<separator].trimmingSpaces().lowercased() == "content-length" else { continue }
      let value = line[line.index(after: separator)...].trimmingSpaces()
      guard let parsed = Int(value), parsed >= 0 else {
        return (nil, "invalid Content-Length: \(value.prefix(40))")
      }
      length = parsed
    }
    return (length, problem)
  }

  private static func isTokenCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
  }

  /// Frames a body for sending.
  public static func frame(_ body: [UInt8]) -> [UInt8] {
    var out = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
    out.append(contentsOf: body)
    return out
  }
}

extension Substring {
  fileprivate func trimmingSpaces() -> String {
    var slice = self[...]
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return String(slice)
  }
}
