// ir/instantiate.cpp -- shaped instantiation of generic functions and methods, as unified IR
// does it (noder/reader.go objDictIdx, Shapify, mangle, funcInst, methodExpr; unified.go
// readBodies): every instantiation a compiled body references, with concrete or shaped type
// arguments, is compiled into the referencing package as one function per shape, `F[go.shape.int]`
// or `(*List[go.shape.int]).Push`, dupok (no parameter diagnostics), its body read with the type
// parameters replaced by the shapes. Reading a generic type instance also compiles the shaped
// instances of all its methods (their wrappers go into the type's method table).
#include <algorithm>
#include <string>

#include "ir/builder.h"

namespace escapist::ir {

using types::TypeKind;

namespace {

// Beyond this many shapes of one generic function, instantiation is taken to be unbounded.
constexpr size_t kMaxInstancesPerOrigin = 256;

// The receiver's base Named of a method, or none.
TypeId RecvNamed(const types::Universe& u, const types::Object& m) {
  if (!m.method_of.has_value()) return TypeId();
  TypeId t = u.Obj(m.method_of).type;
  if (!t.has_value() || u.Get(t).kind != TypeKind::kNamed) return TypeId();
  return t;
}

// The type parameters an instance of `origin` substitutes: the receiver type's (as the method
// declares them) then the function's own.
std::vector<TypeId> TypeParamsOf(const types::Universe& u, ObjId origin) {
  std::vector<TypeId> out;
  const types::Object& o = u.Obj(origin);
  if (!o.type.has_value() || u.Get(o.type).kind != TypeKind::kSignature) return out;
  const types::Type& sig = u.Get(o.type);
  if (TypeId named = RecvNamed(u, o); named.has_value()) {
    const std::vector<TypeId>& rt =
        sig.recv_type_params.empty() ? u.Get(named).named_tparams : sig.recv_type_params;
    out.insert(out.end(), rt.begin(), rt.end());
  }
  out.insert(out.end(), sig.type_params.begin(), sig.type_params.end());
  return out;
}

// "[go.shape.int,go.shape.string]": type arguments as gc's instance names spell them.
std::string TargList(const types::Universe& u, const std::vector<TypeId>& targs, size_t from,
                     size_t to) {
  std::string s = "[";
  for (size_t i = from; i < to; ++i) {
    if (i > from) s += ',';
    s += types::LinkString(u, targs[i]);
  }
  return s + "]";
}

}  // namespace

ObjId Builder::GenericMethodOrigin(ObjId m) const {
  if (!m.has_value()) return ObjId();
  const types::Object& o = O(m);
  if (o.kind != types::ObjKind::kFunc) return ObjId();
  TypeId named = RecvNamed(u_, o);
  if (!named.has_value()) return ObjId();
  bool generic_recv = !T(named).named_tparams.empty();
  bool generic_method = o.type.has_value() && T(o.type).kind == TypeKind::kSignature &&
                        !T(o.type).type_params.empty();
  if (!generic_recv && !generic_method) return ObjId();
  size_t n = types::NamedMethodCount(u_, named);
  for (size_t i = 0; i < n; ++i) {
    ObjId om = types::NamedMethod(u_, named, i);
    if (O(om).name == o.name) return om;
  }
  return ObjId();
}

ObjId Builder::MethodInstance(SynId sel, const types::Selection& s, TypeId recv) {
  ObjId origin = GenericMethodOrigin(s.obj);
  if (!origin.has_value() || !recv.has_value()) return ObjId();
  TypeId base = recv;
  if (T(base).kind == TypeKind::kPointer) base = T(base).elem;
  if (!base.has_value() || T(base).kind != TypeKind::kNamed) return ObjId();
  std::vector<TypeId> targs = T(base).targs;
  if (!targs.empty() && T(base).origin != RecvNamed(u_, O(origin))) return ObjId();
  for (TypeId t : info_.instances.Get(S(sel).y)) targs.push_back(Sub(t));
  if (targs.size() != TypeParamsOf(u_, origin).size()) return ObjId();
  return InstanceOf(origin, targs);
}

ObjId Builder::InstanceOf(ObjId origin, const std::vector<TypeId>& targs) {
  auto& mu = const_cast<types::Universe&>(u_);  // shapes and instance objects are interned
  std::vector<TypeId> tparams = TypeParamsOf(u_, origin);
  if (tparams.size() != targs.size() || tparams.empty()) return ObjId();
  std::vector<TypeId> shaped;
  for (size_t i = 0; i < targs.size(); ++i) {
    bool basic = types::IsMethodSetConstraint(u_, T(tparams[i]).constraint);
    shaped.push_back(types::Shapify(mu, targs[i], basic));
  }
  // Non-generic code instantiating with concrete types also gets the non-shaped instance.
  auto note_concrete = [&](ObjId inst) {
    if (!subst_.empty() || !inst.has_value()) return inst;
    for (TypeId t : targs) {
      if (types::MentionsTypeParamOrShape(u_, t)) return inst;
    }
    for (const ConcreteInstance& c : ctx_.concrete) {
      if (c.origin != origin) continue;
      bool same = true;
      for (size_t i = 0; i < targs.size() && same; ++i) same = types::Identical(u_, c.targs[i], targs[i]);
      if (same) return inst;
    }
    ctx_.concrete.push_back(ConcreteInstance{origin, targs, inst});
    return inst;
  };
  size_t same_origin = 0;
  for (const Instance& in : ctx_.instances) {
    if (in.origin == origin && in.targs == shaped) return note_concrete(in.obj);
    same_origin += in.origin == origin;
  }
  if (same_origin >= kMaxInstancesPerOrigin) {
    // types2's monomorphization check rejects such programs ("instantiation cycle"); this
    // checker does not, so stop here instead of instantiating forever.
    if (same_origin == kMaxInstancesPerOrigin) {
      Unknown(O(origin).pos, "instantiation cycle: more than " +
                                 std::to_string(kMaxInstancesPerOrigin) + " instances of " +
                                 O(origin).name);
      ctx_.instances.push_back(Instance{origin, {}, ObjId(), FuncId(), true});
    }
    return ObjId();
  }
  const types::Object& o = O(origin);
  // reader.mangle: the receiver's instance name, then the method's own type arguments.
  std::string name;
  Pos pos = o.pos;
  TypeId named = RecvNamed(u_, o);
  if (named.has_value()) {
    size_t nrecv = T(named).named_tparams.size();
    std::string recv = O(o.method_of).name;
    if (nrecv > 0) recv += TargList(u_, shaped, 0, nrecv);
    name = (o.ptr_recv ? "(*" + recv + ")" : recv) + "." + o.name;
    if (shaped.size() > nrecv) name += TargList(u_, shaped, nrecv, shaped.size());
    // A method's position is its receiver's `(`.
    if (o.decl.has_value() && o.decl_pkg.has_value()) {
      const syntax::Node& d = u_.Pkg(o.decl_pkg).ast[o.decl];
      if (d.pos2.known()) pos = d.pos2;
    }
  } else {
    name = o.name + TargList(u_, shaped, 0, shaped.size());
  }
  std::string local_name = name;
  if (o.pkg.has_value() && o.pkg != prog_.pkg) name = u_.Pkg(o.pkg).name + "." + name;

  // The instance's Func object: the origin's, with the shaped signature.
  types::SubstMap m;
  m.from = tparams;
  m.to = shaped;
  types::Object io = o;
  if (!named.has_value()) io.name = local_name;  // a call prints F[go.shape.int](...)
  if (o.type.has_value()) {
    types::Type sig = T(o.type);
    sig.type_params.clear();
    sig.recv_type_params.clear();
    TypeId plain = mu.NewType(std::move(sig));
    TypeId isig = types::Subst(mu, plain, m);
    types::Type st = T(isig);
    if (st.recv.has_value()) {
      types::Object r = O(st.recv);
      r.type = types::Subst(mu, r.type, m);
      st.recv = mu.NewObject(std::move(r));
      isig = mu.NewType(std::move(st));
    }
    io.type = isig;
  }
  ObjId obj = mu.NewObject(std::move(io));

  FuncId fn = NewFunc(name, pos, obj);
  Func& f = prog_.funcs.Get(fn);
  f.pkg_path = o.pkg.has_value() ? u_.Pkg(o.pkg).path : p_.path;
  f.dupok = true;
  f.is_instance = true;
  f.pragmas = o.pragmas;
  if (o.decl.has_value() && o.decl_pkg.has_value()) f.pragmas |= u_.Pkg(o.decl_pkg).ast[o.decl].aux;
  ctx_.instances.push_back(Instance{origin, shaped, obj, fn, false});
  return note_concrete(obj);
}

NodeId Builder::TypeParamMethod(Pos pos, TypeId tparam, ObjId method, TypeId recv, SynId syn) {
  auto& mu = const_cast<types::Universe&>(u_);  // interning only; see PtrTo
  TypeId sig;
  {
    TypeId msig = Sub(O(method).type);
    types::Type t;
    t.kind = TypeKind::kSignature;
    std::vector<ObjId> params;
    types::Object r;
    r.kind = types::ObjKind::kVar;
    r.var_kind = types::VarKind::kParam;
    r.type = recv;
    params.push_back(mu.NewObject(std::move(r)));
    if (msig.has_value() && T(msig).kind == TypeKind::kSignature) {
      const types::Type& ms = T(msig);
      if (ms.params.has_value()) {
        for (ObjId p : T(ms.params).vars) params.push_back(p);
      }
      t.results = ms.results;
      t.variadic = ms.variadic;
    }
    t.params = mu.NewTuple(params);
    if (!t.results.has_value()) t.results = mu.NewTuple({});
    sig = mu.NewType(std::move(t));
  }
  TypeId word = u_.Basic(types::BasicKind::kUintptr);
  if (!dict_var_.has_value()) {
    // The dictionary parameter: a Name of the instance's package (so printed `pkg..dict`),
    // modeled as a global (its contents are read-only static data).
    types::Object o;
    o.kind = types::ObjKind::kVar;
    o.name = ".dict";
    o.pkg = pkg_;
    Var v;
    v.name = ".dict";
    v.type = mu.NewPointer(mu.NewArray(word, 0));
    v.cls = Class::kExtern;
    v.obj = mu.NewObject(std::move(o));
    dict_var_ = prog_.vars.Add(std::move(v));
  }
  std::pair<TypeId, std::string> key{tparam, O(method).name};
  size_t idx = 0;
  while (idx < dict_methods_.size() && dict_methods_[idx] != key) ++idx;
  if (idx == dict_methods_.size()) dict_methods_.push_back(key);
  types::Constant c;
  c.kind = types::Constant::Kind::kInt;
  c.re = static_cast<long>(idx);
  NodeId dict = NameOfVar(dict_var_, pos, syn);
  NodeId arr = Deref(dict, pos, true, syn);
  N(arr).type = T(V(dict_var_).type).elem;
  NodeId index = Add(Op::kIndex, pos, word, syn);
  N(index).x = arr;
  N(index).y = Literal(pos, u_.Basic(types::BasicKind::kInt), mu.NewConstant(std::move(c)), syn);
  NodeId addr = AddrOf(index, pos, false, syn);
  NodeId conv = Add(Op::kConvNop, pos, sig, syn);
  N(conv).x = addr;
  return conv;
}

void Builder::BuildInstance(size_t i) {
  Instance in = ctx_.instances[i];
  ctx_.instances[i].built = true;
  const types::Object& o = O(in.origin);
  subst_.from = TypeParamsOf(u_, in.origin);
  subst_.to = in.targs;
  sub_cache_.clear();
  dict_var_ = VarId();
  dict_methods_.clear();
  FnState st;
  st.fn = in.fn;
  st_ = &st;
  DeclareParams(st, o.type);
  if (o.decl.has_value() && S(o.decl).w.has_value()) {
    NodeId body = Block(S(o.decl).w);
    prog_.funcs.Get(in.fn).body = body;
  }
  st_ = nullptr;
}

namespace {

// The types a package reads (gc reads a named type's underlying type and its methods'
// signatures when it reads the type): every generic type instance among them has its shaped
// methods compiled.
class TypeReader {
 public:
  TypeReader(const types::Universe& u, BuildContext& ctx, Builder& b) : u_(u), ctx_(ctx), b_(b) {}

