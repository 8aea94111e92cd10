// ir/fmt.cpp -- printing IR expressions as gc's -m output does (ir/fmt.go exprFmt with its
// OpPrec table and OpNames), for the EXPR of "EXPR escapes to heap" / "does not escape".
#include <string>

#include "ir/build.h"

namespace escapist::ir {

namespace {

using types::TypeKind;

// ir.OpPrec: 8 for operands and calls, 7..1 for operators, -1 for statements, and 0 for every
// op the table leaves out (OPTRLIT, OCLOSURE, OKEY, OSTRUCTKEY, OMAKEMAP, OMAKECHAN, ORECOVER,
// OCOMPLEX, OREAL, OIMAG, OTYPESW, ...), so that such a node in an operand position prints in
// parentheses: `(&t{...}).f`, `(func literal)(&x)`, `(make(map[int]int))[k]`.
int Prec(const Node& n) {
  switch (n.op) {
    case Op::kAppend: case Op::kBytes2Str: case Op::kArrayLit: case Op::kSliceLit:
    case Op::kRunes2Str: case Op::kCallFunc: case Op::kCallInter: case Op::kCap: case Op::kClear:
    case Op::kClose: case Op::kConvIface: case Op::kConvNop: case Op::kConv: case Op::kCopy:
    case Op::kDelete: case Op::kLen: case Op::kLiteral: case Op::kMakeSlice: case Op::kMapLit:
    case Op::kMax: case Op::kMin: case Op::kName: case Op::kNew: case Op::kNil: case Op::kPanic:
    case Op::kPrintln: case Op::kPrint: case Op::kRuneStr: case Op::kSlice2Arr:
    case Op::kSlice2ArrPtr: case Op::kStr2Bytes: case Op::kStr2Runes: case Op::kStructLit:
    case Op::kType: case Op::kUnsafeAdd: case Op::kUnsafeSlice: case Op::kUnsafeSliceData:
    case Op::kUnsafeString: case Op::kUnsafeStringData: case Op::kIndexMap: case Op::kIndex:
    case Op::kSlice: case Op::kSliceStr: case Op::kSliceArr: case Op::kSlice3:
    case Op::kSlice3Arr: case Op::kDotInter: case Op::kDotPtr: case Op::kDotType2:
    case Op::kDotType: case Op::kDot: case Op::kMethValue: case Op::kMethExpr:
      return 8;
    case Op::kUnary:
    case Op::kAddr:
    case Op::kDeref:
    case Op::kRecv:
      return 7;
    case Op::kBinary:
      switch (n.tok) {
        case syntax::Token::kMul: case syntax::Token::kDiv: case syntax::Token::kRem:
        case syntax::Token::kShl: case syntax::Token::kShr: case syntax::Token::kAnd:
        case syntax::Token::kAndNot:
          return 6;
        case syntax::Token::kAdd: case syntax::Token::kSub: case syntax::Token::kOr:
        case syntax::Token::kXor:
          return 5;
        default:
          return 4;  // comparisons
      }
    case Op::kSend:
      return 3;
    case Op::kAndAnd:
      return 2;
    case Op::kOrOr:
      return 1;
    case Op::kBlock: case Op::kDcl: case Op::kAs: case Op::kAsOp: case Op::kAs2:
    case Op::kAs2Func: case Op::kAs2DotType: case Op::kAs2MapR: case Op::kAs2Recv: case Op::kIf:
    case Op::kFor: case Op::kRange: case Op::kSwitch: case Op::kCase: case Op::kSelect:
    case Op::kReturn: case Op::kLabel: case Op::kGoto: case Op::kBreak: case Op::kContinue:
    case Op::kFallthrough: case Op::kGo: case Op::kDefer: case Op::kExprStmt: case Op::kEmpty:
      return -1;
    default:
      return 0;  // OADDSTR too: not in gc's table
  }
}

const char* TokText(syntax::Token t) { return syntax::TokenString(t); }

class Printer {
 public:
  Printer(const Program& prog, const types::Universe& u) : prog_(prog), u_(u) {}

