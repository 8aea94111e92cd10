// ir/build_init.cpp -- package-level variable initializers: the synthetic package `init` function
// (noder/reader.go pkgInitOrder) and what staticinit leaves of it (pkginit.MakeTask running
// staticinit.Schedule.StaticInit on every initialization statement, before escape analysis).
//
// gc reads every initializer, in types2's InitOrder, into the body of a function named "init"
// (IsPackageInit, not a user init: those are init.0, init.1, ...); func literals inside get the
// names "init.func1", "init.func2"... Then staticinit turns into linker data whatever it can:
// constants, addresses of globals, func literals without captured variables, the backing arrays
// of composite literals (their non-constant elements become separate assignments to the static
// data), interface conversions (the conversion itself vanishes; its operand is assigned to the
// interface's static data word). Only what remains dynamic is code that escape analysis sees;
// every store it makes is into a global, i.e. the heap.
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/build.h"
#include "ir/builder.h"
#include "ir/expr.h"

namespace escapist::ir {

namespace {

using syntax::NodeKind;
using types::TypeKind;

// staticinit.Schedule over the statements of the package init function.
class Schedule {
 public:
  Schedule(Program& prog, const types::Universe& u, bool fips) : prog_(prog), u_(u), fips_(fips) {}

  // staticinit.Schedule.StaticInit: appends `n` to Out unless it can be done statically.
  void StaticInit(NodeId n) {
    if (!TryStaticInit(n)) out.push_back(n);
  }

  std::vector<NodeId> out;  // gc's Schedule.Out: the dynamic initialization statements
  // staticinit's statuniqgen so far: the number of `.stmp_N` names made.
  int static_names() const { return statuniqgen_; }

 private:
  Node& N(NodeId n) { return prog_[n]; }
  const types::Universe& U() const { return u_; }
  // The kind of t's underlying type (a type parameter's core type).
  TypeKind KindOf(TypeId t) const {
    if (!t.has_value()) return TypeKind::kInvalid;
    TypeId c = types::Underlying(u_, t);
    if (c.has_value() && u_.Get(c).kind == TypeKind::kTypeParam) {
      TypeId core = types::CoreType(u_, c);
      c = core.has_value() ? types::Underlying(u_, core) : core;
    }
    return c.has_value() ? u_.Get(c).kind : TypeKind::kInvalid;
  }
  NodeId AddNode(Op op, Pos pos, TypeId type) {
    Node n;
    n.op = op;
    n.pos = pos;
    n.type = type;
    return prog_.Add(std::move(n));
  }
  NodeId NameOf(VarId v, Pos pos) {
    NodeId n = AddNode(Op::kName, pos, prog_.vars.Get(v).type);
    N(n).var = v;
    return n;
  }

  // ir.IsBlank of an assignment destination: `_` (a Name without variable and object) or a
  // package-level variable named `_`.
  bool IsBlank(NodeId n) {
    const Node& x = N(n);
    if (x.op != Op::kName) return false;
    if (!x.var.has_value()) return !x.obj.has_value();
    return prog_.vars.Get(x.var).name == "_";
  }

  // staticinit.tryStaticInit.
  bool TryStaticInit(NodeId n) {
    const Node& s = N(n);
    if (s.op != Op::kAs) {
      // OAS2 (conversions after a multi-value call, through temporaries) and OAS2FUNC,
      // OAS2DOTTYPE, OAS2MAPR, OAS2RECV: always executed (their right sides have effects).
      if (!seen_mutation_) {
        for (NodeId r : prog_.List(s.list2)) seen_mutation_ = seen_mutation_ || MayModifyPkgVar(r);
        if (s.x.has_value()) seen_mutation_ = seen_mutation_ || MayModifyPkgVar(s.x);
      }
      return false;
    }
    NodeId lhs = s.x, rhs = s.y;
    if (!seen_mutation_ && rhs.has_value()) seen_mutation_ = MayModifyPkgVar(rhs);
    if (!lhs.has_value() || !rhs.has_value()) return true;
    if (IsBlank(lhs) && !AnySideEffects(rhs)) return true;  // discard
    VarId l = N(lhs).op == Op::kName ? N(lhs).var : VarId();
    if (!l.has_value() && !IsBlank(lhs)) return false;
    return StaticAssign(l, rhs);
  }

