// types/check_expr.cpp -- expressions (go/types expr.go, const.go, operand.go, typexpr.go
// ident, call.go selector, assignments.go assignment): identifiers, selectors, literals, unary
// and binary operations, shifts and comparisons, untyped conversion, representability and
// assignability.
#include <algorithm>
#include <string>
#include <utility>

#include "types/checker.h"

namespace escapist::types {

namespace {

bool IsComparisonOp(Token op) {
  return op == Token::kEql || op == Token::kNeq || op == Token::kLss || op == Token::kLeq ||
         op == Token::kGtr || op == Token::kGeq;
}

bool IsShiftOp(Token op) { return op == Token::kShl || op == Token::kShr; }

const char* OpName(const Node& n) {
  if (n.kind == NodeKind::kUnary && n.op == Token::kXor) return "bitwise complement";
  if (n.kind == NodeKind::kBinary) {
    switch (n.op) {
      case Token::kAdd: return "addition";
      case Token::kSub: return "subtraction";
      case Token::kXor: return "bitwise XOR";
      case Token::kMul: return "multiplication";
      case Token::kShl: return "shift";
      default: break;
    }
  }
  return "";
}

}  // namespace

// ---- entry points (go/types rawExpr, expr, multiExpr, exprWithHint, exprOrType)

void Checker::RawExpr(TypeId hint, Operand* x, NodeId e, bool allow_generic) {
  DepthGuard guard(this);
  if (guard.Exceeded()) {
    if (!depth_reported_) {
      depth_reported_ = true;
      ErrorAt(e, "expression nested too deeply");
    }
    x->mode = Mode::kInvalid;
    x->type = u_.invalid_type;
    x->expr = e;
    return;
  }
  ExprInternal(hint, x, e);
  if (!allow_generic) NonGeneric(nullptr, x);
  Record(*x);
}

void Checker::NonGeneric(TypeId*, Operand* x) {
  if (x->mode == Mode::kInvalid || x->mode == Mode::kNoValue) return;
  if (x->mode == Mode::kTypeExpr) {
    if (IsGeneric(u_, x->type)) {
      ErrorAt(x->expr, "cannot use generic type " + TS(x->type) + " without instantiation");
      x->mode = Mode::kInvalid;
      x->type = u_.invalid_type;
    }
    return;
  }
  if (x->type.has_value()) {
    const Type& t = u_.Get(x->type);
    if (t.kind == TypeKind::kSignature && !t.type_params.empty()) {
      ErrorAt(x->expr, "cannot use generic function " + ExprString(x->expr) +
                           " without instantiation");
      x->mode = Mode::kInvalid;
      x->type = u_.invalid_type;
    }
  }
}

void Checker::Exclude(Operand* x, uint32_t modeset) {
  if ((modeset & ModeBit(x->mode)) == 0) return;
  std::string msg;
  switch (x->mode) {
    case Mode::kNoValue:
      msg = (modeset & ModeBit(Mode::kTypeExpr)) ? " used as value" : " used as value or type";
      msg = OperandString(*x) + msg;
      break;
    case Mode::kBuiltin: msg = OperandString(*x) + " must be called"; break;
    case Mode::kTypeExpr: msg = OperandString(*x) + " is not an expression"; break;
    default: return;
  }
  ErrorAt(x->expr, msg);
  x->mode = Mode::kInvalid;
}

void Checker::SingleValue(Operand* x) {
  if (x->mode == Mode::kValue && x->type.has_value() &&
      u_.Get(x->type).kind == TypeKind::kTuple) {
    ErrorAt(x->expr, "multiple-value " + OperandString(*x) + " in single-value context");
    x->mode = Mode::kInvalid;
  }
}

void Checker::Expr(TypeId hint, Operand* x, NodeId e) {
  RawExpr(hint, x, e, false);
  Exclude(x, ModeBit(Mode::kNoValue) | ModeBit(Mode::kBuiltin) | ModeBit(Mode::kTypeExpr));
  SingleValue(x);
}

void Checker::GenericExpr(Operand* x, NodeId e) {
  RawExpr(TypeId(), x, e, true);
  Exclude(x, ModeBit(Mode::kNoValue) | ModeBit(Mode::kBuiltin) | ModeBit(Mode::kTypeExpr));
  SingleValue(x);
}

void Checker::ExprWithHint(Operand* x, NodeId e, TypeId hint) {
  bool allow_generic = hint.has_value() && CoreType(u_, hint).has_value() &&
                       u_.Get(CoreType(u_, hint)).kind == TypeKind::kSignature;
  RawExpr(hint, x, e, allow_generic);
  Exclude(x, ModeBit(Mode::kNoValue) | ModeBit(Mode::kBuiltin) | ModeBit(Mode::kTypeExpr));
  SingleValue(x);
}

void Checker::ExprOrType(Operand* x, NodeId e, bool allow_generic) {
  RawExpr(TypeId(), x, e, allow_generic);
  Exclude(x, ModeBit(Mode::kNoValue));
  SingleValue(x);
}

void Checker::MultiExpr(NodeId e, bool allow_comma_ok, std::vector<Operand>* out) {
  Operand x;
  RawExpr(TypeId(), &x, e, false);
  Exclude(&x, ModeBit(Mode::kNoValue) | ModeBit(Mode::kBuiltin) | ModeBit(Mode::kTypeExpr));
  if (x.mode == Mode::kValue && x.type.has_value() && u_.Get(x.type).kind == TypeKind::kTuple) {
    const std::vector<ObjId> vars = u_.Get(x.type).vars;
    for (size_t i = 0; i < vars.size(); ++i) {
      Operand y;
      y.mode = Mode::kValue;
      y.expr = e;
      y.type = u_.Obj(vars[i]).type;
      size_t k = i + 1;
      const char* suffix = (k % 100 >= 11 && k % 100 <= 13) ? "th"
                           : k % 10 == 1                    ? "st"
                           : k % 10 == 2                    ? "nd"
                           : k % 10 == 3                    ? "rd"
                                                            : "th";
      y.desc = std::to_string(k) + suffix + " function result";
      out->push_back(std::move(y));
    }
    return;
  }
  if (allow_comma_ok && (x.mode == Mode::kMapIndex || x.mode == Mode::kCommaOk)) {
    Operand y;
    y.mode = Mode::kValue;
    y.expr = e;
    y.desc = "ok value of (comma, ok) expression";
    y.type = u_.Basic(BasicKind::kUntypedBool);
    out->push_back(x);
    out->push_back(std::move(y));
    return;
  }
  out->push_back(std::move(x));
}

// ---- side-effect-only evaluation (go/types use, useLHS)

void Checker::Use(NodeId e) {
  if (!e.has_value()) return;
  NodeId n = e;
  while (n.has_value() && ast_[n].kind == NodeKind::kParen) n = ast_[n].x;
  if (!n.has_value()) return;
  if (ast_[n].kind == NodeKind::kName && ast_[n].text == "_") return;
  if (ast_[n].kind == NodeKind::kKeyValue) {
    Use(ast_[n].x);
    Use(ast_[n].y);
    return;
  }
  Operand x;
  if (ast_[n].kind == NodeKind::kName) {
    ExprOrType(&x, n, true);
  } else {
    RawExpr(TypeId(), &x, e, true);
  }
}

void Checker::UseLHS(NodeId e) {
  if (!e.has_value()) return;
  NodeId n = e;
  while (n.has_value() && ast_[n].kind == NodeKind::kParen) n = ast_[n].x;
  if (!n.has_value()) return;
  if (ast_[n].kind == NodeKind::kName) {
    if (ast_[n].text == "_") return;
    ObjId obj = LookupName(std::string(ast_[n].text));
    bool saved = false;
    bool restore = false;
    if (obj.has_value() && u_.Obj(obj).kind == ObjKind::kVar && u_.Obj(obj).pkg == pkg_id_) {
      saved = u_.Obj(obj).used;
      restore = true;
    }
    Operand x;
    ExprOrType(&x, n, true);
    if (restore) u_.objects.Get(obj).used = saved;
    return;
  }
  Use(e);
}

void Checker::UseList(IdSpan<NodeId> list) {
  for (NodeId e : ast_.List(list)) Use(e);
}

// ---- identifiers

void Checker::Ident(Operand* x, NodeId e, TypeId def, bool want_type) {
  x->mode = Mode::kInvalid;
  x->expr = e;
  x->type = u_.invalid_type;
  std::string name(ast_[e].text);
  ScopeId found_scope;
  ObjId obj = LookupName(name, &found_scope);
  if (!obj.has_value()) {
    if (name == "_") {
      ErrorAt(e, "cannot use _ as value or type");
    } else if (!name.empty()) {
      ErrorAt(e, "undefined: " + name);
    }
    return;
  }
  if ((name == "any" || name == "comparable") && found_scope == u_.universe_scope &&
      !VerifyVersion(ast_[e].pos, 18, "predeclared " + name)) {
    return;  // avoid follow-on errors
  }
  RecordUse(e, obj);
  const Object& o0 = u_.Obj(obj);
  bool got_type = o0.kind == ObjKind::kTypeName;
  if (!got_type && want_type) {
    static const char* kKinds[] = {"bad", "package", "constant", "type", "variable",
                                   "func", "label", "built-in", "nil"};
    ErrorAt(e, name + " (" + kKinds[static_cast<int>(o0.kind)] + ") is not a type");
    if (o0.kind == ObjKind::kVar && o0.pkg == pkg_id_) u_.objects.Get(obj).used = true;
    return;
  }
  if (!o0.type.has_value() || (got_type && want_type && o0.pkg == pkg_id_)) {
    if (decls_.count(obj.index())) ObjDecl(obj);
  }
  if (got_type && !decls_.count(obj.index())) {
    // A local type referring to itself during its declaration.
    auto cit = colors_.find(obj.index());
    if (cit != colors_.end() && cit->second == Color::kGrey && !ValidCycle(obj)) {
      u_.objects.Get(obj).type = u_.invalid_type;
    }
  }
  auto dit = dot_import_uses_.find((static_cast<uint64_t>(found_scope.index()) << 32) |
                                   obj.index());
  if (dit != dot_import_uses_.end()) used_pkg_names_.insert(dit->second.index());
  const Object& o = u_.Obj(obj);
  TypeId typ = o.type.has_value() ? o.type : u_.invalid_type;
  auto add_dep = [&]() {
    if (env_.decl_obj.has_value() && decls_.count(obj.index()) &&
        u_.Obj(obj).parent == pkg_.scope) {
      auto it = decls_.find(env_.decl_obj.index());
      if (it != decls_.end()) it->second.deps.insert(obj.index());
    }
  };
  switch (o.kind) {
    case ObjKind::kPkgName:
      ErrorAt(e, "use of package " + o.name + " not in selector");
      return;
    case ObjKind::kConst:
      add_dep();
      if (!IsValid(u_, typ)) return;
      if (obj == iota_obj_) {
        if (!env_.has_iota) {
          ErrorAt(e, "cannot use iota outside constant declaration");
          return;
        }
        x->val = constant::MakeInt64(env_.iota);
      } else {
        x->val = o.value.has_value() ? u_.constants.Get(o.value) : constant::MakeUnknown();
      }
      x->mode = Mode::kConstant;
      break;
    case ObjKind::kTypeName:
      x->mode = Mode::kTypeExpr;
      break;
    case ObjKind::kVar:
      if (o.pkg == pkg_id_) u_.objects.Get(obj).used = true;
      add_dep();
      if (!IsValid(u_, typ)) return;
      x->mode = Mode::kVariable;
      break;
    case ObjKind::kFunc:
      add_dep();
      x->mode = Mode::kValue;
      break;
    case ObjKind::kBuiltin:
      x->id = o.builtin;
      x->mode = Mode::kBuiltin;
      break;
    case ObjKind::kNil:
      x->mode = Mode::kValue;
      x->is_nil = true;
      break;
    default: return;
  }
  (void)def;
  x->type = typ;
}

// ---- selectors

void Checker::Selector(Operand* x, NodeId e, TypeId def, bool want_type) {
  const Node& n = ast_[e];
  std::string sel(ast_[n.y].text);
  auto fail = [&]() {
    x->mode = Mode::kInvalid;
    x->type = u_.invalid_type;
    x->expr = e;
  };
  if (ast_[n.x].kind == NodeKind::kName) {
    ObjId obj = LookupName(std::string(ast_[n.x].text));
    if (obj.has_value() && u_.Obj(obj).kind == ObjKind::kPkgName) {
      RecordUse(n.x, obj);
      used_pkg_names_.insert(obj.index());
      u_.objects.Get(obj).used = true;
      const Package& ip = u_.Pkg(u_.Obj(obj).imported);
      ObjId exp;
      if (ip.scope.has_value()) {
        const auto& names = u_.scopes.Get(ip.scope).names;
        auto it = names.find(sel);
        if (it != names.end()) exp = it->second;
      }
      // gc imports packages from export data, whose scope holds only exported objects.
      bool exported = !sel.empty() && sel[0] >= 'A' && sel[0] <= 'Z';
      if (exp.has_value() && !exported && u_.Obj(obj).imported != u_.unsafe_pkg) exp = ObjId();
      if (!exp.has_value()) {
        if (!ip.fake && sel != "_") {
          // go/types: a better message when an exported object matches ignoring case.
          std::string but;
          if (ip.scope.has_value()) {
            std::string lower = sel;
            for (char& c : lower) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
            std::vector<std::string> cands;
            for (const auto& [name, o] : u_.scopes.Get(ip.scope).names) {
              if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) continue;
              std::string l = name;
              for (char& c : l) c = static_cast<char>(tolower(static_cast<unsigned char>(c)));
              if (l == lower) cands.push_back(name);
            }
            std::sort(cands.begin(), cands.end());
            if (!cands.empty()) but = " (but have " + cands[0] + ")";
          }
          ErrorAt(n.y, "undefined: " + ExprString(e) + but);
        }
        fail();
        return;
      }
      if (!(sel[0] >= 'A' && sel[0] <= 'Z')) {
        ErrorAt(n.y, "name " + sel + " not exported by package " + ip.name);
      }
      RecordUse(n.y, exp);
      const Object& eo = u_.Obj(exp);
      x->type = eo.type.has_value() ? eo.type : u_.invalid_type;
      switch (eo.kind) {
        case ObjKind::kConst:
          x->mode = Mode::kConstant;
          x->val = eo.value.has_value() ? u_.constants.Get(eo.value) : constant::MakeUnknown();
          break;
        case ObjKind::kTypeName: x->mode = Mode::kTypeExpr; break;
        case ObjKind::kVar: x->mode = Mode::kVariable; break;
        case ObjKind::kFunc: x->mode = Mode::kValue; break;
        case ObjKind::kBuiltin:
          x->mode = Mode::kBuiltin;
          x->id = eo.builtin;
          break;
        default: fail(); return;
      }
      if (!IsValid(u_, x->type) && eo.kind != ObjKind::kBuiltin) {
        if (eo.kind == ObjKind::kTypeName) {
          x->mode = Mode::kTypeExpr;
        } else {
          fail();
          return;
        }
      }
      x->expr = e;
      return;
    }
  }
  ExprOrType(x, n.x, false);
  switch (x->mode) {
    case Mode::kBuiltin:
      Error(n.pos, "invalid use of " + OperandString(*x) + " in selector expression");
      fail();
      return;
    case Mode::kInvalid: fail(); return;
    default: break;
  }
  if (!IsComplete(x->type)) {
    fail();
    return;
  }
  if (want_type) {
    ErrorAt(n.y, ExprString(e) + " is not a type");
    fail();
    return;
  }
  {
    const Type& pt = u_.Get(Underlying(u_, x->type));
    if (pt.kind == TypeKind::kPointer && !IsComplete(pt.elem)) {
      fail();
      return;
    }
  }
  TypeId xt = x->type;
  LookupResult r = LookupImpl(u_, xt, x->mode == Mode::kVariable, pkg_id_, sel);
  if (!r.obj.has_value()) {
    if (!IsValid(u_, Underlying(u_, xt))) {
      fail();
      return;
    }
    if (!r.index.empty()) {
      ErrorAt(n.y, "ambiguous selector " + ExprString(n.x) + "." + sel);
      fail();
      return;
    }
    if (r.indirect) {
      if (x->mode == Mode::kTypeExpr) {
        ErrorAt(n.y, "invalid method expression " + TS(xt) + "." + sel +
                         " (needs pointer receiver (*" + TS(xt) + ")." + sel + ")");
      } else {
        ErrorAt(n.y, "cannot call pointer method " + sel + " on " + TS(xt));
      }
      fail();
      return;
    }
    LookupError(e, xt, sel, false);
    fail();
    return;
  }
  const Object& obj = u_.Obj(r.obj);
  if (obj.kind == ObjKind::kVar) {
    if (x->mode == Mode::kTypeExpr) {
      ErrorAt(n.x, "operand for field selector " + sel + " must be value of type " + TS(xt));
      fail();
      return;
    }
    RecordSelection(e, Selection::Kind::kFieldVal, xt, r.obj, r.index, r.indirect);
    x->mode = (x->mode == Mode::kVariable || r.indirect) ? Mode::kVariable : Mode::kValue;
    x->type = obj.type;
    x->expr = e;
    return;
  }
  // A method.
  ResolveObject(u_, r.obj);
  if (env_.decl_obj.has_value() && decls_.count(r.obj.index())) {
    auto it = decls_.find(env_.decl_obj.index());
    if (it != decls_.end()) it->second.deps.insert(r.obj.index());
  }
  TypeId mt = u_.Obj(r.obj).type;
  if (!mt.has_value() || u_.Get(mt).kind != TypeKind::kSignature) {
    fail();
    return;
  }
  const Type& sig = u_.Get(mt);
  if (x->mode == Mode::kTypeExpr) {
    RecordSelection(e, Selection::Kind::kMethodExpr, xt, r.obj, r.index, r.indirect);
    std::vector<ObjId> params;
    ObjId recv = sig.recv;
    std::string rname;
    const auto& pvars = u_.Get(sig.params).vars;
    if (!pvars.empty() && !u_.Obj(pvars[0]).name.empty()) {
      rname = recv.has_value() ? u_.Obj(recv).name : std::string();
      if (rname.empty()) rname = "_";
    }
    params.push_back(NewVar(recv.has_value() ? u_.Obj(recv).pos : Pos(), rname, xt,
                            VarKind::kParam, NodeId()));
    for (ObjId p : pvars) params.push_back(p);
    Type ns;
    ns.kind = TypeKind::kSignature;
    ns.type_params = sig.type_params;
    ns.params = u_.NewTuple(std::move(params));
    ns.results = sig.results;
    ns.variadic = sig.variadic;
    x->mode = Mode::kValue;
    x->type = u_.NewType(std::move(ns));
  } else {
    RecordSelection(e, Selection::Kind::kMethodVal, xt, r.obj, r.index, r.indirect);
    Type ns = sig;
    ns.recv = ObjId();
    ns.recv_type_params.clear();
    x->mode = Mode::kValue;
    x->type = u_.NewType(std::move(ns));
  }
  x->expr = e;
}

