import Testing
@testable import Corpus
@Test func placeholder() { #expect(LineIndex("a\nb").lineCount == 2) }
