// types/typestring.cpp -- spelling types, constants and expressions: gc's -m spelling
// (types/fmt.go tconv in fmtGo mode), types2's TypeString for error messages, go/constant-style
// literal formatting (ir/fmt.go), and types2's ExprString for syntax in messages.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "syntax/parse.h"
#include "types/checker.h"
#include "types/infodump.h"

namespace escapist::types {

const char* BasicName(BasicKind k);

namespace {

// kGc: gc's tconv (-m messages); kTypes2: types2's TypeString with package names (error
// messages); kGoTypes: go/types' TypeString with package paths as the qualifier, the spelling
// tests/oracle compares (vendored std paths without "vendor/"); kLink: gc's LinkString (tconv in
// fmtTypeID mode: every named type and unexported field or method name qualified by its
// package's symbol prefix, predeclared aliases collapsed), which names shape types.
enum class Style { kGc, kTypes2, kGoTypes, kLink };

// objabi.PathToPrefix: the symbol prefix of a package path (controls, space, '%', '"', non-ASCII
// and the dots of the last element escaped as %xx). The shape package keeps "go.shape".
std::string PathToPrefix(const std::string& path) {
  if (path == kShapePkgPath) return path;
  size_t slash = path.rfind('/');
  std::string out;
  static const char* hex = "0123456789abcdef";
  for (size_t i = 0; i < path.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(path[i]);
    bool after_slash = slash == std::string::npos || i > slash;
    if (c <= ' ' || (c == '.' && after_slash) || c == '%' || c == '"' || c >= 0x7F) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

struct Printer {
  const Universe& u;
  PkgId local;
  Style style;
  std::string out;
  int depth = 0;
  // gc style: the types being printed (enclosing this one) -> their offset in `out`. As gc's
  // tconv2, a type met again inside itself (an interface whose flattened methods lead back to it)
  // prints as `@offset` instead of being expanded forever.
  std::unordered_map<uint32_t, size_t> visited{};
  // Output beyond this is dropped: distinct nested types can still expand exponentially.
  static constexpr size_t kMaxOutput = size_t{1} << 20;

  // gc's spellings (tconv in fmtGo or fmtTypeID mode) share their layout.
  bool gc() const { return style == Style::kGc || style == Style::kLink; }
  // Whether embedded field f's name differs from its type's symbol (gc's tsym).
  bool EmbeddedRenamed(const Object& f) const {
    TypeId t = f.type;
    if (t.has_value() && u.Get(t).kind == TypeKind::kPointer) t = u.Get(t).elem;
    if (!t.has_value()) return false;
    const Type& nt = u.Get(t);
    if (nt.kind != TypeKind::kNamed && nt.kind != TypeKind::kBasic) return true;
    if (nt.kind == TypeKind::kNamed) {
      if (!nt.targs.empty()) return true;
      return !nt.obj.has_value() || u.Obj(nt.obj).name != f.name;
    }
    return false;
  }

  // A field or method name: fmtTypeID qualifies the unexported ones by their package.
  void MemberName(const Object& m) {
    if (style == Style::kLink && !m.name.empty() && !IsExported(m.name) && m.pkg.has_value()) {
      out += PathToPrefix(u.Pkg(m.pkg).path);
      out += '.';
    }
    out += m.name;
  }

  void Qualified(ObjId obj) {
    const Object& o = u.Obj(obj);
    if (style == Style::kLink) {
      if (o.pkg.has_value()) {
        out += PathToPrefix(u.Pkg(o.pkg).path);
        out += '.';
      }
      out += o.name;
      return;
    }
    if (style == Style::kGoTypes) {
      if (o.pkg.has_value()) {
        const std::string& path = u.Pkg(o.pkg).path;
        out += path.rfind("vendor/", 0) == 0 ? path.substr(7) : path;
        out += '.';
      }
      out += o.name;
      return;
    }
    if (o.pkg.has_value() && o.pkg != local) {
      const Package& p = u.Pkg(o.pkg);
      out += style == Style::kGc ? p.name : (p.name.empty() ? p.path : p.name);
      out += '.';
    }
    out += o.name;
  }

  void Tuple(TypeId tuple, bool variadic, bool names) {
    out += '(';
    const auto& vars = u.Get(tuple).vars;
    for (size_t i = 0; i < vars.size(); ++i) {
      if (i > 0) out += ", ";
      const Object& v = u.Obj(vars[i]);
      if (names && !v.name.empty()) {
        out += v.name;
        out += ' ';
      }
      if (variadic && i + 1 == vars.size()) {
        const Type& st = u.Get(v.type);
        if (style == Style::kGoTypes && (st.kind != TypeKind::kSlice || v.type == u.invalid_type)) {
          Print(v.type);  // go/types: "T..." when the variadic parameter is not a slice
          out += "...";
        } else {
          out += "...";
          if (st.kind == TypeKind::kSlice) {
            Print(st.elem);
          } else {
            Print(v.type);  // e.g. string for append([]byte, string...)
          }
        }
      } else {
        Print(v.type);
      }
    }
    out += ')';
  }

  void Signature(const Type& t) {
    bool names = !gc();
    Tuple(t.params, t.variadic, names);
    const auto& res = u.Get(t.results).vars;
    if (res.empty()) return;
    out += ' ';
    if (res.size() == 1 && (!names || u.Obj(res[0]).name.empty())) {
      Print(u.Obj(res[0]).type);
      return;
    }
    Tuple(t.results, false, names);
  }

  // A type parameter list: "[P any, Q comparable]".
  void TypeParams(const std::vector<TypeId>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out += ", ";
      Print(list[i]);
      out += ' ';
      Print(u.Get(list[i]).constraint);
    }
    out += ']';
  }

  void TypeList(const std::vector<TypeId>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      if (i > 0) out += gc() ? "," : ", ";
      Print(list[i]);
    }
    out += ']';
  }

  void Print(TypeId id) {
    if (!id.has_value()) {
      out += "<nil>";
      return;
    }
    if (++depth > 64) {
      out += style == Style::kGoTypes ? "<cycle>" : "...";
      --depth;
      return;
    }
    if (style == Style::kLink && (id == u.any_type || id == u.byte_type || id == u.rune_type)) {
      id = id == u.any_type ? u.empty_interface
                            : u.Basic(id == u.byte_type ? BasicKind::kUint8 : BasicKind::kInt32);
    }
    if (id == u.any_type) {
      out += "any";
      --depth;
      return;
    }
    if (id == u.byte_type) {
      out += "byte";
      --depth;
      return;
    }
    if (id == u.rune_type) {
      out += "rune";
      --depth;
      return;
    }
    if (out.size() > kMaxOutput) {
      --depth;
      return;
    }
    if (style == Style::kGc || style == Style::kLink) {
      auto [seen, fresh] = visited.try_emplace(id.index(), out.size());
      if (!fresh) {
        out += '@';
        out += std::to_string(seen->second);
        --depth;
        return;
      }
    }
    const Type& t = u.Get(id);
    switch (t.kind) {
      case TypeKind::kInvalid: out += "invalid type"; break;
      case TypeKind::kBasic:
        if (t.basic == BasicKind::kUnsafePointer) {
          out += (local == u.unsafe_pkg) ? "Pointer" : "unsafe.Pointer";
        } else {
          out += BasicName(t.basic);
        }
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
        out += '[';
        out += t.len < 0 && style != Style::kGoTypes ? std::string("unknown") : std::to_string(t.len);
        out += ']';
        Print(t.elem);
        break;
      case TypeKind::kMap:
        out += "map[";
        Print(t.key);
        out += ']';
        Print(t.elem);
        break;
      case TypeKind::kChan: {
        bool paren = false;
        if (t.dir == ChanDir::kSend) {
          out += "chan<- ";
        } else if (t.dir == ChanDir::kRecv) {
          out += "<-chan ";
        } else {
          out += "chan ";
          const Type& e = u.Get(t.elem);
          paren = e.kind == TypeKind::kChan && e.dir == ChanDir::kRecv;
        }
        if (paren) out += '(';
        Print(t.elem);
        if (paren) out += ')';
        break;
      }
      case TypeKind::kSignature:
        out += "func";
        if (!t.type_params.empty() && !gc()) TypeParams(t.type_params);
        Signature(t);
        break;
      case TypeKind::kStruct:
        if (gc()) {
          out += "struct {";
        } else {
          out += "struct{";
        }
        for (size_t i = 0; i < t.fields.size(); ++i) {
          if (i > 0) out += ';';
          if (gc() || i > 0) out += ' ';
          const Object& f = u.Obj(t.fields[i]);
          if (!f.embedded) {
            MemberName(f);
            out += ' ';
          } else if (style == Style::kLink && EmbeddedRenamed(f)) {
            // types.fldconv: an embedded field whose name is not its type's symbol (an
            // instantiated type, whose symbol carries its type arguments; an alias) is written
            // `name = type`.
            MemberName(f);
            out += " = ";
          }
          Print(f.type);
          if (i < t.tags.size() && !t.tags[i].empty()) {
            out += ' ';
            out += style == Style::kGoTypes ? OracleQuote(t.tags[i]) : Quote(t.tags[i]);
          }
        }
        if (gc() && !t.fields.empty()) out += ' ';
        out += '}';
        break;
      case TypeKind::kInterface: {
        if (gc()) {
          const Type& it = CompleteInterface(u, id);
          if (it.all_methods.empty()) {
            out += "interface {}";
            break;
          }
          out += "interface {";
          for (size_t i = 0; i < it.all_methods.size(); ++i) {
            if (i > 0) out += ';';
            out += ' ';
            const Object& m = u.Obj(it.all_methods[i]);
            MemberName(m);
            Signature(u.Get(m.type));
          }
          out += " }";
          break;
        }
        if (style == Style::kGoTypes && t.implicit && t.methods.empty() &&
            t.embeddeds.size() == 1) {
          Print(t.embeddeds[0]);  // a constraint written without interface{}
          break;
        }
        std::vector<ObjId> methods = t.methods;
        if (style == Style::kGoTypes) {
          std::sort(methods.begin(), methods.end(),
                    [&](ObjId a, ObjId b) { return u.Obj(a).name < u.Obj(b).name; });
        }
        out += "interface{";
        bool first = true;
        for (ObjId m : methods) {
          if (!first) out += "; ";
          first = false;
          const Object& mo = u.Obj(m);
          out += mo.name;
          Signature(u.Get(mo.type));
        }
        for (TypeId e : t.embeddeds) {
          if (!first) out += "; ";
          first = false;
          Print(e);
        }
        if (style == Style::kTypes2 && t.embeddeds.empty() && t.methods.empty() && t.is_comparable) {
          out += "comparable";
        }
        out += '}';
        break;
      }
      case TypeKind::kNamed:
        if (t.obj.has_value()) {
          Qualified(t.obj);
        } else {
          out += "?";
        }
        if (!t.targs.empty() && style == Style::kGc) {
          // gc names an instance by its symbol, whose type arguments are link strings
          // (`G[uint8]`, `G[p.L]`).
          out += '[';
          for (size_t i = 0; i < t.targs.size(); ++i) {
            if (i > 0) out += ',';
            out += LinkString(u, t.targs[i]);
          }
          out += ']';
        } else if (!t.targs.empty()) {
          TypeList(t.targs);
        } else if (style == Style::kGoTypes && !t.named_tparams.empty()) {
          TypeParams(t.named_tparams);
        }
        break;
      case TypeKind::kTypeParam:
        out += t.obj.has_value() ? u.Obj(t.obj).name : std::string("?");
        break;
      case TypeKind::kTuple:
        Tuple(id, false, !gc());
        break;
      case TypeKind::kUnion:
        for (size_t i = 0; i < t.terms.size(); ++i) {
          if (i > 0) out += " | ";
          if (t.terms[i].tilde) out += '~';
          Print(t.terms[i].type);
        }
        break;
    }
    if (style == Style::kGc || style == Style::kLink) visited.erase(id.index());
    --depth;
  }
};

}  // namespace

std::string TypeString(const Universe& u, TypeId t, PkgId local) {
  Printer p{u, local, Style::kGc, {}};
  p.Print(t);
  return p.out;
}

std::string TypeStringGoTypes(const Universe& u, TypeId t) {
  Printer p{u, PkgId(), Style::kGoTypes, {}};
  p.Print(t);
  return p.out;
}

std::string LinkString(const Universe& u, TypeId t) {
  Printer p{u, PkgId(), Style::kLink, {}};
  p.Print(t);
  return p.out;
}

// types2's TypeString with the package-name qualifier, for error messages.
std::string TypeStringTypes2(const Universe& u, TypeId t, PkgId local) {
  Printer p{u, local, Style::kTypes2, {}};
  p.Print(t);
  return p.out;
}

std::string ConstantString(const Universe& u, ConstId c, TypeId t, PkgId local) {
  const Constant& v = u.constants.Get(c);
  std::string s;
  using K = Constant::Kind;
  BasicKind bk = t.has_value() ? BasicOf(u, t) : BasicKind::kInvalid;
  switch (v.kind) {
    case K::kBool: s = v.b ? "true" : "false"; break;
    case K::kString: {
      // go/constant stringVal.String: quoted, shortened to 69 runes and "..." past 72 runes.
      s = Quote(v.s);
      constexpr size_t kMaxLen = 72;
      auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
      size_t runes = 0;
      for (char c : s) runes += is_lead(c) ? 1 : 0;
      if (runes > kMaxLen) {
        size_t i = 0, n = 0;
        while (i < s.size()) {
          if (is_lead(s[i]) && n++ == kMaxLen - 3) break;
          ++i;
        }
        s = s.substr(0, i) + "...";
      }
      break;
    }
    case K::kInt:
      if ((bk == BasicKind::kInt32 && t == u.rune_type) || bk == BasicKind::kUntypedRune) {
        int64_t r = 0;
        if (constant::Int64Val(v, &r) && r >= 0 && r <= 0x10FFFF && !(r >= 0xD800 && r <= 0xDFFF)) {
          // Go's %q of a rune: 'x' for printable runes.
          if (r >= 0x20 && r < 0x7F && r != '\'' && r != '\\') {
            s = "'" + std::string(1, static_cast<char>(r)) + "'";
          } else {
            s = constant::String(v);
          }
          return s;  // gc prints rune constants bare
        }
      }
      s = constant::String(v);
      break;
    case K::kFloat:
    case K::kComplex: s = constant::String(v); break;
    default: s = "unknown"; break;
  }
  // ir/fmt.go: the type is shown unless it is the constant kind's default type (bool, string,
  // int, float64, complex128) or an untyped type: `uint(0)`, `float32(2.5)`, `byte(3)`, `MyInt(3)`.
  if (t.has_value()) {
    const Type& tt = u.Get(t);
    bool bare = tt.kind != TypeKind::kNamed && tt.kind != TypeKind::kBasic;
    if (tt.kind == TypeKind::kBasic) {
      switch (tt.basic) {
        case BasicKind::kBool: case BasicKind::kString: case BasicKind::kInt:
        case BasicKind::kFloat64: case BasicKind::kComplex128: case BasicKind::kUntypedBool:
        case BasicKind::kUntypedInt: case BasicKind::kUntypedRune: case BasicKind::kUntypedFloat:
        case BasicKind::kUntypedComplex: case BasicKind::kUntypedString: case BasicKind::kUntypedNil:
        case BasicKind::kInvalid:
          bare = true;
          break;
        default:
          break;
      }
    }
    if (!bare) return TypeString(u, t, local) + "(" + s + ")";
  }
  return s;
}

// ---- expressions (types2 ExprString, short form)

namespace {

void WriteExpr(const syntax::Ast& ast, NodeId id, std::string* out, int depth);

void WriteList(const syntax::Ast& ast, IdSpan<NodeId> list, std::string* out, int depth) {
  for (uint32_t i = 0; i < list.size(); ++i) {
    if (i > 0) *out += ", ";
    WriteExpr(ast, ast.At(list, i), out, depth);
  }
}

void WriteFields(const syntax::Ast& ast, IdSpan<NodeId> list, std::string* out, int depth,
                 const char* sep) {
  NodeId prev_type;
  for (uint32_t i = 0; i < list.size(); ++i) {
    const Node& f = ast[ast.At(list, i)];
    bool last_of_group =
        i + 1 == list.size() || ast[ast.At(list, i + 1)].y != f.y || !f.x.has_value();
    if (i > 0) *out += (prev_type == f.y && f.x.has_value()) ? ", " : sep;
    if (f.x.has_value()) {
      *out += ast[f.x].text;
      if (last_of_group) *out += ' ';
    }
    if (last_of_group || !f.x.has_value()) WriteExpr(ast, f.y, out, depth);
    prev_type = f.y;
  }
}

void WriteExpr(const syntax::Ast& ast, NodeId id, std::string* out, int depth) {
  if (!id.has_value()) return;
  if (depth > 50 || out->size() > 2000) {
    *out += "…";
    return;
  }
  ++depth;
  const Node& n = ast[id];
  switch (n.kind) {
    case NodeKind::kName:
    case NodeKind::kBasicLit: *out += n.text; break;
    case NodeKind::kCompositeLit:
      WriteExpr(ast, n.x, out, depth);
      *out += n.list.size() > 0 ? "{…}" : "{}";
      break;
    case NodeKind::kKeyValue:
      WriteExpr(ast, n.x, out, depth);
      *out += ": ";
      WriteExpr(ast, n.y, out, depth);
      break;
    case NodeKind::kFuncLit:
      WriteExpr(ast, n.x, out, depth);
      *out += " {…}";
      break;
    case NodeKind::kParen:
      *out += '(';
      WriteExpr(ast, n.x, out, depth);
      *out += ')';
      break;
    case NodeKind::kSelector:
      WriteExpr(ast, n.x, out, depth);
      *out += '.';
      WriteExpr(ast, n.y, out, depth);
      break;
    case NodeKind::kIndex:
      WriteExpr(ast, n.x, out, depth);
      *out += '[';
      WriteList(ast, n.list, out, depth);
      *out += ']';
      break;
    case NodeKind::kSlice:
      WriteExpr(ast, n.x, out, depth);
      *out += '[';
      WriteExpr(ast, n.y, out, depth);
      *out += ':';
      WriteExpr(ast, n.z, out, depth);
      if (n.flags & syntax::kFlagFull) {
        *out += ':';
        WriteExpr(ast, n.w, out, depth);
      }
      *out += ']';
      break;
    case NodeKind::kTypeAssert:
      WriteExpr(ast, n.x, out, depth);
      *out += ".(";
      if (n.y.has_value()) {
        WriteExpr(ast, n.y, out, depth);
      } else {
        *out += "type";
      }
      *out += ')';
      break;
    case NodeKind::kCall:
      WriteExpr(ast, n.x, out, depth);
      *out += '(';
      WriteList(ast, n.list, out, depth);
      if (n.flags & syntax::kFlagHasDots) *out += "...";
      *out += ')';
      break;
    case NodeKind::kUnary:
      *out += syntax::TokenString(n.op);
      WriteExpr(ast, n.x, out, depth);
      break;
    case NodeKind::kBinary:
      WriteExpr(ast, n.x, out, depth);
      *out += ' ';
      *out += syntax::TokenString(n.op);
      *out += ' ';
      WriteExpr(ast, n.y, out, depth);
      break;
    case NodeKind::kArrayType:
      *out += '[';
      if (n.x.has_value()) {
        WriteExpr(ast, n.x, out, depth);
      } else {
        *out += "...";
      }
      *out += ']';
      WriteExpr(ast, n.y, out, depth);
      break;
    case NodeKind::kSliceType:
      *out += "[]";
      WriteExpr(ast, n.y, out, depth);
      break;
    case NodeKind::kDotsType:
      *out += "...";
      WriteExpr(ast, n.x, out, depth);
      break;
    case NodeKind::kStructType:
      *out += "struct{";
      WriteFields(ast, n.list, out, depth, "; ");
      *out += '}';
      break;
    case NodeKind::kFuncType:
      *out += "func(";
      WriteFields(ast, n.list, out, depth, ", ");
      *out += ')';
      if (n.list2.size() > 0) {
        *out += ' ';
        const Node& r0 = ast[ast.At(n.list2, 0)];
        if (n.list2.size() == 1 && !r0.x.has_value()) {
          WriteExpr(ast, r0.y, out, depth);
        } else {
          *out += '(';
          WriteFields(ast, n.list2, out, depth, ", ");
          *out += ')';
        }
      }
      break;
    case NodeKind::kInterfaceType:
      *out += "interface{";
      for (uint32_t i = 0; i < n.list.size(); ++i) {
        if (i > 0) *out += "; ";
        const Node& f = ast[ast.At(n.list, i)];
        if (f.x.has_value()) {
          *out += ast[f.x].text;
          std::string sig;
          WriteExpr(ast, f.y, &sig, depth);
          if (sig.rfind("func", 0) == 0) sig = sig.substr(4);
          *out += sig;
        } else {
          WriteExpr(ast, f.y, out, depth);
        }
      }
      *out += '}';
      break;
    case NodeKind::kMapType:
      *out += "map[";
      WriteExpr(ast, n.x, out, depth);
      *out += ']';
      WriteExpr(ast, n.y, out, depth);
      break;
    case NodeKind::kChanType:
      if (n.flags & syntax::kFlagChanRecv) {
        *out += "<-chan ";
      } else if (n.flags & syntax::kFlagChanSend) {
        *out += "chan<- ";
      } else {
        *out += "chan ";
      }
      WriteExpr(ast, n.x, out, depth);
      break;
    default: *out += "?"; break;
  }
}

}  // namespace

std::string Checker::ExprString(NodeId n) const {
  std::string out;
  WriteExpr(ast_, n, &out, 0);
  return out;
}

}  // namespace escapist::types
