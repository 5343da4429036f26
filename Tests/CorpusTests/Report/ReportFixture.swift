//! A small hand-made corpus for report tests: papers from txtar text, mentions by plain alias search.
import Corpus
import TestSupport

/// Papers and mentions built without the real reader and scanner, so report tests check only the report.
///
/// Each `-- corpus/NAME.txt --` section is one paper. Blank lines separate paragraphs; a paragraph starting
/// with `title:` sets the title, `fn:` makes a footnote, `abstract:` the abstract. Every occurrence of every
/// alias (longest first, no overlaps) in every passage is a mention.
struct ReportFixture {
  var papers: [Paper] = []
  var entities: [Entity]
  var mentions: [Mention] = []
  var keys: [String] = []

  init(_ text: String, entities: [Entity]) {
    self.entities = entities
    for (path, body) in Txtar.sections(text) {
      var paragraphs: [Paragraph] = []
      var footnotes: [Footnote] = []
      var metadata = PaperMetadata()
      for block in body.components(separatedBy: "\n\n") {
        let line = block.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.isEmpty { continue }
        if line.hasPrefix("title:") {
          metadata.title = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
        } else if line.hasPrefix("abstract:") {
          metadata.abstract = String(line.dropFirst(9)).trimmingCharacters(in: .whitespaces)
        } else if line.hasPrefix("fn:") {
          let note = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
          footnotes.append(Footnote(number: footnotes.count + 1, mark: "①", passage: Self.passage(note)))
        } else {
          paragraphs.append(Paragraph(number: paragraphs.count + 1, passage: Self.passage(line)))
        }
      }
      let paper = Paper(
        file: path, rawText: body, metadata: metadata, paragraphs: paragraphs, footnotes: footnotes)
      let paperIndex = papers.count
      papers.append(paper)
      keys.append(paper.stem)
      var passages: [(PassageID, String)] = paragraphs.map { (.paragraph($0.number), $0.text) }
      passages += footnotes.map { (.footnote($0.number), $0.text) }
      if let abstract = metadata.abstract { passages.append((.abstract, abstract)) }
      for (id, passageText) in passages {
        mentions += Self.scan(passageText, entities: entities).map {
          Mention(entity: $0.entity, paper: paperIndex, passage: id, range: $0.range, rawRange: $0.range)
        }
      }
    }
  }

  func report(_ options: ReportOptions = ReportOptions()) -> CooccurrenceReport {
    CooccurrenceReport(papers: papers, entities: entities, mentions: mentions, keys: keys, options: options)
  }

  static func passage(_ text: String) -> Passage {
    var map = OffsetMap()
    map.appendCopy(rawStart: 0, length: text.utf8.count)
    return Passage(text: text, map: map)
  }

  /// Every alias occurrence, longest alias first at each position, never overlapping.
  static func scan(_ text: String, entities: [Entity]) -> [(entity: Int, range: TextRange)] {
    let aliases = entities.enumerated().flatMap { index, entity in entity.aliases.map { (index, Array($0.utf8)) } }
      .sorted { $0.1.count > $1.1.count }
    let bytes = Array(text.utf8)
    var result: [(entity: Int, range: TextRange)] = []
    var offset = 0
    while offset < bytes.count {
      if let (entity, alias) = aliases.first(where: { _, alias in
        offset + alias.count <= bytes.count && Array(bytes[offset..<offset + alias.count]) == alias
      }) {
        result.append((entity, TextRange(offset, offset + alias.count)))
        offset += alias.count
      } else {
        offset += 1
      }
    }
    return result
  }
}

/// Entities of the fixture corpus: states and organisations (actors), dialogues and visions (mechanisms).
enum ReportFixtureEntities {
  static let all: [Entity] = [
    Entity(id: "japan", kind: .actor, name: "日本", english: "Japan", aliases: ["Japan"]),
    Entity(id: "united-states", kind: .actor, name: "美国", english: "United States", aliases: ["US"]),
    Entity(id: "australia", kind: .actor, name: "澳大利亚", english: "Australia", aliases: ["澳洲"]),
    Entity(id: "india", kind: .actor, name: "印度", english: "India", aliases: ["India"]),
    Entity(id: "asean", kind: .actor, name: "东盟", english: "ASEAN", aliases: ["ASEAN"]),
    Entity(
      id: "quad", kind: .mechanism, name: "四方安全对话", english: "Quad", aliases: ["Quad", "QUAD"],
      members: ["japan", "united-states", "australia", "india"]),
    Entity(id: "foip", kind: .mechanism, name: "自由开放的印太", english: "FOIP", aliases: ["FOIP"]),
    Entity(id: "summit", kind: .mechanism, name: "首脑会议", english: "summit meeting"),
    Entity(id: "tokyo", kind: EntityKind(rawValue: "place"), name: "东京", english: "Tokyo", aliases: ["Tokyo"]),
  ]
}
