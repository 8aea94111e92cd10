// types/check_builtin.cpp -- the built-in functions and package unsafe's functions
// (go/types builtins.go): argument checks, result types and constant folding, and the builtin
// signatures recorded for the called name.
#include <string>
#include <utility>

#include "types/checker.h"

namespace escapist::types {

namespace {

// Whether t's size depends on type parameters (go/types hasVarSize).
bool HasVarSize(const Universe& u, TypeId t, int depth) {
  if (!t.has_value() || depth > 100) return false;
  const Type& ty = u.Get(t);
  if (ty.kind == TypeKind::kTypeParam) return true;
  if (ty.kind == TypeKind::kNamed) {
    for (TypeId a : ty.targs) {
      if (HasVarSize(u, a, depth + 1)) return HasVarSize(u, Underlying(u, t), depth + 1);
    }
    return false;
  }
  switch (ty.kind) {
    case TypeKind::kArray: return HasVarSize(u, ty.elem, depth + 1);
    case TypeKind::kStruct:
      for (ObjId f : ty.fields) {
        if (HasVarSize(u, u.Obj(f).type, depth + 1)) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace

// Records the signature of a built-in as go/types recordBuiltinType does (on the name, through
// parentheses).
static void RecordBuiltinType(Checker* c, NodeId fun, TypeId result,
                              const std::vector<TypeId>& params, bool variadic) {
  Universe& u = c->u_;
  std::vector<ObjId> pvars;
  // go/types makeSig: parameters get the default type of untyped arguments.
  for (TypeId p : params) {
    if (p.has_value() && IsUntyped(u, p)) p = DefaultType(u, p);
    pvars.push_back(c->NewVar(Pos(), "", p, VarKind::kParam, NodeId()));
  }
  std::vector<ObjId> rvars;
  if (result.has_value()) rvars.push_back(c->NewVar(Pos(), "", result, VarKind::kResult, NodeId()));
  Type sig;
  sig.kind = TypeKind::kSignature;
  sig.params = u.NewTuple(std::move(pvars));
  sig.results = u.NewTuple(std::move(rvars));
  sig.variadic = variadic;
  TypeId st = u.NewType(std::move(sig));
  for (int guard = 0; fun.has_value() && guard < 1000; ++guard) {
    c->RecordTypeAndValue(fun, Mode::kBuiltin, st, nullptr);
    const Node& n = c->ast_[fun];
    if (n.kind == NodeKind::kParen) {
      fun = n.x;
    } else {
      break;
    }
  }
}

// types2 gcSizes.Sizeof: the exact size of t, or -1 when it does not fit in an int64.
static int64_t Types2Sizeof(const Universe& u, TypeId t, int depth) {
  if (depth > 100) return 0;
  const Type& ty = u.Get(Underlying(u, t));
  if (ty.kind == TypeKind::kArray) {
    if (ty.len <= 0) return 0;
    int64_t e = Types2Sizeof(u, ty.elem, depth + 1);
    if (e <= 0) return e;
    if (e > INT64_MAX / ty.len) return -1;
    return e * ty.len;
  }
  if (ty.kind == TypeKind::kStruct) {
    __int128 off = 0;
    for (ObjId f : ty.fields) {
      int64_t s = Types2Sizeof(u, u.Obj(f).type, depth + 1);
      if (s < 0) return -1;
      int64_t a = AlignOf(u, u.Obj(f).type);
      off = (off + a - 1) / a * a + s;
      if (off > INT64_MAX) return -1;
    }
    return SizeOf(u, t);
  }
  return SizeOf(u, t);
}

void Checker::Builtin(Operand* x, NodeId call_node, BuiltinId id) {
  const Node& call = ast_[call_node];
  std::vector<NodeId> arg_list = ast_.List(call.list);
  const char* name = BuiltinName(id);
  auto fail = [&]() { x->mode = Mode::kInvalid; };
  if ((call.flags & syntax::kFlagHasDots) && id != BuiltinId::kAppend) {
    ErrorAt(arg_list.empty() ? call_node : arg_list.back(),
            std::string("invalid operation: invalid use of ... with built-in ") + name);
    UseList(call.list);
    return fail();
  }
  bool saved_call = env_.has_call_or_recv;
  if (id == BuiltinId::kLen || id == BuiltinId::kCap) env_.has_call_or_recv = false;
  struct Restore {
    Checker* c;
    bool saved;
    bool active;
    ~Restore() {
      if (active) c->env_.has_call_or_recv = saved;
    }
  } restore{this, saved_call, id == BuiltinId::kLen || id == BuiltinId::kCap};

  std::vector<Operand> args;
  size_t nargs = 0;
  switch (id) {
    case BuiltinId::kMake:
    case BuiltinId::kNew:
    case BuiltinId::kOffsetof: nargs = arg_list.size(); break;
    default: {
      if (arg_list.size() == 1) {
        MultiExpr(arg_list[0], false, &args);
      } else {
        for (NodeId a : arg_list) {
          Operand o;
          GenericExpr(&o, a);
          args.push_back(std::move(o));
        }
      }
      nargs = args.size();
      for (const auto& a : args) {
        if (!a.IsValid()) return fail();
      }
      if (nargs > 0) *x = args[0];
      break;
    }
  }
  // Arity.
  size_t want = 1;
  bool variadic = false;
  switch (id) {
    case BuiltinId::kAppend:
    case BuiltinId::kMake:
    case BuiltinId::kMax:
    case BuiltinId::kMin: variadic = true; break;
    case BuiltinId::kPrint:
    case BuiltinId::kPrintln: want = 0; variadic = true; break;
    case BuiltinId::kRecover: want = 0; break;
    case BuiltinId::kComplex:
    case BuiltinId::kCopy:
    case BuiltinId::kDelete:
    case BuiltinId::kAdd:
    case BuiltinId::kSlice:
    case BuiltinId::kString: want = 2; break;
    default: break;
  }
  {
    std::string msg;
    if (nargs < want) {
      msg = "not enough";
    } else if (!variadic && nargs > want) {
      msg = "too many";
    }
    if (!msg.empty()) {
      Pos pos = call.pos;
      if (nargs > want && want < arg_list.size()) pos = StartPos(arg_list[want]);
      Error(pos, "invalid operation: " + msg + " arguments for " + ExprString(call_node) +
                     " (expected " + std::to_string(want) + ", found " + std::to_string(nargs) +
                     ")");
      if (id == BuiltinId::kMake || id == BuiltinId::kNew || id == BuiltinId::kOffsetof) {
        UseList(call.list);
      }
      return fail();
    }
  }
  // Built-ins introduced after go1 (types2 checks these on entry to each case).
  {
    int since = 0;
    std::string what;
    switch (id) {
      case BuiltinId::kClear: since = 21; what = "clear"; break;
      case BuiltinId::kMax:
      case BuiltinId::kMin: since = 21; what = std::string("built-in ") + name; break;
      case BuiltinId::kAdd: since = 17; what = "unsafe.Add"; break;
      case BuiltinId::kSlice: since = 17; what = "unsafe.Slice"; break;
      case BuiltinId::kSliceData: since = 20; what = "unsafe.SliceData"; break;
      case BuiltinId::kString: since = 20; what = "unsafe.String"; break;
      case BuiltinId::kStringData: since = 20; what = "unsafe.StringData"; break;
      default: break;
    }
    if (since > 0) VerifyVersion(StartPos(call.x), since, what);
  }
    TypeId empty_iface = u_.empty_interface;  // go/types emptyInterface, not any
  switch (id) {
    case BuiltinId::kAppend: {
      TypeId st = CoreType(u_, x->type);
      if (!st.has_value() || u_.Get(st).kind != TypeKind::kSlice) {
        if (x->is_nil) {
          ErrorAt(x->expr, "invalid append: argument must be a slice; have untyped nil");
        } else {
          ErrorAt(x->expr, "invalid append: argument must be a slice; have " + OperandString(*x));
        }
        return fail();
      }
      TypeId E = u_.Get(st).elem;
      bool special = false;
      if (nargs == 2 && (call.flags & syntax::kFlagHasDots)) {
        Operand tmp = *x;
        int code = 0;
        if (AssignableToOp(&tmp, u_.NewSlice(u_.byte_type), nullptr, &code)) {
          Operand& y = args[1];
          bool has_string = false, ok = true;
          auto check_u = [&](TypeId u) {
            const Type& t = u_.Get(u);
            if (t.kind == TypeKind::kSlice && Identical(u_, t.elem, u_.byte_type)) return true;
            if (IsString(u_, u)) {
              has_string = true;
              return true;
            }
            return false;
          };
          if (IsTypeParam(u_, y.type)) {
            ok = AllUnder(u_, y.type, check_u);
          } else {
            ok = check_u(Underlying(u_, y.type));
          }
          if (ok && has_string) {
            special = true;  // y stays untyped, as in go/types
            RecordBuiltinType(this, call.x, x->type, {x->type, y.type}, true);
          }
        }
      }
      if (!special) {
        // Check the arguments against func(S, ...E) S.
        std::vector<ObjId> pv{NewVar(Pos(), "", x->type, VarKind::kParam, NodeId()),
                              NewVar(Pos(), "", u_.NewSlice(E), VarKind::kParam, NodeId())};
        Type sig;
        sig.kind = TypeKind::kSignature;
        sig.params = u_.NewTuple(pv);
        sig.results = u_.NewTuple({NewVar(Pos(), "", x->type, VarKind::kResult, NodeId())});
        sig.variadic = true;
        TypeId sid = u_.NewType(std::move(sig));
        TypeId rsig;
        std::vector<Operand> all = args;
        Arguments(call_node, sid, {}, {}, all, &rsig);
        RecordBuiltinType(this, call.x, x->type, {x->type, u_.NewSlice(E)}, true);
      }
      x->mode = Mode::kValue;
      return;
    }
    case BuiltinId::kCap:
    case BuiltinId::kLen: {
      Mode mode = Mode::kInvalid;
      Constant val;
      auto array_ptr_deref = [&](TypeId u) {
        const Type& t = u_.Get(u);
        if (t.kind == TypeKind::kPointer) {
          TypeId e = Underlying(u_, t.elem);
          if (u_.Get(e).kind == TypeKind::kArray) return e;
        }
        return u;
      };
      TypeId ut = array_ptr_deref(Underlying(u_, x->type));
      const Type& t = u_.Get(ut);
      if (!IsTypeParam(u_, x->type)) {
        switch (t.kind) {
          case TypeKind::kBasic:
            if (IsString(u_, ut) && id == BuiltinId::kLen) {
              if (x->mode == Mode::kConstant) {
                mode = Mode::kConstant;
                val = constant::MakeInt64(static_cast<int64_t>(x->val->s.size()));
              } else {
                mode = Mode::kValue;
              }
            }
            break;
          case TypeKind::kArray:
            mode = Mode::kValue;
            if (!env_.has_call_or_recv) {
              mode = Mode::kConstant;
              val = t.len >= 0 ? constant::MakeInt64(t.len) : constant::MakeUnknown();
            }
            break;
          case TypeKind::kSlice:
          case TypeKind::kChan: mode = Mode::kValue; break;
          case TypeKind::kMap:
            if (id == BuiltinId::kLen) mode = Mode::kValue;
            break;
          default: break;
        }
      } else {
        bool ok = AllUnder(u_, x->type, [&](TypeId u) {
          const Type& tt = u_.Get(array_ptr_deref(u));
          switch (tt.kind) {
            case TypeKind::kBasic: return IsString(u_, u) && id == BuiltinId::kLen;
            case TypeKind::kArray:
            case TypeKind::kSlice:
            case TypeKind::kChan: return true;
            case TypeKind::kMap: return id == BuiltinId::kLen;
            default: return false;
          }
        });
        if (ok) mode = Mode::kValue;
      }
      if (mode == Mode::kInvalid) {
        if (IsValid(u_, Underlying(u_, x->type))) {
          ErrorAt(x->expr, "invalid argument: " + OperandString(*x) + " for built-in " + name);
        }
        return fail();
      }
      if (mode != Mode::kConstant) {
        RecordBuiltinType(this, call.x, u_.Basic(BasicKind::kInt), {x->type}, false);
      }
      x->mode = mode;
      x->type = u_.Basic(BasicKind::kInt);
      x->val = val;
      return;
    }
    case BuiltinId::kClear: {
      bool ok = AllUnder(u_, x->type, [&](TypeId u) {
        TypeKind k = u_.Get(u).kind;
        return k == TypeKind::kMap || k == TypeKind::kSlice;
      });
      if (!ok) {
        ErrorAt(x->expr, "invalid argument: cannot clear " + OperandString(*x) +
                             ": argument must be (or constrained by) map or slice");
        return fail();
      }
      x->mode = Mode::kNoValue;
      RecordBuiltinType(this, call.x, TypeId(), {x->type}, false);
      return;
    }
    case BuiltinId::kClose: {
      std::string err;
      bool ok = AllUnder(u_, x->type, [&](TypeId u) {
        const Type& t = u_.Get(u);
        if (t.kind != TypeKind::kChan) {
          err = "invalid operation: cannot close non-channel " + OperandString(*x);
          return false;
        }
        if (t.dir == ChanDir::kRecv) {
          err = "invalid operation: cannot close receive-only channel " + OperandString(*x);
          return false;
        }
        return true;
      });
      if (!ok) {
        if (err.empty()) err = "invalid operation: cannot close non-channel " + OperandString(*x);
        ErrorAt(x->expr, err);
        return fail();
      }
      x->mode = Mode::kNoValue;
      RecordBuiltinType(this, call.x, TypeId(), {x->type}, false);
      return;
    }
    case BuiltinId::kComplex: {
      Operand& y = args[1];
      int d = (IsUntyped(u_, x->type) ? 1 : 0) | (IsUntyped(u_, y.type) ? 2 : 0);
      switch (d) {
        case 1: ConvertUntyped(x, y.type); break;
        case 2: ConvertUntyped(&y, x->type); break;
        case 3:
          if (x->mode == Mode::kConstant && y.mode == Mode::kConstant) {
            auto to_float = [&](Operand* o) {
              if (IsNumeric(u_, o->type) && constant::Sign(constant::Imag(o->val)) == 0) {
                o->type = u_.Basic(BasicKind::kUntypedFloat);
              }
            };
            to_float(x);
            to_float(&y);
          } else {
            ConvertUntyped(x, u_.Basic(BasicKind::kFloat64));
            ConvertUntyped(&y, u_.Basic(BasicKind::kFloat64));
          }
          break;
        default: break;
      }
      if (!x->IsValid() || !y.IsValid()) return fail();
      if (!Identical(u_, x->type, y.type)) {
        ErrorAt(x->expr, "invalid operation: " + ExprString(call_node) + " (mismatched types " +
                             TS(x->type) + " and " + TS(y.type) + ")");
        return fail();
      }
      TypeId res;
      switch (BasicOf(u_, x->type)) {
        case BasicKind::kFloat32: res = u_.Basic(BasicKind::kComplex64); break;
        case BasicKind::kFloat64: res = u_.Basic(BasicKind::kComplex128); break;
        case BasicKind::kUntypedFloat: res = u_.Basic(BasicKind::kUntypedComplex); break;
        default: break;
      }
      if (IsTypeParam(u_, x->type)) res = TypeId();
      if (!res.has_value()) {
        ErrorAt(x->expr, "invalid argument: arguments have type " + TS(x->type) +
                             ", expected floating-point");
        return fail();
      }
      if (x->mode == Mode::kConstant && y.mode == Mode::kConstant) {
        x->val = constant::MakeComplex(constant::ToFloat(x->val), constant::ToFloat(y.val));
      } else {
        x->mode = Mode::kValue;
      }
      if (x->mode != Mode::kConstant) RecordBuiltinType(this, call.x, res, {x->type, x->type}, false);
      x->type = res;
      return;
    }
    case BuiltinId::kCopy: {
      auto slice_elem = [&](Operand* o, TypeId* elem) {
        TypeId ct = CoreType(u_, o->type);
        if (ct.has_value() && u_.Get(ct).kind == TypeKind::kSlice) {
          *elem = u_.Get(ct).elem;
          return true;
        }
        return false;
      };
      TypeId dst_e, src_e;
      auto not_slice = [&](const Operand& o) {
        return o.is_nil ? std::string("invalid copy: argument must be a slice; have untyped nil")
                        : "invalid copy: argument must be a slice; have " + OperandString(o);
      };
      if (!slice_elem(x, &dst_e)) {
        ErrorAt(x->expr, not_slice(*x));
        return fail();
      }
      Operand& y = args[1];
      bool special = false;
      {
        Operand tmp = *x;
        int code = 0;
        if (AssignableToOp(&tmp, u_.NewSlice(u_.byte_type), nullptr, &code)) {
          auto check_u = [&](TypeId u) {
            const Type& t = u_.Get(u);
            return (t.kind == TypeKind::kSlice && Identical(u_, t.elem, u_.byte_type)) ||
                   IsString(u_, u);
          };
          special = IsTypeParam(u_, y.type) ? AllUnder(u_, y.type, check_u)
                                             : check_u(Underlying(u_, y.type));
        }
      }
      if (!special) {
        if (!slice_elem(&y, &src_e)) {
          if (!IsString(u_, y.type)) {
            ErrorAt(y.expr, not_slice(y));
            return fail();
          }
          src_e = u_.byte_type;
        }
        if (!Identical(u_, dst_e, src_e)) {
          ErrorAt(x->expr, "invalid copy: arguments " + OperandString(*x) + " and " +
                               OperandString(y) + " have different element types " +
                               TS(dst_e) + " and " + TS(src_e));
          return fail();
        }
      }
      // An untyped string y stays untyped, as in go/types.
      RecordBuiltinType(this, call.x, u_.Basic(BasicKind::kInt), {x->type, y.type}, false);
      x->mode = Mode::kValue;
      x->type = u_.Basic(BasicKind::kInt);
      return;
    }
    case BuiltinId::kDelete: {
      TypeId map_t = x->type;
      TypeId key;
      std::string err;
      bool ok = AllUnder(u_, map_t, [&](TypeId u) {
        const Type& t = u_.Get(u);
        if (t.kind != TypeKind::kMap) {
          err = "invalid argument: " + OperandString(*x) + " is not a map";
          return false;
        }
        if (key.has_value() && !Identical(u_, t.key, key)) {
          err = "invalid argument: maps of " + OperandString(*x) + " must have identical key types";
          return false;
        }
        key = t.key;
        return true;
      });
      if (!ok) {
        if (err.empty()) err = "invalid argument: " + OperandString(*x) + " is not a map";
        ErrorAt(x->expr, err);
        return fail();
      }
      *x = args[1];
      Assignment(x, key, "argument to delete");
      if (!x->IsValid()) return fail();
      x->mode = Mode::kNoValue;
      RecordBuiltinType(this, call.x, TypeId(), {map_t, key}, false);
      return;
    }
    case BuiltinId::kImag:
    case BuiltinId::kReal: {
      if (IsUntyped(u_, x->type)) {
        if (x->mode == Mode::kConstant) {
          if (IsNumeric(u_, x->type)) x->type = u_.Basic(BasicKind::kUntypedComplex);
        } else {
          ConvertUntyped(x, u_.Basic(BasicKind::kComplex128));
          if (!x->IsValid()) return fail();
        }
      }
      TypeId res;
      switch (BasicOf(u_, x->type)) {
        case BasicKind::kComplex64: res = u_.Basic(BasicKind::kFloat32); break;
        case BasicKind::kComplex128: res = u_.Basic(BasicKind::kFloat64); break;
        case BasicKind::kUntypedComplex: res = u_.Basic(BasicKind::kUntypedFloat); break;
        default: break;
      }
      if (IsTypeParam(u_, x->type)) res = TypeId();
      if (!res.has_value()) {
        ErrorAt(x->expr, "invalid argument: argument has type " + TS(x->type) +
                             ", expected complex number");
        return fail();
      }
      if (x->mode == Mode::kConstant) {
        x->val = id == BuiltinId::kReal ? constant::Real(x->val) : constant::Imag(x->val);
      } else {
        x->mode = Mode::kValue;
        RecordBuiltinType(this, call.x, res, {x->type}, false);
      }
      x->type = res;
      return;
    }
    case BuiltinId::kMake: {
      NodeId arg0 = arg_list[0];
      TypeId T = VarType(arg0);
      if (!IsValid(u_, T)) {
        for (size_t i = 1; i < arg_list.size(); ++i) Use(arg_list[i]);
        return fail();
      }
      TypeId ct = CoreType(u_, T);
      size_t min = 0;
      if (ct.has_value()) {
        switch (u_.Get(ct).kind) {
          case TypeKind::kSlice: min = 2; break;
          case TypeKind::kMap:
          case TypeKind::kChan: min = 1; break;
          default: break;
        }
      }
      if (min == 0) {
        std::string why = !ct.has_value() && IsTypeParam(u_, T)
                              ? "no core type"
                              : "type must be slice, map, or channel";
        ErrorAt(arg0, "invalid argument: cannot make " + ExprString(arg0) + ": " + why);
        for (size_t i = 1; i < arg_list.size(); ++i) Use(arg_list[i]);
        return fail();
      }
      if (nargs < min || min + 1 < nargs) {
        Error(call.pos, "invalid operation: " + ExprString(call_node) + " expects " +
                            std::to_string(min) + " or " + std::to_string(min + 1) +
                            " arguments; found " + std::to_string(nargs));
        for (size_t i = 1; i < arg_list.size(); ++i) Use(arg_list[i]);
        return fail();
      }
      std::vector<TypeId> types{T};
      std::vector<int64_t> sizes;
      for (size_t i = 1; i < arg_list.size(); ++i) {
        bool ok = false;
        int64_t v = Index(arg_list[i], -1, false, &ok);
        const TypeAndValue& tv = info_.types.Get(arg_list[i]);
        types.push_back(ok && tv.type.has_value() ? tv.type : u_.Basic(BasicKind::kInt));
        if (ok && v >= 0) sizes.push_back(v);
      }
      if (sizes.size() == 2 && sizes[0] > sizes[1]) {
        ErrorAt(arg_list[1], "invalid argument: length and capacity swapped");
      }
      x->mode = Mode::kValue;
      x->type = T;
      RecordBuiltinType(this, call.x, T, types, false);
      return;
    }
    case BuiltinId::kMax:
    case BuiltinId::kMin: {
      Token op = id == BuiltinId::kMax ? Token::kGtr : Token::kLss;
      for (size_t i = 0; i < args.size(); ++i) {
        Operand& a = args[i];
        if (!IsOrdered(u_, a.type)) {
          ErrorAt(a.expr, "invalid argument: " + OperandString(a) + " cannot be ordered");
          return fail();
        }
        if (i > 0) {
          MatchTypes(x, &a);
          if (!x->IsValid()) return fail();
          if (!Identical(u_, x->type, a.type)) {
            ErrorAt(a.expr, "invalid argument: mismatched types " + TS(x->type) +
                                " (previous argument) and " + TS(a.type) + " (type of " +
                                ExprString(a.expr) + ")");
            return fail();
          }
          if (x->mode == Mode::kConstant && a.mode == Mode::kConstant) {
            if (constant::Compare(a.val, op, x->val)) *x = a;
          } else {
            x->mode = Mode::kValue;
          }
        }
      }
      if (x->mode != Mode::kConstant) {
        x->mode = Mode::kValue;
        if (IsUntyped(u_, x->type)) {
          ConvertUntyped(x, DefaultType(u_, x->type));
          if (!x->IsValid()) return fail();
        }
        std::vector<TypeId> ps;
        for (auto& a : args) {
          UpdateExprType(a.expr, x->type, true);
          ps.push_back(x->type);
        }
        RecordBuiltinType(this, call.x, x->type, ps, false);
      }
      return;
    }
    case BuiltinId::kNew: {
      NodeId arg = arg_list[0];
      ExprOrType(x, arg, false);
      Exclude(x, ModeBit(Mode::kNoValue) | ModeBit(Mode::kBuiltin));
      if (x->mode == Mode::kInvalid) return fail();
      if (x->mode != Mode::kTypeExpr && IsUntyped(u_, x->type)) {
        Assignment(x, TypeId(), "argument to new");
        if (!x->IsValid()) return fail();
      }
      TypeId T = x->type;
      x->mode = Mode::kValue;
      x->type = u_.NewPointer(T);
      RecordBuiltinType(this, call.x, x->type, {T}, false);
      return;
    }
    case BuiltinId::kPanic: {
      Assignment(x, empty_iface, "argument to panic");
      if (!x->IsValid()) return fail();
      x->mode = Mode::kNoValue;
      RecordBuiltinType(this, call.x, TypeId(), {empty_iface}, false);
      return;
    }
    case BuiltinId::kPrint:
    case BuiltinId::kPrintln: {
      std::vector<TypeId> params;
      for (auto& a : args) {
        Assignment(&a, TypeId(), std::string("argument to built-in ") + name);
        if (!a.IsValid()) return fail();
        params.push_back(a.type);
      }
      x->mode = Mode::kNoValue;
      RecordBuiltinType(this, call.x, TypeId(), params, false);
      return;
    }
    case BuiltinId::kRecover:
      x->mode = Mode::kValue;
      x->type = empty_iface;
      RecordBuiltinType(this, call.x, x->type, {}, false);
      return;
    case BuiltinId::kAdd: {
      Assignment(x, u_.Basic(BasicKind::kUnsafePointer), "argument to unsafe.Add");
      if (!x->IsValid()) return fail();
      Operand& y = args[1];
      if (!IsValidIndex(&y, "length", true)) return fail();
      x->mode = Mode::kValue;
      x->type = u_.Basic(BasicKind::kUnsafePointer);
      RecordBuiltinType(this, call.x, x->type, {x->type, y.type}, false);
      return;
    }
    case BuiltinId::kAlignof:
    case BuiltinId::kSizeof: {
      Assignment(x, TypeId(), std::string("argument to unsafe.") + name);
      if (!x->IsValid()) return fail();
      if (HasVarSize(u_, x->type, 0)) {
        x->mode = Mode::kValue;
        RecordBuiltinType(this, call.x, u_.Basic(BasicKind::kUintptr), {x->type}, false);
      } else {
        if (id == BuiltinId::kSizeof && Types2Sizeof(u_, x->type, 0) < 0) {
          ErrorAt(x->expr, OperandString(*x) + " is too large");
          return fail();
        }
        x->mode = Mode::kConstant;
        x->val = constant::MakeInt64(id == BuiltinId::kSizeof ? SizeOf(u_, x->type)
                                                              : AlignOf(u_, x->type));
      }
      x->type = u_.Basic(BasicKind::kUintptr);
      return;
    }
    case BuiltinId::kOffsetof: {
      NodeId arg0 = arg_list[0];
      NodeId sel = arg0;
      while (sel.has_value() && ast_[sel].kind == NodeKind::kParen) sel = ast_[sel].x;
      if (!sel.has_value() || ast_[sel].kind != NodeKind::kSelector) {
        ErrorAt(arg0, "invalid argument: " + ExprString(arg0) + " is not a selector expression");
        Use(arg0);
        return fail();
      }
      Expr(TypeId(), x, ast_[sel].x);
      if (!x->IsValid()) return fail();
      TypeId base = x->type;
      {
        bool p = false;
        TypeId d = Deref(u_, base, &p);
        if (p && u_.Get(Underlying(u_, d)).kind == TypeKind::kStruct) base = d;
      }
      std::string fname(ast_[ast_[sel].y].text);
      LookupResult r = LookupImpl(u_, base, false, pkg_id_, fname);
      if (!r.obj.has_value()) {
        ErrorAt(x->expr, "invalid argument: " + TS(base) + " has no single field " + fname);
        return fail();
      }
      if (u_.Obj(r.obj).kind == ObjKind::kFunc) {
        ErrorAt(arg0, "invalid argument: " + ExprString(arg0) + " is a method value");
        return fail();
      }
      if (r.indirect) {
        ErrorAt(x->expr, "invalid argument: field " + fname + " is embedded via a pointer in " +
                             TS(base));
        return fail();
      }
      RecordSelection(sel, Selection::Kind::kFieldVal, base, r.obj, r.index, false);
      RecordUse(ast_[sel].y, r.obj);
      RecordTypeAndValue(sel, x->mode == Mode::kVariable ? Mode::kVariable : Mode::kValue,
                         u_.Obj(r.obj).type, nullptr);
      if (HasVarSize(u_, base, 0)) {
        x->mode = Mode::kValue;
        RecordBuiltinType(this, call.x, u_.Basic(BasicKind::kUintptr), {u_.Obj(r.obj).type}, false);
      } else {
        int64_t off = 0;
        TypeId t = base;
        bool too_large = false;
        for (size_t i = 0; i < r.index.size(); ++i) {
          const Type& st = u_.Get(Underlying(u_, t));
          if (st.kind != TypeKind::kStruct || r.index[i] >= st.fields.size()) break;
          // types2 offsetsof: an offset past a field too large for int64 is "too large".
          for (uint32_t k = 0; k < r.index[i]; ++k) {
            if (Types2Sizeof(u_, u_.Obj(st.fields[k]).type, 0) < 0) too_large = true;
          }
          off += FieldOffset(u_, t, r.index[i]);
          t = u_.Obj(st.fields[r.index[i]]).type;
        }
        if (too_large) {
          ErrorAt(x->expr, OperandString(*x) + " is too large");
          return fail();
        }
        x->mode = Mode::kConstant;
        x->val = constant::MakeInt64(off);
      }
      x->type = u_.Basic(BasicKind::kUintptr);
      return;
    }
    case BuiltinId::kSlice: {
      TypeId ct = CoreType(u_, x->type);
      if (!ct.has_value() || u_.Get(ct).kind != TypeKind::kPointer) {
        ErrorAt(x->expr, "invalid argument: " + OperandString(*x) + " is not a pointer");
        return fail();
      }
      Operand& y = args[1];
      if (!IsValidIndex(&y, "length", false)) return fail();
      TypeId elem = u_.Get(ct).elem;
      x->mode = Mode::kValue;
      x->type = u_.NewSlice(elem);
      RecordBuiltinType(this, call.x, x->type, {ct, y.type}, false);
      return;
    }
    case BuiltinId::kSliceData: {
      TypeId ct = CoreType(u_, x->type);
      if (!ct.has_value() || u_.Get(ct).kind != TypeKind::kSlice) {
        ErrorAt(x->expr, "invalid argument: " + OperandString(*x) + " is not a slice");
        return fail();
      }
      x->mode = Mode::kValue;
      x->type = u_.NewPointer(u_.Get(ct).elem);
      RecordBuiltinType(this, call.x, x->type, {ct}, false);
      return;
    }
    case BuiltinId::kString: {
      TypeId pb = u_.NewPointer(u_.byte_type);
      Assignment(x, pb, "argument to unsafe.String");
      if (!x->IsValid()) return fail();
      Operand& y = args[1];
      if (!IsValidIndex(&y, "length", false)) return fail();
      x->mode = Mode::kValue;
      x->type = u_.Basic(BasicKind::kString);
      RecordBuiltinType(this, call.x, x->type, {pb, y.type}, false);
      return;
    }
    case BuiltinId::kStringData: {
      Assignment(x, u_.Basic(BasicKind::kString), "argument to unsafe.StringData");
      if (!x->IsValid()) return fail();
      x->mode = Mode::kValue;
      x->type = u_.NewPointer(u_.byte_type);
      RecordBuiltinType(this, call.x, x->type, {u_.Basic(BasicKind::kString)}, false);
      return;
    }
  }
}

}  // namespace escapist::types
