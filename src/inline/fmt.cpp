// inline/fmt.cpp -- printing an inlinable function as gc's -m=2 "can inline F with cost N as:
// TYPE { BODY }" does (ir/fmt.go stmtFmt and Nodes.Format; expressions through ir::ExprString),
// and the small node predicates of the cost model.
#include <string>

#include "inline/internal.h"
#include "ir/build.h"
#include "syntax/ast.h"

namespace escapist::inlining {

using ir::NodeId;
using ir::Op;

int64_t FieldOffsetOf(const ir::Program& prog, const types::Universe& u, const ir::Node& dot) {
  if (!dot.x.has_value()) return -1;
  types::TypeId t = prog.nodes.Get(dot.x).type;
  if (!t.has_value()) return -1;
  if (dot.op == Op::kDotPtr) {
    const types::Type& pt = u.Get(types::Underlying(u, t));
    if (pt.kind != types::TypeKind::kPointer) return -1;
    t = pt.elem;
  }
  if (!t.has_value() || u.Get(types::Underlying(u, t)).kind != types::TypeKind::kStruct) return -1;
  if (dot.index < 0) return -1;
  return types::FieldOffset(u, t, static_cast<uint32_t>(dot.index));
}

namespace {

// types.SimType on amd64 for the basic kinds conversions look at; kInvalid for non-numeric.
types::BasicKind SimKind(const types::Universe& u, types::TypeId t) {
  if (!t.has_value()) return types::BasicKind::kInvalid;
  const types::Type& ut = u.Get(types::Underlying(u, t));
  if (ut.kind != types::TypeKind::kBasic) return types::BasicKind::kInvalid;
  using K = types::BasicKind;
  switch (ut.basic) {
    case K::kInt: return K::kInt64;
    case K::kUint: case K::kUintptr: return K::kUint64;
    case K::kInt8: case K::kInt16: case K::kInt32: case K::kInt64: case K::kUint8:
    case K::kUint16: case K::kUint32: case K::kUint64: case K::kFloat32: case K::kFloat64:
    case K::kComplex64: case K::kComplex128:
      return ut.basic;
    default:
      return K::kInvalid;
  }
}

bool IsFloatOrComplexKind(types::BasicKind k) {
  using K = types::BasicKind;
  return k == K::kFloat32 || k == K::kFloat64 || k == K::kComplex64 || k == K::kComplex128;
}

}  // namespace

bool GcConvIsNop(const ir::Program& prog, const types::Universe& u, const ir::Node& conv) {
  bool nop = conv.op == Op::kConvNop;
  if (!conv.x.has_value() || (conv.op != Op::kConv && conv.op != Op::kConvNop)) return nop;
  types::BasicKind src = SimKind(u, prog.nodes.Get(conv.x).type);
  types::BasicKind dst = SimKind(u, conv.type);
  if (src == types::BasicKind::kInvalid || dst == types::BasicKind::kInvalid) return nop;
  if (src != dst) return false;
  // tcConv's rounding rule is for conversions the source wrote; an implicit OCONVNOP (such as
  // ir.InitExpr's carrier of a multi-value call's temporaries) is built as such.
  if (conv.implicit || conv.init.count > 0) return true;
  return !IsFloatOrComplexKind(src);
}

int ConstBool(const ir::Program& prog, const types::Universe& u, NodeId n) {
  if (!n.has_value()) return -1;
  const ir::Node& x = prog.nodes.Get(n);
  if (x.op != Op::kLiteral || !x.value.has_value()) return -1;
  const types::Constant& c = u.constants.Get(x.value);
  if (c.kind != types::Constant::Kind::kBool) return -1;
  return c.b ? 1 : 0;
}

bool IsIntLiteral(const ir::Program& prog, const types::Universe& u, NodeId n, int64_t v) {
  if (!n.has_value()) return false;
  const ir::Node& x = prog.nodes.Get(n);
  if (x.op != Op::kLiteral || !x.value.has_value()) return false;
  const types::Constant& c = u.constants.Get(x.value);
  return c.kind == types::Constant::Kind::kInt && c.re == v;
}

bool SameName(const ir::Program& prog, NodeId a, NodeId b) {
  if (!a.has_value() || !b.has_value()) return false;
  const ir::Node& x = prog.nodes.Get(a);
  const ir::Node& y = prog.nodes.Get(b);
  if (x.op != Op::kName || y.op != Op::kName) return false;
  if (x.var.has_value() || y.var.has_value()) return x.var == y.var;
  return x.obj.has_value() && x.obj == y.obj;
}

namespace {

bool Terminates(const ir::Program& prog, const types::Universe& u, NodeId id);

// pkgWriter.terminates of a block: its last non-empty statement.
bool ListTerminates(const ir::Program& prog, const types::Universe& u, IdSpan<NodeId> list) {
  for (uint32_t i = list.count; i-- > 0;) {
    NodeId s = prog.At(list, i);
    if (s.has_value() && prog.nodes.Get(s).op == Op::kEmpty) continue;
    return Terminates(prog, u, s);
  }
  return false;
}

bool Terminates(const ir::Program& prog, const types::Universe& u, NodeId id) {
  if (!id.has_value()) return false;
  const ir::Node& n = prog.nodes.Get(id);
  switch (n.op) {
    case Op::kGoto:
    case Op::kReturn:
      return true;
    case Op::kPanic:
      return true;
    case Op::kExprStmt:
      return n.x.has_value() && prog.nodes.Get(n.x).op == Op::kPanic;
    case Op::kIf: {
      int cond = ConstBool(prog, u, n.x);
      return (cond == 0 || ListTerminates(prog, u, n.list)) &&
             (cond == 1 || ListTerminates(prog, u, n.list2));
    }
    case Op::kBlock:
      return ListTerminates(prog, u, n.list);
    default:
      return false;
  }
}

}  // namespace

std::vector<NodeId> LiveStmts(const ir::Program& prog, const types::Universe& u,
                              IdSpan<NodeId> list) {
  std::vector<NodeId> out;
  out.reserve(list.count);
  int64_t last_label = -1;
  for (uint32_t i = 0; i < list.count; ++i) {
    NodeId s = prog.At(list, i);
    if (s.has_value() && prog.nodes.Get(s).op == Op::kLabel) last_label = i;
  }
  bool dead = false;
  bool after_label = false;  // the statement a label labels is one gc LabeledStmt with it
  for (uint32_t i = 0; i < list.count; ++i) {
    NodeId s = prog.At(list, i);
    bool is_label = s.has_value() && prog.nodes.Get(s).op == Op::kLabel;
    if (dead && static_cast<int64_t>(i) > last_label + 1 && !is_label && !after_label) continue;
    out.push_back(s);
    if (is_label) {
      dead = false;
      after_label = true;
    } else {
      dead = !after_label && Terminates(prog, u, s);
      after_label = false;
    }
  }
  return out;
}

std::string FuncTypeString(const ir::Program& prog, const types::Universe& u, ir::FuncId id) {
  const ir::Func& fn = prog.funcs.Get(id);
  types::TypeId sig;
  if (fn.obj.has_value()) {
    sig = u.Obj(fn.obj).type;
  } else if (fn.closure.has_value()) {
    sig = prog.nodes.Get(fn.closure).type;
  }
  if (!sig.has_value()) return "func()";
  std::string s = types::TypeString(u, sig, prog.pkg);
  const types::Type& t = u.Get(sig);
  if (t.kind == types::TypeKind::kSignature && t.recv.has_value()) {
    s = "method(" + types::TypeString(u, u.Obj(t.recv).type, prog.pkg) + ") " + s;
  }
  return s;
}

namespace {

class BodyPrinter {
 public:
  BodyPrinter(const ir::Program& prog, const types::Universe& u)
      : prog_(prog), u_(u), ast_(u.Pkg(prog.pkg).ast) {}

