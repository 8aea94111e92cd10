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

// A string constant or struct tag: printable ASCII as is, other bytes and '"', '\' as \xNN.
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

struct Writer {
  const Universe& u;
  std::string out;
  int depth = 0;

  void TypeName(ObjId obj) {
    const Object& o = u.Obj(obj);
    if (o.pkg.has_value()) out += PathOf(u, o.pkg) + ".";
    out += o.name;
  }

  void TypeParams(const std::vector<TypeId>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out += ", ";
      const Type& tp = u.Get(list[i]);
      out += tp.obj.has_value() ? u.Obj(tp.obj).name : std::string("?");
      out += ' ';
      Print(tp.constraint);
    }
    out += ']';
  }

  void Tuple(TypeId tuple, bool variadic) {
    out += '(';
    const auto& vars = u.Get(tuple).vars;
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i > 0) out += ", ";
      const Object& v = u.Obj(vars[i]);
      if (!v.name.empty()) out += v.name + " ";
      if (variadic && i + 1 == vars.size()) {
        const Type& st = u.Get(v.type);
        if (st.kind == TypeKind::kSlice && v.type != u.invalid_type) {
          out += "...";
          Print(st.elem);
        } else {
          Print(v.type);
          out += "...";
        }
      } else {
        Print(v.type);
      }
    }
    out += ')';
  }

  void Signature(const Type& t) {
    if (!t.type_params.empty()) TypeParams(t.type_params);
    Tuple(t.params, t.variadic);
    const auto& res = u.Get(t.results).vars;
    if (res.empty()) return;
    out += ' ';
    if (res.size() == 1 && u.Obj(res[0]).name.empty()) {
      Print(u.Obj(res[0]).type);
      return;
    }
    Tuple(t.results, false);
  }

  void Print(TypeId id) {
    if (!id.has_value()) {
      out += "<nil>";
      return;
    }
    if (depth > 64) {
      out += "<cycle>";
      return;
    }
    if (id == u.any_type) {
      out += "any";
      return;
    }
    if (id == u.byte_type) {
      out += "byte";
      return;
    }
    if (id == u.rune_type) {
      out += "rune";
      return;
    }
    ++depth;
    const Type& t = u.Get(id);
    switch (t.kind) {
      case TypeKind::kInvalid: out += "invalid type"; break;
      case TypeKind::kBasic:
        out += t.basic == BasicKind::kUnsafePointer ? "unsafe.Pointer" : BasicName(t.basic);
        break;
      case TypeKind::kPointer:
        out += '*';
        Print(t.elem);
        break;
      case TypeKind::kSlice:
        out += "[]";
        Print(t.elem);
        break;
      case TypeKind::kArray:
        out += '[' + std::to_string(t.len) + ']';
        Print(t.elem);
        break;
      case TypeKind::kMap:
        out += "map[";
        Print(t.key);
        out += ']';
        Print(t.elem);
        break;
      case TypeKind::kChan:
        if (t.dir == ChanDir::kSend) {
          out += "chan<- ";
        } else if (t.dir == ChanDir::kRecv) {
          out += "<-chan ";
        } else {
          out += "chan ";
          const Type& e = u.Get(t.elem);
          if (e.kind == TypeKind::kChan && e.dir == ChanDir::kRecv) {
            out += '(';
            Print(t.elem);
            out += ')';
            break;
          }
        }
        Print(t.elem);
        break;
      case TypeKind::kSignature:
        out += "func";
        Signature(t);
        break;
      case TypeKind::kStruct:
        out += "struct{";
        for (size_t i = 0; i < t.fields.size(); ++i) {
          if (i > 0) out += "; ";
          const Object& f = u.Obj(t.fields[i]);
          if (!f.embedded) out += f.name + " ";
          Print(f.type);
          if (i < t.tags.size() && !t.tags[i].empty()) out += " " + OracleQuote(t.tags[i]);
        }
        out += '}';
        break;
      case TypeKind::kInterface: {
        if (t.implicit && t.methods.empty() && t.embeddeds.size() == 1) {
          Print(t.embeddeds[0]);
          break;
        }
        std::vector<ObjId> methods = t.methods;
        std::sort(methods.begin(), methods.end(),
                  [&](ObjId a, ObjId b) { return u.Obj(a).name < u.Obj(b).name; });
        out += "interface{";
        bool first = true;
        for (ObjId m : methods) {
          if (!first) out += "; ";
          first = false;
          out += u.Obj(m).name;
          Signature(u.Get(u.Obj(m).type));
        }
        for (TypeId e : t.embeddeds) {
          if (!first) out += "; ";
          first = false;
          Print(e);
        }
        out += '}';
        break;
      }
      case TypeKind::kNamed:
        if (t.obj.has_value()) {
          TypeName(t.obj);
        } else {
          out += '?';
        }
        if (!t.targs.empty()) {
          out += '[';
          for (size_t i = 0; i < t.targs.size(); ++i) {
            if (i > 0) out += ", ";
            Print(t.targs[i]);
          }
          out += ']';
        } else if (!t.named_tparams.empty()) {
          TypeParams(t.named_tparams);
        }
        break;
      case TypeKind::kTypeParam:
        out += t.obj.has_value() ? u.Obj(t.obj).name : std::string("?");
        break;
      case TypeKind::kTuple: Tuple(id, false); break;
      case TypeKind::kUnion:
        for (size_t i = 0; i < t.terms.size(); ++i) {
          if (i > 0) out += " | ";
          if (t.terms[i].tilde) out += '~';
          Print(t.terms[i].type);
        }
        break;
    }
    --depth;
  }
};

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

std::string OracleTypeString(const Universe& u, TypeId t) {
  Writer w{u, {}};
  w.Print(t);
  return w.out;
}

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
