// syntax/dump.cpp -- the tree dumper, gc's short-form expression printer and StartPos.
#include "syntax/dump.h"

#include <cstdio>

namespace escapist::syntax {

namespace {

void AppendPos(std::string* out, Pos p) {
  *out += std::to_string(p.line);
  *out += ':';
  *out += std::to_string(p.col);
}

const char* OpName(Token op) {
  switch (op) {
    case Token::kInt:
      return "INT";
    case Token::kFloat:
      return "FLOAT";
    case Token::kImag:
      return "IMAG";
    case Token::kChar:
      return "CHAR";
    case Token::kString:
      return "STRING";
    default:
      return TokenString(op);
  }
}

void AppendFlags(std::string* out, uint16_t flags) {
  static const char* const kNames[] = {"HasDots", "Full",     "Embedded", "Alias",        "Default",
                                       "IncDec",  "ChanSend", "ChanRecv", "ImplicitType", "Tilde"};
  bool first = true;
  for (int i = 0; i < 16; i++) {
    if (!(flags & (1u << i))) continue;
    if (!first) *out += ',';
    first = false;
    *out += i < 10 ? kNames[i] : std::to_string(1u << i).c_str();
  }
}

void AppendQuoted(std::string* out, std::string_view text) {
  *out += '"';
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += ch;
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      *out += buf;
    } else {
      *out += ch;
    }
  }
  *out += '"';
}

void DumpNode(const Ast& ast, NodeId id, const std::string& label, int depth, std::string* out) {
  out->append(static_cast<size_t>(depth) * 2, ' ');
  if (!label.empty()) {
    *out += label;
    *out += ": ";
  }
  const Node& n = ast[id];
  *out += NodeKindName(n.kind);
  *out += ' ';
  AppendPos(out, n.pos);
  if (n.pos2.known()) {
    *out += " pos2=";
    AppendPos(out, n.pos2);
  }
  if (n.op != Token::kNone) {
    *out += " op=";
    *out += OpName(n.op);
  }
  if (n.flags != 0) {
    *out += " flags=";
    AppendFlags(out, n.flags);
  }
  if (n.aux != 0) {
    *out += " aux=";
    *out += std::to_string(n.aux);
  }
  if (!n.text.empty()) {
    *out += ' ';
    AppendQuoted(out, n.text);
  }
  *out += '\n';

  auto child = [&](NodeId c, const char* slot) {
    if (c) DumpNode(ast, c, slot, depth + 1, out);
  };
  child(n.x, "x");
  child(n.y, "y");
  if (n.kind == NodeKind::kConstSpec && n.z) {
    out->append(static_cast<size_t>(depth + 1) * 2, ' ');
    *out += "z -> ";
    *out += NodeKindName(ast[n.z].kind);
    *out += ' ';
    AppendPos(out, ast[n.z].pos);
    *out += '\n';
  } else {
    child(n.z, "z");
  }
  child(n.w, "w");
  for (uint32_t i = 0; i < n.list.count; i++) {
    DumpNode(ast, ast.At(n.list, i), "list[" + std::to_string(i) + "]", depth + 1, out);
  }
  for (uint32_t i = 0; i < n.list2.count; i++) {
    DumpNode(ast, ast.At(n.list2, i), "list2[" + std::to_string(i) + "]", depth + 1, out);
  }
}

// A printer producing gc's printer.go output in ShortForm for expressions, types and simple
// statements: blanks where gc prints `blank` (newlines become blanks), `…` for bodies.
class ShortPrinter {
 public:
  explicit ShortPrinter(const Ast& ast) : ast_(ast) {}
  std::string Take() { return std::move(out_); }

  void Print(NodeId id);

 private:
  const Node& N(NodeId id) const { return ast_[id]; }
  void Blank() {
    if (!out_.empty() && out_.back() != ' ') out_ += ' ';
  }
  void List(IdSpan<NodeId> list) {
    for (uint32_t i = 0; i < list.count; i++) {
      if (i > 0) out_ += ", ";
      Print(ast_.At(list, i));
    }
  }
  void ParameterList(IdSpan<NodeId> list, bool brackets);
  void Signature(const Node& sig);
  void FieldList(IdSpan<NodeId> fields);
  bool IsTypeElem(NodeId x) const;
  bool CombinesWithName(NodeId x) const;

  const Ast& ast_;
  std::string out_;
};

bool ShortPrinter::IsTypeElem(NodeId x) const {
  if (!x) return false;
  const Node& n = N(x);
  switch (n.kind) {
    case NodeKind::kArrayType:
    case NodeKind::kStructType:
    case NodeKind::kFuncType:
    case NodeKind::kInterfaceType:
    case NodeKind::kSliceType:
    case NodeKind::kMapType:
    case NodeKind::kChanType:
      return true;
    case NodeKind::kBinary:
      return IsTypeElem(n.x) || IsTypeElem(n.y);
    case NodeKind::kUnary:
      return IsTypeElem(n.x) || n.op == Token::kTilde;
    case NodeKind::kParen:
      return IsTypeElem(n.x);
    default:
      return false;
  }
}

