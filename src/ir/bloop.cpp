// ir/bloop.cpp -- gc's bloop pass (cmd/compile/internal/bloop), run before inlining in a
// package that imports "testing": inside `for b.Loop() { ... }`, every statement's results are
// kept alive so the benchmark's work is not optimized away. A call statement's results are
// assigned to temporaries, its arguments copied to temporaries (named ones kept as they are),
// an assignment's left-hand side kept, each through a compiler-inserted runtime.KeepAlive of
// its address (IsCompilerVarLive: escape analysis discards its argument, the inliner skips it).
// At -m=2 each choice is reported ("function result will be kept alive", "p.x will be kept
// alive", ...).
#include <string>
#include <vector>

#include "ir/build.h"

namespace escapist::ir {

namespace {

using types::ObjId;
using types::TypeId;
using types::TypeKind;

class BLoopEditor {
 public:
  BLoopEditor(Program& prog, const types::Universe& u, int debug_m, DiagnosticSink* diags)
      : prog_(prog), u_(u), debug_m_(debug_m), diags_(diags),
        pkg_path_(u.Pkg(prog.pkg).path) {}

  void Func(FuncId fn) {
    fn_ = fn;
    const ir::Func& f = prog_.funcs.Get(fn);
    if (f.body.has_value()) Edit(f.body, false);
  }

 private:
  void Warn(Pos pos, const std::string& msg) {
    if (debug_m_ > 1 && diags_ != nullptr) diags_->Remark(pos, msg);
  }

  NodeId Add(Op op, Pos pos, TypeId type = TypeId(), NodeId x = NodeId()) {
    ir::Node n;
    n.op = op;
    n.pos = pos;
    n.type = type;
    n.x = x;
    return prog_.Add(std::move(n));
  }

  NodeId NameOf(VarId v, Pos pos) {
    NodeId n = Add(Op::kName, pos, prog_.vars.Get(v).type);
    prog_[n].var = v;
    return n;
  }

  // typecheck.TempAt: `.autotmp_N`, N = the function's declarations so far.
  VarId Temp(Pos pos, TypeId type) {
    ir::Func& f = prog_.funcs.Get(fn_);
    size_t n = f.params.size() + f.results.size() + f.dcl.size();
    ir::Var v;
    v.name = ".autotmp_" + std::to_string(n);
    v.pos = pos;
    v.type = type;
    v.cls = Class::kAuto;
    v.curfn = fn_;
    v.is_temp = true;
    VarId id = prog_.vars.Add(std::move(v));
    prog_.funcs.Get(fn_).dcl.push_back(id);
    return id;
  }

  NodeId Decl(VarId v, Pos pos) {
    NodeId d = Add(Op::kDcl, pos);
    prog_[d].var = v;
    return d;
  }

  void AppendInit(NodeId n, NodeId s) {
    std::vector<NodeId> init = prog_.List(prog_[n].init);
    init.push_back(s);
    IdSpan<NodeId> l = prog_.AddList(init);
    prog_[n].init = l;
  }

  // isTestingBLoop: `for b.Loop()` with b a *testing.B.
  bool IsTestingBLoop(const ir::Node& n) const {
    if (n.op != Op::kFor || !n.x.has_value()) return false;
    const ir::Node& c = prog_[n.x];
    if (c.op != Op::kCallFunc || !c.x.has_value()) return false;
    const ir::Node& f = prog_[c.x];
    if (f.op != Op::kMethExpr || !f.obj.has_value()) return false;
    const types::Object& m = u_.Obj(f.obj);
    if (m.name != "Loop" || !m.ptr_recv || !m.method_of.has_value() || !m.pkg.has_value()) {
      return false;
    }
    return u_.Obj(m.method_of).name == "B" && u_.Pkg(m.pkg).path == "testing";
  }

  // getNameFromNode / getAddressableNameFromNode: the variable under selectors, indexes,
  // slicing, conversions and &.
  VarId AddressableName(NodeId id) const {
    while (id.has_value()) {
      const ir::Node& n = prog_[id];
      switch (n.op) {
        case Op::kName: {
          if (!n.var.has_value()) return VarId();
          Class c = prog_.vars.Get(n.var).cls;
          if (c == Class::kFunc) return VarId();
          return n.var;
        }
        case Op::kSlice: case Op::kSlice3: case Op::kSliceArr: case Op::kSlice3Arr:
        case Op::kSliceStr: case Op::kDot: case Op::kConv: case Op::kConvIface:
        case Op::kConvNop: case Op::kAddr: case Op::kDotPtr: case Op::kIndex:
        case Op::kIndexMap:
          id = n.x;
          break;
        default:
          return VarId();
      }
    }
    return VarId();
  }

