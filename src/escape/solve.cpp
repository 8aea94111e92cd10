// escape/solve.go's solver: walkAll's deque of roots, walkOne's breadth-first Bellman-Ford
// relaxation of minimal derefs, outlives, parameter leaks, and the -m=2 explanation of the path
// behind each verdict.
#include <fmt/format.h>

#include <unordered_set>

#include "escape/batch.h"
#include "ir/build.h"

namespace escapist::escape {

// batch.walkAll: walks from every location until a fixed point. Roots start heap, callee,
// mutator, then allLocs last to first; a location gaining attributes is requeued, at the front
// if it now escapes.
void Batch::WalkAll() {
  std::deque<LocId> todo;
  for (LocId l : all_locs) {
    todo.push_front(l);
    L(l).queued_walk_all = true;
  }
  todo.push_front(mutator_loc);
  todo.push_front(callee_loc);
  todo.push_front(heap_loc);
  L(mutator_loc).queued_walk_all = true;
  L(callee_loc).queued_walk_all = true;
  L(heap_loc).queued_walk_all = true;

  uint32_t walkgen = 0;
  while (!todo.empty()) {
    LocId root = todo.front();
    todo.pop_front();
    L(root).queued_walk_all = false;
    ++walkgen;
    WalkOne(root, walkgen, todo);
  }
}

void Batch::EnqueueWalkAll(LocId id, std::deque<LocId>& todo) {
  Location& l = L(id);
  if (l.queued_walk_all) return;
  l.queued_walk_all = true;
  if (l.HasAttr(kAttrEscapes)) {
    todo.push_front(id);  // lets attrEscapes propagate faster
  } else {
    todo.push_back(id);
  }
}

// batch.walkOne: minimal derefs from every location to root.
void Batch::WalkOne(LocId root_id, uint32_t walkgen, std::deque<LocId>& todo_all) {
  Location& root = L(root_id);
  root.walkgen = walkgen;
  root.derefs = 0;
  root.dst = LocId();

  if (root.HasAttr(kAttrCalls) && root.n && a.N(root.n).op == Op::kClosure) {
    FuncId fn = a.N(root.n).func;
    if (fn && InMutualBatch(fn) && !a.results_lost[fn.index()]) {
      a.results_lost[fn.index()] = 1;
      // Re-flow from the closure's results now that their destination is unknown.
      for (VarId r : a.F(fn).results) EnqueueWalkAll(OldLoc(r), todo_all);
    }
  }

  std::deque<LocId> todo;
  todo.push_back(root_id);
  while (!todo.empty()) {
    LocId l_id = todo.front();
    todo.pop_front();
    Location& l = L(l_id);
    l.queued_walk_one = 0;

    int derefs = l.derefs;
    uint8_t new_attrs = 0;

    // derefs < 0: l's address flows to root.
    if (derefs < 0) {
      // For `root = &l; l = x`, l's address reaches root but x's does not.
      derefs = 0;
      if (Outlives(root_id, l_id)) {
        if (!l.HasAttr(kAttrEscapes) && a.opts.debug_m >= 2) {
          std::string fn_name = l.curfn ? ir::FuncName(a.prog, l.curfn) : std::string("<nil>");
          Explain(LocPos(l_id), LocString(l_id) + " escapes to heap in " + fn_name + ":");
          StartExplanation(Explanation::Kind::kEscapes, l_id, 0);
          ExplainPath(root_id, l_id);
        }
        new_attrs |= kAttrAll;
      } else if (root.HasAttr(kAttrPersists)) {
        new_attrs |= kAttrPersists;
      }
    }
    if (derefs == 0) new_attrs |= root.attrs & (kAttrMutates | kAttrCalls);

    // l's value flows to root: record a parameter's leaks for its tag.
    if (l.param) {
      if (Outlives(root_id, l_id)) {
        if (!l.HasAttr(kAttrEscapes) && a.opts.debug_m >= 2) {
          std::string fn_name = l.curfn ? ir::FuncName(a.prog, l.curfn) : std::string("<nil>");
          Explain(LocPos(l_id), fmt::format("parameter {} leaks to {} for {} with derefs={}:",
                                            LocString(l_id), ExplainLoc(root_id), fn_name,
                                            derefs));
          StartExplanation(Explanation::Kind::kLeaks, l_id, derefs);
          ExplainPath(root_id, l_id);
        }
        LeakTo(l, root_id, derefs);
      }
      if (root.HasAttr(kAttrMutates)) l.param_esc.AddMutator(derefs);
      if (root.HasAttr(kAttrCalls)) l.param_esc.AddCallee(derefs);
    }

    if (new_attrs & ~l.attrs) {
      l.attrs |= new_attrs;
      EnqueueWalkAll(l_id, todo_all);
      if (l.HasAttr(kAttrEscapes)) continue;
    }

    for (size_t i = 0; i < l.edges.size(); ++i) {
      const Edge& edge = l.edges[i];
      Location& src = L(edge.src);
      if (src.HasAttr(kAttrEscapes)) continue;
      int d = derefs + edge.derefs;
      if (src.walkgen != walkgen || src.derefs > d) {
        src.walkgen = walkgen;
        src.derefs = d;
        src.dst = l_id;
        src.dst_edge_idx = static_cast<int>(i);
        if (src.queued_walk_one != walkgen) {
          src.queued_walk_one = walkgen;
          todo.push_back(edge.src);
        }
      }
    }
  }
}

// batch.outlives: whether values stored in l may survive beyond other's lifetime.
bool Batch::Outlives(LocId l_id, LocId other_id) {
  const Location& l = L(l_id);
  const Location& other = L(other_id);
  if (l.HasAttr(kAttrEscapes)) return true;  // the heap outlives everything
  if (l_id == mutator_loc || l_id == callee_loc) return false;
  if (l.param_out) {
    // A closure may return locations of its enclosing function if all its call sites are
    // known (its results are not lost).
    if (a.ContainsClosure(other.curfn, l.curfn) && !a.results_lost[l.curfn.index()]) {
      return false;
    }
    return true;
  }
  // Declared outside other's loop scope in the same function.
  if (l.curfn == other.curfn && l.loop_depth < other.loop_depth) return true;
  // other is declared in a closure of l's function.
  if (a.ContainsClosure(l.curfn, other.curfn)) return true;
  return false;
}

// location.leakTo: a leak to a non-escaping result of the same function is a result leak.
void Batch::LeakTo(Location& l, LocId sink_id, int derefs) {
  const Location& sink = L(sink_id);
  if (!sink.HasAttr(kAttrEscapes) && sink.param_out && sink.curfn == l.curfn) {
    int ri = sink.result_index - 1;
    if (ri < Leaks::kNumResults) {
      l.param_esc.AddResult(ri, derefs);
      return;
    }
  }
  l.param_esc.AddHeap(derefs);
}

// ---- -m=2 explanations

void Batch::Explain(Pos pos, std::string text) {
  Remark r;
  r.kind = Remark::Kind::kOther;
  r.pos = pos;
  r.verbosity = 2;
  // gc prints explanations with base.FmtPos (not WarnfAt): an unknown position is spelled out.
  r.text = pos.known() ? std::move(text) : "<unknown line number>: " + text;
  AddRemark(std::move(r));
}

std::string Batch::FmtPos(Pos p) const {
  if (!p.known()) return "<unknown line number>";  // base.FmtPos of src.NoXPos
  if (a.opts.sources) return a.opts.sources->Format(p);
  return fmt::format("{}:{}", p.line, p.col);
}

Pos Batch::LocPos(LocId id) {
  const Location& l = L(id);
  if (l.var) return a.V(l.var).pos;
  if (l.n) return a.N(l.n).pos;
  return Pos{};
}

std::string Batch::LocString(LocId id) {
  const Location& l = L(id);
  if (l.var) return ir::VarName(a.prog, a.u, l.var);
  if (l.n) {
    auto it = rewritten_text.find(l.n.index());
    if (it != rewritten_text.end()) return it->second;
    return ir::ExprString(a.prog, a.u, l.n);
  }
  return "<nil>";
}

// Opens the structured record of the explanation whose header was just emitted (-m=2 only).
void Batch::StartExplanation(Explanation::Kind kind, LocId id, int derefs) {
  const Location& l = L(id);
  Explanation e;
  e.kind = kind;
  e.pos = LocPos(id);
  e.node = l.n;
  e.var = l.var;
  e.func = l.curfn;
  e.derefs = derefs;
  a.result.explanations.push_back(std::move(e));
}

// batch.explainLoc.
std::string Batch::ExplainLoc(LocId id) {
  if (id == heap_loc) return "{heap}";
  const Location& l = L(id);
  if (!l.n && !l.var) return "{temp}";
  if (l.var) return ir::VarName(a.prog, a.u, l.var);
  return "{storage for " + LocString(id) + "}";
}

// batch.explainPath: the flow from src back to the walk root.
void Batch::ExplainPath(LocId root, LocId src) {
  std::unordered_set<uint32_t> visited;
  Pos remark_pos = LocPos(src);
  std::string pos = FmtPos(remark_pos);
  for (;;) {
    if (!visited.insert(src.index()).second) {
      Explain(remark_pos,
              "  warning: truncated explanation due to assignment cycle; see "
              "golang.org/issue/35518");
      a.result.explanations.back().truncated = true;
      break;
    }
    LocId dst = L(src).dst;
    if (!dst) break;
    const Edge& edge = L(dst).edges[L(src).dst_edge_idx];
    ExplainFlow(pos, dst, src, edge.derefs, edge.notes, remark_pos);
    if (dst == root) break;
    src = dst;
  }
}

// batch.explainFlow: `flow: DST ← OPS SRC:` and its `from WHERE (WHY) at POS` notes.
void Batch::ExplainFlow(const std::string& pos, LocId dst, LocId src, int derefs,
                        uint32_t notes_idx, Pos remark_pos) {
  std::string ops = "&";
  if (derefs >= 0) ops = std::string(derefs, '*');
  Explain(remark_pos, "  flow: " + ExplainLoc(dst) + " \u2190 " + ops + ExplainLoc(src) + ":");
  FlowStep step;
  step.dst = ExplainLoc(dst);
  step.src = ExplainLoc(src);
  step.derefs = derefs;
  step.dst_heap = dst == heap_loc;
  step.dst_node = L(dst).n;
  step.dst_var = L(dst).var;
  for (uint32_t i = notes_idx; i != kNoNote; i = notes[i].next) {
    const EdgeNote& note = notes[i];
    std::string where;
    Pos where_pos;
    if (note.where_var) {
      where = a.V(note.where_var).name;
      where_pos = a.V(note.where_var).pos;
    } else if (note.where) {
      where = NodeString(a, note.where);
      where_pos = a.N(note.where).pos;
    }
    Explain(remark_pos, "    from " + where + " (" + note.why + ") at " + FmtPos(where_pos));
    step.notes.push_back(FlowNote{where_pos, where, note.why, note.where, note.where_var});
  }
  a.result.explanations.back().steps.push_back(std::move(step));
  (void)pos;
}

}  // namespace escapist::escape
