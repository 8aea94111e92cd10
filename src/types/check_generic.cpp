// types/check_generic.cpp -- generics (go/types subst.go, instantiate.go, named.go expansion,
// infer.go, unify.go): substitution of type parameters, instantiation of named types and
// signatures (cached), lazy expansion of instances, constraint verification, and function
// type argument inference by unification.
#include <string>
#include <utility>

#include "types/checker.h"

namespace escapist::types {

TypeId SubstMap::Lookup(TypeId t) const {
  for (size_t i = 0; i < from.size(); ++i) {
    if (from[i] == t) return i < to.size() ? to[i] : TypeId();
  }
  return TypeId();
}

namespace {

struct Substituter {
  Universe& u;
  const SubstMap& m;
  int depth = 0;

  ObjId SubstVar(ObjId v) {
    const Object& o = u.Obj(v);
    TypeId nt = Do(o.type);
    if (nt == o.type) return v;
    Object c = o;
    c.type = nt;
    return u.NewObject(std::move(c));
  }

  TypeId Tuple(TypeId t) {
    if (!t.has_value()) return t;
    const std::vector<ObjId> vars = u.Get(t).vars;
    std::vector<ObjId> nv;
    bool changed = false;
    for (ObjId v : vars) {
      ObjId w = SubstVar(v);
      changed |= w != v;
      nv.push_back(w);
    }
    if (!changed) return t;
    return u.NewTuple(std::move(nv));
  }

