// walk/convert.cpp -- the data word of interface conversions (gc's walk/convert.go dataWord and
// dataWordFuncName), with what decides it before: order.go's OCONVIFACE case and addrTemp
// (read-only statics for constants and constant composite literals, runtime.zeroVal for zero
// ones, temporaries for copies), analyzePreWalk's static values (walk.go), escape's
// rewriteWithLiterals (a constant static value replaces the operand: escape::Result::
// literal_operand), escape's verdict on the conversion; and the other makers of `.stmp_N`
// static temporaries in a function body, which share staticinit.StaticName's counter with the
// conversions: order's addrTemp of send values, compared struct and array operands and map keys,
// walk's composite literals (complit.go walkCompLit, anylit, slicelit, maplit) and switch lookup
// tables (switch.go tryLookupTable); the package initializers' ones are counted by
// ir::StaticInit (Program::static_names). What is not modelled is listed at
// walk::internal::Func (internal.h).
#include <climits>
#include <unordered_set>

#include "ir/build.h"
#include "ir/expr.h"
#include "walk/internal.h"

namespace escapist::walk {

using ir::Node;
using ir::Op;
using types::BasicKind;
using types::TypeKind;

namespace internal {

namespace {

constexpr int64_t kPtrSize = 8;
constexpr int64_t kZeroValSize = 1024;     // abi.ZeroValSize
constexpr int64_t kMaxSmallArraySize = 256;  // ir.MaxSmallArraySize
constexpr int64_t kMapMaxElemBytes = 128;  // abi.MapMaxElemBytes
constexpr int kMaxStruct = 4;              // ssa.MaxStruct

// The underlying type of t (a type parameter's core type); nullptr if none.
const types::Type* Under(const types::Universe& u, TypeId t) {
  if (!t) return nullptr;
  TypeId ut = types::Underlying(u, t);
  if (ut && u.Get(ut).kind == TypeKind::kTypeParam) {
    if (TypeId core = types::CoreType(u, ut)) ut = core;
  }
  return ut ? &u.Get(ut) : nullptr;
}

bool IsIface(const types::Universe& u, TypeId t) {
  const types::Type* ut = Under(u, t);
  return ut != nullptr && ut->kind == TypeKind::kInterface;
}

bool IsBasic(const types::Type* t, std::initializer_list<BasicKind> kinds) {
  if (t == nullptr || t->kind != TypeKind::kBasic) return false;
  for (BasicKind k : kinds) {
    if (t->basic == k) return true;
  }
  return false;
}

bool IsIntegerT(const types::Type* t) {
  return IsBasic(t, {BasicKind::kInt, BasicKind::kInt8, BasicKind::kInt16, BasicKind::kInt32,
                     BasicKind::kInt64, BasicKind::kUint, BasicKind::kUint8, BasicKind::kUint16,
                     BasicKind::kUint32, BasicKind::kUint64, BasicKind::kUintptr,
                     BasicKind::kUntypedInt, BasicKind::kUntypedRune});
}
bool IsBoolT(const types::Type* t) {
  return IsBasic(t, {BasicKind::kBool, BasicKind::kUntypedBool});
}
bool IsStringT(const types::Type* t) {
  return IsBasic(t, {BasicKind::kString, BasicKind::kUntypedString});
}

// types.Type.SoleComponent: through structs of one field and arrays of one element; nullopt for
// other structs and arrays.
std::optional<TypeId> SoleComponent(const types::Universe& u, TypeId t) {
  for (int guard = 0; guard < 1000 && t; ++guard) {
    const types::Type* ut = Under(u, t);
    if (ut == nullptr) return t;
    if (ut->kind == TypeKind::kStruct) {
      if (ut->fields.size() != 1) return std::nullopt;
      t = u.Obj(ut->fields[0]).type;
    } else if (ut->kind == TypeKind::kArray) {
      if (ut->len != 1) return std::nullopt;
      t = ut->elem;
    } else {
      return t;
    }
  }
  return t;
}

// walk.dataWordFuncName: the runtime routine that copies a `from` value to the heap for an
// interface, and whether it takes the value's address.
struct ConvFunc {
  const char* name;
  bool needs_addr;
};
ConvFunc DataWordFuncName(const types::Universe& u, TypeId from) {
  int64_t size = types::SizeOf(u, from);
  int64_t align = types::AlignOf(u, from);
  bool ptrs = types::HasPointers(u, from);
  if (size == 2 && align == 2) return {"convT16", false};
  if (size == 4 && align == 4 && !ptrs) return {"convT32", false};
  if (size == 8 && align == kPtrSize && !ptrs) return {"convT64", false};
  if (std::optional<TypeId> sc = SoleComponent(u, from)) {
    const types::Type* st = Under(u, *sc);
    if (IsStringT(st)) return {"convTstring", false};
    if (st != nullptr && st->kind == TypeKind::kSlice) return {"convTslice", false};
  }
  return ptrs ? ConvFunc{"convT", true} : ConvFunc{"convTnoptr", true};
}

// Whether an equality of `t` values compares memory (types.AMEM, no padding), for mapfast.
bool MemAlg(const types::Universe& u, TypeId t, int depth = 0) {
  const types::Type* ut = Under(u, t);
  if (ut == nullptr || depth > 100) return false;
  switch (ut->kind) {
    case TypeKind::kBasic:
      return IsIntegerT(ut) || IsBoolT(ut) || ut->basic == BasicKind::kUnsafePointer;
    case TypeKind::kPointer:
    case TypeKind::kChan:
      return true;
    case TypeKind::kArray:
      return MemAlg(u, ut->elem, depth + 1);
    case TypeKind::kStruct: {
      int64_t sum = 0;
      for (types::ObjId f : ut->fields) {
        if (u.Obj(f).name == "_" || !MemAlg(u, u.Obj(f).type, depth + 1)) return false;
        sum += types::SizeOf(u, u.Obj(f).type);
      }
      return sum == types::SizeOf(u, t);  // no padding
    }
    default:
      return false;
  }
}

// walk.mapfast(t) == mapslow: map operations on `t` take the key's address.
bool MapSlow(const types::Universe& u, TypeId map) {
  const types::Type* mt = Under(u, map);
  if (mt == nullptr || mt->kind != TypeKind::kMap) return false;
  if (types::SizeOf(u, mt->elem) > kMapMaxElemBytes) return true;
  TypeId k = mt->key;
  if (std::optional<TypeId> sc = SoleComponent(u, k); sc && IsStringT(Under(u, *sc))) return false;
  int64_t size = types::SizeOf(u, k);
  if ((size == 4 || size == 8) && MemAlg(u, k)) {
    // AMEM64 with pointers is a fast path on 64-bit targets only when pointer-shaped.
    return size == 4 && types::HasPointers(u, k);
  }
  return true;
}

TypeKind UKindOfT(const types::Universe& u, TypeId t) {
  const types::Type* ut = Under(u, t);
  return ut == nullptr ? TypeKind::kInvalid : ut->kind;
}

bool IsLitOp(Op op) {
  return op == Op::kStructLit || op == Op::kArrayLit || op == Op::kSliceLit || op == Op::kMapLit;
}

// Statements: order.go releases the temporaries each made when it ends (markTemp/popTemp).
bool IsStmt(Op op) {
  switch (op) {
    case Op::kAs: case Op::kAsOp: case Op::kAs2: case Op::kAs2Func: case Op::kAs2DotType:
    case Op::kAs2MapR: case Op::kAs2Recv: case Op::kExprStmt: case Op::kSend: case Op::kReturn:
    case Op::kIf: case Op::kFor: case Op::kRange: case Op::kSwitch: case Op::kSelect:
    case Op::kGo: case Op::kDefer: case Op::kDelete: case Op::kPanic: case Op::kPrint:
    case Op::kPrintln: case Op::kClear: case Op::kClose: case Op::kCopy:
      return true;
    default:
      return false;
  }
}

// The element values of a struct, array or slice literal (the values of keyed elements).
std::vector<NodeId> LitValues(const ir::Program& prog, NodeId lit) {
  std::vector<NodeId> out;
  for (NodeId e : prog.List(prog[lit].list)) {
    if (e && prog[e].op == Op::kKey) e = prog[e].y;
    if (e && prog[e].op == Op::kStructKey) e = prog[e].x;
    out.push_back(e);
  }
  return out;
}

// CompLitExpr.Len of a slice literal: the highest index plus one.
int64_t SliceLitLen(const ir::Program& prog, const types::Universe& u, NodeId lit) {
  int64_t next = 0, len = 0;
  for (NodeId e : prog.List(prog[lit].list)) {
    if (e && prog[e].op == Op::kKey && prog[e].x && prog[prog[e].x].op == Op::kLiteral &&
        prog[prog[e].x].value) {
      const types::Constant& c = u.constants.Get(prog[prog[e].x].value);
      if (c.kind == types::Constant::Kind::kInt && c.re.get_num().fits_slong_p()) {
        next = c.re.get_num().get_si();
      }
    }
    ++next;
    len = std::max(len, next);
  }
  return len;
}

// walk.isStaticCompositeLiteral: a constant, nil, or an array or struct literal (or conversion
// to interface) made only of such, representable in read-only data. `after_order`: as walk sees
// it after order, which moved the operand of every conversion of a concrete value to interface
// into a static or a temporary (so such a conversion is no longer static).
bool IsStaticCompLit(const ir::Program& prog, const types::Universe& u, bool fips, NodeId id,
                     bool after_order = false) {
  if (!id) return false;
  const Node& n = prog[id];
  switch (n.op) {
    case Op::kSliceLit:
      return false;
    case Op::kArrayLit:
    case Op::kStructLit:
      for (NodeId v : LitValues(prog, id)) {
        if (!IsStaticCompLit(prog, u, fips, v, after_order)) return false;
      }
      return true;
    case Op::kNil:
      return true;
    case Op::kLiteral:  // isStaticLiteral
      return !(fips && IsStringT(Under(u, n.type)));
    case Op::kConvIface: {
      NodeId val = id;
      while (val && prog[val].op == Op::kConvIface) val = prog[val].x;
      if (!val) return false;
      if (IsIface(u, prog[val].type)) return prog[val].op == Op::kNil;
      if (after_order) return false;
      if (types::IsDirectIface(u, prog[val].type) && prog[val].op == Op::kNil) return true;
      return IsStaticCompLit(prog, u, fips, val, after_order);
    }
    default:
      return false;
  }
}

// walk.getdyn's result bits.
constexpr int kInitDynamic = 1, kInitConst = 2;

// walk.getdyn: whether literal `id` has constant parts, dynamic parts, or both.
int GetDyn(const ir::Program& prog, const types::Universe& u, bool fips, NodeId id, bool top) {
  if (!id) return kInitDynamic;
  const Node& n = prog[id];
  switch (n.op) {
    case Op::kSliceLit:
      if (!top) return kInitDynamic;
      if (SliceLitLen(prog, u, id) / 4 > static_cast<int64_t>(n.list.count)) return kInitDynamic;
      break;
    case Op::kArrayLit:
    case Op::kStructLit:
      break;
    default:
      if (n.op == Op::kLiteral && !(fips && IsStringT(Under(u, n.type)))) return kInitConst;
      return kInitDynamic;
  }
  int mode = 0;
  for (NodeId v : LitValues(prog, id)) {
    mode |= GetDyn(prog, u, fips, v, false);
    if (mode == (kInitDynamic | kInitConst)) break;
  }
  return mode;
}

// Whether node tree `id` mentions variable `v` (ir.Uses inside ir.Any).
bool Uses(const ir::Program& prog, NodeId id, VarId v) {
  if (!id) return false;
  const Node& n = prog[id];
  if (n.op == Op::kName && n.var == v) return true;
  if (n.op == Op::kClosure) {
    if (!n.func) return false;
    for (VarId cv : prog.funcs.Get(n.func).closure_vars) {
      if (ir::Canonical(prog, cv) == v) return true;
    }
    return false;
  }
  for (NodeId c : prog.List(n.init)) if (Uses(prog, c, v)) return true;
  for (NodeId c : {n.x, n.y, n.z, n.w}) if (Uses(prog, c, v)) return true;
  for (NodeId c : prog.List(n.list)) if (Uses(prog, c, v)) return true;
  for (NodeId c : prog.List(n.list2)) if (Uses(prog, c, v)) return true;
  return false;
}

}  // namespace

// ssa.CanSSA: whether a `t` value can live in registers (at most 4 words; arrays of at most one
// element; structs of at most 4 fields, each SSA-able).
bool CanSSA(const types::Universe& u, TypeId t) {
  int64_t size = types::SizeOf(u, t);
  if (size == 0) return true;
  if (size > kMaxStruct * kPtrSize) return false;
  const types::Type* ut = Under(u, t);
  if (ut == nullptr) return true;
  if (ut->kind == TypeKind::kArray) return ut->len <= 1 && CanSSA(u, ut->elem);
  if (ut->kind == TypeKind::kStruct) {
    if (types::IsDirectIface(u, t)) return true;
    if (ut->fields.size() > static_cast<size_t>(kMaxStruct)) return false;
    for (types::ObjId f : ut->fields) {
      if (!CanSSA(u, u.Obj(f).type)) return false;
    }
  }
  return true;
}

Package::Package(const ir::Program& p, const types::Universe& uni, const escape::Result& e)
    : prog(p), u(uni), esc(e), statuniqgen(p.static_names) {
  // obj.Link.IsFIPS, as ir/build_init.cpp decides it for the package initializers.
  const std::string& path = u.Pkg(prog.pkg).path;
  bool test = path.size() >= 5 && path.compare(path.size() - 5, 5, "_test") == 0;
  fips = !test && (path == "crypto/internal/fips140" ||
                   path.rfind("crypto/internal/fips140/", 0) == 0);
}

Func::Func(Package& pkg, FuncId fn)
    : pkg_(pkg),
      fn_(fn),
      oracle_(pkg.prog, pkg.u, fn, [this](VarId v) { return Addrtaken(v); }) {
  // typecheck.TempAt numbers a temporary by the length of fn.Dcl: parameters, results, locals
  // (inlined bodies' included), then the temporaries rewriteWithLiterals added.
  const ir::Func& f = pkg.prog.funcs.Get(fn);
  next_temp_ = static_cast<uint32_t>(f.params.size() + f.results.size() + f.dcl.size()) +
               pkg.esc.rewrite_temps.Get(fn);
}

// Name.Addrtaken after escape analysis, which sets it on variables captured by reference.
bool Func::Addrtaken(VarId v) const {
  VarId c = ir::Canonical(pkg_.prog, v);
  return V(v).addrtaken || V(c).addrtaken || pkg_.esc.byval.Get(c) == 2;
}

// ---- order.go

void Func::Order() { OrderVisit(pkg_.prog.funcs.Get(fn_).body); }

void Func::OrderVisit(NodeId id, bool assigned) {
  if (!id) return;
  const Node& n = N(id);
  if (n.op == Op::kClosure) return;  // a function of its own
  size_t mark = temps_.size();
  if (n.op == Op::kInlCall) {
    // The inlined call's formals are declared at the call, inside the inlined body's position
    // base (the callee's parameters' positions).
    uint32_t inl = static_cast<uint32_t>(n.index + 1);
    for (NodeId s : pkg_.prog.List(n.init)) {
      if (N(s).op != Op::kAs2) continue;
      for (NodeId l : pkg_.prog.List(N(s).list)) {
        if (l && N(l).var) var_inl_[N(l).var.index()] = inl;
      }
    }
    for (NodeId r : pkg_.prog.List(n.list2)) {
      if (r && N(r).var) var_inl_[N(r).var.index()] = inl;
    }
  }
  if (n.op == Op::kDcl && n.var) var_inl_.try_emplace(n.var.index(), n.inl);
  for (NodeId c : pkg_.prog.List(n.init)) OrderVisit(c);
  switch (n.op) {
    case Op::kAndAnd:
    case Op::kOrOr: {
      // The result's temporary first; the right side's temporaries end with it.
      expr_temp_[id.index()] = NewTemp(n.type, n.pos, n.inl);
      OrderVisit(n.x);
      size_t rmark = temps_.size();
      OrderVisit(n.y);
      PopTemps(rmark);
      return;
    }
    case Op::kIf:
      // The condition's temporaries end before the branches.
      OrderVisit(n.x);
      PopTemps(mark);
      for (NodeId c : pkg_.prog.List(n.list)) OrderVisit(c);
      for (NodeId c : pkg_.prog.List(n.list2)) OrderVisit(c);
      return;
    default:
      break;
  }
  bool y_assigned = n.op == Op::kAs && n.x && N(n.x).op == Op::kName;
  bool x_assigned = n.op == Op::kExprStmt || n.op == Op::kGo || n.op == Op::kDefer ||
                    n.op == Op::kAs2Func;
  OrderVisit(n.x, x_assigned);
  OrderVisit(n.y, y_assigned);
  OrderVisit(n.z);
  OrderVisit(n.w);
  for (NodeId c : pkg_.prog.List(n.list)) OrderVisit(c);
  for (NodeId c : pkg_.prog.List(n.list2)) OrderVisit(c);
  switch (n.op) {
    // Calls and builtins, appends and slicing are copied into a temporary unless assigned to a
    // name (or, for appends and slicing, to anything); receives and non-pointer-shaped type
    // assertions always.
    case Op::kCallFunc: case Op::kCallInter: case Op::kCap: case Op::kComplex: case Op::kCopy:
    case Op::kImag: case Op::kLen: case Op::kMakeChan: case Op::kMakeMap: case Op::kMakeSlice:
    case Op::kMax: case Op::kMin: case Op::kNew: case Op::kReal: case Op::kRecover:
    case Op::kStr2Bytes: case Op::kStr2Runes:
      if (!assigned && n.type && UKindOfT(pkg_.u, n.type) != TypeKind::kTuple) {
        expr_temp_[id.index()] = NewTemp(n.type, n.pos, n.inl);
      }
      break;
    case Op::kAppend: case Op::kSlice: case Op::kSliceArr: case Op::kSliceStr: case Op::kSlice3:
    case Op::kSlice3Arr:
      if (!assigned) expr_temp_[id.index()] = NewTemp(n.type, n.pos, n.inl);
      break;
    case Op::kRecv:
      expr_temp_[id.index()] = NewTemp(n.type, n.pos, n.inl);
      break;
    case Op::kDotType:
      if (!types::IsDirectIface(pkg_.u, n.type)) {
        expr_temp_[id.index()] = NewTemp(n.type, n.pos, n.inl);
      }
      break;
    case Op::kAs2Func:
      // as2func: the results go through temporaries.
      for (NodeId l : pkg_.prog.List(n.list)) {
        if (l && !(N(l).op == Op::kName && (!N(l).var || V(N(l).var).name == "_"))) {
          NewTemp(N(l).type, n.pos, n.inl);
        }
      }
      break;
    default:
      break;
  }
  switch (n.op) {
    case Op::kConvIface: {
      // order.expr1's OCONVIFACE case.
      if (!n.x || IsIface(pkg_.u, N(n.x).type)) break;
      TypeId xt = N(n.x).type;
      Ordered o;
      bool from_x = false;
      if (NodeId lit = pkg_.esc.literal_operand.Get(id)) {
        o.node = lit;  // rewriteWithLiterals: the constant, of the operand's type
        o.type = xt;
      } else {
        o = OrderOperand(n.x);
        from_x = o.kind == Ordered::Kind::kNode && o.node == n.x;
      }
      bool needs_addr = DataWordFuncName(pkg_.u, xt).needs_addr;
      if (needs_addr || (o.kind == Ordered::Kind::kNode &&
                         IsStaticCompLit(pkg_.prog, pkg_.u, pkg_.fips, o.node, true))) {
        // addrTemp's staticValue: analyzePreWalk recorded static values of conversions'
        // operands only, keyed by the node order still sees.
        Ordered sv = o;
        if (from_x) {
          NodeId v = oracle_.StaticValue(n.x);
          if (v && v != n.x) sv.node = v;
        }
        o = AddrTemp(o, n.pos, n.inl, sv);
      }
      if (o.kind != Ordered::Kind::kNode) replaced_[n.x.index()] = o.kind;
      conv_[id.index()] = o;
      break;
    }
    case Op::kSend:
      OrderAddrTemp(n.y, n.pos, n.inl);
      break;
    case Op::kBinary:
      if ((n.tok == syntax::Token::kEql || n.tok == syntax::Token::kNeq) && n.x) {
        const types::Type* t = Under(pkg_.u, N(n.x).type);
        if (t != nullptr && (t->kind == TypeKind::kStruct || t->kind == TypeKind::kArray)) {
          OrderAddrTemp(n.x, n.pos, n.inl);
          OrderAddrTemp(n.y, n.pos, n.inl);
        }
      }
      break;
    case Op::kIndexMap:
    case Op::kDelete:
      MapKeyTemp(n.x, n.y, n.pos, n.inl);
      break;
    default:
      break;
  }
  if (IsStmt(n.op)) PopTemps(mark);
}

// What order.expr left of expression `x` (already ordered): an inlined call's single result
// variable, the temporary it was copied into, or x itself.
Ordered Func::OrderOperand(NodeId x) {
  const Node& n = N(x);
  if (auto it = expr_temp_.find(x.index()); it != expr_temp_.end()) return it->second;
  Ordered o;
  o.node = x;
  o.type = n.type;
  if (n.op == Op::kInlCall && n.list2.count == 1) o.node = pkg_.prog.At(n.list2, 0);
  return o;
}

// order.addrTemp: `n` made addressable. A constant or nil becomes a read-only static; so does an
// operand whose static value `sv` is a constant composite literal, or runtime.zeroVal if that is
// all zeros (1..1024 bytes); a stack variable that could live in registers is copied into a
// temporary; other addressable operands stay; the rest is copied. pos, inl: base.Pos.
Ordered Func::AddrTemp(Ordered n, Pos pos, uint32_t inl, const Ordered& sv) {
  if (n.kind == Ordered::Kind::kStatic || n.kind == Ordered::Kind::kZeroVal) return n;
  if (n.kind == Ordered::Kind::kTemp) {  // a PAUTO never address-taken
    return CanSSA(pkg_.u, n.type) ? NewTemp(n.type, pos, inl) : n;
  }
  const Node& x = N(n.node);
  if (x.op == Op::kNil || (x.op == Op::kLiteral && !pkg_.fips)) {
    Ordered s;
    s.kind = Ordered::Kind::kStatic;
    s.name = pkg_.StaticName();
    s.type = n.type;
    s.pos = pos;
    s.inl = inl;
    return s;
  }
  NodeId v = sv.kind == Ordered::Kind::kNode && sv.node ? sv.node : n.node;
  Op vop = N(v).op;
  if ((vop == Op::kStructLit || vop == Op::kArrayLit) && !pkg_.fips) {
    int64_t size = types::SizeOf(pkg_.u, N(v).type);
    if (ir::IsZero(pkg_.prog, pkg_.u, v) && 0 < size && size <= kZeroValSize) {
      Ordered z;
      z.kind = Ordered::Kind::kZeroVal;
      z.type = n.type;
      // ir.NewLinksymOffsetExpr drops its pos argument: the zeroVal expression has no position,
      // so a dataWord line that prints it (the single-byte case) has none either.
      return z;
    }
    if (IsStaticCompLit(pkg_.prog, pkg_.u, pkg_.fips, v, true)) {
      Ordered s;
      s.kind = Ordered::Kind::kStatic;
      s.name = pkg_.StaticName();
      s.type = n.type;
      s.pos = pos;
      s.inl = inl;
      return s;
    }
  }
  if (ir::IsAddressable(pkg_.prog, pkg_.u, n.node)) {
    NodeId outer = ir::OuterValue(pkg_.prog, pkg_.u, n.node);
    if (outer && N(outer).op == Op::kName && N(outer).var) {
      VarId var = N(outer).var;
      const ir::Var& vv = V(var);
      if (vv.cls == ir::Class::kAuto && !vv.is_closure_var && !Addrtaken(var) &&
          CanSSA(pkg_.u, vv.type)) {
        return NewTemp(n.type, pos, inl);
      }
    }
    return n;
  }
  return NewTemp(n.type, pos, inl);
}

// order.addrTemp of an operand that is not a conversion's (no static value known).
void Func::OrderAddrTemp(NodeId x, Pos pos, uint32_t inl) {
  if (!x) return;
  Ordered o = AddrTemp(OrderOperand(x), pos, inl, Ordered{});
  if (o.kind != Ordered::Kind::kNode) replaced_[x.index()] = o.kind;
}

// order.mapKeyTemp: keys of maps without a fast path are passed by address.
void Func::MapKeyTemp(NodeId map, NodeId key, Pos pos, uint32_t inl) {
  if (!map || !key || !MapSlow(pkg_.u, N(map).type)) return;
  OrderAddrTemp(key, pos, inl);
}

// order.newTemp: a free temporary of the same type if any, else typecheck.TempAt's next one.
Ordered Func::NewTemp(TypeId t, Pos pos, uint32_t inl) {
  std::string key = types::LinkString(pkg_.u, t);
  Ordered o;
  o.kind = Ordered::Kind::kTemp;
  o.type = t;
  o.pos = pos;
  o.inl = inl;
  auto it = free_.find(key);
  if (it != free_.end() && !it->second.empty()) {
    o = it->second.back();  // the reused variable keeps its name and position
    it->second.pop_back();
  } else {
    o.name = ".autotmp_" + std::to_string(next_temp_++);
  }
  temps_.push_back({key, o});
  return o;
}

// order.popTemp.
void Func::PopTemps(size_t mark) {
  for (size_t i = mark; i < temps_.size(); ++i) free_[temps_[i].key].push_back(temps_[i].temp);
  temps_.resize(mark);
}

// ---- walk: convert.go

std::optional<DataWord> Func::WalkConv(NodeId conv) {
  const Node& c = N(conv);
  if (!c.x || !N(c.x).type || IsIface(pkg_.u, N(c.x).type)) return std::nullopt;
  TypeId from = N(c.x).type;
  Ordered o;
  o.node = c.x;
  o.type = from;
  if (auto it = conv_.find(conv.index()); it != conv_.end()) o = it->second;
  DataWord dw;
  dw.conv = conv;
  dw.expr = Text(o, &dw.pos, &dw.inl);
  if (types::IsDirectIface(pkg_.u, from)) {
    dw.kind = DataWord::Kind::kDirect;
    return dw;
  }
  const types::Type* ft = Under(pkg_.u, from);
  bool is_integer = IsIntegerT(ft);
  bool is_bool = IsBoolT(ft);
  if (std::optional<TypeId> sc = SoleComponent(pkg_.u, from)) {
    is_integer = IsIntegerT(Under(pkg_.u, *sc));
    is_bool = IsBoolT(Under(pkg_.u, *sc));
  }
  int64_t size = types::SizeOf(pkg_.u, from);
  if (size == 0) {
    dw.kind = DataWord::Kind::kZeroSized;
  } else if (is_bool || (size == 1 && is_integer)) {
    dw.kind = DataWord::Kind::kSingleByte;
  } else if (o.kind == Ordered::Kind::kZeroVal) {
    // gc prints the conversion itself (the zeroVal expression has no proper position).
    dw.kind = DataWord::Kind::kZeroValue;
    if (!c.implicit) {
      std::string t = types::TypeString(pkg_.u, c.type, pkg_.prog.pkg);
      const types::Type& ct = pkg_.u.Get(c.type);
      bool sym = ct.kind == TypeKind::kNamed || ct.kind == TypeKind::kBasic ||
                 ct.kind == TypeKind::kTypeParam || t == "any";
      dw.expr = (sym ? t : "(" + t + ")") + "(" + dw.expr + ")";
    }
    dw.pos = c.pos;
    dw.inl = c.inl;
  } else if (o.kind == Ordered::Kind::kStatic) {
    dw.kind = DataWord::Kind::kStatic;  // a read-only global
  } else if (pkg_.esc.heap_nodes.Get(conv) == 2 && size <= kZeroValSize) {
    dw.kind = DataWord::Kind::kStack;
  } else {
    dw.kind = DataWord::Kind::kRuntime;
    dw.routine = DataWordFuncName(pkg_.u, from).name;
  }
  return dw;
}

Ordered::Kind Func::Replaced(NodeId x) const {
  auto it = replaced_.find(x.index());
  return it == replaced_.end() ? Ordered::Kind::kNode : it->second;
}

// The operand as gc's %v prints it, and its position (n.Pos(): a variable's declaration).
std::string Func::Text(const Ordered& o, Pos* pos, uint32_t* inl) const {
  *pos = o.pos;
  *inl = o.inl;
  switch (o.kind) {
    case Ordered::Kind::kStatic:
    case Ordered::Kind::kTemp:
      return o.name;
    case Ordered::Kind::kZeroVal:
      return "(" + types::TypeString(pkg_.u, o.type, pkg_.prog.pkg) + ")(runtime.zeroVal@0)";
    case Ordered::Kind::kNode:
      break;
  }
  const Node& n = N(o.node);
  if (auto it = lit_temp_.find(o.node.index()); it != lit_temp_.end()) {
    *pos = n.pos;  // walkCompLit's temporary, made at the literal
    *inl = n.inl;
    return it->second;
  }
  if (n.op == Op::kName && n.var) {
    *pos = V(n.var).pos;
    auto it = var_inl_.find(n.var.index());
    *inl = it == var_inl_.end() ? 0 : it->second;
    return ir::VarName(pkg_.prog, pkg_.u, n.var);
  }
  *pos = n.pos;
  *inl = n.inl;
  return ir::ExprString(pkg_.prog, pkg_.u, o.node);
}

// ---- walk: complit.go

bool Func::OasLit(NodeId lhs, NodeId rhs) const {
  if (!lhs || N(lhs).op != Op::kName || !N(lhs).var) return false;
  return OasLitVar(N(lhs).var, rhs);
}

bool Func::OasLitVar(VarId var, NodeId rhs) const {
  if (!var || !rhs || !IsLitOp(N(rhs).op)) return false;
  const ir::Var& v = V(var);
  // isSimpleName: a named variable on the stack (not moved to the heap, not a global, not a
  // closure's captured variable).
  if (v.name == "_" || v.is_closure_var) return false;
  if (v.cls != ir::Class::kAuto && v.cls != ir::Class::kParam && v.cls != ir::Class::kParamOut) {
    return false;
  }
  if (pkg_.esc.heap_vars.Get(var) == 1) return false;
  if (!v.type || !N(rhs).type || !types::Identical(pkg_.u, v.type, N(rhs).type)) return false;
  if (Addrtaken(var)) return false;
  return !Uses(pkg_.prog, rhs, var);
}

void Func::WalkCompLit(NodeId lit, LitCtx ctx) {
  const Node& n = N(lit);
  switch (n.op) {
    case Op::kStructLit:
    case Op::kArrayLit: {
      // walkCompLit: a constant literal that cannot live in registers is read-only data.
      if (ctx == LitCtx::kExpr && IsStaticCompLit(pkg_.prog, pkg_.u, pkg_.fips, lit, true) &&
          !CanSSA(pkg_.u, n.type)) {
        pkg_.StaticName();
        return;
      }
      // anylit into a stack variable (the assigned one, or walkCompLit's temporary, which
      // stands for the literal from then on): more than 4 elements lay out their constant part
      // as a static first. Into the object of &T{...} (not a simple name), none.
      if (ctx == LitCtx::kExpr) lit_temp_[lit.index()] = ".autotmp_" + std::to_string(next_temp_++);
      bool vstat = ctx != LitCtx::kPtr && n.list.count > 4;
      if (vstat) pkg_.StaticName();
      FixedLit(lit);
      return;
    }
    case Op::kSliceLit:
    case Op::kMapLit:
      if (ctx == LitCtx::kExpr) lit_temp_[lit.index()] = ".autotmp_" + std::to_string(next_temp_++);
      if (n.op == Op::kSliceLit) SliceLit(lit); else MapLit(lit);
      return;
    default:
      return;
  }
}

// The element `value` of a literal as fixedlit and slicelit treat it: nested struct and array
// literals are split further (fixedlit), slice and map literals are walked (slicelit, maplit).
void Func::LitElem(NodeId value) {
  if (!value) return;
  switch (N(value).op) {
    case Op::kStructLit:
    case Op::kArrayLit:
      FixedLit(value);
      break;
    case Op::kSliceLit:
      SliceLit(value);
      break;
    case Op::kMapLit:
      MapLit(value);
      break;
    default:
      break;
  }
}

void Func::WalkSwitch(NodeId sw) {
  constexpr size_t kMinCases = 4;
  const Node& n = N(sw);
  if (!n.x || N(n.x).op == Op::kTypeSwitchGuard) return;
  const types::Type* ct = Under(pkg_.u, N(n.x).type);
  if (!IsIntegerT(ct) || types::SizeOf(pkg_.u, N(n.x).type) > kPtrSize) return;
  if (Results().size() != 1) return;
  // isConstReturn: a body of one `return CONST`.
  auto const_return = [&](const std::vector<NodeId>& body) {
    if (body.size() != 1 || N(body[0]).op != Op::kReturn || N(body[0]).list.count != 1) {
      return false;
    }
    return N(pkg_.prog.At(N(body[0]).list, 0)).op == Op::kLiteral;
  };
  std::unordered_set<int64_t> const_set, exclude;
  bool has_default_val = false;
  int64_t min = INT64_MAX, max = INT64_MIN;
  bool exclude_next = false;  // the previous case ends in fallthrough
  for (NodeId c : pkg_.prog.List(n.list)) {
    std::vector<NodeId> body = pkg_.prog.List(N(c).list2);
    bool fallthrough_target = exclude_next;
    exclude_next = !body.empty() && N(body.back()).op == Op::kFallthrough;
    if (N(c).list.count == 0) {  // default
      if (const_return(body) && !fallthrough_target) has_default_val = true;
      continue;
    }
    std::vector<int64_t> vals;
    for (NodeId e : pkg_.prog.List(N(c).list)) {
      const Node& v = N(e);
      if (v.op != Op::kLiteral || !v.value) return;  // a non-constant case: no table
      const types::Constant& k = pkg_.u.constants.Get(v.value);
      if (k.kind != types::Constant::Kind::kInt || !k.re.get_num().fits_slong_p()) return;
      vals.push_back(k.re.get_num().get_si());
    }
    if (!const_return(body) || fallthrough_target || exclude_next) {
      for (int64_t v : vals) exclude.insert(v);
      continue;
    }
    for (int64_t v : vals) {
      const_set.insert(v);
      min = std::min(min, v);
      max = std::max(max, v);
    }
  }
  if (const_set.size() < kMinCases) return;
  int64_t size = max - min + 1;
  // isSwitchDense.
  if (size <= 0 || size >= INT64_MAX / 100 ||
      static_cast<int64_t>(const_set.size()) * 100 < size * 40) {
    return;
  }
  pkg_.StaticName();  // the table
  bool need_mask = false;
  for (int64_t v = min; v <= max && !need_mask; ++v) {
    if (exclude.count(v) || (!const_set.count(v) && !has_default_val)) need_mask = true;
  }
  if (need_mask && size > 8 * kPtrSize) pkg_.StaticName();  // a byte mask, not a bitmask
}

// walk.fixedlit's dynamic (or local-code) pass over a struct or array literal.
void Func::FixedLit(NodeId lit) {
  for (NodeId v : LitValues(pkg_.prog, lit)) LitElem(v);
}

// walk.slicelit: the constant part of a slice literal larger than 256 bytes is a static array.
void Func::SliceLit(NodeId lit) {
  const Node& n = N(lit);
  const types::Type* st = Under(pkg_.u, n.type);
  if (st == nullptr || st->kind != TypeKind::kSlice) return;
  int64_t esize = types::SizeOf(pkg_.u, st->elem);
  int64_t len = SliceLitLen(pkg_.prog, pkg_.u, lit);
  bool small = esize == 0 || len <= kMaxSmallArraySize / esize;
  if ((GetDyn(pkg_.prog, pkg_.u, pkg_.fips, lit, true) & kInitConst) != 0 && !small) {
    pkg_.StaticName();
  }
  for (NodeId v : LitValues(pkg_.prog, lit)) LitElem(v);
}

// walk.maplit: more than 25 constant entries are laid out as two static arrays, keys and values.
void Func::MapLit(NodeId lit) {
  int statics = 0;
  for (NodeId e : pkg_.prog.List(N(lit).list)) {
    if (e && N(e).op == Op::kKey &&
        IsStaticCompLit(pkg_.prog, pkg_.u, pkg_.fips, N(e).x, true) &&
        IsStaticCompLit(pkg_.prog, pkg_.u, pkg_.fips, N(e).y, true)) {
      ++statics;
    }
  }
  if (statics > 25) {
    pkg_.StaticName();
    pkg_.StaticName();
    return;
  }
  // Each entry becomes `m[k] = v`, whose key and value are walked as expressions.
  for (NodeId e : pkg_.prog.List(N(lit).list)) {
    if (!e || N(e).op != Op::kKey) continue;
    for (NodeId kv : {N(e).x, N(e).y}) {
      if (kv && IsLitOp(N(kv).op)) WalkCompLit(kv, LitCtx::kExpr);
    }
  }
}

}  // namespace internal

const char* DataWord::Message() const {
  switch (kind) {
    case Kind::kZeroSized: return "using global for zero-sized interface value";
    case Kind::kSingleByte: return "using global for single-byte interface value";
    case Kind::kZeroValue: return "using global for zero value interface value";
    case Kind::kStatic: return "using global for interface value";
    case Kind::kStack: return "using stack temporary for interface value";
    case Kind::kDirect:
    case Kind::kRuntime: return "";
  }
  return "";
}

const DataWord* FindDataWord(const std::vector<DataWord>& words, ir::NodeId conv) {
  for (const DataWord& w : words) {
    if (w.conv == conv) return &w;
  }
  return nullptr;
}

}  // namespace escapist::walk