  // debugName: the variable's linker name (`p.x`, `p..autotmp_3`).
  void DebugName(VarId v, Pos pos) {
    const ir::Var& var = prog_.vars.Get(v);
    std::string pkg = pkg_path_;
    if (var.obj.has_value() && u_.Obj(var.obj).pkg.has_value()) pkg = u_.Pkg(u_.Obj(var.obj).pkg).path;
    Warn(pos, pkg + "." + var.name + " will be kept alive");
  }

  // A value to keep alive: a variable (kept by its address) or a dereference.
  struct Keep {
    VarId var;
    NodeId deref;
  };

  // getKeepAliveNodes.
  std::vector<Keep> KeepAliveNodes(Pos pos, NodeId n) {
    if (VarId v = AddressableName(n); v.has_value()) {
      DebugName(v, pos);
      return {Keep{v, NodeId()}};
    }
    if (n.has_value() && prog_[n].op == Op::kDeref) {
      Warn(pos, "dereference will be kept alive");
      return {Keep{VarId(), n}};
    }
    Warn(pos, "expr is unknown to bloop pass");
    return {};
  }

  ObjId KeepAliveFunc() {
    if (keep_alive_.has_value()) return keep_alive_;
    auto& mu = const_cast<types::Universe&>(u_);  // interning only (as the builder does)
    types::Object p;
    p.kind = types::ObjKind::kVar;
    p.name = "x";
    p.type = u_.any_type;
    ObjId param = mu.NewObject(std::move(p));
    types::Type sig;
    sig.kind = TypeKind::kSignature;
    sig.params = mu.NewTuple({param});
    sig.results = mu.NewTuple({});
    types::Object f;
    f.kind = types::ObjKind::kFunc;
    f.name = "runtime.KeepAlive";
    f.type = mu.NewType(std::move(sig));
    keep_alive_ = mu.NewObject(std::move(f));
    return keep_alive_;
  }

  // keepAliveAt: `{ cur; runtime.KeepAlive(unsafe.Pointer(&n))... }`.
  NodeId KeepAliveAt(const std::vector<Keep>& ns, NodeId cur) {
    if (ns.empty()) return cur;
    auto& mu = const_cast<types::Universe&>(u_);
    Pos pos = prog_[cur].pos;
    std::vector<NodeId> stmts{cur};
    for (const Keep& k : ns) {
      NodeId addr;
      if (k.var.has_value()) {
        const ir::Var& v = prog_.vars.Get(k.var);
        if (v.name.empty() || v.name == "_") continue;
        prog_.vars.Get(k.var).addrtaken = true;
        addr = Add(Op::kAddr, pos, mu.NewPointer(v.type), NameOf(k.var, pos));
      } else {
        const ir::Node& d = prog_[k.deref];
        addr = Add(Op::kAddr, pos, mu.NewPointer(d.type), k.deref);
      }
      NodeId up = Add(Op::kConvNop, pos, u_.Basic(types::BasicKind::kUnsafePointer), addr);
      NodeId arg = Add(Op::kConvIface, pos, u_.any_type, up);
      prog_[arg].implicit = true;
      ObjId fn = KeepAliveFunc();
      NodeId callee = Add(Op::kName, pos, u_.Obj(fn).type);
      prog_[callee].obj = fn;
      NodeId call = Add(Op::kCallFunc, pos, TypeId(), callee);
      IdSpan<NodeId> args = prog_.AddList({arg});
      prog_[call].list = args;
      prog_[call].var_live = true;
      stmts.push_back(Add(Op::kExprStmt, pos, TypeId(), call));
    }
    NodeId b = Add(Op::kBlock, pos);
    IdSpan<NodeId> l = prog_.AddList(stmts);
    prog_[b].list = l;
    return b;
  }

  std::vector<TypeId> Results(NodeId call) const {
    std::vector<TypeId> out;
    const ir::Node& c = prog_[call];
    if (!c.x.has_value() || !prog_[c.x].type.has_value()) return out;
    TypeId sig = types::Underlying(u_, prog_[c.x].type);
    if (!sig.has_value() || u_.Get(sig).kind != TypeKind::kSignature) return out;
    TypeId res = u_.Get(sig).results;
    if (!res.has_value()) return out;
    for (ObjId r : u_.Get(res).vars) out.push_back(u_.Obj(r).type);
    return out;
  }

