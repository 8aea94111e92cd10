// types/lookup.cpp -- finding fields and methods through embedded fields (go/types lookup.go),
// method sets of instances, missing methods, and interface satisfaction (instantiate.go
// implements).
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "types/checker.h"

namespace escapist::types {

UniverseImpl& Impl(const Universe& u) {
  Universe& mu = const_cast<Universe&>(u);
  if (!mu.impl) mu.impl = std::make_shared<UniverseImpl>();
  return *static_cast<UniverseImpl*>(mu.impl.get());
}

bool IsExported(const std::string& name) {
  if (name.empty()) return false;
  unsigned char c = static_cast<unsigned char>(name[0]);
  if (c < 0x80) return std::isupper(c) != 0;
  return false;  // non-ASCII upper case letters are rare in practice
}

namespace {

// go/types Object.sameId.
bool SameId(const Universe& u, ObjId obj, PkgId pkg, const std::string& name, bool fold) {
  const Object& o = u.Obj(obj);
  if (fold) {
    if (o.name.size() != name.size()) return false;
    for (size_t i = 0; i < name.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(o.name[i])) !=
          std::tolower(static_cast<unsigned char>(name[i]))) {
        return false;
      }
    }
  } else if (o.name != name) {
    return false;
  }
  if (IsExported(o.name)) return true;
  return o.pkg == pkg;
}

struct Embedded {
  TypeId type;
  std::vector<uint32_t> index;
  bool indirect = false;
  bool multiples = false;
};

std::vector<uint32_t> Concat(const std::vector<uint32_t>& a, uint32_t i) {
  std::vector<uint32_t> r = a;
  r.push_back(i);
  return r;
}

}  // namespace

size_t NamedMethodCount(const Universe& u, TypeId named) {
  const Type& t = u.Get(named);
  if (t.kind != TypeKind::kNamed) return 0;
  if (t.origin.has_value()) return u.Get(t.origin).named_methods.size();
  return t.named_methods.size();
}

ObjId NamedMethod(const Universe& u, TypeId named, size_t i) {
  const Type& t = u.Get(named);
  if (!t.origin.has_value()) {
    ObjId m = t.named_methods[i];
    ResolveObject(u, m);
    return m;
  }
  Universe& mu = const_cast<Universe&>(u);
  {
    Type& mt = mu.types.Get(named);
    if (mt.named_methods.size() < u.Get(t.origin).named_methods.size()) {
      mt.named_methods.resize(u.Get(t.origin).named_methods.size());
    }
    if (mt.named_methods[i].has_value()) return mt.named_methods[i];
  }
  ObjId orig_m = u.Get(u.Get(named).origin).named_methods[i];
  ResolveObject(u, orig_m);
  Object m = u.Obj(orig_m);
  const Type& sig = u.Get(m.type);
  if (sig.kind == TypeKind::kSignature) {
    SubstMap smap;
    const std::vector<TypeId>& targs = u.Get(named).targs;
    const std::vector<TypeId>& rtparams =
        sig.recv_type_params.empty() ? u.Get(u.Get(named).origin).named_tparams
                                     : sig.recv_type_params;
    for (size_t k = 0; k < rtparams.size() && k < targs.size(); ++k) {
      smap.from.push_back(rtparams[k]);
      smap.to.push_back(targs[k]);
    }
    TypeId nsig = Subst(mu, m.type, smap);
    if (nsig != m.type) {
      // Substitute the receiver too, so it names the instance.
      Type st = mu.Get(nsig);
      if (st.recv.has_value()) {
        Object r = mu.Obj(st.recv);
        r.type = Subst(mu, r.type, smap);
        st.recv = mu.NewObject(std::move(r));
      }
      st.recv_type_params.clear();
      nsig = mu.NewType(std::move(st));
    }
    m.type = nsig;
  }
  ObjId nm = mu.NewObject(std::move(m));
  mu.types.Get(named).named_methods[i] = nm;
  return nm;
}

