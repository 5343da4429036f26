// corpus-bench: benchmarks for corpus-lsp (never timed tests). Run with `swift run -c release corpus-bench`.
print("corpus-bench: no benchmarks yet")