  // staticinit.Schedule.StaticAssign: whether `l = r` can be done at link time; the parts of r
  // that cannot are appended to `out` as assignments to (a piece of) l or of a static temporary.
  // l none: the blank identifier.
  bool StaticAssign(VarId l, NodeId r) {
    if (!r.has_value()) return true;
    while (N(r).op == Op::kConvNop && N(r).x.has_value()) r = N(r).x;
    const Node& n = N(r);
    switch (n.op) {
      case Op::kName:
      case Op::kMethExpr:
        return !fips_ && StaticCopy(r);
      case Op::kNil:
        return true;
      case Op::kLiteral:
        return !(fips_ && IsString(n.type));
      case Op::kAddr:
        // &global, &global.f, &global[const]; not a local (e.g. the temporary of new(expr)).
        return !fips_ && StaticLocIsGlobal(n.x);
      case Op::kPtrLit: {
        if (fips_ || !n.x.has_value()) return false;
        Op xop = N(n.x).op;
        if (xop != Op::kArrayLit && xop != Op::kSliceLit && xop != Op::kMapLit &&
            xop != Op::kStructLit) {
          return false;
        }
        Assign(StaticName(N(n.x).type, n.pos), n.x, n.pos);
        return true;
      }
      case Op::kStr2Bytes:
        if (fips_) return false;
        return IsGlobal(l) && n.x.has_value() && N(n.x).op == Op::kLiteral;
      case Op::kSliceLit:
      case Op::kArrayLit:
      case Op::kStructLit: {
        if (n.op == Op::kSliceLit) {
          if (fips_) return false;
          l = StaticName(n.type, n.pos);  // the backing array (typed as the slice here)
        }
        std::vector<NodeId> plan;
        InitPlan(r, plan);
        for (NodeId e : plan) {
          Op eop = N(e).op;
          if ((eop == Op::kLiteral && !fips_) || eop == Op::kNil) continue;
          Assign(l, e, N(e).pos);
        }
        return true;
      }
      case Op::kMapLit:
        return false;
      case Op::kClosure:
        // Closures without captured variables are globals.
        return !fips_ && n.func.has_value() && !prog_.funcs.Get(n.func).is_closure;
      case Op::kConvIface: {
        if (fips_) return false;
        NodeId val = r;
        while (N(val).op == Op::kConvIface && N(val).x.has_value()) val = N(val).x;
        TypeId vt = N(val).type;
        if (!vt.has_value() || types::IsInterface(U(), vt)) return N(val).op == Op::kNil;
        if (types::IsDirectIface(U(), vt)) {
          if (N(val).op == Op::kNil) return true;
          Assign(l, val, N(val).pos);  // the data word of l
        } else {
          Assign(StaticName(vt, N(val).pos), val, N(val).pos);
        }
        return true;
      }
      case Op::kInlCall:
        return !fips_ && StaticAssignInlinedCall(l, r);
      default:
        return false;
    }
  }

