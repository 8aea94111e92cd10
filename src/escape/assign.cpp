// escape/assign.cpp -- assignments (gc's escape/assign.go): addressable destinations, stores
// through pointers to the heap, self-assignments ignored, and the `reassigned` marks that decide
// capture by value.
#include "escape/batch.h"
#include "ir/build.h"

namespace escapist::escape {


// escape.addr of a variable.
Hole Escape::AddrOfVar(VarId v) {
  if (!v) return b.DiscardHole();
  const ir::Var& var = a.V(v);
  if (var.name == "_") return b.DiscardHole();
  if (var.cls == ir::Class::kExtern) return b.HeapHole();
  return Hole{b.OldLoc(v)};
}

// escape.addr: a hole storing into the addressable expression n. Stores through pointers (slice
// elements, *p, p.f) go to the heap and mark the pointer as mutated.
Hole Escape::AddrOf(NodeId id) {
  if (!id || IsBlankNode(a, id)) return b.DiscardHole();
  const ir::Node& n = N(id);
  Hole k = b.HeapHole();
  switch (n.op) {
    case Op::kName:
      if (!n.var) break;
      return AddrOfVar(n.var);
    case Op::kDot:
      k = AddrOf(n.x);
      break;
    case Op::kIndex:
      Discard(n.y);
      if (n.x && IsArray(a.u, N(n.x).type)) {
        k = AddrOf(n.x);
      } else {
        Mutate(n.x);
      }
      break;
    case Op::kDeref:
    case Op::kDotPtr:
      Mutate(n.x);
      break;
    case Op::kIndexMap:
      Discard(n.x);
      AssignHeap(n.y, "key of map put", id);  // keys of map assignments escape
      break;
    default:
      break;
  }
  return k;
}

std::vector<Hole> Escape::Addrs(const std::vector<NodeId>& l) {
  std::vector<Hole> ks;
  ks.reserve(l.size());
  for (NodeId n : l) ks.push_back(AddrOf(n));
  return ks;
}

void Escape::AssignHeap(NodeId src, const char* why, NodeId where) {
  Expr(b.Note(b.HeapHole(), where, why), src);
}

// escape.assignList: dsts... = srcs...
void Escape::AssignList(const std::vector<NodeId>& dsts, const std::vector<NodeId>& srcs,
                        const char* why, NodeId where) {
  std::vector<Hole> ks = Addrs(dsts);
  for (size_t i = 0; i < ks.size(); ++i) {
    Hole k = ks[i];
    NodeId src = i < srcs.size() ? srcs[i] : NodeId();
    NodeId dst = dsts[i];
    if (dst) {
      // Storing a uintptr into reflect.{Slice,String}Header.Data hides a pointer.
      if (N(dst).op == Op::kDotPtr && IsReflectHeaderDataField(a, dst)) {
        UnsafeValue(b.Note(b.HeapHole(), where, why), src);
        continue;
      }
      if (src && IsSelfAssign(a, dst, src)) {
        if (a.opts.debug_m != 0) {
          Remark r;
          r.kind = Remark::Kind::kSelfAssign;
          r.pos = N(where).pos;
          r.node = where;
          r.func = curfn;
          r.text = ir::FuncName(a.prog, curfn) + " ignoring self-assignment in " +
                   NodeString(a, where);
          b.AddRemark(std::move(r));
        }
        k = b.DiscardHole();
      }
    }
    Expr(b.Note(k, where, why), src);
  }
  Reassigned(ks, where);
}

// escape.reassigned: marks the destinations reassigned, except a variable's own defining
// statement (not for range) and the zero-value initialization of `var x T`.
void Escape::Reassigned(const std::vector<Hole>& ks, NodeId where) {
  const ir::Node& w = N(where);
  if (w.op == Op::kAs && !w.y && w.x) {
    const ir::Node& dst = N(w.x);
    if (dst.op == Op::kName && dst.var && !a.V(dst.var).defn) return;
  }
  for (const Hole& k : ks) {
    Location& loc = b.L(k.dst);
    if (loc.var && a.V(loc.var).defn == where && w.op != Op::kRange) continue;
    loc.reassigned = true;
  }
}

}  // namespace escapist::escape
