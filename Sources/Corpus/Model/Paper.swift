//! A corpus document as the tool understands it: metadata, outline, paragraphs and footnotes,
//! each tied back to the exact place in the raw file.
import Foundation

/// One corpus file, read and normalised. Immutable once built.
///
/// Positions: `raw` offsets are UTF-8 offsets into `rawText` (the decoded file);
/// passage-local offsets are UTF-8 offsets into a passage's normalised `text`, mapped back by its `map`.
/// The raw text itself is not kept for papers read from a workspace: `rawText` and `rawLines` read it again
/// from the file when asked (see `RawTextSource`); everything else answers from the parsed model.
public struct Paper: Sendable {
  /// Path relative to the workspace root, with `/` separators (`corpus/常思纯2023.txt`).
  public var file: String
  /// Where the raw text is: in memory, or in the paper's file.
  public let rawSource: RawTextSource
  /// UTF-8 offset of each raw line's first byte, as the reader split the lines (`LineIndex`'s starts).
  let rawLineStarts: [UInt32]
  public var metadata: PaperMetadata
  /// Where each metadata field was read from in the raw file.
  public var metadataSources: [MetadataField: TextRange]
  public var sections: [Section]
  /// Body paragraphs in reading order; `paragraphs[i].number == i + 1`.
  public var paragraphs: [Paragraph]
  /// Footnotes in order of appearance; `footnotes[i].number == i + 1`.
  public var footnotes: [Footnote]
  /// Raw text removed from the body, and why (page numbers, running headers, foreign abstracts…).
  public var artefacts: [Artefact]
  /// The title as a passage (`PassageID.title`), mapped to the raw file.
  public var titlePassage: Passage?
  /// The abstract (内容提要) as a passage (`PassageID.abstract`), mapped to the raw file.
  public var abstractPassage: Passage?
  /// The keywords line (关键词) as a passage (`PassageID.keywords`), mapped to the raw file.
  public var keywordsPassage: Passage?
  /// The author note (作者简介) as a passage (`PassageID.authorNote`), mapped to the raw file.
  public var authorNotePassage: Passage?
  /// The paper's own English abstract (`PassageID.englishAbstract`), when the reader is sure which entry after the
  /// body is the paper's own; the other articles' abstracts stay artefacts.
  public var englishAbstractPassage: Passage?
  /// The title above that abstract (`PassageID.englishTitle`), without the author line under it.
  public var englishTitlePassage: Passage?

  public init(
    file: String, rawText: String, metadata: PaperMetadata = PaperMetadata(),
    metadataSources: [MetadataField: TextRange] = [:], sections: [Section] = [], paragraphs: [Paragraph] = [],
    footnotes: [Footnote] = [], artefacts: [Artefact] = []
  ) {
    self.file = file
    self.rawSource = .resident(rawText)
    self.rawLineStarts = LineIndex(rawText).storedStarts
    self.metadata = metadata
    self.metadataSources = metadataSources
    self.sections = sections
    self.paragraphs = paragraphs
    self.footnotes = footnotes
    self.artefacts = artefacts
  }

  /// A paper whose raw line starts are already known (the reader splits the raw text into the same lines).
  init(file: String, rawSource: RawTextSource, rawLineStarts: [UInt32]) {
    self.file = file
    self.rawSource = rawSource
    self.rawLineStarts = rawLineStarts.isEmpty ? [0] : rawLineStarts
    self.metadata = PaperMetadata()
    self.metadataSources = [:]
    self.sections = []
    self.paragraphs = []
    self.footnotes = []
    self.artefacts = []
  }

  /// The decoded raw text, exactly as on disk after decoding (line endings untouched). Read from the file for
  /// papers of a workspace: ask once per request, not once per position.
  public var rawText: String { rawSource.text }

  /// Line table of the raw text (reads the text like `rawText`).
  public var rawLines: LineIndex { rawSource.lineIndex(knownStarts: rawLineStarts) }

  /// Number of raw lines, without reading the text.
  public var rawLineCount: Int { rawLineStarts.count }

  /// Zero-based raw line containing a raw offset, without reading the text.
  public func rawLine(containing offset: TextSize) -> Int {
    LineIndex.line(containing: offset.utf8Offset, starts: rawLineStarts)
  }

  /// The file name without directory and extension: always accepted as a citation key.
  public var stem: String {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
    return name
  }
}

public enum MetadataField: String, Sendable, CaseIterable, Codable {
  case title, authors, venue, year, abstract, keywords, authorNote
}

public struct PaperMetadata: Sendable, Equatable {
  public var title: String
  public var authors: [String]
  public var venue: String?
  public var year: Int?
  /// 内容提要, normalised.
  public var abstract: String?
  /// 关键词.
  public var keywords: [String]
  /// 作者简介 / 作者介绍, or the closing "（撰写：…）" line of a report.
  public var authorNote: String?
  /// A citation key given by the analyst (`documents.<file>.key` in corpus-lsp.json); nil when not overridden.
  public var key: String?

