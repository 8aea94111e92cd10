// ir/build_expr.cpp -- lowering expressions: names, constants, operators, selectors with their
// implicit dots and receiver &/*, indexing and slicing, composite literals, and the implicit
// conversions gc's writer inserts (noder/writer.go expr/implicitConvExpr/compLit, reader.go
// expr, typecheck tcConv/tcSlice/tcArith, typecheck/subr.go AddImplicitDots).
#include "ir/builder.h"

namespace escapist::ir {

using types::TypeKind;

// ---- small helpers

SynId Builder::Unparen(SynId e) const {
  while (e.has_value() && S(e).kind == syntax::NodeKind::kParen) e = S(e).x;
  return e;
}

TypeId Builder::Typed(TypeId t) const {
  if (t.has_value() && types::IsUntyped(u_, t)) {
    if (T(t).basic == types::BasicKind::kUntypedNil) return t;
    return types::DefaultType(u_, t);
  }
  return t;
}

TypeId Builder::TypeOf(SynId e) const { return Typed(TV(e).type); }

types::TypeAndValue Builder::TV(SynId e) const {
  types::TypeAndValue tv = info_.types.Get(e);
  tv.type = Sub(tv.type);
  return tv;
}

TypeId Builder::Sub(TypeId t) const {
  if (subst_.empty() || !t.has_value()) return t;
  auto it = sub_cache_.find(t.index());
  if (it != sub_cache_.end()) return it->second;
  // Substitution interns the types it makes; the Universe is owned mutably by the loader (see
  // PtrTo).
  TypeId r = types::Subst(const_cast<types::Universe&>(u_), t, subst_);
  sub_cache_.emplace(t.index(), r);
  return r;
}

TypeId Builder::Core(TypeId t) const {
  if (!t.has_value()) return t;
  if (T(t).kind == TypeKind::kTypeParam) {
    TypeId c = types::CoreType(u_, t);
    return c.has_value() ? Under(c) : c;
  }
  return Under(t);
}

TypeKind Builder::KindOf(TypeId t) const {
  TypeId c = Core(t);
  return c.has_value() ? T(c).kind : TypeKind::kInvalid;
}

TypeId Builder::Elem(TypeId t) const {
  TypeId c = Core(t);
  return c.has_value() ? T(c).elem : TypeId();
}

TypeId Builder::PtrTo(TypeId t) {
  // Interning a pointer type does not change the meaning of anything already built; the
  // Universe is owned mutably by the loader, Build only sees it through a const reference.
  return const_cast<types::Universe&>(u_).NewPointer(t);
}

ObjId Builder::UseOf(SynId name) const { return info_.uses.Get(name); }
ObjId Builder::DefOf(SynId name) const { return info_.defs.Get(name); }

NodeId Builder::Add(Op op, Pos pos, TypeId type, SynId syn) {
  Node n;
  n.op = op;
  n.pos = pos;
  n.type = Sub(type);
  n.syntax = syn;
  return prog_.Add(std::move(n));
}

NodeId Builder::Bad(Pos pos, SynId syn, const std::string& what) {
  Unknown(pos, what);
  return Add(Op::kBad, pos, syn.has_value() ? TypeOf(syn) : TypeId(), syn);
}

NodeId Builder::Literal(Pos pos, TypeId type, types::ConstId value, SynId syn) {
  NodeId n = Add(Op::kLiteral, pos, type, syn);
  N(n).value = value;
  return n;
}

NodeId Builder::NameOfVar(VarId v, Pos pos, SynId syn) {
  NodeId n = Add(Op::kName, pos, V(v).type, syn);
  N(n).var = v;
  return n;
}

void Builder::MarkAddrTaken(NodeId x) {
  // ir.OuterValue: the variable whose storage x is part of.
  for (;;) {
    const Node& n = N(x);
    if (n.op == Op::kDot || n.op == Op::kConvNop) {
      x = n.x;
    } else if (n.op == Op::kIndex && n.x.has_value() && KindOf(N(n.x).type) == TypeKind::kArray) {
      x = n.x;
    } else {
      break;
    }
  }
  const Node& n = N(x);
  if (n.op != Op::kName || !n.var.has_value()) return;
  for (VarId v = n.var; v.has_value(); v = V(v).outer) V(v).addrtaken = true;
}

NodeId Builder::AddrOf(NodeId x, Pos pos, bool implicit, SynId syn) {
  NodeId n = Add(Op::kAddr, pos, PtrTo(N(x).type), syn);
  N(n).x = x;
  N(n).implicit = implicit;
  MarkAddrTaken(x);
  return n;
}

NodeId Builder::Deref(NodeId x, Pos pos, bool implicit, SynId syn) {
  NodeId n = Add(Op::kDeref, pos, Elem(N(x).type), syn);
  N(n).x = x;
  N(n).implicit = implicit;
  return n;
}

// ---- conversions

namespace {

bool IsByteOrRuneSlice(const types::Universe& u, TypeId t, types::BasicKind kind) {
  TypeId ut = types::Underlying(u, t);
  if (!ut.has_value() || u.Get(ut).kind != TypeKind::kSlice) return false;
  TypeId e = types::Underlying(u, u.Get(ut).elem);
  return e.has_value() && u.Get(e).kind == TypeKind::kBasic && u.Get(e).basic == kind;
}

bool IsUnsafePointer(const types::Universe& u, TypeId t) {
  TypeId ut = types::Underlying(u, t);
  return ut.has_value() && u.Get(ut).kind == TypeKind::kBasic &&
         u.Get(ut).basic == types::BasicKind::kUnsafePointer;
}

}  // namespace

Op Builder::ConvOp(TypeId src, TypeId dst) const {
  const Builder& b = *this;
  const types::Universe& u = u_;
  if (!src.has_value() || !dst.has_value()) return Op::kConvNop;
  if (types::IsInterface(u, dst)) {
    if (types::IsInterface(u, src) && types::Identical(u, src, dst)) return Op::kConvNop;
    return Op::kConvIface;
  }
  if (types::Identical(u, src, dst)) return Op::kConvNop;
  TypeId s = b.Under(src), d = b.Under(dst);
  if (!s.has_value() || !d.has_value()) return Op::kConv;
  if (types::Identical(u, s, d)) return Op::kConvNop;
  const types::Type& st = u.Get(s);
  const types::Type& dt = u.Get(d);
  if (st.kind == TypeKind::kPointer && dt.kind == TypeKind::kPointer &&
      types::Identical(u, b.Under(st.elem), b.Under(dt.elem))) {
    return Op::kConvNop;
  }
  if (IsUnsafePointer(u, src) || IsUnsafePointer(u, dst)) return Op::kConvNop;
  if (types::IsString(u, dst)) {
    if (types::IsInteger(u, src)) return Op::kRuneStr;
    if (IsByteOrRuneSlice(u, src, types::BasicKind::kUint8)) return Op::kBytes2Str;
    if (IsByteOrRuneSlice(u, src, types::BasicKind::kInt32)) return Op::kRunes2Str;
  }
  if (types::IsString(u, src)) {
    if (IsByteOrRuneSlice(u, dst, types::BasicKind::kUint8)) return Op::kStr2Bytes;
    if (IsByteOrRuneSlice(u, dst, types::BasicKind::kInt32)) return Op::kStr2Runes;
  }
  if (st.kind == TypeKind::kSlice) {
    if (dt.kind == TypeKind::kArray) return Op::kSlice2Arr;
    if (dt.kind == TypeKind::kPointer) return Op::kSlice2ArrPtr;
  }
  if (st.kind == TypeKind::kChan && dt.kind == TypeKind::kChan) return Op::kConvNop;
  return Op::kConv;
}

NodeId Builder::ConvNode(TypeId dst, NodeId x, Pos pos, bool implicit, SynId syn) {
  if (!dst.has_value()) return x;
  TypeId src = N(x).type;
  if (implicit && (!src.has_value() || types::Identical(u_, src, dst))) return x;
  if (N(x).op == Op::kNil) {
    // typecheck.DefaultLit gives nil the destination type.
    if (implicit) {
      N(x).type = dst;
      return x;
    }
    N(x).type = dst;
    src = dst;
  }
  Op op = ConvOp(src, dst);
  NodeId n = Add(op, pos, dst, syn);
  N(n).x = x;
  N(n).implicit = implicit;
  return n;
}

NodeId Builder::ImplicitConv(TypeId dst, SynId e) {
  NodeId x = Expr(e);
  if (!dst.has_value()) {
    if (N(x).op == Op::kNil && N(x).type.has_value() && types::IsUntyped(u_, N(x).type)) {
      return x;
    }
    return x;
  }
  return ConvNode(dst, x, S(e).pos, true, e);
}

// ---- expressions

NodeId Builder::Expr(SynId e0) {
  SynId e = Unparen(e0);
  if (!e.has_value()) return Add(Op::kBad, Pos(), TypeId(), e);
  const syntax::Node& s = S(e);
  const types::TypeAndValue& tv = TV(e);
  if (tv.mode == types::Mode::kConstant && tv.value.has_value()) {
    NodeId lit = Literal(s.pos, Typed(tv.type), tv.value, e);
    if (s.kind == syntax::NodeKind::kName) N(lit).obj = UseOf(e);
    return lit;
  }
  if (tv.mode == types::Mode::kTypeExpr) return Add(Op::kType, s.pos, tv.type, e);
  switch (s.kind) {
    case syntax::NodeKind::kName:
      return Name(e);
    case syntax::NodeKind::kBasicLit:
      return Bad(s.pos, e, "literal without a constant value");
    case syntax::NodeKind::kCompositeLit:
      return CompLit(e);
    case syntax::NodeKind::kFuncLit:
      return FuncLit(e);
    case syntax::NodeKind::kSelector:
      return Selector(e);
    case syntax::NodeKind::kCall:
      return Call(e);
    case syntax::NodeKind::kIndex: {
      SynId fx = Unparen(s.x);
      if (S(fx).kind == syntax::NodeKind::kSelector && info_.selections.Get(fx).kind ==
                                                           types::Selection::Kind::kNone) {
        fx = S(fx).y;
      }
      if (info_.instances.Get(fx).size() > 0) {
        // F[int] (explicit instantiation of a function, or x.M[int] of a generic method):
        // the instance is named by the inner Name or selector, where the checker records it.
        NodeId n = Expr(s.x);
        N(n).type = TypeOf(e);
        return n;
      }
      if (s.list.size() != 1) return Bad(s.pos, e, "generic instantiation");
      SynId idx = ast_.At(s.list, 0);
      TypeId xt = TypeOf(s.x);
      if (KindOf(xt) == TypeKind::kMap) {
        NodeId x = Expr(s.x);
        NodeId y = ImplicitConv(T(Core(xt)).key, idx);
        NodeId n = Add(Op::kIndexMap, s.pos, TypeOf(e), e);
        N(n).x = x;
        N(n).y = y;
        return n;
      }
      NodeId x = Expr(s.x);
      if (KindOf(xt) == TypeKind::kPointer) x = Deref(x, s.pos, true, e);  // implicitstar
      NodeId y = Expr(idx);
      NodeId n = Add(Op::kIndex, s.pos, TypeOf(e), e);
      N(n).x = x;
      N(n).y = y;
      return n;
    }
    case syntax::NodeKind::kSlice: {
      TypeId xt = TypeOf(s.x);
      NodeId x = Expr(s.x);
      bool full = (s.flags & syntax::kFlagFull) != 0;
      NodeId lo = s.y.has_value() ? Expr(s.y) : NodeId();
      NodeId hi = s.z.has_value() ? Expr(s.z) : NodeId();
      NodeId mx = s.w.has_value() ? Expr(s.w) : NodeId();
      Op op = full ? Op::kSlice3 : Op::kSlice;
      TypeKind k = KindOf(xt);
      if (types::IsString(u_, xt)) {
        op = Op::kSliceStr;
      } else if (k == TypeKind::kArray) {
        // tcSlice: slicing an array value slices its (implicit) address.
        x = AddrOf(x, s.pos, true, e);
        op = full ? Op::kSlice3Arr : Op::kSliceArr;
      } else if (k == TypeKind::kPointer) {
        op = full ? Op::kSlice3Arr : Op::kSliceArr;
      }
      NodeId n = Add(op, s.pos, TypeOf(e), e);
      N(n).x = x;
      N(n).y = lo;
      N(n).z = hi;
      N(n).w = mx;
      return n;
    }
    case syntax::NodeKind::kTypeAssert: {
      NodeId x = Expr(s.x);
      TypeId t = s.y.has_value() ? TV(s.y).type : TypeOf(e);
      NodeId n = Add(Op::kDotType, s.pos, t, e);
      N(n).x = x;
      return n;
    }
    case syntax::NodeKind::kUnary: {
      switch (s.op) {
        case syntax::Token::kAnd: {
          SynId xs = Unparen(s.x);
          if (S(xs).kind == syntax::NodeKind::kCompositeLit) {
            NodeId lit = CompLit(xs);
            NodeId n = Add(Op::kPtrLit, s.pos, TypeOf(e), e);
            N(n).x = lit;
            return n;
          }
          NodeId x = Expr(s.x);
          NodeId n = AddrOf(x, s.pos, false, e);
          if (TypeOf(e).has_value()) N(n).type = TypeOf(e);
          return n;
        }
        case syntax::Token::kMul: {
          NodeId n = Deref(Expr(s.x), s.pos, false, e);
          if (TypeOf(e).has_value()) N(n).type = TypeOf(e);
          return n;
        }
        case syntax::Token::kArrow: {
          NodeId x = Expr(s.x);
          NodeId n = Add(Op::kRecv, s.pos, Elem(N(x).type), e);
          N(n).x = x;
          return n;
        }
        default: {
          NodeId x = Expr(s.x);
          NodeId n = Add(Op::kUnary, s.pos, TypeOf(e), e);
          N(n).tok = s.op;
          N(n).x = x;
          return n;
        }
      }
    }
    case syntax::NodeKind::kBinary: {
      if (s.op == syntax::Token::kAndAnd || s.op == syntax::Token::kOrOr) {
        NodeId x = Expr(s.x);
        NodeId y = Expr(s.y);
        NodeId n = Add(s.op == syntax::Token::kAndAnd ? Op::kAndAnd : Op::kOrOr, s.pos,
                       TypeOf(e), e);
        N(n).x = x;
        N(n).y = y;
        return n;
      }
      TypeId common;
      if (s.op != syntax::Token::kShl && s.op != syntax::Token::kShr) {
        TypeId xt = TypeOf(s.x), yt = TypeOf(s.y);
        if (xt.has_value() && yt.has_value()) {
          if (types::AssignableTo(u_, xt, yt)) {
            common = yt;
          } else if (types::AssignableTo(u_, yt, xt)) {
            common = xt;
          }
        }
        if (common.has_value() && types::IsUntyped(u_, common)) common = TypeId();
      }
      NodeId x = ImplicitConv(common, s.x);
      NodeId y = ImplicitConv(common, s.y);
      if ((s.op == syntax::Token::kShl || s.op == syntax::Token::kShr) &&
          N(y).op == Op::kLiteral && types::IsUntyped(u_, info_.types.Get(Unparen(s.y)).type)) {
        // typecheck tcShift: an untyped constant shift count becomes a uint.
        N(y).type = u_.Basic(types::BasicKind::kUint);
      }
      TypeId t = TypeOf(e);
      if (s.op == syntax::Token::kAdd && t.has_value() && types::IsString(u_, t)) {
        // tcArith: string + chains become one OADDSTR at the outermost operator.
        std::vector<NodeId> list;
        for (NodeId o : {x, y}) {
          if (N(o).op == Op::kAddStr && N(o).init.empty()) {
            for (NodeId k : prog_.List(N(o).list)) list.push_back(k);
          } else {
            list.push_back(o);
          }
        }
        NodeId n = Add(Op::kAddStr, s.pos, t, e);
        N(n).list = List(list);
        return n;
      }
      NodeId n = Add(Op::kBinary, s.pos, t, e);
      N(n).tok = s.op;
      N(n).x = x;
      N(n).y = y;
      return n;
    }
    case syntax::NodeKind::kKeyValue:
      return Bad(s.pos, e, "key:value outside a composite literal");
    default:
      return Bad(s.pos, e, std::string("expression ") + syntax::NodeKindName(s.kind));
  }
}

NodeId Builder::Name(SynId e) {
  const syntax::Node& s = S(e);
  ObjId obj = UseOf(e);
  if (!obj.has_value()) obj = DefOf(e);
  if (!obj.has_value()) {
    if (s.text == "_") return Add(Op::kName, s.pos, TypeId(), e);
    return Bad(s.pos, e, "unresolved name " + std::string(s.text));
  }
  const types::Object& o = O(obj);
  switch (o.kind) {
    case types::ObjKind::kVar:
      return NameOfVar(LookupVar(obj, s.pos), s.pos, e);
    case types::ObjKind::kFunc: {
      if (o.type.has_value() && !T(o.type).type_params.empty()) {
        // A generic function, instantiated here (reader funcInst): its shaped instance. A
        // function value F[int] is gc's stenciled wrapper calling that instance.
        const std::vector<TypeId>& targs = info_.instances.Get(e);
        if (targs.size() != T(o.type).type_params.size()) {
          return Bad(s.pos, e, "generic function value " + o.name + " without type arguments");
        }
        std::vector<TypeId> sub;
        for (TypeId t : targs) sub.push_back(Sub(t));
        ObjId inst = InstanceOf(obj, sub);
        if (!inst.has_value()) return Bad(s.pos, e, "instance of " + o.name);
        NodeId n = Add(Op::kName, s.pos, TypeOf(e), e);
        N(n).obj = inst;
        return n;
      }
      NodeId n = Add(Op::kName, s.pos, o.type, e);
      N(n).obj = obj;
      return n;
    }
    case types::ObjKind::kNil:
      return Add(Op::kNil, s.pos, TV(e).type, e);
    case types::ObjKind::kConst: {
      NodeId n = Literal(s.pos, TypeOf(e), o.value, e);
      N(n).obj = obj;
      return n;
    }
    case types::ObjKind::kTypeName:
      return Add(Op::kType, s.pos, o.type, e);
    default:
      return Bad(s.pos, e, "name " + o.name);
  }
}

NodeId Builder::DotPath(NodeId x, const std::vector<uint32_t>& path, size_t count, Pos pos,
                        SynId syn) {
  for (size_t i = 0; i < count && i < path.size(); ++i) {
    TypeId xt = N(x).type;
    bool ptr = KindOf(xt) == TypeKind::kPointer;
    TypeId st = ptr ? Core(Elem(xt)) : Core(xt);
    if (!st.has_value() || T(st).kind != TypeKind::kStruct || path[i] >= T(st).fields.size()) {
      return Bad(pos, syn, "selector path");
    }
    ObjId field = T(st).fields[path[i]];
    NodeId n = Add(ptr ? Op::kDotPtr : Op::kDot, pos, O(field).type, syn);
    N(n).x = x;
    N(n).obj = field;
    N(n).index = path[i];
    N(n).implicit = i + 1 < path.size();
    x = n;
  }
  return x;
}

NodeId Builder::RecvExpr(SynId sel, const types::Selection& s) {
  const syntax::Node& sn = S(sel);
  NodeId x = Expr(sn.x);
  if (!s.path.empty()) x = DotPath(x, s.path, s.path.size() - 1, sn.pos, sel);
  TypeId typ = N(x).type;
  TypeId sig = Sub(O(s.obj).type);
  if (!sig.has_value() || !T(sig).recv.has_value() || !typ.has_value()) return x;
  TypeId recv = Sub(O(T(sig).recv).type);
  if (!recv.has_value() || types::IsInterface(u_, recv)) return x;
  // writer.recvExpr isPtrTo checks: *T value for a T method needs *, T for a *T method needs &.
  if (T(typ).kind == TypeKind::kPointer && types::Identical(u_, T(typ).elem, recv)) {
    x = Deref(x, sn.pos, true, sel);
    N(x).type = recv;
  } else if (T(recv).kind == TypeKind::kPointer && types::Identical(u_, T(recv).elem, typ)) {
    x = AddrOf(x, sn.pos, true, sel);
    N(x).type = recv;
  }
  return x;
}

NodeId Builder::Selector(SynId e) {
  const syntax::Node& s = S(e);
  const types::Selection& sel = info_.selections.Get(e);
  switch (sel.kind) {
    case types::Selection::Kind::kNone: {
      // A qualified identifier pkg.Name.
      NodeId n = Name(s.y);
      N(n).pos = s.pos;
      N(n).syntax = e;
      return n;
    }
    case types::Selection::Kind::kFieldVal: {
      NodeId x = Expr(s.x);
      return DotPath(x, sel.path, sel.path.size(), s.pos, e);
    }
    case types::Selection::Kind::kMethodVal: {
      NodeId recv = RecvExpr(e, sel);
      NodeId n = Add(Op::kMethValue, s.pos, TypeOf(e), e);
      N(n).x = recv;
      ObjId inst = MethodInstance(e, sel, N(recv).type);
      N(n).obj = inst.has_value() ? inst : sel.obj;
      return n;
    }
    case types::Selection::Kind::kMethodExpr: {
      NodeId n = Add(Op::kMethExpr, s.pos, TypeOf(e), e);
      ObjId inst = MethodInstance(e, sel, Sub(sel.recv));
      N(n).obj = inst.has_value() ? inst : sel.obj;
      return n;
    }
  }
  return Bad(s.pos, e, "selector");
}

// ---- composite literals (writer.compLit, reader.compLit)

NodeId Builder::CompLit(SynId lit) {
  const syntax::Node& s = S(lit);
  TypeId typ0 = TypeOf(lit);
  TypeId typ = typ0;
  bool ptr = KindOf(typ0) == TypeKind::kPointer;
  if (ptr) typ = Elem(typ0);
  TypeId core = Core(typ);
  if (!core.has_value()) return Bad(s.pos, lit, "composite literal type");
  std::vector<NodeId> elems;
  std::vector<SynId> items = SList(s.list);
  Op op;
  switch (T(core).kind) {
    case TypeKind::kStruct: {
      op = Op::kStructLit;
      const types::Type& st = T(core);
      for (size_t i = 0; i < items.size(); ++i) {
        SynId el = items[i];
        const syntax::Node& es = S(el);
        ObjId field;
        int64_t index = static_cast<int64_t>(i);
        SynId value = el;
        Pos pos = es.pos;
        if (es.kind == syntax::NodeKind::kKeyValue) {
          SynId key = es.x;
          value = es.y;
          pos = S(key).pos;
          std::string name(S(key).text);
          index = -1;
          for (size_t j = 0; j < st.fields.size(); ++j) {
            if (O(st.fields[j]).name == name) {
              index = static_cast<int64_t>(j);
              field = st.fields[j];
              break;
            }
          }
          if (index < 0) {
            // A promoted field (Go 1.27): the element stores into the embedded struct.
            types::Selection path;
            ObjId f = types::LookupFieldOrMethod(u_, typ, false, pkg_, name, &path);
            if (!f.has_value() || path.path.empty()) {
              elems.push_back(Bad(pos, el, "struct literal key " + name));
              continue;
            }
            field = f;
            index = path.path.back();
          }
        } else if (i < st.fields.size()) {
          field = st.fields[i];
        }
        TypeId ft = field.has_value() ? O(field).type : TypeId();
        NodeId v = ImplicitConv(ft, value);
        NodeId k = Add(Op::kStructKey, pos, ft, el);
        N(k).obj = field;
        N(k).index = index;
        N(k).x = v;
        elems.push_back(k);
      }
      break;
    }
    case TypeKind::kArray:
    case TypeKind::kSlice: {
      op = T(core).kind == TypeKind::kArray ? Op::kArrayLit : Op::kSliceLit;
      TypeId et = T(core).elem;
      for (SynId el : items) {
        const syntax::Node& es = S(el);
        if (es.kind == syntax::NodeKind::kKeyValue) {
          NodeId key = Expr(es.x);
          NodeId v = ImplicitConv(et, es.y);
          NodeId k = Add(Op::kKey, S(es.x).pos, et, el);
          N(k).x = key;
          N(k).y = v;
          elems.push_back(k);
        } else {
          elems.push_back(ImplicitConv(et, el));
        }
      }
      break;
    }
    case TypeKind::kMap: {
      op = Op::kMapLit;
      TypeId kt = T(core).key, vt = T(core).elem;
      for (SynId el : items) {
        const syntax::Node& es = S(el);
        if (es.kind != syntax::NodeKind::kKeyValue) {
          elems.push_back(Bad(es.pos, el, "map literal element without key"));
          continue;
        }
        NodeId key = ImplicitConv(kt, es.x);
        NodeId v = ImplicitConv(vt, es.y);
        NodeId k = Add(Op::kKey, S(es.x).pos, vt, el);
        N(k).x = key;
        N(k).y = v;
        elems.push_back(k);
      }
      break;
    }
    default:
      return Bad(s.pos, lit, "composite literal type");
  }
  NodeId n = Add(op, s.pos, typ, lit);
  N(n).list = List(elems);
  if (ptr) {
    // An elided &T in a nested literal: implicit OPTRLIT at the `{`.
    NodeId p = Add(Op::kPtrLit, s.pos, typ0, lit);
    N(p).x = n;
    N(p).implicit = true;
    return p;
  }
  return n;
}

}  // namespace escapist::ir
