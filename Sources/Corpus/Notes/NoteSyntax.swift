//! What a Markdown note says to the tool: citations, locators, quotations, entity links, with UTF-8 ranges.

/// The parsed view of one note. Immutable; every range is a UTF-8 range into `text`.
///
/// Built by `NoteParser.parse(_:)`, which never fails: broken input becomes a `NoteSyntaxProblem`.
public struct NoteSyntax: Sendable {
  public let text: String
  /// Bracketed groups (`[@a; @b, ¶3]`) and bare in-text citations (`@a`), in text order.
  public var citations: [Citation]
  /// Quotations tied to a following citation, in text order.
  public var quotations: [Quotation]
  public var entityLinks: [EntityLink]
  /// Bracketed groups that would be citations but for the `@` (`[常思纯2023, ¶4]`), in text order.
  public var unmarkedCitations: [UnmarkedCitation]
  /// Input the parser could not make sense of (unbalanced brackets…).
  public var problems: [NoteSyntaxProblem]
  /// Ranges that are not prose: code spans, fenced code, HTML comments, URLs, link destinations, front matter.
  /// Sorted and disjoint (the initialiser merges what overlaps), so that `isIgnored` can search them.
  public let ignoredRanges: [TextRange]
  /// Sentence ranges covering the prose, in order (used to tie entity links to citations).
  public var sentences: [TextRange]

  public init(
    text: String, citations: [Citation] = [], quotations: [Quotation] = [], entityLinks: [EntityLink] = [],
    unmarkedCitations: [UnmarkedCitation] = [], problems: [NoteSyntaxProblem] = [], ignoredRanges: [TextRange] = [],
    sentences: [TextRange] = []
  ) {
    self.text = text
    self.citations = citations
    self.quotations = quotations
    self.entityLinks = entityLinks
    self.unmarkedCitations = unmarkedCitations
    self.problems = problems
    self.ignoredRanges = Self.merged(ignoredRanges)
    self.sentences = sentences
  }

  /// Every citation item, with the index of its citation.
  public var citationItems: [(citation: Int, item: CitationItem)] {
    citations.enumerated().flatMap { index, citation in citation.items.map { (index, $0) } }
  }

  /// The sentence holding an offset (the whole text when sentences were not computed).
  public func sentence(containing offset: TextSize) -> TextRange {
    sentences.sortedIndex(containing: offset).map { sentences[$0] } ?? TextRange(start: .zero, end: text.utf8Size)
  }

  /// The citation whose range contains (or touches) an offset, for editor features.
  public func citation(at offset: TextSize) -> Int? {
    citations.firstIndex { $0.range.contains(inclusive: offset) }
  }

  /// True when the offset falls inside code, a comment, a URL or other non-prose text.
  public func isIgnored(_ offset: TextSize) -> Bool {
    ignoredRanges.sortedIndex(containing: offset) != nil
  }

  /// Ranges sorted and merged where they overlap or touch.
  static func merged(_ ranges: [TextRange]) -> [TextRange] {
    var result: [TextRange] = []
    for range in ranges.sorted(by: { $0.start < $1.start }) {
      if let last = result.last, range.start <= last.end {
        result[result.count - 1] = TextRange(start: last.start, end: max(last.end, range.end))
      } else {
        result.append(range)
      }
    }
    return result
  }
}

/// A Pandoc citation: a bracketed group `[see @a, ¶3; @b]` or a bare in-text `@a` (optionally `@a [¶3]`).
public struct Citation: Sendable, Hashable {
  /// The whole citation, brackets included.
  public var range: TextRange
  public var isBracketed: Bool
  public var items: [CitationItem]

  public init(range: TextRange, isBracketed: Bool, items: [CitationItem]) {
    self.range = range
    self.isBracketed = isBracketed
    self.items = items
  }
}

/// A bracketed group, no link, whose `;`-separated items begin with a word and not with `@`: plain text to Pandoc,
/// though a word may be a document key (`[常思纯2023, ¶4]`).
public struct UnmarkedCitation: Sendable, Hashable {
  /// The group, brackets included.
  public var range: TextRange
  /// The leading word of each item that has one, where its `@` would go.
  public var leadingWords: [TextRange]

  public init(range: TextRange, leadingWords: [TextRange]) {
    self.range = range
    self.leadingWords = leadingWords
  }
}

/// One `prefix @key locator suffix` of a citation.
public struct CitationItem: Sendable, Hashable {
  /// The item from its prefix to its suffix, without the `;` separator.
  public var range: TextRange
  public var key: String
  /// The key alone, without `@` (and without braces for `@{key}`).
  public var keyRange: TextRange
  /// `-@key`: author suppressed.
  public var suppressAuthor: Bool
  public var prefix: String?
  public var prefixRange: TextRange?
  public var locator: Locator?
  /// Text after the key (and locator) that is not a locator: `emphasis added`.
  public var suffix: String?
  public var suffixRange: TextRange?

  public init(
    range: TextRange, key: String, keyRange: TextRange, suppressAuthor: Bool = false, prefix: String? = nil,
    prefixRange: TextRange? = nil, locator: Locator? = nil, suffix: String? = nil, suffixRange: TextRange? = nil
  ) {
    self.range = range
    self.key = key
    self.keyRange = keyRange
    self.suppressAuthor = suppressAuthor
    self.prefix = prefix
    self.prefixRange = prefixRange
    self.locator = locator
    self.suffix = suffix
    self.suffixRange = suffixRange
  }
}

