//! `check` output: text lines, the JSON interface and SARIF, with code-point columns on CJK and astral text.
import Foundation
import Testing

@testable import Corpus

private func sampleReport() -> CheckReport {
  // Line 2 starts with an astral character (2 UTF-16 units, 1 scalar) before the finding.
  let note = "第一行\n𠀀见 [@张三2022, ¶1]。\n"
  let keyStart = note.utf8.count - "张三2022, ¶1]。\n".utf8.count
  let finding = Finding(
    rule: .unknownCitationKey, file: "notes/东盟.md", range: TextRange(keyStart, keyStart + "张三2022".utf8.count),
    message: "No document in the corpus has the key '张三2022'.", suggestions: ["张三2021"],
    related: [RelatedLocation(file: "corpus/张三2021.txt", range: TextRange(0, 3), message: "the paper")])
  let warning = Finding(rule: .quoteInOtherParagraph, file: "notes/东盟.md", range: TextRange(0, 3), message: "Moved.")
  return CheckReport(
    findings: [finding, warning], texts: ["notes/东盟.md": note, "corpus/张三2021.txt": "标题\n"], fileCount: 2,
    workspaceURI: "file:///work/ws/")
}

@Test func textOutputUsesOneBasedScalarColumns() {
  #expect(
    sampleReport().text() == """
      notes/东盟.md:1:1: warning: Moved. [quote-in-other-paragraph]
      notes/东盟.md:2:6: error: No document in the corpus has the key '张三2022'. [unknown-citation-key]
      1 error, 1 warning in 2 files

      """)
}

@Test func jsonOutputIsTheDocumentedInterface() throws {
  let data = Data(sampleReport().json().utf8)
  let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  #expect(root["columnUnit"] as? String == "unicodeCodePoints")
  let summary = try #require(root["summary"] as? [String: Int])
  #expect(summary == ["files": 2, "errors": 1, "warnings": 1])
  let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
  let last = try #require(diagnostics.last)
  #expect(last["file"] as? String == "notes/东盟.md")
  #expect(last["line"] as? Int == 2 && last["column"] as? Int == 6)
  #expect(last["endLine"] as? Int == 2 && last["endColumn"] as? Int == 12)
  #expect(last["rule"] as? String == "unknown-citation-key" && last["severity"] as? String == "error")
  #expect(last["suggestions"] as? [String] == ["张三2021"])
}

@Test func sarifHasWhatCodeScanningRequires() throws {
  let data = Data(sampleReport().sarif(toolVersion: "0.1.0", informationURI: "https://example.org/corpus-lsp").utf8)
  let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  #expect(root["version"] as? String == "2.1.0")
  #expect((root["$schema"] as? String)?.contains("sarif-2.1.0") == true)
  let run = try #require((root["runs"] as? [[String: Any]])?.first)
  #expect(run["columnKind"] as? String == "unicodeCodePoints")
  let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
  #expect(driver["name"] as? String == "corpus-lsp" && driver["informationUri"] != nil)
  let rules = try #require(driver["rules"] as? [[String: Any]])
  #expect(rules.count == Rule.allCases.count)
  #expect(rules.allSatisfy { ($0["shortDescription"] as? [String: Any])?["text"] is String })
  let results = try #require(run["results"] as? [[String: Any]])
  let result = try #require(results.last)
  #expect(result["ruleId"] as? String == "unknown-citation-key" && result["level"] as? String == "error")
  let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
  let artifact = try #require(location["artifactLocation"] as? [String: Any])
  #expect(artifact["uri"] as? String == "notes/%E4%B8%9C%E7%9B%9F.md")
  #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
  let region = try #require(location["region"] as? [String: Int])
  #expect(region == ["startLine": 2, "startColumn": 6, "endLine": 2, "endColumn": 12])
  let base = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
  #expect(base["%SRCROOT%"]?["uri"] == "file:///work/ws/")
}

@Test func emptyReportSaysSo() {
  let report = CheckReport(findings: [], texts: [:], fileCount: 0)
  #expect(report.text() == "0 errors, 0 warnings in 0 files\n")
  #expect(report.errorCount == 0)
}
