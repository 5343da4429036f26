//! Note parser fixtures: a note, and a dump of every element the parser finds, one per line.
import Testing

@testable import Corpus

/// One line per element: `cite`, `item`, `quote`, `frag`, `link`, `problem`; each with the text its range covers.
func dumpSyntax(_ syntax: NoteSyntax) -> String {
  let text = syntax.text
  var lines: [String] = []
  for citation in syntax.citations {
    lines.append("cite \(citation.isBracketed ? "[]" : "bare") \(text.slice(citation.range))")
    for item in citation.items {
      var line = "  item key=\(text.slice(item.keyRange))"
      if item.suppressAuthor { line += " -@" }
      if let prefix = item.prefixRange { line += " prefix=\(text.slice(prefix))" }
      if let locator = item.locator {
        line += " loc=\(text.slice(locator.range))|\(text.slice(locator.valueRange)) \(describe(locator.kind))"
      }
      if let suffix = item.suffixRange { line += " suffix=\(text.slice(suffix))" }
      lines.append(line)
    }
  }
  for quotation in syntax.quotations {
    lines.append("quote \(quotation.style.rawValue) -> cite \(quotation.citation): \(text.slice(quotation.textRange))")
    for fragment in quotation.fragments {
      lines.append(
        "  frag \(fragment.text)"
          + (fragment.text == text.slice(fragment.range) ? "" : " @\(text.slice(fragment.range))"))
    }
  }
  for link in syntax.entityLinks {
    lines.append("link \(text.slice(link.targetRange))" + (link.labelRange.map { " | \(text.slice($0))" } ?? ""))
  }
  for problem in syntax.problems { lines.append("problem \(problem.kind.rawValue): \(text.slice(problem.range))") }
  return lines.joined(separator: "\n")
}

private func describe(_ kind: Locator.Kind) -> String {
  switch kind {
  case .paragraphs(let first, let last): return first == last ? "para \(first)" : "para \(first)-\(last)"
  case .section(let parts): return "section \(parts.joined(separator: "/"))"
  case .footnote(let number): return "fn \(number)"
  case .lines(let first, let last): return "lines \(first)-\(last)"
  case .page(let page): return "page \(page)"
  case .invalid(let why): return "invalid(\(why))"
  }
}

func checkParse(_ note: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let actual = dumpSyntax(NoteParser.parse(note))
  #expect(
    actual == expected, "\n--- actual ---\n\(actual)\n--- expected ---\n\(expected)", sourceLocation: sourceLocation)
}

@Test func bracketedCitationsWithLocators() {
  checkParse(
    "见 [@常思纯2023, ¶12] 与 [@a; @b, ¶3-5]。",
    """
    cite [] [@常思纯2023, ¶12]
      item key=常思纯2023 loc=¶12|12 para 12
    cite [] [@a; @b, ¶3-5]
      item key=a
      item key=b loc=¶3-5|3-5 para 3-5
    """)
}

@Test func everyLocatorForm() {
  checkParse(
    "[@k, para. 12] [@k, §二] [@k, §二（一）] [@k, fn. 3] [@k, l. 120-124] [@k, p. 33] [@k, §(二)1]",
    """
    cite [] [@k, para. 12]
      item key=k loc=para. 12|12 para 12
    cite [] [@k, §二]
      item key=k loc=§二|二 section 二
    cite [] [@k, §二（一）]
      item key=k loc=§二（一）|二（一） section 二/（一）
    cite [] [@k, fn. 3]
      item key=k loc=fn. 3|3 fn 3
    cite [] [@k, l. 120-124]
      item key=k loc=l. 120-124|120-124 lines 120-124
    cite [] [@k, p. 33]
      item key=k loc=p. 33|33 page 33
    cite [] [@k, §(二)1]
      item key=k loc=§(二)1|(二)1 section （二）/1
    """)
}

@Test func fullWidthDigitsInLocators() {
  checkParse(
    "[@k, ¶１２] [@k, ¶３－５] [@k, fn. ２] [@k, l. １２０～１２４]",
    """
    cite [] [@k, ¶１２]
      item key=k loc=¶１２|１２ para 12
    cite [] [@k, ¶３－５]
      item key=k loc=¶３－５|３－５ para 3-5
    cite [] [@k, fn. ２]
      item key=k loc=fn. ２|２ fn 2
    cite [] [@k, l. １２０～１２４]
      item key=k loc=l. １２０～１２４|１２０～１２４ lines 120-124
    """)
}