LookupResult LookupImpl(const Universe& u, TypeId T, bool addressable, PkgId pkg,
                        const std::string& name, bool fold_case) {
  LookupResult res;
  if (name == "_" || !T.has_value()) return res;
  // A defined pointer type: look up in the pointer type, but only fields count.
  if (u.Get(T).kind == TypeKind::kNamed) {
    TypeId under = Underlying(u, T);
    if (u.Get(under).kind == TypeKind::kPointer) {
      LookupResult r = LookupImpl(u, under, false, pkg, name, fold_case);
      if (r.obj.has_value() && u.Obj(r.obj).kind == ObjKind::kFunc) return LookupResult();
      return r;
    }
  }
  bool is_ptr = false;
  TypeId typ = Deref(u, T, &is_ptr);
  // *typ where typ is an interface (incl. type parameter) has no methods.
  if (is_ptr && u.Get(Underlying(u, typ)).kind == TypeKind::kInterface) return res;

  std::vector<Embedded> current{{typ, {}, is_ptr, false}};
  std::vector<TypeId> seen;
  for (int depth = 0; !current.empty() && depth < 64; ++depth) {
    std::vector<Embedded> next;
    ObjId obj;
    std::vector<uint32_t> index;
    bool indirect = false;
    for (const Embedded& e : current) {
      TypeId t = e.type;
      const Type& ty = u.Get(t);
      if (ty.kind == TypeKind::kNamed) {
        bool dup = false;
        for (TypeId s : seen) {
          if (s == t || Identical(u, s, t)) {
            dup = true;
            break;
          }
        }
        if (dup) continue;
        seen.push_back(t);
        size_t n = NamedMethodCount(u, t);
        bool found = false;
        for (size_t i = 0; i < n; ++i) {
          ObjId m = t.has_value() ? (u.Get(t).origin.has_value()
                                         ? u.Get(u.Get(t).origin).named_methods[i]
                                         : u.Get(t).named_methods[i])
                                  : ObjId();
          if (!SameId(u, m, pkg, name, fold_case)) continue;
          m = NamedMethod(u, t, i);
          index = Concat(e.index, static_cast<uint32_t>(i));
          if (obj.has_value() || e.multiples) {
            res.index = index;
            return res;  // collision
          }
          obj = m;
          indirect = e.indirect;
          found = true;
          break;
        }
        if (found) continue;
      }
      TypeId under = Underlying(u, t);
      const Type& ut = u.Get(under);
      if (ut.kind == TypeKind::kStruct) {
        for (uint32_t i = 0; i < ut.fields.size(); ++i) {
          ObjId f = ut.fields[i];
          if (SameId(u, f, pkg, name, fold_case)) {
            index = Concat(e.index, i);
            if (obj.has_value() || e.multiples) {
              res.index = index;
              return res;
            }
            obj = f;
            indirect = e.indirect;
            continue;
          }
          if (!obj.has_value() && u.Obj(f).embedded) {
            bool p = false;
            TypeId ft = Deref(u, u.Obj(f).type, &p);
            next.push_back({ft, Concat(e.index, i), e.indirect || p, e.multiples});
          }
        }
      } else if (ut.kind == TypeKind::kInterface) {
        const Type& it = CompleteInterface(u, under);
        for (uint32_t i = 0; i < it.all_methods.size(); ++i) {
          ObjId m = it.all_methods[i];
          if (!SameId(u, m, pkg, name, fold_case)) continue;
          index = Concat(e.index, i);
          if (obj.has_value() || e.multiples) {
            res.index = index;
            return res;
          }
          obj = m;
          indirect = e.indirect;
          break;
        }
      }
    }
    if (obj.has_value()) {
      const Object& o = u.Obj(obj);
      if (o.kind == ObjKind::kFunc && o.ptr_recv && !indirect && !addressable) {
        res.indirect = true;  // pointer/addressable receiver required
        return res;
      }
      res.obj = obj;
      res.index = std::move(index);
      res.indirect = indirect;
      return res;
    }
    // consolidateMultiples
    std::vector<Embedded> merged;
    for (auto& e : next) {
      bool dup = false;
      for (auto& m : merged) {
        if (Identical(u, m.type, e.type)) {
          m.multiples = true;
          dup = true;
          break;
        }
      }
      if (!dup) merged.push_back(std::move(e));
    }
    current = std::move(merged);
  }
  return res;
}

ObjId LookupFieldOrMethod(const Universe& u, TypeId t, bool addressable, PkgId pkg,
                          const std::string& name, Selection* sel) {
  LookupResult r = LookupImpl(u, t, addressable, pkg, name);
  if (!r.obj.has_value()) return ObjId();
  if (sel) {
    sel->obj = r.obj;
    sel->path = r.index;
    sel->indirect = r.indirect;
    sel->recv = t;
    sel->kind = u.Obj(r.obj).kind == ObjKind::kVar ? Selection::Kind::kFieldVal
                                                   : Selection::Kind::kMethodVal;
  }
  return r.obj;
}

namespace {

// Whether two method signatures are identical, ignoring receivers.
bool SameSig(const Universe& u, TypeId a, TypeId b) { return Identical(u, a, b); }

}  // namespace

