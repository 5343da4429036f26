//! `$/setTrace`: how much `$/logTrace` the client wants (off, messages, verbose).

enum TraceHandlers {
  static func register(_ registry: inout HandlerRegistry) {
    registry.notification("$/setTrace") { params, server in
      let value = try params.requiredString("value")
      guard let trace = TraceValue(rawValue: value) else { throw ResponseError.invalidParams("unknown trace \(value)") }
      server.client.trace = trace
    }
  }
}
