// swift-tools-version: 6.0
// corpus-lsp: a language server and command-line tool for notes about a corpus of papers.
// No package dependencies: everything here ships with the Swift toolchain.
import PackageDescription

let package = Package(
  name: "corpus-lsp",
  products: [
    .executable(name: "corpus-lsp", targets: ["corpus-lsp"]),
    .library(name: "Corpus", targets: ["Corpus"]),
  ],
  targets: [
    // Papers, entities, notes, diagnostics. Knows nothing of LSP or JSON-RPC.
    .target(name: "Corpus"),
    // JSON-RPC transport, LSP protocol types, the server loop and position conversion.
    .target(name: "LSP", dependencies: ["Corpus"]),
    // The command line: serve, check, index, quote, report.
    .executableTarget(name: "corpus-lsp", dependencies: ["LSP", "Corpus"]),
    // Benchmarks (never timed tests): `swift run -c release corpus-bench --help`.
    .executableTarget(name: "corpus-bench", dependencies: ["LSP", "Corpus"], path: "Benchmarks/corpus-bench"),
    .target(name: "TestSupport", dependencies: ["Corpus"], path: "Tests/TestSupport"),
    .testTarget(name: "CorpusTests", dependencies: ["Corpus", "TestSupport"]),
    .testTarget(name: "LSPTests", dependencies: ["LSP", "Corpus", "TestSupport"]),
    .testTarget(name: "EndToEndTests", dependencies: ["Corpus", "TestSupport"]),
  ]
)
