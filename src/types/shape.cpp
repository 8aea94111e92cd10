// types/shape.cpp -- shape types for shaped instantiation of generic code (gc's noder.Shapify and
// types.ShapePkg): the type arguments a generic function body is compiled with.
#include <string>
#include <unordered_set>

#include "types/checker.h"

namespace escapist::types {

namespace {

// The go.shape package, made on first use.
PkgId ShapePkg(Universe& u) {
  UniverseImpl& impl = Impl(u);
  if (!impl.shape_pkg.has_value()) {
    auto p = std::make_unique<Package>();
    p->path = kShapePkgPath;
    p->name = kShapePkgPath;
    p->checked = true;
    p->scope = u.NewScope(u.universe_scope);
    impl.shape_pkg = u.packages.Add(std::move(p));
  }
  return impl.shape_pkg;
}

}  // namespace

bool IsShape(const Universe& u, TypeId t) {
  if (!t.has_value()) return false;
  const Type& ty = u.Get(t);
  if (ty.kind != TypeKind::kNamed || !ty.obj.has_value()) return false;
  PkgId p = u.Obj(ty.obj).pkg;
  return p.has_value() && u.Pkg(p).path == kShapePkgPath;
}

TypeId Shapify(Universe& u, TypeId targ, bool basic) {
  if (!targ.has_value() || IsShape(u, targ)) return targ;
  TypeId under = Underlying(u, targ);
  if (!under.has_value()) return targ;
  if (basic && u.Get(under).kind == TypeKind::kPointer) {
    under = u.NewPointer(u.Basic(BasicKind::kUint8));
  }
  std::string name = LinkString(u, under);
  PkgId pkg = ShapePkg(u);
  UniverseImpl& impl = Impl(u);
  if (auto it = impl.shapes.find(name); it != impl.shapes.end()) return it->second;
  Object tn;
  tn.kind = ObjKind::kTypeName;
  tn.name = name;
  tn.pkg = pkg;
  ObjId obj = u.NewObject(std::move(tn));
  Type named;
  named.kind = TypeKind::kNamed;
  named.obj = obj;
  named.underlying = under;
  TypeId shape = u.NewType(std::move(named));
  u.objects.Get(obj).type = shape;
  impl.shapes.emplace(std::move(name), shape);
  return shape;
}

bool IsMethodSetConstraint(const Universe& u, TypeId constraint) {
  if (!constraint.has_value()) return true;
  TypeId ut = Underlying(u, constraint);
  if (!ut.has_value() || u.Get(ut).kind != TypeKind::kInterface) return true;
  const Type& it = CompleteInterface(u, ut);
  return !it.is_comparable && it.terms.empty() && !it.empty_typeset;
}

namespace {

bool Mentions(const Universe& u, TypeId t, int depth, std::unordered_set<uint32_t>& seen,
              bool shapes = false) {
  if (!t.has_value() || depth > 64) return false;
  const Type& ty = u.Get(t);
  if (shapes && ty.kind == TypeKind::kNamed && IsShape(u, t)) return true;
  switch (ty.kind) {
    case TypeKind::kTypeParam:
      return true;
    case TypeKind::kPointer:
    case TypeKind::kSlice:
    case TypeKind::kArray:
    case TypeKind::kChan:
      return Mentions(u, ty.elem, depth + 1, seen, shapes);
    case TypeKind::kMap:
      return Mentions(u, ty.key, depth + 1, seen, shapes) || Mentions(u, ty.elem, depth + 1, seen, shapes);
    case TypeKind::kNamed:
      for (TypeId a : ty.targs) {
        if (Mentions(u, a, depth + 1, seen, shapes)) return true;
      }
      return false;
    case TypeKind::kTuple:
      for (ObjId v : ty.vars) {
        if (Mentions(u, u.Obj(v).type, depth + 1, seen, shapes)) return true;
      }
      return false;
    case TypeKind::kSignature:
      return Mentions(u, ty.params, depth + 1, seen, shapes) || Mentions(u, ty.results, depth + 1, seen, shapes);
    case TypeKind::kStruct:
      if (!seen.insert(t.index()).second) return false;
      for (ObjId f : ty.fields) {
        if (Mentions(u, u.Obj(f).type, depth + 1, seen, shapes)) return true;
      }
      return false;
    case TypeKind::kInterface:
      if (!seen.insert(t.index()).second) return false;
      for (ObjId m : ty.methods) {
        if (Mentions(u, u.Obj(m).type, depth + 1, seen, shapes)) return true;
      }
      for (TypeId e : ty.embeddeds) {
        if (Mentions(u, e, depth + 1, seen, shapes)) return true;
      }
      return false;
    case TypeKind::kUnion:
      for (const Term& term : ty.terms) {
        if (Mentions(u, term.type, depth + 1, seen, shapes)) return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace

bool MentionsTypeParam(const Universe& u, TypeId t) {
  std::unordered_set<uint32_t> seen;
  return Mentions(u, t, 0, seen);
}

bool MentionsTypeParamOrShape(const Universe& u, TypeId t) {
  std::unordered_set<uint32_t> seen;
  return Mentions(u, t, 0, seen, /*shapes=*/true);
}

}  // namespace escapist::types