/// Where in a document a citation points.
public struct Locator: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `¶12`, `para. 12`, `¶3-5`: paragraph numbers, inclusive.
    case paragraphs(first: Int, last: Int)
    /// `§二`, `§二（一）`, `§2`: section numberings from the outermost, parentheses full-width (`（一）`).
    case section([String])
    /// `fn. 3`: footnote number.
    case footnote(Int)
    /// `l. 120-124`: raw line numbers (1-based, inclusive).
    case lines(first: Int, last: Int)
    /// `p. 3`: a printed page; not checked.
    case page(String)
    /// Looks like a locator but cannot be read (`¶`, `¶x`, `¶5-3`, `§`); the string says why.
    case invalid(String)
  }

  public var kind: Kind
  /// The locator text, label included (`¶12`, `para. 12`).
  public var range: TextRange
  /// The number or numbering alone (`12`, `二（一）`), what a fix replaces.
  public var valueRange: TextRange

  public init(kind: Kind, range: TextRange, valueRange: TextRange) {
    self.kind = kind
    self.range = range
    self.valueRange = valueRange
  }

  /// Its value was read (it may still point nowhere in the paper).
  public var isReadable: Bool {
    if case .invalid = kind { return false }
    return true
  }
}

/// A quotation immediately followed by a citation; checked against the cited source.
public struct Quotation: Sendable, Hashable {
  public enum Style: String, Sendable, Hashable {
    case curly  // “…”
    case straight  // "…"
    case corner  // 「…」 or 『…』
    case block  // > …
  }

  public var style: Style
  /// The whole quotation, marks included (for a block: from the first `>` to the end of the quoted text).
  public var range: TextRange
  /// The quoted text without marks (for a block it may span `>` prefixes).
  public var textRange: TextRange
  /// The quoted text with block markers removed; elisions kept.
  public var text: String
  /// The pieces between elisions (`……`, `…`, `...`, `[…]`), trimmed, never empty, in order.
  public var fragments: [QuoteFragment]
  /// Index into `NoteSyntax.citations` of the citation it is tied to.
  public var citation: Int

  public init(
    style: Style, range: TextRange, textRange: TextRange, text: String, fragments: [QuoteFragment], citation: Int
  ) {
    self.style = style
    self.range = range
    self.textRange = textRange
    self.text = text
    self.fragments = fragments
    self.citation = citation
  }
}

public struct QuoteFragment: Sendable, Hashable {
  public var text: String
  public var range: TextRange

  public init(text: String, range: TextRange) {
    self.text = text
    self.range = range
  }
}

/// `[[东盟]]` or `[[东盟|the bloc]]`.
public struct EntityLink: Sendable, Hashable {
  public var range: TextRange
  /// The alias named, trimmed.
  public var target: String
  public var targetRange: TextRange
  public var label: String?
  public var labelRange: TextRange?

  public init(
    range: TextRange, target: String, targetRange: TextRange, label: String? = nil, labelRange: TextRange? = nil
  ) {
    self.range = range
    self.target = target
    self.targetRange = targetRange
    self.label = label
    self.labelRange = labelRange
  }
}

/// Something in the note's syntax that is broken.
public struct NoteSyntaxProblem: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// `[@key, ¶3` or `[[东盟` with no closing bracket.
    case unbalancedBracket
    /// `[[]]` or `[[|x]]`.
    case emptyEntityLink
    /// `[@]` or `@` followed by nothing usable inside brackets.
    case emptyCitationKey
    /// `[@a; ]`: a `;` with no item after it (or before it); the range is the `;`.
    case emptyCitationItem
    /// `【@a，¶2】`, `［@a］`: a citation in full-width brackets, which Pandoc does not read; the range is the citation.
    case fullWidthCitationBrackets
    /// `[@a；@b]`: a full-width `；` between items, which Pandoc does not read as one; the range is the `；`.
    case fullWidthCitationSeparator
    /// `“…思⏎⏎维…”[@a]`: a quotation split by a blank line, which Markdown makes two paragraphs of; the range is the
    /// line breaks between its parts.
    case quotationAcrossBlankLine
  }

  public var kind: Kind
  public var range: TextRange

  public init(kind: Kind, range: TextRange) {
    self.kind = kind
    self.range = range
  }
}

/// What sits under a cursor, for hover, completion, go-to and rename.
public enum NoteElement: Sendable, Hashable {
  /// The key of item `item` of citation `citation` (cursor on the key or the `@`).
  case citationKey(citation: Int, item: Int)
  case locator(citation: Int, item: Int)
  /// Elsewhere inside a citation: brackets, prefix, suffix, separators.
  case citation(Int)
  /// Index into `entityLinks`.
  case entityLink(Int)
  /// Index into `quotations`.
  case quotation(Int)
}

extension NoteSyntax {
  /// The innermost element at a UTF-8 offset; a cursor just after an element (at its end) is on it.
  public func element(at offset: TextSize) -> NoteElement? {
    for (citationIndex, citation) in citations.enumerated() where citation.range.contains(inclusive: offset) {
      for (itemIndex, item) in citation.items.enumerated() {
        let keyWithAt = TextRange(start: TextSize(max(0, item.keyRange.start.utf8Offset - 1)), end: item.keyRange.end)
        if keyWithAt.contains(inclusive: offset) { return .citationKey(citation: citationIndex, item: itemIndex) }
        if let locator = item.locator, locator.range.contains(inclusive: offset) {
          return .locator(citation: citationIndex, item: itemIndex)
        }
      }
      return .citation(citationIndex)
    }
    if let link = entityLinks.firstIndex(where: { $0.range.contains(inclusive: offset) }) { return .entityLink(link) }
    if let quotation = quotations.firstIndex(where: { $0.range.contains(offset) }) { return .quotation(quotation) }
    return nil
  }
}
