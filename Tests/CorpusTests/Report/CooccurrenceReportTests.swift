//! Tests of the report's tables on a small corpus counted by hand.
import Corpus
import Foundation
import Testing

/// Two papers of our own. Hand count (mentions per passage):
/// 张三2021 abstract: 日本 东盟 四方安全对话 · ¶1: 日本×2 东盟 首脑会议 自由开放的印太 · ¶2: 美国 四方安全对话 澳大利亚 印度
///          ¶3: 东盟 四方安全对话 · fn. 1: 日本 首脑会议
/// 李四2022 ¶1: Japan US Tokyo Quad×2 India · ¶2: 澳洲 自由开放的印太 日本 FOIP 东盟 日本 自由开放的印太
let reportCorpus = """
  -- corpus/张三2021.txt --
  title: 日本的东盟外交

  abstract: 本文讨论日本与东盟的关系，以及四方安全对话。

  日本与东盟在2019年举行首脑会议。日本政府提出了“自由开放的印太”构想。

  美国支持四方安全对话，澳大利亚和印度也参与其中。

  东盟坚持自身的中心地位，对四方安全对话保持距离。

  fn: 参见日本外务省关于首脑会议的说明。

  -- corpus/李四2022.txt --
  title: Japan and the Quad

  Japan and the US met in Tokyo. The Quad summit followed; India joined the Quad.

  澳洲关注自由开放的印太。日本则强调FOIP与东盟的对接。日本重申自由开放的印太！
  """

private func checkTable(
  _ render: (CooccurrenceReport) -> String, options: ReportOptions = ReportOptions(), expect expected: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let fixture = ReportFixture(reportCorpus, entities: ReportFixtureEntities.all)
  let actual = render(fixture.report(options)).replacingOccurrences(of: "\r\n", with: "\n")
  #expect(actual == expected + "\n", sourceLocation: sourceLocation)
}

/// The long-form lines of one cell: `key locator count citation`, one per line.
private func checkEvidence(
  table: String, row: String, column: String, options: ReportOptions = ReportOptions(), expect expected: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let fixture = ReportFixture(reportCorpus, entities: ReportFixtureEntities.all)
  let lines = parseReportCSV(ReportCSV.cells(fixture.report(options))).dropFirst()
    .filter { $0[0] == table && $0[1] == row && $0[3] == column }
    .map { "\($0[6]) \($0[9]) \($0[10]) \($0[11])" }
  #expect(lines.joined(separator: "\n") == expected, sourceLocation: sourceLocation)
}

@Test func entityDocumentCountsMatchTheHandCount() {
  checkTable(
    ReportCSV.entityDocument,
    expect: """
      id,name,english,kind,total,张三2021,李四2022
      japan,日本,Japan,actor,7,4,3
      quad,四方安全对话,Quad,mechanism,5,3,2
      asean,东盟,ASEAN,actor,4,3,1
      foip,自由开放的印太,FOIP,mechanism,4,1,3
      australia,澳大利亚,Australia,actor,2,1,1
      india,印度,India,actor,2,1,1
      summit,首脑会议,summit meeting,mechanism,2,2,0
      united-states,美国,United States,actor,2,1,1
      tokyo,东京,Tokyo,place,1,0,1
      """)
}

@Test func actorMechanismByParagraphMatchesTheHandCount() {
  checkTable(
    ReportCSV.actorMechanism,
    expect: """
      id,name,english,quad,foip,summit
      japan,日本,Japan,2,2,2
      asean,东盟,ASEAN,2,2,1
      australia,澳大利亚,Australia,1,1,0
      india,印度,India,2,0,0
      united-states,美国,United States,2,0,0
      """)
}

@Test func actorMechanismBySentenceMatchesTheHandCount() {
  checkTable(
    ReportCSV.actorMechanism, options: ReportOptions(scope: .sentence),
    expect: """
      id,name,english,quad,foip,summit
      japan,日本,Japan,1,3,2
      asean,东盟,ASEAN,2,1,1
      australia,澳大利亚,Australia,1,1,0
      india,印度,India,2,0,0
      united-states,美国,United States,1,0,0
      """)
}

@Test func topAndKindCutTheTables() {
  checkTable(
    ReportCSV.entityDocument, options: ReportOptions(top: 3, kinds: [.actor]),
    expect: """
      id,name,english,kind,total,张三2021,李四2022
      japan,日本,Japan,actor,7,4,3
      asean,东盟,ASEAN,actor,4,3,1
      australia,澳大利亚,Australia,actor,2,1,1
      """)
  checkTable(
    ReportCSV.actorMechanism, options: ReportOptions(top: 2),
    expect: """
      id,name,english,quad,foip
      japan,日本,Japan,2,2
      asean,东盟,ASEAN,2,2
      """)
}

