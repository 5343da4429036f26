//! The edit that sets a document's citation key in the workspace configuration (corpus-lsp.json), for a rename.
import Foundation

enum ConfigEdit {
  /// The edit of `corpus-lsp.json` that makes `new` the key of corpus file `file`: the old key's string replaced
  /// when the file sets it, else `"key"` added to the file's entry, to `documents`, or to the top-level object; when
  /// there is no configuration, one created with that key. Nil when the edited text would not set the key (checked
  /// by parsing it).
  static func settingKey(new: String, old: String, of file: String, in config: String?, path: String) -> FileEdit? {
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard let config else {
      let created = "{\n  \"documents\": {\n    \(LexiconEdit.jsonString(name)): {\"key\": \(LexiconEdit.jsonString(new))}\n  }\n}\n"
      return FileEdit(file: path, range: TextRange(0, 0), newText: created, createsFile: true)
    }
    let oldLiteral = LexiconEdit.jsonString(old)
    let keyMember = "\"key\": \(LexiconEdit.jsonString(new))"
    var candidates: [FileEdit] = []
    let literals = config.ranges(of: oldLiteral)
    if literals.count == 1, let range = literals.first {
      candidates.append(FileEdit(file: path, range: utf8Range(range, in: config), newText: LexiconEdit.jsonString(new)))
    }
    let bytes = Array(config.utf8)
    func skipSpaces(_ index: inout Int) { while index < bytes.count, isSpaceByte(bytes[index]) { index += 1 } }
    /// Just inside the `{` of the object that is the value of member `member` (of the top-level object when nil),
    /// and whether that object is empty.
    func afterOpeningBrace(ofMember member: String?) -> (offset: Int, isEmpty: Bool)? {
      var brace: Int?
      if let member {
        for found in config.ranges(of: LexiconEdit.jsonString(member)) {
          var index = config.utf8.distance(from: config.utf8.startIndex, to: found.upperBound)
          skipSpaces(&index)
          guard index < bytes.count, bytes[index] == 0x3A else { continue }
          index += 1
          skipSpaces(&index)
          if index < bytes.count, bytes[index] == 0x7B {
            brace = index
            break
          }
        }
      } else {
        var index = 0
        skipSpaces(&index)
        if index < bytes.count, bytes[index] == 0x7B { brace = index }
      }
      guard let brace else { return nil }
      var next = brace + 1
      skipSpaces(&next)
      return (brace + 1, next < bytes.count && bytes[next] == 0x7D)
    }
    func insertion(_ text: String, at place: (offset: Int, isEmpty: Bool)?) {
      guard let place else { return }
      candidates.append(
        FileEdit(file: path, range: TextRange(place.offset, place.offset), newText: place.isEmpty ? text : text + ", "))
    }
    insertion(keyMember, at: afterOpeningBrace(ofMember: name))
    insertion("\(LexiconEdit.jsonString(name)): {\(keyMember)}", at: afterOpeningBrace(ofMember: "documents"))
    insertion("\"documents\": {\(LexiconEdit.jsonString(name)): {\(keyMember)}}", at: afterOpeningBrace(ofMember: nil))
    return candidates.first { edit in
      let edited = String(
        decoding: bytes[..<edit.range.start.utf8Offset] + Array(edit.newText.utf8) + bytes[edit.range.end.utf8Offset...],
        as: UTF8.self)
      let (parsed, problems) = WorkspaceConfig.parse(Data(edited.utf8))
      return problems.isEmpty && parsed.override(for: file)?.key == new
    }
  }

  private static func utf8Range(_ range: Range<String.Index>, in text: String) -> TextRange {
    TextRange(
      text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound),
      text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound))
  }
}