  // staticinit.Schedule.staticAssignInlinedCall: an inlined call whose body is a single return
  // (`var E = errors.New("x")`) is static if its return value, with the arguments put in for
  // the parameters, is: the arguments have no side effects, the parameters are not
  // address-taken, each is used at most once or its argument can be repeated, and no closure
  // captures them.
  bool StaticAssignInlinedCall(VarId l, NodeId call) {
    const Node& c = N(call);
    // init: the parameters' defining OAS2 only (gc's OAS2 and OINLMARK).
    std::vector<NodeId> init = prog_.List(c.init);
    if (init.size() != 1 || N(init[0]).op != Op::kAs2) return false;
    NodeId as2init = init[0];
    // body: { DCL ~R0; ~R0 = v (OAS2); goto L }; L:
    std::vector<NodeId> body = prog_.List(c.list);
    if (body.size() != 2 || N(body[0]).op != Op::kBlock || N(body[1]).op != Op::kLabel) {
      return false;
    }
    const std::string& label = N(body[1]).label;
    std::vector<NodeId> list = prog_.List(N(body[0]).list);
    if (list.size() != 3 || N(list[0]).op != Op::kDcl || N(list[1]).op != Op::kAs2 ||
        N(list[2]).op != Op::kGoto || N(list[2]).label != label) {
      return false;
    }
    const Node& as2body = N(list[1]);
    if (as2body.list.count != 1 || as2body.list2.count != 1) return false;
    NodeId lhs0 = prog_.At(as2body.list, 0);
    if (N(lhs0).op != Op::kName || N(lhs0).var != N(list[0]).var) return false;
    NodeId ret = prog_.At(as2body.list2, 0);

    std::vector<NodeId> params = prog_.List(N(as2init).list);
    std::vector<NodeId> args = prog_.List(N(as2init).list2);
    if (params.size() != args.size()) return false;
    for (NodeId p : params) {
      if (N(p).var.has_value() && prog_.vars.Get(N(p).var).addrtaken) return false;
    }
    for (NodeId a : args) {
      if (AnySideEffects(a)) return false;
    }
    std::unordered_map<uint32_t, int> count;
    for (NodeId p : params) {
      if (N(p).var.has_value()) count[N(p).var.index()] = 0;
    }
    bool has_closure = false;
    Any(ret, [&](NodeId id) {
      const Node& x = N(id);
      if (x.op == Op::kName && x.var.has_value()) {
        auto it = count.find(x.var.index());
        if (it != count.end()) ++it->second;
      }
      if (x.op == Op::kClosure && x.func.has_value() && prog_.funcs.Get(x.func).is_closure) {
        has_closure = true;
      }
      return false;
    });
    if (has_closure) return false;
    std::unordered_map<uint32_t, NodeId> subst;
    for (size_t i = 0; i < params.size(); ++i) {
      VarId v = N(params[i]).var;
      if (!v.has_value() || prog_.vars.Get(v).name == "_") continue;
      if (count[v.index()] > 1 && !CanRepeat(args[i])) return false;
      subst[v.index()] = args[i];
    }
    bool valid = true;
    NodeId r = Subst(ret, subst, valid);
    return valid && StaticAssign(l, r);
  }

  // staticinit.canRepeat: evaluating n twice gives the same value.
  bool CanRepeat(NodeId n) {
    return !Any(n, [&](NodeId id) {
      if (IsSideEffect(id)) return true;
      switch (N(id).op) {
        case Op::kMakeChan: case Op::kMakeMap: case Op::kMakeSlice: case Op::kMapLit:
        case Op::kNew: case Op::kPtrLit: case Op::kSliceLit: case Op::kStr2Bytes:
        case Op::kStr2Runes:
          return true;
        default:
          return false;
      }
    });
  }

