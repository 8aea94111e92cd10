// ir/dump.cpp -- op names and a readable, line-per-node dump of a function's IR (--dump=ir and
// the golden tests): header with parameters, results, closure variables and locals, then the
// body tree with each node's position, type and attributes.
#include <cctype>
#include <string>

#include "ir/build.h"

namespace escapist::ir {

const char* OpName(Op op) {
  static const char* const kNames[] = {
#define ESCAPIST_OP(Name, Shape) #Name,
#include "ir/ops.def"
#undef ESCAPIST_OP
  };
  static std::string upper[sizeof(kNames) / sizeof(kNames[0])];
  size_t i = static_cast<size_t>(op);
  if (i >= sizeof(kNames) / sizeof(kNames[0])) return "O?";
  if (upper[i].empty()) {
    std::string s = "O";
    for (const char* c = kNames[i]; *c; ++c) s += static_cast<char>(std::toupper(*c));
    upper[i] = s;
  }
  return upper[i].c_str();
}

namespace {

std::string PosString(Pos p) {
  if (!p.known()) return "?";
  return std::to_string(p.line) + ":" + std::to_string(p.col);
}

class Dumper {
 public:
  Dumper(const Program& prog, const types::Universe& u) : prog_(prog), u_(u) {}

  std::string Type(types::TypeId t) const {
    return t.has_value() ? types::TypeString(u_, t, prog_.pkg) : "";
  }

  std::string VarText(VarId v) const {
    const Var& x = prog_.vars.Get(v);
    return x.name.empty() ? "<unnamed>" : x.name;
  }

  void Node1(NodeId id, int depth, const char* slot) {
    out_ += std::string(depth * 2, ' ');
    if (slot[0]) out_ += std::string(slot) + ": ";
    if (!id.has_value()) {
      out_ += "<none>\n";
      return;
    }
    const Node& n = prog_[id];
    out_ += OpName(n.op);
    out_ += " " + PosString(n.pos);
    if (n.tok != syntax::Token::kNone) out_ += std::string(" tok=") + syntax::TokenString(n.tok);
    if (n.var.has_value()) out_ += " var=" + VarText(n.var);
    if (n.op == Op::kLiteral) out_ += " val=" + ExprString(prog_, u_, id);
    if (n.obj.has_value() && n.op != Op::kLiteral) out_ += " obj=" + u_.Obj(n.obj).name;
    if (n.func.has_value()) out_ += " func=" + prog_.funcs.Get(n.func).name;
    if (!n.label.empty()) out_ += " label=" + n.label;
    if (n.implicit) out_ += " implicit";
    if (n.has_dots) out_ += " dots";
    if (n.defining) out_ += " def";
    if (n.type.has_value()) out_ += " type=" + Type(n.type);
    out_ += "\n";
    List(n.init, depth + 1, "init");
    Node1Opt(n.x, depth + 1, "x");
    Node1Opt(n.y, depth + 1, "y");
    Node1Opt(n.z, depth + 1, "z");
    Node1Opt(n.w, depth + 1, "w");
    List(n.list, depth + 1, "list");
    List(n.list2, depth + 1, "list2");
  }

  void Node1Opt(NodeId id, int depth, const char* slot) {
    if (id.has_value()) Node1(id, depth, slot);
  }

  void List(IdSpan<NodeId> l, int depth, const char* slot) {
    if (l.empty()) return;
    out_ += std::string(depth * 2, ' ') + slot + ":\n";
    for (uint32_t i = 0; i < l.count; ++i) Node1(prog_.At(l, i), depth + 1, "");
  }

  void Vars(const char* what, const std::vector<VarId>& vars) {
    for (VarId v : vars) {
      const Var& x = prog_.vars.Get(v);
      out_ += std::string("  ") + what + " " + VarText(v) + " " + PosString(x.pos) + " " +
              Type(x.type);
      if (x.is_temp) out_ += " temp";
      if (x.addrtaken) out_ += " addrtaken";
      if (x.outer.has_value()) {
        const Var& o = prog_.vars.Get(x.outer);
        out_ += " outer=" + VarText(x.outer);
        if (o.curfn.has_value()) out_ += "@" + prog_.funcs.Get(o.curfn).name;
      }
      out_ += "\n";
    }
  }

  std::string Func1(FuncId fid) {
    const Func& f = prog_.funcs.Get(fid);
    out_ += "func " + f.name + " " + PosString(f.pos);
    if (f.outer.has_value()) out_ += " outer=" + prog_.funcs.Get(f.outer).name;
    if (f.is_closure) out_ += " closure";
    if (f.is_go_wrap) out_ += " gowrap";
    if (f.is_defer_wrap) out_ += " deferwrap";
    if (f.dupok) out_ += " dupok";
    if (f.has_defer) out_ += " hasdefer";
    out_ += "\n";
    Vars("param", f.params);
    Vars("result", f.results);
    Vars("closurevar", f.closure_vars);
    Vars("dcl", f.dcl);
    if (f.body.has_value()) Node1(f.body, 1, "body");
    return out_;
  }

 private:
  const Program& prog_;
  const types::Universe& u_;
  std::string out_;
};

}  // namespace

std::string DumpFunc(const Program& prog, const types::Universe& u, FuncId f) {
  Dumper d(prog, u);
  return d.Func1(f);
}

}  // namespace escapist::ir
