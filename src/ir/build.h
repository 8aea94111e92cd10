// ir/build.h -- lowering a type-checked package to IR (gc's noder/reader.go plus the typecheck
// rewrites listed in ir.h), and printing IR expressions as gc's -m does (ir/fmt.go).
#pragma once

#include <string>

#include "base/source.h"
#include "diag/diag.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::ir {

// Builds the IR of every function of package `pkg` (declared functions and methods with bodies
// or without, func literals, go/defer wrappers). Constructs it cannot lower become Bad nodes and
// an `unknown: ...` remark in `diags` rather than a crash. Package-level variable initializers
// are lowered into the synthetic package function "init" (Func::is_package_init, first in
// target_funcs); StaticInit below later keeps only what gc's staticinit cannot initialize
// statically.
// `for_capture` false leaves out loopvar's per-iteration copies (ForCapture below), giving the
// IR gc's inliner sees; the caller then applies ForCapture before escape analysis.
Program Build(const types::Universe& u, types::PkgId pkg, DiagnosticSink& diags,
              bool for_capture = true);

// gc's pkginit.MakeTask running staticinit.Schedule.StaticInit on the package initializers
// (after inlining and loopvar, before deadlocals and escape analysis): the statements of the
// synthetic package "init" that can be done at link time are dropped, the parts of them that
// cannot stay as assignments; Program::static_names counts the `.stmp_N` statics this made.
// Build does it itself when `for_capture` (no inlining follows).
void StaticInit(Program& prog, const types::Universe& u);

// gc's loopvar.ForCapture on every function of `prog` (Build does it unless told not to).
void ForCapture(Program& prog, const types::Universe& u);

// gc's bloop.Walk (before inlining), in a package importing "testing": the statements inside
// `for b.Loop() { ... }` keep their results alive through runtime.KeepAlive calls (var_live);
// its -m=2 remarks go to `diags` when given.
void BLoop(Program& prog, const types::Universe& u, int debug_m, DiagnosticSink* diags);

// gc's deadlocals.Funcs (after inlining and loopvar, before escape analysis): in every function
// (closures with their enclosing function), an assignment without side effects to a local or
// parameter that is never used becomes `_ = 0`, and the variable loses its Defn.
void DeadLocals(Program& prog, const types::Universe& u);

// The expression as gc's -m output prints it (ir/fmt.go exprFmt with mode FmtErr): implicit
// conversions, & and * are skipped; `func literal`, `... argument`, `&T{...}`, `T{...}`,
// `make([]int, n)`, `new(T)`, `f(a, b)`, `([]byte)(s)`, `string(b)`, `a + b`, `x.f`, `s[1:]`.
std::string ExprString(const Program& prog, const types::Universe& u, NodeId n);

// A variable as gc's -m prints its name (`moved to heap: x`): qualified by its package's name
// when it belongs to another package than the one compiled (a local of an instantiated body).
std::string VarName(const Program& prog, const types::Universe& u, VarId v);

// gc's ir.FuncName of a function: "f", "T.M", "(*T).M", "f.func1".
const std::string& FuncName(const Program& prog, FuncId f);

// A readable dump of a function's IR, one node per line (for --dump=ir and golden tests).
std::string DumpFunc(const Program& prog, const types::Universe& u, FuncId f);

}  // namespace escapist::ir
