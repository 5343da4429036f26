//! The LSP module: JSON-RPC transport, protocol types, the server loop, position conversion.
import Corpus
