//! Diagnostic logging to stderr (never stdout, which carries the protocol), filtered by `--log-level`.
import Foundation
import Synchronization

public enum LogLevel: Int, Sendable, Comparable, CaseIterable {
  case error, warning, info, debug, trace

  public init?(name: String) {
    switch name.lowercased() {
    case "error": self = .error
    case "warning", "warn": self = .warning
    case "info": self = .info
    case "debug": self = .debug
    case "trace": self = .trace
    default: return nil
    }
  }

  public var name: String { ["error", "warning", "info", "debug", "trace"][rawValue] }
  public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Thread-safe; each line is written whole. Messages are autoclosures so disabled levels cost nothing.
public final class Logger: Sendable {
  private let level: LogLevel
  private let lock = Mutex(())

  public init(level: LogLevel) { self.level = level }

  public func isEnabled(_ level: LogLevel) -> Bool { level <= self.level }

  public func log(_ level: LogLevel, _ message: @autoclosure () -> String) {
    guard isEnabled(level) else { return }
    let line = "[corpus-lsp \(level.name)] \(message())\n"
    lock.withLock { _ in FileHandle.standardError.write(Data(line.utf8)) }
  }

  public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
  public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
  public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
  public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
  public func trace(_ message: @autoclosure () -> String) { log(.trace, message()) }
}
