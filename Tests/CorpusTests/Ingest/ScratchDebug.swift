@testable import Corpus
import Foundation
import Testing

@Test(.enabled(if: ProcessInfo.processInfo.environment["SCRATCH"] != nil)) func scratch() throws {
  var text = try String(contentsOfFile: "/tmp/scratch.txt", encoding: .utf8)
  text.makeContiguousUTF8()
  text.utf8.withContiguousStorageIfAvailable { buffer in
    let bytes = ByteText(bytes: buffer)
    let lines = RawLine.scan(bytes)
    let c = LineClassifier(text: bytes, lines: lines)
    print("mode perLine=\(c.paragraphPerLine) full=\(c.fullWidth) body=\(c.bodyStart)..<\(c.bodyEnd)")
    for (i, line) in lines.enumerated() where !line.isBlank {
      print("\(i)\t\(line.width)\t\(c.roles[i])\t\(bytes.string(line.contentStart, line.contentEnd).prefix(24))")
    }
  }
}