  void Read(TypeId t, int depth = 0) {
    if (!t.has_value() || depth > 200) return;
    if (!ctx_.read_types.emplace(t.index(), 1).second) return;
    const types::Type ty = u_.Get(t);  // copy: reading may add types
    switch (ty.kind) {
      case TypeKind::kPointer:
      case TypeKind::kSlice:
      case TypeKind::kArray:
      case TypeKind::kChan:
        Read(ty.elem, depth + 1);
        break;
      case TypeKind::kMap:
        Read(ty.key, depth + 1);
        Read(ty.elem, depth + 1);
        break;
      case TypeKind::kSignature:
        Read(ty.params, depth + 1);
        Read(ty.results, depth + 1);
        break;
      case TypeKind::kTuple:
        for (ObjId v : ty.vars) Read(u_.Obj(v).type, depth + 1);
        break;
      case TypeKind::kStruct:
        for (ObjId f : ty.fields) Read(u_.Obj(f).type, depth + 1);
        break;
      case TypeKind::kInterface:
        for (ObjId m : ty.methods) Read(u_.Obj(m).type, depth + 1);
        for (TypeId e : ty.embeddeds) Read(e, depth + 1);
        break;
      case TypeKind::kNamed: {
        if (types::IsShape(u_, t)) {
          Read(ty.underlying, depth + 1);
          break;
        }
        for (TypeId a : ty.targs) Read(a, depth + 1);
        if (types::MentionsTypeParam(u_, t)) break;  // generic code's own types: not read
        if (!ty.targs.empty() && ty.origin.has_value()) {
          // An instance: its shaped type's methods are compiled (todoDicts/shapedObj).
          TypeId origin = ty.origin;
          size_t n = types::NamedMethodCount(u_, origin);
          for (size_t i = 0; i < n; ++i) {
            ObjId m = types::NamedMethod(u_, origin, i);
            const types::Object& mo = u_.Obj(m);
            if (mo.type.has_value() && !u_.Get(mo.type).type_params.empty()) continue;
            b_.InstanceOf(m, ty.targs);
          }
        } else if (!ty.named_tparams.empty()) {
          break;  // the generic type itself
        }
        Read(types::Underlying(u_, t), depth + 1);
        size_t n = types::NamedMethodCount(u_, t);
        for (size_t i = 0; i < n; ++i) Read(u_.Obj(types::NamedMethod(u_, t, i)).type, depth + 1);
        break;
      }
      default:
        break;
    }
  }

