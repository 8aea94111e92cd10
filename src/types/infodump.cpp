// types/infodump.cpp -- the Info dump compared against go/types by tests/oracle (format:
// tests/oracle/main.go).
#include "types/infodump.h"

#include <algorithm>
#include <cstdio>

#include "types/checker.h"

namespace escapist::types {

namespace {

// Package paths as the oracle prints them (vendored std packages without "vendor/").
std::string PathOf(const Universe& u, PkgId p) {
  if (!p.has_value()) return "-";
  const std::string& path = u.Pkg(p).path;
  if (path.rfind("vendor/", 0) == 0) return path.substr(7);
  return path;
}

}  // namespace

std::string OracleQuote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  return out + "\"";
}

namespace {

// An exact number in lowest terms ("N" or "N/D"); "big" beyond go/constant's small floats.
std::string Number(const mpq_class& v) {
  mpq_class q = v;
  q.canonicalize();
  if (q.get_num() != 0) {
    long exp = static_cast<long>(mpz_sizeinbase(q.get_num_mpz_t(), 2)) -
               static_cast<long>(mpz_sizeinbase(q.get_den_mpz_t(), 2));
    if (exp >= 4096 || exp <= -4096) return "big";
  }
  return q.get_str();
}

std::string ValueString(const Constant& c) {
  using K = Constant::Kind;
  switch (c.kind) {
    case K::kBool: return c.b ? "true" : "false";
    case K::kString: return OracleQuote(c.s);
    case K::kInt:
    case K::kFloat: return Number(c.re);
    case K::kComplex: return "(" + Number(c.re) + ", " + Number(c.im) + ")";
    default: return "unknown";
  }
}

const char* ModeString(const Universe& u, const TypeAndValue& tv) {
  switch (tv.mode) {
    case Mode::kInvalid: return "invalid";
    case Mode::kNoValue: return "novalue";
    case Mode::kBuiltin: return "builtin";
    case Mode::kTypeExpr: return "type";
    case Mode::kConstant: return "constant";
    case Mode::kVariable: return "variable";
    case Mode::kMapIndex: return "mapindex";
    case Mode::kCommaOk: return "commaok";
    case Mode::kValue:
      return IsBasicKind(u, tv.type, BasicKind::kUntypedNil) ? "nil" : "value";
  }
  return "invalid";
}

const char* ObjKindString(ObjKind k) {
  switch (k) {
    case ObjKind::kBad: return "bad";
    case ObjKind::kPkgName: return "pkgname";
    case ObjKind::kConst: return "const";
    case ObjKind::kTypeName: return "type";
    case ObjKind::kVar: return "var";
    case ObjKind::kFunc: return "func";
    case ObjKind::kLabel: return "label";
    case ObjKind::kBuiltin: return "builtin";
    case ObjKind::kNil: return "nil";
  }
  return "bad";
}

// go/types embeddedFieldIdent: the identifier naming an embedded field's type.
NodeId EmbeddedFieldIdent(const syntax::Ast& ast, NodeId e) {
  while (e.has_value()) {
    const Node& n = ast[e];
    switch (n.kind) {
      case NodeKind::kName: return e;
      case NodeKind::kUnary:
        if (n.op != Token::kMul) return NodeId();
        if (ast[n.x].kind == NodeKind::kUnary && ast[n.x].op == Token::kMul) return NodeId();
        e = n.x;
        break;
      case NodeKind::kSelector: return n.y;
      case NodeKind::kIndex: e = n.x; break;
      default: return NodeId();
    }
  }
  return NodeId();
}

}  // namespace

std::string OracleTypeString(const Universe& u, TypeId t) { return TypeStringGoTypes(u, t); }

Pos ExprStart(const syntax::Ast& ast, NodeId id) {
  for (int guard = 0; guard < 10000 && id.has_value(); ++guard) {
    const Node& n = ast[id];
    switch (n.kind) {
      case NodeKind::kBinary:
      case NodeKind::kCall:
      case NodeKind::kSelector:
      case NodeKind::kIndex:
      case NodeKind::kSlice:
      case NodeKind::kTypeAssert:
      case NodeKind::kKeyValue:
        id = n.x;
        break;
      case NodeKind::kCompositeLit:
        if (!n.x.has_value()) return n.pos;
        id = n.x;
        break;
      default: return n.pos;
    }
  }
  return Pos();
}

std::string DumpInfo(const Universe& u, const SourceSet& sources, PkgId pkg_id) {
  const Package& pkg = u.Pkg(pkg_id);
  const syntax::Ast& ast = pkg.ast;
  const Info& info = pkg.info;
  std::string out;
  auto pos = [&](Pos p) {
    std::string name = sources.Get(p.file).path;
    size_t slash = name.rfind('/');
    if (slash != std::string::npos) name = name.substr(slash + 1);
    return name + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
  };
  auto ident = [&](const char* tag, NodeId name, ObjId obj) {
    const Object& o = u.Obj(obj);
    out += tag;
    out += '\t' + pos(ast[name].pos) + '\t' + std::string(ast[name].text) + '\t' +
           ObjKindString(o.kind) + '\t' + PathOf(u, o.pkg) + '\t';
    switch (o.kind) {
      case ObjKind::kPkgName: out += PathOf(u, o.imported); break;
      case ObjKind::kLabel:
      case ObjKind::kBuiltin: out += '-'; break;
      default: out += OracleTypeString(u, o.type); break;
    }
    out += '\n';
  };
  for (size_t i = 0; i < ast.size(); ++i) {
    NodeId id(static_cast<uint32_t>(i));
    const TypeAndValue& tv = info.types.Get(id);
    if (tv.mode != Mode::kInvalid) {
      // The operand nil: go/types keeps it untyped, escapist (as types2) records its target.
      NodeId inner = id;
      while (ast[inner].kind == NodeKind::kParen) inner = ast[inner].x;
      ObjId nil_use = ast[inner].kind == NodeKind::kName ? info.uses.Get(inner) : ObjId();
      bool is_nil = nil_use.has_value() && u.Obj(nil_use).kind == ObjKind::kNil;
      out += "T\t" + pos(ExprStart(ast, id)) + '\t';
      if (is_nil) {
        out += "nil\tuntyped nil";
      } else if (tv.mode == Mode::kNoValue && !tv.type.has_value()) {
        out += "novalue\t()";  // go/types records the empty tuple
      } else {
        out += std::string(ModeString(u, tv)) + '\t' + OracleTypeString(u, tv.type);
      }
      if (tv.mode == Mode::kConstant && tv.value.has_value()) {
        out += '\t' + ValueString(u.constants.Get(tv.value));
      }
      out += '\n';
    }
    if (ObjId d = info.defs.Get(id); d.has_value()) ident("D", id, d);
    if (ObjId use = info.uses.Get(id); use.has_value()) ident("U", id, use);
    const Node& n = ast[id];
    if (n.kind == NodeKind::kField && (n.flags & syntax::kFlagEmbedded) && !n.x.has_value()) {
      ObjId f = info.implicits.Get(id);
      NodeId name = EmbeddedFieldIdent(ast, n.y);
      if (f.has_value() && name.has_value() && u.Obj(f).kind == ObjKind::kVar) ident("D", name, f);
    }
  }
  return out;
}

}  // namespace escapist::types
