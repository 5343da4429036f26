//! The buffer a reading thread reads its files into, one after another.
import Foundation
import Testing

@testable import Corpus

struct FileBufferTests {
  @Test func filesReadOneAfterAnotherComeBackWhole() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filebuffer-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // Small, larger than the buffer has grown to so far, empty, small again.
    let contents: [[UInt8]] = [
      Array("日本外交\n".utf8), (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }, [], Array("短".utf8),
    ]
    var buffer = FileBuffer()
    defer { buffer.deallocate() }
    for (number, bytes) in contents.enumerated() {
      let path = folder.appendingPathComponent("\(number).txt").path
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      let read = buffer.read(path: path)
      #expect(read.map { Array($0) } == bytes, "file \(number)")
    }
  }

  @Test func aFolderOrAMissingFileIsNotRead() throws {
    var buffer = FileBuffer()
    defer { buffer.deallocate() }
    let folder = buffer.read(path: FileManager.default.temporaryDirectory.path)
    let missing = buffer.read(path: "/nonexistent/\(UUID().uuidString).txt")
    #expect(folder == nil && missing == nil)
  }
}
