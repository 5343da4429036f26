//! `corpus-bench index`: full index of ~10 MB and ~100 MB corpora built from the reference papers, beside
//! `rg -j1 -c -F -f aliases.txt` over the same files; each size runs in a child process for a separate peak.
import Corpus
import Foundation
import Synchronization

enum IndexBenchmark {
  static let help = """
    USAGE: corpus-bench index [--sizes 10,100] [--source DIR] [--keep]

    Copies the reference papers (default ../shared/corpus) under new names into a temporary workspace until
    each size (MB) is reached, then measures in a fresh child process, three times per size: reading + parsing
    the papers, the index build (discovery, merge, mention scan), throughput, and peak memory (VmHWM); and, as
    the reference scan, `rg -j1 -c -F -f aliases.txt` with every alias of the built-in lexicon over the same files,
    three times. The best of three is shown on both sides (the peak: the highest). Beside it, the mention scan
    alone over the paragraphs (best of three).
    Targets: 100 MB under 2 s, at least 1/4 of rg's throughput, peak below 3 bytes per corpus byte.
    For a profile of the measured part alone: CORPUS_BENCH_BUILD_ONLY=1 corpus-bench index --child DIR.
    """

  static func run(_ arguments: [String]) -> Int32 {
    if arguments.first == "--child", arguments.count >= 2 { return child(folder: arguments[1]) }
    if arguments.contains("--help") || arguments.contains("-h") {
      print(help)
      return 0
    }
    var sizes = [10, 100]
    var source = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .appendingPathComponent("../shared/corpus").standardizedFileURL
    var keep = false
    var index = 0
    while index < arguments.count {
      switch arguments[index] {
      case "--sizes" where index + 1 < arguments.count:
        sizes = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
        index += 1
      case "--source" where index + 1 < arguments.count:
        source = URL(fileURLWithPath: arguments[index + 1])
        index += 1
      case "--keep": keep = true
      default:
        FileHandle.standardError.write(Data("corpus-bench index: unknown option \(arguments[index])\n\n\(help)\n".utf8))
        return 2
      }
      index += 1
    }
    let papers = ((try? FileManager.default.contentsOfDirectory(atPath: source.path)) ?? []).sorted()
      .filter { $0.hasSuffix(".txt") }
      .compactMap { name in FileManager.default.contents(atPath: source.appendingPathComponent(name).path) }
    guard !papers.isEmpty else {
      FileHandle.standardError.write(Data("corpus-bench index: no .txt papers in \(source.path)\n".utf8))
      return 2
    }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-bench-index-\(getpid())")
    defer { if !keep { try? FileManager.default.removeItem(at: base) } }

    // The alias list rg searches for: every alias of the built-in lexicon, one a line.
    let aliasFile = base.appendingPathComponent("aliases.txt")
    try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    var aliases = Set<String>()
    for entity in Lexicon.builtin { for alias in entity.aliases { aliases.insert(alias) } }
    for entity in Lexicon.builtin { for form in entity.compoundForms { aliases.insert(form) } }
    try? aliases.sorted().joined(separator: "\n").write(to: aliasFile, atomically: true, encoding: .utf8)

    print("size     files  bytes        read+parse  index    total    MB/s    peak MB  B/B    rg -j1   rg MB/s  vs rg")
    for size in sizes {
      let folder = base.appendingPathComponent("ws\(size)")
      let corpus = folder.appendingPathComponent("corpus")
      try? FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
      var total = 0
      var copy = 0
      while total < size * 1_000_000 {
        let data = papers[copy % papers.count]
        let name = String(format: "paper%05d.txt", copy)
        _ = FileManager.default.createFile(atPath: corpus.appendingPathComponent(name).path, contents: data)
        total += data.count
        copy += 1
      }
      // The copies are written out before anything is measured: the kernel writing them back meanwhile would take
      // a core from whichever side runs first.
      sync()
      // Three full index builds, each in a fresh process, and three rg runs: the best of each is compared, so that
      // one slow run on either side (the first touch of fresh memory costs this virtual machine dearly, and varies)
      // flatters neither. The peak is the highest of the three.
      let builds = (0..<3).compactMap { _ in runChild(folder: folder.path).flatMap(parse) }
      guard var figures = builds.min(by: { $0.read + $0.index < $1.read + $1.index }) else {
        print("\(size) MB: the child process failed")
        continue
      }
      figures.peak = builds.map(\.peak).max() ?? figures.peak
      let rgSeconds = (0..<3).compactMap { _ in timeRipgrep(aliasFile: aliasFile.path, folder: corpus.path) }.min()
      let mb = Double(total) / 1_000_000
      let totalSeconds = figures.read + figures.index
      let rgText = rgSeconds.map { String(format: "%.3f s", $0) } ?? "n/a"
      let rgRate = rgSeconds.map { String(format: "%.0f", mb / $0) } ?? "n/a"
      let ratio = rgSeconds.map { String(format: "%.2f×", (mb / totalSeconds) / (mb / $0)) } ?? "n/a"
      // Columns padded by hand: `%-8@` does not pad on Linux.
      func cell(_ text: String, _ width: Int) -> String {
        text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
      }
      let seconds = [figures.read, figures.index, totalSeconds].map { String(format: "%.3f s", $0) }
      print(
        [
          cell("\(size) MB", 8), cell("\(copy)", 6), cell("\(total)", 12), cell(seconds[0], 11), cell(seconds[1], 8),
          cell(seconds[2], 8), cell(String(format: "%.0f", mb / totalSeconds), 7),
          cell(String(format: "%.0f", Double(figures.peak) / 1_000_000), 8),
          cell(String(format: "%.2f", Double(figures.peak) / Double(total)), 6), cell(rgText, 8), cell(rgRate, 8),
          ratio,
        ].joined(separator: " "))
      print(
        "         full index, three builds: "
          + builds.map { String(format: "%.3f s", $0.read + $0.index) }.joined(separator: ", ")
          + "; rg -j1, three runs: best shown")
      print(
        "         mentions: \(figures.mentions), entities: \(figures.entities), automaton: \(figures.states) states × "
          + "\(figures.classes) character classes; scan only: "
          + String(format: "%.3f s (%.0f MB/s)", figures.scan, mb / max(figures.scan, 1e-9))
          + String(format: "; peak after reading: %.0f MB", Double(figures.peakAfterRead) / 1_000_000)
          + String(
            format: "; CPU time: read+parse %.3f s, index %.3f s (both cores)", figures.readCPU, figures.indexCPU))
      try? FileManager.default.removeItem(at: folder)
    }
    return 0
  }

