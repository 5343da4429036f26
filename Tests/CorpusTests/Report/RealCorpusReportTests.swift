//! The report on the five reference papers (read from ../shared/corpus at test time; skipped when absent):
//! the concentrations an analyst expects, groupings meeting their members, every number traceable, every quote found.
import Corpus
import Foundation
import Testing
import TestSupport

/// The index of the five reference papers, built once.
enum ReportRealCorpus {
  static let index = ReferencePapers.index

  static func paper(startingWith prefix: String, in index: CorpusIndex) -> Int? {
    index.papers.firstIndex { $0.stem.hasPrefix(prefix) }
  }
}

@Suite(.enabled(if: TestPaths.sharedCorpus != nil, "../shared/corpus is absent: the reference papers are not checked"))
struct RealCorpusReportTests {
  let index: CorpusIndex
  let report: CooccurrenceReport

  init() throws {
    index = try #require(ReportRealCorpus.index)
    report = CooccurrenceReport(index: index, options: ReportOptions(top: 50))
  }

  /// The document where an entity's mentions are most numerous, and its share of them.
  private func concentration(of id: String) throws -> (paper: Int, share: Double) {
    let row = try #require(report.entityDocument.rows.firstIndex { $0.id == id }, "\(id) is not in the table")
    let cells = report.entityDocument.cells.filter { $0.row == row }
    let top = try #require(cells.max { $0.count < $1.count })
    return (top.document, Double(top.count) / Double(report.entityDocument.rows[row].total))
  }

  @Test func japanIsTheMostMentionedActor() {
    #expect(report.entityDocument.rows.first { $0.kind == .actor }?.id == "japan")
    #expect(report.actorMechanism.rows.first?.id == "japan")
  }

  @Test func natoIsConcentratedInTheNatoPaper() throws {
    let (paper, share) = try concentration(of: "nato")
    #expect(paper == ReportRealCorpus.paper(startingWith: "004_", in: index))
    #expect(share > 0.6)
  }

  @Test func aseanIsConcentratedInTheAseanPaper() throws {
    let (paper, share) = try concentration(of: "asean")
    #expect(paper == ReportRealCorpus.paper(startingWith: "000_", in: index))
    #expect(share > 0.6)
  }

  /// A grouping (a mechanism with members) meets its member states more often than other actors, on average.
  @Test func groupingsCooccurWithTheirMembers() {
    let table = report.actorMechanism
    var checked = 0
    for (column, grouping) in table.columns.enumerated() where grouping.members.count >= 2 && grouping.total >= 10 {
      let memberRows = table.rows.indices.filter { grouping.members.contains(table.rows[$0].id) }
      let otherRows = table.rows.indices.filter { !grouping.members.contains(table.rows[$0].id) }
      guard !memberRows.isEmpty, !otherRows.isEmpty else { continue }
      for row in memberRows {
        #expect(table.count(row: row, column: column) > 0, "\(table.rows[row].id) never meets \(grouping.id)")
      }
      func mean(_ rows: [Int]) -> Double {
        Double(rows.map { table.count(row: $0, column: column) }.reduce(0, +)) / Double(rows.count)
      }
      let (memberMean, otherMean) = (mean(memberRows), mean(otherRows))
      #expect(memberMean > otherMean, "\(grouping.id): members \(memberMean), others \(otherMean)")
      checked += 1
    }
    #expect(checked >= 3, "too few groupings with members to check")
  }

  /// Every quote the report offers is found by the quote search in the passage it cites.
  @Test(arguments: CooccurrenceScope.allCases)
  func everyQuoteIsFoundWhereItIsCited(scope: CooccurrenceScope) {
    let report = CooccurrenceReport(index: index, options: ReportOptions(scope: scope, top: 50))
    var checked = 0
    var misses: [String] = []
    for cell in report.actorMechanism.cells {
      for evidence in cell.evidence {
        checked += 1
        let result = index.findQuote(evidence.fragments, preferredPaper: evidence.paper)
        let found = result.matches.contains { $0.paper == evidence.paper && $0.passage == evidence.passage }
        if !found, misses.count < 5 {
          misses.append(CooccurrenceReport.citation(
            key: index.keys(of: evidence.paper).first ?? "", passage: evidence.passage, fragments: evidence.fragments))
        }
      }
    }
    #expect(checked > 500)
    #expect(misses.isEmpty, "quotes not found where cited: \(misses.joined(separator: "\n"))")
  }

  @Test func everyNumberAddsUpInTheLongForm() {
    let long = ReportCSV.cells(report)
    var sums: [String: Int] = [:]
    for line in parseReportCSV(long).dropFirst() {
      sums["\(line[0])|\(line[1])|\(line[3])", default: 0] += Int(line[10]) ?? -1_000
    }
    for cell in report.entityDocument.cells {
      let key = "entity-document|\(report.entityDocument.rows[cell.row].id)|\(report.documents[cell.document].key)"
      #expect(sums[key] == cell.count, "\(key)")
    }
    for cell in report.actorMechanism.cells {
      let key = "actor-mechanism-by-paragraph|\(report.actorMechanism.rows[cell.row].id)|"
        + report.actorMechanism.columns[cell.column].id
      #expect(sums[key] == cell.count, "\(key)")
    }
  }
}