  const ir::Node& N(NodeId id) const { return prog_.nodes.Get(id); }

  // Nodes.Format %v: statements joined by "; ". Escapist's empty statements are not gc nodes,
  // and gc's reader splices the statements of a nested block into the enclosing list.
  std::string Stmts(IdSpan<NodeId> list) {
    std::string out;
    bool first = true;
    AppendStmts(list, out, first);
    return out;
  }
  void AppendStmts(IdSpan<NodeId> list, std::string& out, bool& first) {
    for (NodeId s : LiveStmts(prog_, u_, list)) {
      if (s.has_value() && N(s).op == Op::kEmpty) continue;
      if (s.has_value() && N(s).op == Op::kBlock && N(s).init.count == 0) {
        AppendStmts(N(s).list, out, first);
        continue;
      }
      if (!first) out += "; ";
      first = false;
      out += Node(s);
    }
  }

  // Nodes.Format %.v: expressions joined by ", ".
  std::string Exprs(IdSpan<NodeId> list) {
    std::string out;
    for (uint32_t i = 0; i < list.count; ++i) {
      if (i) out += ", ";
      out += Node(prog_.At(list, i));
    }
    return out;
  }

  std::string Type(types::TypeId t) const { return types::TypeString(u_, t, prog_.pkg); }

