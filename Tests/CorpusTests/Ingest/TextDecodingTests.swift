//! Decoding corpus bytes: UTF-8 (BOM or not), UTF-16 with BOM, GB18030/GBK, and undecodable files.
import Foundation
import Testing

@testable import Corpus

@Suite struct TextDecodingTests {
  let sample = "日本外交 Japan 2023年①"

  private func check(_ data: Data, _ expected: TextEncodingName, sourceLocation: SourceLocation = #_sourceLocation) {
    switch TextDecoding.decode(data) {
    case .success(let decoded):
      #expect(decoded.text == sample, sourceLocation: sourceLocation)
      #expect(decoded.encoding == expected, sourceLocation: sourceLocation)
    case .failure(let failure):
      Issue.record("failed: \(failure.message)", sourceLocation: sourceLocation)
    }
  }

  @Test func utf8() { check(Data(sample.utf8), .utf8) }
  @Test func utf8WithBOM() { check(Data([0xEF, 0xBB, 0xBF] + Array(sample.utf8)), .utf8BOM) }

  @Test func utf16WithBOM() {
    let units = Array(sample.utf16)
    check(Data([0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), .utf16LE)
    check(Data([0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }), .utf16BE)
  }

  @Test func gbk() {
    // 日本外交 in GBK, then ASCII.
    let bytes: [UInt8] = [0xC8, 0xD5, 0xB1, 0xBE, 0xCD, 0xE2, 0xBD, 0xBB, 0x20, 0x41]
    guard case .success(let decoded) = TextDecoding.decode(Data(bytes)) else {
      Issue.record("GBK not decoded")
      return
    }
    #expect(decoded.text == "日本外交 A")
    #expect(decoded.encoding == .gb18030)
  }

  @Test func undecodableIsAProblemNotACrash() {
    let data = Data([0xFF, 0xFF, 0xFF, 0x81, 0x30])
    guard case .failure = TextDecoding.decode(data) else {
      Issue.record("garbage decoded")
      return
    }
    guard case .failure(let problem) = PaperReader.read(file: "corpus/bad.txt", data: data) else {
      Issue.record("garbage read")
      return
    }
    #expect(problem.kind == .undecodableFile)
    #expect(problem.file == "corpus/bad.txt")
  }

  /// The reader's own validation agrees with the standard library's on every kind of sequence, valid or not.
  @Test func validationAgreesWithTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
      Array("日本外交 Japan 2023年①，。".utf8), Array("𠀀😀".utf8), [0x41], [0xC2, 0xA0], [0xE3, 0x80, 0x80],
      [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xE0, 0xA0, 0x80],
      [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80],
      [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE4, 0xB8],
      [0xF0, 0x90, 0x80], [0xC3], [0x0A], [0x0D, 0x0A], [0x0D], Array("内容提要：\n".utf8),
    ]
    /// The reader's check: it measures the lines of the bytes and validates them on the way.
    func readerAccepts(_ bytes: [UInt8]) -> Bool {
      bytes.withUnsafeBufferPointer { RawLine.scanValidating(ByteText(bytes: $0)) != nil }
    }
    // Runs of three-byte sequences are checked a word at a time: what may follow one.
    let han = Array("日本外交".utf8)
    for tail: [UInt8] in [Array("😀".utf8), [0xFF, 0x80, 0x80], [0xF5, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xE0, 0x80, 0x80]] {
      let bytes = han + tail + han
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(readerAccepts(bytes) == expected, "\(bytes)")
    }
    for _ in 0..<5000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 0...40, using: &generator) {
        if Bool.random(using: &generator) {
          bytes += pieces.randomElement(using: &generator) ?? []
        } else {
          bytes.append(UInt8.random(in: 0...255, using: &generator))
        }
      }
      let expected = String(validating: bytes, as: UTF8.self) != nil
      #expect(readerAccepts(bytes) == expected, "\(bytes)")
    }
  }

  @Test func oddUTF16IsRejected() {
    guard case .failure = TextDecoding.decode(Data([0xFF, 0xFE, 0x41])) else {
      Issue.record("odd byte count accepted")
      return
    }
  }
}