  // staticinit.subst: a copy of n with the arguments in `m` (by parameter) put in for the
  // parameters; a constant conversion or concatenation of constants becomes a constant (gc
  // folds them; only whether the result is a constant matters here, so the value is the
  // operand's). Not checked: gc's truncate rejects (valid = false) a constant that does not fit
  // the converted-to type.
  NodeId Subst(NodeId id, const std::unordered_map<uint32_t, NodeId>& m, bool& valid,
               int depth = 0) {
    if (!id.has_value() || depth > 10000) return id;
    const Node& x = N(id);
    switch (x.op) {
      case Op::kName:
        if (x.var.has_value()) {
          auto it = m.find(x.var.index());
          if (it != m.end()) return DeepCopy(it->second, depth);
        }
        return id;
      case Op::kLiteral: case Op::kNil: case Op::kType:
        return id;
      default:
        break;
    }
    Node n = x;
    n.init = SubstList(x.init, m, valid, depth);
    n.x = Subst(x.x, m, valid, depth + 1);
    n.y = Subst(x.y, m, valid, depth + 1);
    n.z = Subst(x.z, m, valid, depth + 1);
    n.w = Subst(x.w, m, valid, depth + 1);
    n.list = SubstList(x.list, m, valid, depth);
    n.list2 = SubstList(x.list2, m, valid, depth);
    if (n.op == Op::kConv && n.x.has_value() && N(n.x).op == Op::kLiteral) {
      n.op = Op::kLiteral;  // truncate: the constant, converted
      n.value = N(n.x).value;
      n.x = NodeId();
    } else if (n.op == Op::kAddStr) {
      bool all = n.list.count > 0;
      for (uint32_t i = 0; i < n.list.count; ++i) {
        all = all && N(prog_.At(n.list, i)).op == Op::kLiteral;
      }
      if (all) {  // addStr: one constant
        n.op = Op::kLiteral;
        n.value = N(prog_.At(n.list, 0)).value;
        n.list = IdSpan<NodeId>{};
      }
    }
    return prog_.Add(std::move(n));
  }

  IdSpan<NodeId> SubstList(IdSpan<NodeId> l, const std::unordered_map<uint32_t, NodeId>& m,
                           bool& valid, int depth) {
    if (l.count == 0) return l;
    std::vector<NodeId> out;
    for (uint32_t i = 0; i < l.count; ++i) out.push_back(Subst(prog_.At(l, i), m, valid, depth + 1));
    return prog_.AddList(out);
  }

  // ir.DeepCopy of an argument.
  NodeId DeepCopy(NodeId id, int depth) {
    std::unordered_map<uint32_t, NodeId> none;
    bool valid = true;
    const Node& x = N(id);
    if (x.op == Op::kName || x.op == Op::kLiteral || x.op == Op::kNil || x.op == Op::kType) {
      Node n = x;
      return prog_.Add(std::move(n));
    }
    return Subst(id, none, valid, depth + 1);
  }

  // The closure `assign` of StaticAssign: a part that is not static becomes `a = v` (a store
  // into a's static data; `_ = v` for the blank identifier).
  void Assign(VarId a, NodeId v, Pos pos) {
    if (StaticAssign(a, v)) return;
    NodeId as = AddNode(Op::kAs, pos, TypeId());
    if (a.has_value()) {
      NodeId x = NameOf(a, pos);
      N(x).type = N(v).type;  // gc's NameOffsetExpr has the piece's type
      N(as).x = x;
    } else {
      N(as).x = AddNode(Op::kName, pos, TypeId());  // blank
    }
    N(as).y = v;
    out.push_back(as);
  }

  // staticinit.Schedule.staticcopy, reduced to its verdict: copying another initialized global
  // of this package is static when that global's initializer is; the copies it would append
  // for non-constant elements store globals into globals and are left out.
  bool StaticCopy(NodeId r) {
    for (int guard = 0; guard < 100; ++guard) {
      const Node& n = N(r);
      if (n.op == Op::kMethExpr) return true;
      if (n.op != Op::kName) return false;
      if (!n.var.has_value()) return n.obj.has_value();  // a declared function (PFUNC)
      const Var& v = prog_.vars.Get(n.var);
      if (v.cls != Class::kExtern || !v.obj.has_value() || U().Obj(v.obj).pkg != prog_.pkg) return false;
      if (!v.defn.has_value() || N(v.defn).op != Op::kAs) return false;
      if (IsString(v.type) || seen_mutation_) return false;
      NodeId y = N(v.defn).y;
      if (!y.has_value()) return false;
      while (N(y).op == Op::kConvNop && N(y).x.has_value() &&
             !types::Identical(U(), N(y).type, v.type)) {
        y = N(y).x;
      }
      switch (N(y).op) {
        case Op::kName:
        case Op::kMethExpr:
          r = y;  // a failed copy of a copy is an assignment of the name: still no code of note
          if (N(y).op == Op::kName && N(y).var.has_value() &&
              prog_.vars.Get(N(y).var).cls != Class::kExtern) {
            return false;
          }
          return true;
        case Op::kNil: case Op::kLiteral: case Op::kSliceLit: case Op::kArrayLit:
        case Op::kStructLit:
          return true;
        case Op::kAddr:
          return N(y).x.has_value() && N(N(y).x).op == Op::kName && N(N(y).x).var.has_value() &&
                 prog_.vars.Get(N(N(y).x).var).cls == Class::kExtern;
        case Op::kPtrLit:
          return true;
        default:
          return false;
      }
    }
    return false;
  }

