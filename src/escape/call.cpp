// escape/call.cpp -- calls (gc's escape/call.go): static callee resolution (including 1.27's
// multi-callee resolution of func-typed locals), argument holes from parameter tags or, within
// the batch, the callee's parameter locations; builtins; go/defer; uintptr arguments of
// syscall-like functions.
#include "escape/batch.h"

namespace escapist::escape {

namespace {

struct SigInfo {
  bool has_recv = false;
  int nparams = 0;  // without the receiver
  int nresults = 0;
};

SigInfo SigOf(const types::Universe& u, TypeId sig_t) {
  SigInfo s;
  if (!sig_t) return s;
  TypeId ut = types::Underlying(u, sig_t);
  if (!ut) return s;
  const types::Type& sig = u.Get(ut);
  if (sig.kind != types::TypeKind::kSignature) return s;
  s.has_recv = sig.recv.has_value();
  if (sig.params) s.nparams = static_cast<int>(u.Get(sig.params).vars.size());
  if (sig.results) s.nresults = static_cast<int>(u.Get(sig.results).vars.size());
  return s;
}

// The signature of a callee: its declared type (methods keep their receiver).
SigInfo CalleeSig(const Analyzer& a, const Callee& c) {
  if (c.fn) {
    const ir::Func& f = a.F(c.fn);
    SigInfo s;
    if (f.obj) {
      s = SigOf(a.u, a.u.Obj(f.obj).type);
    } else if (f.closure) {
      s = SigOf(a.u, a.N(f.closure).type);
    }
    // The IR's parameter lists are authoritative for this package's functions.
    int nrecv = s.has_recv ? 1 : 0;
    s.nparams = static_cast<int>(f.params.size()) - nrecv;
    if (s.nparams < 0) s.nparams = 0;
    s.nresults = static_cast<int>(f.results.size());
    return s;
  }
  if (c.obj) return SigOf(a.u, a.u.Obj(c.obj).type);
  return SigInfo{};
}

// gc's hasNonStringPointers.
bool HasNonStringPointers(const types::Universe& u, TypeId t) {
  if (!HasPtrs(u, t)) return false;
  TypeId ut = types::Underlying(u, t);
  const types::Type& ty = u.Get(ut);
  switch (ty.kind) {
    case types::TypeKind::kBasic:
      return ty.basic != types::BasicKind::kString;
    case types::TypeKind::kStruct:
      for (types::ObjId f : ty.fields) {
        if (HasNonStringPointers(u, u.Obj(f).type)) return true;
      }
      return false;
    case types::TypeKind::kArray:
      return HasNonStringPointers(u, ty.elem);
    default:
      return true;
  }
}

}  // namespace

// resolveAssignedCallees: every non-zero right-hand side assigned to a func-typed local must be
// a static callee without uintptr pragmas.
static std::vector<Callee> ResolveAssignedCallees(Analyzer& a,
                                                  const std::vector<NodeId>* assigns) {
  std::vector<Callee> fns;
  if (!assigns) return fns;
  for (NodeId as : *assigns) {
    NodeId y = a.N(as).y;
    if (!y || IsZeroNode(a, y)) continue;  // nil panics on call: no escape
    std::optional<Callee> c = a.StaticCalleeName(y);
    if (!c) return {};
    if (a.Pragmas(*c) & (kPragmaUintptrKeepAlive | kPragmaUintptrEscapes)) return {};
    fns.push_back(*c);
  }
  return fns;
}

// escape.call: ks holds the holes for the call's results (nullptr: results unused).
void Escape::Call(const std::vector<Hole>* ks, NodeId call_id) {
  const ir::Node& call = N(call_id);
  const types::Universe& u = a.u;
  auto argument = [&](Hole k, NodeId arg) { Expr(b.Note(k, call_id, "call parameter"), arg); };
  auto k0 = [&]() { return ks && !ks->empty() ? (*ks)[0] : b.DiscardHole(); };
  std::vector<NodeId> args = a.List(call.list);

  switch (call.op) {
    case Op::kCallFunc:
    case Op::kCallInter: {
      std::vector<Callee> fns;
      if (call.op == Op::kCallFunc && call.x) {
        const ReassignOracle& ro = a.Oracle(curfn);
        NodeId v = ro.StaticValue(call.x);
        if (std::optional<Callee> fn = a.StaticCalleeName(v)) {
          fns.push_back(*fn);
        } else if (v && N(v).op == Op::kName && N(v).var) {
          fns = ResolveAssignedCallees(a, ro.FuncAssignments(a.Canonical(N(v).var)));
        }
      }
      SigInfo fntype = SigOf(u, call.x ? N(call.x).type : TypeId());
      if (fns.size() == 1) fntype = CalleeSig(a, fns[0]);

      // Wire result flows for in-batch callees.
      if (ks) {
        for (const Callee& f : fns) {
          if (!b.InMutualBatch(f.fn)) continue;
          const ir::Func& fn = a.F(f.fn);
          for (size_t i = 0; i < fn.results.size() && i < ks->size(); ++i) {
            FlowVar((*ks)[i], fn.results[i]);
          }
        }
      }

      NodeId recv_arg;
      if (call.op == Op::kCallFunc) {
        // The callee operand matters only when its results flow somewhere unknown.
        Hole callee_k = b.DiscardHole();
        if (fns.empty() && ks) {
          for (const Hole& k : *ks) {
            if (k.dst != b.blank_loc) {
              callee_k = b.Note(b.CalleeHole(), call_id, "callee operand");
              break;
            }
          }
        }
        Expr(callee_k, call.x);
      } else if (call.x) {
        recv_arg = N(call.x).x;
        Stmts(N(call.x).init);
      }

      size_t first = 0;
      if (fntype.has_recv && !recv_arg && !args.empty()) {
        // Method expression call: the receiver leads the arguments.
        recv_arg = args[0];
        first = 1;
      }

      bool escape_non_string = false;
      if (fns.size() == 1 && fns[0].obj) {
        const types::Object& o = u.Obj(fns[0].obj);
        escape_non_string = o.pkg && u.Pkg(o.pkg).path == "internal/abi" &&
                            o.name.rfind("EscapeNonString", 0) == 0;
      }
      if (call.var_live) {
        // Don't escape compiler-inserted KeepAlive (bloop).
        if (recv_arg) argument(b.DiscardHole(), recv_arg);
        for (size_t i = first; i < args.size(); ++i) argument(b.DiscardHole(), args[i]);
        break;
      }
      if (escape_non_string) {
        // internal/abi.EscapeNonString forces arguments with non-string pointers to the heap.
        for (size_t i = first; i < args.size(); ++i) {
          Hole k = HasNonStringPointers(u, N(args[i]).type) ? b.HeapHole() : b.DiscardHole();
          argument(k, args[i]);
        }
        break;
      }
      if (recv_arg) {
        RewriteArgument(recv_arg, call_id, fns);
        argument(MergedTagHole(ks, fns, -1, fntype.nparams), recv_arg);
      }
      for (int i = 0; i < fntype.nparams && first + i < args.size(); ++i) {
        NodeId arg = args[first + i];
        RewriteArgument(arg, call_id, fns);
        argument(MergedTagHole(ks, fns, i, fntype.nparams), arg);
      }
      // Arguments the signature does not account for (should not happen): assume they escape.
      for (size_t i = first + std::max(fntype.nparams, 0); i < args.size(); ++i) {
        argument(b.HeapHole(), args[i]);
      }
      break;
    }
    case Op::kInlCall:
      // The pasted body, then each result variable into its hole.
      Stmts(call.list);
      for (uint32_t i = 0; i < call.list2.count; ++i) {
        Hole k = ks && i < ks->size() ? (*ks)[i] : b.DiscardHole();
        Expr(k, a.prog.At(call.list2, i));
      }
      break;
    case Op::kAppend: {
      if (args.empty()) break;
      // The appendee may flow to the result if it has capacity; else a new backing store is
      // allocated and its elements may reach the heap.
      Hole appendee_k = TeeHole({k0(), b.MutatorHole()});
      TypeId st = N(args[0]).type;
      if (HasPtrs(u, Elem(u, st))) {
        appendee_k = TeeHole({appendee_k, b.Deref(b.HeapHole(), call_id, "appendee slice")});
      }
      argument(appendee_k, args[0]);
      if (call.has_dots) {
        Hole appended_k = b.DiscardHole();
        if (args.size() > 1) {
          TypeId t1 = N(args[1]).type;
          if (IsSlice(u, t1) && HasPtrs(u, Elem(u, t1))) {
            appended_k = b.Deref(b.HeapHole(), call_id, "appended slice...");
          }
          argument(appended_k, args[1]);
        }
      } else {
        for (size_t i = 1; i < args.size(); ++i) argument(b.HeapHole(), args[i]);
      }
      // The backing store append may allocate; its address flows to the result. A flag
      // prevents reuse, so it is modeled outside any loop.
      Hole backing = Spill(k0(), call_id);
      b.L(backing.dst).loop_depth = 0;
      break;
    }
    case Op::kCopy: {
      argument(b.MutatorHole(), call.x);
      Hole copied_k = b.DiscardHole();
      if (call.y) {
        TypeId t = N(call.y).type;
        if (IsSlice(u, t) && HasPtrs(u, Elem(u, t))) {
          copied_k = b.Deref(b.HeapHole(), call_id, "copied slice");
        }
      }
      argument(copied_k, call.y);
      break;
    }
    case Op::kPanic:
      argument(b.HeapHole(), call.x);
      break;
    case Op::kComplex:
      Discard(call.x);
      Discard(call.y);
      break;
    case Op::kDelete:
      Discard(call.x);
      Discard(call.y);
      break;
    case Op::kPrint:
    case Op::kPrintln:
    case Op::kRecover:
      for (NodeId arg : args) Discard(arg);
      break;
    case Op::kMin:
    case Op::kMax:
      for (NodeId arg : args) argument(k0(), arg);
      break;
    case Op::kLen:
    case Op::kCap:
    case Op::kReal:
    case Op::kImag:
    case Op::kClose:
      Discard(call.x);
      break;
    case Op::kClear:
      argument(b.MutatorHole(), call.x);
      break;
    case Op::kUnsafeStringData:
    case Op::kUnsafeSliceData:
      argument(k0(), call.x);
      break;
    case Op::kUnsafeAdd:
    case Op::kUnsafeSlice:
    case Op::kUnsafeString:
      argument(k0(), call.x);
      Discard(call.y);
      break;
    default:
      Expr(k0(), call_id);
      break;
  }
}

// escape.goDeferStmt: only the (zero-argument) callee is evaluated; it escapes, except for a
// top-level defer whose closure lives in the frame until the function returns.
void Escape::GoDeferStmt(NodeId id) {
  const ir::Node& n = N(id);
  Hole k = b.HeapHole();
  // A defer in a range-over-func loop body (DeferAt set) runs at the exit of the function
  // declaring the loop, not of the body closure: its closure is heap allocated.
  if (n.op == Op::kDefer && loop_depth == 1 && !n.y) k = Later(b.DiscardHole());
  if (!n.x) return;
  const ir::Node& call = N(n.x);
  if (call.op != Op::kCallFunc) {
    Expr(k, n.x);
    return;
  }
  Stmts(call.init);
  Expr(k, call.x);
  // Not normalized by the IR builder (should not happen): arguments escape.
  for (NodeId arg : a.List(call.list)) Expr(b.HeapHole(), arg);
}

// escape.rewriteArgument: an argument uintptr(unsafe.Pointer(p)) of a bodyless (keep-alive) or
// //go:uintptrescapes callee is copied into a temporary that flows to the mutator or the heap.
void Escape::RewriteArgument(NodeId arg, NodeId call, const std::vector<Callee>& fns) {
  uint32_t pragma = 0;
  for (const Callee& fn : fns) pragma |= a.Pragmas(fn);
  if (!(pragma & (kPragmaUintptrKeepAlive | kPragmaUintptrEscapes))) return;
  auto unsafe_uintptr = [&](NodeId el) {
    if (!el) return;
    const ir::Node& conv = N(el);
    if (conv.op != Op::kConvNop || !conv.x) return;
    if (!IsUnsafePtr(a.u, N(conv.x).type) || !IsUintptr(a.u, conv.type)) return;
    // copyExpr: tmp := conv.X, evaluated here (before the other arguments, as gc does).
    LocId tmp = NewLoc(NodeId(), VarId(), true);
    Expr(b.Note(Hole{tmp}, el, "assign"), conv.x);
    b.L(tmp).reassigned = true;
    Hole k = b.MutatorHole();
    if (pragma & kPragmaUintptrEscapes) k = b.Note(b.HeapHole(), el, "//go:uintptrescapes");
    b.Flow(k, tmp);
    b.conv_tmp[el.index()] = tmp;
  };
  if (N(arg).op == Op::kSliceLit) {
    for (NodeId el : a.List(N(arg).list)) {
      if (el && N(el).op == Op::kKey) el = N(el).y;
      unsafe_uintptr(el);
    }
  } else {
    unsafe_uintptr(arg);
  }
}

// escape.mergedTagHole: the tee of every callee's hole for parameter param_idx (-1: receiver);
// parameters are matched from the end, so a method expression's receiver lines up.
Hole Escape::MergedTagHole(const std::vector<Hole>* ks, const std::vector<Callee>& fns,
                           int param_idx, int nparams) {
  if (fns.empty()) return b.HeapHole();
  std::vector<Hole> holes;
  holes.reserve(fns.size());
  for (const Callee& f : fns) {
    SigInfo s = CalleeSig(a, f);
    int offset = nparams - s.nparams;
    int j = param_idx - offset;
    int index;  // receiver first
    if (j >= 0) {
      index = s.has_recv ? j + 1 : j;
    } else {
      index = 0;
    }
    holes.push_back(TagHole(ks, f, index));
  }
  return TeeHole(holes);
}

// escape.tagHole: the hole for an argument passed to parameter `param` (receiver first) of fn.
Hole Escape::TagHole(const std::vector<Hole>* ks, const std::optional<Callee>& fn, int param) {
  if (!fn) return b.HeapHole();  // dynamic call
  if (fn->fn && b.InMutualBatch(fn->fn)) {
    const ir::Func& f = a.F(fn->fn);
    if (param < 0 || static_cast<size_t>(param) >= f.params.size() || !f.params[param]) {
      return b.DiscardHole();
    }
    return AddrOfVar(f.params[param]);
  }
  // Call to a previously tagged function.
  Leaks esc = Leaks::Decode("");
  if (fn->fn) {
    const std::vector<Leaks>& tags = a.result.leaks.Get(fn->fn);
    if (param >= 0 && static_cast<size_t>(param) < tags.size()) esc = tags[param];
  } else if (a.opts.imported_leaks) {
    if (std::optional<Leaks> l = a.opts.imported_leaks(fn->obj, param)) esc = *l;
  }
  std::vector<Hole> tag_ks;
  if (int x = esc.Heap(); x >= 0) tag_ks.push_back(b.Shift(b.HeapHole(), x));
  if (int x = esc.Mutator(); x >= 0) tag_ks.push_back(b.Shift(b.MutatorHole(), x));
  if (int x = esc.Callee(); x >= 0) tag_ks.push_back(b.Shift(b.CalleeHole(), x));
  if (ks) {
    for (int i = 0; i < Leaks::kNumResults; ++i) {
      if (int x = esc.Result(i); x >= 0 && static_cast<size_t>(i) < ks->size()) {
        tag_ks.push_back(b.Shift((*ks)[i], x));
      }
    }
  }
  return TeeHole(tag_ks);
}

}  // namespace escapist::escape
