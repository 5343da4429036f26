//! Loads the workspace analysis in the background, re-indexes what changed, and swaps it into the session.
import Corpus
import Dispatch
import Foundation
import Synchronization

/// Owns the workspace analysis of one server.
///
/// Loads run one at a time on a background queue; changes arriving during a load are merged and loaded next, so
/// requests never wait for a re-index: they read the latest complete analysis from their snapshot
/// (`snapshot.workspaceAnalysis`). Only before the first load ends do editor requests wait for it
/// (`workspaceAnalysisOnceLoaded`), on their worker thread. A finished load is swapped into `session.analysis` on the message loop, then
/// `onAnalysis` observers run there (diagnostics re-publish for open notes).
public final class AnalysisHost: Sendable {
  private struct State {
    var loading = false
    /// Changes to load after the current load; `full` asks for a load from scratch.
    var pendingFiles: Set<String> = []
    var pendingFull = false
    var hasPending = false
    var latest: WorkspaceAnalysis?
    var observers: [@Sendable (Server, WorkspaceAnalysis, WorkspaceAnalysis?) -> Void] = []
  }

  private let state = Mutex(State())
  /// Left once, when the first analysis is published: what `waitForFirstAnalysis` waits on.
  private let firstAnalysis: DispatchGroup = {
    let group = DispatchGroup()
    group.enter()
    return group
  }()
  /// Held while a load is queued or running and while its diagnostics are published.
  private let busy = DispatchGroup()
  private let queue = DispatchQueue(label: "corpus-lsp.analysis", qos: .userInitiated)

  public init() {}

  /// The latest complete analysis (also in every later snapshot).
  public var latest: WorkspaceAnalysis? { state.withLock { $0.latest } }

  /// The latest analysis, waiting for the first one to be published if there is none yet, until `deadline`
  /// or until `isCancelled` says so.
  public func waitForFirstAnalysis(until deadline: DispatchTime, isCancelled: () -> Bool) -> WorkspaceAnalysis? {
    while latest == nil, !isCancelled(), DispatchTime.now() < deadline {
      _ = firstAnalysis.wait(timeout: min(deadline, .now() + .milliseconds(50)))
    }
    return latest
  }

  /// Runs `body` once no load is queued or running and published diagnostics have gone out.
  public func whenIdle(_ body: @escaping @Sendable () -> Void) {
    busy.notify(queue: .global(), execute: body)
  }

  /// Counts work started because of a new analysis (publishing diagnostics) as part of the load.
  public func track(_ work: @escaping @Sendable () -> Void) -> @Sendable () -> Void {
    busy.enter()
    let busy = self.busy
    return {
      work()
      busy.leave()
    }
  }

  /// Observers run on the message loop after each swap, with the new and the previous analysis.
  public func onAnalysis(_ observer: @escaping @Sendable (Server, WorkspaceAnalysis, WorkspaceAnalysis?) -> Void) {
    state.withLock { $0.observers.append(observer) }
  }

  /// The folder to load: the session's root, else the current directory (as `serve --help` promises).
  static func root(of server: Server) -> URL {
    server.session.workspaceRoot
      ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
  }

  /// Call on the loop: loads the whole workspace (the first load, or after the root changed).
  public func loadAll(_ server: Server) {
    request(server, files: nil)
  }

  /// Call on the loop: re-indexes after these workspace-relative files changed (papers of other files are reused).
  public func reload(_ server: Server, changedFiles: Set<String>) {
    guard !changedFiles.isEmpty else { return }
    request(server, files: changedFiles)
  }

  private func request(_ server: Server, files: Set<String>?) {
    busy.enter()
    let root = Self.root(of: server)
    let capabilities = server.session.clientCapabilities
    let startNow = state.withLock { state -> Bool in
      if state.loading {
        state.hasPending = true
        if let files { state.pendingFiles.formUnion(files) } else { state.pendingFull = true }
        return false
      }
      state.loading = true
      return true
    }
    if startNow {
      queue.async { [self] in run(server, root: root, capabilities: capabilities, changedFiles: files) }
    } else {
      busy.leave()  // the running load keeps `busy` and loads the merged changes next
    }
  }

  private func run(_ server: Server, root: URL, capabilities: JSONValue, changedFiles: Set<String>?) {
    let previous = latest
    if previous == nil, server.options.firstLoadDelayMilliseconds > 0 {
      Thread.sleep(forTimeInterval: Double(server.options.firstLoadDelayMilliseconds) / 1000)
    }
    let progress = server.client.beginProgress(
      previous == nil ? "Indexing the corpus" : "Re-indexing the corpus",
      message: changedFiles.map { "\($0.count) changed \($0.count == 1 ? "file" : "files")" },
      clientCapabilities: capabilities)
    let started = DispatchTime.now().uptimeNanoseconds
    let analysis = WorkspaceAnalysis.load(
      root: root, reusing: changedFiles == nil ? nil : previous, changedFiles: changedFiles,
      progress: { message in progress.report(message) })
    let elapsed = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
    let papers = analysis.index.papers.count
    progress.end("Indexed \(papers) \(papers == 1 ? "paper" : "papers")")
    // The first quotation that is not where it is cited would otherwise pay for this (a second on 100 MB).
    DispatchQueue.global(qos: .utility).async { analysis.index.prepareQuoteSearch() }
    server.logger.info(
      "workspace \(analysis.root.path): \(papers) papers, \(analysis.noteFiles.count) notes, "
        + "\(analysis.problems.count) problems, generation \(analysis.generation), \(elapsed) ms")
    server.onLoop { [self] server in
      server.session.analysis = analysis
      let (observers, isFirst) = state.withLock { state in
        let isFirst = state.latest == nil
        state.latest = analysis
        return (state.observers, isFirst)
      }
      if isFirst { firstAnalysis.leave() }
      for observer in observers { observer(server, analysis, previous) }
      let next = state.withLock { state -> Set<String>?? in
        guard state.hasPending else {
          state.loading = false
          return .none
        }
        let next: Set<String>? = state.pendingFull ? nil : state.pendingFiles
        state.hasPending = false
        state.pendingFull = false
        state.pendingFiles = []
        return .some(next)
      }
      if case .some(let files) = next {
        let root = Self.root(of: server)
        let capabilities = server.session.clientCapabilities
        queue.async { [self] in run(server, root: root, capabilities: capabilities, changedFiles: files) }
      } else {
        busy.leave()
      }
    }
  }
}