@Test func documentsListMetadataAndSizes() {
  checkTable(
    ReportCSV.documents,
    expect: """
      file,key,title,authors,venue,year,paragraphs,footnotes,mentions
      corpus/张三2021.txt,张三2021,日本的东盟外交,,,,3,1,16
      corpus/李四2022.txt,李四2022,Japan and the Quad,,,,2,0,13
      """)
}

@Test func evidenceQuotesTheSentenceNamingBoth() {
  checkEvidence(
    table: "actor-mechanism-by-paragraph", row: "japan", column: "foip",
    expect: """
      张三2021 ¶1 1 “日本政府提出了‘自由开放的印太’构想。”[@张三2021, ¶1]
      李四2022 ¶2 1 “日本重申自由开放的印太！”[@李四2022, ¶2]
      """)
}

@Test func evidenceElidesBetweenSentences() {
  checkEvidence(
    table: "actor-mechanism-by-paragraph", row: "asean", column: "foip",
    expect: """
      张三2021 ¶1 1 “日本与东盟在2019年举行首脑会议。……日本政府提出了‘自由开放的印太’构想。”[@张三2021, ¶1]
      李四2022 ¶2 1 “日本则强调FOIP与东盟的对接。”[@李四2022, ¶2]
      """)
}

@Test func evidenceCitesFootnotesAndAbstracts() {
  checkEvidence(
    table: "actor-mechanism-by-paragraph", row: "japan", column: "summit",
    expect: """
      张三2021 ¶1 1 “日本与东盟在2019年举行首脑会议。”[@张三2021, ¶1]
      张三2021 fn. 1 1 “参见日本外务省关于首脑会议的说明。”[@张三2021, fn. 1]
      """)
  checkEvidence(
    table: "actor-mechanism-by-paragraph", row: "japan", column: "quad",
    expect: """
      张三2021  1 “本文讨论日本与东盟的关系，以及四方安全对话。”[@张三2021]
      李四2022 ¶1 1 “Japan and the US met in Tokyo.……The Quad summit followed; India joined the Quad.”[@李四2022, ¶1]
      """)
}

@Test func sentenceEvidenceCountsSentences() {
  checkEvidence(
    table: "actor-mechanism-by-sentence", row: "japan", column: "foip", options: ReportOptions(scope: .sentence),
    expect: """
      张三2021 ¶1 1 “日本政府提出了‘自由开放的印太’构想。”[@张三2021, ¶1]
      李四2022 ¶2 2 “日本则强调FOIP与东盟的对接。”[@李四2022, ¶2]
      """)
}

@Test func entityDocumentEvidenceListsPassages() {
  checkEvidence(
    table: "entity-document", row: "japan", column: "张三2021",
    expect: """
      张三2021  1 [@张三2021]
      张三2021 ¶1 2 [@张三2021, ¶1]
      张三2021 fn. 1 1 [@张三2021, fn. 1]
      """)
}

/// Every number in both wide tables is the sum of its lines in the long form, and every quote is in its passage.
@Test(arguments: CooccurrenceScope.allCases)
func everyNumberIsTraceableToPassages(scope: CooccurrenceScope) {
  let fixture = ReportFixture(reportCorpus, entities: ReportFixtureEntities.all)
  let report = fixture.report(ReportOptions(scope: scope))
  let long = parseReportCSV(ReportCSV.cells(report)).dropFirst()
  var sums: [String: Int] = [:]
  for line in long { sums["\(line[0])|\(line[1])|\(line[3])", default: 0] += Int(line[10]) ?? -1_000 }

  let wide = parseReportCSV(ReportCSV.entityDocument(report))
  for line in wide.dropFirst() {
    for (column, key) in wide[0].enumerated().dropFirst(5) {
      #expect(sums["entity-document|\(line[0])|\(key)", default: 0] == Int(line[column]), "\(line[0]) × \(key)")
    }
  }
  let cooccurrence = parseReportCSV(ReportCSV.actorMechanism(report))
  for line in cooccurrence.dropFirst() {
    for (column, mechanism) in cooccurrence[0].enumerated().dropFirst(3) {
      let key = "actor-mechanism-by-\(scope.rawValue)|\(line[0])|\(mechanism)"
      #expect(sums[key, default: 0] == Int(line[column]), "\(line[0]) × \(mechanism)")
    }
  }
  for cell in report.actorMechanism.cells {
    for evidence in cell.evidence {
      let text = fixture.papers[evidence.paper].passageText(evidence.passage)
      for fragment in evidence.fragments { #expect(text.contains(fragment), "\(fragment) not in \(text)") }
    }
  }
}

@Test func mentionsOutsideTheCorpusAreIgnored() {
  let fixture = ReportFixture(reportCorpus, entities: ReportFixtureEntities.all)
  let stray = Mention(entity: 0, paper: 99, passage: .paragraph(1), range: TextRange(0, 3), rawRange: TextRange(0, 3))
  let report = CooccurrenceReport(
    papers: fixture.papers, entities: fixture.entities, mentions: fixture.mentions + [stray], keys: fixture.keys)
  #expect(report.entityDocument.rows.first?.total == 7)
}

@Test func csvQuotesFieldsThatNeedIt() {
  let row = ReportCSV.row(["a", "b,c", "say \"hi\"", "two\nlines", "日本"])
  #expect(row == "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",日本\r\n")
}

extension Paper {
  fileprivate func passageText(_ id: PassageID) -> String {
    switch id {
    case .abstract: return metadata.abstract ?? ""
    case .title: return metadata.title
    default: return passage(id)?.text ?? ""
    }
  }
}

/// A strict little RFC 4180 reader for checking our own output.
func parseReportCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text.unicodeScalars)[...]
  while let scalar = characters.popFirst() {
    if quoted {
      if scalar == "\"" {
        if characters.first == "\"" {
          field.unicodeScalars.append("\"")
          characters.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(scalar)
      }
    } else if scalar == "\"" {
      quoted = true
    } else if scalar == "," {
      row.append(field)
      field = ""
    } else if scalar == "\r" {
      continue
    } else if scalar == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.unicodeScalars.append(scalar)
    }
  }
  if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
  return rows
}

