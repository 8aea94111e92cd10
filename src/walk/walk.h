// walk/walk.h -- what gc's walk phase (cmd/compile/internal/walk) prints, and the choices behind
// it. walk runs after escape analysis on each compiled function and rewrites its IR into runtime
// calls; only what it prints (and the decisions those lines report) is modelled here, not the
// rewriting itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/diag.h"
#include "escape/escape.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::walk {

// What walk prints.
struct Options {
  int debug_m = 0;       // gc's -m level: "index bounds check elided" when > 0
  int escape_debug = 0;  // gc's -d=escapedebug=N: dataWord's "convert: ..." lines when > 0
};

// Appends walk's remarks for every function gc compiles in `prog` to `out`, in gc's walk order
// (typecheck.Target.Funcs, each function followed by the closures its walk met, last met first,
// as gc/compile.go enqueueFunc does; closures that inlining and deadlocals removed are not
// compiled). `esc` is the package's escape analysis. With opts.debug_m > 0: "index bounds check
// elided" at each index of an array (or pointer to array) or of a constant string whose
// non-constant index is provably in range (walkIndex and bounded, walk/expr.go), at the index
// expression (its `[`). With opts.escape_debug > 0: for each conversion of a concrete,
// non-pointer-shaped value to an interface that needs no allocation, `convert: MSG: EXPR`
// (walk/convert.go dataWord; see DataWord). Diagnostic::inl is set for positions inside inlined
// calls, which gc sorts after every file position when it prints without -m.
void Remarks(const ir::Program& prog, const types::Universe& u, const escape::Result& esc,
             const Options& opts, DiagnosticSink& out);

// How walk makes the data word (the second word) of one conversion of a concrete value to an
// interface (gc's walk.dataWord, walk/convert.go, after order.go's OCONVIFACE case): the value
// itself, a pointer to a global or a stack temporary, or a heap copy by a runtime routine.
struct DataWord {
  enum class Kind : uint8_t {
    kDirect,      // a pointer-shaped value is its own data word (types.IsDirectIface); no line
    kZeroSized,   // &runtime.zerobase: "using global for zero-sized interface value"
    kSingleByte,  // &runtime.staticuint64s[v] (bool, 1-byte integer): "using global for
                  // single-byte interface value"
    kZeroValue,   // &runtime.zeroVal (an all-zero literal of 1..1024 bytes): "using global for
                  // zero value interface value"
    kStatic,      // &.stmp_N, a read-only static holding a constant or a constant composite
                  // literal: "using global for interface value"
    kStack,       // &a stack temporary (the conversion does not escape and the value is at most
                  // 1024 bytes): "using stack temporary for interface value"
    kRuntime,     // a heap copy made by runtime.<routine>; no line
  };
  ir::NodeId conv;  // the OCONVIFACE node
  Kind kind = Kind::kRuntime;
  // kRuntime: the allocating routine (dataWordFuncName): "convT16", "convT32", "convT64",
  // "convTstring", "convTslice", "convTnoptr" or "convT".
  std::string routine;
  // The operand as walk sees it and -d=escapedebug prints it: `.stmp_3`, `.autotmp_5`, a
  // variable, `(S)(runtime.zeroVal@0)`, another expression.
  std::string expr;
  Pos pos;           // where -d=escapedebug prints it (a variable: its declaration)
  uint32_t inl = 0;  // the inlined call `pos` lies in (Program::inl_tree index + 1), 0 for none
  // The -d=escapedebug message ("using global for interface value", ...); "" for kDirect and
  // kRuntime.
  const char* Message() const;
};

// The data word of every conversion of a concrete value to an interface in the functions gc
// compiles, in walk order (see Remarks). Conversions to interface of interface values are not
// listed.
std::vector<DataWord> DataWords(const ir::Program& prog, const types::Universe& u,
                                const escape::Result& esc);

// The entry of `words` for conversion node `conv`, or nullptr (an interface operand, or a
// function gc does not compile).
const DataWord* FindDataWord(const std::vector<DataWord>& words, ir::NodeId conv);

}  // namespace escapist::walk
