// types/universe.cpp -- the Universe: stores, composite type constructors, and the predeclared
// objects of the universe scope and package unsafe (go/types universe.go).
#include <string>
#include <utility>

#include "types/checker.h"
#include "types/types.h"

namespace escapist::types {

namespace {

struct BasicInfo {
  BasicKind kind;
  const char* name;
};

constexpr BasicInfo kBasics[] = {
    {BasicKind::kInvalid, "invalid type"},
    {BasicKind::kBool, "bool"},
    {BasicKind::kInt, "int"},
    {BasicKind::kInt8, "int8"},
    {BasicKind::kInt16, "int16"},
    {BasicKind::kInt32, "int32"},
    {BasicKind::kInt64, "int64"},
    {BasicKind::kUint, "uint"},
    {BasicKind::kUint8, "uint8"},
    {BasicKind::kUint16, "uint16"},
    {BasicKind::kUint32, "uint32"},
    {BasicKind::kUint64, "uint64"},
    {BasicKind::kUintptr, "uintptr"},
    {BasicKind::kFloat32, "float32"},
    {BasicKind::kFloat64, "float64"},
    {BasicKind::kComplex64, "complex64"},
    {BasicKind::kComplex128, "complex128"},
    {BasicKind::kString, "string"},
    {BasicKind::kUnsafePointer, "Pointer"},
    {BasicKind::kUntypedBool, "untyped bool"},
    {BasicKind::kUntypedInt, "untyped int"},
    {BasicKind::kUntypedRune, "untyped rune"},
    {BasicKind::kUntypedFloat, "untyped float"},
    {BasicKind::kUntypedComplex, "untyped complex"},
    {BasicKind::kUntypedString, "untyped string"},
    {BasicKind::kUntypedNil, "untyped nil"},
};

struct BuiltinInfo {
  BuiltinId id;
  const char* name;
};

constexpr BuiltinInfo kUniverseFuncs[] = {
    {BuiltinId::kAppend, "append"}, {BuiltinId::kCap, "cap"},         {BuiltinId::kClear, "clear"},
    {BuiltinId::kClose, "close"},   {BuiltinId::kComplex, "complex"}, {BuiltinId::kCopy, "copy"},
    {BuiltinId::kDelete, "delete"}, {BuiltinId::kImag, "imag"},       {BuiltinId::kLen, "len"},
    {BuiltinId::kMake, "make"},     {BuiltinId::kMax, "max"},         {BuiltinId::kMin, "min"},
    {BuiltinId::kNew, "new"},       {BuiltinId::kPanic, "panic"},     {BuiltinId::kPrint, "print"},
    {BuiltinId::kPrintln, "println"}, {BuiltinId::kReal, "real"},     {BuiltinId::kRecover, "recover"},
};

constexpr BuiltinInfo kUnsafeFuncs[] = {
    {BuiltinId::kAdd, "Add"},           {BuiltinId::kAlignof, "Alignof"},
    {BuiltinId::kOffsetof, "Offsetof"}, {BuiltinId::kSizeof, "Sizeof"},
    {BuiltinId::kSlice, "Slice"},       {BuiltinId::kSliceData, "SliceData"},
    {BuiltinId::kString, "String"},     {BuiltinId::kStringData, "StringData"},
};

}  // namespace

// The name of a basic kind as go/types spells it.
const char* BasicName(BasicKind k) { return kBasics[static_cast<int>(k)].name; }

// The name of a builtin function.
const char* BuiltinName(BuiltinId id) {
  for (const auto& b : kUniverseFuncs) {
    if (b.id == id) return b.name;
  }
  for (const auto& b : kUnsafeFuncs) {
    if (b.id == id) return b.name;
  }
  return "?";
}

Universe::Universe() {
  universe_scope = NewScope(ScopeId());
  auto declare = [&](Object obj) {
    obj.parent = universe_scope;
    std::string name = obj.name;
    ObjId id = NewObject(std::move(obj));
    scopes.Get(universe_scope).names[name] = id;
    return id;
  };
  for (const auto& b : kBasics) {
    Type t;
    t.kind = TypeKind::kBasic;
    t.basic = b.kind;
    TypeId id = types.Add(std::move(t));
    basic_.push_back(id);
  }
  invalid_type = basic_[0];
  {
    Type t;
    t.kind = TypeKind::kBasic;
    t.basic = BasicKind::kUint8;
    byte_type = types.Add(t);
    t.basic = BasicKind::kInt32;
    rune_type = types.Add(t);
  }
  for (const auto& b : kBasics) {
    if (b.kind == BasicKind::kInvalid || b.kind == BasicKind::kUnsafePointer ||
        b.kind >= BasicKind::kUntypedBool) {
      continue;
    }
    Object o;
    o.kind = ObjKind::kTypeName;
    o.name = b.name;
    o.type = Basic(b.kind);
    declare(std::move(o));
  }
  for (auto [name, t] : {std::pair<const char*, TypeId>{"byte", byte_type}, {"rune", rune_type}}) {
    Object o;
    o.kind = ObjKind::kTypeName;
    o.name = name;
    o.type = t;
    o.is_alias = true;
    declare(std::move(o));
  }
  // any = interface{}
  {
    Type t;
    t.kind = TypeKind::kInterface;
    t.complete = true;
    any_type = NewType(t);
    empty_interface = NewType(std::move(t));
    Object o;
    o.kind = ObjKind::kTypeName;
    o.name = "any";
    o.type = any_type;
    o.is_alias = true;
    declare(std::move(o));
  }
  // error = interface{ Error() string }
  {
    Object o;
    o.kind = ObjKind::kTypeName;
    o.name = "error";
    ObjId tn = declare(std::move(o));
    Type named;
    named.kind = TypeKind::kNamed;
    named.obj = tn;
    error_type = NewType(std::move(named));
    objects.Get(tn).type = error_type;
    Object res;
    res.kind = ObjKind::kVar;
    res.type = Basic(BasicKind::kString);
    res.var_kind = VarKind::kResult;
    ObjId res_id = NewObject(std::move(res));
    Type iface;
    iface.kind = TypeKind::kInterface;
    TypeId iface_id = NewType(iface);
    Object recv;
    recv.kind = ObjKind::kVar;
    recv.type = error_type;
    recv.var_kind = VarKind::kRecv;
    Type sig;
    sig.kind = TypeKind::kSignature;
    sig.params = NewTuple({});
    sig.results = NewTuple({res_id});
    sig.recv = NewObject(std::move(recv));
    Object m;
    m.kind = ObjKind::kFunc;
    m.name = "Error";
    m.type = NewType(std::move(sig));
    ObjId mid = NewObject(std::move(m));
    types.Get(iface_id).methods = {mid};
    types.Get(iface_id).all_methods = {mid};
    types.Get(iface_id).complete = true;
    types.Get(error_type).underlying = iface_id;
  }
  // comparable = interface{ comparable }
  {
    Object o;
    o.kind = ObjKind::kTypeName;
    o.name = "comparable";
    ObjId tn = declare(std::move(o));
    Type named;
    named.kind = TypeKind::kNamed;
    named.obj = tn;
    comparable_type = NewType(std::move(named));
    objects.Get(tn).type = comparable_type;
    Type iface;
    iface.kind = TypeKind::kInterface;
    iface.is_comparable = true;
    iface.complete = true;
    types.Get(comparable_type).underlying = NewType(std::move(iface));
  }
  // constants
  for (bool b : {true, false}) {
    Object o;
    o.kind = ObjKind::kConst;
    o.name = b ? "true" : "false";
    o.type = Basic(BasicKind::kUntypedBool);
    o.value = NewConstant(constant::MakeBool(b));
    declare(std::move(o));
  }
  {
    Object o;
    o.kind = ObjKind::kConst;
    o.name = "iota";
    o.type = Basic(BasicKind::kUntypedInt);
    o.value = NewConstant(constant::MakeInt64(0));
    declare(std::move(o));
  }
  {
    Object o;
    o.kind = ObjKind::kNil;
    o.name = "nil";
    o.type = Basic(BasicKind::kUntypedNil);
    declare(std::move(o));
  }
  for (const auto& b : kUniverseFuncs) {
    Object o;
    o.kind = ObjKind::kBuiltin;
    o.name = b.name;
    o.builtin = b.id;
    o.type = invalid_type;
    declare(std::move(o));
  }
  // package unsafe
  {
    auto pkg = std::make_unique<Package>();
    pkg->path = "unsafe";
    pkg->name = "unsafe";
    pkg->checked = true;
    pkg->scope = NewScope(universe_scope);
    unsafe_pkg = packages.Add(std::move(pkg));
    ScopeId sc = Pkg(unsafe_pkg).scope;
    Object o;
    o.kind = ObjKind::kTypeName;
    o.name = "Pointer";
    o.pkg = unsafe_pkg;
    o.parent = sc;
    o.type = Basic(BasicKind::kUnsafePointer);
    scopes.Get(sc).names["Pointer"] = NewObject(std::move(o));
    for (const auto& b : kUnsafeFuncs) {
      Object f;
      f.kind = ObjKind::kBuiltin;
      f.name = b.name;
      f.builtin = b.id;
      f.pkg = unsafe_pkg;
      f.parent = sc;
      f.type = invalid_type;
      scopes.Get(sc).names[b.name] = NewObject(std::move(f));
    }
  }
}

TypeId Universe::NewPointer(TypeId elem) {
  auto it = pointer_cache_.find(elem.index());
  if (it != pointer_cache_.end()) return it->second;
  Type t;
  t.kind = TypeKind::kPointer;
  t.elem = elem;
  TypeId id = types.Add(std::move(t));
  pointer_cache_[elem.index()] = id;
  return id;
}

TypeId Universe::NewSlice(TypeId elem) {
  auto it = slice_cache_.find(elem.index());
  if (it != slice_cache_.end()) return it->second;
  Type t;
  t.kind = TypeKind::kSlice;
  t.elem = elem;
  TypeId id = types.Add(std::move(t));
  slice_cache_[elem.index()] = id;
  return id;
}

TypeId Universe::NewArray(TypeId elem, int64_t len) {
  Type t;
  t.kind = TypeKind::kArray;
  t.elem = elem;
  t.len = len;
  return types.Add(std::move(t));
}

TypeId Universe::NewMap(TypeId key, TypeId elem) {
  Type t;
  t.kind = TypeKind::kMap;
  t.key = key;
  t.elem = elem;
  return types.Add(std::move(t));
}

TypeId Universe::NewChan(TypeId elem, ChanDir dir) {
  Type t;
  t.kind = TypeKind::kChan;
  t.elem = elem;
  t.dir = dir;
  return types.Add(std::move(t));
}

TypeId Universe::NewTuple(std::vector<ObjId> vars) {
  // Tuples are never changed once made, so every empty one can be the same Type (a third of
  // std's signatures have no results).
  if (vars.empty() && empty_tuple.has_value()) return empty_tuple;
  Type t;
  t.kind = TypeKind::kTuple;
  bool empty = vars.empty();
  t.vars = std::move(vars);
  TypeId id = types.Add(std::move(t));
  if (empty) empty_tuple = id;
  return id;
}

TypeId Universe::NewType(Type t) { return types.Add(std::move(t)); }

ObjId Universe::NewObject(Object obj) { return objects.Add(std::move(obj)); }

ConstId Universe::NewConstant(Constant c) {
  if (c.kind == Constant::Kind::kBool) {
    ConstId& id = bool_constants[c.b ? 1 : 0];
    if (!id.has_value()) id = constants.Add(std::move(c));
    return id;
  }
  if (c.kind == Constant::Kind::kInt && c.re.get_den() == 1 && c.re.get_num().fits_sint_p()) {
    ConstId& id = small_int_constants[c.re.get_num().get_si()];
    if (!id.has_value()) id = constants.Add(std::move(c));
    return id;
  }
  return constants.Add(std::move(c));
}

ScopeId Universe::NewScope(ScopeId parent) {
  Scope s;
  s.parent = parent;
  return scopes.Add(std::move(s));
}

ObjId Universe::Lookup(ScopeId scope, const std::string& name) const {
  for (ScopeId s = scope; s.has_value(); s = scopes.Get(s).parent) {
    const auto& names = scopes.Get(s).names;
    auto it = names.find(name);
    if (it != names.end()) return it->second;
  }
  return ObjId();
}

}  // namespace escapist::types