  bool HasSym(types::TypeId t) const {
    if (!t.has_value()) return false;
    types::TypeKind k = u_.Get(t).kind;
    if (k == types::TypeKind::kNamed || k == types::TypeKind::kBasic ||
        k == types::TypeKind::kTypeParam) {
      return true;
    }
    return Type(t) == "any";
  }

  // fmtNode: statements by stmtFmt, expressions by exprFmt (ir::ExprString).
  std::string Node(NodeId id) {
    if (!id.has_value()) return "<nil>";
    const ir::Node& n = N(id);
    switch (n.op) {
      case Op::kDcl: {
        const ir::Var& v = prog_.vars.Get(n.var);
        return "var " + v.name + " " + Type(v.type);
      }
      case Op::kAs:
        if (!n.y.has_value()) return Node(n.x) + " = <nil>";
        return Node(n.x) + (n.defining ? " := " : " = ") + Node(n.y);
      case Op::kAsOp: {
        bool incdec = n.syntax.has_value() && (ast_[n.syntax].flags & syntax::kFlagIncDec);
        if (incdec) return Node(n.x) + (n.tok == syntax::Token::kSub ? "--" : "++");
        return Node(n.x) + " " + syntax::TokenString(n.tok) + "= " + Node(n.y);
      }
      case Op::kAs2:
        return Exprs(n.list) + (n.defining ? " := " : " = ") + Exprs(n.list2);
      case Op::kAs2Func:
      case Op::kAs2DotType:
      case Op::kAs2MapR:
      case Op::kAs2Recv:
        return Exprs(n.list) + (n.defining ? " := " : " = ") + Node(n.x);
      case Op::kBlock:
        return Stmts(n.list);
      case Op::kReturn:
        return "return " + Exprs(n.list);
      case Op::kGo:
        return "go " + Node(n.x);
      case Op::kDefer:
        return "defer " + Node(n.x);
      case Op::kIf: {
        std::string out;
        bool simple_init = n.init.count == 1 && N(prog_.At(n.init, 0)).init.count == 0;
        if (simple_init) {
          out = "if " + Node(prog_.At(n.init, 0)) + "; " + Node(n.x) + " { " + Stmts(n.list) + " }";
        } else {
          out = "if " + Node(n.x) + " { " + Stmts(n.list) + " }";
        }
        if (n.list2.count != 0) out += " else { " + Stmts(n.list2) + " }";
        return out;
      }
      case Op::kFor:
      case Op::kRange:
        return "for loop";
      case Op::kSelect:
        return "select statement";
      case Op::kSwitch:
        return "switch statement";
      case Op::kBreak:
      case Op::kContinue:
      case Op::kGoto:
      case Op::kFallthrough: {
        std::string op = n.op == Op::kBreak      ? "break"
                         : n.op == Op::kContinue ? "continue"
                         : n.op == Op::kGoto     ? "goto"
                                                 : "fallthrough";
        return n.label.empty() ? op : op + " " + n.label;
      }
      case Op::kLabel:
        return n.label + ": ";
      case Op::kExprStmt:
        return Node(n.x);
      case Op::kEmpty:
        return "";
      case Op::kConvNop:
        // ir.InitExpr's carrier of a multi-value call's temporaries is not implicit in gc.
        if (n.init.count > 0) {
          std::string t = HasSym(n.type) ? Type(n.type) : "(" + Type(n.type) + ")";
          return t + "(" + Node(n.x) + ")";
        }
        break;
      case Op::kCallFunc:
        // OCLOSURE has no precedence in gc's table, so a called literal is parenthesized.
        if (n.x.has_value() && N(n.x).op == Op::kClosure) {
          std::string out = "(func literal)(";
          out += ExprList(n.list);
          return out + (n.has_dots ? "...)" : ")");
        }
        break;
      default:
        break;
    }
    return ir::ExprString(prog_, u_, id);
  }

  std::string ExprList(IdSpan<NodeId> list) {
    std::string out;
    for (uint32_t i = 0; i < list.count; ++i) {
      if (i) out += ", ";
      out += ir::ExprString(prog_, u_, prog_.At(list, i));
    }
    return out;
  }

 private:
  const ir::Program& prog_;
  const types::Universe& u_;
  const syntax::Ast& ast_;
};

}  // namespace

std::string BodyString(const ir::Program& prog, const types::Universe& u, ir::FuncId id) {
  const ir::Func& fn = prog.funcs.Get(id);
  if (!fn.body.has_value()) return "";
  BodyPrinter p(prog, u);
  return p.Stmts(prog.nodes.Get(fn.body).list);
}

}  // namespace escapist::inlining
