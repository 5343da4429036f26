//! Sentence boundaries in a normalised passage (Chinese and English punctuation).

public enum Sentences {
  /// The ranges of the sentences of a normalised text, in order, covering it without gaps except the white space
  /// between sentences. A sentence ends after 。！？!? (and … ；), with any closing quotes, brackets and footnote marks
  /// that follow; a Latin period ends one only before white space and an upper-case letter or CJK (so "U. S." and
  /// "No. 3" do not split).
  public static func ranges(in text: String) -> [TextRange] {
    var result: [TextRange] = []
    var text = text
    text.makeContiguousUTF8()
    text.utf8.withContiguousStorageIfAvailable { buffer in
      let bytes = ByteText(bytes: buffer)
      let n = bytes.count
      var start = 0
      var i = 0
      func skipSpace(_ k: Int) -> Int {
        var k = k
        while k < n, CharClass.isSpace(bytes.scalar(at: k).value) { k += bytes.scalar(at: k).length }
        return k
      }
      start = skipSpace(0)
      i = start
      while i < n {
        let (v, len) = bytes.scalar(at: i)
        var end: Int?
        if v == 0x3002 || v == 0xFF01 || v == 0xFF1F || v == 0x21 || v == 0x3F || v == 0xFF1B {
          end = i + len
        } else if v == 0x2026, bytes.scalar(at: i + len).value != 0x2026 {
          // "……" closing a sentence only when followed by a closer or the end; inside a sentence it elides.
          let next = bytes.scalar(at: i + len).value
          if i + len >= n || CharClass.isCloser(next) { end = i + len }
        } else if v == 0x2E {
          let next = bytes.scalar(at: i + 1).value
          if i + 1 >= n {
            end = i + 1
          } else if CharClass.isSpace(next) {
            let k = skipSpace(i + 1)
            let after = bytes.scalar(at: k).value
            let previousIsShort = isShortAbbreviation(bytes, before: i)
            if !previousIsShort, (0x41...0x5A).contains(after) || CharClass.isWide(after) { end = i + 1 }
          } else if CharClass.isWide(next) && !CharClass.isDigit(bytes.scalar(before: i).value) {
            end = i + 1
          }
        }
        guard var stop = end else {
          i += len
          continue
        }
        // Closers and footnote marks belong to the sentence they close.
        while stop < n {
          let (w, wl) = bytes.scalar(at: stop)
          if CharClass.isCloser(w) || CharClass.circledNumber(w) != nil || w == 0x5E || w == 0x2A {
            stop += wl
          } else if w == 0x7B, let mark = FootnoteMark.parse(bytes, at: stop - 1, limit: n), mark.end > stop {
            stop = mark.end
          } else {
            break
          }
        }
        result.append(TextRange(start, stop))
        start = skipSpace(stop)
        i = start
      }
      if start < n {
        var end = n
        while end > start, CharClass.isSpace(bytes.scalar(before: end).value) { end = bytes.scalar(before: end).start }
        if end > start { result.append(TextRange(start, end)) }
      }
    }
    return result
  }

  /// "U. S.", "No. 3", "p. 12", "et al.": a period after one or two letters does not end a sentence.
  private static func isShortAbbreviation(_ bytes: ByteText, before dot: Int) -> Bool {
    var k = dot
    var letters = 0
    while k > 0, CharClass.isLatinLetter(UInt32(bytes[k - 1])) {
      letters += 1
      k -= 1
    }
    return letters > 0 && letters <= 2
  }
}

extension Passage {
  /// Sentence ranges in the normalised text (see `Sentences.ranges(in:)`).
  public var sentenceRanges: [TextRange] { Sentences.ranges(in: text) }
}