void Checker::LookupError(NodeId e, TypeId t, const std::string& sel, bool struct_lit) {
  const Node& n = ast_[e];
  std::string why;
  bool is_iface_ptr = false;
  {
    bool p = false;
    TypeId b = Deref(u_, t, &p);
    is_iface_ptr = p && IsInterface(u_, b) && !IsTypeParam(u_, b);
  }
  if (is_iface_ptr) {
    why = "type " + TS(t) + " is pointer to interface, not interface";
  } else {
    LookupResult alt = LookupImpl(u_, t, true, pkg_id_, sel, true);
    // Changed case or unexported?
    if (alt.obj.has_value()) {
      const Object& ao = u_.Obj(alt.obj);
      const char* what = ao.kind == ObjKind::kVar ? "field" : "method";
      if (ao.name == sel) {
        why = "cannot refer to unexported " + std::string(what) + " " + sel;
      } else {
        why = "type " + TS(t) + " has no field or method " + sel + ", but does have " + what +
              " " + ao.name;
      }
    } else {
      LookupResult any_pkg;
      // Unexported name from another package?
      bool found_other = false;
      TypeId base = Deref(u_, t);
      if (u_.Get(base).kind == TypeKind::kNamed) {
        size_t cnt = NamedMethodCount(u_, base);
        for (size_t i = 0; i < cnt && !found_other; ++i) {
          const Type& bt = u_.Get(base);
          ObjId m = bt.origin.has_value() ? u_.Get(bt.origin).named_methods[i] : bt.named_methods[i];
          if (u_.Obj(m).name == sel) found_other = true;
        }
      }
      TypeId under = Underlying(u_, base);
      if (u_.Get(under).kind == TypeKind::kStruct) {
        for (ObjId f : u_.Get(under).fields) {
          if (u_.Obj(f).name == sel) found_other = true;
        }
      }
      if (found_other) {
        why = "cannot refer to unexported field or method " + sel;
      } else {
        why = "type " + TS(t) + " has no field or method " + sel;
      }
      (void)any_pkg;
    }
  }
  (void)struct_lit;
  ErrorAt(n.y, ExprString(n.x) + "." + sel + " undefined (" + why + ")");
}