@Test func prefixSuffixAndSuppressedAuthor() {
  checkParse(
    "[see @smith2020, p. 3, emphasis added; -@doe:2019 ch. 2]",
    """
    cite [] [see @smith2020, p. 3, emphasis added; -@doe:2019 ch. 2]
      item key=smith2020 prefix=see loc=p. 3|3 page 3 suffix=emphasis added
      item key=doe:2019 -@ suffix=ch. 2
    """)
}

@Test func invalidLocators() {
  checkParse(
    "[@k, ¶] [@k, ¶5-3] [@k, §x]",
    """
    cite [] [@k, ¶]
      item key=k loc=¶| invalid(expected a paragraph number such as ¶12)
    cite [] [@k, ¶5-3]
      item key=k loc=¶5-3|5-3 invalid(the range 5-3 runs backwards)
    cite [] [@k, §x]
      item key=k loc=§x|x invalid(expected a section number such as §二 or §二（一）)
    """)
}

@Test func bareCitations() {
  checkParse(
    "@常思纯2023 argues, and @smith2020 [¶4] agrees. Mail a@b.com or @{key with space}.",
    """
    cite bare @常思纯2023
      item key=常思纯2023
    cite bare @smith2020 [¶4]
      item key=smith2020 loc=¶4|4 para 4
    cite bare @{key with space}
      item key=key with space
    """)
}

@Test func inlineQuotationsInEveryStyle() {
  checkParse(
    "他说“东盟很重要……合作加深”[@k, ¶2]，又称\"open seas\" [@k]，「小字」[@k]。",
    """
    cite [] [@k, ¶2]
      item key=k loc=¶2|2 para 2
    cite [] [@k]
      item key=k
    cite [] [@k]
      item key=k
    quote curly -> cite 0: 东盟很重要……合作加深
      frag 东盟很重要
      frag 合作加深
    quote straight -> cite 1: open seas
      frag open seas
    quote corner -> cite 2: 小字
      frag 小字
    """)
}

@Test func quotationNotFollowedByCitationIsProse() {
  checkParse(
    "所谓“印太”战略 [@k]，以及 “x” 。",
    """
    cite [] [@k]
      item key=k
    """)
}

@Test func blockQuotations() {
  checkParse(
    """
    > 第一行文字
    > 第二行 ... 结尾 [@k, ¶3]

    > Another block
    [@k, ¶4]
    """,
    """
    cite [] [@k, ¶3]
      item key=k loc=¶3|3 para 3
    cite [] [@k, ¶4]
      item key=k loc=¶4|4 para 4
    quote block -> cite 0: 第一行文字
    > 第二行 ... 结尾
      frag 第一行文字
    第二行 @第一行文字
    > 第二行
      frag 结尾
    quote block -> cite 1: Another block
      frag Another block
    """)
}

@Test func entityLinks() {
  checkParse(
    "[[东盟]] 与 [[ASEAN]]、[[东盟|the bloc]]。",
    """
    link 东盟
    link ASEAN
    link 东盟 | the bloc
    """)
}

@Test func codeCommentsLinksAndEmailsAreNotMisread() {
  checkParse(
    """
    `[@code]` and <!-- [@hidden] [[x]] --> and [text](http://x.com/@user) <me@x.org> https://x.com/@a.
    ```
    [@fenced] “q”[@fenced]
    ```
    \\@escaped  [label]: http://example.com
    [@real]
    """,
    """
    cite [] [@real]
      item key=real
    """)
}

@Test func frontMatterOnlyWhenItsFirstLineIsNotBlank() {
  checkParse("---\ntitle: 笔记 [@hidden]\n---\n[@real]", "cite [] [@real]\n  item key=real")
  // A thematic break at the top, as Pandoc reads it: what follows is prose.
  checkParse("---\n\n正文 [@real]。\n\n---\n", "cite [] [@real]\n  item key=real")
}

@Test func brokenInputGivesProblemsNotCrashes() {
  checkParse(
    "[@k, ¶3 no close\n\n[[东盟 unclosed\n“unterminated [@j]\n[@]",
    """
    cite bare @k
      item key=k
    cite [] [@j]
      item key=j
    problem unbalancedBracket: [@k, ¶3 no close
    problem unbalancedBracket: [[
    problem emptyCitationKey: @
    """)
}