@Test func quotesAreCappedPerCellButEveryPassageIsListed() {
  checkEvidence(
    table: "actor-mechanism-by-paragraph", row: "japan", column: "foip", options: ReportOptions(quotesPerCell: 1),
    expect: """
      张三2021 ¶1 1 “日本政府提出了‘自由开放的印太’构想。”[@张三2021, ¶1]
      李四2022 ¶2 1 [@李四2022, ¶2]
      """)
}

@Test func cappedQuotesAreTakenInTurnFromEachDocument() {
  func evidence(_ paper: Int, _ paragraph: Int) -> CooccurrenceEvidence {
    CooccurrenceEvidence(paper: paper, passage: .paragraph(paragraph), count: 1, mentionRanges: [], fragments: [])
  }
  let list = [evidence(0, 1), evidence(0, 2), evidence(0, 3), evidence(1, 1), evidence(2, 5), evidence(2, 6)]
  #expect(CooccurrenceReport.quotedEvidence(list, limit: 4) == [0, 1, 3, 4])
  #expect(CooccurrenceReport.quotedEvidence(list, limit: nil) == [0, 1, 2, 3, 4, 5])
  #expect(CooccurrenceReport.quotedEvidence(list, limit: 0) == [])
}

/// 日 and 美 inside 日美同盟 are mentions of Japan and the United States, but they do not "meet" the alliance:
/// only a state named outside the mechanism's own name counts.
@Test(arguments: CooccurrenceScope.allCases)
func statesInsideAMechanismsNameDoNotMeetIt(scope: CooccurrenceScope) {
  let entities = [
    Entity(id: "japan", kind: .actor, name: "日本"),
    Entity(id: "united-states", kind: .actor, name: "美国"),
    Entity(id: "us-japan-alliance", kind: .mechanism, name: "日美同盟", members: ["japan", "united-states"]),
  ]
  let texts = ["日美同盟得到加强。", "日本重视日美同盟。"]
  let paragraphs = texts.enumerated().map { Paragraph(number: $0.offset + 1, passage: ReportFixture.passage($0.element)) }
  let paper = Paper(file: "corpus/孙八2020.txt", rawText: texts.joined(separator: "\n\n"), paragraphs: paragraphs)
  func mention(_ entity: Int, _ paragraph: Int, _ start: Int, _ end: Int) -> Mention {
    Mention(
      entity: entity, paper: 0, passage: .paragraph(paragraph), range: TextRange(start, end),
      rawRange: TextRange(start, end))
  }
  let mentions = [
    mention(2, 1, 0, 12), mention(0, 1, 0, 3), mention(1, 1, 3, 6),  // 日美同盟 with its 日 and 美
    mention(0, 2, 0, 6), mention(2, 2, 12, 24), mention(0, 2, 12, 15), mention(1, 2, 15, 18),
  ]
  let report = CooccurrenceReport(
    papers: [paper], entities: entities, mentions: mentions, keys: ["孙八2020"], options: ReportOptions(scope: scope))
  #expect(report.actorMechanism.rows.map(\.id) == ["japan"])
  #expect(report.actorMechanism.cells.map(\.count) == [1])
  #expect(report.actorMechanism.cells.first?.evidence.first?.fragments == ["日本重视日美同盟。"])
  #expect(report.actorMechanism.cells.first?.evidence.first?.mentionRanges == [TextRange(0, 6), TextRange(12, 24)])
}
