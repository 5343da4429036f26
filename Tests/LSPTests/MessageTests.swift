//! Tests for classifying incoming JSON-RPC messages and building outgoing ones.
import Testing

@testable import LSP

@Suite struct MessageTests {
  func kind(_ text: String) throws -> String {
    switch IncomingMessage(try JSONValue.parse(text)) {
    case .request(let id, let method, _): return "request \(id) \(method)"
    case .notification(let method, _): return "notification \(method)"
    case .response(let id, _, _): return "response \(id)"
    case .invalid(let id, _): return "invalid \(id)"
    }
  }

  @Test func classifies() throws {
    #expect(try kind(#"{"jsonrpc":"2.0","id":1,"method":"a"}"#) == "request 1 a")
    #expect(try kind(#"{"jsonrpc":"2.0","id":"x","method":"a","params":[]}"#) == "request \"x\" a")
    #expect(try kind(#"{"jsonrpc":"2.0","method":"n"}"#) == "notification n")
    #expect(try kind(#"{"jsonrpc":"2.0","id":3,"result":null}"#) == "response 3")
    #expect(try kind(#"{"jsonrpc":"2.0","id":3,"error":{"code":1,"message":"m"}}"#) == "response 3")
    #expect(try kind(#"{"id":1,"method":"a"}"#) == "invalid 1")
    #expect(try kind(#"{"jsonrpc":"2.0","id":true,"method":"a"}"#) == "invalid null")
    #expect(try kind(#"{"jsonrpc":"2.0","id":1,"method":"a","params":"s"}"#) == "invalid 1")
    #expect(try kind("[]") == "invalid null")
  }

  @Test func errorResponseShape() {
    let message = OutgoingMessage.error(id: .null, ResponseError(.parseError, "bad"))
    #expect(message.jsonString() == #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
    let result = OutgoingMessage.response(id: 4, result: .null)
    #expect(result.jsonString() == #"{"id":4,"jsonrpc":"2.0","result":null}"#)
  }
}