  TypeId Do(TypeId t) {
    if (!t.has_value() || m.empty()) return t;
    if (++depth > 100) {
      --depth;
      return t;
    }
    struct Dec {
      int* d;
      ~Dec() { --*d; }
    } dec{&depth};
    const Type ty = u.Get(t);  // copy: the store may grow below
    switch (ty.kind) {
      case TypeKind::kTypeParam: {
        TypeId r = m.Lookup(t);
        return r.has_value() ? r : t;
      }
      case TypeKind::kPointer: {
        TypeId e = Do(ty.elem);
        return e == ty.elem ? t : u.NewPointer(e);
      }
      case TypeKind::kSlice: {
        TypeId e = Do(ty.elem);
        return e == ty.elem ? t : u.NewSlice(e);
      }
      case TypeKind::kArray: {
        TypeId e = Do(ty.elem);
        return e == ty.elem ? t : u.NewArray(e, ty.len);
      }
      case TypeKind::kMap: {
        TypeId k = Do(ty.key), e = Do(ty.elem);
        return (k == ty.key && e == ty.elem) ? t : u.NewMap(k, e);
      }
      case TypeKind::kChan: {
        TypeId e = Do(ty.elem);
        return e == ty.elem ? t : u.NewChan(e, ty.dir);
      }
      case TypeKind::kStruct: {
        std::vector<ObjId> nf;
        bool changed = false;
        for (ObjId f : ty.fields) {
          ObjId g = SubstVar(f);
          changed |= g != f;
          nf.push_back(g);
        }
        if (!changed) return t;
        Type st = ty;
        st.fields = std::move(nf);
        return u.NewType(std::move(st));
      }
      case TypeKind::kTuple: return Tuple(t);
      case TypeKind::kSignature: {
        TypeId p = Tuple(ty.params), r = Tuple(ty.results);
        if (p == ty.params && r == ty.results) return t;
        Type st = ty;
        st.params = p;
        st.results = r;
        return u.NewType(std::move(st));
      }
      case TypeKind::kUnion: {
        Type ut = ty;
        bool changed = false;
        for (auto& term : ut.terms) {
          TypeId n = Do(term.type);
          changed |= n != term.type;
          term.type = n;
        }
        if (!changed) return t;
        return u.NewType(std::move(ut));
      }
      case TypeKind::kInterface: {
        std::vector<ObjId> nm;
        bool changed = false;
        for (ObjId mth : ty.methods) {
          const Object& mo = u.Obj(mth);
          TypeId ns = Do(mo.type);
          if (ns != mo.type) {
            Object c = mo;
            c.type = ns;
            nm.push_back(u.NewObject(std::move(c)));
            changed = true;
          } else {
            nm.push_back(mth);
          }
        }
        std::vector<TypeId> ne;
        for (TypeId e : ty.embeddeds) {
          TypeId n = Do(e);
          changed |= n != e;
          ne.push_back(n);
        }
        if (!changed) return t;
        Type it;
        it.kind = TypeKind::kInterface;
        it.methods = std::move(nm);
        it.embeddeds = std::move(ne);
        it.implicit = ty.implicit;
        it.is_comparable = ty.is_comparable && ty.embeddeds.empty() && ty.methods.empty();
        // Keep a directly embedded `comparable` flag (from the universe type).
        return u.NewType(std::move(it));
      }
      case TypeKind::kNamed: {
        if (ty.targs.empty()) return t;
        std::vector<TypeId> na;
        bool changed = false;
        for (TypeId a : ty.targs) {
          TypeId n = Do(a);
          changed |= n != a;
          na.push_back(n);
        }
        if (!changed) return t;
        return InstantiateNamed(u, ty.origin, na);
      }
      default: return t;
    }
  }
};

}  // namespace

TypeId Subst(Universe& u, TypeId t, const SubstMap& m) {
  Substituter s{u, m};
  return s.Do(t);
}

TypeId InstantiateNamed(Universe& u, TypeId orig, const std::vector<TypeId>& targs) {
  UniverseImpl& impl = Impl(u);
  auto& list = impl.instances[orig.index()];
  for (const auto& [args, inst] : list) {
    if (args.size() != targs.size()) continue;
    bool same = true;
    for (size_t i = 0; i < args.size() && same; ++i) {
      same = args[i] == targs[i] || Identical(u, args[i], targs[i]);
    }
    if (same) return inst;
  }
  Type t;
  t.kind = TypeKind::kNamed;
  t.obj = u.Get(orig).obj;
  t.origin = orig;
  t.targs = targs;
  TypeId inst = u.NewType(std::move(t));
  impl.instances[orig.index()].push_back({targs, inst});
  return inst;
}

TypeId ExpandNamed(const Universe& cu, TypeId inst) {
  Universe& u = const_cast<Universe&>(cu);
  const Type& t = u.Get(inst);
  if (t.underlying.has_value()) return t.underlying;
  TypeId orig = t.origin;
  if (!orig.has_value()) return u.invalid_type;
  TypeId ou = u.Get(orig).underlying;
  if (!ou.has_value()) return u.invalid_type;  // origin not yet resolved
  SubstMap m;
  m.from = u.Get(orig).named_tparams;
  m.to = u.Get(inst).targs;
  if (m.from.size() != m.to.size()) {
    u.types.Get(inst).underlying = u.invalid_type;
    return u.invalid_type;
  }
  // Guard against re-entrant expansion of the same instance.
  u.types.Get(inst).underlying = u.invalid_type;
  TypeId under = Subst(u, ou, m);
  if (u.Get(under).kind == TypeKind::kNamed) under = Underlying(u, under);
  u.types.Get(inst).underlying = under;
  return under;
}

TypeId InstantiateSignature(Universe& u, TypeId sig, const std::vector<TypeId>& targs) {
  const Type& st = u.Get(sig);
  SubstMap m;
  m.from = st.type_params;
  m.to = targs;
  if (m.to.size() > m.from.size()) m.to.resize(m.from.size());
  Type ns = st;
  ns.type_params.clear();
  TypeId plain = u.NewType(std::move(ns));
  TypeId r = Subst(u, plain, m);
  return r;
}

// ---- verification

bool Checker::VerifyInstance(Pos pos, const std::vector<TypeId>& tparams,
                             const std::vector<TypeId>& targs, std::string* err, size_t* idx) {
  SubstMap m{tparams, targs};
  for (size_t i = 0; i < tparams.size() && i < targs.size(); ++i) {
    TypeId bound = u_.Get(tparams[i]).constraint;
    if (!bound.has_value()) continue;
    bound = Subst(u_, bound, m);
    std::string cause;
    if (!ImplementsCause(u_, targs[i], bound, true, &cause, pkg_id_)) {
      *err = cause;
      *idx = i;
      return false;
    }
  }
  (void)pos;
  return true;
}

TypeId Checker::Instantiate(Pos pos, TypeId orig, const std::vector<TypeId>& targs, bool verify) {
  const Type& t = u_.Get(orig);
  TypeId inst;
  std::vector<TypeId> tparams;
  if (t.kind == TypeKind::kNamed) {
    tparams = t.named_tparams;
    inst = InstantiateNamed(u_, orig, targs);
  } else {
    tparams = t.type_params;
    inst = InstantiateSignature(u_, orig, targs);
  }
  if (verify) {
    std::string err;
    size_t idx = 0;
    if (!VerifyInstance(pos, tparams, targs, &err, &idx)) Error(pos, err);
  }
  return inst;
}

// ---- inference

namespace {

constexpr int kAssign = 1;
constexpr int kExact = 2;

struct Unifier {
  Checker* c;
  Universe& u;
  const std::vector<TypeId>& tparams;
  std::vector<size_t> handle;     // tparam index -> handle
  std::vector<TypeId> inferred;   // handle -> type
  int depth = 0;