ObjId MissingMethod(const Universe& u, TypeId V, TypeId T, bool static_check, ObjId* alt) {
  TypeId tu = Underlying(u, T);
  if (u.Get(tu).kind != TypeKind::kInterface) return ObjId();
  std::vector<ObjId> methods = CompleteInterface(u, tu).all_methods;
  if (methods.empty()) return ObjId();
  TypeId vu = Underlying(u, V);
  if (u.Get(vu).kind == TypeKind::kInterface) {
    const Type& vi = CompleteInterface(u, vu);
    std::vector<ObjId> vmethods = vi.all_methods;
    for (ObjId m : methods) {
      ObjId found;
      for (ObjId f : vmethods) {
        if (SameId(u, f, u.Obj(m).pkg, u.Obj(m).name, false)) {
          found = f;
          break;
        }
      }
      if (!found.has_value()) {
        if (!static_check) continue;
        return m;
      }
      if (!SameSig(u, u.Obj(found).type, u.Obj(m).type)) {
        if (alt) *alt = found;
        return m;
      }
    }
    return ObjId();
  }
  for (ObjId m : methods) {
    ResolveObject(u, m);
    const Object& mo = u.Obj(m);
    LookupResult r = LookupImpl(u, V, false, mo.pkg, mo.name);
    if (!r.obj.has_value()) {
      if (r.indirect) {
        // Found on *V only.
        LookupResult r2 = LookupImpl(u, V, true, mo.pkg, mo.name);
        if (alt) *alt = r2.obj;
      }
      return m;
    }
    if (u.Obj(r.obj).kind != ObjKind::kFunc) return m;
    ResolveObject(u, r.obj);
    if (!SameSig(u, u.Obj(r.obj).type, mo.type)) {
      if (alt) *alt = r.obj;
      return m;
    }
  }
  return ObjId();
}

namespace {

std::string FuncString(const Universe& u, ObjId f, PkgId local) {
  std::string s = TypeStringTypes2(u, u.Obj(f).type, local);
  if (s.rfind("func", 0) == 0) s = s.substr(4);
  return u.Obj(f).name + s;
}

bool TermsInclude(const Universe& u, const std::vector<Term>& terms, TypeId v) {
  for (const auto& t : terms) {
    TypeId x = t.tilde ? Underlying(u, v) : v;
    if (Identical(u, x, t.type)) return true;
  }
  return false;
}

}  // namespace

// types2 isInterfacePtr / interfacePtrError: "type *I is pointer to interface, not interface".
static bool IsInterfacePtr(const Universe& u, TypeId t) {
  const Type& p = u.Get(Underlying(u, t));
  return p.kind == TypeKind::kPointer && p.elem.has_value() &&
         u.Get(Underlying(u, p.elem)).kind == TypeKind::kInterface;
}
static std::string InterfacePtrError(const Universe& u, TypeId t, PkgId local) {
  const Type& p = u.Get(Underlying(u, t));
  const char* what = IsTypeParam(u, p.elem) ? "type parameter" : "interface";
  return "type " + TypeStringTypes2(u, t, local) + " is pointer to " + what + ", not " + what;
}

// Why V lacks method m of T (types2 missingMethod's cause), e.g. "(missing method M)".
std::string MissingMethodReason(const Universe& u, TypeId V, TypeId T, ObjId m, ObjId alt,
                                PkgId local) {
  const Object& mo = u.Obj(m);
  if (alt.has_value()) {
    const Object& ao = u.Obj(alt);
    if (ao.kind == ObjKind::kFunc && ao.ptr_recv && !IsPointer(u, V) &&
        SameSig(u, ao.type, mo.type)) {
      return "(method " + mo.name + " has pointer receiver)";
    }
    if (ao.kind == ObjKind::kFunc) {
      std::string fs = FuncString(u, alt, local), ms = FuncString(u, m, local);
      if (fs == ms) return "(wrong type for method " + mo.name + ")";
      return "(wrong type for method " + mo.name + ")\n\t\thave " + fs + "\n\t\twant " + ms;
    }
  }
  LookupResult r = LookupImpl(u, V, false, mo.pkg, mo.name);
  if (r.obj.has_value() && u.Obj(r.obj).kind == ObjKind::kVar) {
    return "(" + TypeStringTypes2(u, V, local) + "." + mo.name + " is a field, not a method)";
  }
  if (!r.obj.has_value() && !r.index.empty()) {
    return "(ambiguous selector " + TypeStringTypes2(u, V, local) + "." + mo.name + ")";
  }
  if (!r.obj.has_value() && r.indirect) return "(method " + mo.name + " has pointer receiver)";
  LookupResult f = LookupImpl(u, V, false, mo.pkg, mo.name, true);
  bool not_found = !(f.obj.has_value() && u.Obj(f.obj).kind == ObjKind::kFunc);
  if (not_found && IsInterfacePtr(u, V)) return "(" + InterfacePtrError(u, V, local) + ")";
  if (not_found && IsInterfacePtr(u, T)) return "(" + InterfacePtrError(u, T, local) + ")";
  if (f.obj.has_value() && u.Obj(f.obj).kind == ObjKind::kFunc) {
    if (u.Obj(f.obj).name == mo.name) return "(unexported method " + mo.name + ")";
    return "(missing method " + mo.name + ")\n\t\thave " + FuncString(u, f.obj, local) +
           "\n\t\twant " + FuncString(u, m, local);
  }
  return "(missing method " + mo.name + ")";
}