bool ShortPrinter::CombinesWithName(NodeId x) const {
  const Node& n = N(x);
  switch (n.kind) {
    case NodeKind::kUnary:
      return n.op == Token::kMul && !IsTypeElem(n.x);
    case NodeKind::kBinary:
      return CombinesWithName(n.x) && !IsTypeElem(n.y);
    case NodeKind::kParen:
      return !IsTypeElem(n.x);
    default:
      return false;
  }
}

void ShortPrinter::ParameterList(IdSpan<NodeId> list, bool type_params) {
  out_ += type_params ? '[' : '(';
  for (uint32_t i = 0; i < list.count; i++) {
    if (i > 0) out_ += ", ";
    const Node& f = N(ast_.At(list, i));
    if (f.x) {
      Print(f.x);
      if (i + 1 < list.count) {
        const Node& f1 = N(ast_.At(list, i + 1));
        if (f1.x && f1.y == f.y) continue;  // no need to print type
      }
      Blank();
    }
    Print(f.y);
  }
  out_ += type_params ? ']' : ')';
}

void ShortPrinter::Signature(const Node& sig) {
  ParameterList(sig.list, false);
  if (sig.list2.count > 0) {
    Blank();
    const Node& r0 = N(ast_.At(sig.list2, 0));
    if (sig.list2.count == 1 && !r0.x) {
      Print(r0.y);
    } else {
      ParameterList(sig.list2, false);
    }
  }
}

// printFieldList for struct types: consecutive named fields sharing a type form one group.
void ShortPrinter::FieldList(IdSpan<NodeId> fields) {
  uint32_t i0 = 0;
  NodeId typ;
  auto print_group = [&](uint32_t i, uint32_t j) {
    const Node& fi = N(ast_.At(fields, i));
    if (i + 1 == j && !fi.x) {
      Print(fi.y);  // anonymous field
    } else {
      for (uint32_t k = i; k < j; k++) {
        if (k > i) out_ += ", ";
        Print(N(ast_.At(fields, k)).x);
      }
      Blank();
      Print(fi.y);
    }
    if (fi.z) {
      Blank();
      Print(fi.z);
    }
  };
  for (uint32_t i = 0; i < fields.count; i++) {
    const Node& f = N(ast_.At(fields, i));
    if (!f.x || f.y != typ) {
      if (i0 < i) {
        print_group(i0, i);
        out_ += "; ";
        i0 = i;
      }
      typ = f.y;
    }
  }
  print_group(i0, fields.count);
}