  std::string Type(types::TypeId t) const {
    if (!t.has_value()) return "<T>";
    return types::TypeString(u_, t, prog_.pkg);
  }

  // gc prints `(T)(x)` for conversions to types without a symbol (pointers, slices, ...).
  bool HasSym(types::TypeId t) const {
    if (!t.has_value()) return false;
    TypeKind k = u_.Get(t).kind;
    if (k == TypeKind::kNamed || k == TypeKind::kBasic || k == TypeKind::kTypeParam) return true;
    return Type(t) == "any";
  }

  std::string Args(IdSpan<NodeId> list) {
    std::string s;
    for (uint32_t i = 0; i < list.count; ++i) {
      if (i) s += ", ";
      Fmt(prog_.At(list, i), 0, s);
    }
    return s;
  }

  std::string ObjName(types::ObjId o) const { return o.has_value() ? u_.Obj(o).name : "<nil>"; }

  // types.pkgqual in fmtGo mode (symfmt of a Name's Sym): the package name and a dot when the
  // object belongs to a package other than the one being compiled (an imported function or
  // global, or a local of an inlined or instantiated body from another package); nothing for
  // the local package, universe objects and compiler temporaries (no object). gc's NumImport,
  // which would print a quoted path for ambiguous names, is never filled in.
  std::string Qualifier(types::ObjId o) const {
    if (!o.has_value()) return "";
    types::PkgId p = u_.Obj(o).pkg;
    if (!p.has_value() || p == prog_.pkg || p.index() >= u_.packages.size()) return "";
    const std::string& name = u_.Pkg(p).name;
    return name.empty() ? "" : name + ".";
  }