bool ImplementsCause(const Universe& u, TypeId V, TypeId T, bool constraint, std::string* cause,
                     PkgId local) {
  TypeId vu = Underlying(u, V), tu = Underlying(u, T);
  if (!IsValid(u, vu) || !IsValid(u, tu)) return true;
  if (u.Get(vu).kind == TypeKind::kPointer && !IsValid(u, Underlying(u, u.Get(vu).elem))) {
    return true;
  }
  const char* verb = constraint ? "satisfy" : "implement";
  auto ts = [&](TypeId t) { return TypeStringTypes2(u, t, local); };
  if (u.Get(tu).kind != TypeKind::kInterface) {
    if (cause) {
      *cause = ts(V) + " does not " + verb + " " + ts(T) + " (" +
               (IsInterfacePtr(u, tu) ? InterfacePtrError(u, T, local) : ts(T) + " is not an interface") +
               ")";
    }
    return false;
  }
  const Type& ti = CompleteInterface(u, tu);
  if (ti.all_methods.empty() && ti.terms.empty() && !ti.empty_typeset && !ti.is_comparable) {
    return true;
  }
  bool v_iface = u.Get(vu).kind == TypeKind::kInterface;
  if (v_iface && CompleteInterface(u, vu).empty_typeset) return true;
  if (CompleteInterface(u, tu).empty_typeset) {
    if (cause) *cause = std::string("cannot ") + verb + " " + ts(T) + " (empty type set)";
    return false;
  }
  ObjId alt;
  ObjId m = MissingMethod(u, V, T, true, &alt);
  if (m.has_value()) {
    if (cause) {
      *cause = ts(V) + " does not " + verb + " " + ts(T) + " " +
               MissingMethodReason(u, V, T, m, alt, local);
    }
    return false;
  }
  auto check_comparability = [&]() {
    if (!CompleteInterface(u, tu).is_comparable) return true;
    if (Comparable(u, V, true)) return true;
    if (constraint && Comparable(u, V, false)) return true;
    if (cause) *cause = ts(V) + " does not " + verb + " comparable";
    return false;
  };
  const Type& ti2 = CompleteInterface(u, tu);
  if (ti2.terms.empty()) return check_comparability();
  std::vector<Term> tterms = ti2.terms;
  if (v_iface) {
    const Type& vi = CompleteInterface(u, vu);
    bool subset = !vi.terms.empty();
    for (const auto& vt : vi.terms) {
      bool inc = false;
      for (const auto& t : tterms) {
        if (!t.type.has_value()) {
          inc = true;
          break;
        }
        TypeId a = vt.type, b = t.type;
        if (t.tilde) a = Underlying(u, a);
        if (Identical(u, a, b) && (!vt.tilde || t.tilde)) {
          inc = true;
          break;
        }
      }
      if (!inc) subset = false;
    }
    if (!subset) {
      if (cause) *cause = ts(V) + " does not " + verb + " " + ts(T);
      return false;
    }
    return check_comparability();
  }
  if (!TermsInclude(u, tterms, V)) {
    if (cause) {
      std::string detail;
      for (const auto& t : tterms) {
        if (!t.tilde && Identical(u, t.type, Underlying(u, t.type)) &&
            Identical(u, Underlying(u, V), t.type)) {
          detail = "possibly missing ~ for " + ts(t.type) + " in " + ts(T);
          break;
        }
      }
      if (detail.empty()) {
        std::string list;
        for (size_t i = 0; i < tterms.size(); ++i) {
          if (i > 0) list += " | ";
          if (tterms[i].tilde) list += "~";
          list += ts(tterms[i].type);
        }
        detail = ts(V) + " missing in " + list;
      }
      *cause = ts(V) + " does not " + verb + " " + ts(T) + " (" + detail + ")";
    }
    return false;
  }
  return check_comparability();
}

}  // namespace escapist::types
