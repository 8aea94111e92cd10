// driver/analysis.h -- one package's pipeline (load, lower, escape analysis) kept for the
// commands that read its results instead of printing -m text: explain, table, prove.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "diag/diag.h"
#include "driver/driver.h"
#include "escape/escape.h"
#include "ir/ir.h"
#include "types/check.h"
#include "types/types.h"

namespace escapist::driver {

// Another package's IR as gc compiles it (lowered: inlined, deadlocals) and its escape
// analysis, for consumers that look into the bodies of called functions.
struct DependencyAnalysis {
  ir::Program prog;
  escape::Result esc;
};

// One analyzed package, valid only during the consumer call of AnalyzeSingle.
struct PackageAnalysis {
  types::Loader& loader;
  const types::Universe& u;
  types::PkgId pkg;
  ir::Program& prog;          // lowered as for gc -m (the command line's inlining flags)
  const escape::Result& esc;  // its escape analysis (remarks rendered into `diags` per -m)
  DiagnosticSink& diags;      // the package's errors and remarks
  // Lowered IR and escape analysis of another loaded package, computed once on first request;
  // nullptr if it cannot be type-checked (or is unsafe).
  std::function<const DependencyAnalysis*(types::PkgId)> dependency;
  bool dir_mode = false;      // the input was one package directory
};

// Loads opts.inputs as one package (.go files, a directory, or an import path), lowers and
// analyzes it as the default command does, and calls `consume` with the result. With
// `include_tests` (a directory or import path only), the packages go test builds are analyzed
// one after the other: the package with its _test.go files, then its external test package.
// Returns the largest status `consume` returned, 1 if loading or checking failed (errors
// printed), 2 on usage errors (one line on stderr).
int AnalyzeSingle(const Options& opts, bool include_tests,
                  const std::function<int(PackageAnalysis&)>& consume);

// The subcommands built on AnalyzeSingle (driver/explain.cpp, table.cpp, prove.cpp).
int RunExplain(const Options& opts);
int RunTable(const Options& opts);
int RunProve(const Options& opts);

}  // namespace escapist::driver
