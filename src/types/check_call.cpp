// types/check_call.cpp -- calls, conversions and built-in functions (go/types call.go,
// conversions.go, builtins.go): argument passing with variadics and inference, conversions of
// constants and values, and every built-in including min/max/clear and package unsafe.
#include <string>
#include <utility>

#include "types/checker.h"

namespace escapist::types {

namespace {

bool IsBytesOrRunes(const Universe& u, TypeId t) {
  const Type& ut = u.Get(Underlying(u, t));
  if (ut.kind != TypeKind::kSlice) return false;
  const Type& e = u.Get(Underlying(u, ut.elem));
  return e.kind == TypeKind::kBasic &&
         (e.basic == BasicKind::kUint8 || e.basic == BasicKind::kInt32);
}

bool IsUintptr(const Universe& u, TypeId t) { return BasicOf(u, t) == BasicKind::kUintptr; }
bool IsUnsafePointer(const Universe& u, TypeId t) {
  return BasicOf(u, t) == BasicKind::kUnsafePointer;
}

}  // namespace

// ---- conversions

bool Checker::ConvertibleTo(Operand* x, TypeId T, std::string* cause) {
  int code = 0;
  if (AssignableToOp(x, T, cause, &code)) return true;
  TypeId V = x->type;
  TypeId vu = Underlying(u_, V), tu = Underlying(u_, T);
  bool vp = IsTypeParam(u_, V), tp = IsTypeParam(u_, T);
  if (IdenticalIgnoreTags(u_, vu, tu) && !vp && !tp) return true;
  {
    const Type& vt = u_.Get(V);
    const Type& tt = u_.Get(T);
    if (vt.kind == TypeKind::kPointer && tt.kind == TypeKind::kPointer) {
      if (IdenticalIgnoreTags(u_, Underlying(u_, vt.elem), Underlying(u_, tt.elem)) &&
          !IsTypeParam(u_, vt.elem) && !IsTypeParam(u_, tt.elem)) {
        return true;
      }
    }
  }
  if (!vp && !tp) {
    auto int_or_float = [&](TypeId t) { return IsInteger(u_, t) || IsFloat(u_, t); };
    if (int_or_float(vu) && int_or_float(tu)) return true;
    if (IsComplex(u_, vu) && IsComplex(u_, tu)) return true;
    if ((IsInteger(u_, vu) || IsBytesOrRunes(u_, vu)) && IsString(u_, tu)) return true;
    if (IsString(u_, vu) && IsBytesOrRunes(u_, tu)) return true;
    if ((IsPointer(u_, vu) || IsUintptr(u_, vu)) && IsUnsafePointer(u_, tu)) return true;
    if (IsUnsafePointer(u_, vu) && (IsPointer(u_, tu) || IsUintptr(u_, tu))) return true;
    const Type& vt = u_.Get(vu);
    if (vt.kind == TypeKind::kSlice) {
      const Type& tt = u_.Get(tu);
      if (tt.kind == TypeKind::kArray && Identical(u_, vt.elem, tt.elem)) return true;
      if (tt.kind == TypeKind::kPointer) {
        const Type& at = u_.Get(Underlying(u_, tt.elem));
        if (at.kind == TypeKind::kArray && Identical(u_, vt.elem, at.elem)) return true;
      }
    }
    return false;
  }
  auto terms_of = [&](TypeId p, std::vector<TypeId>* out) {
    const Type& it = CompleteInterface(u_, Underlying(u_, p));
    if (it.terms.empty()) return false;
    for (const auto& t : it.terms) out->push_back(t.type);
    return true;
  };
  if (vp && tp) {
    std::vector<TypeId> vs, ts;
    if (!terms_of(V, &vs) || !terms_of(T, &ts)) return false;
    for (TypeId v : vs) {
      Operand y = *x;
      y.type = v;
      for (TypeId t : ts) {
        if (!ConvertibleTo(&y, t, cause)) {
          if (cause) *cause = "cannot convert " + TS(v) + " (in " + TS(V) + ") to type " + TS(t) +
                              " (in " + TS(T) + ")";
          return false;
        }
      }
    }
    return true;
  }
  if (vp) {
    std::vector<TypeId> vs;
    if (!terms_of(V, &vs)) return false;
    for (TypeId v : vs) {
      Operand y = *x;
      y.type = v;
      if (!ConvertibleTo(&y, T, cause)) {
        if (cause) *cause = "cannot convert " + TS(v) + " (in " + TS(V) + ") to type " + TS(T);
        return false;
      }
    }
    return true;
  }
  std::vector<TypeId> ts;
  if (!terms_of(T, &ts)) return false;
  for (TypeId t : ts) {
    if (!ConvertibleTo(x, t, cause)) {
      if (cause) *cause = "cannot convert " + TS(x->type) + " to type " + TS(t) + " (in " + TS(T) + ")";
      return false;
    }
  }
  return true;
}

void Checker::Conversion(Operand* x, TypeId T) {
  bool const_arg = x->mode == Mode::kConstant;
  auto const_convertible = [&](TypeId t, Constant* val) {
    const Type& ut = u_.Get(Underlying(u_, t));
    if (ut.kind != TypeKind::kBasic) return false;
    Constant r;
    if (RepresentableConst(x->val, ut.basic, &r)) {
      if (val) *val = r;
      return true;
    }
    if (IsInteger(u_, x->type) && IsString(u_, t)) {
      uint64_t i = 0;
      uint32_t cp = 0xFFFD;
      if (constant::Uint64Val(x->val, &i) && i <= 0x10FFFF && !(i >= 0xD800 && i <= 0xDFFF)) {
        cp = static_cast<uint32_t>(i);
      }
      std::string s;
      if (cp < 0x80) {
        s += static_cast<char>(cp);
      } else if (cp < 0x800) {
        s += static_cast<char>(0xC0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        s += static_cast<char>(0xE0 | (cp >> 12));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        s += static_cast<char>(0xF0 | (cp >> 18));
        s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (cp & 0x3F));
      }
      if (val) *val = constant::MakeString(s);
      return true;
    }
    return false;
  };
  bool ok = false;
  std::string cause;
  if (const_arg && IsConstType(u_, T)) {
    Constant v;
    ok = const_convertible(T, &v);
    if (ok) x->val = v;
    if (!ok && IsInteger(u_, x->type) && IsInteger(u_, T)) {
      ErrorAt(x->expr, "constant " + constant::String(x->val) + " overflows " + TS(T));
      x->mode = Mode::kInvalid;
      return;
    }
  } else if (const_arg && IsTypeParam(u_, T)) {
    const Type& it = CompleteInterface(u_, Underlying(u_, T));
    if (it.terms.empty()) {
      ok = false;
      cause = TS(T) + " does not contain specific types";
    } else {
      ok = true;
      std::vector<Term> terms = it.terms;
      for (const auto& term : terms) {
        TypeId u = Underlying(u_, term.type);
        if (IsString(u_, x->type) && IsBytesOrRunes(u_, u)) continue;
        if (!const_convertible(u, nullptr)) {
          ok = false;
          cause = "cannot convert " + OperandString(*x) + " to type " + TS(u) + " (in " + TS(T) + ")";
          break;
        }
      }
    }
    x->mode = Mode::kValue;
  } else if (ConvertibleTo(x, T, &cause)) {
    ok = true;
    x->mode = Mode::kValue;
  }
  x->is_nil = false;
  if (!ok) {
    if (!cause.empty()) {
      ErrorAt(x->expr, "cannot convert " + OperandString(*x) + " to type " + TS(T) + ": " + cause);
    } else {
      ErrorAt(x->expr, "cannot convert " + OperandString(*x) + " to type " + TS(T));
    }
    x->mode = Mode::kInvalid;
    return;
  }
  if (IsUntyped(u_, x->type)) {
    TypeId final = T;
    if (IsBasicKind(u_, x->type, BasicKind::kUntypedNil)) {
      // types2: untyped nil gets the target type
    } else if (IsInterface(u_, T) || (const_arg && !IsConstType(u_, T))) {
      final = DefaultType(u_, x->type);
    } else if (x->mode == Mode::kConstant && IsInteger(u_, x->type) && IsString(u_, T)) {
      final = x->type;
    }
    UpdateExprType(x->expr, final, true);
  }
  x->type = T;
}

// ---- calls

void Checker::GenericExprList(IdSpan<NodeId> list, std::vector<Operand>* out,
                              std::vector<std::vector<TypeId>>* targs,
                              std::vector<NodeId>* xlist) {
  std::vector<NodeId> elems = ast_.List(list);
  if (elems.size() == 1) {
    // A single argument may be a multi-valued call or a generic function.
    Operand x;
    NodeId e = elems[0];
    RawExpr(TypeId(), &x, e, true);
    Exclude(&x, ModeBit(Mode::kNoValue) | ModeBit(Mode::kBuiltin) | ModeBit(Mode::kTypeExpr));
    if (x.mode == Mode::kValue && x.type.has_value() && u_.Get(x.type).kind == TypeKind::kTuple) {
      for (ObjId v : u_.Get(x.type).vars) {
        Operand y;
        y.mode = Mode::kValue;
        y.expr = e;
        y.type = u_.Obj(v).type;
        out->push_back(std::move(y));
      }
      return;
    }
    out->push_back(std::move(x));
    return;
  }
  for (NodeId e : elems) {
    Operand x;
    RawExpr(TypeId(), &x, e, true);
    Exclude(&x, ModeBit(Mode::kNoValue) | ModeBit(Mode::kBuiltin) | ModeBit(Mode::kTypeExpr));
    SingleValue(&x);
    out->push_back(std::move(x));
  }
  (void)targs;
  (void)xlist;
}

void Checker::CallExpr(Operand* x, NodeId e) {
  const Node& call = ast_[e];
  NodeId fun = call.x;
  std::vector<TypeId> targs;
  bool inst = false;
  if (ast_[fun].kind == NodeKind::kIndex) {
    // Possibly a (partial) function instantiation: evaluate the base first.
    const Node& ix = ast_[fun];
    Operand f;
    ExprOrType(&f, ix.x, true);
    if (f.mode == Mode::kValue && f.type.has_value() &&
        u_.Get(Underlying(u_, f.type)).kind == TypeKind::kSignature &&
        !u_.Get(Underlying(u_, f.type)).type_params.empty()) {
      bool ok = true;
      for (NodeId a : ast_.List(ix.list)) {
        TypeId t = VarType(a);
        if (!IsValid(u_, t)) ok = false;
        targs.push_back(t);
      }
      if (!ok) {
        UseList(call.list);
        x->mode = Mode::kInvalid;
        x->expr = e;
        return;
      }
      *x = f;
      x->expr = fun;
      inst = true;
    } else {
      *x = f;
      IndexExprRest(x, fun);
      x->expr = fun;
      Record(*x);
    }
  } else {
    ExprOrType(x, fun, true);
  }
  switch (x->mode) {
    case Mode::kInvalid:
      UseList(call.list);
      x->expr = e;
      return;
    case Mode::kTypeExpr: {
      NonGeneric(nullptr, x);
      if (!x->IsValid()) {
        x->expr = e;
        return;
      }
      TypeId T = x->type;
      x->mode = Mode::kInvalid;
      if (!IsComplete(T)) {
        UseList(call.list);
        x->expr = e;
        return;
      }
      size_t n = call.list.size();
      if (n == 0) {
        Error(call.pos, "missing argument in conversion to " + TS(T));
      } else if (n == 1) {
        NodeId arg = ast_.At(call.list, 0);
        ExprWithHint(x, arg, T);
        if (x->IsValid()) {
          TypeId ut = Underlying(u_, T);
          if (u_.Get(ut).kind == TypeKind::kInterface && !IsTypeParam(u_, T)) {
            const Type& it = CompleteInterface(u_, ut);
            if (!it.terms.empty() || it.empty_typeset || it.is_comparable) {
              ErrorAt(e, "cannot use interface " + TS(T) +
                             " in conversion (contains specific type constraints or is "
                             "comparable)");
              x->mode = Mode::kInvalid;
              break;
            }
          }
          if (call.flags & syntax::kFlagHasDots) {
            ErrorAt(arg, "invalid use of ... in conversion to " + TS(T));
            x->mode = Mode::kInvalid;
            break;
          }
          Conversion(x, T);
        }
      } else {
        UseList(call.list);
        ErrorAt(ast_.At(call.list, static_cast<uint32_t>(n - 1)),
                "too many arguments in conversion to " + TS(T));
      }
      x->expr = e;
      return;
    }
    case Mode::kBuiltin: {
      BuiltinId id = x->id;
      Builtin(x, e, id);
      x->is_nil = false;
      x->expr = e;
      if (x->IsValid() && x->mode != Mode::kConstant) env_.has_call_or_recv = true;
      return;
    }
    default: break;
  }
  TypeId sig_t = CoreType(u_, x->type);
  if (!sig_t.has_value() || u_.Get(sig_t).kind != TypeKind::kSignature) {
    if (IsValid(u_, x->type)) {
      std::string why = sig_t.has_value() || !IsTypeParam(u_, x->type)
                            ? TS(x->type) + " is not a function"
                            : "no core type";
      ErrorAt(x->expr, "invalid operation: cannot call " + OperandString(*x) + ": " + why);
    }
    UseList(call.list);
    x->mode = Mode::kInvalid;
    x->expr = e;
    return;
  }
  bool was_generic = !u_.Get(sig_t).type_params.empty();
  std::vector<NodeId> xlist;
  if (inst) {
    xlist = ast_.List(ast_[fun].list);
    size_t want = u_.Get(sig_t).type_params.size();
    if (targs.size() > want) {
      ErrorAt(xlist[want], "got " + std::to_string(targs.size()) + " type arguments but want " +
                               std::to_string(want));
      UseList(call.list);
      x->mode = Mode::kInvalid;
      x->expr = e;
      return;
    }
    if (targs.size() == want) {
      sig_t = FuncInst(fun, sig_t, targs, ast_[fun].pos, false);
      RecordTypeAndValue(fun, Mode::kValue, sig_t, nullptr);
      targs.clear();
      if (!sig_t.has_value()) {
        UseList(call.list);
        x->mode = Mode::kInvalid;
        x->expr = e;
        return;
      }
    }
  }
  std::vector<Operand> args;
  GenericExprList(call.list, &args, nullptr, nullptr);
  TypeId rsig = sig_t;
  Arguments(e, sig_t, targs, xlist, args, &rsig);
  if (!rsig.has_value()) rsig = sig_t;
  if (was_generic && u_.Get(rsig).type_params.empty()) {
    RecordTypeAndValue(fun, Mode::kValue, rsig, nullptr);
  }
  const Type& rs = u_.Get(rsig);
  const auto& results = u_.Get(rs.results).vars;
  if (results.empty()) {
    x->mode = Mode::kNoValue;
    x->type = TypeId();
  } else if (results.size() == 1) {
    x->mode = Mode::kValue;
    x->type = u_.Obj(results[0]).type;
  } else {
    x->mode = Mode::kValue;
    x->type = rs.results;
  }
  if (!rs.type_params.empty()) {
    // Inference failed; an error was reported.
    x->mode = Mode::kInvalid;
  }
  x->expr = e;
  env_.has_call_or_recv = true;
}

void Checker::Arguments(NodeId call_node, TypeId sig_t, const std::vector<TypeId>& targs_in,
                        const std::vector<NodeId>& xlist, std::vector<Operand>& args,
                        TypeId* rsig) {
  const Node& call = ast_[call_node];
  *rsig = sig_t;
  for (const Operand& a : args) {
    if (!a.IsValid()) {
      // Still check the other arguments' shapes? go/types continues; we stop here to avoid
      // follow-on errors.
      for (auto& b : args) (void)b;
    }
  }
  const Type sig = u_.Get(sig_t);  // copy: the store may grow
  size_t nargs = args.size();
  const std::vector<ObjId> pvars = u_.Get(sig.params).vars;
  size_t npars = pvars.size();
  bool ddd = (call.flags & syntax::kFlagHasDots) != 0;
  std::vector<TypeId> ptypes;
  for (ObjId p : pvars) ptypes.push_back(u_.Obj(p).type);
  bool adjusted = false;
  if (sig.variadic) {
    if (ddd) {
      if (call.list.size() == 1 && nargs > 1) {
        Error(call.pos, "cannot use ... with " + std::to_string(nargs) + "-valued " +
                            ExprString(ast_.At(call.list, 0)));
        return;
      }
    } else {
      if (nargs + 1 >= npars) {
        std::vector<TypeId> vt(ptypes.begin(), ptypes.end() - 1);
        TypeId last = ptypes.back();
        TypeId elem = u_.Get(last).kind == TypeKind::kSlice ? u_.Get(last).elem : u_.invalid_type;
        if (u_.Get(last).kind != TypeKind::kSlice) {
          TypeId cu = CoreType(u_, last);
          if (cu.has_value() && u_.Get(cu).kind == TypeKind::kSlice) elem = u_.Get(cu).elem;
        }
        while (vt.size() < nargs) vt.push_back(elem);
        ptypes = vt;
        adjusted = true;
        npars = nargs;
      } else {
        --npars;
      }
    }
  } else if (ddd) {
    Error(call.pos, "have (...) but function is not variadic: cannot use ... in call to "
                    "non-variadic " + ExprString(call.x));
    return;
  }
  if (nargs != npars) {
    NodeId at = call_node;
    std::string qualifier = "not enough";
    Pos pos = call.pos;
    if (nargs > npars) {
      at = args[npars].expr;
      qualifier = "too many";
      pos = StartPos(at);
    } else if (nargs > 0) {
      at = args[nargs - 1].expr;
      pos = StartPos(at);
    } else {
      pos = call.pos2.known() ? call.pos2 : call.pos;
    }
    auto summary = [&](const std::vector<TypeId>& ts, bool variadic, bool has_dots) {
      std::string s = "(";
      for (size_t i = 0; i < ts.size(); ++i) {
        if (i > 0) s += ", ";
        TypeId t = ts[i];
        if (!t.has_value() || !IsValid(u_, t)) {
          s += "unknown type";
          continue;
        }
        if (variadic && i + 1 == ts.size()) {
          s += "...";
          t = u_.Get(t).kind == TypeKind::kSlice ? u_.Get(t).elem : t;
        }
        if (IsUntyped(u_, t)) {
          s += "number";
          const Type& tt = u_.Get(t);
          if (tt.basic == BasicKind::kUntypedNil) {
            s.resize(s.size() - 6);
            s += "nil";
          } else if (tt.basic == BasicKind::kUntypedBool) {
            s.resize(s.size() - 6);
            s += "bool";
          } else if (tt.basic == BasicKind::kUntypedString) {
            s.resize(s.size() - 6);
            s += "string";
          }
        } else {
          s += TS(t);
        }
      }
      if (has_dots) s += "...";
      return s + ")";
    };
    std::vector<TypeId> ats;
    for (const auto& a : args) ats.push_back(a.type);
    std::vector<TypeId> pts;
    for (ObjId p : pvars) pts.push_back(u_.Obj(p).type);
    Error(pos, qualifier + " arguments in call to " + ExprString(call.x) + "\n\thave " +
                   summary(ats, false, ddd) + "\n\twant " + summary(pts, sig.variadic, false));
    return;
  }
  // Generic function: infer type arguments.
  size_t n = sig.type_params.size();
  std::vector<TypeId> tparams;
  std::vector<TypeId> targs = targs_in;
  std::vector<TypeId> infer_ptypes = ptypes;
  std::vector<size_t> generic_args;
  if (n > 0) {
    // Rename the type parameters so that recursive calls do not confuse inference.
    SubstMap rename;
    for (TypeId tp : sig.type_params) {
      Type nt = u_.Get(tp);
      TypeId ntp = u_.NewType(nt);
      rename.from.push_back(tp);
      rename.to.push_back(ntp);
      tparams.push_back(ntp);
    }
    for (TypeId ntp : tparams) {
      TypeId c = u_.Get(ntp).constraint;
      if (c.has_value()) u_.types.Get(ntp).constraint = Subst(u_, c, rename);
    }
    for (auto& pt : infer_ptypes) pt = Subst(u_, pt, rename);
    targs.resize(tparams.size());
  }
  // Generic function arguments (reverse inference of their type arguments).
  std::vector<std::pair<size_t, size_t>> arg_tparam_ranges;
  for (size_t i = 0; i < args.size(); ++i) {
    Operand& a = args[i];
    if (!a.IsValid() || !a.type.has_value()) continue;
    const Type& at = u_.Get(a.type);
    if (at.kind == TypeKind::kSignature && !at.type_params.empty()) {
      if (tparams.empty() && n == 0) {
        // Only allowed if the parameter type is a non-generic func type: infer directly.
      }
      SubstMap rename;
      std::vector<TypeId> atps;
      for (TypeId tp : at.type_params) {
        TypeId ntp = u_.NewType(u_.Get(tp));
        rename.from.push_back(tp);
        rename.to.push_back(ntp);
        atps.push_back(ntp);
      }
      for (TypeId ntp : atps) {
        TypeId c = u_.Get(ntp).constraint;
        if (c.has_value()) u_.types.Get(ntp).constraint = Subst(u_, c, rename);
      }
      Type ns = u_.Get(a.type);
      ns.type_params = atps;
      TypeId nsig = Subst(u_, u_.NewType(ns), rename);
      u_.types.Get(nsig).type_params = atps;
      a.type = nsig;
      size_t start = tparams.size();
      for (TypeId tp : atps) tparams.push_back(tp);
      targs.resize(tparams.size());
      arg_tparam_ranges.push_back({start, tparams.size()});
      generic_args.push_back(i);
    }
  }
  if (!tparams.empty()) {
    std::vector<Operand*> aptrs;
    for (auto& a : args) aptrs.push_back(&a);
    std::string err;
    if (!Infer(call.pos, tparams, &targs, infer_ptypes, aptrs, false, &err)) {
      if (!err.empty()) Error(call.pos, "in call to " + ExprString(call.x) + ", " + err);
      // Leave rsig generic so the caller invalidates the result.
      for (size_t i = 0; i < args.size(); ++i) {
        if (args[i].IsValid()) {
          // still use the arguments
        }
      }
      return;
    }
    if (n > 0) {
      std::vector<TypeId> ftargs(targs.begin(), targs.begin() + n);
      TypeId inst = FuncInst(call.x, sig_t, ftargs, call.pos, true);
      if (!inst.has_value()) return;
      *rsig = inst;
      SubstMap smap;
      smap.from.assign(tparams.begin(), tparams.begin() + n);
      smap.to = ftargs;
      for (auto& pt : infer_ptypes) pt = Subst(u_, pt, smap);
      ptypes = infer_ptypes;
      if (!adjusted) {
        ptypes.clear();
        for (ObjId p : u_.Get(u_.Get(inst).params).vars) ptypes.push_back(u_.Obj(p).type);
      }
    }
    for (size_t k = 0; k < generic_args.size(); ++k) {
      Operand& a = args[generic_args[k]];
      auto [s, t] = arg_tparam_ranges[k];
      std::vector<TypeId> atargs(targs.begin() + s, targs.begin() + t);
      SubstMap smap;
      smap.from.assign(tparams.begin() + s, tparams.begin() + t);
      smap.to = atargs;
      Type ns = u_.Get(a.type);
      ns.type_params.clear();
      TypeId nsig = Subst(u_, u_.NewType(ns), smap);
      a.type = nsig;
      RecordInstance(a.expr, atargs);
      Record(a);
    }
  }
  (void)xlist;
  if (!args.empty()) {
    std::string context = "argument to " + ExprString(call.x);
    for (size_t i = 0; i < args.size(); ++i) {
      if (i < ptypes.size()) Assignment(&args[i], ptypes[i], context);
    }
  }
}

TypeId Checker::FuncInst(NodeId inst_expr, TypeId sig, const std::vector<TypeId>& targs,
                         Pos pos, bool infer_from_args) {
  const Type& st = u_.Get(sig);
  std::vector<TypeId> full = targs;
  if (targs.size() < st.type_params.size()) {
    if (!infer_from_args) {
      // Partial instantiation outside a call: infer the rest from the constraints.
      std::vector<TypeId> tps = st.type_params;
      full.resize(tps.size());
      std::vector<Operand*> none;
      std::string err;
      if (!Infer(pos, tps, &full, {}, none, false, &err)) {
        Error(pos, "in call to " + ExprString(inst_expr) + ", " +
                       (err.empty() ? std::string("cannot infer type arguments") : err));
        return TypeId();
      }
    }
  }
  if (targs.size() > st.type_params.size()) {
    Error(pos, "got " + std::to_string(targs.size()) + " type arguments but " +
                   ExprString(inst_expr) + " has " + std::to_string(st.type_params.size()) +
                   " type parameters");
    return TypeId();
  }
  std::vector<TypeId> tparams = st.type_params;
  TypeId inst = InstantiateSignature(u_, sig, full);
  RecordInstance(inst_expr, full);
  Later([this, tparams, targs = full, pos]() {
    std::string err;
    size_t idx = 0;
    if (!VerifyInstance(pos, tparams, targs, &err, &idx)) Error(pos, err);
  });
  return inst;
}

}  // namespace escapist::types
