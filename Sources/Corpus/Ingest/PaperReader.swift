//! Entry point of ingest: bytes or text of one corpus file → a `Paper` (metadata, outline, paragraphs, footnotes).
import Foundation

/// Metadata given by the analyst in `corpus-lsp.json` for one document; every field overrides what the reader found.
public struct DocumentOverride: Sendable, Equatable {
  public var title: String?
  public var authors: [String]?
  public var venue: String?
  public var year: Int?
  public var key: String?

  public init(
    title: String? = nil, authors: [String]? = nil, venue: String? = nil, year: Int? = nil, key: String? = nil
  ) {
    self.title = title
    self.authors = authors
    self.venue = venue
    self.year = year
    self.key = key
  }
}

public enum PaperReader {
  /// Decodes and parses one corpus file. An undecodable file is a problem, never a crash.
  /// With `sourcePath`, the path `data` was read from, the paper re-reads its raw text from there when asked instead
  /// of keeping it (see `RawTextSource`).
  public static func read(
    file: String, data: Data, overrides: DocumentOverride? = nil, sourcePath: String? = nil
  ) -> Result<Paper, CorpusProblem> {
    data.withUnsafeBytes { read(file: file, bytes: $0, overrides: overrides, sourcePath: sourcePath) }
  }

  /// `read(file:data:overrides:sourcePath:)` for bytes in memory (a reading thread's buffer, say), which the paper
  /// does not keep.
  static func read(
    file: String, bytes raw: UnsafeRawBufferPointer, overrides: DocumentOverride? = nil, sourcePath: String? = nil
  ) -> Result<Paper, CorpusProblem> {
    var paper: Paper
    // A UTF-8 file read from a workspace is parsed straight from its bytes: its raw text is re-read from the file
    // when needed, so no String of it is made here.
    if let sourcePath, case let bytes = TextDecoding.utf8Candidate(raw),
      let parsed = PaperAssembler(
        file: file, rawSource: .file(sourcePath, utf8Count: bytes.count), text: ByteText(bytes: bytes)
      ).assembleIfUTF8()
    {
      paper = parsed
    } else {
      switch TextDecoding.decode(Data(raw)) {
      case .failure(let failure):
        return .failure(
          CorpusProblem(file: file, kind: .undecodableFile, message: "cannot decode \(file): \(failure.message)"))
      case .success(let decoded):
        let rawSource: RawTextSource =
          sourcePath.map { .file($0, utf8Count: decoded.text.utf8.count) } ?? .resident(decoded.text)
        paper = parse(file: file, text: decoded.text, rawSource: rawSource)
      }
    }
    if let overrides { paper.apply(overrides) }
    return .success(paper)
  }

  /// Parses decoded text (kept in memory as the paper's raw text).
  public static func parse(file: String, text: String) -> Paper {
    parse(file: file, text: text, rawSource: .resident(text))
  }

  static func parse(file: String, text: String, rawSource: RawTextSource) -> Paper {
    var text = text
    text.makeContiguousUTF8()
    let parsed: Paper? = text.utf8.withContiguousStorageIfAvailable { buffer in
      PaperAssembler(file: file, rawSource: rawSource, text: ByteText(bytes: buffer)).assemble()
    }
    if let parsed { return parsed }
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      PaperAssembler(file: file, rawSource: rawSource, text: ByteText(bytes: buffer)).assemble()
    }
  }
}

extension Paper {
  /// Applies the analyst's overrides on top of what the reader found.
  public mutating func apply(_ overrides: DocumentOverride) {
    if let title = overrides.title { metadata.title = title }
    if let authors = overrides.authors { metadata.authors = authors }
    if let venue = overrides.venue { metadata.venue = venue }
    if let year = overrides.year { metadata.year = year }
    if let key = overrides.key { metadata.key = key }
  }
}

/// Builds the paper from classified lines.
struct PaperAssembler {
  let file: String
  let rawSource: RawTextSource
  let text: ByteText

  func assemble() -> Paper { assemble(lines: RawLine.scan(text)) }