  // staticinit.StaticLoc with a global at its root.
  bool StaticLocIsGlobal(NodeId x) {
    for (int guard = 0; guard < 10000 && x.has_value(); ++guard) {
      const Node& n = N(x);
      switch (n.op) {
        case Op::kName:
          if (n.var.has_value()) return prog_.vars.Get(n.var).cls == Class::kExtern;
          return n.obj.has_value();  // a function: not PEXTERN
        case Op::kDot:
          x = n.x;
          continue;
        case Op::kIndex: {
          if (!n.x.has_value() || KindOf(N(n.x).type) != TypeKind::kArray) return false;
          if (!n.y.has_value() || N(n.y).op != Op::kLiteral) return false;
          x = n.x;
          continue;
        }
        default:
          return false;
      }
    }
    return false;
  }

  bool IsGlobal(VarId l) {
    return l.has_value() && prog_.vars.Get(l).cls == Class::kExtern;
  }

  bool IsString(TypeId t) const {
    if (!t.has_value()) return false;
    TypeId ut = types::Underlying(U(), t);
    return ut.has_value() && U().Get(ut).kind == TypeKind::kBasic &&
           (U().Get(ut).basic == types::BasicKind::kString ||
            U().Get(ut).basic == types::BasicKind::kUntypedString);
  }

  // staticinit.StaticName: a new static temporary `.stmp_N`, a package-level variable.
  VarId StaticName(TypeId t, Pos pos) {
    Var v;
    v.name = ".stmp_" + std::to_string(statuniqgen_++);
    v.pos = pos;
    v.type = t;
    v.cls = Class::kExtern;
    return prog_.vars.Add(std::move(v));
  }

  bool IsZero(NodeId id) { return ir::IsZero(prog_, u_, id); }

  // staticinit.Schedule.initplan + addvalue: the non-zero elements of an array, slice or struct
  // literal, nested array and struct literals flattened (offsets are not needed here).
  void InitPlan(NodeId lit, std::vector<NodeId>& plan, int depth = 0) {
    const Node& n = N(lit);
    for (NodeId e : prog_.List(n.list)) {
      NodeId v = e;
      if (n.op == Op::kStructLit) {
        if (N(e).op != Op::kStructKey) continue;
        if (N(e).obj.has_value() && U().Obj(N(e).obj).name == "_") continue;
        v = N(e).x;
      } else if (N(e).op == Op::kKey) {
        v = N(e).y;
      }
      if (!v.has_value() || IsZero(v)) continue;
      Op vop = N(v).op;
      if ((vop == Op::kArrayLit || vop == Op::kStructLit) && depth < 1000) {
        InitPlan(v, plan, depth + 1);
        continue;
      }
      plan.push_back(v);
    }
  }

  // Visits n and its operands (not the bodies of func literals), as ir.Any does.
  template <typename F>
  bool Any(NodeId id, F&& pred, int depth = 0) {
    if (!id.has_value() || depth > 10000) return false;
    if (pred(id)) return true;
    const Node n = N(id);
    for (NodeId c : {n.x, n.y, n.z, n.w}) {
      if (Any(c, pred, depth + 1)) return true;
    }
    for (IdSpan<NodeId> span : {n.list, n.list2, n.init}) {
      for (uint32_t i = 0; i < span.count; ++i) {
        if (Any(prog_.At(span, i), pred, depth + 1)) return true;
      }
    }
    return false;
  }

