// escape/expr.cpp -- evaluating expressions into holes (gc's escape/expr.go): one case per op of
// ir/ops.def, uintptr arithmetic hiding unsafe.Pointers (unsafeValue), and spills.
#include "escape/batch.h"

namespace escapist::escape {

using syntax::Token;

// escape.expr: n's init statements, then n itself.
void Escape::Expr(Hole k, NodeId n) {
  if (!n) return;
  Stmts(N(n).init);
  ExprSkipInit(k, n);
}

void Escape::Discards(IdSpan<NodeId> l) {
  for (uint32_t i = 0; i < l.count; ++i) Discard(a.prog.At(l, i));
}

// escape.expr of an ONAME: globals and functions hold no stack addresses.
void Escape::FlowVar(Hole k, VarId v) {
  if (!v) return;
  const ir::Var& var = a.V(v);
  if (k.derefs >= 0 && var.type && !IsUntypedT(a.u, var.type) && !HasPtrs(a.u, var.type)) {
    k.dst = b.blank_loc;
  }
  if (var.cls == ir::Class::kExtern || var.cls == ir::Class::kFunc) return;
  b.Flow(k, b.OldLoc(v));
}

namespace {

// The callee (method Func object) of a method value, if it is a concrete method.
bool IsInterfaceMethod(const types::Universe& u, types::ObjId m) {
  if (!m) return true;
  const types::Object& obj = u.Obj(m);
  if (!obj.type) return true;
  const types::Type& sig = u.Get(obj.type);
  if (sig.kind != types::TypeKind::kSignature) return true;
  if (!sig.recv) return false;
  return IsInterfaceT(u, u.Obj(sig.recv).type);
}

}  // namespace

// escape.exprSkipInit.
void Escape::ExprSkipInit(Hole k, NodeId id) {
  if (!id) return;
  const ir::Node& n = N(id);
  const types::Universe& u = a.u;
  // Pointer-free values carry no addresses: prune the flow.
  if (k.derefs >= 0 && n.type && !IsUntypedT(u, n.type) && !HasPtrs(u, n.type)) {
    k.dst = b.blank_loc;
  }
  switch (n.op) {
    case Op::kLiteral:
    case Op::kNil:
    case Op::kType:
    case Op::kMethExpr:
      break;
    case Op::kName:
      if (!n.var) return;  // PFUNC
      {
        const ir::Var& v = a.V(n.var);
        if (v.cls == ir::Class::kExtern || v.cls == ir::Class::kFunc) return;
      }
      b.Flow(k, b.OldLoc(n.var));
      break;
    case Op::kUnary:
      Discard(n.x);
      break;
    case Op::kBinary:
    case Op::kAndAnd:
    case Op::kOrOr:
      Discard(n.x);
      Discard(n.y);
      break;
    case Op::kAddr:
      Expr(b.Addr(k, id, "address-of"), n.x);
      break;
    case Op::kDeref:
      Expr(b.Deref(k, id, "indirection"), n.x);
      break;
    case Op::kDot:
    case Op::kDotInter:
      Expr(b.Note(k, id, "dot"), n.x);
      break;
    case Op::kDotPtr:
      Expr(b.Deref(k, id, "dot of pointer"), n.x);
      break;
    case Op::kDotType:
    case Op::kDotType2:
      Expr(b.DotType(k, n.type, id, "dot"), n.x);
      break;
    case Op::kIndex:
      if (n.x && IsArray(u, N(n.x).type)) {
        Expr(b.Note(k, id, "fixed-array-index-of"), n.x);
      } else {
        Expr(b.Deref(k, id, "dot of pointer"), n.x);
      }
      Discard(n.y);
      break;
    case Op::kIndexMap:
      Discard(n.x);
      Discard(n.y);  // keys of map lookups do not escape
      break;
    case Op::kSlice:
    case Op::kSliceArr:
    case Op::kSlice3:
    case Op::kSlice3Arr:
    case Op::kSliceStr:
      Expr(b.Note(k, id, "slice"), n.x);
      Discard(n.y);
      Discard(n.z);
      Discard(n.w);
      break;
    case Op::kConv:
    case Op::kConvNop: {
      auto tmp = b.conv_tmp.find(id.index());
      if (tmp != b.conv_tmp.end()) {
        // rewriteArgument replaced the operand by a temporary.
        b.Flow(k, tmp->second);
        break;
      }
      if (n.x && IsUnsafePtr(u, n.type) && IsUintptr(u, N(n.x).type)) {
        UnsafeValue(k, n.x);
      } else {
        Expr(k, n.x);
      }
      break;
    }
    case Op::kConvIface: {
      TypeId xt = n.x ? N(n.x).type : TypeId();
      if (xt && !IsInterfaceT(u, xt) && !IsDirectIface(u, xt)) k = Spill(k, id);
      Expr(b.Note(k, id, "interface-converted"), n.x);
      break;
    }
    case Op::kSlice2Arr:
      Expr(b.Deref(k, id, "slice-to-array"), n.x);
      break;
    case Op::kSlice2ArrPtr:
      Expr(k, n.x);
      break;
    case Op::kRecv:
      Discard(n.x);
      break;
    case Op::kCallFunc:
    case Op::kCallInter:
    case Op::kInlCall:
    case Op::kLen:
    case Op::kCap:
    case Op::kMin:
    case Op::kMax:
    case Op::kComplex:
    case Op::kReal:
    case Op::kImag:
    case Op::kAppend:
    case Op::kCopy:
    case Op::kRecover:
    case Op::kUnsafeAdd:
    case Op::kUnsafeSlice:
    case Op::kUnsafeString:
    case Op::kUnsafeStringData:
    case Op::kUnsafeSliceData: {
      std::vector<Hole> ks{k};
      Call(&ks, id);
      break;
    }
    case Op::kNew:
      Spill(k, id);
      break;
    case Op::kMakeSlice:
      Spill(k, id);
      Discard(n.x);
      Discard(n.y);
      break;
    case Op::kMakeChan:
      Discard(n.x);  // channels always live in the heap: no location
      break;
    case Op::kMakeMap:
      Spill(k, id);
      Discard(n.x);
      break;
    case Op::kMethValue: {
      // The receiver flows both to the closure object and to the method's receiver
      // parameter, whose results are assumed to reach the heap.
      Hole closure_k = Spill(k, id);
      std::vector<Hole> ks;
      std::optional<Callee> callee;
      if (!IsInterfaceMethod(u, n.obj)) {
        callee = Callee{a.FuncOf(n.obj), n.obj};
        const types::Type& sig = u.Get(u.Obj(n.obj).type);
        size_t nres = sig.results ? u.Get(sig.results).vars.size() : 0;
        for (size_t i = 0; i < nres; ++i) ks.push_back(b.HeapHole());
      }
      Hole param_k = TagHole(&ks, callee, 0);
      Expr(TeeHole({param_k, closure_k}), n.x);
      break;
    }
    case Op::kPtrLit:
      Expr(Spill(k, id), n.x);
      break;
    case Op::kArrayLit:
      for (NodeId elt : a.List(n.list)) {
        if (elt && N(elt).op == Op::kKey) elt = N(elt).y;
        Expr(b.Note(k, id, "array literal element"), elt);
      }
      break;
    case Op::kSliceLit:
      k = Spill(k, id);
      for (NodeId elt : a.List(n.list)) {
        if (elt && N(elt).op == Op::kKey) elt = N(elt).y;
        Expr(b.Note(k, id, "slice-literal-element"), elt);
      }
      break;
    case Op::kStructLit:
      for (NodeId elt : a.List(n.list)) {
        if (!elt) continue;
        NodeId v = N(elt).op == Op::kStructKey ? N(elt).x : elt;
        Expr(b.Note(k, id, "struct literal element"), v);
      }
      break;
    case Op::kMapLit:
      Spill(k, id);
      // Map keys and values are always stored in the heap.
      for (NodeId elt : a.List(n.list)) {
        if (!elt) continue;
        if (N(elt).op == Op::kKey) {
          AssignHeap(N(elt).x, "map literal key", id);
          AssignHeap(N(elt).y, "map literal value", id);
        } else {
          AssignHeap(elt, "map literal value", id);
        }
      }
      break;
    case Op::kClosure: {
      k = Spill(k, id);
      b.closures.push_back(Batch::Closure{k, id});
      FuncId fn = n.func;
      if (fn && a.F(fn).is_closure) {
        for (VarId cv : a.F(fn).closure_vars) {
          Location& loc = b.L(b.OldLoc(cv));
          if (!loc.captured) {
            loc.captured = true;
            // Ignore reassignments in straight-line code before the first capture.
            if (loc.loop_depth == loop_depth) loc.reassigned = false;
          }
        }
        Escape inner(b, fn);
        for (VarId v : a.F(fn).dcl) {
          if (!b.var_loc.count(a.Canonical(v).index())) inner.NewLoc(NodeId(), v, true);
        }
        inner.WalkFunc();
      }
      break;
    }
    case Op::kRunes2Str:
    case Op::kBytes2Str:
    case Op::kStr2Runes:
    case Op::kStr2Bytes:
    case Op::kRuneStr:
      Spill(k, id);
      Discard(n.x);
      break;
    case Op::kAddStr:
      Spill(k, id);
      Discards(n.list);  // runtime.concatstrings copies its operands
      break;
    case Op::kKey:
      Expr(k, n.y);
      break;
    case Op::kStructKey:
      Expr(k, n.x);
      break;
    default:
      // Unsupported or erroneous: assume every operand escapes.
      for (NodeId c : {n.x, n.y, n.z, n.w}) Expr(b.HeapHole(), c);
      for (NodeId c : a.List(n.list)) Expr(b.HeapHole(), c);
      break;
  }
}

// escape.unsafeValue: evaluates uintptr arithmetic, following conversions from unsafe.Pointer.
void Escape::UnsafeValue(Hole k, NodeId id) {
  if (!id) return;
  const ir::Node& n = N(id);
  Stmts(n.init);
  switch (n.op) {
    case Op::kConv:
    case Op::kConvNop:
      if (n.x && IsUnsafePtr(a.u, N(n.x).type)) {
        Expr(k, n.x);
      } else {
        Discard(n.x);
      }
      break;
    case Op::kDotPtr:
      if (IsReflectHeaderDataField(a, id)) {
        Expr(b.Deref(k, id, "reflect.Header.Data"), n.x);
      } else {
        Discard(n.x);
      }
      break;
    case Op::kUnary:
      if (n.tok == Token::kAdd || n.tok == Token::kSub || n.tok == Token::kXor) {
        UnsafeValue(k, n.x);
      } else {
        ExprSkipInit(b.DiscardHole(), id);
      }
      break;
    case Op::kBinary:
      switch (n.tok) {
        case Token::kAdd:
        case Token::kSub:
        case Token::kOr:
        case Token::kXor:
        case Token::kMul:
        case Token::kDiv:
        case Token::kRem:
        case Token::kAnd:
        case Token::kAndNot:
          UnsafeValue(k, n.x);
          UnsafeValue(k, n.y);
          break;
        case Token::kShl:
        case Token::kShr:
          UnsafeValue(k, n.x);
          Discard(n.y);  // the shift count cannot carry a pointer
          break;
        default:
          ExprSkipInit(b.DiscardHole(), id);
          break;
      }
      break;
    default:
      ExprSkipInit(b.DiscardHole(), id);
      break;
  }
}

}  // namespace escapist::escape
