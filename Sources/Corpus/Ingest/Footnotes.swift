//! Footnotes: their passages, the reference marks in the body, and which mark refers to which note.

struct FootnoteAssembler {
  let classifier: LineClassifier
  private(set) var footnotes: [Footnote] = []
  /// Raw start of each footnote (for ordering against references).
  private(set) var rawStarts: [Int] = []
  private(set) var marks: [FootnoteMark] = []
  /// Builds every note in turn, reusing its buffers.
  private var builder = PassageBuilder()

  init(classifier: LineClassifier) { self.classifier = classifier }

  mutating func build() {
    for note in classifier.notes {
      guard let first = note.lines.first else { continue }
      let line = classifier.lines[first]
      var start = note.mark.end
      while start < line.contentEnd, CharClass.isSpace(classifier.text.scalar(at: start).value) {
        start += classifier.text.scalar(at: start).length
      }
      let passage = BodyAssembler.passage(
        text: classifier.text, lines: classifier.lines, indices: note.lines, firstStart: start, using: &builder)
      footnotes.append(Footnote(number: footnotes.count + 1, mark: note.mark.label, passage: passage))
      rawStarts.append(line.contentStart)
      marks.append(note.mark)
    }
  }
}

/// A reference mark found in a passage.
struct ReferenceMark {
  var kind: FootnoteMark.Kind
  /// Normalised range in the paragraph (nil paragraph: raw range in the title).
  var range: TextRange
  var raw: Int
  var paragraph: Int?
}

enum FootnoteLinker {
  /// Reference marks in a normalised text: ①, ^①, ^{*}, a trailing *, and (when the paper has letter notes)
  /// a lone letter a–j between CJK characters.
  /// Each is handed to `found` in order (no array is made for each paragraph).
  static func marks(
    in passage: Passage, letters: Bool, stars: Bool, _ found: (FootnoteMark.Kind, TextRange) -> Void
  ) {
    _ = passage.text.utf8.withContiguousStorageIfAvailable { buffer in
      let text = ByteText(bytes: buffer)
      var i = 0
      var previous: UInt32 = 0
      while i < text.count {
        // Skip quickly over bytes that cannot start a mark: Han text (E4–E9 lead bytes) and most ASCII.
        let byte = text[i]
        // CJK punctuation (U+3000–U+303F) and full-width forms (U+FF00–U+FF7F) neither: like Han, they only
        // count as wide text before a letter mark.
        if (byte >= 0xE4 && byte <= 0xE9) || (byte == 0xE3 && text[i + 1] == 0x80)
          || (byte == 0xEF && (text[i + 1] == 0xBC || text[i + 1] == 0xBD))
        {
          previous = 0x4E00
          i += 3
          continue
        }
        if byte < 0x80 && byte != 0x5E && !(stars && byte == 0x2A) && !(letters && byte >= 0x61 && byte <= 0x6A) {
          previous = UInt32(byte)
          i += 1
          continue
        }
        let (v, len) = text.scalar(at: i)
        if v == 0x5E, let mark = FootnoteMark.parse(text, at: i, limit: text.count) {
          found(mark.kind, TextRange(i, mark.end))
          i = mark.end
          previous = 0x2460
          continue
        }
        if let n = CharClass.circledNumber(v) {
          found(.circled(n), TextRange(i, i + len))
        } else if stars, v == 0x2A, i > 0 {
          found(.star, TextRange(i, i + len))
        } else if letters, (0x61...0x6A).contains(v), CharClass.isWide(previous) || previous == 0x20 {
          let next = text.scalar(at: i + 1).value
          if i + 1 >= text.count || CharClass.isWide(next) && !CharClass.isLatinLetter(next) {
            found(.letter(UInt8(v)), TextRange(i, i + 1))
          }
        }
        previous = v
        i += len
      }
    }
  }

  /// Ties each footnote to the reference mark that calls it: the latest unmatched mark of the same kind before
  /// the note (numbering restarts on each page, and a note is printed below its call). A note whose call was lost
  /// in extraction stays unlinked rather than stealing the next page's call.
  static func link(paper: inout Paper, titleMarks: [FootnoteMark], notes: FootnoteAssembler) {
    let letters = notes.marks.contains { if case .letter = $0.kind { return true } else { return false } }
    let stars = notes.marks.contains { $0.kind == .star }
    var refs: [ReferenceMark] = titleMarks.map {
      ReferenceMark(kind: $0.kind, range: TextRange($0.start, $0.end), raw: $0.start, paragraph: nil)
    }
    for paragraph in paper.paragraphs {
      marks(in: paragraph.passage, letters: letters, stars: stars) { kind, range in
        let raw = paragraph.passage.map.rawOffset(forNormalized: range.start, bias: .start).utf8Offset
        refs.append(ReferenceMark(kind: kind, range: range, raw: raw, paragraph: paragraph.number))
      }
    }
    refs.sort { $0.raw < $1.raw }
    var used = [Bool](repeating: false, count: refs.count)
    // Each call tied, in the order of the notes; then grouped by paragraph and ordered by position, calls at one
    // position by note (one array for each paragraph, not one grown note by note).
    var linked: [(paragraph: Int, reference: FootnoteReference)] = []
    for (n, mark) in notes.marks.enumerated() {
      let start = notes.rawStarts[n]
      var chosen: Int?
      var r = refs.count - 1
      // Latest unmatched before the note.
      while r >= 0 {
        if refs[r].raw < start, !used[r], refs[r].kind == mark.kind {
          chosen = r
          break
        }
        r -= 1
      }
      guard let found = chosen else { continue }
      used[found] = true
      if let p = refs[found].paragraph {
        paper.footnotes[n].paragraph = p
        linked.append((p, FootnoteReference(range: refs[found].range, footnote: n + 1)))
      }
    }
    linked.sort { a, b in
      if a.paragraph != b.paragraph { return a.paragraph < b.paragraph }
      if a.reference.range.start != b.reference.range.start {
        return a.reference.range.start < b.reference.range.start
      }
      return a.reference.footnote < b.reference.footnote
    }
    var groupStart = 0
    while groupStart < linked.count {
      let p = linked[groupStart].paragraph
      var groupEnd = groupStart + 1
      while groupEnd < linked.count, linked[groupEnd].paragraph == p { groupEnd += 1 }
      if paper.paragraphs.indices.contains(p - 1) {
        paper.paragraphs[p - 1].footnoteRefs = linked[groupStart..<groupEnd].map(\.reference)
      }
      groupStart = groupEnd
    }
  }
}