  // staticinit.isSideEffect.
  bool IsSideEffect(NodeId id) {
    const Node& n = N(id);
    switch (n.op) {
      case Op::kName: case Op::kType: case Op::kLiteral: case Op::kNil: case Op::kAddStr:
      case Op::kAddr: case Op::kAndAnd: case Op::kOrOr: case Op::kBytes2Str: case Op::kRunes2Str:
      case Op::kStr2Bytes: case Op::kStr2Runes: case Op::kCap: case Op::kMapLit:
      case Op::kStructLit: case Op::kArrayLit: case Op::kSliceLit: case Op::kPtrLit:
      case Op::kConv: case Op::kConvIface: case Op::kConvNop: case Op::kDot: case Op::kKey:
      case Op::kStructKey: case Op::kLen: case Op::kNew: case Op::kUnary: case Op::kRuneStr:
      case Op::kReal: case Op::kImag: case Op::kComplex:
        return false;
      case Op::kBinary:
        if (n.tok == syntax::Token::kDiv || n.tok == syntax::Token::kRem) {
          // Only division by zero.
          if (!n.y.has_value() || N(n.y).op != Op::kLiteral || IsZero(n.y)) return true;
        }
        return false;
      case Op::kMakeChan:
      case Op::kMakeMap:
        // Only a panic on an invalid size; none for the (implicit) size 0.
        return n.x.has_value() && !(N(n.x).op == Op::kLiteral && IsZero(n.x));
      default:
        return true;
    }
  }

  // staticinit.AnySideEffects.
  bool AnySideEffects(NodeId n) {
    return Any(n, [&](NodeId x) { return IsSideEffect(x); });
  }

  // staticinit.mayModifyPkgVar: calls, append/clear/copy, and stores into this package's
  // globals.
  bool MayModifyPkgVar(NodeId n) {
    auto unsafe_lhs = [&](NodeId lhs) {
      for (int guard = 0; guard < 10000 && lhs.has_value(); ++guard) {
        const Node& x = N(lhs);
        if (x.op == Op::kDot || x.op == Op::kDeref ||
            (x.op == Op::kIndex && x.x.has_value() && KindOf(N(x.x).type) == TypeKind::kArray)) {
          lhs = x.x;
          continue;
        }
        if (x.op != Op::kName) return true;
        if (!x.var.has_value()) return false;
        const Var& v = prog_.vars.Get(x.var);
        return v.cls == Class::kExtern && (!v.obj.has_value() || U().Obj(v.obj).pkg == prog_.pkg);
      }
      return true;
    };
    return Any(n, [&](NodeId id) {
      const Node& x = N(id);
      switch (x.op) {
        case Op::kCallFunc: case Op::kCallInter: case Op::kAppend: case Op::kClear:
        case Op::kCopy:
          return true;
        case Op::kAs: case Op::kAsOp:
          return unsafe_lhs(x.x);
        case Op::kAs2: case Op::kAs2Func: case Op::kAs2DotType: case Op::kAs2MapR:
        case Op::kAs2Recv:
          for (NodeId l : prog_.List(x.list)) {
            if (unsafe_lhs(l)) return true;
          }
          return false;
        default:
          return false;
      }
    });
  }

