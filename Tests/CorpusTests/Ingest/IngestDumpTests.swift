//! Developer aid: prints how the reader sees the real papers when CORPUS_DUMP is set (skipped otherwise).
import Foundation
import TestSupport
import Testing

@testable import Corpus

@Test(.enabled(if: ProcessInfo.processInfo.environment["CORPUS_DUMP"] != nil))
func dumpRealPapers() throws {
  let only = ProcessInfo.processInfo.environment["CORPUS_DUMP"] ?? ""
  guard let folder = only == "examples" ? TestPaths.examples.appendingPathComponent("corpus") : TestPaths.sharedCorpus
  else { return }
  let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter {
    only.isEmpty || only == "examples" || $0.hasPrefix(only)
  }
  for name in files {
    let data = try Data(contentsOf: folder.appendingPathComponent(name))
    guard case .success(let paper) = PaperReader.read(file: "corpus/" + name, data: data) else { continue }
    var out = "===== \(name)\n"
    let m = paper.metadata
    out +=
      "title: \(m.title)\nauthors: \(m.authors)\nvenue: \(m.venue ?? "-")\nyear: \(m.year.map(String.init) ?? "-")\n"
    out += "keywords: \(m.keywords)\nauthorNote: \(m.authorNote ?? "-")\nabstract: \(m.abstract ?? "-")\n"
    out += "--- outline\n"
    for s in paper.sections {
      out +=
        String(repeating: "  ", count: s.level - 1)
        + "\(s.numbering) \(s.title) ¶\(s.firstParagraph)-\(s.lastParagraph)\n"
    }
    out += "--- paragraphs (\(paper.paragraphs.count))\n"
    for p in paper.paragraphs {
      let refs = p.footnoteRefs.map { "\($0.footnote)" }.joined(separator: ",")
      out += "¶\(p.number) [s\(p.section.map(String.init) ?? "-")] [fn \(refs)] \(p.text)\n"
    }
    out += "--- footnotes (\(paper.footnotes.count))\n"
    for f in paper.footnotes {
      out += "fn\(f.number) \(f.mark) ¶\(f.paragraph.map(String.init) ?? "-"): \(f.text)\n"
    }
    out += "--- artefacts\n"
    for a in paper.artefacts {
      out += "\(a.kind): \(paper.rawText.slice(a.rawRange).prefix(80).replacingOccurrences(of: "\n", with: "⏎"))\n"
    }
    try out.write(toFile: "/tmp/corpus-ingest-dump-\(name)", atomically: true, encoding: .utf8)
  }
}

@Test(.enabled(if: ProcessInfo.processInfo.environment["CORPUS_LINES"] != nil))
func dumpLineDecisions() throws {
  guard let folder = TestPaths.sharedCorpus else { return }
  let only = ProcessInfo.processInfo.environment["CORPUS_LINES"] ?? ""
  let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().filter { $0.hasPrefix(only) }
  for name in files {
    var text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    text.makeContiguousUTF8()
    var out = ""
    text.utf8.withContiguousStorageIfAvailable { buffer in
      let bytes = ByteText(bytes: buffer)
      let lines = RawLine.scan(bytes)
      let c = LineClassifier(text: bytes, lines: lines)
      out += "mode perLine=\(c.paragraphPerLine) full=\(c.fullWidth) body=\(c.bodyStart)..<\(c.bodyEnd)\n"
      var opens = true
      for (i, line) in lines.enumerated() where !line.isBlank {
        // The next line of the same flow: footnotes, running headers and page numbers between are skipped.
        let next = ((i + 1)..<max(i + 1, c.bodyEnd)).first { c.roles[$0] == .body }
        let isBody = c.roles[i] == .body
        let ended = isBody && c.paragraphEnds(after: i, next: next, opensParagraph: opens)
        if isBody { opens = ended || next == nil }
        let ends = ended ? "END" : ""
        out +=
          "\(i + 1)\t\(line.width)\t\(c.roles[i])\t\(ends)\t\(bytes.string(line.contentStart, line.contentEnd))\n"
      }
    }
    try out.write(toFile: "/tmp/corpus-ingest-lines-\(name)", atomically: true, encoding: .utf8)
  }
}
