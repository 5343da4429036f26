//! The features over the five real papers (read at test time; nothing of their text is stored here):
//! go-to-citation lands on the raw text the hover shows, for every paragraph and footnote.
import Foundation
import TestSupport
import Testing

@testable import Corpus

private let realFeatureIndex = ReferencePapers.index

/// Letters and digits only: what survives line joins, hyphenation and white space.
private func skeleton(_ text: String) -> String {
  String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil))
func definitionLandsOnTheTextTheHoverShowsInEveryRealPassage() throws {
  let index = try #require(realFeatureIndex)
  #expect(index.papers.count == 5)
  var checked = 0
  var mismatches: [String] = []
  for (paper, document) in index.papers.enumerated() {
    let key = index.key(of: paper)
    let locators = document.paragraphs.map { "¶\($0.number)" } + document.footnotes.map { "fn. \($0.number)" }
    let note = NoteParser.parse(locators.map { "[@\(key), \($0)]" }.joined(separator: "\n"))
    for (citation, item) in note.citationItems {
      guard let hover = Hover.find(index: index, note: note, at: item.keyRange.start) else {
        mismatches.append("\(key) \(note.text.slice(item.range)): no hover")
        continue
      }
      let target = Definition.citedRange(index: index, note: note, citation: citation, item: item, paper: paper)
      let landed = skeleton(document.rawText.slice(target.range))
      // The hover's blockquote (after the `---` rule) is the cited passage, cut at 600 characters.
      let shown = hover.markdown.components(separatedBy: "\n> ").last.map { skeleton(String($0.prefix(40))) } ?? ""
      checked += 1
      if shown.isEmpty || !landed.hasPrefix(String(shown.prefix(12))) {
        mismatches.append("\(key) \(note.text.slice(item.range)): lands on \(landed.prefix(12)), hover shows \(shown.prefix(12))")
      }
    }
  }
  #expect(checked > 100)
  #expect(mismatches.isEmpty, "\(mismatches.count) of \(checked):\n\(mismatches.prefix(20).joined(separator: "\n"))")
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil))
func completionAndEntityCardsOnTheRealPapers() throws {
  let index = try #require(realFeatureIndex)
  let documents = Completion.complete(index: index, text: "[@", at: TextSize(2))
  #expect(documents.entries.count == 5)
  let entities = Completion.complete(index: index, text: "[[", at: TextSize(2))
  #expect(entities.entries.count == Completion.defaultLimit && entities.isIncomplete)
  // The most named entity's card quotes three passages, each with a citation that resolves.
  guard let top = entities.entries.first, case .entity(let id) = top.data, let entity = index.entity(withId: id) else {
    Issue.record("no entity")
    return
  }
  let quotes = Hover.sourceQuotes(index: index, entity: entity)
  #expect(quotes.count == 3)
  for quote in quotes {
    let note = NoteParser.parse(quote.citation)
    #expect(note.quotations.count == 1 && note.citationItems.count == 1, "\(quote.citation)")
    let found = index.findQuote(quote.text, preferredPaper: quote.paper)
    #expect(found.matches.contains { $0.paper == quote.paper && $0.passage == quote.passage },
            "quote not found where cited: \(found.matches.map(\.passage)) \(String(describing: found.closest))")
  }
}
