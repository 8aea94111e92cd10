// types/check_stmt.cpp -- statements and function bodies (go/types stmt.go, assignments.go,
// range.go, labels.go, return.go): assignments and short variable declarations, if/for/switch/
// select, type switches, range over every kind incl. integers and functions, labels, terminating
// statements, and unused variables.
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "types/checker.h"

namespace escapist::types {

namespace {

NodeId Unparen(const syntax::Ast& ast, NodeId e) {
  for (int guard = 0; e.has_value() && guard < 100000 && ast[e].kind == NodeKind::kParen; ++guard) {
    e = ast[e].x;
  }
  return e;
}

std::string Measure(int x, const char* unit) {
  return std::to_string(x) + " " + unit + (x != 1 ? "s" : "");
}

}  // namespace

// ---- function bodies

void Checker::FuncBody(ObjId decl_obj, ScopeId scope, TypeId sig, NodeId body, int64_t iota) {
  Environment saved = env_;
  env_ = Environment();
  env_.decl_obj = decl_obj;
  env_.scope = scope;
  env_.sig = sig;
  env_.in_func = true;
  if (iota >= 0) {
    env_.iota = iota;
    env_.has_iota = true;
  }
  StmtList(0, ast_[body].list);
  // Labels and misplaced branches are reported by the parser (gc sets IgnoreBranchErrors); the
  // label objects are still recorded.
  Labels(body, false);
  const Type& st = u_.Get(sig);
  if (!u_.Get(st.results).vars.empty() && !IsTerminating(body, "")) {
    Error(ast_[body].pos2.known() ? ast_[body].pos2 : ast_[body].pos, "missing return");
  }
  Usage(scope);
  env_ = saved;
}

void Checker::Usage(ScopeId scope) {
  // Variables declared in `scope` and its non-function children, in source order.
  std::vector<ObjId> unused;
  std::vector<ScopeId> stack{scope};
  // Scopes don't list their children; collect by walking the objects recorded as defs is
  // expensive, so scopes register children lazily via parent links below.
  (void)stack;
  const auto& names = u_.scopes.Get(scope).names;
  for (const auto& [name, obj] : names) {
    const Object& o = u_.Obj(obj);
    if (o.kind == ObjKind::kVar && o.var_kind == VarKind::kLocal && !o.used && o.pkg == pkg_id_ &&
        o.parent == scope) {
      unused.push_back(obj);
    }
  }
  std::sort(unused.begin(), unused.end(),
            [&](ObjId a, ObjId b) { return u_.Obj(a).pos < u_.Obj(b).pos; });
  for (ObjId v : unused) Error(u_.Obj(v).pos, "declared and not used: " + u_.Obj(v).name);
}

// ---- statement lists

void Checker::StmtList(uint32_t ctxt, IdSpan<NodeId> list) {
  bool ok = (ctxt & kFallthroughOk) != 0;
  uint32_t inner = ctxt & ~kFallthroughOk;
  std::vector<NodeId> stmts = ast_.List(list);
  while (!stmts.empty() && ast_[stmts.back()].kind == NodeKind::kEmptyStmt) stmts.pop_back();
  for (size_t i = 0; i < stmts.size(); ++i) {
    uint32_t in = inner;
    if (ok && i + 1 == stmts.size()) in |= kFallthroughOk;
    Stmt(in, stmts[i]);
  }
}

void Checker::SimpleStmt(NodeId s) {
  if (s.has_value()) Stmt(0, s);
}

// Closes scopes opened for a statement and reports unused variables declared in them.
namespace {

struct ScopeCloser {
  Checker* c;
  ScopeId scope;
  ~ScopeCloser() {
    c->Usage(scope);
    c->CloseScope();
  }
};

}  // namespace

void Checker::Stmt(uint32_t ctxt, NodeId s) {
  DepthGuard guard(this);
  if (guard.Exceeded()) {
    if (!depth_reported_) {
      depth_reported_ = true;
      ErrorAt(s, "statement nested too deeply");
    }
    return;
  }
  size_t top = delayed_.size();
  uint32_t inner = ctxt & ~(kFallthroughOk | kFinalSwitchCase | kInTypeSwitch);
  const Node& n = ast_[s];
  switch (n.kind) {
    case NodeKind::kEmptyStmt:
    case NodeKind::kBad: break;
    case NodeKind::kDeclStmt: DeclStmt(s); break;
    case NodeKind::kLabeledStmt:
      env_.has_label = true;
      Stmt(ctxt, n.y);
      break;
    case NodeKind::kExprStmt: {
      Operand x;
      RawExpr(TypeId(), &x, n.x, false);
      NodeId e = Unparen(ast_, n.x);
      const Node& en = ast_[e];
      std::string msg;
      switch (x.mode) {
        case Mode::kBuiltin: msg = "must be called"; break;
        case Mode::kTypeExpr: msg = "is not an expression"; break;
        case Mode::kInvalid: break;
        default: {
          bool stmt_kind = false;
          if (en.kind == NodeKind::kUnary && en.op == Token::kArrow) stmt_kind = true;
          if (en.kind == NodeKind::kCall) {
            const TypeAndValue& ftv = info_.types.Get(Unparen(ast_, en.x));
            if (ftv.mode == Mode::kTypeExpr) {
              stmt_kind = false;
            } else if (ftv.mode == Mode::kBuiltin) {
              NodeId f = Unparen(ast_, en.x);
              NodeId name = ast_[f].kind == NodeKind::kSelector ? ast_[f].y : f;
              ObjId b = info_.uses.Get(name);
              BuiltinId id = b.has_value() ? u_.Obj(b).builtin : BuiltinId::kLen;
              switch (id) {
                case BuiltinId::kClear:
                case BuiltinId::kClose:
                case BuiltinId::kCopy:
                case BuiltinId::kDelete:
                case BuiltinId::kPanic:
                case BuiltinId::kPrint:
                case BuiltinId::kPrintln:
                case BuiltinId::kRecover: stmt_kind = true; break;
                default: stmt_kind = false; break;
              }
            } else {
              stmt_kind = true;
            }
          }
          if (stmt_kind) break;
          msg = "is not used";
          break;
        }
      }
      if (!msg.empty()) ErrorAt(x.expr, OperandString(x) + " " + msg);
      break;
    }
    case NodeKind::kSendStmt: {
      Operand ch, val;
      Expr(TypeId(), &ch, n.x);
      Expr(TypeId(), &val, n.y);
      if (!ch.IsValid() || !val.IsValid()) break;
      TypeId ct = CoreType(u_, ch.type);
      if (!ct.has_value() || u_.Get(ct).kind != TypeKind::kChan) {
        if (!ct.has_value() && IsTypeParam(u_, ch.type)) {
          Error(n.pos, "invalid operation: cannot send to " + OperandString(ch) + ": no core type");
        } else {
          Error(n.pos, "invalid operation: cannot send to non-channel " + OperandString(ch));
        }
        break;
      }
      if (u_.Get(ct).dir == ChanDir::kRecv) {
        Error(n.pos, "invalid operation: cannot send to receive-only channel " + OperandString(ch));
        break;
      }
      Assignment(&val, u_.Get(ct).elem, "send");
      break;
    }
    case NodeKind::kAssign: {
      if (n.flags & syntax::kFlagIncDec) {
        if (n.list.size() == 0) break;
        NodeId lhs = ast_.At(n.list, 0);
        Operand x;
        Expr(TypeId(), &x, lhs);
        if (!x.IsValid()) break;
        if (!IsNumeric(u_, x.type)) {
          const char* op = n.op == Token::kAdd ? "++" : "--";
          ErrorAt(lhs, "invalid operation: " + ExprString(lhs) + op + " (non-numeric type " +
                           TS(x.type) + ")");
          break;
        }
        AssignVar(lhs, NodeId(), &x, "assignment");
        break;
      }
      if (n.op == Token::kAssign || n.op == Token::kNone) {
        AssignVars(n.list, n.list2);
        break;
      }
      if (n.op == Token::kDefine) {
        ShortVarDecl(n.pos, n.list, n.list2);
        break;
      }
      if (n.list.size() != 1 || n.list2.size() != 1) {
        Error(n.pos, std::string("assignment operation ") + syntax::TokenString(n.op) +
                         "= requires single-valued expressions");
        break;
      }
      Operand x;
      NodeId lhs = ast_.At(n.list, 0), rhs = ast_.At(n.list2, 0);
      Binary(&x, NodeId(), lhs, rhs, n.op);
      AssignVar(lhs, NodeId(), &x, "assignment operation");
      break;
    }
    case NodeKind::kGoStmt: SuspendedCall("go", n.x); break;
    case NodeKind::kDeferStmt: SuspendedCall("defer", n.x); break;
    case NodeKind::kReturnStmt: {
      if (!env_.sig.has_value()) break;
      TypeId res_t = u_.Get(env_.sig).results;
      std::vector<ObjId> res = u_.Get(res_t).vars;
      std::vector<NodeId> results = ast_.List(n.list);
      if (results.empty() && !res.empty() && !u_.Obj(res[0]).name.empty()) {
        for (ObjId r : res) {
          ObjId alt = LookupName(u_.Obj(r).name);
          if (alt.has_value() && alt != r) {
            Error(n.pos, "result parameter " + u_.Obj(r).name + " not in scope at return\n\t" +
                             sources_.Format(u_.Obj(alt).pos) + ": inner declaration of " +
                             u_.Obj(r).name);
          }
        }
      } else if (!results.empty() || !res.empty()) {
        InitVars(res, results, s);
      }
      break;
    }
    case NodeKind::kBranchStmt: {
      if (n.x.has_value()) {
        env_.has_label = true;
        break;
      }
      if (n.op == Token::kGoto) env_.has_label = true;
      break;
    }
    case NodeKind::kBlock: {
      ScopeId sc = OpenScope(s, "block");
      ScopeCloser closer{this, sc};
      StmtList(inner, n.list);
      break;
    }
    case NodeKind::kIfStmt: {
      ScopeId sc = OpenScope(s, "if");
      ScopeCloser closer{this, sc};
      SimpleStmt(n.x);
      Operand x;
      if (n.y.has_value()) {
        Expr(TypeId(), &x, n.y);
        if (x.IsValid() && !IsBoolean(u_, x.type)) {
          ErrorAt(n.y, "non-boolean condition in if statement");
        }
      }
      if (n.z.has_value()) Stmt(inner, n.z);
      if (n.w.has_value()) Stmt(inner, n.w);
      break;
    }
    case NodeKind::kSwitchStmt: {
      inner |= kBreakOk;
      ScopeId sc = OpenScope(s, "switch");
      ScopeCloser closer{this, sc};
      SimpleStmt(n.x);
      if (n.y.has_value() && ast_[n.y].kind == NodeKind::kTypeSwitchGuard) {
        TypeSwitchStmt(inner | kInTypeSwitch, s, n.y);
      } else {
        SwitchStmt(inner, s);
      }
      break;
    }
    case NodeKind::kSelectStmt: {
      inner |= kBreakOk;
      for (NodeId cl : ast_.List(n.list)) {
        const Node& c = ast_[cl];
        bool valid = false;
        NodeId rhs;
        if (!c.x.has_value()) {
          valid = true;
        } else {
          const Node& cs = ast_[c.x];
          switch (cs.kind) {
            case NodeKind::kSendStmt: valid = true; break;
            case NodeKind::kAssign:
              if (cs.list2.size() == 1) rhs = ast_.At(cs.list2, 0);
              break;
            case NodeKind::kExprStmt: rhs = cs.x; break;
            default: break;
          }
          if (rhs.has_value()) {
            NodeId r = Unparen(ast_, rhs);
            if (ast_[r].kind == NodeKind::kUnary && ast_[r].op == Token::kArrow) valid = true;
          }
        }
        if (!valid) {
          ErrorAt(c.x, "select case must be receive, send or assign recv");
          continue;
        }
        ScopeId sc = OpenScope(cl, "case");
        ScopeCloser closer{this, sc};
        if (c.x.has_value()) Stmt(inner, c.x);
        StmtList(inner, c.list2);
      }
      break;
    }
    case NodeKind::kForStmt: {
      inner |= kBreakOk | kContinueOk;
      ScopeId sc = OpenScope(s, "for");
      ScopeCloser closer{this, sc};
      SimpleStmt(n.x);
      if (n.y.has_value()) {
        Operand x;
        Expr(TypeId(), &x, n.y);
        if (x.IsValid() && !IsBoolean(u_, x.type)) {
          ErrorAt(n.y, "non-boolean condition in for statement");
        }
      }
      if (n.z.has_value()) {
        const Node& post = ast_[n.z];
        if (post.kind == NodeKind::kAssign && post.op == Token::kDefine) {
          ErrorAt(n.z, "cannot declare in post statement of for loop");
          Use(n.z);
        } else {
          SimpleStmt(n.z);
        }
      }
      if (n.w.has_value()) Stmt(inner, n.w);
      break;
    }
    case NodeKind::kRangeStmt:
      inner |= kBreakOk | kContinueOk;
      RangeStmt(inner, s);
      break;
    default:
      ErrorAt(s, "invalid statement");
      break;
  }
  ProcessDelayed(top);
}

void Checker::SuspendedCall(const char* keyword, NodeId call) {
  NodeId c = call;
  if (!c.has_value() || ast_[c].kind != NodeKind::kCall) {
    if (c.has_value()) {
      ErrorAt(c, std::string("expression in ") + keyword + " must be function call");
      Use(c);
    }
    return;
  }
  Operand x;
  RawExpr(TypeId(), &x, c, false);
  if (x.mode == Mode::kInvalid) return;
  const TypeAndValue& ftv = info_.types.Get(Unparen(ast_, ast_[c].x));
  std::string msg;
  if (ftv.mode == Mode::kTypeExpr) {
    msg = "requires function call, not conversion";
  } else if (ftv.mode == Mode::kBuiltin) {
    NodeId f = Unparen(ast_, ast_[c].x);
    NodeId name = ast_[f].kind == NodeKind::kSelector ? ast_[f].y : f;
    ObjId b = info_.uses.Get(name);
    BuiltinId id = b.has_value() ? u_.Obj(b).builtin : BuiltinId::kLen;
    switch (id) {
      case BuiltinId::kClear:
      case BuiltinId::kClose:
      case BuiltinId::kCopy:
      case BuiltinId::kDelete:
      case BuiltinId::kPanic:
      case BuiltinId::kPrint:
      case BuiltinId::kPrintln:
      case BuiltinId::kRecover: break;
      default: msg = "discards result of"; break;
    }
  }
  if (!msg.empty()) ErrorAt(c, std::string(keyword) + " " + msg + " " + OperandString(x));
}

// ---- assignments

TypeId Checker::LhsVar(NodeId lhs) {
  NodeId ident = Unparen(ast_, lhs);
  if (ident.has_value() && ast_[ident].kind == NodeKind::kName && ast_[ident].text == "_") {
    RecordDef(ident, ObjId());
    return TypeId();  // nil: blank
  }
  ObjId v;
  bool v_used = false;
  if (ident.has_value() && ast_[ident].kind == NodeKind::kName) {
    ObjId obj = LookupName(std::string(ast_[ident].text));
    if (obj.has_value() && u_.Obj(obj).kind == ObjKind::kVar && u_.Obj(obj).pkg == pkg_id_) {
      v = obj;
      v_used = u_.Obj(obj).used;
    }
  }
  Operand x;
  Expr(TypeId(), &x, lhs);
  if (v.has_value()) u_.objects.Get(v).used = v_used;
  if (!x.IsValid() || !IsValid(u_, x.type)) return u_.invalid_type;
  switch (x.mode) {
    case Mode::kVariable:
    case Mode::kMapIndex: break;
    default: {
      NodeId e = Unparen(ast_, x.expr);
      if (e.has_value() && ast_[e].kind == NodeKind::kSelector) {
        const TypeAndValue& base = info_.types.Get(ast_[e].x);
        if (base.mode == Mode::kMapIndex) {
          ErrorAt(x.expr, "cannot assign to struct field " + ExprString(x.expr) + " in map");
          return u_.invalid_type;
        }
      }
      ErrorAt(x.expr, "cannot assign to " + ExprString(x.expr) +
                          " (neither addressable nor a map index expression)");
      return u_.invalid_type;
    }
  }
  return x.type;
}

void Checker::AssignVar(NodeId lhs, NodeId rhs, Operand* x, const char* context) {
  TypeId T = LhsVar(lhs);
  if (T.has_value() && !IsValid(u_, T)) {
    if (x) {
      x->mode = Mode::kInvalid;
    } else {
      Use(rhs);
    }
    return;
  }
  Operand tmp;
  if (!x) {
    x = &tmp;
    ExprWithHint(x, rhs, T);
  }
  std::string ctx = context;
  if (!T.has_value() && ctx == "assignment") ctx = "assignment to _ identifier";
  Assignment(x, T, ctx);
}

void Checker::AssignError(const std::vector<NodeId>& rhs, int l, int r) {
  std::string vars = Measure(l, "variable"), vals = Measure(r, "value");
  NodeId rhs0 = rhs[0];
  if (rhs.size() == 1) {
    NodeId c = Unparen(ast_, rhs0);
    if (ast_[c].kind == NodeKind::kCall) {
      ErrorAt(rhs0, "assignment mismatch: " + vars + " but " + ExprString(ast_[c].x) +
                        " returns " + vals);
      return;
    }
  }
  ErrorAt(rhs0, "assignment mismatch: " + vars + " but " + vals);
}

namespace {

std::string TypesSummary(Checker* c, const std::vector<TypeId>& list) {
  std::string s = "(";
  for (size_t i = 0; i < list.size(); ++i) {
    if (i > 0) s += ", ";
    TypeId t = list[i];
    if (!t.has_value() || !IsValid(c->u_, t)) {
      s += "unknown type";
    } else if (IsUntyped(c->u_, t)) {
      if (IsNumeric(c->u_, t)) {
        s += "number";
      } else {
        std::string n = BasicName(c->u_.Get(t).basic);
        s += n.substr(8);  // strip "untyped "
      }
    } else {
      s += c->TS(t);
    }
  }
  return s + ")";
}

}  // namespace

void Checker::ReturnError(NodeId at, int l, int r) {
  (void)at;
  (void)l;
  (void)r;
}

void Checker::InitVars(const std::vector<ObjId>& lhs, const std::vector<NodeId>& orig_rhs,
                       NodeId return_stmt) {
  int l = static_cast<int>(lhs.size()), r = static_cast<int>(orig_rhs.size());
  const char* context = return_stmt.has_value() ? "return statement"
                                                : (l > 1 ? "multiple assignment" : "assignment");
  bool is_call = false;
  if (r == 1) is_call = ast_[Unparen(ast_, orig_rhs[0])].kind == NodeKind::kCall;
  auto return_error = [&](const std::vector<Operand>& rhs) {
    int rr = static_cast<int>(rhs.size());
    std::string qualifier = "not enough";
    Pos pos = ast_[return_stmt].pos;
    if (rr > l) {
      pos = StartPos(rhs[l].expr);
      qualifier = "too many";
    } else if (rr > 0) {
      pos = StartPos(rhs[rr - 1].expr);
    }
    std::vector<TypeId> have, want;
    for (const auto& o : rhs) have.push_back(o.type);
    for (ObjId v : lhs) want.push_back(u_.Obj(v).type);
    Error(pos, qualifier + " return values\n\thave " + TypesSummary(this, have) + "\n\twant " +
                   TypesSummary(this, want));
  };
  if (l == r && !is_call) {
    for (int i = 0; i < l; ++i) {
      Operand x;
      ExprWithHint(&x, orig_rhs[i], u_.Obj(lhs[i]).type);
      InitVar(lhs[i], &x, context);
    }
    return;
  }
  if (r != 1) {
    bool ok = true;
    for (NodeId e : orig_rhs) {
      size_t before = error_count_;
      Use(e);
      if (error_count_ != before) ok = false;
    }
    if (ok) {
      if (return_stmt.has_value()) {
        std::vector<Operand> rhs;
        for (NodeId e : orig_rhs) {
          Operand o;
          o.expr = e;
          const TypeAndValue& tv = info_.types.Get(e);
          o.type = tv.type;
          auto it = untyped_.find(e.index());
          if (it != untyped_.end()) o.type = it->second.type;
          o.mode = Mode::kValue;
          rhs.push_back(o);
        }
        return_error(rhs);
      } else {
        AssignError(orig_rhs, l, r);
      }
    }
    for (ObjId v : lhs) {
      if (!u_.Obj(v).type.has_value()) u_.objects.Get(v).type = u_.invalid_type;
    }
    return;
  }
  std::vector<Operand> rhs;
  MultiExpr(orig_rhs[0], l == 2 && !return_stmt.has_value(), &rhs);
  r = static_cast<int>(rhs.size());
  if (l == r) {
    for (int i = 0; i < l; ++i) InitVar(lhs[i], &rhs[i], context);
    if (l == 2 && !return_stmt.has_value() && rhs[0].IsValid() && rhs[1].IsValid() &&
        (rhs[0].mode == Mode::kMapIndex || rhs[0].mode == Mode::kCommaOk)) {
      // recordCommaOkTypes: the expression has type (T, bool).
      NodeId e = orig_rhs[0];
      std::vector<ObjId> vars{NewVar(Pos(), "", rhs[0].type, VarKind::kLocal, NodeId()),
                              NewVar(Pos(), "", rhs[1].type, VarKind::kLocal, NodeId())};
      TypeId tuple = u_.NewTuple(std::move(vars));
      for (int guard = 0; e.has_value() && guard < 1000; ++guard) {
        TypeAndValue* tv = info_.types.Mutable(e);
        tv->type = tuple;
        if (ast_[e].kind != NodeKind::kParen) break;
        e = ast_[e].x;
      }
    }
    return;
  }
  if (rhs.empty() || rhs[0].IsValid()) {
    if (return_stmt.has_value()) {
      return_error(rhs);
    } else {
      AssignError(orig_rhs, l, r);
    }
  }
  for (ObjId v : lhs) {
    if (!u_.Obj(v).type.has_value()) u_.objects.Get(v).type = u_.invalid_type;
  }
}

void Checker::InitVar(ObjId lhs, Operand* x, const char* context) {
  Object& o = u_.objects.Get(lhs);
  if (!x->IsValid() || !IsValid(u_, x->type) || (o.type.has_value() && !IsValid(u_, o.type))) {
    if (!o.type.has_value()) o.type = u_.invalid_type;
    x->mode = Mode::kInvalid;
    return;
  }
  if (!o.type.has_value()) {
    TypeId t = x->type;
    if (IsUntyped(u_, t)) {
      if (IsBasicKind(u_, t, BasicKind::kUntypedNil)) {
        ErrorAt(x->expr, std::string("use of untyped nil in ") + context);
        u_.objects.Get(lhs).type = u_.invalid_type;
        x->mode = Mode::kInvalid;
        return;
      }
      t = DefaultType(u_, t);
    }
    u_.objects.Get(lhs).type = t;
  }
  Assignment(x, u_.Obj(lhs).type, context);
}

void Checker::AssignVars(IdSpan<NodeId> lhs_span, IdSpan<NodeId> rhs_span) {
  std::vector<NodeId> lhs = ast_.List(lhs_span), orig_rhs = ast_.List(rhs_span);
  int l = static_cast<int>(lhs.size()), r = static_cast<int>(orig_rhs.size());
  const char* context = l > 1 ? "multiple assignment" : "assignment";
  bool is_call = r == 1 && ast_[Unparen(ast_, orig_rhs[0])].kind == NodeKind::kCall;
  if (l == r && !is_call) {
    for (int i = 0; i < l; ++i) AssignVar(lhs[i], orig_rhs[i], nullptr, context);
    return;
  }
  if (r != 1) {
    size_t before = error_count_;
    for (NodeId e : lhs) UseLHS(e);
    for (NodeId e : orig_rhs) Use(e);
    if (error_count_ == before && r > 0) AssignError(orig_rhs, l, r);
    return;
  }
  std::vector<Operand> rhs;
  MultiExpr(orig_rhs[0], l == 2, &rhs);
  r = static_cast<int>(rhs.size());
  if (l == r) {
    for (int i = 0; i < l; ++i) AssignVar(lhs[i], NodeId(), &rhs[i], context);
    if (l == 2 && rhs[0].IsValid() && rhs[1].IsValid() &&
        (rhs[0].mode == Mode::kMapIndex || rhs[0].mode == Mode::kCommaOk)) {
      NodeId e = orig_rhs[0];
      std::vector<ObjId> vars{NewVar(Pos(), "", rhs[0].type, VarKind::kLocal, NodeId()),
                              NewVar(Pos(), "", rhs[1].type, VarKind::kLocal, NodeId())};
      TypeId tuple = u_.NewTuple(std::move(vars));
      for (int guard = 0; e.has_value() && guard < 1000; ++guard) {
        info_.types.Mutable(e)->type = tuple;
        if (ast_[e].kind != NodeKind::kParen) break;
        e = ast_[e].x;
      }
    }
    return;
  }
  if (rhs.empty() || rhs[0].IsValid()) AssignError(orig_rhs, l, r);
  for (NodeId e : lhs) UseLHS(e);
}

void Checker::ShortVarDecl(Pos pos, IdSpan<NodeId> lhs_span, IdSpan<NodeId> rhs_span) {
  size_t top = delayed_.size();
  ScopeId scope = env_.scope;
  std::vector<NodeId> lhs = ast_.List(lhs_span), rhs = ast_.List(rhs_span);
  std::vector<ObjId> lhs_vars(lhs.size());
  std::vector<ObjId> new_vars;
  std::vector<NodeId> new_names;
  std::unordered_set<std::string> seen;
  bool has_err = false;
  for (size_t i = 0; i < lhs.size(); ++i) {
    NodeId e = lhs[i];
    if (ast_[e].kind != NodeKind::kName) {
      UseLHS(e);
      ErrorAt(e, "non-name " + ExprString(e) + " on left side of :=");
      has_err = true;
      continue;
    }
    std::string name(ast_[e].text);
    if (name != "_") {
      if (!seen.insert(name).second) {
        ErrorAt(e, name + " repeated on left side of :=");
        has_err = true;
        continue;
      }
    }
    auto& names = u_.scopes.Get(scope).names;
    auto it = names.find(name);
    if (name != "_" && it != names.end()) {
      ObjId alt = it->second;
      RecordUse(e, alt);
      if (u_.Obj(alt).kind == ObjKind::kVar) {
        lhs_vars[i] = alt;
      } else {
        ErrorAt(e, "cannot assign to " + ExprString(e));
        has_err = true;
      }
      continue;
    }
    ObjId obj = NewVar(ast_[e].pos, name, TypeId(), VarKind::kLocal, e);
    lhs_vars[i] = obj;
    if (name != "_") {
      new_vars.push_back(obj);
      new_names.push_back(e);
    }
    RecordDef(e, obj);
  }
  for (size_t i = 0; i < lhs_vars.size(); ++i) {
    if (!lhs_vars[i].has_value()) {
      lhs_vars[i] = NewVar(ast_[lhs[i]].pos, "_", TypeId(), VarKind::kLocal, lhs[i]);
    }
  }
  InitVars(lhs_vars, rhs, NodeId());
  ProcessDelayed(top);
  if (new_vars.empty() && !has_err) {
    Error(pos, "no new variables on left side of :=");
    return;
  }
  for (ObjId v : new_vars) {
    u_.objects.Get(v).parent = scope;
    auto& names = u_.scopes.Get(scope).names;
    names[u_.Obj(v).name] = v;
  }
}

// ---- switch statements

void Checker::CaseValues(Operand* x, IdSpan<NodeId> values,
                         std::vector<std::pair<Constant, TypeId>>* seen,
                         std::vector<Pos>* seen_pos) {
  for (NodeId e : ast_.List(values)) {
    Operand v;
    Expr(TypeId(), &v, e);
    if (x->mode == Mode::kInvalid || v.mode == Mode::kInvalid) continue;
    ConvertUntyped(&v, x->type);
    if (v.mode == Mode::kInvalid) continue;
    Operand res = v;
    Comparison(&res, x, Token::kEql, true);
    if (res.mode == Mode::kInvalid) continue;
    if (v.mode != Mode::kConstant) continue;
    // types2 goVal: like gc, duplicates are checked only for integer (fitting 64 bits),
    // floating-point and string values.
    if (v.val->kind == Constant::Kind::kUnknown || v.val->kind == Constant::Kind::kBool ||
        v.val->kind == Constant::Kind::kComplex) {
      continue;
    }
    if (v.val->kind == Constant::Kind::kInt) {
      int64_t i64;
      uint64_t u64;
      if (!constant::Int64Val(v.val, &i64) && !constant::Uint64Val(v.val, &u64)) continue;
    }
    bool dup = false;
    for (size_t i = 0; i < seen->size(); ++i) {
      const auto& [c, t] = (*seen)[i];
      if (c.kind == v.val->kind || (constant::IsNumeric(c) && constant::IsNumeric(v.val))) {
        if (constant::Compare(c, Token::kEql, v.val) && Identical(u_, t, v.type)) {
          ErrorAt(v.expr, "duplicate case " + OperandString(v) + " in expression switch\n\t" +
                              sources_.Format((*seen_pos)[i]) + ": previous case");
          dup = true;
          break;
        }
      }
    }
    if (dup) continue;
    seen->push_back({v.val, v.type});
    seen_pos->push_back(StartPos(v.expr));
  }
}

void Checker::SwitchStmt(uint32_t inner, NodeId s) {
  const Node& n = ast_[s];
  Operand x;
  if (n.y.has_value()) {
    Expr(TypeId(), &x, n.y);
    Assignment(&x, TypeId(), "switch expression");
    if (x.mode != Mode::kInvalid && !Comparable(u_, x.type) && !HasNil(u_, x.type)) {
      ErrorAt(x.expr, "cannot switch on " + OperandString(x) + " (" + TS(x.type) +
                          " is not comparable)");
      x.mode = Mode::kInvalid;
    }
  } else {
    x.mode = Mode::kConstant;
    x.type = u_.Basic(BasicKind::kBool);
    x.val = constant::MakeBool(true);
    x.expr = NodeId();
  }
  std::vector<NodeId> clauses = ast_.List(n.list);
  Pos first_default;
  for (NodeId cl : clauses) {
    if (ast_[cl].flags & syntax::kFlagDefault) {
      if (first_default.known()) {
        Error(ast_[cl].pos, "multiple defaults in switch\n\t" + sources_.Format(first_default) +
                                ": other declaration of default");
      } else {
        first_default = ast_[cl].pos;
      }
    }
  }
  std::vector<std::pair<Constant, TypeId>> seen;
  std::vector<Pos> seen_pos;
  for (size_t i = 0; i < clauses.size(); ++i) {
    const Node& c = ast_[clauses[i]];
    uint32_t in = inner;
    if (i + 1 < clauses.size()) {
      in |= kFallthroughOk;
    } else {
      in |= kFinalSwitchCase;
    }
    CaseValues(&x, c.list, &seen, &seen_pos);
    ScopeId sc = OpenScope(clauses[i], "case");
    ScopeCloser closer{this, sc};
    StmtList(in, c.list2);
  }
}

void Checker::TypeSwitchStmt(uint32_t inner, NodeId s, NodeId guard) {
  const Node& n = ast_[s];
  const Node& g = ast_[guard];
  NodeId lhs = g.x;
  if (lhs.has_value()) {
    if (ast_[lhs].text == "_") {
      ErrorAt(lhs, "no new variable on left side of :=");
      lhs = NodeId();
    } else {
      RecordDef(lhs, ObjId());
    }
  }
  Operand sx;
  bool have_sx = false;
  {
    // The guard's operand: y is `x.(type)` (TypeAssert with no type) or the operand itself.
    NodeId operand = g.y;
    if (operand.has_value() && ast_[operand].kind == NodeKind::kTypeAssert &&
        !ast_[operand].y.has_value()) {
      NodeId assert_node = operand;
      operand = ast_[operand].x;
      Operand x;
      Expr(TypeId(), &x, operand);
      if (x.IsValid()) {
        if (IsTypeParam(u_, x.type)) {
          ErrorAt(x.expr, "cannot use type switch on type parameter value " + OperandString(x));
        } else if (IsInterface(u_, x.type)) {
          sx = x;
          have_sx = true;
        } else {
          ErrorAt(x.expr, OperandString(x) + " is not an interface");
        }
      }
      (void)assert_node;
    } else if (operand.has_value()) {
      Operand x;
      Expr(TypeId(), &x, operand);
      if (x.IsValid()) {
        if (IsTypeParam(u_, x.type)) {
          ErrorAt(x.expr, "cannot use type switch on type parameter value " + OperandString(x));
        } else if (IsInterface(u_, x.type)) {
          sx = x;
          have_sx = true;
        } else {
          ErrorAt(x.expr, OperandString(x) + " is not an interface");
        }
      }
    }
  }
  std::vector<NodeId> clauses = ast_.List(n.list);
  Pos first_default;
  for (NodeId cl : clauses) {
    if (ast_[cl].flags & syntax::kFlagDefault) {
      if (first_default.known()) {
        Error(ast_[cl].pos, "multiple defaults in switch\n\t" + sources_.Format(first_default) +
                                ": other declaration of default");
      } else {
        first_default = ast_[cl].pos;
      }
    }
  }
  std::vector<ObjId> lhs_vars;
  std::vector<bool> lhs_used;
  std::vector<std::pair<TypeId, Pos>> seen;  // none TypeId: nil
  bool seen_nil = false;
  Pos nil_pos;
  for (NodeId cl : clauses) {
    const Node& c = ast_[cl];
    std::vector<NodeId> cases = ast_.List(c.list);
    TypeId T;
    bool t_nil = false;
    for (NodeId e : cases) {
      NodeId ue = Unparen(ast_, e);
      bool is_nil = false;
      if (ast_[ue].kind == NodeKind::kName && ast_[ue].text == "nil") {
        ObjId o = LookupName("nil");
        is_nil = o.has_value() && u_.Obj(o).kind == ObjKind::kNil;
      }
      if (is_nil) {
        Operand dummy;
        Expr(TypeId(), &dummy, e);
        T = TypeId();
        t_nil = true;
        if (seen_nil) {
          ErrorAt(e, "duplicate case nil in type switch\n\t" + sources_.Format(nil_pos) +
                         ": previous case");
          continue;
        }
        seen_nil = true;
        nil_pos = StartPos(e);
        continue;
      }
      t_nil = false;
      T = VarType(e);
      if (!IsValid(u_, T)) continue;
      bool dup = false;
      for (const auto& [t, p] : seen) {
        if (Identical(u_, t, T)) {
          ErrorAt(e, "duplicate case " + TS(T) + " in type switch\n\t" + sources_.Format(p) +
                         ": previous case");
          dup = true;
          break;
        }
      }
      if (dup) continue;
      seen.push_back({T, StartPos(e)});
      if (have_sx) TypeAssertion(&sx, e, T, true);
    }
    ScopeId sc = OpenScope(cl, "case");
    ScopeCloser closer{this, sc};
    if (lhs.has_value()) {
      TypeId vt = T;
      if (cases.size() != 1 || !T.has_value() || t_nil) {
        vt = have_sx ? sx.type : u_.invalid_type;
      }
      ObjId obj = NewVar(ast_[lhs].pos, std::string(ast_[lhs].text), vt, VarKind::kLocal, lhs);
      u_.objects.Get(obj).parent = sc;
      u_.scopes.Get(sc).names[u_.Obj(obj).name] = obj;
      RecordImplicit(cl, obj);
      lhs_vars.push_back(obj);
    }
    StmtList(inner, c.list2);
    // The implicit vars act as one for the unused check (reported below), so keep the
    // per-scope check quiet.
    if (lhs.has_value()) {
      lhs_used.push_back(u_.Obj(lhs_vars.back()).used);
      u_.objects.Get(lhs_vars.back()).used = true;
    }
  }
  if (lhs.has_value()) {
    bool used = false;
    for (bool b : lhs_used) used |= b;
    if (!used) ErrorAt(lhs, std::string(ast_[lhs].text) + " declared and not used");
  }
}

// ---- range statements

void Checker::RangeStmt(uint32_t inner, NodeId s) {
  const Node& n = ast_[s];
  std::vector<NodeId> lhs_list = ast_.List(n.list);
  NodeId s_key = lhs_list.size() > 0 ? lhs_list[0] : NodeId();
  NodeId s_value = lhs_list.size() > 1 ? lhs_list[1] : NodeId();
  NodeId s_extra = lhs_list.size() > 2 ? lhs_list[2] : NodeId();
  bool is_def = n.op == Token::kDefine;
  Operand x;
  Expr(TypeId(), &x, n.x);
  TypeId key, val;
  bool range_over_int = false;
  if (x.IsValid()) {
    std::string cause;
    bool ok = false;
    TypeId rt;
    if (IsTypeParam(u_, x.type)) {
      rt = CoreType(u_, x.type);
      if (!rt.has_value()) cause = "no core type";
    } else {
      rt = Underlying(u_, x.type);
    }
    if (rt.has_value()) {
      const Type* t = &u_.Get(rt);
      if (t->kind == TypeKind::kPointer) {
        const Type& at = u_.Get(Underlying(u_, t->elem));
        if (at.kind == TypeKind::kArray) t = &at;
      }
      switch (t->kind) {
        case TypeKind::kBasic:
          if (IsString(u_, rt)) {
            key = u_.Basic(BasicKind::kInt);
            val = u_.rune_type;
            ok = true;
          } else if (IsInteger(u_, rt)) {
            if (!AllowVersion(ast_[s].pos, 22)) {
              cause = "requires go1.22 or later" + VersionHint(ast_[s].pos);
              break;
            }
            key = x.type;
            ok = true;
            range_over_int = true;
          }
          break;
        case TypeKind::kArray:
        case TypeKind::kSlice:
          key = u_.Basic(BasicKind::kInt);
          val = t->elem;
          ok = true;
          break;
        case TypeKind::kMap:
          key = t->key;
          val = t->elem;
          ok = true;
          break;
        case TypeKind::kChan:
          if (t->dir == ChanDir::kSend) {
            cause = "receive from send-only channel " + TS(x.type);
          } else {
            key = t->elem;
            ok = true;
          }
          break;
        case TypeKind::kSignature: {
          if (!AllowVersion(ast_[s].pos, 23)) {
            cause = "requires go1.23 or later" + VersionHint(ast_[s].pos);
            break;
          }
          const auto& params = u_.Get(t->params).vars;
          const auto& results = u_.Get(t->results).vars;
          if (params.size() != 1) {
            cause = "func must be func(yield func(...) bool): wrong argument count";
          } else if (!results.empty()) {
            cause = "func must be func(yield func(...) bool): unexpected results";
          } else {
            TypeId cb_t = CoreType(u_, u_.Obj(params[0]).type);
            if (!cb_t.has_value() || u_.Get(cb_t).kind != TypeKind::kSignature) {
              cause = "func must be func(yield func(...) bool): argument is not func";
            } else {
              const Type& cb = u_.Get(cb_t);
              const auto& cbp = u_.Get(cb.params).vars;
              const auto& cbr = u_.Get(cb.results).vars;
              if (cbp.size() > 2) {
                cause = "func must be func(yield func(...) bool): yield func has too many "
                        "parameters";
              } else if (cbr.size() != 1 ||
                         !Identical(u_, u_.Obj(cbr[0]).type, u_.Basic(BasicKind::kBool))) {
                if (cbr.size() == 1 && IsBoolean(u_, u_.Obj(cbr[0]).type)) {
                  cause = "func must be func(yield func(...) bool): yield func returns "
                          "user-defined boolean, not bool";
                } else {
                  cause = "func must be func(yield func(...) bool): yield func does not return "
                          "bool";
                }
              } else {
                if (cbp.size() >= 1) key = u_.Obj(cbp[0]).type;
                if (cbp.size() >= 2) val = u_.Obj(cbp[1]).type;
                ok = true;
              }
            }
          }
          break;
        }
        default: break;
      }
    }
    if (!ok && !cause.empty()) {
      ErrorAt(x.expr, "cannot range over " + OperandString(x) + ": " + cause);
      key = val = u_.invalid_type;
    } else if (!ok) {
      ErrorAt(x.expr, "cannot range over " + OperandString(x));
      key = val = u_.invalid_type;
    } else if (s_value.has_value() && !val.has_value()) {
      ErrorAt(s_value, "range over " + OperandString(x) + " permits only one iteration variable");
    } else if (s_extra.has_value()) {
      ErrorAt(s_extra, "range clause permits at most two iteration variables");
    }
  }
  ScopeId sc = OpenScope(s, "range");
  ScopeCloser closer{this, sc};
  NodeId lhs[2] = {s_key, s_value};
  TypeId rhs[2] = {key, val};
  if (is_def) {
    std::vector<ObjId> vars;
    for (int i = 0; i < 2; ++i) {
      if (!lhs[i].has_value()) continue;
      ObjId obj;
      if (ast_[lhs[i]].kind == NodeKind::kName) {
        std::string name(ast_[lhs[i]].text);
        obj = NewVar(ast_[lhs[i]].pos, name, TypeId(), VarKind::kLocal, lhs[i]);
        RecordDef(lhs[i], obj);
        if (name != "_") vars.push_back(obj);
      } else {
        ErrorAt(lhs[i], "cannot declare " + ExprString(lhs[i]));
        obj = NewVar(ast_[lhs[i]].pos, "_", TypeId(), VarKind::kLocal, lhs[i]);
      }
      TypeId typ = rhs[i];
      if (!typ.has_value() || !IsValid(u_, typ)) {
        u_.objects.Get(obj).type = u_.invalid_type;
        u_.objects.Get(obj).used = true;
        continue;
      }
      if (range_over_int) {
        Operand y = x;
        InitVar(obj, &y, "range clause");
      } else {
        Operand y;
        y.mode = Mode::kValue;
        y.expr = lhs[i];
        y.type = typ;
        InitVar(obj, &y, "assignment");
      }
    }
    if (!vars.empty()) {
      for (ObjId v : vars) Declare(sc, NodeId(), v, Pos());
    } else {
      Error(n.pos, "no new variables on left side of :=");
    }
  } else if (s_key.has_value()) {
    for (int i = 0; i < 2; ++i) {
      if (!lhs[i].has_value()) continue;
      TypeId typ = rhs[i];
      if (!typ.has_value() || !IsValid(u_, typ)) {
        UseLHS(lhs[i]);
        continue;
      }
      if (range_over_int) {
        Operand y = x;
        AssignVar(lhs[i], NodeId(), &y, "range clause");
        if (y.IsValid() && !IsInteger(u_, y.type)) {
          ErrorAt(lhs[i], "cannot use iteration variable of type " + TS(y.type));
        }
      } else {
        Operand y;
        y.mode = Mode::kValue;
        y.expr = lhs[i];
        y.type = typ;
        AssignVar(lhs[i], NodeId(), &y, "assignment");
      }
    }
  } else if (range_over_int && x.IsValid()) {
    Assignment(&x, TypeId(), "range clause");
  }
  if (n.w.has_value()) Stmt(inner, n.w);
}

// ---- labels (labels.go, simplified: declarations, uses, and break/continue targets)

void Checker::Labels(NodeId body, bool report) {
  struct Label {
    Pos pos;
    bool used = false;
    NodeId stmt;
    ObjId obj;  // the Label object (go/types records it in Defs and Uses)
  };
  std::map<std::string, Label> labels;
  std::vector<std::pair<NodeId, std::vector<std::string>>> branches;  // branch, enclosing labels
  // Walk the body (not into function literals), collecting labels and branch statements.
  struct Frame {
    NodeId n;
    std::vector<std::string> enclosing;  // labels of enclosing labeled for/switch/select
  };
  std::vector<Frame> stack{{body, {}}};
  auto push_list = [&](IdSpan<NodeId> list, const std::vector<std::string>& enc) {
    std::vector<NodeId> l = ast_.List(list);
    for (auto it = l.rbegin(); it != l.rend(); ++it) stack.push_back({*it, enc});
  };
  size_t steps = 0;
  while (!stack.empty() && ++steps < 10000000) {
    Frame f = std::move(stack.back());
    stack.pop_back();
    if (!f.n.has_value()) continue;
    const Node& n = ast_[f.n];
    switch (n.kind) {
      case NodeKind::kLabeledStmt: {
        std::string name(ast_[n.x].text);
        if (name != "_") {
          auto it = labels.find(name);
          if (it != labels.end()) {
            if (report) Error(ast_[n.x].pos, "label " + name + " already declared\n\t" +
                                     sources_.Format(it->second.pos) +
                                     ": other declaration of " + name);
          } else {
            Object lo;
            lo.kind = ObjKind::kLabel;
            lo.name = name;
            lo.pos = ast_[n.x].pos;
            lo.pkg = pkg_id_;
            lo.type = u_.invalid_type;
            ObjId lid = u_.NewObject(std::move(lo));
            labels[name] = Label{ast_[n.x].pos, false, n.y, lid};
            RecordDef(n.x, lid);
          }
        }
        std::vector<std::string> enc = f.enclosing;
        const Node& inner = ast_[n.y];
        if (inner.kind == NodeKind::kForStmt || inner.kind == NodeKind::kRangeStmt ||
            inner.kind == NodeKind::kSwitchStmt || inner.kind == NodeKind::kSelectStmt) {
          enc.push_back(name);
        }
        stack.push_back({n.y, enc});
        break;
      }
      case NodeKind::kBranchStmt:
        if (n.x.has_value()) branches.push_back({f.n, f.enclosing});
        break;
      case NodeKind::kBlock: push_list(n.list, f.enclosing); break;
      case NodeKind::kIfStmt:
        stack.push_back({n.w, f.enclosing});
        stack.push_back({n.z, f.enclosing});
        break;
      case NodeKind::kForStmt:
      case NodeKind::kRangeStmt: stack.push_back({n.w, f.enclosing}); break;
      case NodeKind::kSwitchStmt:
      case NodeKind::kSelectStmt: push_list(n.list, f.enclosing); break;
      case NodeKind::kCaseClause:
      case NodeKind::kCommClause: push_list(n.list2, f.enclosing); break;
      default: break;
    }
  }
  for (const auto& [b, enc] : branches) {
    const Node& n = ast_[b];
    std::string name(ast_[n.x].text);
    auto it = labels.find(name);
    if (it == labels.end()) {
      if (report) Error(ast_[n.x].pos, "label " + name + " not defined");
      continue;
    }
    it->second.used = true;
    RecordUse(n.x, it->second.obj);
    if (n.op == Token::kBreak || n.op == Token::kContinue) {
      bool ok = std::find(enc.begin(), enc.end(), name) != enc.end();
      if (ok && n.op == Token::kContinue) {
        const Node& target = ast_[it->second.stmt];
        ok = target.kind == NodeKind::kForStmt || target.kind == NodeKind::kRangeStmt;
      }
      if (!ok && report) {
        Error(ast_[n.x].pos, std::string("invalid ") +
                                 (n.op == Token::kBreak ? "break" : "continue") + " label " + name);
      }
    }
  }
  for (const auto& [name, l] : labels) {
    if (!l.used && report) Error(l.pos, "label " + name + " declared and not used");
  }
}

// ---- terminating statements (return.go)

namespace {

bool HasBreak(const syntax::Ast& ast, NodeId s, const std::string& label, bool implicit,
              int depth);

bool HasBreakList(const syntax::Ast& ast, IdSpan<NodeId> list, const std::string& label,
                  bool implicit, int depth) {
  for (uint32_t i = 0; i < list.size(); ++i) {
    if (HasBreak(ast, ast.At(list, i), label, implicit, depth)) return true;
  }
  return false;
}

bool HasBreak(const syntax::Ast& ast, NodeId s, const std::string& label, bool implicit,
              int depth) {
  if (!s.has_value() || depth > 1000) return false;
  const Node& n = ast[s];
  switch (n.kind) {
    case NodeKind::kBranchStmt:
      if (n.op == Token::kBreak) {
        if (!n.x.has_value()) return implicit;
        return std::string(ast[n.x].text) == label;
      }
      return false;
    case NodeKind::kLabeledStmt: return HasBreak(ast, n.y, label, implicit, depth + 1);
    case NodeKind::kBlock: return HasBreakList(ast, n.list, label, implicit, depth + 1);
    case NodeKind::kIfStmt:
      return HasBreak(ast, n.z, label, implicit, depth + 1) ||
             HasBreak(ast, n.w, label, implicit, depth + 1);
    case NodeKind::kCaseClause:
    case NodeKind::kCommClause: return HasBreakList(ast, n.list2, label, implicit, depth + 1);
    case NodeKind::kSwitchStmt:
    case NodeKind::kSelectStmt:
      if (label.empty()) return false;
      return HasBreakList(ast, n.list, label, false, depth + 1);
    case NodeKind::kForStmt:
    case NodeKind::kRangeStmt:
      if (label.empty()) return false;
      return HasBreak(ast, n.w, label, false, depth + 1);
    default: return false;
  }
}

}  // namespace

bool Checker::IsTerminating(NodeId s, const std::string& label) {
  if (!s.has_value()) return false;
  const Node& n = ast_[s];
  switch (n.kind) {
    case NodeKind::kReturnStmt: return true;
    case NodeKind::kBranchStmt: return n.op == Token::kGoto || n.op == Token::kFallthrough;
    case NodeKind::kExprStmt: {
      NodeId c = Unparen(ast_, n.x);
      if (ast_[c].kind == NodeKind::kCall) {
        NodeId f = Unparen(ast_, ast_[c].x);
        if (ast_[f].kind == NodeKind::kName && ast_[f].text == "panic") {
          ObjId o = info_.uses.Get(f);
          return o.has_value() && u_.Obj(o).kind == ObjKind::kBuiltin;
        }
      }
      return false;
    }
    case NodeKind::kLabeledStmt: return IsTerminating(n.y, std::string(ast_[n.x].text));
    case NodeKind::kBlock: {
      std::vector<NodeId> l = ast_.List(n.list);
      while (!l.empty() && ast_[l.back()].kind == NodeKind::kEmptyStmt) l.pop_back();
      return !l.empty() && IsTerminating(l.back(), "");
    }
    case NodeKind::kIfStmt:
      return n.w.has_value() && IsTerminating(n.z, "") && IsTerminating(n.w, "");
    case NodeKind::kSwitchStmt: {
      bool has_default = false;
      for (NodeId cl : ast_.List(n.list)) {
        const Node& c = ast_[cl];
        if (c.flags & syntax::kFlagDefault) has_default = true;
        std::vector<NodeId> body = ast_.List(c.list2);
        while (!body.empty() && ast_[body.back()].kind == NodeKind::kEmptyStmt) body.pop_back();
        if (body.empty() || !IsTerminating(body.back(), "")) return false;
        if (HasBreakList(ast_, c.list2, label, true, 0)) return false;
      }
      return has_default;
    }
    case NodeKind::kSelectStmt:
      for (NodeId cl : ast_.List(n.list)) {
        const Node& c = ast_[cl];
        std::vector<NodeId> body = ast_.List(c.list2);
        while (!body.empty() && ast_[body.back()].kind == NodeKind::kEmptyStmt) body.pop_back();
        if (body.empty() || !IsTerminating(body.back(), "")) return false;
        if (HasBreakList(ast_, c.list2, label, true, 0)) return false;
      }
      return true;
    case NodeKind::kForStmt:
      if (n.y.has_value()) return false;
      return !HasBreak(ast_, n.w, label, true, 0);
    default: return false;
  }
}

void Checker::AssignMismatchError(Pos, int, int, bool, NodeId, bool) {}

void Checker::OpAssign(NodeId) {}

}  // namespace escapist::types
