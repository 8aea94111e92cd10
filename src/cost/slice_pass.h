// cost/slice_pass.h -- gc's slice pass (cmd/compile/internal/slice/slice.go), which runs after
// escape analysis and before walk, as `escapist explain` needs it: which `s = append(s, ...)`
// calls gc lets use a stack backing store although -m said "append escapes to heap", and where
// it copies the slice to the heap instead (move2heap).
//
// The pass tracks each local slice variable (elements of at most 32 bytes) whose every use it
// understands: `s = nil`, `s = []T{...}`, `s = s[i:j]`, `s = append(s, ...)`, `s[i]`, `len(s)`,
// `cap(s)`, passing s to a parameter that does not leak, and one exclusive->non-exclusive
// transition (`return s`, `x = s`, `for range s`) not nested deeper in loops than s's
// declaration. With appends of weight >= 2 (an append inside a loop counts 1 + its extra loop
// depth), it inserts `s = move2heap(s)` before the transition and marks the appends EscNone;
// when the capacity is observed (cap(s), reslicing, a slice literal, a call), the appends also
// get UseBuf (runtime.growsliceBuf steps through size classes inside the stack buffer) and
// move2heap copies the whole capacity.
//
// Approximation: callees are resolved as the IR names them (a declared function, a method
// expression, a func literal); gc also follows a func-typed local's single static value
// (ir.StaticValue), which explain treats as an unknown callee (the argument leaks), so it may
// miss a tracked variable gc keeps.
#pragma once

#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "escape/escape.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::cost {

// One slice variable the pass optimizes.
struct SliceMove {
  ir::VarId slice;
  ir::FuncId func;
  ir::NodeId transition;  // the statement before which move2heap copies the slice
  bool cap_used = false;  // gc's capUsed: growsliceBuf appends, move2heap keeps the capacity
  std::vector<ir::NodeId> appends;  // the `s = append(s, ...)` calls made EscNone
};

struct SlicePassResult {
  std::vector<SliceMove> moves;
  std::unordered_map<uint32_t, size_t> by_append;  // OAPPEND NodeId -> index into moves
};

// The leaks of parameter `param` (receiver first) of a function of another package; nullopt
// when unknown (treated as a leak, as gc treats an unknown callee).
using ImportedLeaks = std::function<std::optional<escape::Leaks>(types::ObjId func, int param)>;

// Runs the pass over every function of `prog` (none with -N, as gc).
SlicePassResult RunSlicePass(const ir::Program& prog, const types::Universe& u,
                             const escape::Result& esc, const ImportedLeaks& imported,
                             bool optimize_off);

}  // namespace escapist::cost