  /// The paper, when `text` is valid UTF-8 (checked as its lines are measured); nil when it is not.
  func assembleIfUTF8() -> Paper? { RawLine.scanValidating(text).map { assemble(lines: $0) } }

  private func assemble(lines: [RawLine]) -> Paper {
    let classifier = LineClassifier(text: text, lines: lines)
    // RawLine splits lines exactly as LineIndex does: its starts are the index (no second pass over the text).
    let starts = lines.map { UInt32(truncatingIfNeeded: $0.start) }
    var paper = Paper(file: file, rawSource: rawSource, rawLineStarts: starts)
    var body = BodyAssembler(classifier: classifier)
    body.run()
    paper.paragraphs = body.paragraphs
    paper.sections = body.sections
    var notes = FootnoteAssembler(classifier: classifier)
    notes.build()
    paper.footnotes = notes.footnotes
    var titleMarks: [FootnoteMark] = []
    let meta = MetadataReader(classifier: classifier)
    let found = meta.read(titleMarks: &titleMarks)
    paper.metadata = found.metadata
    paper.metadataSources = found.sources
    paper.titlePassage = found.title
    paper.abstractPassage = found.abstract
    paper.keywordsPassage = found.keywords.flatMap { $0.text.isEmpty ? nil : $0 }
    paper.authorNotePassage = found.authorNote.flatMap { $0.text.isEmpty ? nil : $0 }
    paper.englishAbstractPassage = EnglishAbstractReader.passage(classifier)
    paper.englishTitlePassage = paper.englishAbstractPassage.flatMap {
      EnglishAbstractReader.titlePassage(classifier, before: $0)
    }
    // A paper that prints no 关键词 has its own English keywords, when its own English abstract is known.
    if paper.metadata.keywords.isEmpty, let english = paper.englishAbstractPassage,
      let keywords = EnglishAbstractReader.keywords(classifier, after: english)
    {
      paper.metadata.keywords = keywords.words
      paper.metadataSources[.keywords] = keywords.range
      // Quotable and scanned like a 关键词 line.
      if paper.keywordsPassage == nil, !keywords.passage.text.isEmpty { paper.keywordsPassage = keywords.passage }
    }
    FootnoteLinker.link(paper: &paper, titleMarks: titleMarks, notes: notes)
    paper.artefacts = Self.artefacts(classifier)
    // Without the spare capacity of appending: every paper of the corpus is kept.
    paper.paragraphs = Self.trimmed(paper.paragraphs)
    paper.footnotes = Self.trimmed(paper.footnotes)
    paper.sections = Self.trimmed(paper.sections)
    paper.artefacts = Self.trimmed(paper.artefacts)
    return paper
  }

  static func trimmed<Element>(_ array: [Element]) -> [Element] {
    array.capacity > array.count ? array.withUnsafeBufferPointer { Array($0) } : array
  }

  static func artefacts(_ classifier: LineClassifier) -> [Artefact] {
    var result: [Artefact] = []
    for (index, role) in classifier.roles.enumerated() {
      let kind: Artefact.Kind
      switch role {
      case .pageNumber: kind = .pageNumber
      case .runningHeader: kind = .runningHeader
      case .editorNote, .publicationInfo: kind = .publicationInfo
      case .englishAbstract: kind = .englishAbstract
      case .foreignAbstract: kind = .foreignAbstract
      default: continue
      }
      let range = classifier.lines[index].range
      if let last = result.last, last.kind == kind, Self.onlyBlankBetween(classifier, last.rawRange.end, range.start) {
        result[result.count - 1].rawRange = TextRange(start: last.rawRange.start, end: range.end)
      } else {
        result.append(Artefact(kind: kind, rawRange: range))
      }
    }
    return result
  }

  private static func onlyBlankBetween(_ classifier: LineClassifier, _ a: TextSize, _ b: TextSize) -> Bool {
    var i = a.utf8Offset
    while i < b.utf8Offset {
      let byte = classifier.text[i]
      if byte != 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09 { return false }
      i += 1
    }
    return true
  }
}