  /// The first author as the citation key uses it: a Chinese name whole (常思纯), a Latin name's surname.
  public var firstAuthor: String? {
    guard let first = authors.first?.trimmingCharacters(in: .whitespaces), !first.isEmpty else { return nil }
    if first.unicodeScalars.contains(where: { $0.value >= 0x2E80 }) { return first }
    if let comma = first.firstIndex(of: ",") { return String(first[..<comma]) }
    return first.split(separator: " ").last.map(String.init) ?? first
  }

  public init(
    title: String = "", authors: [String] = [], venue: String? = nil, year: Int? = nil, abstract: String? = nil,
    keywords: [String] = [], authorNote: String? = nil
  ) {
    self.title = title
    self.authors = authors
    self.venue = venue
    self.year = year
    self.abstract = abstract
    self.keywords = keywords
    self.authorNote = authorNote
    self.key = nil
  }
}

/// A run of normalised text (a paragraph, a footnote, the abstract) with its map to the raw file.
public struct Passage: Sendable, Equatable {
  /// Normalised text: lines joined, hyphenation undone, page debris and footnote marks kept as in the body.
  public var text: String
  /// Normalised offset → raw offset.
  public var map: OffsetMap

  public init(text: String, map: OffsetMap) {
    self.text = text
    self.map = map
  }

  /// The raw range a normalised range came from.
  public func rawRange(of range: TextRange) -> TextRange {
    TextRange(start: map.rawOffset(forNormalized: range.start, bias: .start),
              end: map.rawOffset(forNormalized: range.end, bias: .end))
  }

  /// The raw pieces a normalised range came from (`OffsetMap.rawPieces(forNormalized:)`): more than one when a
  /// line break or a footnote block splits it.
  public func rawPieces(of range: TextRange) -> [TextRange] { map.rawPieces(forNormalized: range) }

  /// The whole raw extent of the passage.
  public var rawRange: TextRange { rawRange(of: TextRange(start: .zero, end: text.utf8Size)) }
}

public struct Paragraph: Sendable {
  /// 1-based, over the body in reading order.
  public var number: Int
  public var passage: Passage
  /// Index into `Paper.sections` of the innermost section containing it, if any.
  public var section: Int?
  /// Footnote reference marks inside the paragraph: normalised range of the mark, footnote number.
  public var footnoteRefs: [FootnoteReference]

  public init(number: Int, passage: Passage, section: Int? = nil, footnoteRefs: [FootnoteReference] = []) {
    self.number = number
    self.passage = passage
    self.section = section
    self.footnoteRefs = footnoteRefs
  }

  public var text: String { passage.text }
}

public struct FootnoteReference: Sendable, Equatable {
  /// Range of the mark (①, ^①, a, *) in the paragraph's normalised text.
  public var range: TextRange
  /// 1-based number into `Paper.footnotes`.
  public var footnote: Int

  public init(range: TextRange, footnote: Int) {
    self.range = range
    self.footnote = footnote
  }
}

public struct Footnote: Sendable {
  /// 1-based, in order of appearance.
  public var number: Int
  /// The mark as printed (①, a, *).
  public var mark: String
  /// The note's text without its mark, normalised.
  public var passage: Passage
  /// The paragraph that refers to it, if the reference was found.
  public var paragraph: Int?

  public init(number: Int, mark: String, passage: Passage, paragraph: Int? = nil) {
    self.number = number
    self.mark = mark
    self.passage = passage
    self.paragraph = paragraph
  }

  public var text: String { passage.text }
}

public struct Section: Sendable, Equatable {
  /// The numbering as printed, without punctuation: `一`, `（一）`→`（一）`, `1`.
  public var numbering: String
  public var title: String
  /// 1 for 一、, 2 for （一）, 3 for 1. and so on.
  public var level: Int
  /// Raw range of the heading line(s).
  public var headingRange: TextRange
  /// Paragraph numbers covered, including subsections (`first...last`; empty when `last < first`).
  public var firstParagraph: Int
  public var lastParagraph: Int
  /// Index of the enclosing section.
  public var parent: Int?
  /// The heading as a passage (`PassageID.heading`), numbering included; nil for a title run into its paragraph
  /// ("（一）对内互助性。小多边外交…"), which the paragraph already holds.
  public var heading: Passage?

  public init(
    numbering: String, title: String, level: Int, headingRange: TextRange, firstParagraph: Int,
    lastParagraph: Int, parent: Int? = nil, heading: Passage? = nil
  ) {
    self.numbering = numbering
    self.title = title
    self.level = level
    self.headingRange = headingRange
    self.firstParagraph = firstParagraph
    self.lastParagraph = lastParagraph
    self.parent = parent
    self.heading = heading
  }
}

/// Raw text the reader set aside, and why. With paragraphs, footnotes and metadata it accounts for
/// every non-blank raw line.
public struct Artefact: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case pageNumber, runningHeader, pageBreak, foreignAbstract, englishAbstract, publicationInfo, other
  }
  public var kind: Kind
  public var rawRange: TextRange

  public init(kind: Kind, rawRange: TextRange) {
    self.kind = kind
    self.rawRange = rawRange
  }
}