  // preserveCallResults: `tmps := call`, the temporaries kept.
  NodeId PreserveCallResults(NodeId stmt, NodeId call, const std::vector<TypeId>& results) {
    Pos pos = prog_[call].pos;
    std::vector<VarId> tmps;
    for (TypeId t : results) tmps.push_back(Temp(pos, t));
    Warn(pos, results.size() > 1 ? "function results will be kept alive"
                                 : "function result will be kept alive");
    std::vector<NodeId> lhs;
    for (VarId t : tmps) lhs.push_back(NameOf(t, pos));
    NodeId as;
    if (tmps.size() == 1) {
      as = Add(Op::kAs, pos, TypeId(), lhs[0]);
      prog_[as].y = call;
    } else {
      as = Add(Op::kAs2Func, pos, TypeId(), call);
      IdSpan<NodeId> l = prog_.AddList(lhs);
      prog_[as].list = l;
    }
    prog_[as].defining = true;
    for (VarId t : tmps) {
      AppendInit(as, Decl(t, pos));
      prog_.vars.Get(t).defn = as;
    }
    // The call's init moves to the statement.
    for (NodeId s : prog_.List(prog_[stmt].init)) AppendInit(as, s);
    std::vector<Keep> ns;
    for (VarId t : tmps) ns.push_back(Keep{t, NodeId()});
    return KeepAliveAt(ns, as);
  }

  // preserveCallArgs: arguments copied to kept temporaries, named ones kept.
  NodeId PreserveCallArgs(NodeId stmt, NodeId call) {
    Pos pos = prog_[call].pos;
    std::vector<NodeId> arg_tmps;
    std::vector<Keep> names;
    auto preserve_tmp = [&](Pos p, NodeId n) {
      VarId tmp = Temp(p, prog_[n].type);
      NodeId as = Add(Op::kAs, p, TypeId(), NameOf(tmp, p));
      prog_[as].y = n;
      prog_[as].defining = true;
      AppendInit(as, Decl(tmp, p));
      prog_.vars.Get(tmp).defn = as;
      arg_tmps.push_back(as);
      names.push_back(Keep{tmp, NodeId()});
      Warn(pos, "function arg will be kept alive");
      return NameOf(tmp, p);
    };
    std::vector<NodeId> args = prog_.List(prog_[call].list);
    for (NodeId& a : args) {
      if (VarId v = AddressableName(a); v.has_value()) {
        DebugName(v, pos);
        names.push_back(Keep{v, NodeId()});
      } else if (prog_[a].op == Op::kSliceLit) {
        std::vector<NodeId> elems = prog_.List(prog_[a].list);
        for (NodeId& e : elems) {
          if (VarId v = AddressableName(e); v.has_value()) {
            DebugName(v, pos);
            names.push_back(Keep{v, NodeId()});
          } else {
            e = preserve_tmp(prog_[e].pos, e);
          }
        }
        IdSpan<NodeId> l = prog_.AddList(elems);
        prog_[a].list = l;
      } else {
        a = preserve_tmp(pos, a);
      }
    }
    IdSpan<NodeId> l = prog_.AddList(args);
    prog_[call].list = l;
    if (!arg_tmps.empty()) {
      arg_tmps.push_back(stmt);
      NodeId b = Add(Op::kBlock, pos);
      IdSpan<NodeId> bl = prog_.AddList(arg_tmps);
      prog_[b].list = bl;
      return KeepAliveAt(names, b);
    }
    return KeepAliveAt(names, stmt);
  }

  bool IsBlank(NodeId n) const {
    if (!n.has_value()) return true;
    const ir::Node& x = prog_[n];
    if (x.op != Op::kName) return false;
    if (x.var.has_value()) return prog_.vars.Get(x.var).name == "_";
    return !x.obj.has_value();
  }