// ---- literals

void Checker::Literal(Operand* x, NodeId e) {
  const Node& n = ast_[e];
  // go/types langCompat: numeric literal forms introduced in go1.13.
  if (n.op != Token::kString && n.op != Token::kChar && n.text.size() > 2 &&
      !AllowVersion(n.pos, 13)) {
    std::string_view s = n.text;
    if (s.find('_') != std::string_view::npos) {
      VerifyVersion(n.pos, 13, "underscore in numeric literal");
    } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
      VerifyVersion(n.pos, 13, "binary literal");
    } else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
      VerifyVersion(n.pos, 13, "0o/0O-style octal literal");
    } else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && n.op != Token::kInt) {
      VerifyVersion(n.pos, 13, "hexadecimal floating-point literal");
    }
  }
  Constant v = constant::MakeFromLiteral(n.text, n.op);
  BasicKind k = BasicKind::kInvalid;
  switch (n.op) {
    case Token::kInt: k = BasicKind::kUntypedInt; break;
    case Token::kFloat: k = BasicKind::kUntypedFloat; break;
    case Token::kImag: k = BasicKind::kUntypedComplex; break;
    case Token::kChar: k = BasicKind::kUntypedRune; break;
    case Token::kString: k = BasicKind::kUntypedString; break;
    default: break;
  }
  if (v.kind == Constant::Kind::kUnknown || k == BasicKind::kInvalid) {
    // Huge float literals overflow; other failures are malformed literals.
    if (n.op == Token::kFloat || n.op == Token::kImag) {
      ErrorAt(e, "constant overflow");
    } else {
      ErrorAt(e, "malformed constant: " + std::string(n.text));
    }
    x->mode = Mode::kInvalid;
    return;
  }
  x->mode = Mode::kConstant;
  x->type = u_.Basic(k);
  x->val = std::move(v);
  x->expr = e;
  Overflow(x, n.pos);
}

