//! `textDocument/prepareRename` and `textDocument/rename`: a citation key or entity alias across every note.
import Corpus

enum RenameHandler {
  static func register(_ registry: inout HandlerRegistry) {
    registry.capabilities { capabilities, _ in capabilities["renameProvider"] = ["prepareProvider": true] }
    registry.request("textDocument/prepareRename") { params, context in
      let (_, _) = try context.snapshot.documentPosition(params)
      guard let request = try FeatureRequest.make(params, context), let note = request.note else { return .null }
      guard let target = Rename.prepare(index: request.index, note: note.syntax, at: try request.offset(params)) else {
        return .null
      }
      return ["range": request.range(target.range), "placeholder": .string(target.placeholder)]
    }
    registry.request("textDocument/rename") { params, context in
      let (_, _) = try context.snapshot.documentPosition(params)
      let newName = try params.requiredString("newName")
      guard let request = try FeatureRequest.make(params, context), let note = request.note else { return .null }
      let offset = try request.offset(params)
      guard Rename.prepare(index: request.index, note: note.syntax, at: offset) != nil else {
        throw ResponseError(.requestFailed, "nothing to rename here: put the cursor on a citation key or an entity link")
      }
      let configPath = WorkspaceConfig.fileName
      let edits: [FileEdit]?
      do throws(Rename.Refusal) {
        edits = try Rename.edits(
          index: request.index, notes: request.notes(), current: note, at: offset, newName: newName,
          config: request.snapshot.currentText(of: configPath, analysis: request.analysis), configPath: configPath)
      } catch .unusableName {
        throw ResponseError(.requestFailed, "\"\(newName)\" cannot be used here")
      } catch .keyTaken(let paper) {
        throw ResponseError(.requestFailed, "\"\(newName)\" already cites \(paper): choose another key")
      } catch .notAnAlias(let name) {
        throw ResponseError(
          .requestFailed,
          "\"\(newName)\" is not a name of \(name): add it to its aliases in the workspace lexicon first")
      } catch .configurationNotWritable(let file) {
        throw ResponseError(
          .requestFailed,
          "the new key must be set for \(file) in \(configPath) (\"documents\": {\"…\": {\"key\": …}}), which this "
            + "rename cannot edit: repair it first")
      }
      guard let edits else { throw ResponseError(.requestFailed, "nothing to rename here") }
      let builder = WorkspaceEditBuilder(
        snapshot: request.snapshot, analysis: request.analysis,
        renderer: DiagnosticRenderer(snapshot: request.snapshot, analysis: request.analysis))
      guard let workspaceEdit = builder.edit(Fix(title: "Rename", edits: edits)) else {
        if edits.contains(where: \.createsFile) {
          throw ResponseError(
            .requestFailed,
            "the new key must be set in \(configPath), which does not exist, and this editor cannot create it: "
              + "create it ({}) first")
        }
        throw ResponseError(.requestFailed, "a file this rename edits cannot be read")
      }
      return workspaceEdit
    }
  }
}