  Unifier(Checker* ch, const std::vector<TypeId>& tps, const std::vector<TypeId>& targs)
      : c(ch), u(ch->u_), tparams(tps) {
    for (size_t i = 0; i < tps.size(); ++i) {
      handle.push_back(i);
      inferred.push_back(i < targs.size() ? targs[i] : TypeId());
    }
  }

  int Index(TypeId t) const {
    if (!t.has_value() || u.Get(t).kind != TypeKind::kTypeParam) return -1;
    for (size_t i = 0; i < tparams.size(); ++i) {
      if (tparams[i] == t) return static_cast<int>(i);
    }
    return -1;
  }
  TypeId At(int i) const { return inferred[handle[i]]; }
  void Set(int i, TypeId t) { inferred[handle[i]] = t; }
  size_t Unknowns() const {
    size_t n = 0;
    for (size_t i = 0; i < tparams.size(); ++i) {
      if (!At(static_cast<int>(i)).has_value()) ++n;
    }
    return n;
  }
  bool Join(int x, int y) {
    size_t hx = handle[x], hy = handle[y];
    if (hx == hy) return true;
    if (inferred[hx].has_value() && inferred[hy].has_value()) return false;
    if (inferred[hx].has_value()) {
      for (auto& h : handle) {
        if (h == hy) h = hx;
      }
    } else {
      for (auto& h : handle) {
        if (h == hx) h = hy;
      }
    }
    return true;
  }

  bool IsNamed(TypeId t) const { return t.has_value() && u.Get(t).kind == TypeKind::kNamed; }
  bool IsTypeLit(TypeId t) const {
    TypeKind k = u.Get(t).kind;
    return k != TypeKind::kNamed && k != TypeKind::kTypeParam;
  }
  bool AsInterface(TypeId t) const {
    return t.has_value() && u.Get(t).kind != TypeKind::kTypeParam &&
           u.Get(Underlying(u, t)).kind == TypeKind::kInterface;
  }