  Program& prog_;
  const types::Universe& u_;
  bool fips_;
  bool seen_mutation_ = false;
  int statuniqgen_ = 0;
};

}  // namespace

void Builder::PackageInit() {
  // types2 Info.InitOrder: one initializer per variable with a value, one for all the names of
  // `var a, b = f()`.
  struct Initializer {
    std::vector<ObjId> lhs;
    std::vector<SynId> names;
    SynId rhs;
    SynId spec;
  };
  std::vector<Initializer> inits;
  std::unordered_map<uint32_t, bool> multi_done;
  for (ObjId obj : info_.package_vars) {
    const types::Object& o = O(obj);
    if (o.kind != types::ObjKind::kVar || !o.decl.has_value() || o.decl_pkg != pkg_) continue;
    const syntax::Node& spec = S(o.decl);
    if (spec.kind != NodeKind::kVarSpec || spec.list2.empty()) continue;
    std::vector<SynId> names = SList(spec.list);
    std::vector<SynId> values = SList(spec.list2);
    size_t i = 0;
    while (i < names.size() && DefOf(names[i]) != obj) ++i;
    if (i == names.size()) continue;
    Initializer in;
    in.spec = o.decl;
    if (values.size() == 1 && names.size() > 1) {
      if (multi_done[o.decl.index()]) continue;
      multi_done[o.decl.index()] = true;
      for (SynId n : names) {
        in.names.push_back(n);
        in.lhs.push_back(DefOf(n));
      }
      in.rhs = values[0];
    } else {
      if (i >= values.size()) continue;
      in.names = {names[i]};
      in.lhs = {obj};
      in.rhs = values[i];
    }
    inits.push_back(std::move(in));
  }
  if (inits.empty()) return;

  // reader.pkgInitOrder: the synthetic init function, at <autogenerated>:1.
  FuncId fn = NewFunc("init", Pos(), ObjId());
  prog_.funcs.Get(fn).is_package_init = true;
  FnState st;
  st.fn = fn;
  FnState* saved = st_;
  st_ = &st;
  std::vector<NodeId> stmts;
  for (const Initializer& in : inits) {
    Pos pos = S(in.names[0]).pos;
    std::vector<NodeId> lhs;
    std::vector<TypeId> dsts;
    for (size_t k = 0; k < in.lhs.size(); ++k) {
      ObjId obj = in.lhs[k];
      if (!obj.has_value()) {
        lhs.push_back(Add(Op::kName, S(in.names[k]).pos, TypeId(), in.names[k]));
        dsts.push_back(TypeId());
        continue;
      }
      VarId v = GlobalVar(obj);
      lhs.push_back(NameOfVar(v, S(in.names[k]).pos, in.names[k]));
      dsts.push_back(V(v).type);
    }
    std::vector<NodeId> rhs = MultiExpr(pos, {in.rhs}, dsts, in.spec);
    NodeId as;
    if (lhs.size() == 1 && rhs.size() == 1) {
      as = Add(Op::kAs, pos, TypeId(), in.spec);
      N(as).x = lhs[0];
      N(as).y = rhs[0];
    } else {
      as = Add(Op::kAs2, pos, TypeId(), in.spec);
      N(as).list = List(lhs);
      N(as).list2 = List(rhs);
    }
    for (NodeId l : lhs) {
      if (N(l).var.has_value()) V(N(l).var).defn = as;
    }
    stmts.push_back(as);
  }
  st_ = saved;
  // The initializers as read; StaticInit (pkginit.MakeTask) keeps only what must run, after
  // inlining as gc does.
  NodeId body = Add(Op::kBlock, Pos(), TypeId(), SynId());
  N(body).list = List(stmts);
  prog_.funcs.Get(fn).body = body;
}

void StaticInit(Program& prog, const types::Universe& u) {
  FuncId fn;
  for (FuncId f : prog.target_funcs) {
    if (prog.funcs.Get(f).is_package_init) fn = f;
  }
  if (!fn.has_value() || !prog.funcs.Get(fn).body.has_value()) return;
  // obj.Link.IsFIPS disables every static address (crypto/internal/fips140/... outside their
  // _test packages).
  const std::string& path = u.Pkg(prog.pkg).path;
  auto has_suffix = [](const std::string& s, const std::string& suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  bool fips = !has_suffix(path, "_test") &&
              (path == "crypto/internal/fips140" || path.rfind("crypto/internal/fips140/", 0) == 0);
  Schedule s(prog, u, fips);
  NodeId body = prog.funcs.Get(fn).body;
  for (NodeId n : prog.List(prog[body].list)) s.StaticInit(n);
  prog.static_names = s.static_names();
  prog.init_source = prog[body].list;
  prog[body].list = prog.AddList(s.out);
}

}  // namespace escapist::ir
