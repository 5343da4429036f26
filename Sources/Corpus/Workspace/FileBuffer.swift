//! Reads whole files into one buffer that a reading thread keeps from file to file.
import Foundation

/// A growing buffer that whole files are read into, one after another. Reading a corpus of thousands of papers into
/// a fresh `Data` each costs an allocation, and fresh pages to fault in, per paper; a paper is parsed straight from
/// its bytes and keeps none of them, so one buffer per reading thread serves them all.
///
/// Not shared between threads. `deallocate()` when done.
struct FileBuffer {
  private var storage: UnsafeMutableRawPointer?
  private var capacity = 0

  /// The bytes of the file at `path`, valid until the next read or `deallocate()`; nil when it cannot be read.
  mutating func read(path: String) -> UnsafeRawBufferPointer? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    // The size is a hint: a file that grows while it is read is read to its end.
    var count = 0
    reserve(Int(status.st_size) + 1, keeping: 0)
    while true {
      if count == capacity { reserve(capacity * 2, keeping: count) }
      guard let storage else { return nil }
      let got = Foundation.read(descriptor, storage + count, capacity - count)
      if got < 0 {
        if errno == EINTR { continue }
        return nil
      }
      if got == 0 { break }
      count += got
    }
    return UnsafeRawBufferPointer(start: storage, count: count)
  }

  /// Room for `needed` bytes, the first `kept` of those read so far carried over.
  private mutating func reserve(_ needed: Int, keeping kept: Int) {
    guard needed > capacity else { return }
    let grown = max(needed, 64 * 1024)
    let fresh = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
    if let storage, kept > 0 { fresh.copyMemory(from: storage, byteCount: kept) }
    storage?.deallocate()
    storage = fresh
    capacity = grown
  }

  mutating func deallocate() {
    storage?.deallocate()
    storage = nil
    capacity = 0
  }
}
