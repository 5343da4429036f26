//! The quotation self-check over the five real papers (when ../shared/corpus exists) and over the example
//! workspace's own papers: every correct quotation passes, every broken one is flagged by the right rule.
import Foundation
import TestSupport
import Testing

@testable import Corpus

private func selfCheckIndex(ofFolder folder: URL) -> CorpusIndex? {
  ReferencePapers.read(folder: folder).map { CorpusIndex.build(papers: $0) }
}

/// Windows cut per passage: two in the ordinary suite, up to 26 with QUOTE_SELF_CHECK=full (minutes in a debug
/// build).
private let windowsPerPassage = ProcessInfo.processInfo.environment["QUOTE_SELF_CHECK"] == "full" ? 24 : 2

private func record(_ report: SelfCheckReport, name: String) {
  let text = report.summary + "\n\nfailures:\n" + report.failures.joined(separator: "\n") + "\n"
  try? text.write(toFile: NSTemporaryDirectory() + "quotation-self-check-\(name).txt", atomically: true, encoding: .utf8)
  print("quotation self-check (\(name)):\n" + report.summary)
}

@Test(.enabled(if: TestPaths.sharedCorpus != nil)) func quotationSelfCheckOverTheRealPapers() throws {
  let folder = try #require(TestPaths.sharedCorpus)
  let index = try #require(selfCheckIndex(ofFolder: folder))
  let report = QuotationSelfCheck.run(index, windowsPerPassage: windowsPerPassage)
  record(report, name: "real")
  #expect(report.correctTotal > 1000)
  #expect(report.failures.isEmpty, "\(report.summary)\n\(report.failures.prefix(30).joined(separator: "\n"))")
}

@Test func quotationSelfCheckOverTheExamplePapers() throws {
  let index = try #require(selfCheckIndex(ofFolder: TestPaths.examples.appendingPathComponent("corpus")))
  let report = QuotationSelfCheck.run(index, windowsPerPassage: windowsPerPassage)
  record(report, name: "examples")
  #expect(report.correctTotal > 50)
  #expect(report.failures.isEmpty, "\(report.summary)\n\(report.failures.prefix(30).joined(separator: "\n"))")
}