void ShortPrinter::Print(NodeId id) {
  if (!id) return;
  const Node& n = N(id);
  switch (n.kind) {
    case NodeKind::kBad:
      out_ += "<bad expr>";
      break;
    case NodeKind::kName:
    case NodeKind::kBasicLit:
      out_ += n.text;
      break;
    case NodeKind::kFuncLit:
      Print(n.x);
      Blank();
      out_ += '{';
      if (n.y && N(n.y).list.count > 0) out_ += "…";
      out_ += '}';
      break;
    case NodeKind::kCompositeLit:
      Print(n.x);
      out_ += '{';
      if (n.list.count > 0) out_ += "…";
      out_ += '}';
      break;
    case NodeKind::kParen:
      out_ += '(';
      Print(n.x);
      out_ += ')';
      break;
    case NodeKind::kSelector:
      Print(n.x);
      out_ += '.';
      Print(n.y);
      break;
    case NodeKind::kIndex:
      Print(n.x);
      out_ += '[';
      List(n.list);
      out_ += ']';
      break;
    case NodeKind::kSlice:
      Print(n.x);
      out_ += '[';
      Print(n.y);
      out_ += ':';
      Print(n.z);
      if (n.w) {
        out_ += ':';
        Print(n.w);
      }
      out_ += ']';
      break;
    case NodeKind::kTypeAssert:
      Print(n.x);
      out_ += ".(";
      if (n.y) {
        Print(n.y);
      } else {
        out_ += "type";
      }
      out_ += ')';
      break;
    case NodeKind::kTypeSwitchGuard:
      if (n.x) {
        Print(n.x);
        out_ += " := ";
      }
      Print(n.y);
      out_ += ".(type)";
      break;
    case NodeKind::kCall:
      Print(n.x);
      out_ += '(';
      List(n.list);
      if (n.flags & kFlagHasDots) out_ += "...";
      out_ += ')';
      break;
    case NodeKind::kUnary:
      out_ += TokenString(n.op);
      Print(n.x);
      break;
    case NodeKind::kBinary:
      Print(n.x);
      Blank();
      out_ += TokenString(n.op);
      Blank();
      Print(n.y);
      break;
    case NodeKind::kKeyValue:
      Print(n.x);
      out_ += ": ";
      Print(n.y);
      break;
    case NodeKind::kArrayType:
      out_ += '[';
      if (n.x) {
        Print(n.x);
      } else {
        out_ += "...";
      }
      out_ += ']';
      Print(n.y);
      break;
    case NodeKind::kSliceType:
      out_ += "[]";
      Print(n.y);
      break;
    case NodeKind::kDotsType:
      out_ += "...";
      Print(n.x);
      break;
    case NodeKind::kStructType:
      out_ += "struct{";
      if (n.list.count > 0) FieldList(n.list);
      out_ += '}';
      break;
    case NodeKind::kFuncType:
      out_ += "func";
      Signature(n);
      break;
    case NodeKind::kInterfaceType:
      out_ += "interface{";
      for (uint32_t i = 0; i < n.list.count; i++) {
        if (i > 0) out_ += "; ";
        const Node& m = N(ast_.At(n.list, i));
        if (m.x) {
          Print(m.x);
          if (m.y && N(m.y).kind == NodeKind::kFuncType) Signature(N(m.y));
        } else {
          Print(m.y);
        }
      }
      out_ += '}';
      break;
    case NodeKind::kMapType:
      out_ += "map[";
      Print(n.x);
      out_ += ']';
      Print(n.y);
      break;
    case NodeKind::kChanType: {
      if (n.flags & kFlagChanRecv) out_ += "<-";
      out_ += "chan";
      if (n.flags & kFlagChanSend) out_ += "<-";
      Blank();
      bool bidir = !(n.flags & (kFlagChanSend | kFlagChanRecv));
      if (bidir && n.x && N(n.x).kind == NodeKind::kChanType && (N(n.x).flags & kFlagChanRecv)) {
        // don't print chan (<-chan T) as chan <-chan T
        out_ += '(';
        Print(n.x);
        out_ += ')';
      } else {
        Print(n.x);
      }
      break;
    }
    case NodeKind::kField:
      if (n.x) {
        Print(n.x);
        Blank();
      }
      Print(n.y);
      break;

    // statements
    case NodeKind::kEmptyStmt:
      break;
    case NodeKind::kLabeledStmt:
      Print(n.x);
      out_ += ": ";
      Print(n.y);
      break;
    case NodeKind::kExprStmt:
      Print(n.x);
      break;
    case NodeKind::kSendStmt:
      Print(n.x);
      out_ += " <- ";
      Print(n.y);
      break;
    case NodeKind::kAssign:
      List(n.list);
      if (n.flags & kFlagIncDec) {
        out_ += TokenString(n.op);
        out_ += TokenString(n.op);
      } else {
        Blank();
        if (n.op != Token::kAssign && n.op != Token::kDefine) out_ += TokenString(n.op);
        out_ += n.op == Token::kDefine ? ":=" : "=";
        Blank();
        List(n.list2);
      }
      break;
    case NodeKind::kGoStmt:
    case NodeKind::kDeferStmt:
      out_ += n.kind == NodeKind::kGoStmt ? "go " : "defer ";
      Print(n.x);
      break;
    case NodeKind::kReturnStmt:
      out_ += "return";
      if (n.list.count > 0) {
        Blank();
        List(n.list);
      }
      break;
    case NodeKind::kBranchStmt:
      out_ += TokenString(n.op);
      if (n.x) {
        Blank();
        Print(n.x);
      }
      break;
    case NodeKind::kBlock:
      out_ += '{';
      if (n.list.count > 0) out_ += " … ";
      out_ += '}';
      break;
    case NodeKind::kRangeStmt:
      out_ += "for ";
      if (n.list.count > 0) {
        List(n.list);
        out_ += n.op == Token::kDefine ? " := " : " = ";
      }
      out_ += "range ";
      Print(n.x);
      Blank();
      Print(n.w);
      break;
    default:
      out_ += NodeKindName(n.kind);
      break;
  }
}

}  // namespace

std::string DumpFile(const Ast& ast, NodeId root) {
  std::string out;
  if (root) DumpNode(ast, root, "", 0, &out);
  return out;
}

std::string ExprString(const Ast& ast, NodeId node) {
  ShortPrinter p(ast);
  p.Print(node);
  return p.Take();
}

Pos StartPos(const Ast& ast, NodeId node) {
  for (NodeId m = node;;) {
    if (!m) return Pos();
    const Node& n = ast[m];
    switch (n.kind) {
      case NodeKind::kFile:
        return Pos{n.pos.file, 1, 1};
      case NodeKind::kCompositeLit:
        if (n.x) {
          m = n.x;
          continue;
        }
        return n.pos;
      case NodeKind::kKeyValue:
      case NodeKind::kSelector:
      case NodeKind::kIndex:
      case NodeKind::kTypeAssert:
      case NodeKind::kCall:
      case NodeKind::kSendStmt:
        m = n.x;
        break;
      case NodeKind::kTypeSwitchGuard:
        m = n.x ? n.x : n.y;
        break;
      case NodeKind::kBinary:
        m = n.x;
        break;
      case NodeKind::kAssign:
        if (n.list.count == 0) return n.pos;
        m = ast.At(n.list, 0);
        break;
      default:
        return n.pos;
    }
  }
}

}  // namespace escapist::syntax
