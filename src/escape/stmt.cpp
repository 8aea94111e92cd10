// escape/stmt.cpp -- walking function bodies statement by statement (gc's escape/stmt.go and
// escape.go initFunc/walkFunc): loop depth, looping labels, declarations, assignments, range,
// switch, select, return, go and defer.
#include "escape/batch.h"

namespace escapist::escape {

namespace {
constexpr int kLooping = 1;
constexpr int kNonLooping = 2;
}  // namespace

// batch.initFunc: locations for parameters, results and locals, in gc's Dcl order.
void Escape::InitFunc() {
  a.func_esc[curfn.index()] = kEscFuncPlanned;
  const ir::Func& fn = a.F(curfn);
  auto add = [&](VarId v) {
    if (!v) return;
    if (b.var_loc.count(a.Canonical(v).index())) return;
    NewLoc(NodeId(), v, true);
  };
  for (VarId v : fn.params) add(v);
  for (VarId v : fn.results) add(v);
  for (VarId v : fn.dcl) add(v);
  for (size_t i = 0; i < fn.results.size(); ++i) {
    if (fn.results[i]) b.L(b.OldLoc(fn.results[i])).result_index = static_cast<int>(i) + 1;
  }
}

// batch.walkFunc: marks labels that head unstructured loops, then walks the body.
void Escape::WalkFunc() {
  a.func_esc[curfn.index()] = kEscFuncStarted;
  const ir::Func& fn = a.F(curfn);
  if (!fn.body) return;
  a.Visit(fn.body, [&](NodeId, const ir::Node& n) {
    if (n.op == Op::kLabel) {
      if (n.label != "_") labels[n.label] = kNonLooping;
    } else if (n.op == Op::kGoto) {
      // A goto after its label in source order makes the label loop.
      auto it = labels.find(n.label);
      if (it != labels.end() && it->second == kNonLooping) it->second = kLooping;
    }
    return true;
  });
  const ir::Node& body = N(fn.body);
  Stmts(body.init);
  if (body.op == Op::kBlock) {
    Block(body.list);
  } else {
    Stmt(fn.body);
  }
}

void Escape::Stmts(IdSpan<NodeId> l) {
  for (uint32_t i = 0; i < l.count; ++i) Stmt(a.prog.At(l, i));
}

// escape.block: like stmts, but restores the loop depth.
void Escape::Block(IdSpan<NodeId> l) {
  int old = loop_depth;
  Stmts(l);
  loop_depth = old;
}

// escape.dcl: records the declaration's loop depth.
Hole Escape::Dcl(VarId v) {
  LocId loc = b.OldLoc(v);
  b.L(loc).loop_depth = loop_depth;
  return Hole{loc};
}

// escape.stmt.
void Escape::Stmt(NodeId id) {
  if (!id) return;
  const ir::Node& n = N(id);
  Stmts(n.init);
  switch (n.op) {
    case Op::kFallthrough:
    case Op::kBreak:
    case Op::kContinue:
    case Op::kGoto:
    case Op::kEmpty:
      break;
    case Op::kBlock:
      Stmts(n.list);
      break;
    case Op::kDcl:
      if (n.var && a.V(n.var).name != "_") Dcl(n.var);
      break;
    case Op::kLabel: {
      if (n.label == "_") break;
      auto it = labels.find(n.label);
      if (it != labels.end()) {
        if (it->second == kLooping) ++loop_depth;
        labels.erase(it);
      }
      break;
    }
    case Op::kIf:
      Discard(n.x);
      Block(n.list);
      Block(n.list2);
      break;
    case Op::kFor:
      ++loop_depth;
      Discard(n.x);
      Stmt(n.y);
      Block(n.list);
      --loop_depth;
      break;
    case Op::kRange: {
      // The operand is evaluated outside the loop and persists until it ends.
      LocId tmp = NewLoc(NodeId(), VarId(), true);
      Expr(Hole{tmp}, n.x);
      ++loop_depth;
      NodeId key = n.list.count > 0 ? a.prog.At(n.list, 0) : NodeId();
      NodeId value = n.list.count > 1 ? a.prog.At(n.list, 1) : NodeId();
      std::vector<Hole> ks = Addrs({key, value});
      if (n.x && IsArray(a.u, N(n.x).type)) {
        b.Flow(b.Note(ks[1], id, "range"), tmp);
      } else {
        b.Flow(b.Deref(ks[1], id, "range-deref"), tmp);
      }
      Reassigned(ks, id);
      Block(n.list2);
      --loop_depth;
      break;
    }
    case Op::kSwitch: {
      if (n.x && N(n.x).op == Op::kTypeSwitchGuard) {
        const ir::Node& guard = N(n.x);
        std::vector<Hole> ks;
        if (guard.var || !guard.label.empty()) {
          for (NodeId cas : a.List(n.list)) {
            VarId cv = cas ? N(cas).var : VarId();
            if (!cv) continue;
            Hole k = Dcl(cv);  // type switch variables have no ODCL
            TypeId t = a.V(cv).type;
            if (HasPtrs(a.u, t)) ks.push_back(b.DotType(k, t, cas, "switch case"));
          }
        }
        Stmts(guard.init);
        Expr(TeeHole(ks), guard.x);
      } else {
        Discard(n.x);
      }
      for (NodeId cas : a.List(n.list)) {
        if (!cas) continue;
        Discards(N(cas).list);
        Block(N(cas).list2);
      }
      break;
    }
    case Op::kSelect:
      for (NodeId cas : a.List(n.list)) {
        if (!cas) continue;
        Stmts(N(cas).init);
        Stmt(N(cas).x);
        Block(N(cas).list2);
      }
      break;
    case Op::kSend:
      Discard(n.x);
      AssignHeap(n.y, "send", id);
      break;
    case Op::kAs:
    case Op::kAsOp:
      AssignList({n.x}, {n.y}, "assign", id);
      break;
    case Op::kAs2:
      AssignList(a.List(n.list), a.List(n.list2), "assign-pair", id);
      break;
    case Op::kAs2DotType:
      AssignList(a.List(n.list), {n.x}, "assign-pair-dot-type", id);
      break;
    case Op::kAs2MapR:
      AssignList(a.List(n.list), {n.x}, "assign-pair-mapr", id);
      break;
    case Op::kAs2Recv:
      AssignList(a.List(n.list), {n.x}, "assign-pair-receive", id);
      break;
    case Op::kAs2Func: {
      if (n.x) Stmts(N(n.x).init);
      std::vector<Hole> ks = Addrs(a.List(n.list));
      if (n.x && (IsCallOp(N(n.x).op) || N(n.x).op == Op::kInlCall)) {
        Call(&ks, n.x);
      } else {
        ExprSkipInit(ks.empty() ? b.DiscardHole() : ks[0], n.x);
      }
      Reassigned(ks, id);
      break;
    }
    case Op::kReturn: {
      const ir::Func& fn = a.F(curfn);
      std::vector<Hole> ks;
      for (VarId r : fn.results) ks.push_back(AddrOfVar(r));
      for (size_t i = 0; i < ks.size(); ++i) {
        NodeId src = i < n.list.count ? a.prog.At(n.list, i) : NodeId();
        Expr(b.Note(ks[i], id, "return"), src);
      }
      Reassigned(ks, id);
      break;
    }
    case Op::kExprStmt: {
      if (!n.x) break;
      const ir::Node& x = N(n.x);
      switch (x.op) {
        case Op::kCallFunc:
        case Op::kCallInter:
        case Op::kInlCall:
        case Op::kClear:
        case Op::kClose:
        case Op::kCopy:
        case Op::kDelete:
        case Op::kPanic:
        case Op::kPrint:
        case Op::kPrintln:
        case Op::kRecover:
          Stmts(x.init);
          Call(nullptr, n.x);
          break;
        default:
          Discard(n.x);
          break;
      }
      break;
    }
    case Op::kCallFunc:
    case Op::kCallInter:
    case Op::kClear:
    case Op::kClose:
    case Op::kCopy:
    case Op::kDelete:
    case Op::kPanic:
    case Op::kPrint:
    case Op::kPrintln:
    case Op::kRecover:
      Call(nullptr, id);
      break;
    case Op::kRecv:
      ExprSkipInit(b.DiscardHole(), id);
      break;
    case Op::kGo:
    case Op::kDefer:
      GoDeferStmt(id);
      break;
    default:
      // Unsupported statement: evaluate its operands conservatively.
      for (NodeId c : {n.x, n.y, n.z, n.w}) Expr(b.HeapHole(), c);
      for (NodeId c : a.List(n.list)) Expr(b.HeapHole(), c);
      break;
  }
}

}  // namespace escapist::escape
