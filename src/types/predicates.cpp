// types/predicates.cpp -- type predicates and relations (go/types predicates.go, under.go,
// typeset.go, typeterm.go): underlying and core types, identity, interface type sets,
// comparability, assignability of types, and default types.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "types/checker.h"

namespace escapist::types {

namespace {

Universe& Mut(const Universe& u) { return const_cast<Universe&>(u); }

constexpr int kMaxIdentDepth = 200;

}  // namespace

TypeId Underlying(const Universe& u, TypeId t) {
  if (!t.has_value()) return u.invalid_type;
  const Type& ty = u.Get(t);
  if (ty.kind == TypeKind::kNamed) {
    if (!ty.underlying.has_value()) {
      if (ty.origin.has_value()) return ExpandNamed(u, t);
      return u.invalid_type;
    }
    return ty.underlying;
  }
  if (ty.kind == TypeKind::kTypeParam) {
    if (!ty.constraint.has_value()) return u.any_type;
    TypeId c = Underlying(u, ty.constraint);
    if (u.Get(c).kind != TypeKind::kInterface) return u.any_type;
    return c;
  }
  return t;
}

TypeId Deref(const Universe& u, TypeId t, bool* was_ptr) {
  if (was_ptr) *was_ptr = false;
  if (t.has_value() && u.Get(t).kind == TypeKind::kPointer) {
    if (was_ptr) *was_ptr = true;
    return u.Get(t).elem;
  }
  return t;
}

bool IsValid(const Universe& u, TypeId t) {
  if (!t.has_value()) return false;
  const Type& ty = u.Get(t);
  return !(ty.kind == TypeKind::kBasic && ty.basic == BasicKind::kInvalid) &&
         ty.kind != TypeKind::kInvalid;
}

BasicKind BasicOf(const Universe& u, TypeId t) {
  TypeId under = Underlying(u, t);
  const Type& ty = u.Get(under);
  return ty.kind == TypeKind::kBasic ? ty.basic : BasicKind::kInvalid;
}

bool IsBasicKind(const Universe& u, TypeId t, BasicKind k) {
  const Type& ty = u.Get(Underlying(u, t));
  return ty.kind == TypeKind::kBasic && ty.basic == k;
}

bool IsInterface(const Universe& u, TypeId t) {
  return t.has_value() && u.Get(t).kind != TypeKind::kTypeParam &&
         u.Get(Underlying(u, t)).kind == TypeKind::kInterface;
}

bool IsTypeParam(const Universe& u, TypeId t) {
  return t.has_value() && u.Get(t).kind == TypeKind::kTypeParam;
}

bool IsGeneric(const Universe& u, TypeId t) {
  if (!t.has_value()) return false;
  const Type& ty = u.Get(t);
  return ty.kind == TypeKind::kNamed && !ty.origin.has_value() && !ty.named_tparams.empty();
}

// Predicates on basic info, for non-type-parameter types: the basic kind of the underlying type.
// For type parameters, all types in the type set must satisfy the predicate (go/types allBasic).
namespace {

bool BasicPred(const Universe& u, TypeId t, bool (*pred)(BasicKind)) {
  if (!t.has_value()) return false;
  if (u.Get(t).kind == TypeKind::kTypeParam) {
    return AllUnder(u, t, [&](TypeId x) {
      const Type& ty = u.Get(x);
      return ty.kind == TypeKind::kBasic && pred(ty.basic);
    });
  }
  const Type& ty = u.Get(Underlying(u, t));
  return ty.kind == TypeKind::kBasic && pred(ty.basic);
}

bool KIsBoolean(BasicKind k) { return k == BasicKind::kBool || k == BasicKind::kUntypedBool; }
bool KIsInteger(BasicKind k) {
  return (k >= BasicKind::kInt && k <= BasicKind::kUintptr) || k == BasicKind::kUntypedInt ||
         k == BasicKind::kUntypedRune;
}
bool KIsUnsigned(BasicKind k) { return k >= BasicKind::kUint && k <= BasicKind::kUintptr; }
bool KIsFloat(BasicKind k) {
  return k == BasicKind::kFloat32 || k == BasicKind::kFloat64 || k == BasicKind::kUntypedFloat;
}
bool KIsComplex(BasicKind k) {
  return k == BasicKind::kComplex64 || k == BasicKind::kComplex128 ||
         k == BasicKind::kUntypedComplex;
}
bool KIsNumeric(BasicKind k) { return KIsInteger(k) || KIsFloat(k) || KIsComplex(k); }
bool KIsString(BasicKind k) { return k == BasicKind::kString || k == BasicKind::kUntypedString; }
bool KIsOrdered(BasicKind k) { return KIsInteger(k) || KIsFloat(k) || KIsString(k); }
bool KIsConst(BasicKind k) { return KIsBoolean(k) || KIsNumeric(k) || KIsString(k); }
bool KIsUntyped(BasicKind k) { return k >= BasicKind::kUntypedBool; }

}  // namespace

bool IsBoolean(const Universe& u, TypeId t) { return BasicPred(u, t, KIsBoolean); }
bool IsInteger(const Universe& u, TypeId t) { return BasicPred(u, t, KIsInteger); }
bool IsUnsigned(const Universe& u, TypeId t) { return BasicPred(u, t, KIsUnsigned); }
bool IsFloat(const Universe& u, TypeId t) { return BasicPred(u, t, KIsFloat); }
bool IsComplex(const Universe& u, TypeId t) { return BasicPred(u, t, KIsComplex); }
bool IsNumeric(const Universe& u, TypeId t) { return BasicPred(u, t, KIsNumeric); }
bool IsString(const Universe& u, TypeId t) { return BasicPred(u, t, KIsString); }
bool IsOrdered(const Universe& u, TypeId t) { return BasicPred(u, t, KIsOrdered); }
bool IsConstType(const Universe& u, TypeId t) {
  if (!t.has_value()) return false;
  const Type& ty = u.Get(Underlying(u, t));
  return ty.kind == TypeKind::kBasic && KIsConst(ty.basic);
}
bool IsUntyped(const Universe& u, TypeId t) {
  if (!t.has_value()) return false;
  const Type& ty = u.Get(t);
  return ty.kind == TypeKind::kBasic && KIsUntyped(ty.basic);
}
bool IsTyped(const Universe& u, TypeId t) { return !IsUntyped(u, t); }

bool IsPointer(const Universe& u, TypeId t) {
  return t.has_value() && u.Get(Underlying(u, t)).kind == TypeKind::kPointer;
}

// ---- interface type sets

namespace {

// Term-list helpers. A term list with an entry of type none means "all types".
bool TermDisjoint(const Universe& u, const Term& x, const Term& y) {
  TypeId ux = x.type;
  if (y.tilde) ux = Underlying(u, ux);
  TypeId uy = y.type;
  if (x.tilde) uy = Underlying(u, uy);
  return !Identical(u, ux, uy);
}

// Whether term x is a subset of y.
bool TermSubset(const Universe& u, const Term& x, const Term& y) {
  if (!y.type.has_value()) return true;
  if (!x.type.has_value()) return false;
  if (TermDisjoint(u, x, y)) return false;
  return !x.tilde || y.tilde;
}

// A set of terms; `all` means the universe; empty `terms` with !all means the empty set.
struct TermSet {
  bool all = true;
  std::vector<Term> terms;
};

void AddTerm(const Universe& u, std::vector<Term>* list, const Term& t) {
  for (auto& x : *list) {
    if (TermSubset(u, t, x)) return;
    if (TermSubset(u, x, t)) {
      x = t;
      return;
    }
  }
  list->push_back(t);
}

TermSet Intersect(const Universe& u, const TermSet& a, const TermSet& b) {
  if (a.all) return b;
  if (b.all) return a;
  TermSet r;
  r.all = false;
  for (const auto& x : a.terms) {
    for (const auto& y : b.terms) {
      if (TermDisjoint(u, x, y)) continue;
      Term t;
      if (!x.tilde) {
        t = x;
      } else if (!y.tilde) {
        t = y;
      } else {
        t = x;
      }
      AddTerm(u, &r.terms, t);
    }
  }
  return r;
}

bool AddMethod(const Universe& u, std::vector<ObjId>* methods, ObjId m) {
  const Object& mo = u.Obj(m);
  for (ObjId x : *methods) {
    const Object& xo = u.Obj(x);
    if (xo.name == mo.name && (xo.pkg == mo.pkg || !xo.name.empty())) {
      return false;  // duplicate (identical or not; the checker reports conflicts)
    }
  }
  methods->push_back(m);
  return true;
}

void ComputeTypeSet(const Universe& u, TypeId iface, int depth);

// The type set of an embedded element or union term type.
TermSet ElementTermSet(const Universe& u, TypeId t, bool* comparable,
                       std::vector<ObjId>* methods, bool* complete, int depth) {
  TermSet ts;
  if (!t.has_value()) return ts;
  const Type& ty = u.Get(t);
  if (ty.kind == TypeKind::kNamed && !ty.underlying.has_value() && !ty.origin.has_value()) {
    *complete = false;  // not yet resolved
    return ts;
  }
  TypeId under = Underlying(u, t);
  const Type& ut = u.Get(under);
  if (ty.kind != TypeKind::kTypeParam && ut.kind == TypeKind::kInterface) {
    ComputeTypeSet(u, under, depth + 1);
    const Type& it = u.Get(under);
    if (!it.complete) *complete = false;
    if (methods) {
      for (ObjId m : it.all_methods) AddMethod(u, methods, m);
    }
    if (it.is_comparable) *comparable = true;
    if (it.empty_typeset) {
      ts.all = false;
      return ts;
    }
    if (!it.terms.empty()) {
      ts.all = false;
      ts.terms = it.terms;
    }
    return ts;
  }
  if (ut.kind == TypeKind::kUnion) {
    ts.all = false;
    for (const auto& term : ut.terms) {
      if (!term.tilde && IsInterface(u, term.type)) {
        bool c = false;
        TermSet sub = ElementTermSet(u, term.type, &c, nullptr, complete, depth + 1);
        if (sub.all) return TermSet{};
        for (const auto& x : sub.terms) AddTerm(u, &ts.terms, x);
      } else {
        AddTerm(u, &ts.terms, term);
      }
    }
    return ts;
  }
  if (!IsValid(u, t) || !IsValid(u, under)) return ts;  // invalid: all types (no follow-ons)
  ts.all = false;
  ts.terms.push_back(Term{false, t});
  return ts;
}

void ComputeTypeSet(const Universe& u, TypeId iface, int depth) {
  Type& it = Mut(u).types.Get(iface);
  if (it.complete || depth > 100) return;
  std::vector<ObjId> methods;
  for (ObjId m : it.methods) AddMethod(u, &methods, m);
  bool comparable = it.is_comparable;
  bool complete = true;
  TermSet ts;
  std::vector<TypeId> embeddeds = it.embeddeds;
  for (TypeId e : embeddeds) {
    TermSet es = ElementTermSet(u, e, &comparable, &methods, &complete, depth);
    ts = Intersect(u, ts, es);
  }
  std::sort(methods.begin(), methods.end(), [&](ObjId a, ObjId b) {
    return u.Obj(a).name < u.Obj(b).name;
  });
  Type& it2 = Mut(u).types.Get(iface);
  it2.all_methods = std::move(methods);
  it2.is_comparable = comparable && ts.all;
  if (ts.all) {
    it2.terms.clear();
    it2.empty_typeset = false;
  } else {
    it2.terms = ts.terms;
    it2.empty_typeset = ts.terms.empty();
  }
  // A comparable interface with specific terms is comparable iff its terms are (handled by
  // Comparable()); keep the flag to know `comparable` was embedded.
  if (comparable && !ts.all) it2.is_comparable = true;
  it2.complete = complete;
}

}  // namespace

const Type& CompleteInterface(const Universe& u, TypeId iface) {
  const Type& it = u.Get(iface);
  if (it.kind != TypeKind::kInterface) return it;
  if (!it.complete) ComputeTypeSet(u, iface, 0);
  return u.Get(iface);
}

bool IsAllTypes(const Universe& u, TypeId iface) {
  const Type& it = CompleteInterface(u, iface);
  return it.terms.empty() && !it.empty_typeset;
}

bool AllUnder(const Universe& u, TypeId t, const std::function<bool(TypeId)>& pred) {
  if (!t.has_value()) return false;
  if (u.Get(t).kind != TypeKind::kTypeParam) return pred(Underlying(u, t));
  TypeId iface = Underlying(u, t);
  const Type& it = CompleteInterface(u, iface);
  if (it.terms.empty()) return it.empty_typeset ? true : false;
  std::vector<Term> terms = it.terms;
  for (const auto& term : terms) {
    if (!pred(Underlying(u, term.type))) return false;
  }
  return true;
}

TypeId CoreType(const Universe& u, TypeId t) {
  if (!t.has_value()) return TypeId();
  if (u.Get(t).kind != TypeKind::kTypeParam) return Underlying(u, t);
  TypeId iface = Underlying(u, t);
  const Type& it = CompleteInterface(u, iface);
  if (it.terms.empty()) return TypeId();
  std::vector<Term> terms = it.terms;
  TypeId su;
  for (const auto& term : terms) {
    TypeId x = Underlying(u, term.type);
    if (!su.has_value()) {
      su = x;
      continue;
    }
    if (Identical(u, su, x)) continue;
    const Type& a = u.Get(su);
    const Type& b = u.Get(x);
    if (a.kind == TypeKind::kChan && b.kind == TypeKind::kChan && Identical(u, a.elem, b.elem)) {
      if (a.dir == ChanDir::kBoth) {
        su = x;
        continue;
      }
      if (b.dir == ChanDir::kBoth || a.dir == b.dir) continue;
    }
    return TypeId();
  }
  return su;
}

// ---- identity

namespace {

struct IdentCtx {
  const Universe& u;
  bool ignore_tags;
  int depth = 0;
  // Type parameter correspondences for generic signatures.
  std::vector<std::pair<TypeId, TypeId>> tparams;
};

bool Ident(IdentCtx& c, TypeId a, TypeId b);

bool IdentTuple(IdentCtx& c, TypeId a, TypeId b) {
  const auto& va = c.u.Get(a).vars;
  const auto& vb = c.u.Get(b).vars;
  if (va.size() != vb.size()) return false;
  for (size_t i = 0; i < va.size(); ++i) {
    if (!Ident(c, c.u.Obj(va[i]).type, c.u.Obj(vb[i]).type)) return false;
  }
  return true;
}

bool SameName(const Universe& u, ObjId a, ObjId b) {
  const Object& x = u.Obj(a);
  const Object& y = u.Obj(b);
  if (x.name != y.name) return false;
  if (x.name.empty()) return true;
  bool exported = x.name[0] >= 'A' && x.name[0] <= 'Z';
  if (!exported && !(x.name[0] & 0x80)) return x.pkg == y.pkg;
  if (x.name[0] & 0x80) return true;  // non-ASCII: treat as exported (rare)
  return true;
}

bool Ident(IdentCtx& c, TypeId a, TypeId b) {
  if (a == b) return true;
  if (!a.has_value() || !b.has_value()) return false;
  if (++c.depth > kMaxIdentDepth) {
    --c.depth;
    return false;
  }
  struct Dec {
    int* d;
    ~Dec() { --*d; }
  } dec{&c.depth};
  const Universe& u = c.u;
  const Type& x = u.Get(a);
  const Type& y = u.Get(b);
  if (x.kind != y.kind) return false;
  switch (x.kind) {
    case TypeKind::kBasic: return x.basic == y.basic;
    case TypeKind::kArray: return x.len == y.len && Ident(c, x.elem, y.elem);
    case TypeKind::kSlice:
    case TypeKind::kPointer: return Ident(c, x.elem, y.elem);
    case TypeKind::kMap: return Ident(c, x.key, y.key) && Ident(c, x.elem, y.elem);
    case TypeKind::kChan: return x.dir == y.dir && Ident(c, x.elem, y.elem);
    case TypeKind::kStruct: {
      if (x.fields.size() != y.fields.size()) return false;
      for (size_t i = 0; i < x.fields.size(); ++i) {
        const Object& f = u.Obj(x.fields[i]);
        const Object& g = u.Obj(y.fields[i]);
        if (f.embedded != g.embedded) return false;
        if (!c.ignore_tags && x.tags[i] != y.tags[i]) return false;
        if (!SameName(u, x.fields[i], y.fields[i])) return false;
        if (!Ident(c, f.type, g.type)) return false;
      }
      return true;
    }
    case TypeKind::kTuple: return IdentTuple(c, a, b);
    case TypeKind::kSignature: {
      if (x.type_params.size() != y.type_params.size()) return false;
      if (x.variadic != y.variadic) return false;
      size_t mark = c.tparams.size();
      for (size_t i = 0; i < x.type_params.size(); ++i) {
        c.tparams.push_back({x.type_params[i], y.type_params[i]});
      }
      bool ok = true;
      for (size_t i = 0; ok && i < x.type_params.size(); ++i) {
        ok = Ident(c, u.Get(x.type_params[i]).constraint, u.Get(y.type_params[i]).constraint);
      }
      ok = ok && IdentTuple(c, x.params, y.params) && IdentTuple(c, x.results, y.results);
      c.tparams.resize(mark);
      return ok;
    }
    case TypeKind::kUnion: {
      if (x.terms.size() != y.terms.size()) return false;
      for (const auto& t : x.terms) {
        bool found = false;
        for (const auto& s : y.terms) {
          if (t.tilde == s.tilde && Ident(c, t.type, s.type)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    }
    case TypeKind::kInterface: {
      const Type& xi = CompleteInterface(u, a);
      const Type& yi = CompleteInterface(u, b);
      if (xi.is_comparable != yi.is_comparable) return false;
      if (xi.empty_typeset != yi.empty_typeset) return false;
      if (xi.terms.size() != yi.terms.size()) return false;
      for (const auto& t : xi.terms) {
        bool found = false;
        for (const auto& s : yi.terms) {
          if (t.tilde == s.tilde && Ident(c, t.type, s.type)) {
            found = true;
            break;
          }
        }
        if (!found) return false;
      }
      if (xi.all_methods.size() != yi.all_methods.size()) return false;
      for (size_t i = 0; i < xi.all_methods.size(); ++i) {
        ObjId f = xi.all_methods[i], g = yi.all_methods[i];
        if (!SameName(u, f, g)) return false;
        // Compare signatures ignoring the receiver.
        if (!Ident(c, u.Obj(f).type, u.Obj(g).type)) return false;
      }
      return true;
    }
    case TypeKind::kNamed: {
      if (x.origin.has_value() && y.origin.has_value() && x.origin == y.origin &&
          x.targs.size() == y.targs.size()) {
        for (size_t i = 0; i < x.targs.size(); ++i) {
          if (!Ident(c, x.targs[i], y.targs[i])) return false;
        }
        return true;
      }
      return false;
    }
    case TypeKind::kTypeParam:
      for (const auto& [p, q] : c.tparams) {
        if (p == a && q == b) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace

bool Identical(const Universe& u, TypeId a, TypeId b) {
  IdentCtx c{u, false, 0, {}};
  return Ident(c, a, b);
}

bool IdenticalIgnoreTags(const Universe& u, TypeId a, TypeId b) {
  IdentCtx c{u, true, 0, {}};
  return Ident(c, a, b);
}

// ---- comparability, nil

namespace {

bool ComparableRec(const Universe& u, TypeId t, bool dynamic, std::vector<TypeId>* seen,
                   std::string* cause) {
  for (TypeId s : *seen) {
    if (s == t) return true;
  }
  if (seen->size() > 200) return true;
  seen->push_back(t);
  TypeId under = Underlying(u, t);
  const Type& ut = u.Get(under);
  switch (ut.kind) {
    case TypeKind::kBasic: return ut.basic != BasicKind::kUntypedNil;
    case TypeKind::kPointer:
    case TypeKind::kChan: return true;
    case TypeKind::kStruct:
      for (ObjId f : ut.fields) {
        if (!ComparableRec(u, u.Obj(f).type, dynamic, seen, nullptr)) {
          if (cause) *cause = "struct containing " + TypeString(u, u.Obj(f).type, PkgId()) +
                              " cannot be compared";
          return false;
        }
      }
      return true;
    case TypeKind::kArray:
      if (!ComparableRec(u, ut.elem, dynamic, seen, nullptr)) {
        if (cause) *cause = TypeString(u, t, PkgId()) + " cannot be compared";
        return false;
      }
      return true;
    case TypeKind::kInterface: {
      if (dynamic && !IsTypeParam(u, t)) return true;
      const Type& it = CompleteInterface(u, under);
      if (it.empty_typeset) return true;  // IsComparable of empty set: vacuously (go: true)
      if (it.terms.empty()) return it.is_comparable;
      std::vector<Term> terms = it.terms;
      for (const auto& term : terms) {
        if (!ComparableRec(u, term.type, false, seen, nullptr)) {
          if (cause) *cause = "incomparable types in type set";
          return false;
        }
      }
      return true;
    }
    default: return false;
  }
}

}  // namespace

bool Comparable(const Universe& u, TypeId t, bool strict, std::string* cause) {
  std::vector<TypeId> seen;
  return ComparableRec(u, t, !strict, &seen, cause);
}

bool HasNil(const Universe& u, TypeId t) {
  if (!t.has_value()) return false;
  if (u.Get(t).kind == TypeKind::kTypeParam) {
    TypeId iface = Underlying(u, t);
    const Type& it = CompleteInterface(u, iface);
    if (it.terms.empty()) return false;
    return AllUnder(u, t, [&](TypeId x) { return HasNil(u, x); });
  }
  const Type& ut = u.Get(Underlying(u, t));
  switch (ut.kind) {
    case TypeKind::kBasic: return ut.basic == BasicKind::kUnsafePointer;
    case TypeKind::kSlice:
    case TypeKind::kPointer:
    case TypeKind::kSignature:
    case TypeKind::kMap:
    case TypeKind::kChan:
    case TypeKind::kInterface: return true;
    default: return false;
  }
}

TypeId DefaultType(const Universe& u, TypeId t) {
  if (!t.has_value()) return t;
  const Type& ty = u.Get(t);
  if (ty.kind != TypeKind::kBasic) return t;
  switch (ty.basic) {
    case BasicKind::kUntypedBool: return u.Basic(BasicKind::kBool);
    case BasicKind::kUntypedInt: return u.Basic(BasicKind::kInt);
    case BasicKind::kUntypedRune: return u.rune_type;
    case BasicKind::kUntypedFloat: return u.Basic(BasicKind::kFloat64);
    case BasicKind::kUntypedComplex: return u.Basic(BasicKind::kComplex128);
    case BasicKind::kUntypedString: return u.Basic(BasicKind::kString);
    default: return t;
  }
}

// Whether t has a name (go/types hasName): basic, named, or type parameter.
static bool HasName(const Universe& u, TypeId t) {
  TypeKind k = u.Get(t).kind;
  return k == TypeKind::kBasic || k == TypeKind::kNamed || k == TypeKind::kTypeParam;
}

bool AssignableTo(const Universe& u, TypeId v, TypeId t) {
  if (!IsValid(u, v) || !IsValid(u, t)) return true;
  if (Identical(u, v, t)) return true;
  if (IsUntyped(u, v)) {
    BasicKind k = u.Get(v).basic;
    if (IsTypeParam(u, t)) {
      return AllUnder(u, t, [&](TypeId x) {
        return AssignableTo(u, v, x);
      });
    }
    TypeId ut = Underlying(u, t);
    const Type& tt = u.Get(ut);
    if (k == BasicKind::kUntypedNil) return HasNil(u, t);
    if (tt.kind == TypeKind::kInterface) {
      return IsAllTypes(u, ut) && CompleteInterface(u, ut).all_methods.empty();
    }
    if (tt.kind != TypeKind::kBasic) return false;
    switch (k) {
      case BasicKind::kUntypedBool: return KIsBoolean(tt.basic);
      case BasicKind::kUntypedString: return KIsString(tt.basic);
      default: return KIsNumeric(tt.basic);
    }
  }
  TypeId vu = Underlying(u, v), tu = Underlying(u, t);
  bool vp = IsTypeParam(u, v), tp = IsTypeParam(u, t);
  if (Identical(u, vu, tu) && (!HasName(u, v) || !HasName(u, t)) && !vp && !tp) return true;
  if (u.Get(tu).kind == TypeKind::kInterface && !tp) {
    if (Implements(u, v, t)) return true;
    // V may be a pointer to an interface (not assignable); fall through.
  }
  if (u.Get(vu).kind == TypeKind::kInterface && !vp && u.Get(tu).kind != TypeKind::kInterface) {
    return false;
  }
  const Type& vt = u.Get(vu);
  const Type& ttt = u.Get(tu);
  if (vt.kind == TypeKind::kChan && vt.dir == ChanDir::kBoth && ttt.kind == TypeKind::kChan &&
      Identical(u, vt.elem, ttt.elem)) {
    return !HasName(u, v) || !HasName(u, t);
  }
  if (vp && !tp && !HasName(u, t)) {
    return AllUnder(u, v, [&](TypeId x) { return AssignableTo(u, x, t); });
  }
  if (tp && !HasName(u, v)) {
    return AllUnder(u, t, [&](TypeId x) { return AssignableTo(u, v, x); });
  }
  return false;
}

bool Implements(const Universe& u, TypeId t, TypeId iface) {
  std::string cause;
  return ImplementsCause(u, t, iface, false, nullptr, PkgId());
}

}  // namespace escapist::types
