//! Where tests find the package, the built binary, and the shared reference corpus.
import Foundation

public enum TestPaths {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Paths.swift
    return url
  }()

  /// `../shared/corpus` beside the package, where the five reference papers live (CI has it).
  public static var sharedCorpus: URL? {
    let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
      ? url : nil
  }

  /// The bundled example workspace.
  public static var examples: URL { packageRoot.appendingPathComponent("Examples/workspace") }
}