  struct Figures {
    var read: Double
    var index: Double
    var scan: Double
    var peak: Int
    var mentions: Int
    var entities: Int
    var peakAfterRead: Int
    var states: Int
    var classes: Int
    var indexCPU: Double
    var readCPU: Double
  }

  /// CPU time of this process (all threads), in seconds: steadier than wall time on a busy machine.
  static func cpuSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  static func parse(_ line: String) -> Figures? {
    let fields = line.split(separator: " ").map(String.init)
    guard fields.count >= 10, let read = Double(fields[0]), let index = Double(fields[1]), let scan = Double(fields[2]),
      let peak = Int(fields[3]), let mentions = Int(fields[4]), let entities = Int(fields[5])
    else { return nil }
    return Figures(
      read: read, index: index, scan: scan, peak: peak, mentions: mentions, entities: entities,
      peakAfterRead: Int(fields[6]) ?? 0, states: Int(fields[7]) ?? 0, classes: Int(fields[8]) ?? 0,
      indexCPU: Double(fields[9]) ?? 0, readCPU: fields.count > 10 ? Double(fields[10]) ?? 0 : 0)
  }

  /// Runs this executable as `index --child FOLDER` and returns its one line of figures.
  static func runChild(folder: String) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
    if !FileManager.default.isExecutableFile(atPath: process.executableURL?.path ?? "") {
      process.executableURL = Bundle.main.executableURL
    }
    process.arguments = ["index", "--child", folder]
    let pipe = Pipe()
    process.standardOutput = pipe
    do { try process.run() } catch { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init)
  }

  /// In the child: reads and indexes the workspace, prints `read index scan peakBytes mentions entities
  /// peakAfterRead states classes indexCPU readCPU`.
  static func child(folder: String) -> Int32 {
    let clock = ContinuousClock()
    func seconds(_ duration: Duration) -> Double {
      Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    let start = clock.now
    let readCPUStart = cpuSeconds()
    let workspace = Workspace.open(root: URL(fileURLWithPath: folder))
    let (papers, _) = workspace.readPapers()
    let read = clock.now
    let readCPU = cpuSeconds() - readCPUStart
    let peakAfterRead = peakMemory()
    let cpuBefore = cpuSeconds()
    let index = CorpusIndex.build(papers: papers)
    let built = clock.now
    let indexCPU = cpuSeconds() - cpuBefore
    let peakAfterBuild = peakMemory()
    // For profiling the measured part alone: `CORPUS_BENCH_BUILD_ONLY=1 perf record … index --child DIR`.
    if ProcessInfo.processInfo.environment["CORPUS_BENCH_BUILD_ONLY"] != nil {
      print("read \(seconds(read - start)) s (CPU \(readCPU) s), index \(seconds(built - read)) s (CPU \(indexCPU) s)")
      return 0
    }
    // Where the build time goes (stderr, for the curious).
    let phaseStart = clock.now
    let phaseCPU = cpuSeconds()
    let known = Lexicon.merge(builtin: Lexicon.builtin)
    let discovered = Discovery.discover(in: papers, known: known)
    let phaseDiscovered = clock.now
    let discoveryCPU = cpuSeconds() - phaseCPU
    let entities = Lexicon.merge(builtin: Lexicon.builtin, discovered: discovered)
    let phaseMerged = clock.now
    _ = CorpusIndex(papers: papers, entities: entities, problems: [], discoverGroupings: true)
    let phaseIndexed = clock.now
    let phases =
      "  phases: discovery \(phaseDiscovered - phaseStart), merge \(phaseMerged - phaseDiscovered), "
      + "index \(phaseIndexed - phaseMerged); discovery CPU \(discoveryCPU) s\n"
    FileHandle.standardError.write(Data(phases.utf8))
    // The mention scan alone, for comparison with rg (same work as inside build, measured again; best of three,
    // as rg's time is).
    let scannerStart = clock.now
    let scanner = MentionScanner(entities: index.entities)
    FileHandle.standardError.write(Data("  scanner built in \(clock.now - scannerStart)\n".utf8))
    let scanTime = (0..<3).map { _ in
      clock.measure {
        DispatchQueue.concurrentPerform(iterations: papers.count) { number in
          for paragraph in papers[number].paragraphs {
            var text = paragraph.passage.text
            _ = text.withUTF8 { scanner.scan(bytes: $0).count }
          }
        }
      }
    }.min()!
    print(
      "\(seconds(read - start)) \(seconds(built - read)) \(seconds(scanTime)) \(peakAfterBuild) "
        + "\(index.mentionCount) \(index.entities.count) \(peakAfterRead) \(scanner.stateCount) "
        + "\(scanner.classCount) \(indexCPU) \(readCPU)")
    return 0
  }

  /// VmHWM (peak resident set) of this process, in bytes.
  static func peakMemory() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      let digits = line.split(separator: " ").compactMap { Int($0) }
      return (digits.first ?? 0) * 1024
    }
    return 0
  }

  /// The first `rg` on PATH, or nil.
  static let ripgrepPath: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    .split(separator: ":").map { "\($0)/rg" }.first { FileManager.default.isExecutableFile(atPath: $0) }

  /// Wall time of `rg -j1 -c -F -f aliases.txt FOLDER`, or nil when rg is missing.
  static func timeRipgrep(aliasFile: String, folder: String) -> Double? {
    let process = Process()
    // rg itself, found on PATH here rather than through env, so that its time holds no extra exec.
    guard let rg = ripgrepPath else { return nil }
    process.executableURL = URL(fileURLWithPath: rg)
    process.arguments = ["-j1", "-c", "-F", "-f", aliasFile, folder]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    do { try process.run() } catch { return nil }
    process.waitUntilExit()
    let elapsed = clock.now - start
    guard process.terminationStatus == 0 || process.terminationStatus == 1 else { return nil }
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}
