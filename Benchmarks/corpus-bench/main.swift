//! corpus-bench: benchmarks for corpus-lsp (never timed tests). Run with `swift run -c release corpus-bench NAME`.
import Foundation

/// One benchmark: a name on the command line, a line of help, and a body that prints its figures.
struct Benchmark: Sendable {
  let name: String
  let summary: String
  let run: @Sendable ([String]) -> Int32
}

/// Adding a benchmark: a file with an `enum FooBenchmark { static func run(_:) -> Int32 }` and one line here.
let benchmarks: [Benchmark] = [
  Benchmark(name: "lsp", summary: "protocol throughput and hover latency under a didChange stream", run: LSPBenchmark.run),
  Benchmark(name: "diagnostics", summary: "didChange → publishDiagnostics p50/p99 (20 KB note), check 1,000 notes", run: DiagnosticsBenchmark.run),
  Benchmark(name: "features", summary: "completion, hover, definition, references p50/p99 on 5 papers and 100 MB", run: FeaturesBenchmark.run),
  Benchmark(name: "index", summary: "full index of 10 MB and 100 MB corpora vs rg -j1, peak memory", run: IndexBenchmark.run),
  Benchmark(name: "dump", summary: "(a check, not a benchmark) papers and mentions of a workspace, to diff around a speed-up", run: Dump.run),
]

func usage(_ benchmarks: [Benchmark]) -> String {
  (["USAGE: corpus-bench NAME [OPTIONS]", "", "BENCHMARKS:"]
    + benchmarks.map { benchmark in
      let width = (benchmarks.map(\.name.count).max() ?? 0) + 2
      return "  " + benchmark.name.padding(toLength: width, withPad: " ", startingAt: 0) + benchmark.summary
    }
    + ["", "Run 'corpus-bench NAME --help' for a benchmark's options."]).joined(separator: "\n")
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, name != "--help", name != "-h" else {
  print(usage(benchmarks))
  exit(arguments.isEmpty ? 2 : 0)
}
guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
  FileHandle.standardError.write(Data("corpus-bench: unknown benchmark '\(name)'\n\n\(usage(benchmarks))\n".utf8))
  exit(2)
}
exit(benchmark.run(Array(arguments.dropFirst())))
