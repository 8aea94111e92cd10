// ir/build.cpp -- IR construction entry point: declared functions and methods, their parameters,
// local and package-level variables, temporaries, func literals and closure naming (gc's
// noder/reader.go funcBody/funcLit/funcargs, ir/func.go closureName, typecheck.TempAt).
#include <algorithm>

#include "ir/build.h"
#include "ir/builder.h"

namespace escapist::ir {

Builder::Builder(const types::Universe& u, types::PkgId pkg, DiagnosticSink& diags, Program& prog,
                 BuildContext& ctx)
    : u_(u),
      pkg_(pkg),
      p_(u.Pkg(pkg)),
      ast_(u.Pkg(pkg).ast),
      info_(u.Pkg(pkg).info),
      diags_(diags),
      prog_(prog),
      ctx_(ctx) {}

void Builder::Unknown(Pos pos, const std::string& what) { diags_.Remark(pos, "unknown: " + what); }

FuncId Builder::NewFunc(std::string name, Pos pos, ObjId obj) {
  Func f;
  f.name = std::move(name);
  f.pkg_path = p_.path;
  f.pos = pos;
  f.obj = obj;
  FuncId id = prog_.funcs.Add(std::move(f));
  prog_.target_funcs.push_back(id);
  return id;
}

namespace {

// Whether the declared function or method is generic (its own type parameters, or a receiver
// of a generic type): gc analyzes only shaped instantiations of those.
bool IsGeneric(const types::Universe& u, const syntax::Ast& ast, ObjId fn) {
  const types::Object& o = u.Obj(fn);
  if (o.decl.has_value() && !ast[o.decl].list.empty()) return true;
  if (o.type.has_value()) {
    const types::Type& sig = u.Get(o.type);
    if (!sig.type_params.empty()) return true;
  }
  if (o.method_of.has_value()) {
    const types::Object& tn = u.Obj(o.method_of);
    if (tn.type.has_value() && u.Get(tn.type).kind == types::TypeKind::kNamed &&
        !u.Get(tn.type).named_tparams.empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace

void Builder::Run() {
  prog_.pkg = pkg_;
  // noder/unified.go: declared functions and methods enter Target.Funcs in source order; their
  // bodies are read afterwards, popping from the end of todoBodies (readBodies), and every func
  // literal is appended to Target.Funcs when its body is read.
  struct Pending {
    FuncId fn;
    ObjId obj;
  };
  std::vector<Pending> pending;
  int init_count = 0;
  // reader.pkgInit: the initializers are read (into init) before the declarations.
  PackageInit();
  for (ObjId obj : info_.funcs) {
    const types::Object& o = O(obj);
    if (IsGeneric(u_, ast_, obj)) continue;  // only its shaped instances are compiled
    std::string name = o.name;
    Pos pos = o.pos;
    if (o.method_of.has_value()) {
      const std::string& recv = O(o.method_of).name;
      name = o.ptr_recv ? "(*" + recv + ")." + o.name : recv + "." + o.name;
      if (o.decl.has_value() && S(o.decl).pos2.known()) pos = S(o.decl).pos2;
    } else if (name == "init") {
      // noder.Renameinit: user init functions become init.0, init.1, ...
      name = "init." + std::to_string(init_count++);
    }
    FuncId fn = NewFunc(name, pos, obj);
    Func& f = prog_.funcs.Get(fn);
    f.pragmas = o.pragmas;
    if (o.decl.has_value()) f.pragmas |= S(o.decl).aux;
    pending.push_back({fn, obj});
  }
  for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
    const types::Object& o = O(it->obj);
    FnState st;
    st.fn = it->fn;
    st_ = &st;
    DeclareParams(st, o.type);
    if (o.decl.has_value() && S(o.decl).w.has_value()) {
      NodeId body = Block(S(o.decl).w);
      prog_.funcs.Get(it->fn).body = body;
    }
    st_ = nullptr;
  }
}

void Builder::DeclareParams(FnState& st, TypeId sig_id) {
  Func& f = prog_.funcs.Get(st.fn);
  if (!sig_id.has_value() || T(sig_id).kind != types::TypeKind::kSignature) return;
  const types::Type& sig = T(sig_id);
  auto declare = [&](ObjId obj, Class cls, int result_index) {
    const types::Object& o = O(obj);
    Var v;
    v.name = o.name;
    if (result_index >= 0 && (v.name.empty() || v.name == "_")) {
      v.name = "~r" + std::to_string(result_index);
    }
    v.pos = o.pos;
    v.type = Sub(o.type);
    v.cls = cls;
    v.curfn = st.fn;
    v.obj = obj;
    VarId id = prog_.vars.Add(std::move(v));
    if (!o.name.empty() && o.name != "_") st.vars[obj.index()] = id;
    return id;
  };
  if (sig.recv.has_value()) f.params.push_back(declare(sig.recv, Class::kParam, -1));
  if (sig.params.has_value()) {
    for (ObjId p : T(sig.params).vars) f.params.push_back(declare(p, Class::kParam, -1));
  }
  if (sig.results.has_value()) {
    const auto& rs = T(sig.results).vars;
    for (size_t i = 0; i < rs.size(); ++i) {
      f.results.push_back(declare(rs[i], Class::kParamOut, static_cast<int>(i)));
    }
  }
}

VarId Builder::NewLocal(const std::string& name, Pos pos, TypeId type, ObjId obj) {
  Var v;
  v.name = name;
  v.pos = pos;
  v.type = Sub(type);
  v.cls = Class::kAuto;
  v.curfn = st_->fn;
  v.obj = obj;
  VarId id = prog_.vars.Add(std::move(v));
  F().dcl.push_back(id);
  if (obj.has_value()) st_->vars[obj.index()] = id;
  return id;
}

VarId Builder::DeclareLocal(ObjId obj) {
  const types::Object& o = O(obj);
  return NewLocal(o.name, o.pos, o.type, obj);
}

VarId Builder::NewTemp(Pos pos, TypeId type) {
  const Func& f = F();
  size_t n = f.params.size() + f.results.size() + f.dcl.size();
  VarId v = NewLocal(".autotmp_" + std::to_string(n), pos, type, ObjId());
  V(v).is_temp = true;
  return v;
}

VarId Builder::GlobalVar(ObjId obj) {
  auto it = ctx_.globals.find(obj.index());
  if (it != ctx_.globals.end()) return it->second;
  const types::Object& o = O(obj);
  Var v;
  v.name = o.name;
  v.pos = o.pos;
  v.type = o.type;
  v.cls = Class::kExtern;
  v.obj = obj;
  VarId id = prog_.vars.Add(std::move(v));
  ctx_.globals[obj.index()] = id;
  return id;
}

namespace {

VarId LookupIn(Builder& b, FnState* st, ObjId obj, Pos pos) {
  auto it = st->vars.find(obj.index());
  if (it != st->vars.end()) return it->second;
  const types::Object& o = b.O(obj);
  if (st->parent == nullptr) {
    // Not declared where expected (erroneous input): a fresh local keeps us going.
    Var v;
    v.name = o.name;
    v.pos = o.pos;
    v.type = b.Sub(o.type);
    v.curfn = st->fn;
    v.obj = obj;
    VarId id = b.prog_.vars.Add(std::move(v));
    b.prog_.funcs.Get(st->fn).dcl.push_back(id);
    st->vars[obj.index()] = id;
    return id;
  }
  VarId outer = LookupIn(b, st->parent, obj, pos);
  // ir.NewClosureVar: a Name of the closure whose Outer is the enclosing function's variable.
  Var v;
  v.name = o.name;
  v.pos = pos;
  v.type = b.Sub(o.type);
  v.cls = Class::kAuto;
  v.curfn = st->fn;
  v.obj = obj;
  v.outer = outer;
  v.is_closure_var = true;
  VarId id = b.prog_.vars.Add(std::move(v));
  b.prog_.funcs.Get(st->fn).closure_vars.push_back(id);
  st->vars[obj.index()] = id;
  return id;
}

}  // namespace

VarId Builder::LookupVar(ObjId obj, Pos use_pos) {
  const types::Object& o = O(obj);
  if (o.var_kind == types::VarKind::kPackage) return GlobalVar(obj);
  return LookupIn(*this, st_, obj, use_pos);
}

std::string Builder::ClosureName(FuncId outer_id, Op why) {
  Func& outer = prog_.funcs.Get(outer_id);
  std::string suffix = ".";
  int gen = 0;
  switch (why) {
    case Op::kGo:
      suffix = ".gowrap";
      gen = ++st_->godefer_count;
      break;
    case Op::kDefer:
      suffix = ".deferwrap";
      gen = ++st_->godefer_count;
      break;
    default:
      if (!outer.closure.has_value()) suffix = ".func";
      gen = ++outer.closure_count;
      break;
  }
  if (outer.name == "_") {
    // Several functions may be named "_": gc numbers their closures globally.
    static int glob_gen = 0;
    return "glob." + suffix + std::to_string(++glob_gen);
  }
  return outer.name + suffix + std::to_string(gen);
}

NodeId Builder::FuncLit(SynId lit) {
  TypeId raw_sig = info_.types.Get(lit).type;  // params are declared from the checker's objects
  TypeId sig = TypeOf(lit);
  Pos pos = S(lit).pos;
  FuncId outer = st_->fn;
  std::string name = ClosureName(outer, Op::kClosure);
  FuncId fn = NewFunc(name, pos, ObjId());
  NodeId clo = Add(Op::kClosure, pos, sig, lit);
  N(clo).func = fn;
  {
    Func& f = prog_.funcs.Get(fn);
    f.outer = outer;
    f.closure = clo;
    f.dupok = prog_.funcs.Get(outer).dupok;
  }
  FnState st;
  st.fn = fn;
  st.parent = st_;
  FnState* saved = st_;
  st_ = &st;
  DeclareParams(st, raw_sig);
  if (S(lit).y.has_value()) {
    NodeId body = Block(S(lit).y);
    prog_.funcs.Get(fn).body = body;
  }
  st_ = saved;
  Func& f = prog_.funcs.Get(fn);
  f.is_closure = !f.closure_vars.empty();
  return clo;
}

Program Build(const types::Universe& u, types::PkgId pkg, DiagnosticSink& diags,
              bool for_capture) {
  Program prog;
  prog.pkg = pkg;
  if (!pkg.has_value() || pkg.index() >= u.packages.size()) return prog;
  BuildContext ctx;
  Builder b(u, pkg, diags, prog, ctx);
  b.Run();
  BuildInstances(u, diags, prog, ctx, b);
  if (for_capture) {
    ForCapture(prog, u);
    StaticInit(prog, u);
  }
  return prog;
}

void ForCapture(Program& prog, const types::Universe& u) {
  // gc runs loopvar.ForCapture on every function after inlining, before escape analysis.
  for (size_t i = 0; i < prog.target_funcs.size(); ++i) ForCapture(prog, u, prog.target_funcs[i]);
}

const std::string& FuncName(const Program& prog, FuncId f) { return prog.funcs.Get(f).name; }

}  // namespace escapist::ir
