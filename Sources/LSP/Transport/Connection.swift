//! A JSON-RPC stream over two file descriptors: a reader thread that frames input, one serial writer for output.
import Dispatch
import Foundation

/// Reads frames on a dedicated thread and hands each one to `onEvent` (on that thread, in order);
/// `send` may be called from any thread: one serial queue writes, so frames never interleave.
public final class Connection: Sendable {
  public enum Incoming: Sendable {
    case message(JSONValue)
    /// Bytes that were not a usable frame or not JSON: answer -32700 and keep reading.
    case parseError(String)
    case endOfInput
  }

  private let input: Int32
  private let output: Int32
  private let maximumContentLength: Int
  private let writer = DispatchQueue(label: "corpus-lsp.writer")
  private let logger: Logger

  public init(input: Int32, output: Int32, maximumContentLength: Int = 64 << 20, logger: Logger) {
    self.input = input
    self.output = output
    self.maximumContentLength = maximumContentLength
    self.logger = logger
  }

  /// Starts the reader thread. `onEvent` is called on it for every frame, then once with `.endOfInput`.
  public func start(_ onEvent: @escaping @Sendable (Incoming) -> Void) {
    let input = self.input
    let maximum = maximumContentLength
    let logger = self.logger
    let thread = Thread {
      var framing = MessageFraming(maximumContentLength: maximum)
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        if count <= 0 {
          if count < 0 { logger.error("reading input failed: errno \(errno)") }
          if framing.bufferedByteCount > 0 { logger.warning("input ended inside a message") }
          onEvent(.endOfInput)
          return
        }
        framing.append(chunk[0..<count])
        while let event = framing.next() {
          switch event {
          case .message(let body):
            do {
              onEvent(.message(try JSONValue.parse(body)))
            } catch let error as JSONParseError {
              onEvent(.parseError(error.description))
            } catch {
              onEvent(.parseError("\(error)"))
            }
          case .malformed(let reason):
            onEvent(.parseError(reason))
          }
        }
      }
    }
    thread.name = "corpus-lsp.reader"
    thread.stackSize = 8 << 20  // deep JSON nesting is bounded by the parser, but leave room
    thread.start()
  }

  /// Frames and writes one message; returns at once (the writer queue does the IO).
  public func send(_ message: JSONValue) {
    writer.async { [output] in
      let bytes = MessageFraming.frame(message.serialized())
      Self.writeAll(bytes, to: output)
    }
  }

  /// Blocks until everything sent so far is written.
  public func flush() {
    writer.sync {}
  }

  private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return  // the client went away; nothing sensible to do but stop writing
        }
        offset += written
      }
    }
  }
}