void Checker::FuncLit(Operand* x, NodeId e) {
  const Node& n = ast_[e];
  ScopeId scope;
  TypeId sig = FuncTypeExpr(n.x, NodeId(), IdSpan<NodeId>(), &scope, NodeId(), false);
  RecordTypeAndValue(n.x, Mode::kTypeExpr, sig, nullptr);
  if (n.y.has_value()) {
    ObjId decl = env_.decl_obj;
    int64_t iota = env_.has_iota ? env_.iota : -1;
    NodeId body = n.y;
    Later([this, decl, sig, body, iota, scope]() { FuncBody(decl, scope, sig, body, iota); });
  }
  x->mode = Mode::kValue;
  x->type = sig;
}

// ---- overflow and representability (const.go)

void Checker::Overflow(Operand* x, Pos op_pos) {
  if (x->val->kind == Constant::Kind::kUnknown) {
    Error(op_pos, "constant result is not representable");
    return;
  }
  if (IsTyped(u_, x->type)) {
    bool ok = true;
    Representation(x, Underlying(u_, x->type), &ok);
    if (!ok) x->mode = Mode::kInvalid;
    return;
  }
  if (x->val->kind == Constant::Kind::kInt && constant::BitLen(x->val) > 512) {
    std::string op = OpName(ast_[x->expr]);
    if (!op.empty()) op += " ";
    Error(op_pos, "constant " + op + "overflow");
    x->val = constant::MakeUnknown();
  }
}

bool Checker::RepresentableConst(const Constant& x, BasicKind kind, Constant* rounded) {
  using K = Constant::Kind;
  if (x.kind == K::kUnknown) return true;
  auto set = [&](const Constant& v) {
    if (rounded) *rounded = v;
  };
  switch (kind) {
    case BasicKind::kInt:
    case BasicKind::kInt8:
    case BasicKind::kInt16:
    case BasicKind::kInt32:
    case BasicKind::kInt64:
    case BasicKind::kUint:
    case BasicKind::kUint8:
    case BasicKind::kUint16:
    case BasicKind::kUint32:
    case BasicKind::kUint64:
    case BasicKind::kUintptr:
    case BasicKind::kUntypedInt:
    case BasicKind::kUntypedRune: {
      Constant v = constant::ToInt(x);
      if (v.kind != K::kInt) return false;
      set(v);
      if (kind == BasicKind::kUntypedInt || kind == BasicKind::kUntypedRune) return true;
      const mpz_class& z = v.re.get_num();
      int bits = 64;
      bool is_signed = true;
      switch (kind) {
        case BasicKind::kInt8: bits = 8; break;
        case BasicKind::kInt16: bits = 16; break;
        case BasicKind::kInt32: bits = 32; break;
        case BasicKind::kUint: is_signed = false; break;
        case BasicKind::kUint8: bits = 8; is_signed = false; break;
        case BasicKind::kUint16: bits = 16; is_signed = false; break;
        case BasicKind::kUint32: bits = 32; is_signed = false; break;
        case BasicKind::kUint64:
        case BasicKind::kUintptr: is_signed = false; break;
        default: break;
      }
      if (is_signed) {
        mpz_class lo = -(mpz_class(1) << (bits - 1)), hi = (mpz_class(1) << (bits - 1)) - 1;
        return z >= lo && z <= hi;
      }
      mpz_class hi = (mpz_class(1) << bits) - 1;
      return z >= 0 && z <= hi;
    }
    case BasicKind::kFloat32:
    case BasicKind::kFloat64:
    case BasicKind::kUntypedFloat: {
      Constant v = constant::ToFloat(x);
      if (v.kind != K::kFloat) return false;
      if (kind == BasicKind::kUntypedFloat) {
        set(v);
        return true;
      }
      mpq_class r;
      bool ok = kind == BasicKind::kFloat32 ? constant::RoundFloat32(v.re, &r)
                                            : constant::RoundFloat64(v.re, &r);
      if (!ok) return false;
      Constant c;
      c.kind = K::kFloat;
      c.re = r;
      set(c);
      return true;
    }
    case BasicKind::kComplex64:
    case BasicKind::kComplex128:
    case BasicKind::kUntypedComplex: {
      Constant v = constant::ToComplex(x);
      if (v.kind != K::kComplex) return false;
      if (kind == BasicKind::kUntypedComplex) {
        set(v);
        return true;
      }
      mpq_class re, im;
      bool ok = kind == BasicKind::kComplex64
                    ? constant::RoundFloat32(v.re, &re) && constant::RoundFloat32(v.im, &im)
                    : constant::RoundFloat64(v.re, &re) && constant::RoundFloat64(v.im, &im);
      if (!ok) return false;
      Constant c;
      c.kind = K::kComplex;
      c.re = re;
      c.im = im;
      set(c);
      return true;
    }
    case BasicKind::kString:
    case BasicKind::kUntypedString:
      if (x.kind != K::kString) return false;
      set(x);  // callers take the rounded value as the converted constant
      return true;
    case BasicKind::kBool:
    case BasicKind::kUntypedBool:
      if (x.kind != K::kBool) return false;
      set(x);
      return true;
    default: return false;
  }
}

namespace {
enum Code { kOk = 0, kTruncatedFloat = 1, kNumericOverflow = 2, kInvalidConstVal = 3,
            kInvalidUntypedConversion = 4 };
}  // namespace

void Checker::Representation(Operand* x, TypeId t, bool* ok) {
  *ok = true;
  BasicKind k = u_.Get(t).kind == TypeKind::kBasic ? u_.Get(t).basic : BasicKind::kInvalid;
  Constant v;
  if (!RepresentableConst(x->val, k, &v)) {
    int code = kInvalidConstVal;
    if (IsNumeric(u_, x->type) && IsNumeric(u_, t)) {
      code = (!IsInteger(u_, x->type) && IsInteger(u_, t)) ? kTruncatedFloat : kNumericOverflow;
    }
    std::string msg;
    switch (code) {
      case kTruncatedFloat: msg = OperandString(*x) + " truncated to " + TS(t); break;
      case kNumericOverflow: msg = OperandString(*x) + " overflows " + TS(t); break;
      default: msg = "cannot convert " + OperandString(*x) + " to type " + TS(t); break;
    }
    ErrorAt(x->expr, msg);
    *ok = false;
    return;
  }
  x->val = v;
}

bool Checker::Representable(Operand* x, TypeId basic_type, Constant* rounded, std::string*) {
  BasicKind k = u_.Get(basic_type).kind == TypeKind::kBasic ? u_.Get(basic_type).basic
                                                            : BasicKind::kInvalid;
  return RepresentableConst(x->val, k, rounded);
}