  // preserveStmt.
  NodeId PreserveStmt(NodeId id) {
    const ir::Node n = prog_[id];
    switch (n.op) {
      case Op::kAs: {
        if (IsBlank(n.x) && n.y.has_value()) {
          VarId tmp = Temp(n.pos, prog_[n.y].type);
          prog_[id].x = NameOf(tmp, n.pos);
          prog_[id].defining = true;
          AppendInit(id, Decl(tmp, n.pos));
          prog_.vars.Get(tmp).defn = id;
        }
        return KeepAliveAt(KeepAliveNodes(n.pos, prog_[id].x), id);
      }
      case Op::kAs2: case Op::kAs2Func: case Op::kAs2DotType: case Op::kAs2MapR:
      case Op::kAs2Recv: {
        std::vector<Keep> ns;
        std::vector<NodeId> lhs = prog_.List(n.list);
        std::vector<TypeId> tuple;
        if (n.op == Op::kAs2Func && n.x.has_value()) tuple = Results(n.x);
        bool has_blank = false;
        for (size_t i = 0; i < lhs.size(); ++i) {
          if (IsBlank(lhs[i])) {
            TypeId typ;
            if (n.op == Op::kAs2Func && i < tuple.size()) {
              typ = tuple[i];
            } else if (n.op == Op::kAs2 && i < n.list2.count) {
              typ = prog_[prog_.At(n.list2, i)].type;
            } else if (n.op != Op::kAs2 && n.op != Op::kAs2Func) {
              typ = i == 0 && n.x.has_value() ? prog_[n.x].type : u_.Basic(types::BasicKind::kBool);
            } else {
              Warn(n.pos, "unrecognized shape for assign list stmt for blank assignment");
              continue;
            }
            VarId tmp = Temp(n.pos, typ);
            lhs[i] = NameOf(tmp, n.pos);
            AppendInit(id, Decl(tmp, n.pos));
            prog_.vars.Get(tmp).defn = id;
            has_blank = true;
          }
          for (const Keep& k : KeepAliveNodes(n.pos, lhs[i])) ns.push_back(k);
        }
        IdSpan<NodeId> l = prog_.AddList(lhs);
        prog_[id].list = l;
        if (has_blank) prog_[id].defining = true;
        return KeepAliveAt(ns, id);
      }
      case Op::kAsOp:
        return KeepAliveAt(KeepAliveNodes(n.pos, n.x), id);
      case Op::kExprStmt: {
        if (!n.x.has_value() || prog_[n.x].op != Op::kCallFunc) return id;
        std::vector<TypeId> results = Results(n.x);
        if (!results.empty()) return PreserveCallResults(id, n.x, results);
        return PreserveCallArgs(id, n.x);
      }
      default:
        return id;
    }
  }

  IdSpan<NodeId> PreserveStmts(IdSpan<NodeId> list) {
    std::vector<NodeId> stmts = prog_.List(list);
    for (NodeId& s : stmts) s = PreserveStmt(s);
    return prog_.AddList(stmts);
  }

  // editor.edit: children first, then the statement lists of a bloop's nested statements.
  void Edit(NodeId id, bool in_bloop) {
    if (!id.has_value()) return;
    in_bloop = in_bloop || IsTestingBLoop(prog_[id]);
    const ir::Node n = prog_[id];
    for (NodeId c : prog_.List(n.init)) Edit(c, in_bloop);
    Edit(n.x, in_bloop);
    Edit(n.y, in_bloop);
    Edit(n.z, in_bloop);
    Edit(n.w, in_bloop);
    for (NodeId c : prog_.List(n.list)) Edit(c, in_bloop);
    for (NodeId c : prog_.List(n.list2)) Edit(c, in_bloop);
    if (!in_bloop) return;
    switch (n.op) {
      case Op::kFor:
      case Op::kBlock:
        prog_[id].list = PreserveStmts(prog_[id].list);
        break;
      case Op::kIf:
        prog_[id].list = PreserveStmts(prog_[id].list);
        prog_[id].list2 = PreserveStmts(prog_[id].list2);
        break;
      case Op::kCase:
        prog_[id].list = PreserveStmts(prog_[id].list);
        prog_[id].list2 = PreserveStmts(prog_[id].list2);
        break;
      case Op::kRange:
        prog_[id].list2 = PreserveStmts(prog_[id].list2);
        break;
      default:
        break;
    }
  }

  Program& prog_;
  const types::Universe& u_;
  int debug_m_;
  DiagnosticSink* diags_;
  std::string pkg_path_;
  FuncId fn_;
  ObjId keep_alive_;
};

}  // namespace

void BLoop(Program& prog, const types::Universe& u, int debug_m, DiagnosticSink* diags) {
  if (!prog.pkg.has_value() || prog.pkg.index() >= u.packages.size()) return;
  bool has_testing = false;
  for (types::PkgId p : u.Pkg(prog.pkg).imports) {
    if (p.has_value() && u.Pkg(p).path == "testing") has_testing = true;
  }
  if (!has_testing) return;
  BLoopEditor e(prog, u, debug_m, diags);
  for (FuncId fn : std::vector<FuncId>(prog.target_funcs)) e.Func(fn);
}

}  // namespace escapist::ir
