//! Tests for URI ↔ path conversion with Chinese file names, spaces and paths outside the workspace.
import Foundation
import Testing

@testable import LSP

@Suite struct DocumentURITests {
  @Test func chineseNamesRoundTripPercentEncoded() {
    let url = URL(fileURLWithPath: "/work/ws/notes/日本 外交.md")
    let uri = DocumentURI.uri(url)
    #expect(uri == "file:///work/ws/notes/%E6%97%A5%E6%9C%AC%20%E5%A4%96%E4%BA%A4.md")
    #expect(DocumentURI.fileURL(uri)?.path == "/work/ws/notes/日本 外交.md")
    #expect(DocumentStore.key(uri) == DocumentStore.key("file:///work/ws/notes/日本 外交.md"))
  }

  @Test func relativePaths() {
    let root = URL(fileURLWithPath: "/work/ws")
    #expect(DocumentURI.relativePath("file:///work/ws/corpus/%E5%BC%A0.txt", in: root) == "corpus/张.txt")
    #expect(DocumentURI.relativePath("file:///work/other/a.md", in: root) == nil)
    #expect(DocumentURI.relativePath("file:///work/wsx/a.md", in: root) == nil)
    #expect(DocumentURI.relativePath("untitled:Untitled-1", in: root) == nil)
  }

  @Test func lenientDecodingOfWhatClientsSend() {
    let root = URL(fileURLWithPath: "/work/ws")
    #expect(DocumentURI.path("file:///work/ws/notes/日本 外交.md") == "/work/ws/notes/日本 外交.md")
    #expect(DocumentURI.path("file://localhost/work/ws/a.md") == "/work/ws/a.md")
    #expect(DocumentURI.relativePath("file:///work/ws/notes/../corpus/a.txt", in: root) == "corpus/a.txt")
  }
}
