// ir/build_stmt.cpp -- lowering statements: blocks (flattened as gc's reader does), assignments
// with their ODCL inits, op-assignments and ++/--, returns, if/for/range with gc's static-bool
// pruning, expression and type switches, select (with reader.selectStmt's comm rewrites), labels
// and branches, go/defer (noder/reader.go stmt1, writer.go stmt1/assignStmt/switchStmt). Range
// loops over functions, and the returns, branches and defers in their bodies, are rewritten by
// rangefunc.cpp.
#include "ir/builder.h"

namespace escapist::ir {

using syntax::NodeKind;
using types::TypeKind;

NodeId Builder::Block(SynId block) {
  std::vector<NodeId> stmts;
  if (block.has_value()) Stmts(S(block).list, stmts);
  NodeId n = Add(Op::kBlock, block.has_value() ? S(block).pos : Pos(), TypeId(), block);
  N(n).list = List(stmts);
  return n;
}

void Builder::Stmts(IdSpan<SynId> list, std::vector<NodeId>& out) {
  // writer.stmts: statements after a terminating one are dropped, up to the last label.
  std::vector<SynId> stmts = SList(list);
  size_t last_label = 0;
  bool any_label = false;
  for (size_t i = 0; i < stmts.size(); ++i) {
    if (S(stmts[i]).kind == NodeKind::kLabeledStmt) {
      last_label = i;
      any_label = true;
    }
  }
  bool dead = false;
  for (size_t i = 0; i < stmts.size(); ++i) {
    if (dead && (!any_label || i > last_label) && S(stmts[i]).kind != NodeKind::kLabeledStmt) {
      continue;
    }
    Stmt(stmts[i], out);
    dead = Terminates(stmts[i]);
  }
}

bool Builder::Terminates(SynId stmt) {
  if (!stmt.has_value()) return false;
  const syntax::Node& s = S(stmt);
  switch (s.kind) {
    case NodeKind::kBranchStmt:
      return s.op == syntax::Token::kGoto;
    case NodeKind::kReturnStmt:
      return true;
    case NodeKind::kExprStmt: {
      SynId call = Unparen(s.x);
      if (!call.has_value() || S(call).kind != NodeKind::kCall) return false;
      SynId fun = Unparen(S(call).x);
      if (!fun.has_value() || S(fun).kind != NodeKind::kName) return false;
      ObjId o = UseOf(fun);
      return o.has_value() && O(o).kind == types::ObjKind::kBuiltin &&
             O(o).builtin == types::BuiltinId::kPanic;
    }
    case NodeKind::kIfStmt: {
      SynId cond = s.y;
      int c = cond.has_value() ? StaticBool(&cond) : 0;
      return (c < 0 || Terminates(s.z)) && (c > 0 || Terminates(s.w));
    }
    case NodeKind::kBlock: {
      std::vector<SynId> list = SList(s.list);
      for (size_t i = list.size(); i-- > 0;) {
        if (S(list[i]).kind != NodeKind::kEmptyStmt) return Terminates(list[i]);
      }
      return false;
    }
    default:
      return false;
  }
}

namespace {

Op BranchOp(syntax::Token t) {
  switch (t) {
    case syntax::Token::kBreak: return Op::kBreak;
    case syntax::Token::kContinue: return Op::kContinue;
    case syntax::Token::kGoto: return Op::kGoto;
    default: return Op::kFallthrough;
  }
}

}  // namespace

void Builder::Stmt(SynId s, std::vector<NodeId>& out) {
  if (!s.has_value()) return;
  const syntax::Node& n = S(s);
  switch (n.kind) {
    case NodeKind::kEmptyStmt:
      return;
    case NodeKind::kLabeledStmt: {
      NodeId l = Add(Op::kLabel, n.pos, TypeId(), s);
      N(l).label = std::string(S(n.x).text);
      out.push_back(l);
      size_t before = out.size();
      if (IsRangeFunc(n.y)) {
        RangeFuncStmt(n.y, N(l).label, out);
        return;
      }
      Stmt(n.y, out);
      if (out.size() == before + 1) {
        Node& t = N(out.back());
        if (t.op == Op::kFor || t.op == Op::kRange || t.op == Op::kSwitch || t.op == Op::kSelect) {
          t.label = N(l).label;
        }
      }
      return;
    }
    case NodeKind::kBlock:
      // reader.stmt1 stmtBlock: a nested block's statements join the enclosing list.
      Stmts(n.list, out);
      return;
    case NodeKind::kExprStmt: {
      NodeId x = Expr(n.x);
      NodeId e = Add(Op::kExprStmt, N(x).pos, TypeId(), s);
      N(e).x = x;
      out.push_back(e);
      return;
    }
    case NodeKind::kSendStmt: {
      NodeId ch = Expr(n.x);
      NodeId v = ImplicitConv(Elem(TypeOf(n.x)), n.y);
      NodeId e = Add(Op::kSend, n.pos, TypeId(), s);
      N(e).x = ch;
      N(e).y = v;
      out.push_back(e);
      return;
    }
    case NodeKind::kAssign: {
      if (n.flags & syntax::kFlagIncDec) {
        NodeId x = Expr(ast_.At(n.list, 0));
        if (!one_.has_value()) {
          types::Constant c;
          c.kind = types::Constant::Kind::kInt;
          c.re = 1;
          one_ = const_cast<types::Universe&>(u_).NewConstant(std::move(c));  // see PtrTo
        }
        NodeId y = Literal(n.pos, N(x).type, one_, SynId());
        NodeId e = Add(Op::kAsOp, n.pos, TypeId(), s);
        N(e).tok = n.op;
        N(e).x = x;
        N(e).y = y;
        out.push_back(e);
        return;
      }
      if (n.op != syntax::Token::kAssign && n.op != syntax::Token::kDefine) {
        SynId lhs = ast_.At(n.list, 0);
        NodeId x = Expr(lhs);
        TypeId dst;
        if (n.op != syntax::Token::kShl && n.op != syntax::Token::kShr) dst = TypeOf(lhs);
        NodeId y = ImplicitConv(dst, ast_.At(n.list2, 0));
        NodeId e = Add(Op::kAsOp, n.pos, TypeId(), s);
        N(e).tok = n.op;
        N(e).x = x;
        N(e).y = y;
        out.push_back(e);
        return;
      }
      AssignStmt(n.pos, SList(n.list), SList(n.list2), n.op == syntax::Token::kDefine, s, out);
      return;
    }
    case NodeKind::kGoStmt:
    case NodeKind::kDeferStmt: {
      Op why = n.kind == NodeKind::kGoStmt ? Op::kGo : Op::kDefer;
      NodeId call = Expr(n.x);
      std::vector<NodeId> init;
      NodeId c = GoDeferCall(why, n.pos, call, init);
      NodeId e = Add(why, n.pos, TypeId(), s);
      N(e).x = c;
      N(e).init = List(init);
      if (why == Op::kDefer) F().has_defer = true;
      if (why == Op::kDefer) RangeFuncDefer(e);
      out.push_back(e);
      return;
    }
    case NodeKind::kReturnStmt:
      if (RangeFuncEdit(s, out)) return;
      out.push_back(ReturnStmt(s));
      return;
    case NodeKind::kBranchStmt: {
      if (RangeFuncEdit(s, out)) return;
      NodeId e = Add(BranchOp(n.op), n.pos, TypeId(), s);
      if (n.x.has_value()) N(e).label = std::string(S(n.x).text);
      out.push_back(e);
      return;
    }
    case NodeKind::kIfStmt:
      out.push_back(IfStmt(s));
      return;
    case NodeKind::kForStmt:
      out.push_back(ForStmt(s));
      return;
    case NodeKind::kRangeStmt:
      if (IsRangeFunc(s)) {
        RangeFuncStmt(s, "", out);
        return;
      }
      out.push_back(RangeStmt(s));
      return;
    case NodeKind::kSwitchStmt:
      out.push_back(SwitchStmt(s));
      return;
    case NodeKind::kSelectStmt:
      out.push_back(SelectStmt(s));
      return;
    case NodeKind::kDeclStmt:
      for (SynId spec : SList(n.list)) {
        if (S(spec).kind != NodeKind::kVarSpec) continue;
        AssignStmt(S(spec).pos, SList(S(spec).list), SList(S(spec).list2), true, spec, out);
      }
      return;
    default:
      out.push_back(Bad(n.pos, s, std::string("statement ") + syntax::NodeKindName(n.kind)));
      return;
  }
}

NodeId Builder::AssignTarget(SynId e0, std::vector<VarId>& defined, SynId stmt) {
  SynId e = Unparen(e0);
  const syntax::Node& s = S(e);
  if (s.kind == NodeKind::kName) {
    if (s.text == "_") return Add(Op::kName, s.pos, TypeId(), e);  // blank
    ObjId obj = DefOf(e);
    if (obj.has_value() && O(obj).kind == types::ObjKind::kVar) {
      VarId v = DeclareLocal(obj);
      defined.push_back(v);
      return NameOfVar(v, s.pos, e);
    }
  }
  return Expr(e);
}

void Builder::AssignStmt(Pos pos, const std::vector<SynId>& lhs, const std::vector<SynId>& rhs,
                         bool define, SynId syn, std::vector<NodeId>& out) {
  std::vector<VarId> defined;
  std::vector<NodeId> lnodes;
  std::vector<TypeId> dsts;
  for (SynId l : lhs) {
    NodeId x = AssignTarget(l, defined, syn);
    lnodes.push_back(x);
    const Node& xn = N(x);
    bool blank = xn.op == Op::kName && !xn.var.has_value() && !xn.obj.has_value();
    dsts.push_back(blank ? TypeId() : xn.type);
  }
  auto dcl = [&](VarId v) {
    NodeId d = Add(Op::kDcl, V(v).pos, TypeId(), SynId());
    N(d).var = v;
    return d;
  };
  if (rhs.empty()) {
    // `var x T`: one zero-value assignment per name, each with its ODCL.
    for (VarId v : defined) {
      NodeId as = Add(Op::kAs, pos, TypeId(), syn);
      N(as).init = List({dcl(v)});
      N(as).x = NameOfVar(v, V(v).pos, SynId());
      N(as).defining = true;  // gc leaves Defn nil for zero-value declarations
      out.push_back(as);
    }
    return;
  }
  std::vector<NodeId> rnodes = MultiExpr(pos, rhs, dsts, syn);
  NodeId as;
  if (lnodes.size() == 1 && rnodes.size() == 1) {
    as = Add(Op::kAs, pos, TypeId(), syn);
    N(as).x = lnodes[0];
    N(as).y = rnodes[0];
  } else {
    as = Add(Op::kAs2, pos, TypeId(), syn);
    N(as).list = List(lnodes);
    N(as).list2 = List(rnodes);
  }
  if (!defined.empty()) {
    // reader.initDefn: the new variables' ODCLs form the statement's init.
    std::vector<NodeId> init;
    for (VarId v : defined) {
      init.push_back(dcl(v));
      V(v).defn = as;
    }
    N(as).init = List(init);
    N(as).defining = true;
  }
  out.push_back(as);
}

NodeId Builder::ReturnStmt(SynId s) {
  const syntax::Node& n = S(s);
  std::vector<TypeId> dsts;
  for (VarId r : F().results) dsts.push_back(V(r).type);
  std::vector<SynId> exprs = SList(n.list);
  std::vector<NodeId> results = MultiExpr(n.pos, exprs, dsts, s);
  NodeId r = Add(Op::kReturn, n.pos, TypeId(), s);
  N(r).list = List(results);
  return r;
}

int Builder::StaticBool(SynId* ep) {
  const types::TypeAndValue& tv = TV(*ep);
  if (tv.mode == types::Mode::kConstant && tv.value.has_value()) {
    return u_.constants.Get(tv.value).b ? 1 : -1;
  }
  SynId e = *ep;
  const syntax::Node& s = S(e);
  if (s.kind == NodeKind::kUnary && s.op == syntax::Token::kNot) {
    SynId x = s.x;
    return StaticBool(&x);
  }
  if (s.kind == NodeKind::kBinary && s.op == syntax::Token::kAndAnd) {
    SynId x = s.x, y = s.y;
    int xv = StaticBool(&x);
    if (xv < 0) {
      *ep = x;
      return xv;
    }
    int yv = StaticBool(&y);
    if (xv > 0 || yv < 0) {
      if (TV(s.x).mode == types::Mode::kConstant) *ep = y;
      return yv;
    }
  }
  if (s.kind == NodeKind::kBinary && s.op == syntax::Token::kOrOr) {
    SynId x = s.x, y = s.y;
    int xv = StaticBool(&x);
    if (xv > 0) {
      *ep = x;
      return xv;
    }
    int yv = StaticBool(&y);
    if (xv < 0 || yv > 0) {
      if (TV(s.x).mode == types::Mode::kConstant) *ep = y;
      return yv;
    }
  }
  return 0;
}

NodeId Builder::IfStmt(SynId s) {
  const syntax::Node& n = S(s);
  std::vector<NodeId> init;
  Stmt(n.x, init);
  SynId cond = n.y;
  int sc = StaticBool(&cond);
  NodeId c = Expr(cond);
  std::vector<NodeId> then, els;
  if (sc >= 0 && n.z.has_value()) Stmts(S(n.z).list, then);
  if (sc <= 0 && n.w.has_value()) Stmt(n.w, els);
  if (sc != 0) {
    // reader.ifStmt: a statically decided if becomes a block (cond kept for side effects).
    if (N(c).op != Op::kLiteral) {
      NodeId as = Add(Op::kAs, n.pos, TypeId(), s);
      N(as).x = Add(Op::kName, n.pos, TypeId(), SynId());
      N(as).y = c;
      init.push_back(as);
    }
    init.insert(init.end(), then.begin(), then.end());
    init.insert(init.end(), els.begin(), els.end());
    NodeId b = Add(Op::kBlock, n.pos, TypeId(), s);
    N(b).list = List(init);
    return b;
  }
  NodeId r = Add(Op::kIf, n.pos, TypeId(), s);
  N(r).init = List(init);
  N(r).x = c;
  N(r).list = List(then);
  N(r).list2 = List(els);
  return r;
}

NodeId Builder::ForStmt(SynId s) {
  const syntax::Node& n = S(s);
  std::vector<NodeId> init;
  Stmt(n.x, init);
  SynId cond = n.y;
  bool dead = cond.has_value() && StaticBool(&cond) < 0;
  NodeId c = cond.has_value() ? Expr(cond) : NodeId();
  NodeId post;
  if (!dead && n.z.has_value()) {
    std::vector<NodeId> p;
    Stmt(n.z, p);
    if (p.size() == 1) {
      post = p[0];
    } else if (!p.empty()) {
      post = Add(Op::kBlock, S(n.z).pos, TypeId(), n.z);
      N(post).list = List(p);
    }
  }
  std::vector<NodeId> body;
  if (!dead && n.w.has_value()) Stmts(S(n.w).list, body);
  NodeId r = Add(Op::kFor, n.pos, TypeId(), s);
  N(r).init = List(init);
  N(r).x = c;
  N(r).y = post;
  N(r).list = List(body);
  return r;
}

NodeId Builder::RangeStmt(SynId s) {
  const syntax::Node& n = S(s);
  Pos pos = n.pos2.known() ? n.pos2 : n.pos;
  TypeId xt = TypeOf(n.x);
  if (KindOf(xt) == TypeKind::kSignature) return Bad(pos, s, "range over function");
  std::vector<VarId> defined;
  std::vector<NodeId> lhs;
  for (SynId l : SList(n.list)) {
    SynId e = Unparen(l);
    if (S(e).kind == NodeKind::kName && S(e).text == "_") {
      lhs.push_back(NodeId());
      continue;
    }
    lhs.push_back(AssignTarget(l, defined, s));
  }
  NodeId x = Expr(n.x);
  NodeId r = Add(Op::kRange, pos, TypeId(), s);
  if (!defined.empty()) {
    std::vector<NodeId> init;
    for (VarId v : defined) {
      NodeId d = Add(Op::kDcl, V(v).pos, TypeId(), SynId());
      N(d).var = v;
      init.push_back(d);
      V(v).defn = r;
    }
    N(r).init = List(init);
    N(r).defining = true;
  }
  std::vector<NodeId> body;
  if (n.w.has_value()) Stmts(S(n.w).list, body);
  N(r).list = List(lhs);
  N(r).x = x;
  N(r).list2 = List(body);
  return r;
}

namespace {

// noder.typeExprEndPos (quirks.go): despite its name, where gc places a type switch clause's
// variable: the start of the last type's innermost element name (`[]byte` -> `byte`, `*T` ->
// `T`, `p.T` -> `p`, `map[K]V` -> `V`), the `struct`/`interface`/`func` keyword of a literal type
// without fields to descend into, the last type argument of an instantiation.
Pos TypeExprEndPos(const syntax::Ast& ast, syntax::NodeId e) {
  auto last_field_type = [&](IdSpan<syntax::NodeId> fields) {
    return fields.empty() ? syntax::NodeId() : ast[ast.At(fields, fields.count - 1)].y;
  };
  for (int guard = 0; guard < 10000 && e.has_value(); ++guard) {
    const syntax::Node& n = ast[e];
    switch (n.kind) {
      case NodeKind::kName:
        return n.pos;
      case NodeKind::kSelector:
        return n.x.has_value() ? ast[n.x].pos : n.pos;
      case NodeKind::kParen:
      case NodeKind::kUnary:
      case NodeKind::kChanType:
      case NodeKind::kDotsType:
        if (!n.x.has_value()) return n.pos;
        e = n.x;
        continue;
      case NodeKind::kArrayType:
      case NodeKind::kSliceType:
      case NodeKind::kMapType:
        if (!n.y.has_value()) return n.pos;
        e = n.y;
        continue;
      case NodeKind::kIndex:
        if (n.list.empty()) return n.pos;
        e = ast.At(n.list, n.list.count - 1);
        continue;
      case NodeKind::kInterfaceType: {
        syntax::NodeId t = last_field_type(n.list);
        if (!t.has_value()) return n.pos;
        e = t;
        continue;
      }
      case NodeKind::kFuncType: {
        syntax::NodeId t = last_field_type(n.list2);
        if (!t.has_value()) t = last_field_type(n.list);
        if (!t.has_value()) return n.pos;
        e = t;
        continue;
      }
      default:
        return n.pos;
    }
  }
  return e.has_value() ? ast[e].pos : Pos();
}

bool HasFallthrough(const syntax::Ast& ast, IdSpan<syntax::NodeId> body) {
  if (body.empty()) return false;
  const syntax::Node& last = ast[ast.At(body, body.count - 1)];
  return last.kind == NodeKind::kBranchStmt && last.op == syntax::Token::kFallthrough;
}

}  // namespace

NodeId Builder::SwitchStmt(SynId s) {
  const syntax::Node& n = S(s);
  std::vector<NodeId> init;
  Stmt(n.x, init);
  NodeId r = Add(Op::kSwitch, n.pos, TypeId(), s);
  std::vector<SynId> clauses = SList(n.list);
  std::vector<NodeId> cases;
  if (n.y.has_value() && S(n.y).kind == NodeKind::kTypeSwitchGuard) {
    const syntax::Node& g = S(n.y);
    NodeId x = Expr(g.y);
    NodeId guard = Add(Op::kTypeSwitchGuard, g.pos, TypeId(), n.y);
    N(guard).x = x;
    if (g.x.has_value()) {
      // gc binds only an Ident here; a Var outside dcl stands for it (ops.def).
      N(guard).label = std::string(S(g.x).text);
      Var sym;
      sym.name = N(guard).label;
      sym.pos = S(g.x).pos;
      sym.type = N(x).type;
      sym.curfn = st_->fn;
      N(guard).var = prog_.vars.Add(std::move(sym));
    }
    N(r).x = guard;
    for (SynId cl : clauses) {
      const syntax::Node& c = S(cl);
      std::vector<NodeId> types;
      for (SynId te : SList(c.list)) {
        SynId u = Unparen(te);
        ObjId obj = S(u).kind == NodeKind::kName ? UseOf(u) : ObjId();
        if (obj.has_value() && O(obj).kind == types::ObjKind::kNil) {
          types.push_back(Add(Op::kNil, S(te).pos, TypeId(), te));
        } else {
          types.push_back(Add(Op::kType, S(te).pos, TV(te).type, te));
        }
      }
      NodeId k = Add(Op::kCase, c.pos, TypeId(), cl);
      N(k).list = List(types);
      ObjId vobj = info_.implicits.Get(cl);
      if (vobj.has_value()) {
        Pos vpos = c.list.empty() ? c.pos : TypeExprEndPos(ast_, ast_.At(c.list, c.list.count - 1));
        VarId v = NewLocal(O(vobj).name, vpos, O(vobj).type, vobj);
        V(v).defn = guard;
        N(k).var = v;
      }
      std::vector<NodeId> body;
      Stmts(c.list2, body);
      N(k).list2 = List(body);
      cases.push_back(k);
    }
  } else {
    SynId tag = n.y;
    TypeId tag_type = u_.Basic(types::BasicKind::kBool);
    bool tag_is_chan = false;
    bool const_tag = true;
    types::ConstId tag_value;
    if (tag.has_value()) {
      tag_type = TypeOf(tag);
      tag_is_chan = KindOf(tag_type) == TypeKind::kChan;
      const_tag = TV(tag).mode == types::Mode::kConstant && TV(tag).value.has_value();
      tag_value = TV(tag).value;
    }
    if (const_tag) {
      // writer.switchStmt: with a constant tag, keep only the clause always taken.
      bool give_up = false;
      int target = -1;
      for (size_t i = 0; i < clauses.size() && !give_up; ++i) {
        const syntax::Node& c = S(clauses[i]);
        if (c.list.empty()) target = static_cast<int>(i);
        bool found = false;
        for (SynId ce : SList(c.list)) {
          const types::TypeAndValue& ctv = TV(ce);
          if (ctv.mode != types::Mode::kConstant || !ctv.value.has_value()) {
            give_up = true;
            break;
          }
          const types::Constant& cv = u_.constants.Get(ctv.value);
          bool eq;
          if (tag.has_value()) {
            const types::Constant& tvv = u_.constants.Get(tag_value);
            eq = cv.kind == tvv.kind && cv.b == tvv.b && cv.s == tvv.s && cv.re == tvv.re &&
                 cv.im == tvv.im;
          } else {
            eq = cv.kind == types::Constant::Kind::kBool && cv.b;
          }
          if (eq) {
            target = static_cast<int>(i);
            found = true;
            break;
          }
        }
        if (found) break;
      }
      if (!give_up && !(target >= 0 && HasFallthrough(ast_, S(clauses[target]).list2))) {
        std::vector<NodeId> body;
        if (target >= 0) {
          Stmts(S(clauses[target]).list2, body);
          NodeId k = Add(Op::kCase, S(clauses[target]).pos, TypeId(), clauses[target]);
          N(k).list2 = List(body);
          cases.push_back(k);
        }
        N(r).init = List(init);
        N(r).list = List(cases);
        return r;
      }
    }
    if (!tag_is_chan) {
      bool any = false;
      for (SynId cl : clauses) {
        for (SynId ce : SList(S(cl).list)) {
          TypeId ct = TypeOf(ce);
          if (ct.has_value() && tag_type.has_value() && !types::AssignableTo(u_, ct, tag_type) &&
              (types::IsInterface(u_, ct) || types::IsInterface(u_, tag_type))) {
            any = true;
          }
        }
      }
      if (any) tag_type = u_.any_type;
    }
    if (tag.has_value()) N(r).x = ImplicitConv(tag_type, tag);
    for (SynId cl : clauses) {
      const syntax::Node& c = S(cl);
      std::vector<NodeId> exprs;
      for (SynId ce : SList(c.list)) {
        exprs.push_back(ImplicitConv(tag_is_chan ? TypeId() : tag_type, ce));
      }
      NodeId k = Add(Op::kCase, c.pos, TypeId(), cl);
      N(k).list = List(exprs);
      std::vector<NodeId> body;
      Stmts(c.list2, body);
      N(k).list2 = List(body);
      cases.push_back(k);
    }
  }
  N(r).init = List(init);
  N(r).list = List(cases);
  return r;
}

NodeId Builder::SelectStmt(SynId s) {
  const syntax::Node& n = S(s);
  std::vector<NodeId> cases;
  for (SynId cl : SList(n.list)) {
    const syntax::Node& c = S(cl);
    std::vector<NodeId> comm_v;
    Stmt(c.x, comm_v);
    NodeId comm = comm_v.empty() ? NodeId() : comm_v.back();
    std::vector<NodeId> body;
    Stmts(c.list2, body);
    if (comm.has_value() && N(comm).op == Op::kAs && !N(comm).defining) {
      // `case i = <-c` with an interface conversion: `case tmp := <-c: i = tmp; ...`.
      NodeId conv = N(comm).y;
      if (conv.has_value() && N(conv).op == Op::kConvIface && N(conv).x.has_value() &&
          N(N(conv).x).op == Op::kRecv) {
        NodeId recv = N(conv).x;
        VarId tmp = NewTemp(c.pos, N(recv).type);
        NodeId as = Add(Op::kAs, c.pos, TypeId(), cl);
        NodeId d = Add(Op::kDcl, c.pos, TypeId(), SynId());
        N(d).var = tmp;
        N(as).init = List({d});
        N(as).x = NameOfVar(tmp, c.pos, SynId());
        N(as).y = recv;
        N(as).defining = true;
        V(tmp).defn = as;
        N(conv).x = NameOfVar(tmp, c.pos, SynId());
        body.insert(body.begin(), comm);
        comm = as;
      }
    }
    if (comm.has_value() && N(comm).op == Op::kAs2 && N(comm).list2.count > 0) {
      // The comma-ok receive's OAS2RECV (in the first value's init) becomes the comm.
      NodeId first = prog_.At(N(comm).list2, 0);
      if (N(first).init.count == 1) {
        NodeId recv_as = prog_.At(N(first).init, 0);
        N(first).init = {};
        body.insert(body.begin(), comm);
        comm = recv_as;
      }
    }
    NodeId k = Add(Op::kCase, c.pos, TypeId(), cl);
    N(k).x = comm;
    N(k).list2 = List(body);
    cases.push_back(k);
  }
  NodeId r = Add(Op::kSelect, n.pos, TypeId(), s);
  N(r).list = List(cases);
  return r;
}

}  // namespace escapist::ir
