// ir/build_call.cpp -- lowering calls: conversions written as calls, builtins, method calls as
// calls of method expressions (typecheck.FixMethodCall), interface calls, variadic argument
// slices (FixVariadicCall), multi-value arguments through temporaries (reader.multiExpr,
// RewriteMultiValueCall), callee temporaries (RewriteNonNameCall), and the go/defer wrapper
// closures of typecheck.normalizeGoDeferCall.
#include <functional>

#include "ir/builder.h"

namespace escapist::ir {

using types::TypeKind;

namespace {

// gc's callOrChan: operations RewriteNonNameCall must not reorder.
bool CallOrChan(Op op) {
  switch (op) {
    case Op::kAppend: case Op::kCallFunc: case Op::kCallInter: case Op::kCap: case Op::kClear:
    case Op::kClose: case Op::kComplex: case Op::kCopy: case Op::kDelete: case Op::kImag:
    case Op::kLen: case Op::kMax: case Op::kMin: case Op::kPanic: case Op::kPrint:
    case Op::kPrintln: case Op::kReal: case Op::kRecover: case Op::kRecv: case Op::kUnsafeAdd:
    case Op::kUnsafeSlice: case Op::kUnsafeSliceData: case Op::kUnsafeString:
    case Op::kUnsafeStringData:
      return true;
    default:
      return false;
  }
}

bool AnyCallOrChan(const Program& prog, NodeId n) {
  if (!n.has_value()) return false;
  const Node& x = prog[n];
  if (CallOrChan(x.op)) return true;
  if (x.op == Op::kClosure) return false;
  for (NodeId c : {x.x, x.y, x.z, x.w}) {
    if (AnyCallOrChan(prog, c)) return true;
  }
  for (IdSpan<NodeId> l : {x.list, x.list2}) {
    for (uint32_t i = 0; i < l.count; ++i) {
      if (AnyCallOrChan(prog, prog.At(l, i))) return true;
    }
  }
  return false;
}

}  // namespace

TypeId Builder::MethodExprType(ObjId method, TypeId recv) {
  auto it = methexpr_types_.find(method.index());
  if (it != methexpr_types_.end()) return it->second;
  TypeId sig = Sub(O(method).type);
  if (!sig.has_value() || T(sig).kind != TypeKind::kSignature) return sig;
  const types::Type& s = T(sig);
  std::vector<ObjId> params;
  if (s.recv.has_value()) params.push_back(s.recv);
  if (s.params.has_value()) {
    for (ObjId p : T(s.params).vars) params.push_back(p);
  }
  auto& mu = const_cast<types::Universe&>(u_);  // interning only; see PtrTo
  types::Type t;
  t.kind = TypeKind::kSignature;
  t.params = mu.NewTuple(params);
  t.results = s.results.has_value() ? s.results : mu.NewTuple({});
  t.variadic = s.variadic;
  TypeId id = mu.NewType(std::move(t));
  methexpr_types_[method.index()] = id;
  return id;
}

std::vector<NodeId> Builder::MultiExpr(Pos pos, const std::vector<SynId>& exprs,
                                       const std::vector<TypeId>& dsts, SynId syn) {
  std::vector<NodeId> out;
  if (exprs.size() == 1) {
    SynId e = Unparen(exprs[0]);
    TypeId t = TV(e).type;
    bool tuple = t.has_value() && T(t).kind == TypeKind::kTuple && T(t).vars.size() > 1;
    bool comma_ok = false;
    const syntax::Node& es = S(e);
    if (!tuple && dsts.size() == 2) {
      comma_ok = es.kind == syntax::NodeKind::kTypeAssert ||
                 (es.kind == syntax::NodeKind::kUnary && es.op == syntax::Token::kArrow) ||
                 (es.kind == syntax::NodeKind::kIndex && KindOf(TypeOf(es.x)) == TypeKind::kMap);
    }
    if (tuple && es.kind != syntax::NodeKind::kCall) {
      // A comma-ok expression the checker recorded as a tuple.
      comma_ok = dsts.size() == 2;
      tuple = false;
    }
    if (tuple || comma_ok) {
      // reader.multiExpr N:1: temporaries assigned by one OAS2 (typechecked to OAS2FUNC,
      // OAS2DOTTYPE, OAS2MAPR or OAS2RECV), converted to the destinations as needed.
      NodeId rhs;
      std::vector<TypeId> rtypes;
      Op op = Op::kAs2Func;
      if (tuple) {
        rhs = Expr(e);
        for (ObjId v : T(t).vars) rtypes.push_back(O(v).type);
      } else {
        rhs = Expr(e);
        TypeId vt;
        if (es.kind == syntax::NodeKind::kTypeAssert) {
          op = Op::kAs2DotType;
          N(rhs).op = Op::kDotType2;
          vt = es.y.has_value() ? TV(es.y).type : N(rhs).type;
          N(rhs).type = vt;
        } else if (es.kind == syntax::NodeKind::kIndex) {
          op = Op::kAs2MapR;
          vt = T(Core(TypeOf(es.x))).elem;
          N(rhs).type = vt;
        } else {
          op = Op::kAs2Recv;
          vt = Elem(TypeOf(es.x));
          N(rhs).type = vt;
        }
        TypeId ok = u_.Basic(types::BasicKind::kBool);
        if (t.has_value() && T(t).kind == TypeKind::kTuple && T(t).vars.size() == 2) {
          ok = Typed(O(T(t).vars[1]).type);
        } else if (dsts[1].has_value() && !types::IsInterface(u_, dsts[1]) &&
                   types::AssignableTo(u_, u_.Basic(types::BasicKind::kBool), dsts[1])) {
          ok = dsts[1];
        }
        rtypes = {vt, ok};
      }
      NodeId as = Add(op, pos, TypeId(), syn);
      std::vector<NodeId> dcls, lhs;
      for (TypeId rt : rtypes) {
        VarId tmp = NewTemp(pos, rt);
        V(tmp).defn = as;
        NodeId d = Add(Op::kDcl, pos, TypeId(), syn);
        N(d).var = tmp;
        dcls.push_back(d);
        lhs.push_back(NameOfVar(tmp, pos, syn));
      }
      N(as).init = List(dcls);
      N(as).list = List(lhs);
      N(as).x = rhs;
      N(as).defining = true;
      for (size_t i = 0; i < rtypes.size(); ++i) {
        NodeId res = NameOfVar(N(prog_.At(N(as).list, i)).var, pos, syn);
        TypeId dst = i < dsts.size() ? dsts[i] : TypeId();
        if (dst.has_value() && !types::Identical(u_, rtypes[i], dst)) {
          res = ConvNode(dst, res, pos, true, syn);
        }
        out.push_back(res);
      }
      // ir.InitExpr: a shared ONAME cannot hold an init list, so an OCONVNOP carries it.
      if (N(out[0]).op == Op::kName) {
        NodeId c = Add(Op::kConvNop, pos, N(out[0]).type, syn);
        N(c).x = out[0];
        N(c).implicit = true;
        out[0] = c;
      }
      N(out[0]).init = List({as});
      return out;
    }
  }
  for (size_t i = 0; i < exprs.size(); ++i) {
    out.push_back(ImplicitConv(i < dsts.size() ? dsts[i] : TypeId(), exprs[i]));
  }
  return out;
}

void Builder::FixVariadic(TypeId sig, Pos pos, std::vector<NodeId>& args, bool& has_dots) {
  if (has_dots || !sig.has_value() || T(sig).kind != TypeKind::kSignature) return;
  const types::Type& s = T(sig);
  if (!s.variadic || !s.params.has_value()) return;
  size_t np = T(s.params).vars.size();
  if (np == 0) return;
  size_t vi = np - 1;
  TypeId vt = O(T(s.params).vars[vi]).type;
  // Arguments before the variadic one: a method expression's signature includes the receiver.
  std::vector<NodeId> extra;
  for (size_t i = vi; i < args.size(); ++i) extra.push_back(args[i]);
  if (args.size() > vi) args.resize(vi);
  NodeId slice;
  if (extra.empty()) {
    slice = Add(Op::kNil, pos, vt, SynId());
  } else {
    slice = Add(Op::kSliceLit, pos, vt, SynId());
    N(slice).list = List(extra);
    N(slice).implicit = true;
  }
  args.push_back(slice);
  has_dots = true;
}

NodeId Builder::Call(SynId e, SynId fun_override, const std::vector<NodeId>* built_args) {
  const syntax::Node& s = S(e);
  SynId fun = Unparen(fun_override.has_value() ? fun_override : s.x);
  std::vector<SynId> args = built_args ? std::vector<SynId>() : SList(s.list);
  bool dots = !built_args && (s.flags & syntax::kFlagHasDots) != 0;
  const types::TypeAndValue& ftv = TV(fun);
  if (ftv.mode == types::Mode::kTypeExpr) {
    // T(x): writer.convertExpr(T, x, implicit=false), at the operand's position.
    if (args.size() != 1) return Bad(s.pos, e, "conversion arity");
    TypeId dst = ftv.type;
    NodeId x = Expr(args[0]);
    if (N(x).op == Op::kNil) N(x).type = dst;
    Op op = ConvOp(N(x).type, dst);
    NodeId n = Add(op, S(args[0]).pos, dst, e);
    N(n).x = x;
    return n;
  }
  if (ftv.mode == types::Mode::kBuiltin) {
    SynId name = S(fun).kind == syntax::NodeKind::kSelector ? S(fun).y : fun;
    ObjId obj = UseOf(name);
    if (!obj.has_value() || O(obj).kind != types::ObjKind::kBuiltin) {
      return Bad(s.pos, e, "builtin call");
    }
    return Builtin(e, O(obj).builtin);
  }
  TypeId ft = Core(ftv.type);
  if (!ft.has_value() || T(ft).kind != TypeKind::kSignature) return Bad(s.pos, e, "call");

  std::vector<NodeId> list;
  NodeId callee;
  Op op = Op::kCallFunc;
  TypeId callee_sig = ft;
  std::vector<NodeId> init;
  if (S(fun).kind == syntax::NodeKind::kSelector &&
      info_.selections.Get(fun).kind == types::Selection::Kind::kMethodVal) {
    const types::Selection& sel = info_.selections.Get(fun);
    NodeId recv = RecvExpr(fun, sel);
    ObjId inst = MethodInstance(fun, sel, N(recv).type);
    TypeId raw_recv = info_.types.Get(S(fun).x).type;
    if (raw_recv.has_value() && KindOf(raw_recv) == TypeKind::kPointer) {
      raw_recv = T(Core(raw_recv)).elem;
    }
    if (inst.has_value()) {
      // A method of a generic type, or a generic method: a static call of its shaped instance
      // with the receiver first (reader methodExpr, static dictionary).
      callee_sig = MethodExprType(inst, N(recv).type);
      callee = Add(Op::kMethExpr, S(fun).pos, callee_sig, fun);
      N(callee).obj = inst;
      list.push_back(recv);
    } else if (raw_recv.has_value() && types::IsTypeParam(u_, raw_recv) && subst_.empty() == false) {
      // A method of a type parameter's constraint: in shaped code the callee is a function
      // pointer loaded from the dictionary (reader methodExpr, "type parameter method
      // expression"), a call of an unknown function with the receiver first.
      callee = TypeParamMethod(S(fun).pos, raw_recv, sel.obj, N(recv).type, fun);
      callee_sig = N(callee).type;
      list.push_back(recv);
      if (types::IsInterface(u_, N(recv).type)) {
        // reader exprCall: an interface receiver called through the dictionary.
        diags_.Remark(S(fun).pos, "imprecise interface call");
      }
    } else if (types::IsInterface(u_, N(recv).type)) {
      op = Op::kCallInter;
      callee = Add(Op::kDotInter, S(fun).pos, ftv.type, fun);
      N(callee).x = recv;
      N(callee).obj = sel.obj;
    } else {
      callee_sig = MethodExprType(sel.obj, N(recv).type);
      callee = Add(Op::kMethExpr, S(fun).pos, callee_sig, fun);
      N(callee).obj = sel.obj;
      list.push_back(recv);
    }
  } else {
    callee = Expr(fun);
  }
  // RewriteNonNameCall: a callee (or interface receiver) with calls is evaluated into a temp.
  {
    NodeId* slot = op == Op::kCallInter ? &N(callee).x : &callee;
    if (AnyCallOrChan(prog_, *slot)) {
      NodeId val = *slot;
      VarId tmp = NewTemp(s.pos, N(val).type);
      NodeId as = Add(Op::kAs, s.pos, TypeId(), e);
      NodeId d = Add(Op::kDcl, s.pos, TypeId(), e);
      N(d).var = tmp;
      N(as).init = List({d});
      N(as).x = NameOfVar(tmp, s.pos, e);
      N(as).y = val;
      V(tmp).defn = as;
      init.push_back(as);
      *slot = NameOfVar(tmp, s.pos, e);
    }
  }
  const types::Type& sig = T(ft);
  std::vector<ObjId> params =
      sig.params.has_value() ? T(sig.params).vars : std::vector<ObjId>();
  std::vector<TypeId> dsts;
  size_t nargs = args.size();
  if (nargs == 1) {
    TypeId at = TV(Unparen(args[0])).type;
    if (at.has_value() && T(at).kind == TypeKind::kTuple) nargs = T(at).vars.size();
  }
  for (size_t i = 0; i < nargs; ++i) {
    TypeId d;
    if (sig.variadic && !dots && !params.empty() && i >= params.size() - 1) {
      d = Elem(O(params.back()).type);
    } else if (i < params.size()) {
      d = O(params[i]).type;
    }
    dsts.push_back(d);
  }
  std::vector<NodeId> vals;
  if (built_args) {
    for (size_t i = 0; i < built_args->size(); ++i) {
      TypeId d = i < params.size() ? O(params[i]).type : TypeId();
      vals.push_back(ConvNode(d, (*built_args)[i], s.pos, true, SynId()));
    }
  } else {
    vals = MultiExpr(s.pos, args, dsts, e);
  }
  list.insert(list.end(), vals.begin(), vals.end());
  bool has_dots = dots;
  FixVariadic(callee_sig, s.pos, list, has_dots);
  TypeId rt = TV(e).type;
  if (sig.results.has_value() && T(sig.results).vars.size() == 1) {
    rt = O(T(sig.results).vars[0]).type;
  } else if (sig.results.has_value() && T(sig.results).vars.size() > 1) {
    rt = sig.results;
  } else {
    rt = TypeId();
  }
  NodeId n = Add(op, s.pos, rt, e);
  N(n).x = callee;
  N(n).list = List(list);
  N(n).has_dots = has_dots;
  if (!init.empty()) N(n).init = List(init);
  return n;
}

NodeId Builder::Builtin(SynId e, types::BuiltinId id) {
  const syntax::Node& s = S(e);
  std::vector<SynId> args = SList(s.list);
  Pos pos = s.pos;
  TypeId t = TypeOf(e);
  auto arg = [&](size_t i) { return i < args.size() ? Expr(args[i]) : NodeId(); };
  auto unary = [&](Op op) {
    NodeId n = Add(op, pos, t, e);
    N(n).x = arg(0);
    return n;
  };
  auto binary = [&](Op op) {
    NodeId x = arg(0);
    NodeId y = arg(1);
    NodeId n = Add(op, pos, t, e);
    N(n).x = x;
    N(n).y = y;
    return n;
  };
  auto listed = [&](Op op) {
    std::vector<NodeId> l;
    for (size_t i = 0; i < args.size(); ++i) l.push_back(arg(i));
    NodeId n = Add(op, pos, t, e);
    N(n).list = List(l);
    return n;
  };
  using B = types::BuiltinId;
  switch (id) {
    case B::kAppend: {
      if (args.empty()) return Bad(pos, e, "append arity");
      bool dots = (s.flags & syntax::kFlagHasDots) != 0;
      std::vector<NodeId> l;
      l.push_back(Expr(args[0]));
      TypeId et = Elem(TypeOf(args[0]));
      for (size_t i = 1; i < args.size(); ++i) {
        l.push_back(dots ? Expr(args[i]) : ImplicitConv(et, args[i]));
      }
      NodeId n = Add(Op::kAppend, pos, t.has_value() ? t : N(l[0]).type, e);
      N(n).list = List(l);
      N(n).has_dots = dots;
      return n;
    }
    case B::kCopy: return binary(Op::kCopy);
    case B::kLen: return unary(Op::kLen);
    case B::kCap: return unary(Op::kCap);
    case B::kNew: {
      if (args.size() != 1) return Bad(pos, e, "new arity");
      if (TV(Unparen(args[0])).mode == types::Mode::kTypeExpr) {
        NodeId n = Add(Op::kNew, pos, t, e);
        // A type derived from the type parameters comes from the dictionary (ODYNAMICTYPE).
        N(n).dynamic_type = types::MentionsTypeParam(u_, info_.types.Get(Unparen(args[0])).type);
        return n;
      }
      // new(expr), Go 1.26 (reader exprNew + tempCopy): tmp := expr; &tmp.
      NodeId x = Expr(args[0]);
      VarId tmp = NewTemp(pos, N(x).type);
      NodeId d = Add(Op::kDcl, pos, TypeId(), e);
      N(d).var = tmp;
      NodeId as = Add(Op::kAs, pos, TypeId(), e);
      N(as).x = NameOfVar(tmp, pos, e);
      N(as).y = x;
      N(as).defining = true;
      V(tmp).defn = as;
      NodeId n = AddrOf(NameOfVar(tmp, pos, e), pos, false, e);
      N(n).init = List({d, as});
      return n;
    }
    case B::kMake: {
      if (args.empty()) return Bad(pos, e, "make arity");
      TypeId mt = TV(Unparen(args[0])).type;
      Op op;
      switch (KindOf(mt)) {
        case TypeKind::kSlice: op = Op::kMakeSlice; break;
        case TypeKind::kMap: op = Op::kMakeMap; break;
        case TypeKind::kChan: op = Op::kMakeChan; break;
        default: return Bad(pos, e, "make of this type");
      }
      NodeId x = arg(1);
      NodeId y = arg(2);
      NodeId n = Add(op, pos, mt, e);
      N(n).x = x;
      N(n).y = y;
      return n;
    }
    case B::kPanic: {
      NodeId x = args.empty() ? NodeId() : ImplicitConv(u_.any_type, args[0]);
      NodeId n = Add(Op::kPanic, pos, TypeId(), e);
      N(n).x = x;
      return n;
    }
    case B::kPrint: return listed(Op::kPrint);
    case B::kPrintln: return listed(Op::kPrintln);
    case B::kRecover: return Add(Op::kRecover, pos, t.has_value() ? t : u_.any_type, e);
    case B::kClose: return unary(Op::kClose);
    case B::kClear: return unary(Op::kClear);
    case B::kDelete: {
      if (args.size() != 2) return Bad(pos, e, "delete arity");
      NodeId x = Expr(args[0]);
      TypeId mt = Core(TypeOf(args[0]));
      NodeId y = ImplicitConv(mt.has_value() ? T(mt).key : TypeId(), args[1]);
      NodeId n = Add(Op::kDelete, pos, TypeId(), e);
      N(n).x = x;
      N(n).y = y;
      return n;
    }
    case B::kMin: return listed(Op::kMin);
    case B::kMax: return listed(Op::kMax);
    case B::kReal: return unary(Op::kReal);
    case B::kImag: return unary(Op::kImag);
    case B::kComplex: return binary(Op::kComplex);
    case B::kAdd: return binary(Op::kUnsafeAdd);
    case B::kSlice: return binary(Op::kUnsafeSlice);
    case B::kString: return binary(Op::kUnsafeString);
    case B::kSliceData: return unary(Op::kUnsafeSliceData);
    case B::kStringData: return unary(Op::kUnsafeStringData);
    case B::kSizeof:
    case B::kAlignof: {
      // Not constant only in generic code; in a shaped body the shape fixes the value (gc reads
      // it from the dictionary). The operand is not evaluated.
      if (args.size() != 1) return Bad(pos, e, "unsafe.Sizeof arity");
      TypeId at = TypeOf(args[0]);
      if (!at.has_value() || types::MentionsTypeParam(u_, at)) {
        return Bad(pos, e, "unsafe.Sizeof of a type parameter");
      }
      types::Constant c;
      c.kind = types::Constant::Kind::kInt;
      c.re = static_cast<long>(id == B::kSizeof ? types::SizeOf(u_, at) : types::AlignOf(u_, at));
      auto& mu = const_cast<types::Universe&>(u_);  // interning only; see PtrTo
      return Literal(pos, u_.Basic(types::BasicKind::kUintptr), mu.NewConstant(std::move(c)), e);
    }
    default:
      return Bad(pos, e, "non-constant builtin call");
  }
}

NodeId Builder::GoDeferCall(Op why, Pos pos, NodeId call, std::vector<NodeId>& init) {
  {
    Node& c = N(call);
    for (NodeId i : prog_.List(c.init)) init.push_back(i);
    c.init = {};
    if (c.op == Op::kCallFunc && c.x.has_value()) {
      TypeId ft = Core(N(c.x).type);
      if (ft.has_value() && T(ft).kind == TypeKind::kSignature) {
        const types::Type& sig = T(ft);
        size_t np = sig.params.has_value() ? T(sig.params).vars.size() : 0;
        size_t nr = sig.results.has_value() ? T(sig.results).vars.size() : 0;
        if (np + nr == 0 && !sig.recv.has_value()) return call;  // already in normal form
      }
    }
  }
  FuncId outer = st_->fn;
  FuncId wrapper = NewFunc(ClosureName(outer, why), pos, ObjId());
  {
    Func& w = prog_.funcs.Get(wrapper);
    w.outer = outer;
    w.is_go_wrap = why == Op::kGo;
    w.is_defer_wrap = why == Op::kDefer;
    w.dupok = true;
  }
  // Operand slots evaluated at the statement: (node, slot) with slot 0..3 = x..w, 4+i = list[i].
  struct Slot {
    NodeId node;
    uint32_t slot;
  };
  auto get = [&](Slot s) -> NodeId {
    const Node& n = N(s.node);
    switch (s.slot) {
      case 0: return n.x;
      case 1: return n.y;
      case 2: return n.z;
      case 3: return n.w;
      default: return prog_.At(n.list, s.slot - 4);
    }
  };
  auto set = [&](Slot s, NodeId v) {
    Node& n = N(s.node);
    switch (s.slot) {
      case 0: n.x = v; break;
      case 1: n.y = v; break;
      case 2: n.z = v; break;
      case 3: n.w = v; break;
      default: prog_.pool[n.list.begin + s.slot - 4] = v; break;
    }
  };
  std::vector<Slot> argps;
  std::function<void(Slot)> visit = [&](Slot sl) {
    NodeId a = get(sl);
    if (!a.has_value()) return;
    const Node& n = N(a);
    switch (n.op) {
      case Op::kLiteral: case Op::kNil: case Op::kMethExpr: case Op::kNew: case Op::kType:
        return;
      case Op::kName:
        if (!n.var.has_value()) return;  // a declared function (or blank)
        break;
      case Op::kConvNop:
        if (n.x.has_value() && n.type.has_value() && T(Under(n.type)).kind == TypeKind::kBasic &&
            T(Under(n.type)).basic == types::BasicKind::kUintptr && N(n.x).type.has_value() &&
            T(Under(N(n.x).type)).basic == types::BasicKind::kUnsafePointer) {
          visit({a, 0});
          return;
        }
        break;
      case Op::kArrayLit: case Op::kSliceLit: case Op::kStructLit: {
        for (uint32_t i = 0; i < n.list.count; ++i) {
          NodeId el = prog_.At(n.list, i);
          if (N(el).op == Op::kKey) {
            visit({el, 1});
          } else if (N(el).op == Op::kStructKey) {
            visit({el, 0});
          } else {
            visit({a, 4 + i});
          }
        }
        return;
      }
      default:
        break;
    }
    argps.push_back(sl);
  };
  const Node& c = N(call);
  switch (c.op) {
    case Op::kCallFunc:
      visit({call, 0});
      for (uint32_t i = 0; i < c.list.count; ++i) visit({call, 4 + i});
      break;
    case Op::kCallInter:
      argps.push_back({c.x, 0});
      for (uint32_t i = 0; i < c.list.count; ++i) visit({call, 4 + i});
      break;
    case Op::kAppend: case Op::kPrint: case Op::kPrintln: case Op::kRecover:
      for (uint32_t i = 0; i < c.list.count; ++i) visit({call, 4 + i});
      break;
    case Op::kDelete: case Op::kCopy:
      visit({call, 0});
      visit({call, 1});
      break;
    case Op::kClear: case Op::kClose: case Op::kPanic:
      visit({call, 0});
      break;
    default:
      Unknown(pos, "go/defer of this call");
      break;
  }
  if (!argps.empty()) {
    NodeId as = Add(Op::kAs2, pos, TypeId(), SynId());
    std::vector<NodeId> lhs, rhs;
    for (Slot sl : argps) {
      NodeId a = get(sl);
      Op aop = N(a).op;
      bool unique = aop != Op::kName && aop != Op::kLiteral && aop != Op::kNil && aop != Op::kType;
      Pos apos = unique ? N(a).pos : pos;
      VarId tmp = NewTemp(apos, N(a).type);
      NodeId d = Add(Op::kDcl, apos, TypeId(), SynId());
      N(d).var = tmp;
      init.push_back(d);
      V(tmp).defn = as;
      lhs.push_back(NameOfVar(tmp, apos, SynId()));
      rhs.push_back(a);
      // ir.NewClosureVar(pos, wrapperFn, tmp)
      Var cv;
      cv.name = V(tmp).name;
      cv.pos = apos;
      cv.type = V(tmp).type;
      cv.curfn = wrapper;
      cv.outer = tmp;
      cv.is_closure_var = true;
      VarId cvid = prog_.vars.Add(std::move(cv));
      prog_.funcs.Get(wrapper).closure_vars.push_back(cvid);
      set(sl, NameOfVar(cvid, apos, SynId()));
    }
    N(as).list = List(lhs);
    N(as).list2 = List(rhs);
    init.push_back(as);
  }
  NodeId stmt = Add(Op::kExprStmt, N(call).pos, TypeId(), SynId());
  N(stmt).x = call;
  NodeId body = Add(Op::kBlock, pos, TypeId(), SynId());
  N(body).list = List({stmt});
  TypeId fnt;
  {
    auto& mu = const_cast<types::Universe&>(u_);  // interning only; see PtrTo
    types::Type t;
    t.kind = TypeKind::kSignature;
    t.params = mu.NewTuple({});
    t.results = mu.NewTuple({});
    fnt = mu.NewType(std::move(t));
  }
  NodeId clo = Add(Op::kClosure, pos, fnt, SynId());
  N(clo).func = wrapper;
  Func& w = prog_.funcs.Get(wrapper);
  w.body = body;
  w.closure = clo;
  w.is_closure = !w.closure_vars.empty();
  NodeId nc = Add(Op::kCallFunc, N(call).pos, TypeId(), N(call).syntax);
  N(nc).x = clo;
  return nc;
}

}  // namespace escapist::ir
