// escape/escape.h -- escape analysis as gc 1.27 does it (cmd/compile/internal/escape).
//
// Escape analysis decides which variables and allocations may live on the stack. Invariants: no
// heap object points to a stack object, and no pointer outlives what it points to. Each variable
// or allocation is a *location*; each assignment is an edge weighted by *derefs*:
//     p = &q   -1        p = q   0        p = *q   1
// Fields and elements are not told apart: `s.f = a[i]` is modeled as `s = *a`. Functions are
// analyzed one strongly connected component of the call graph at a time, callees first
// (ir.VisitFuncsBottomUp); calls into an already analyzed function use its parameter *leaks*
// (the tag gc exports), calls within the component flow directly into the callee's parameters.
// The solver (solve.go) propagates from each root location the minimal derefs to every location
// that reaches it; a location whose address reaches a location that outlives it escapes.
//
// The analysis does not print: it returns its verdicts in emission order, and report/ renders
// them in gc's words.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ir/ir.h"
#include "types/types.h"

namespace escapist::escape {

// gc's leaks (escape/leaks.go): derefs+1 per sink, 0 = no leak. Index 0 heap, 1 mutator,
// 2 callee, 3..7 results 0..4.
struct Leaks {
  static constexpr int kNumResults = 5;
  uint8_t bytes[8] = {};
  int Heap() const { return bytes[0] - 1; }  // -1: no leak
  int Result(int i) const { return bytes[3 + i] - 1; }
  bool Empty() const;
  // gc's tag string: "" (leaks to heap), or "esc:" + bytes with trailing zeros trimmed.
  std::string Encode() const;
  static Leaks Decode(const std::string& tag);
};

// One -m remark, in the order gc emits it.
struct Remark {
  enum class Kind : uint8_t {
    kMovedToHeap,          // "moved to heap: NAME"
    kEscapesToHeap,        // "EXPR escapes to heap"
    kDoesNotEscape,        // "EXPR does not escape" (node) / "p does not escape" (param)
    kLeakingParam,         // "leaking param: p"
    kLeakingParamContent,  // "leaking param content: p"
    kLeakingParamToResult, // "leaking param: p to result R level=N"
    kSelfAssign,           // "FN ignoring self-assignment in STMT"
    kAppendEscapes,        // "append escapes to heap"
    kAppendDoesNotEscape,  // "append does not escape"
    kZeroCopy,             // "zero-copy string->[]byte conversion"
    kOther,                // `text` holds the full message (-m=2 lines, unsafe uintptr notes)
  } kind = Kind::kOther;
  Pos pos;
  ir::NodeId node;   // the location's node (EXPR), if any
  ir::VarId var;     // the variable or parameter, if any
  ir::FuncId func;   // the function being analyzed
  std::string text;  // kOther: the message; kLeakingParamToResult: result name
  int level = 0;     // kLeakingParamToResult: derefs
  int verbosity = 1;  // the -m level at which gc prints it
};

struct Options {
  int debug_m = 1;  // -m level (1, 2, ...); 0 = no remarks collected
};

struct Result {
  std::vector<Remark> remarks;                       // emission order
  SideTable<ir::VarId, uint8_t> heap_vars;           // 1 = moved to heap
  SideTable<ir::NodeId, uint8_t> heap_nodes;         // 1 = allocation escapes, 2 = does not
  SideTable<ir::FuncId, std::vector<Leaks>> leaks;   // per function, receiver+params in order
};

// Analyzes every function of `prog` bottom-up over the call graph.
Result Analyze(const ir::Program& prog, const types::Universe& u, const Options& opts);

}  // namespace escapist::escape
