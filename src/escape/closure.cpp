// escape/closure.cpp -- closures (gc's escape.go flowClosure and ir.ContainsClosure): once every
// body of the batch is walked, each captured variable is captured by value (small, never
// reassigned, address never taken) or by reference, and flows into the closure's storage.
#include <fmt/format.h>

#include "escape/batch.h"
#include "ir/build.h"

namespace escapist::escape {

// batch.flowClosure.
void Batch::FlowClosure(Hole k, NodeId clo) {
  FuncId fn = a.N(clo).func;
  if (!fn) return;
  for (VarId cv : a.F(fn).closure_vars) {
    VarId n = a.Canonical(cv);
    LocId loc_id = OldLoc(cv);
    Location& loc = L(loc_id);
    const ir::Var& var = a.V(n);
    int64_t width = var.type ? types::SizeOf(a.u, var.type) : 0;
    // Capture by value for variables <= 128 bytes that are never reassigned.
    bool byval = !loc.addrtaken && !loc.reassigned && width <= 128;
    a.result.byval.Set(n, byval ? 1 : 2);
    if (!byval) a.addrtaken_extra[n.index()] = 1;
    if (a.opts.debug_m > 1) {
      Remark r;
      r.kind = Remark::Kind::kOther;
      r.pos = var.pos;
      r.var = n;
      r.func = var.curfn;
      r.verbosity = 2;
      std::string outer = var.curfn ? ir::FuncName(a.prog, var.curfn) : std::string("<nil>");
      r.text = fmt::format("{} capturing by {}: {} (addr={} assign={} width={})", outer,
                           byval ? "value" : "ref", var.name, loc.addrtaken, loc.reassigned,
                           width);
      AddRemark(std::move(r));
    }
    // Flow captured variables to the closure.
    Hole kk = k;
    if (!byval) kk = NoteVar(Shift(kk, -1), cv, "reference");
    Flow(NoteVar(kk, cv, "captured by a closure"), loc_id);
  }
}

// ir.ContainsClosure: c is a func literal nested (at any depth) in f.
bool Analyzer::ContainsClosure(FuncId f, FuncId c) const {
  if (!f || !c || f == c || !F(c).closure) return false;
  for (FuncId p = F(c).outer; p; p = F(p).outer) {
    if (p == f) return true;
  }
  return false;
}

}  // namespace escapist::escape
