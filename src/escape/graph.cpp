// escape/graph.cpp -- locations, holes and edges of the escape graph (gc's escape/graph.go):
// newLoc, flow, spill, teeHole, later and the hole operations shift/addr/deref/dotType/note.
#include "base/check.h"
#include "escape/batch.h"
#include "ir/build.h"

namespace escapist::escape {

// hole.note: notes are kept only when -m=2 explanations may print them.
Hole Batch::Note(Hole k, NodeId where, const char* why) {
  if (a.opts.debug_m >= 2) {
    notes.push_back(EdgeNote{where, why, k.notes, VarId()});
    k.notes = static_cast<uint32_t>(notes.size() - 1);
  }
  return k;
}

Hole Batch::NoteVar(Hole k, VarId where, const char* why) {
  if (a.opts.debug_m >= 2) {
    notes.push_back(EdgeNote{NodeId(), why, k.notes, where});
    k.notes = static_cast<uint32_t>(notes.size() - 1);
  }
  return k;
}

// hole.shift.
Hole Batch::Shift(Hole k, int delta) {
  k.derefs += delta;
  ESCAPIST_CHECK(k.derefs >= -1, "escape: derefs underflow");
  k.addrtaken = delta < 0;
  return k;
}

// hole.dotType: asserting to a concrete non-pointer-shaped type loads through the interface's
// data word.
Hole Batch::DotType(Hole k, TypeId t, NodeId where, const char* why) {
  if (!IsInterfaceT(a.u, t) && !IsDirectIface(a.u, t)) k = Shift(k, 1);
  return Note(k, where, why);
}

// batch.flow: records `dst = <derefs> src`; a flow of an address into a location that already
// escapes makes src escape at once.
void Batch::Flow(Hole k, LocId src_id) {
  Location& src = L(src_id);
  if (k.addrtaken) src.addrtaken = true;
  if (k.dst == blank_loc) return;
  if (k.dst == src_id && k.derefs >= 0) return;  // dst = dst, dst = *dst, ...
  Location& dst = L(k.dst);
  if (dst.HasAttr(kAttrEscapes) && k.derefs < 0) {  // dst = &src
    if (a.opts.debug_m >= 2) {
      Pos pos = LocPos(src_id);
      std::string fn_name = src.curfn ? ir::FuncName(a.prog, src.curfn) : std::string("<nil>");
      Explain(pos, LocString(src_id) + " escapes to heap in " + fn_name + ":");
      StartExplanation(Explanation::Kind::kEscapes, src_id, 0);
      ExplainFlow(FmtPos(pos), k.dst, src_id, k.derefs, k.notes, pos);
    }
    src.attrs |= kAttrAll;
    return;
  }
  dst.edges.push_back(Edge{src_id, k.derefs, k.notes});
}

// batch.oldLoc: the location of a variable (closure variables share their captured variable's).
LocId Batch::OldLoc(VarId v) {
  VarId c = a.Canonical(v);
  auto it = var_loc.find(c.index());
  if (it != var_loc.end()) return it->second;
  // The IR did not list the variable in its function's declarations: give it a location now,
  // as gc's initFunc would have (loop depth 1).
  Location loc;
  loc.var = c;
  loc.curfn = a.V(c).curfn;
  loc.loop_depth = 1;
  loc.attrs = kAttrPersists;
  loc.param = a.V(c).cls == ir::Class::kParam;
  loc.param_out = a.V(c).cls == ir::Class::kParamOut;
  LocId id = locs.Add(std::move(loc));
  all_locs.push_back(id);
  var_loc[c.index()] = id;
  return id;
}

// batch.inMutualBatch: fn is being analyzed in this batch, so its parameters are flowed into
// directly rather than through its tags.
bool Batch::InMutualBatch(FuncId fn) const {
  if (!fn) return false;
  uint8_t st = a.func_esc[fn.index()];
  return st != kEscFuncUnknown && st < kEscFuncTagged;
}

// escape.newLoc.
LocId Escape::NewLoc(NodeId n, VarId var, bool persists) {
  Location loc;
  loc.n = n;
  loc.var = var;
  loc.curfn = curfn;
  loc.loop_depth = loop_depth;
  if (var) {
    const ir::Var& v = a.V(var);
    loc.param = v.cls == ir::Class::kParam;
    loc.param_out = v.cls == ir::Class::kParamOut;
  }
  if (persists) loc.attrs |= kAttrPersists;
  LocId id = b.locs.Add(std::move(loc));
  b.all_locs.push_back(id);
  if (var) b.var_loc[var.index()] = id;
  return id;
}

// escape.teeHole: a temporary flowing into each of ks.
Hole Escape::TeeHole(const std::vector<Hole>& ks) {
  if (ks.empty()) return b.DiscardHole();
  if (ks.size() == 1) return ks[0];
  LocId loc = NewLoc(NodeId(), VarId(), false);
  for (const Hole& k : ks) {
    ESCAPIST_CHECK(k.derefs >= 0, "escape: teeHole: negative derefs");
    b.Flow(k, loc);
  }
  return Hole{loc};
}

// escape.later: a persistent temporary flowing into k.
Hole Escape::Later(Hole k) {
  LocId loc = NewLoc(NodeId(), VarId(), true);
  b.Flow(k, loc);
  return Hole{loc};
}

// escape.spill: a location for the storage n allocates, whose address flows to k.
Hole Escape::Spill(Hole k, NodeId n) {
  LocId loc = NewLoc(n, VarId(), false);
  b.Flow(b.Addr(k, n, "spill"), loc);
  return Hole{loc};
}

}  // namespace escapist::escape
