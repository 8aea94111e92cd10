// tests/ir/harness.h -- loading one Go file (parse + type-check, no imports) and lowering it to
// IR, for the IR tests and escapist-ircheck.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/source.h"
#include "diag/diag.h"
#include "ir/build.h"
#include "types/check.h"
#include "types/types.h"

namespace escapist::irtest {

struct Loaded {
  std::unique_ptr<types::Loader> loader;
  types::Universe* universe = nullptr;
  types::PkgId pkg;
  DiagnosticSink diags;  // parse and type errors
  DiagnosticSink build_diags;  // remarks of ir::Build (`unknown: ...`)
  ir::Program prog;
};

// Parses and checks `text` as file `name` (written to a temporary directory unless it names an
// existing file, and removed once loaded) of package path "p", then builds its IR.
std::unique_ptr<Loaded> LoadAndBuild(const std::string& name, const std::string& text);

// Reads a file; empty string if it cannot be read.
std::string ReadFile(const std::string& path);

// The function of `prog` named `name`, or none.
ir::FuncId FindFunc(const ir::Program& prog, const std::string& name);

// Every node reachable from a function's body (and from nodes' init lists), in pre-order.
std::vector<ir::NodeId> FuncNodes(const ir::Program& prog, ir::FuncId f);

// Formatted diagnostics, one per line (`line:col: text`).
std::string FormatDiags(const Loaded& l, const DiagnosticSink& d);

}  // namespace escapist::irtest
