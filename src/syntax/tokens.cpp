// syntax/tokens.cpp -- token spellings and binary operator precedences (gc's tokens.go).
#include "syntax/token.h"

namespace escapist::syntax {

const char* TokenString(Token tok) {
  switch (tok) {
    case Token::kNone: return "";
    case Token::kEOF: return "EOF";
    case Token::kName: return "name";
    case Token::kInt:
    case Token::kFloat:
    case Token::kImag:
    case Token::kChar:
    case Token::kString: return "literal";
    case Token::kAdd: return "+";
    case Token::kSub: return "-";
    case Token::kMul: return "*";
    case Token::kDiv: return "/";
    case Token::kRem: return "%";
    case Token::kAnd: return "&";
    case Token::kOr: return "|";
    case Token::kXor: return "^";
    case Token::kShl: return "<<";
    case Token::kShr: return ">>";
    case Token::kAndNot: return "&^";
    case Token::kAndAnd: return "&&";
    case Token::kOrOr: return "||";
    case Token::kArrow: return "<-";
    case Token::kInc: return "++";
    case Token::kDec: return "--";
    case Token::kEql: return "==";
    case Token::kLss: return "<";
    case Token::kGtr: return ">";
    case Token::kNot: return "!";
    case Token::kNeq: return "!=";
    case Token::kLeq: return "<=";
    case Token::kGeq: return ">=";
    case Token::kTilde: return "~";
    case Token::kAssign: return "=";
    case Token::kDefine: return ":=";
    case Token::kOpAssign: return "op=";
    case Token::kLparen: return "(";
    case Token::kLbrack: return "[";
    case Token::kLbrace: return "{";
    case Token::kRparen: return ")";
    case Token::kRbrack: return "]";
    case Token::kRbrace: return "}";
    case Token::kComma: return ",";
    case Token::kSemi: return ";";
    case Token::kColon: return ":";
    case Token::kDot: return ".";
    case Token::kDotDotDot: return "...";
    case Token::kBreak: return "break";
    case Token::kCase: return "case";
    case Token::kChan: return "chan";
    case Token::kConst: return "const";
    case Token::kContinue: return "continue";
    case Token::kDefault: return "default";
    case Token::kDefer: return "defer";
    case Token::kElse: return "else";
    case Token::kFallthrough: return "fallthrough";
    case Token::kFor: return "for";
    case Token::kFunc: return "func";
    case Token::kGo: return "go";
    case Token::kGoto: return "goto";
    case Token::kIf: return "if";
    case Token::kImport: return "import";
    case Token::kInterface: return "interface";
    case Token::kMap: return "map";
    case Token::kPackage: return "package";
    case Token::kRange: return "range";
    case Token::kReturn: return "return";
    case Token::kSelect: return "select";
    case Token::kStruct: return "struct";
    case Token::kSwitch: return "switch";
    case Token::kType: return "type";
    case Token::kVar: return "var";
  }
  return "?";
}

int OperatorPrecedence(Token tok) {
  switch (tok) {
    case Token::kOrOr: return 1;
    case Token::kAndAnd: return 2;
    case Token::kEql:
    case Token::kNeq:
    case Token::kLss:
    case Token::kLeq:
    case Token::kGtr:
    case Token::kGeq: return 3;
    case Token::kAdd:
    case Token::kSub:
    case Token::kOr:
    case Token::kXor: return 4;
    case Token::kMul:
    case Token::kDiv:
    case Token::kRem:
    case Token::kAnd:
    case Token::kAndNot:
    case Token::kShl:
    case Token::kShr: return 5;
    default: return 0;
  }
}

}  // namespace escapist::syntax
