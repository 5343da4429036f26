//! Helpers for the index tests: papers built from plain paragraphs, and a shared built-in scanner.
import Foundation
import Testing
@testable import Corpus

enum IndexFixtures {
  static let scanner = MentionScanner(entities: Lexicon.builtin)

  /// A paper whose raw text is the paragraphs then the footnotes, separated by blank lines; each passage's
  /// normalised text is its raw text (identity map).
  static func paper(
    _ file: String, paragraphs: [String], footnotes: [String] = [], authors: [String] = [], year: Int? = nil,
    title: String = "", key: String? = nil
  ) -> Paper {
    var raw = ""
    var builtParagraphs: [Paragraph] = []
    var builtFootnotes: [Footnote] = []
    func passage(_ text: String) -> Passage {
      if !raw.isEmpty { raw += "\n\n" }
      var map = OffsetMap()
      map.appendCopy(rawStart: raw.utf8.count, length: text.utf8.count)
      raw += text
      return Passage(text: text, map: map)
    }
    for text in paragraphs {
      builtParagraphs.append(Paragraph(number: builtParagraphs.count + 1, passage: passage(text)))
    }
    for text in footnotes {
      builtFootnotes.append(Footnote(number: builtFootnotes.count + 1, mark: "①", passage: passage(text)))
    }
    var metadata = PaperMetadata(title: title, authors: authors, year: year)
    metadata.key = key
    return Paper(file: file, rawText: raw, metadata: metadata, paragraphs: builtParagraphs, footnotes: builtFootnotes)
  }

  /// `id:surface` for every mention the built-in scanner finds, in order.
  static func mentions(_ text: String) -> [String] {
    let entities = Lexicon.builtin
    return scanner.scan(text).map { "\(entities[$0.entity].id):\(text.slice(TextRange($0.start, $0.end)))" }
  }
}

/// Expects exactly these `id:surface` mentions in `text`.
func checkMentions(
  _ text: String, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(IndexFixtures.mentions(text) == expected, sourceLocation: sourceLocation)
}

/// Expects that no mention of `id` is found in `text`.
func checkNoMention(_ text: String, of id: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let found = IndexFixtures.mentions(text).filter { $0.hasPrefix(id + ":") }
  #expect(found.isEmpty, "unexpected \(found) in \(text)", sourceLocation: sourceLocation)
}
