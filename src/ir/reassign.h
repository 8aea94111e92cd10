// ir/reassign.h -- static values of local variables (gc's ir/reassignment.go ReassignOracle):
// which locals are defined once and never reassigned, and which functions a func-typed local may
// hold. Shared by escape analysis (batch.reassignOracle: one oracle per outermost function) and
// walk (analyzePreWalk: one oracle per compiled function, closures on their own).
#pragma once

#include <functional>
#include <unordered_map>
#include <vector>

#include "ir/ir.h"
#include "types/types.h"

namespace escapist::ir {

// gc's Name.Canonical: a closure variable stands for the variable it captures (followed through
// every level of nesting).
VarId Canonical(const Program& prog, VarId v);

// gc's ir.ReassignOracle, initialized on function `fn` (ReassignOracle.Init): its parameters and
// the locals of `fn` and of the func literals inside it that are defined once (`:=`, a defining
// statement) and never assigned again nor address-taken. A closure's captured variables are not
// candidates of an oracle built on the closure itself (gc: they are PAUTOHEAP names there).
class ReassignOracle {
 public:
  // `addrtaken` answers Name.Addrtaken as the phase asking sees it (escape sets it on variables
  // captured by reference); it is called during construction only.
  ReassignOracle(const Program& prog, const types::Universe& u, FuncId fn,
                 const std::function<bool(VarId)>& addrtaken);
  // The earliest expression always evaluating to n's value (ReassignOracle.StaticValue): through
  // OCONVNOP, an inlined call's single result and single-definition locals; n itself if none.
  NodeId StaticValue(NodeId n) const;
  // Every simple `=`/`:=` to a func-typed local (nil ones left out), or nullptr if the variable
  // was disqualified (ReassignOracle.funcAssigns).
  const std::vector<NodeId>* FuncAssignments(VarId v) const;

 private:
  NodeId StaticValue1(NodeId n) const;
  const Program& prog_;
  std::unordered_map<uint32_t, NodeId> single_def_;  // var -> defining node (params: none)
  std::unordered_map<uint32_t, std::vector<NodeId>> func_assigns_;
};

}  // namespace escapist::ir