// go/types implicitTypeAndValue (types2 variant: nil gets the target type).
bool Checker::ImplicitTypeAndValue(Operand* x, TypeId target, TypeId* out_type,
                                   Constant* out_val, bool* has_val, int* code) {
  *has_val = false;
  *code = kOk;
  if (!x->IsValid() || IsTyped(u_, x->type) || !IsValid(u_, target)) {
    *out_type = x->type;
    return true;
  }
  if (IsUntyped(u_, target)) {
    // Both untyped: the "larger" kind.
    BasicKind a = u_.Get(x->type).basic, b = u_.Get(target).basic;
    auto rank = [](BasicKind k) {
      switch (k) {
        case BasicKind::kUntypedInt: return 1;
        case BasicKind::kUntypedRune: return 2;
        case BasicKind::kUntypedFloat: return 3;
        case BasicKind::kUntypedComplex: return 4;
        default: return 0;
      }
    };
    if (rank(a) > 0 && rank(b) > 0) {
      *out_type = rank(a) >= rank(b) ? x->type : target;
      return true;
    }
    if (a == b) {
      *out_type = x->type;
      return true;
    }
    *code = kInvalidUntypedConversion;
    return false;
  }
  BasicKind xk = u_.Get(x->type).basic;
  if (xk == BasicKind::kUntypedNil) {
    if (HasNil(u_, target)) {
      *out_type = target;
      return true;
    }
    *code = kInvalidUntypedConversion;
    return false;
  }
  TypeId tu = Underlying(u_, target);
  const Type& tt = u_.Get(tu);
  if (IsTypeParam(u_, target)) {
    bool ok = AllUnder(u_, target, [&](TypeId u) {
      TypeId t2;
      Constant v2;
      bool hv;
      int c2;
      return ImplicitTypeAndValue(x, u, &t2, &v2, &hv, &c2);
    });
    if (!ok) {
      *code = kInvalidUntypedConversion;
      return false;
    }
    *out_type = target;
    return true;
  }
  switch (tt.kind) {
    case TypeKind::kBasic: {
      if (x->mode == Mode::kConstant) {
        Constant v;
        if (!RepresentableConst(x->val, tt.basic, &v)) {
          int c = kInvalidConstVal;
          if (IsNumeric(u_, x->type) && IsNumeric(u_, tu)) {
            c = (!IsInteger(u_, x->type) && IsInteger(u_, tu)) ? kTruncatedFloat
                                                                : kNumericOverflow;
          }
          *code = c;
          return false;
        }
        *out_type = target;
        *out_val = v;
        *has_val = true;
        return true;
      }
      switch (xk) {
        case BasicKind::kUntypedBool:
          if (!IsBoolean(u_, tu)) {
            *code = kInvalidUntypedConversion;
            return false;
          }
          break;
        case BasicKind::kUntypedInt:
        case BasicKind::kUntypedRune:
        case BasicKind::kUntypedFloat:
        case BasicKind::kUntypedComplex:
          if (!IsNumeric(u_, tu)) {
            *code = kInvalidUntypedConversion;
            return false;
          }
          break;
        case BasicKind::kUntypedString:
          if (!IsString(u_, tu)) {
            *code = kInvalidUntypedConversion;
            return false;
          }
          break;
        default:
          *code = kInvalidUntypedConversion;
          return false;
      }
      break;
    }
    case TypeKind::kInterface: {
      const Type& it = CompleteInterface(u_, tu);
      if (!it.all_methods.empty() || !it.terms.empty() || it.empty_typeset) {
        *code = kInvalidUntypedConversion;
        return false;
      }
      *out_type = DefaultType(u_, x->type);
      return true;
    }
    default:
      *code = kInvalidUntypedConversion;
      return false;
  }
  *out_type = target;
  return true;
}

void Checker::InvalidConversion(Operand* x, TypeId target) {
  ErrorAt(x->expr, "cannot convert " + OperandString(*x) + " to type " + TS(target));
}

void Checker::ConvertUntyped(Operand* x, TypeId target) {
  TypeId nt;
  Constant v;
  bool has_val = false;
  int code = 0;
  if (!ImplicitTypeAndValue(x, target, &nt, &v, &has_val, &code)) {
    TypeId t = IsTypeParam(u_, target) ? target : Underlying(u_, target);
    std::string msg;
    switch (code) {
      case kTruncatedFloat: msg = OperandString(*x) + " truncated to " + TS(t); break;
      case kNumericOverflow: msg = OperandString(*x) + " overflows " + TS(t); break;
      default: msg = "cannot convert " + OperandString(*x) + " to type " + TS(t); break;
    }
    ErrorAt(x->expr, msg);
    x->mode = Mode::kInvalid;
    return;
  }
  if (has_val) {
    x->val = v;
    UpdateExprVal(x->expr, v);
  }
  if (nt != x->type) {
    x->type = nt;
    UpdateExprType(x->expr, nt, false);
  }
}

// ---- unary and binary operations

void Checker::Unary(Operand* x, NodeId e) {
  const Node& n = ast_[e];
  Expr(TypeId(), x, n.x);
  if (!x->IsValid()) return;
  Token op = n.op;
  switch (op) {
    case Token::kAnd: {
      NodeId inner = n.x;
      while (inner.has_value() && ast_[inner].kind == NodeKind::kParen) inner = ast_[inner].x;
      if (!(inner.has_value() && ast_[inner].kind == NodeKind::kCompositeLit) &&
          x->mode != Mode::kVariable) {
        ErrorAt(x->expr, "invalid operation: cannot take address of " + OperandString(*x));
        x->mode = Mode::kInvalid;
        return;
      }
      x->mode = Mode::kValue;
      x->type = u_.NewPointer(x->type);
      return;
    }
    case Token::kArrow: {
      TypeId ct = CoreType(u_, x->type);
      if (!ct.has_value() || u_.Get(ct).kind != TypeKind::kChan) {
        if (!ct.has_value() && IsTypeParam(u_, x->type)) {
          ErrorAt(x->expr, "invalid operation: cannot receive from " + OperandString(*x) +
                               " (no core type)");
        } else {
          ErrorAt(x->expr, "invalid operation: cannot receive from non-channel " +
                               OperandString(*x));
        }
        x->mode = Mode::kInvalid;
        return;
      }
      if (u_.Get(ct).dir == ChanDir::kSend) {
        ErrorAt(x->expr, "invalid operation: cannot receive from send-only channel " +
                             OperandString(*x));
        x->mode = Mode::kInvalid;
        return;
      }
      x->mode = Mode::kCommaOk;
      x->type = u_.Get(ct).elem;
      env_.has_call_or_recv = true;
      return;
    }
    case Token::kTilde:
      if (!IsInteger(u_, x->type)) {
        ErrorAt(e, "cannot use ~ outside of interface or type constraint");
        x->mode = Mode::kInvalid;
        return;
      }
      ErrorAt(e, "cannot use ~ outside of interface or type constraint (use ^ for bitwise "
                 "complement)");
      op = Token::kXor;
      break;
    default: break;
  }
  bool ok = false;
  switch (op) {
    case Token::kAdd:
    case Token::kSub: ok = IsNumeric(u_, x->type); break;
    case Token::kXor: ok = IsInteger(u_, x->type); break;
    case Token::kNot: ok = IsBoolean(u_, x->type); break;
    default: ok = false; break;
  }
  if (!ok) {
    ErrorAt(x->expr, std::string("invalid operation: operator ") + syntax::TokenString(op) +
                         " not defined on " + OperandString(*x));
    x->mode = Mode::kInvalid;
    return;
  }
  if (x->mode == Mode::kConstant) {
    if (x->val->kind == Constant::Kind::kUnknown) return;
    unsigned prec = 0;
    if (IsUnsigned(u_, x->type)) prec = static_cast<unsigned>(SizeOf(u_, x->type) * 8);
    x->val = constant::UnaryOp(op, x->val, prec);
    x->expr = e;
    Overflow(x, n.pos);
    return;
  }
  x->mode = Mode::kValue;
}

void Checker::MatchTypes(Operand* x, Operand* y) {
  auto may_convert = [&]() {
    if (IsTyped(u_, x->type) && IsTyped(u_, y->type)) return false;
    if (IsNumeric(u_, x->type) != IsNumeric(u_, y->type)) return false;
    if (IsInterface(u_, x->type) || IsInterface(u_, y->type)) return true;
    if (IsBoolean(u_, x->type) != IsBoolean(u_, y->type)) return false;
    if (IsString(u_, x->type) != IsString(u_, y->type)) return false;
    bool xnil = x->is_nil;
    bool ynil = y->is_nil;
    if (xnil) return HasNil(u_, y->type);
    if (ynil) return HasNil(u_, x->type);
    if (IsPointer(u_, x->type) || IsPointer(u_, y->type)) return false;
    return true;
  };
  if (may_convert()) {
    ConvertUntyped(x, y->type);
    if (!x->IsValid()) return;
    ConvertUntyped(y, x->type);
    if (!y->IsValid()) {
      x->mode = Mode::kInvalid;
      return;
    }
  }
}

