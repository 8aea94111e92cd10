// walk/walk.h -- the -m remarks of gc's walk phase (cmd/compile/internal/walk), which runs after
// escape analysis on each function and rewrites its IR into runtime calls. Only what walk prints
// is modelled here; the rewriting itself is not.
#pragma once

#include "diag/diag.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::walk {

// Appends walk's -m remarks for every function of `prog` (prog.target_funcs, closures included)
// to `out`: "index bounds check elided" at each index of an array (or pointer to array) or of a
// constant string whose non-constant index is provably in range (walkIndex and bounded, walk/
// expr.go). Positions are the index expressions' (their `[`).
void Remarks(const ir::Program& prog, const types::Universe& u, DiagnosticSink& out);

}  // namespace escapist::walk