@Test func citationSplitAcrossLines() {
  checkParse(
    "见[@k,\n¶3]。",
    """
    cite [] [@k,
    ¶3]
      item key=k loc=¶3|3 para 3
    """)
}

@Test func sentencesTieLinksToCitations() {
  let syntax = NoteParser.parse("[[日本]]加强合作 [@k, ¶1]。[[东盟]]另论。")
  #expect(syntax.sentences.count == 2)
  #expect(syntax.text.slice(syntax.sentences[0]) == "[[日本]]加强合作 [@k, ¶1]。")
}

@Test func abbreviationsEndNoSentence() {
  let syntax = NoteParser.parse("[[Japan]] cooperates, e.g. in the [[Quad]] and with the U.S. Navy [@k, ¶2]. Next one.")
  #expect(syntax.sentences.map { syntax.text.slice($0) }
    == ["[[Japan]] cooperates, e.g. in the [[Quad]] and with the U.S. Navy [@k, ¶2].", " Next one."])
}

@Test func parserIsTotalOnArbitraryBytes() {
  var generator = SystemRandomNumberGenerator()
  let alphabet = Array("[]@“”\"「」>\n ¶§，。…..`<!-->()|;,-1二（一）fn. l. a东盟")
  for _ in 0..<300 {
    let note = String(
      (0..<Int.random(in: 0..<60, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? " " })
    let syntax = NoteParser.parse(note)
    for citation in syntax.citations { #expect(citation.range.end.utf8Offset <= note.utf8.count) }
  }
}

@Test func quotationAcrossLinesAndNestedQuotes() {
  checkParse(
    "他说“第一行\n第二行“内”尾”[@k, ¶1]。",
    """
    cite [] [@k, ¶1]
      item key=k loc=¶1|1 para 1
    quote curly -> cite 0: 第一行
    第二行“内”尾
      frag 第一行
    第二行“内”尾
    """)
}

@Test func crlfLineEndings() {
  checkParse(
    "> 引文一行\r\n> 第二行\r\n[@k, ¶2]\r\n\r\n@j argues\r\n",
    """
    cite [] [@k, ¶2]
      item key=k loc=¶2|2 para 2
    cite bare @j
      item key=j
    quote block -> cite 0: 引文一行\r
    > 第二行
      frag 引文一行\r
    第二行 @引文一行\r
    > 第二行
    """)
}

@Test func linkTextAndReferenceDefinitionsAreNotCitationGroups() {
  checkParse(
    "[see the site](https://x.org) [ref]: https://y.org\n[label]: https://z.org/@k\n[a] [@real]",
    """
    cite [] [@real]
      item key=real
    """)
}

@Test func footnoteDefinitionsAreProse() {
  checkParse(
    "正文[^1]。\n\n[^1]: 见 [@k, ¶3]。",
    """
    cite [] [@k, ¶3]
      item key=k loc=¶3|3 para 3
    """)
}

@Test func indentedCodeIsIgnoredButListContinuationsAreNot() {
  checkParse(
    """
    正文。

        [@code] “假”[@code]

    - 条目 [@a]

        续行 [@b]
    """,
    """
    cite [] [@a]
      item key=a
    cite [] [@b]
      item key=b
    """)
}

@Test func cjkPrefixMayTouchTheKey() {
  checkParse("[参见@张三2021, ¶3] [mail a@b.org]", """
    cite [] [参见@张三2021, ¶3]
      item key=张三2021 prefix=参见 loc=¶3|3 para 3
    """)
}

@Test func blockWithInnerCitationsIsNotOneQuotation() {
  checkParse("> 第一句 [@a]。\n> 第二句 [@b, ¶3]", """
    cite [] [@a]
      item key=a
    cite [] [@b, ¶3]
      item key=b loc=¶3|3 para 3
    """)
}

@Test func quotationWithAnUnbalancedInnerMarkStaysOnItsLine() {
  // The second quotation has one more closing mark than opening ones: it must not reach back over the first
  // citation to the first line's opening mark.
  let note = NoteParser.parse("甲“所谓“印太”[@a, ¶1]。\n乙“印太”布局”[@b, ¶2]。")
  #expect(note.quotations.map(\.text) == ["印太", "印太”布局"])
}
