// cost/predict.h -- static prediction of what one iteration of a benchmark loop allocates: the
// allocs/op and B/op `go test -benchmem` reports, without running anything.
//
// The benchmark's body and every function it calls are interpreted over the IR gc compiles
// (after inlining), with escape analysis deciding which allocation sites are on the heap and
// walk's choices (walk/walk.h DataWord) deciding which conversions to interface allocate. Values
// are tracked where the code makes them known (constants, arguments, fields of objects set in
// the same run, dynamic types of interfaces, lengths and capacities of slices); a branch on an
// unknown value is followed both ways and must allocate the same on both, else the prediction
// is "unknown" with the position and reason. Runtime-library behaviour that is part of Go's
// contract is modelled, not interpreted: sync.Pool's Get and Put do not allocate in a steady
// state (an object is returned to the pool each iteration); testing.B's methods do not allocate.
// Objects that exist before the loop starts persist across iterations: an append to a slice
// held by one, whose capacity is unknown, is counted as amortized (no allocation in a steady
// state) and said so in the notes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "cost/malloc.h"
#include "escape/escape.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::cost {

// One package's compiled code, as the interpreter runs it.
struct Code {
  const ir::Program* prog = nullptr;
  const escape::Result* esc = nullptr;
};

// The packages whose code a prediction may run: `get(pkg)` returns a package's lowered IR and
// escape analysis, or a Code with prog == nullptr if unavailable.
using CodeProvider = std::function<Code(types::PkgId)>;

// One heap allocation of one iteration.
struct Allocation {
  Pos pos;           // the allocation site as gc prints it (an inlined call's outermost position)
  Pos src_pos;       // the site in its own source (differs inside inlined bodies)
  std::string func;  // the function whose code allocates ("escapelab.MakeCounter")
  std::string what;  // "moved to heap: n", "func literal", "runtime.convT64", "growslice", ...
  MallocClass m;
};

// The prediction for one benchmark function.
struct Prediction {
  std::string name;  // "BenchmarkSum"
  Pos pos;           // its declaration
  bool known = false;
  std::string reason;              // !known: why escapist cannot tell
  Pos reason_pos;                  // !known: where (may be unset)
  std::vector<Allocation> allocs;  // one iteration, in execution order
  PerOp per_op;                    // allocs/op and B/op
  std::vector<std::string> notes;  // assumptions the prediction rests on
};

// Predicts every Benchmark function (func BenchmarkXxx(b *testing.B) in a _test.go file) of
// package `pkg`, whose code is `code`, in source order. The measured loop is `for b.Loop()`,
// `for i := 0; i < b.N; i++` or `for range b.N`; a benchmark without one is unknown.
// `sources` gives file names (for _test.go) and positions.
std::vector<Prediction> PredictBenchmarks(const types::Universe& u, const SourceSet& sources,
                                          Code code, const CodeProvider& deps);

}  // namespace escapist::cost