 private:
  const types::Universe& u_;
  BuildContext& ctx_;
  Builder& b_;
};

}  // namespace

void BuildInstances(const types::Universe& u, DiagnosticSink& diags, Program& prog,
                    BuildContext& ctx, Builder& main) {
  TypeReader reader(u, ctx, main);
  // The package's own declarations are read whether used or not.
  const types::Package& p = u.Pkg(prog.pkg);
  if (p.scope.has_value()) {
    std::vector<ObjId> objs;
    for (const auto& [name, obj] : u.scopes.Get(p.scope).names) objs.push_back(obj);
    std::sort(objs.begin(), objs.end(), [](ObjId a, ObjId b) { return a.index() < b.index(); });
    for (ObjId obj : objs) {
      const types::Object& o = u.Obj(obj);
      if (o.kind == types::ObjKind::kTypeName || o.kind == types::ObjKind::kVar ||
          o.kind == types::ObjKind::kFunc) {
        reader.Read(o.type);
      }
    }
  }
  size_t nodes_read = 0, vars_read = 0;
  for (int guard = 0; guard < 1000; ++guard) {
    bool built = false;
    for (size_t i = 0; i < ctx.instances.size(); ++i) {
      if (ctx.instances[i].built) continue;
      types::PkgId pkg = u.Obj(ctx.instances[i].origin).decl_pkg;
      if (!pkg.has_value()) pkg = u.Obj(ctx.instances[i].origin).pkg;
      if (!pkg.has_value() || !u.Pkg(pkg).checked) {
        ctx.instances[i].built = true;
        continue;
      }
      Builder b(u, pkg, diags, prog, ctx);
      b.BuildInstance(i);
      built = true;
    }
    size_t before = ctx.instances.size();
    for (; nodes_read < prog.nodes.size(); ++nodes_read) {
      reader.Read(prog.nodes.Get(NodeId(static_cast<uint32_t>(nodes_read))).type);
    }
    for (; vars_read < prog.vars.size(); ++vars_read) {
      reader.Read(prog.vars.Get(VarId(static_cast<uint32_t>(vars_read))).type);
    }
    if (!built && ctx.instances.size() == before) break;
  }
  BuildConcreteInstances(u, prog, ctx);
}

// The non-shaped instantiations (noder/reader.go objDictIdx with shaped=false, syntheticBody,
// callShaped): `F[int]` / `(*List[int]).Push` at the origin's position, whose body calls the
// shaped instance with the same arguments (and results). DupOK like every instance.
void BuildConcreteInstances(const types::Universe& u, Program& prog, BuildContext& ctx) {
  auto& mu = const_cast<types::Universe&>(u);  // interning only
  for (const ConcreteInstance& c : ctx.concrete) {
    const types::Object& o = u.Obj(c.origin);
    if (!o.type.has_value() || !c.instance.has_value()) continue;
    std::vector<TypeId> tparams = TypeParamsOf(u, c.origin);
    if (tparams.size() != c.targs.size()) continue;
    FuncId inst_fn;
    for (const Instance& in : ctx.instances) {
      if (in.obj == c.instance) inst_fn = in.fn;
    }
    if (!inst_fn.has_value()) continue;
    types::SubstMap m;
    m.from = tparams;
    m.to = c.targs;
    types::Type sig = u.Get(o.type);
    sig.type_params.clear();
    sig.recv_type_params.clear();
    TypeId isig = types::Subst(mu, mu.NewType(std::move(sig)), m);
    const types::Type& st = u.Get(isig);
    std::string name;
    const Func& shaped = prog.funcs.Get(inst_fn);
    Pos pos = shaped.pos;
    TypeId named = RecvNamed(u, o);
    if (named.has_value()) {
      size_t nrecv = u.Get(named).named_tparams.size();
      std::string recv = u.Obj(o.method_of).name;
      if (nrecv > 0) recv += TargList(u, c.targs, 0, nrecv);
      name = (o.ptr_recv ? "(*" + recv + ")" : recv) + "." + o.name;
      if (c.targs.size() > nrecv) name += TargList(u, c.targs, nrecv, c.targs.size());
    } else {
      name = o.name + TargList(u, c.targs, 0, c.targs.size());
    }
    if (o.pkg.has_value() && o.pkg != prog.pkg) name = u.Pkg(o.pkg).name + "." + name;
    Func f;
    f.name = name;
    f.pkg_path = shaped.pkg_path;
    f.pos = pos;
    f.dupok = true;
    f.pragmas = shaped.pragmas;
    {
      // Its own Func object, of the concrete signature (what -m=2 prints for it).
      types::Object fo;
      fo.kind = types::ObjKind::kFunc;
      fo.name = name;
      fo.pkg = prog.pkg;
      fo.pos = pos;
      fo.type = isig;
      f.obj = mu.NewObject(std::move(fo));
    }
    FuncId fn = prog.funcs.Add(std::move(f));
    auto new_var = [&](const std::string& n, TypeId t, Class cls) {
      Var v;
      v.name = n;
      v.pos = pos;
      v.type = t;
      v.cls = cls;
      v.curfn = fn;
      return prog.vars.Add(std::move(v));
    };
    auto add = [&](Op op, TypeId t) {
      Node n;
      n.op = op;
      n.pos = pos;
      n.type = t;
      return prog.Add(std::move(n));
    };
    std::vector<VarId> params, results;
    if (st.recv.has_value()) {
      const std::string& rn = u.Obj(st.recv).name;
      params.push_back(new_var(rn.empty() || rn == "_" ? "~p0" : rn, u.Obj(st.recv).type,
                               Class::kParam));
    }
    if (st.params.has_value()) {
      for (ObjId p : u.Get(st.params).vars) {
        const std::string& pn = u.Obj(p).name;
        std::string n = pn.empty() || pn == "_" ? "~p" + std::to_string(params.size()) : pn;
        params.push_back(new_var(n, u.Obj(p).type, Class::kParam));
      }
    }
    TypeId result;
    if (st.results.has_value()) {
      const std::vector<ObjId>& rs = u.Get(st.results).vars;
      for (size_t i = 0; i < rs.size(); ++i) {
        const std::string& rn = u.Obj(rs[i]).name;
        std::string n = rn.empty() || rn == "_" ? "~r" + std::to_string(i) : rn;
        results.push_back(new_var(n, u.Obj(rs[i]).type, Class::kParamOut));
      }
      if (rs.size() == 1) result = u.Obj(rs[0]).type;
      if (rs.size() > 1) result = st.results;
    }
    // The shaped callee: a method instance is called as its method expression, receiver first.
    const types::Object& io = u.Obj(c.instance);
    NodeId callee;
    if (named.has_value()) {
      const types::Type& is = u.Get(io.type);
      std::vector<ObjId> ps;
      if (is.recv.has_value()) ps.push_back(is.recv);
      if (is.params.has_value()) {
        for (ObjId p : u.Get(is.params).vars) ps.push_back(p);
      }
      types::Type t;
      t.kind = TypeKind::kSignature;
      t.params = mu.NewTuple(ps);
      t.results = is.results.has_value() ? is.results : mu.NewTuple({});
      t.variadic = is.variadic;
      callee = add(Op::kMethExpr, mu.NewType(std::move(t)));
    } else {
      callee = add(Op::kName, io.type);
    }
    prog[callee].obj = c.instance;
    std::vector<NodeId> args;
    for (VarId p : params) {
      NodeId a = add(Op::kName, prog.vars.Get(p).type);
      prog[a].var = p;
      args.push_back(a);
    }
    NodeId call = add(Op::kCallFunc, result);
    IdSpan<NodeId> al = prog.AddList(args);
    prog[call].x = callee;
    prog[call].list = al;
    prog[call].has_dots = st.variadic;
    NodeId stmt;
    if (!results.empty()) {
      stmt = add(Op::kReturn, TypeId());
      IdSpan<NodeId> rl = prog.AddList({call});
      prog[stmt].list = rl;
    } else {
      stmt = add(Op::kExprStmt, TypeId());
      prog[stmt].x = call;
    }
    NodeId body = add(Op::kBlock, TypeId());
    IdSpan<NodeId> bl = prog.AddList({stmt});
    prog[body].list = bl;
    Func& wf = prog.funcs.Get(fn);
    wf.params = params;
    wf.results = results;
    wf.body = body;
    prog.target_funcs.push_back(fn);
  }
}

}  // namespace escapist::ir