void Checker::Comparison(Operand* x, Operand* y, Token op, bool switch_case) {
  if (!IsValid(u_, x->type) || !IsValid(u_, y->type)) {
    x->mode = Mode::kInvalid;
    return;
  }
  if (switch_case) op = Token::kEql;
  Operand* err_op = x;
  std::string cause;
  std::string c1;
  int code = 0;
  bool ok = AssignableToOp(x, y->type, nullptr, &code) || AssignableToOp(y, x->type, nullptr, &code);
  auto is_nil = [&](Operand* o) { return o->mode == Mode::kValue && o->is_nil; };
  auto composite_kind = [&](TypeId t) -> std::string {
    const Type& ut = u_.Get(Underlying(u_, t));
    switch (ut.kind) {
      case TypeKind::kSlice: return "slice";
      case TypeKind::kArray: return "array";
      case TypeKind::kStruct: return "struct";
      case TypeKind::kPointer: return "pointer";
      case TypeKind::kSignature: return "func";
      case TypeKind::kInterface: return IsTypeParam(u_, t) ? "" : "interface";
      case TypeKind::kMap: return "map";
      case TypeKind::kChan: return "chan";
      default: return "";
    }
  };
  auto incomparable_cause = [&](TypeId t) -> std::string {
    const Type& ut = u_.Get(Underlying(u_, t));
    switch (ut.kind) {
      case TypeKind::kSlice:
      case TypeKind::kSignature:
      case TypeKind::kMap: return composite_kind(t) + " can only be compared to nil";
      default: {
        std::string c;
        Comparable(u_, t, false, &c);
        return c;
      }
    }
  };
  if (!ok) {
    err_op = y;
    cause = "mismatched types " + TS(x->type) + " and " + TS(y->type);
  } else {
    switch (op) {
      case Token::kEql:
      case Token::kNeq:
        if (is_nil(x) || is_nil(y)) {
          TypeId t = is_nil(x) ? y->type : x->type;
          // types2 hasNil is false for untyped nil: nil == nil is invalid.
          if (!HasNil(u_, t) || (is_nil(x) && is_nil(y) && IsUntyped(u_, t))) {
            err_op = y;
            ok = false;
          }
        } else if (!Comparable(u_, x->type)) {
          err_op = x;
          cause = incomparable_cause(x->type);
          ok = false;
        } else if (!Comparable(u_, y->type)) {
          err_op = y;
          cause = incomparable_cause(y->type);
          ok = false;
        }
        break;
      default:
        if (!IsOrdered(u_, x->type)) {
          err_op = x;
          ok = false;
        } else if (!IsOrdered(u_, y->type)) {
          err_op = y;
          ok = false;
        }
        break;
    }
  }
  if (!ok) {
    if (cause.empty()) {
      if (IsTypeParam(u_, x->type) || IsTypeParam(u_, y->type)) {
        if (!IsTypeParam(u_, x->type)) err_op = y;
        cause = "type parameter " + TS(err_op->type) + " cannot use operator " +
                syntax::TokenString(op);
      } else {
        std::string what = composite_kind(err_op->type);
        if (what.empty()) what = TS(err_op->type);
        cause = std::string("operator ") + syntax::TokenString(op) + " not defined on " + what;
      }
    }
    if (switch_case) {
      ErrorAt(x->expr, "invalid case " + ExprString(x->expr) + " in switch on " +
                           (y->expr.has_value() ? ExprString(y->expr) : std::string("true")) +
                           " (" + cause + ")");
    } else {
      ErrorAt(err_op->expr, "invalid operation: " + ExprString(x->expr) + " " +
                                syntax::TokenString(op) + " " + ExprString(y->expr) + " (" +
                                cause + ")");
    }
    x->mode = Mode::kInvalid;
    return;
  }
  if (x->mode == Mode::kConstant && y->mode == Mode::kConstant) {
    x->val = constant::MakeBool(constant::Compare(x->val, op, y->val));
  } else {
    x->mode = Mode::kValue;
    UpdateExprType(x->expr, DefaultType(u_, x->type), true);
    UpdateExprType(y->expr, DefaultType(u_, y->type), true);
  }
  x->type = u_.Basic(BasicKind::kUntypedBool);
}

void Checker::Shift(Operand* x, Operand* y, NodeId e, Token op) {
  Constant xval;
  bool has_xval = false;
  if (x->mode == Mode::kConstant) {
    xval = constant::ToInt(x->val);
    has_xval = true;
  }
  if (IsInteger(u_, x->type) ||
      (IsUntyped(u_, x->type) && has_xval && xval.kind == Constant::Kind::kInt)) {
    // ok
  } else {
    ErrorAt(x->expr, "invalid operation: shifted operand " + OperandString(*x) +
                         " must be integer");
    x->mode = Mode::kInvalid;
    return;
  }
  Constant yval;
  if (y->mode == Mode::kConstant) {
    yval = constant::ToInt(y->val);
    if (yval.kind == Constant::Kind::kInt && constant::Sign(yval) < 0) {
      ErrorAt(y->expr, "invalid operation: negative shift count " + OperandString(*y));
      x->mode = Mode::kInvalid;
      return;
    }
    if (IsUntyped(u_, y->type)) {
      bool ok = true;
      Representation(y, u_.Basic(BasicKind::kUint), &ok);
      if (!ok) {
        x->mode = Mode::kInvalid;
        return;
      }
    }
  } else {
    if (IsInteger(u_, y->type)) {
      // Signed shift counts are allowed since go1.13.
      if (!AllUnder(u_, y->type, [&](TypeId t) { return IsUnsigned(u_, t); }) &&
          !VerifyVersion(StartPos(y->expr), 13,
                         "invalid operation: signed shift count " + OperandString(*y))) {
        x->mode = Mode::kInvalid;
        return;
      }
    } else if (IsUntyped(u_, y->type)) {
      ConvertUntyped(y, u_.Basic(BasicKind::kUint));
      if (!y->IsValid()) {
        x->mode = Mode::kInvalid;
        return;
      }
    } else {
      ErrorAt(y->expr, "invalid operation: shift count " + OperandString(*y) +
                           " must be integer");
      x->mode = Mode::kInvalid;
      return;
    }
  }
  if (x->mode == Mode::kConstant) {
    if (y->mode == Mode::kConstant) {
      if (x->val->kind == Constant::Kind::kUnknown || y->val->kind == Constant::Kind::kUnknown) {
        x->val = constant::MakeUnknown();
        if (!IsInteger(u_, x->type)) x->type = u_.Basic(BasicKind::kUntypedInt);
        return;
      }
      constexpr uint64_t kShiftBound = 1023 - 1 + 52;
      uint64_t s = 0;
      if (!constant::Uint64Val(yval, &s) || s > kShiftBound) {
        ErrorAt(y->expr, "invalid operation: invalid shift count " + OperandString(*y));
        x->mode = Mode::kInvalid;
        return;
      }
      if (!IsInteger(u_, x->type)) x->type = u_.Basic(BasicKind::kUntypedInt);
      x->val = constant::Shift(xval, op, s);
      Pos op_pos = e.has_value() ? ast_[e].pos : ast_[x->expr].pos;  // none: `c <<= 1`
      if (e.has_value()) x->expr = e;
      Overflow(x, op_pos);
      return;
    }
    if (IsUntyped(u_, x->type)) {
      auto it = untyped_.find(x->expr.index());
      if (it != untyped_.end()) it->second.is_lhs = true;
      x->mode = Mode::kValue;
      return;
    }
  }
  if (!IsInteger(u_, x->type)) {
    ErrorAt(x->expr, "invalid operation: shifted operand " + OperandString(*x) +
                         " must be integer");
    x->mode = Mode::kInvalid;
    return;
  }
  x->mode = Mode::kValue;
}

