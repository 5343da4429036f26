//! Writes one report file straight from byte chunks: to a temporary name beside it, renamed into place when done.
import Foundation

#if canImport(Glibc)
  import Glibc
  private let writeBytes = Glibc.write
#elseif canImport(Darwin)
  import Darwin
  private let writeBytes = Darwin.write
#endif

/// A file being written in chunks, without a copy of the bytes (cells.csv runs to hundreds of megabytes).
/// Readers never see a half-written file: the bytes go to `.name.partial`, renamed over `name` by `finish`.
final class ReportFileWriter {
  let url: URL
  private let partialURL: URL
  private var descriptor: Int32
  private(set) var byteCount = 0

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(_ url: URL) throws {
    self.url = url
    partialURL = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial")
    descriptor = open(partialURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw Self.failure("cannot create", partialURL) }
  }

  deinit {
    if descriptor >= 0 {
      close(descriptor)
      unlink(partialURL.path)
    }
  }

  func write(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = writeBytes(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw Self.failure("cannot write", partialURL)
        }
        offset += written
      }
    }
    byteCount += bytes.count
  }

  /// Closes the file and puts it in place.
  func finish() throws {
    let closed = close(descriptor)
    descriptor = -1
    guard closed == 0 else {
      unlink(partialURL.path)
      throw Self.failure("cannot write", partialURL)
    }
    guard rename(partialURL.path, url.path) == 0 else {
      let failure = Self.failure("cannot rename into", url)
      unlink(partialURL.path)
      throw failure
    }
  }

  /// Writes a whole file at once.
  static func write(_ bytes: [UInt8], to url: URL) throws {
    let writer = try ReportFileWriter(url)
    try writer.write(bytes)
    try writer.finish()
  }

  private static func failure(_ what: String, _ url: URL) -> Failure {
    Failure(description: "\(what) \(url.path): \(String(cString: strerror(errno)))")
  }
}