  bool Nify(TypeId x, TypeId y, int mode) {
    if (x == y) return true;
    if (!x.has_value() || !y.has_value()) return false;
    if (++depth > 64) {
      --depth;
      return false;
    }
    struct Dec {
      int* d;
      ~Dec() { --*d; }
    } dec{&depth};
    if (IsNamed(x) || Index(y) >= 0) std::swap(x, y);
    if ((mode & kExact) == 0 && IsNamed(y) && IsTypeLit(x) && !AsInterface(x)) {
      y = Underlying(u, y);
      if (x == y) return true;
    }
    int px = Index(x), py = Index(y);
    if (px >= 0 && py >= 0) {
      if (Join(px, py)) return true;
      return Nify(At(px), At(py), mode);
    }
    if (px >= 0) {
      TypeId cur = At(px);
      if (cur.has_value()) {
        if (Nify(cur, y, mode)) {
          bool xi = AsInterface(cur), yi = AsInterface(y);
          bool xn = IsNamed(cur), yn = IsNamed(y);
          if (xi && yi) {
            if (xn && yn) return Identical(u, cur, y);
            if (CompleteInterface(u, Underlying(u, cur)).all_methods.size() !=
                CompleteInterface(u, Underlying(u, y)).all_methods.size()) {
              return false;
            }
          } else if (xi || yi) {
            return false;
          }
          if ((mode & kExact) == 0) {
            if (xn) {
              // keep
            } else if (yn) {
              Set(px, y);
            } else {
              const Type& yc = u.Get(Underlying(u, y));
              if (yc.kind == TypeKind::kChan && yc.dir != ChanDir::kBoth) Set(px, y);
            }
          }
          return true;
        }
        return false;
      }
      Set(px, y);
      return true;
    }
    if ((mode & kExact) == 0) {
      bool xi = AsInterface(x), yi = AsInterface(y);
      if (xi && yi) {
        const Type& xs = CompleteInterface(u, Underlying(u, x));
        const Type& ys = CompleteInterface(u, Underlying(u, y));
        if (xs.is_comparable != ys.is_comparable) return false;
        if (xs.terms.size() != ys.terms.size()) return false;
        std::vector<ObjId> xm = xs.all_methods, ym = ys.all_methods;
        if (xm.size() > ym.size()) std::swap(xm, ym);
        for (ObjId a : xm) {
          ObjId found;
          for (ObjId b : ym) {
            if (u.Obj(a).name == u.Obj(b).name) found = b;
          }
          if (!found.has_value() || !Nify(u.Obj(a).type, u.Obj(found).type, kExact)) return false;
        }
        return true;
      }
      if (yi) {
        std::swap(x, y);
        xi = true;
      }
      if (xi) {
        std::vector<ObjId> xm = CompleteInterface(u, Underlying(u, x)).all_methods;
        for (ObjId a : xm) {
          const Object& ao = u.Obj(a);
          LookupResult r = LookupImpl(u, y, false, ao.pkg, ao.name);
          if (!r.obj.has_value() || u.Obj(r.obj).kind != ObjKind::kFunc) return false;
          ResolveObject(u, r.obj);
          if (!Nify(ao.type, u.Obj(r.obj).type, kExact)) return false;
        }
        return true;
      }
    }
    if (u.Get(y).kind == TypeKind::kTypeParam) std::swap(x, y);
    int emode = mode;
    if (mode & kAssign) emode |= kExact;
    const Type& xt = u.Get(x);
    const Type& yt = u.Get(y);
    switch (xt.kind) {
      case TypeKind::kBasic:
        return yt.kind == TypeKind::kBasic && xt.basic == yt.basic;
      case TypeKind::kArray:
        return yt.kind == TypeKind::kArray && (xt.len < 0 || yt.len < 0 || xt.len == yt.len) &&
               Nify(xt.elem, yt.elem, emode);
      case TypeKind::kSlice:
      case TypeKind::kPointer:
        return yt.kind == xt.kind && Nify(xt.elem, yt.elem, emode);
      case TypeKind::kStruct: {
        if (yt.kind != TypeKind::kStruct || xt.fields.size() != yt.fields.size()) return false;
        std::vector<ObjId> xf = xt.fields, yf = yt.fields;
        std::vector<std::string> xtags = xt.tags, ytags = yt.tags;
        for (size_t i = 0; i < xf.size(); ++i) {
          const Object& f = u.Obj(xf[i]);
          const Object& g = u.Obj(yf[i]);
          if (f.embedded != g.embedded || xtags[i] != ytags[i] || f.name != g.name) return false;
          if (!Nify(f.type, g.type, emode)) return false;
        }
        return true;
      }
      case TypeKind::kTuple: {
        if (yt.kind != TypeKind::kTuple || xt.vars.size() != yt.vars.size()) return false;
        std::vector<ObjId> xv = xt.vars, yv = yt.vars;
        for (size_t i = 0; i < xv.size(); ++i) {
          if (!Nify(u.Obj(xv[i]).type, u.Obj(yv[i]).type, mode)) return false;
        }
        return true;
      }
      case TypeKind::kSignature:
        if (yt.kind != TypeKind::kSignature) return false;
        {
          TypeId xp = xt.params, xr = xt.results, yp = yt.params, yr = yt.results;
          bool xv = xt.variadic, yv = yt.variadic;
          return xv == yv && Nify(xp, yp, emode) && Nify(xr, yr, emode);
        }
      case TypeKind::kInterface: {
        if (yt.kind != TypeKind::kInterface) return false;
        const Type& xs = CompleteInterface(u, x);
        const Type& ys = CompleteInterface(u, y);
        if (xs.is_comparable != ys.is_comparable) return false;
        if (xs.all_methods.size() != ys.all_methods.size()) return false;
        std::vector<ObjId> a = xs.all_methods, b = ys.all_methods;
        for (size_t i = 0; i < a.size(); ++i) {
          if (u.Obj(a[i]).name != u.Obj(b[i]).name) return false;
          if (!Nify(u.Obj(a[i]).type, u.Obj(b[i]).type, kExact)) return false;
        }
        return true;
      }
      case TypeKind::kMap:
        if (yt.kind != TypeKind::kMap) return false;
        {
          TypeId xk = xt.key, xe = xt.elem, yk = yt.key, ye = yt.elem;
          return Nify(xk, yk, emode) && Nify(xe, ye, emode);
        }
      case TypeKind::kChan:
        if (yt.kind != TypeKind::kChan) return false;
        return ((mode & kExact) == 0 || xt.dir == yt.dir) && Nify(xt.elem, yt.elem, emode);
      case TypeKind::kNamed: {
        if (yt.kind != TypeKind::kNamed) return false;
        std::vector<TypeId> xa = xt.targs, ya = yt.targs;
        if (xa.size() != ya.size()) return false;
        for (size_t i = 0; i < xa.size(); ++i) {
          if (!Nify(xa[i], ya[i], mode)) return false;
        }
        TypeId xo = xt.origin.has_value() ? xt.origin : x;
        TypeId yo = yt.origin.has_value() ? yt.origin : y;
        return xo == yo;
      }
      case TypeKind::kTypeParam: {
        TypeId cx = CoreType(u, x);
        if (cx.has_value()) return Nify(cx, y, kAssign);
        return false;
      }
      default: return false;
    }
  }
};

bool IsParameterized(const Universe& u, const std::vector<TypeId>& tparams, TypeId t, int depth) {
  if (!t.has_value() || depth > 64) return false;
  const Type& ty = u.Get(t);
  switch (ty.kind) {
    case TypeKind::kTypeParam:
      for (TypeId p : tparams) {
        if (p == t) return true;
      }
      return false;
    case TypeKind::kPointer:
    case TypeKind::kSlice:
    case TypeKind::kArray:
    case TypeKind::kChan: return IsParameterized(u, tparams, ty.elem, depth + 1);
    case TypeKind::kMap:
      return IsParameterized(u, tparams, ty.key, depth + 1) ||
             IsParameterized(u, tparams, ty.elem, depth + 1);
    case TypeKind::kStruct:
      for (ObjId f : ty.fields) {
        if (IsParameterized(u, tparams, u.Obj(f).type, depth + 1)) return true;
      }
      return false;
    case TypeKind::kTuple:
      for (ObjId v : ty.vars) {
        if (IsParameterized(u, tparams, u.Obj(v).type, depth + 1)) return true;
      }
      return false;
    case TypeKind::kSignature:
      return IsParameterized(u, tparams, ty.params, depth + 1) ||
             IsParameterized(u, tparams, ty.results, depth + 1);
    case TypeKind::kInterface:
      for (ObjId m : ty.methods) {
        if (IsParameterized(u, tparams, u.Obj(m).type, depth + 1)) return true;
      }
      for (TypeId e : ty.embeddeds) {
        if (IsParameterized(u, tparams, e, depth + 1)) return true;
      }
      return false;
    case TypeKind::kUnion:
      for (const auto& term : ty.terms) {
        if (IsParameterized(u, tparams, term.type, depth + 1)) return true;
      }
      return false;
    case TypeKind::kNamed:
      for (TypeId a : ty.targs) {
        if (IsParameterized(u, tparams, a, depth + 1)) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace

bool Checker::Infer(Pos pos, const std::vector<TypeId>& tparams, std::vector<TypeId>* targs,
                    const std::vector<TypeId>& params, std::vector<Operand*>& args, bool reverse,
                    std::string* err) {
  (void)reverse;
  bool all_known = true;
  for (size_t i = 0; i < tparams.size(); ++i) {
    if (i >= targs->size() || !(*targs)[i].has_value()) all_known = false;
  }
  if (all_known) return true;
  Unifier un(this, tparams, *targs);
  auto tparams_string = [&]() {
    std::string s;
    for (size_t i = 0; i < tparams.size(); ++i) {
      if (i > 0) s += ", ";
      s += u_.Obj(u_.Get(tparams[i]).obj).name;
    }
    return s;
  };
  std::vector<size_t> untyped;
  for (size_t i = 0; i < args.size() && i < params.size(); ++i) {
    Operand* arg = args[i];
    if (!arg->IsValid()) continue;
    TypeId par = params[i];
    if (IsParameterized(u_, tparams, par, 0) || IsParameterized(u_, tparams, arg->type, 0)) {
      if (IsTyped(u_, arg->type)) {
        if (!un.Nify(par, arg->type, kAssign)) {
          std::vector<TypeId> inf;
          bool all_failed = true;
          for (size_t k = 0; k < tparams.size(); ++k) {
            inf.push_back(un.At(static_cast<int>(k)));
            if (inf.back().has_value()) all_failed = false;
          }
          if (all_failed) {
            *err = "type " + TS(arg->type) + " of " + ExprString(arg->expr) + " does not match " +
                   TS(par) + " (cannot infer " + tparams_string() + ")";
          } else {
            TypeId inferred = Subst(u_, par, SubstMap{tparams, inf});
            if (inferred != par) {
              *err = "type " + TS(arg->type) + " of " + ExprString(arg->expr) +
                     " does not match inferred type " + TS(inferred) + " for " + TS(par);
            } else {
              *err = "type " + TS(arg->type) + " of " + ExprString(arg->expr) +
                     " does not match " + TS(par);
            }
          }
          return false;
        }
      } else if (u_.Get(par).kind == TypeKind::kTypeParam &&
                 !IsBasicKind(u_, arg->type, BasicKind::kUntypedNil)) {
        untyped.push_back(i);
      }
    }
  }
  // Constraint type inference.
  for (int iter = 0; iter < 100; ++iter) {
    size_t nn = un.Unknowns();
    for (size_t i = 0; i < tparams.size(); ++i) {
      TypeId tpar = tparams[i];
      TypeId tx = un.At(static_cast<int>(i));
      // coreTerm
      TypeId iface = Underlying(u_, tpar);
      const Type& it = CompleteInterface(u_, iface);
      std::vector<Term> terms = it.terms;
      Term core;
      bool has_core = false, single = false;
      if (terms.size() == 1) {
        core = terms[0];
        has_core = true;
        single = true;
      } else if (!terms.empty()) {
        TypeId ct = CoreType(u_, tpar);
        if (ct.has_value()) {
          bool tilde = false;
          for (const auto& t : terms) tilde |= t.tilde;
          core = Term{tilde, ct};
          has_core = true;
        }
      }
      if (has_core) {
        if (tx.has_value()) {
          if (!un.Nify(tx, core.type, 0)) {
            *err = u_.Obj(u_.Get(tpar).obj).name + " (type " + TS(tx) + ") does not satisfy " +
                   TS(u_.Get(tpar).constraint);
            return false;
          }
        } else if (single && !core.tilde) {
          un.Set(static_cast<int>(i), core.type);
        }
      } else if (tx.has_value()) {
        std::vector<ObjId> methods = it.all_methods;
        for (ObjId m : methods) {
          const Object& mo = u_.Obj(m);
          ObjId found;
          TypeId txu = Underlying(u_, tx);
          if (u_.Get(txu).kind == TypeKind::kInterface && !IsTypeParam(u_, tx)) {
            for (ObjId f : CompleteInterface(u_, txu).all_methods) {
              if (u_.Obj(f).name == mo.name) found = f;
            }
          } else {
            LookupResult r = LookupImpl(u_, tx, false, mo.pkg, mo.name);
            if (!r.obj.has_value()) r = LookupImpl(u_, tx, true, mo.pkg, mo.name);
            found = r.obj;
          }
          if (!found.has_value() || u_.Obj(found).kind != ObjKind::kFunc) {
            *err = u_.Obj(u_.Get(tpar).obj).name + " (type " + TS(tx) + ") does not satisfy " +
                   TS(u_.Get(tpar).constraint) + " (missing method " + mo.name + ")";
            return false;
          }
          ResolveObject(u_, found);
          if (!un.Nify(u_.Obj(found).type, mo.type, kExact)) {
            *err = u_.Obj(u_.Get(tpar).obj).name + " (type " + TS(tx) + ") does not satisfy " +
                   TS(u_.Get(tpar).constraint) + " (wrong type for method " + mo.name + ")";
            return false;
          }
        }
      }
    }
    if (un.Unknowns() == nn) break;
  }
  // Untyped arguments.
  std::vector<std::pair<size_t, TypeId>> max_untyped;  // tparam index -> max type
  for (size_t index : untyped) {
    int ti = un.Index(params[index]);
    if (ti < 0 || un.At(ti).has_value()) continue;
    Operand* arg = args[index];
    TypeId* slot = nullptr;
    for (auto& [k, t] : max_untyped) {
      if (k == static_cast<size_t>(ti)) slot = &t;
    }
    if (!slot) {
      max_untyped.push_back({static_cast<size_t>(ti), arg->type});
      continue;
    }
    // maxType
    auto rank = [&](TypeId t) {
      switch (u_.Get(t).basic) {
        case BasicKind::kUntypedInt: return 1;
        case BasicKind::kUntypedRune: return 2;
        case BasicKind::kUntypedFloat: return 3;
        case BasicKind::kUntypedComplex: return 4;
        default: return 0;
      }
    };
    int a = rank(*slot), b = rank(arg->type);
    if (a > 0 && b > 0) {
      if (b > a) *slot = arg->type;
    } else if (!Identical(u_, *slot, arg->type)) {
      *err = "mismatched types " + TS(*slot) + " and " + TS(arg->type) + " (cannot infer " +
             u_.Obj(u_.Get(tparams[ti]).obj).name + ")";
      return false;
    }
  }
  for (auto& [k, t] : max_untyped) un.Set(static_cast<int>(k), DefaultType(u_, t));
  // Simplify: substitute inferred types into each other until nothing changes.
  std::vector<TypeId> inferred;
  for (size_t i = 0; i < tparams.size(); ++i) inferred.push_back(un.At(static_cast<int>(i)));
  // Kill cycles: a type argument mentioning its own type parameter cannot be resolved.
  for (size_t i = 0; i < inferred.size(); ++i) {
    if (inferred[i].has_value() && IsParameterized(u_, {tparams[i]}, inferred[i], 0) &&
        inferred[i] != tparams[i]) {
      inferred[i] = TypeId();
    }
  }
  for (int iter = 0; iter < 32; ++iter) {
    SubstMap smap{tparams, inferred};
    bool changed = false;
    for (size_t i = 0; i < inferred.size(); ++i) {
      if (!inferred[i].has_value()) continue;
      if (i < targs->size() && (*targs)[i].has_value()) continue;
      TypeId t1 = Subst(u_, inferred[i], smap);
      if (t1 != inferred[i]) {
        inferred[i] = t1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  for (size_t i = 0; i < inferred.size(); ++i) {
    if (!inferred[i].has_value() || IsParameterized(u_, tparams, inferred[i], 0)) {
      const Object& o = u_.Obj(u_.Get(tparams[i]).obj);
      *err = "cannot infer " + o.name + " (declared at " + sources_.Format(o.pos) + ")";
      return false;
    }
  }
  (void)pos;
  *targs = inferred;
  return true;
}

}  // namespace escapist::types