void Checker::Binary(Operand* x, NodeId e, NodeId lhs, NodeId rhs, Token op) {
  Operand y;
  Expr(TypeId(), x, lhs);
  Expr(TypeId(), &y, rhs);
  if (!x->IsValid()) return;
  if (!y.IsValid()) {
    x->mode = Mode::kInvalid;
    x->expr = y.expr;
    return;
  }
  if (IsShiftOp(op)) {
    Shift(x, &y, e, op);
    return;
  }
  MatchTypes(x, &y);
  if (!x->IsValid()) return;
  if (IsComparisonOp(op)) {
    Comparison(x, &y, op, false);
    return;
  }
  if (!Identical(u_, x->type, y.type)) {
    if (IsValid(u_, x->type) && IsValid(u_, y.type)) {
      if (e.has_value()) {
        ErrorAt(x->expr, "invalid operation: " + ExprString(e) + " (mismatched types " +
                             TS(x->type) + " and " + TS(y.type) + ")");
      } else {
        ErrorAt(x->expr, "invalid operation: " + ExprString(lhs) + " " + syntax::TokenString(op) +
                             "= " + ExprString(rhs) + " (mismatched types " + TS(x->type) +
                             " and " + TS(y.type) + ")");
      }
    }
    x->mode = Mode::kInvalid;
    return;
  }
  bool ok = false;
  switch (op) {
    case Token::kAdd: ok = IsNumeric(u_, x->type) || IsString(u_, x->type) ||
                           AllUnder(u_, x->type, [&](TypeId t) {
                             return IsNumeric(u_, t) || IsString(u_, t);
                           });
      break;
    case Token::kSub:
    case Token::kMul:
    case Token::kDiv: ok = IsNumeric(u_, x->type); break;
    case Token::kRem:
    case Token::kAnd:
    case Token::kOr:
    case Token::kXor:
    case Token::kAndNot: ok = IsInteger(u_, x->type); break;
    case Token::kAndAnd:
    case Token::kOrOr: ok = IsBoolean(u_, x->type); break;
    default: ok = false; break;
  }
  if (!ok) {
    ErrorAt(x->expr, std::string("invalid operation: operator ") + syntax::TokenString(op) +
                         " not defined on " + OperandString(*x));
    x->mode = Mode::kInvalid;
    return;
  }
  if (op == Token::kDiv || op == Token::kRem) {
    if ((x->mode == Mode::kConstant || IsInteger(u_, x->type)) && y.mode == Mode::kConstant &&
        constant::Sign(y.val) == 0) {
      ErrorAt(y.expr, "invalid operation: division by zero");
      x->mode = Mode::kInvalid;
      return;
    }
    if (x->mode == Mode::kConstant && y.mode == Mode::kConstant && IsComplex(u_, x->type)) {
      if (y.val->kind == Constant::Kind::kComplex && y.val->re == 0 && y.val->im == 0) {
        ErrorAt(y.expr, "invalid operation: division by zero");
        x->mode = Mode::kInvalid;
        return;
      }
    }
  }
  if (x->mode == Mode::kConstant && y.mode == Mode::kConstant) {
    if (x->val->kind == Constant::Kind::kUnknown || y.val->kind == Constant::Kind::kUnknown) {
      x->val = constant::MakeUnknown();
      return;
    }
    bool int_div = op == Token::kDiv && IsInteger(u_, x->type);
    x->val = constant::BinaryOp(x->val, op, y.val, int_div);
    // As types2: the operation's position, or x's for an assignment operation (`c += 1` with a
    // constant c, whose error comes later), which has no binary expression (e is none).
    Pos op_pos = e.has_value() ? ast_[e].pos : ast_[x->expr].pos;
    if (e.has_value()) x->expr = e;
    Overflow(x, op_pos);
    return;
  }
  x->mode = Mode::kValue;
}

// ---- assignability (operand.go assignableTo, assignments.go assignment)

bool Checker::AssignableToOp(Operand* x, TypeId T, std::string* cause, int* code) {
  if (!x->IsValid() || !IsValid(u_, T)) return true;
  TypeId V = x->type;
  if (Identical(u_, V, T)) return true;
  TypeId vu = Underlying(u_, V), tu = Underlying(u_, T);
  bool vp = IsTypeParam(u_, V), tp = IsTypeParam(u_, T);
  if (IsUntyped(u_, vu)) {
    if (tp) {
      return AllUnder(u_, T, [&](TypeId t) {
        TypeId nt;
        Constant v;
        bool hv;
        int c;
        return ImplicitTypeAndValue(x, t, &nt, &v, &hv, &c);
      });
    }
    TypeId nt;
    Constant v;
    bool hv;
    int c;
    return ImplicitTypeAndValue(x, T, &nt, &v, &hv, &c);
  }
  auto has_name = [&](TypeId t) {
    TypeKind k = u_.Get(t).kind;
    return k == TypeKind::kBasic || k == TypeKind::kNamed || k == TypeKind::kTypeParam;
  };
  if (Identical(u_, vu, tu) && (!has_name(V) || !has_name(T)) && !vp && !tp) return true;
  bool t_iface_ptr = false;
  {
    const Type& t = u_.Get(tu);
    t_iface_ptr = t.kind == TypeKind::kPointer && IsInterface(u_, t.elem);
  }
  if ((u_.Get(tu).kind == TypeKind::kInterface && !tp) || t_iface_ptr) {
    if (ImplementsCause(u_, V, T, false, cause, pkg_id_)) return true;
    if (!vp) return false;
    if (cause) cause->clear();
  }
  if (u_.Get(vu).kind == TypeKind::kInterface && !vp) {
    if (ImplementsCause(u_, T, V, false, nullptr, pkg_id_)) {
      if (cause) *cause = "need type assertion";
      return false;
    }
  }
  const Type& vt = u_.Get(vu);
  if (vt.kind == TypeKind::kChan && vt.dir == ChanDir::kBoth) {
    const Type& tt = u_.Get(tu);
    if (tt.kind == TypeKind::kChan && Identical(u_, vt.elem, tt.elem)) {
      return !has_name(V) || !has_name(T);
    }
  }
  if (!vp && !tp) return false;
  if (!has_name(V) && tp) {
    TypeId iface = Underlying(u_, T);
    const Type& it = CompleteInterface(u_, iface);
    if (it.terms.empty()) return false;
    std::vector<Term> terms = it.terms;
    for (const auto& term : terms) {
      if (!AssignableToOp(x, term.type, cause, code)) {
        if (cause) *cause = "cannot assign " + TS(x->type) + " to " + TS(term.type) + " (in " +
                            TS(T) + ")";
        return false;
      }
    }
    return true;
  }
  if (vp && !has_name(T)) {
    TypeId iface = Underlying(u_, V);
    const Type& it = CompleteInterface(u_, iface);
    if (it.terms.empty()) return false;
    std::vector<Term> terms = it.terms;
    for (const auto& term : terms) {
      Operand y = *x;
      y.type = term.type;
      if (!AssignableToOp(&y, T, cause, code)) {
        if (cause) *cause = "cannot assign " + TS(term.type) + " (in " + TS(V) + ") to " + TS(T);
        return false;
      }
    }
    return true;
  }
  return false;
}