  void Fmt(NodeId id, int prec, std::string& out) {
    for (;;) {
      if (!id.has_value()) {
        out += "<nil>";
        return;
      }
      const Node& n = prog_[id];
      bool skip = n.implicit && (n.op == Op::kAddr || n.op == Op::kDeref || n.op == Op::kConv ||
                                 n.op == Op::kConvNop || n.op == Op::kConvIface);
      if (!skip) break;
      id = n.x;
    }
    const Node& n = prog_[id];
    int nprec = Prec(n);
    if (n.op == Op::kType && n.type.has_value() && u_.Get(n.type).kind == TypeKind::kPointer) {
      nprec = 7;
    }
    if (nprec < 0) {
      // A statement: gc's stmtFmt, never the EXPR of an escape line.
      out += std::string("<stmt ") + (OpName(n.op) + 1) + ">";
      return;
    }
    if (prec > nprec) {
      out += "(";
      Fmt(id, 0, out);
      out += ")";
      return;
    }
    switch (n.op) {
      case Op::kNil:
        out += "nil";
        return;
      case Op::kLiteral:
        out += n.value.has_value() ? types::ConstantString(u_, n.value, n.type, prog_.pkg)
                                   : "<lit>";
        return;
      case Op::kName:
        if (n.var.has_value()) {
          const Var& v = prog_.vars.Get(n.var);
          out += Qualifier(v.obj) + v.name;
        } else if (n.obj.has_value()) {
          out += Qualifier(n.obj) + ObjName(n.obj);
        } else {
          out += "_";
        }
        return;
      case Op::kType:
        out += Type(n.type);
        return;
      case Op::kClosure:
        out += "func literal";
        return;
      case Op::kInlCall:
        // The result variables (gc prints Init and Body not at all).
        if (n.list2.count == 1) {
          Fmt(prog_.At(n.list2, 0), 0, out);
          return;
        }
        out += "(.";
        for (uint32_t i = 0; i < n.list2.count; ++i) {
          if (i > 0) out += "; ";
          Fmt(prog_.At(n.list2, i), 0, out);
        }
        out += ")";
        return;
      case Op::kPtrLit:
        out += "&";
        Fmt(n.x, 0, out);
        return;
      case Op::kStructLit:
      case Op::kArrayLit:
      case Op::kSliceLit:
      case Op::kMapLit:
        if (n.implicit) {
          out += "... argument";
          return;
        }
        out += Type(n.type) + (n.list.empty() ? "{}" : "{...}");
        return;
      case Op::kKey:
        if (n.x.has_value()) Fmt(n.x, 0, out);
        out += ":";
        if (n.y.has_value()) Fmt(n.y, 0, out);
        return;
      case Op::kStructKey:
        out += ObjName(n.obj) + ":";
        Fmt(n.x, 0, out);
        return;
      case Op::kDot:
      case Op::kDotPtr:
      case Op::kDotInter:
      case Op::kMethValue:
        Fmt(n.x, nprec, out);
        out += "." + ObjName(n.obj);
        return;
      case Op::kMethExpr: {
        types::TypeId recv;
        if (n.type.has_value() && u_.Get(n.type).kind == TypeKind::kSignature) {
          const types::Type& sig = u_.Get(n.type);
          if (sig.params.has_value() && !u_.Get(sig.params).vars.empty()) {
            recv = u_.Obj(u_.Get(sig.params).vars[0]).type;
          }
        }
        std::string ts = Type(recv);
        if (recv.has_value() && u_.Get(recv).kind == TypeKind::kPointer) ts = "(" + ts + ")";
        out += ts + "." + ObjName(n.obj);
        return;
      }
      case Op::kDotType:
      case Op::kDotType2:
        Fmt(n.x, nprec, out);
        out += ".(" + Type(n.type) + ")";
        return;
      case Op::kIndex:
      case Op::kIndexMap:
        Fmt(n.x, nprec, out);
        out += "[";
        Fmt(n.y, 0, out);
        out += "]";
        return;
      case Op::kSlice:
      case Op::kSliceArr:
      case Op::kSliceStr:
      case Op::kSlice3:
      case Op::kSlice3Arr:
        Fmt(n.x, nprec, out);
        out += "[";
        if (n.y.has_value()) Fmt(n.y, 0, out);
        out += ":";
        if (n.z.has_value()) Fmt(n.z, 0, out);
        if (n.op == Op::kSlice3 || n.op == Op::kSlice3Arr) {
          out += ":";
          if (n.w.has_value()) Fmt(n.w, 0, out);
        }
        out += "]";
        return;
      case Op::kComplex:
      case Op::kCopy:
      case Op::kUnsafeAdd:
      case Op::kUnsafeSlice: {
        const char* name = n.op == Op::kComplex   ? "complex"
                           : n.op == Op::kCopy    ? "copy"
                           : n.op == Op::kUnsafeAdd ? "unsafe.Add"
                                                    : "unsafe.Slice";
        out += std::string(name) + "(";
        Fmt(n.x, 0, out);
        out += ", ";
        Fmt(n.y, 0, out);
        out += ")";
        return;
      }
      case Op::kConv:
      case Op::kConvIface:
      case Op::kConvNop:
      case Op::kBytes2Str:
      case Op::kRunes2Str:
      case Op::kStr2Bytes:
      case Op::kStr2Runes:
      case Op::kRuneStr:
      case Op::kSlice2Arr:
      case Op::kSlice2ArrPtr:
        out += HasSym(n.type) ? Type(n.type) : "(" + Type(n.type) + ")";
        out += "(";
        Fmt(n.x, 0, out);
        out += ")";
        return;
      case Op::kReal: case Op::kImag: case Op::kCap: case Op::kClear: case Op::kClose:
      case Op::kLen: case Op::kPanic: {
        const char* name = n.op == Op::kReal    ? "real"
                           : n.op == Op::kImag  ? "imag"
                           : n.op == Op::kCap   ? "cap"
                           : n.op == Op::kClear ? "clear"
                           : n.op == Op::kClose ? "close"
                           : n.op == Op::kLen   ? "len"
                                                : "panic";
        out += std::string(name) + "(";
        Fmt(n.x, 0, out);
        out += ")";
        return;
      }
      case Op::kNew: {
        types::TypeId elem = n.type.has_value() ? u_.Get(n.type).elem : types::TypeId();
        // The operand of new(T) in a shaped body is an ODYNAMICTYPE node, which gc prints so.
        out += n.dynamic_type ? std::string("new(<node DYNAMICTYPE>)") : "new(" + Type(elem) + ")";
        return;
      }
      case Op::kAppend: case Op::kDelete: case Op::kMax: case Op::kMin: case Op::kRecover:
      case Op::kPrint: case Op::kPrintln: {
        const char* name = n.op == Op::kAppend    ? "append"
                           : n.op == Op::kDelete  ? "delete"
                           : n.op == Op::kMax     ? "max"
                           : n.op == Op::kMin     ? "min"
                           : n.op == Op::kRecover ? "recover"
                           : n.op == Op::kPrint   ? "print"
                                                  : "println";
        out += std::string(name) + "(";
        if (n.op == Op::kDelete) {
          Fmt(n.x, 0, out);
          out += ", ";
          Fmt(n.y, 0, out);
        } else {
          out += Args(n.list);
        }
        out += n.has_dots ? "...)" : ")";
        return;
      }
      case Op::kCallFunc:
      case Op::kCallInter:
        Fmt(n.x, nprec, out);
        out += "(" + Args(n.list) + (n.has_dots ? "...)" : ")");
        return;
      case Op::kMakeSlice:
      case Op::kMakeMap:
      case Op::kMakeChan:
        out += "make(" + Type(n.type);
        if (n.x.has_value()) {
          out += ", ";
          Fmt(n.x, 0, out);
        }
        if (n.y.has_value()) {
          out += ", ";
          Fmt(n.y, 0, out);
        }
        out += ")";
        return;
      case Op::kUnary:
      case Op::kRecv: {
        syntax::Token t = n.op == Op::kRecv ? syntax::Token::kArrow : n.tok;
        out += TokText(t);
        if (n.x.has_value()) {
          const Node& x = prog_[n.x];
          if (x.op == n.op && (n.op == Op::kRecv || x.tok == n.tok)) out += " ";
        }
        Fmt(n.x, nprec + 1, out);
        return;
      }
      case Op::kAddr:
        out += "&";
        if (n.x.has_value() && prog_[n.x].op == Op::kAddr) out += " ";
        Fmt(n.x, nprec + 1, out);
        return;
      case Op::kDeref:
        out += "*";
        Fmt(n.x, nprec + 1, out);
        return;
      case Op::kBinary:
      case Op::kAndAnd:
      case Op::kOrOr: {
        syntax::Token t = n.op == Op::kAndAnd  ? syntax::Token::kAndAnd
                          : n.op == Op::kOrOr ? syntax::Token::kOrOr
                                              : n.tok;
        Fmt(n.x, nprec, out);
        out += std::string(" ") + TokText(t) + " ";
        Fmt(n.y, nprec + 1, out);
        return;
      }
      case Op::kSend:
        Fmt(n.x, nprec, out);
        out += " <- ";
        Fmt(n.y, nprec + 1, out);
        return;
      case Op::kAddStr:
        for (uint32_t i = 0; i < n.list.count; ++i) {
          if (i) out += " + ";
          Fmt(prog_.At(n.list, i), nprec, out);
        }
        return;
      default: {
        std::string name = OpName(n.op);
        out += "<node " + name.substr(1) + ">";
        return;
      }
    }
  }

 private:
  const Program& prog_;
  const types::Universe& u_;
};

}  // namespace

std::string VarName(const Program& prog, const types::Universe& u, VarId v) {
  Printer p(prog, u);
  const Var& var = prog.vars.Get(v);
  return p.Qualifier(var.obj) + var.name;
}

std::string ExprString(const Program& prog, const types::Universe& u, NodeId n) {
  Printer p(prog, u);
  std::string out;
  p.Fmt(n, 0, out);
  return out;
}

}  // namespace escapist::ir