void Checker::Assignment(Operand* x, TypeId T, const std::string& context) {
  SingleValue(x);
  switch (x->mode) {
    case Mode::kInvalid: return;
    case Mode::kConstant:
    case Mode::kVariable:
    case Mode::kMapIndex:
    case Mode::kValue:
    case Mode::kCommaOk: break;
    default:
      ErrorAt(x->expr, "cannot assign " + OperandString(*x) + " to " + TS(T) + " in " + context);
      x->mode = Mode::kInvalid;
      return;
  }
  if (IsUntyped(u_, x->type)) {
    TypeId target = T;
    bool is_nil = IsBasicKind(u_, x->type, BasicKind::kUntypedNil);
    if (is_nil) {
      if (!T.has_value()) {
        ErrorAt(x->expr, "use of untyped nil in " + context);
        x->mode = Mode::kInvalid;
        return;
      }
    } else if (!T.has_value() || IsInterface(u_, T)) {
      target = DefaultType(u_, x->type);
    }
    TypeId nt;
    Constant v;
    bool has_val = false;
    int code = 0;
    if (!ImplicitTypeAndValue(x, target, &nt, &v, &has_val, &code)) {
      std::string msg = "cannot use " + OperandString(*x) + " as " + TS(target) + " value in " +
                        context;
      if (code == kTruncatedFloat) msg += " (truncated)";
      if (code == kNumericOverflow) msg += " (overflows)";
      ErrorAt(x->expr, msg);
      x->mode = Mode::kInvalid;
      return;
    }
    if (has_val) {
      x->val = v;
      UpdateExprVal(x->expr, v);
    }
    if (nt != x->type) {
      x->type = nt;
      UpdateExprType(x->expr, nt, false);
    }
  }
  // A generic function used as a value: infer its type arguments from the target function
  // type (reverse type inference), else it needs explicit instantiation.
  if (x->type.has_value() && u_.Get(x->type).kind == TypeKind::kSignature &&
      !u_.Get(x->type).type_params.empty()) {
    TypeId ct = T.has_value() ? CoreType(u_, T) : TypeId();
    bool done = false;
    if (ct.has_value() && u_.Get(ct).kind == TypeKind::kSignature) {
      std::vector<TypeId> tparams = u_.Get(x->type).type_params;
      std::vector<TypeId> targs(tparams.size());
      Operand target;
      target.mode = Mode::kValue;
      target.type = T;
      target.expr = x->expr;
      std::vector<Operand*> args{&target};
      std::string err;
      if (Infer(StartPos(x->expr), tparams, &targs, {x->type}, args, true, &err)) {
        TypeId inst = InstantiateSignature(u_, x->type, targs);
        RecordInstance(x->expr, targs);
        x->type = inst;
        for (NodeId e = x->expr; e.has_value(); e = ast_[e].x) {
          RecordTypeAndValue(e, Mode::kValue, inst, nullptr);
          if (ast_[e].kind != NodeKind::kParen) break;
        }
        done = true;
      } else if (!err.empty()) {
        ErrorAt(x->expr, "in assignment of " + ExprString(x->expr) + ", " + err);
        x->mode = Mode::kInvalid;
        return;
      }
    }
    if (!done) {
      ErrorAt(x->expr, "cannot use generic function " + ExprString(x->expr) +
                           " without instantiation");
      x->mode = Mode::kInvalid;
      return;
    }
  }
  if (!T.has_value()) return;
  std::string cause;
  int code = 0;
  if (!AssignableToOp(x, T, &cause, &code)) {
    if (!cause.empty()) {
      ErrorAt(x->expr, "cannot use " + OperandString(*x) + " as " + TS(T) + " value in " +
                           context + ": " + cause);
    } else {
      ErrorAt(x->expr, "cannot use " + OperandString(*x) + " as " + TS(T) + " value in " + context);
    }
    x->mode = Mode::kInvalid;
  }
}

// ---- the expression switch (go/types exprInternal)

void Checker::ExprInternal(TypeId hint, Operand* x, NodeId e) {
  x->is_nil = false;
  x->mode = Mode::kInvalid;
  x->type = u_.invalid_type;
  x->expr = e;
  const Node& n = ast_[e];
  switch (n.kind) {
    case NodeKind::kBad: break;
    case NodeKind::kName: Ident(x, e, TypeId(), false); break;
    case NodeKind::kDotsType: ErrorAt(e, "invalid use of ..."); break;
    case NodeKind::kBasicLit: Literal(x, e); break;
    case NodeKind::kFuncLit: FuncLit(x, e); break;
    case NodeKind::kCompositeLit: CompositeLit(x, e, hint); break;
    case NodeKind::kParen:
      RawExpr(TypeId(), x, n.x, false);
      x->expr = e;
      return;
    case NodeKind::kSelector: Selector(x, e, TypeId(), false); break;
    case NodeKind::kIndex: IndexExpr(x, e); break;
    case NodeKind::kSlice: SliceExpr(x, e); break;
    case NodeKind::kTypeAssert: {
      Expr(TypeId(), x, n.x);
      if (!x->IsValid()) break;
      if (!n.y.has_value()) {
        ErrorAt(e, "invalid syntax tree: use of .(type) outside type switch");
        x->mode = Mode::kInvalid;
        break;
      }
      if (IsTypeParam(u_, x->type)) {
        ErrorAt(x->expr, "invalid operation: cannot use type assertion on type parameter value " +
                             OperandString(*x));
        x->mode = Mode::kInvalid;
        break;
      }
      if (u_.Get(Underlying(u_, x->type)).kind != TypeKind::kInterface) {
        ErrorAt(x->expr, "invalid operation: " + OperandString(*x) + " is not an interface");
        x->mode = Mode::kInvalid;
        break;
      }
      TypeId T = VarType(n.y);
      if (!IsValid(u_, T) || !IsComplete(T)) {
        x->mode = Mode::kInvalid;
        break;
      }
      TypeAssertion(x, e, T, false);
      x->mode = Mode::kCommaOk;
      x->type = T;
      break;
    }
    case NodeKind::kCall: CallExpr(x, e); return;
    case NodeKind::kUnary:
      if (n.op == Token::kMul) {
        ExprOrType(x, n.x, false);
        if (x->mode == Mode::kInvalid) break;
        if (x->mode == Mode::kTypeExpr) {
          x->type = u_.NewPointer(x->type);
          break;
        }
        TypeId base;
        bool ok = true;
        if (IsTypeParam(u_, x->type)) {
          TypeId ct = CoreType(u_, x->type);
          if (!ct.has_value() || u_.Get(ct).kind != TypeKind::kPointer) {
            ErrorAt(x->expr, "invalid operation: cannot indirect " + OperandString(*x));
            ok = false;
          } else {
            base = u_.Get(ct).elem;
          }
        } else {
          TypeId ut = Underlying(u_, x->type);
          if (u_.Get(ut).kind != TypeKind::kPointer) {
            if (IsValid(u_, ut)) {
              ErrorAt(x->expr, "invalid operation: cannot indirect " + OperandString(*x));
            }
            ok = false;
          } else {
            base = u_.Get(ut).elem;
          }
        }
        if (!ok || !IsComplete(base)) {
          x->mode = Mode::kInvalid;
          break;
        }
        x->mode = Mode::kVariable;
        x->type = base;
        break;
      }
      Unary(x, e);
      if (!x->IsValid()) break;
      if (n.op == Token::kArrow) {
        x->expr = e;
        return;
      }
      break;
    case NodeKind::kBinary: Binary(x, e, n.x, n.y, n.op); break;
    case NodeKind::kKeyValue: ErrorAt(e, "no key:value expected"); break;
    case NodeKind::kTypeSwitchGuard:
      ErrorAt(e, "use of .(type) outside type switch");
      Use(n.y);
      break;
    case NodeKind::kArrayType:
    case NodeKind::kSliceType:
    case NodeKind::kStructType:
    case NodeKind::kFuncType:
    case NodeKind::kInterfaceType:
    case NodeKind::kMapType:
    case NodeKind::kChanType:
      x->type = Typ(e);
      x->mode = Mode::kTypeExpr;
      break;
    default:
      ErrorAt(e, "invalid expression");
      break;
  }
  if (x->mode == Mode::kInvalid) x->type = u_.invalid_type;
  if (n.kind != NodeKind::kName) x->is_nil = false;
  x->expr = e;
}

}  // namespace escapist::types
