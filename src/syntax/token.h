// syntax/token.h -- Go tokens, as cmd/compile/internal/syntax/tokens.go names them.
#pragma once

#include <cstdint>

namespace escapist::syntax {

enum class Token : uint8_t {
  kNone,
  kEOF,
  // names and literals
  kName,
  kInt,
  kFloat,
  kImag,
  kChar,
  kString,
  // operators (binary precedence in OperatorPrecedence)
  kAdd,     // +
  kSub,     // -
  kMul,     // *
  kDiv,     // /
  kRem,     // %
  kAnd,     // &
  kOr,      // |
  kXor,     // ^
  kShl,     // <<
  kShr,     // >>
  kAndNot,  // &^
  kAndAnd,  // &&
  kOrOr,    // ||
  kArrow,   // <-
  kInc,     // ++
  kDec,     // --
  kEql,     // ==
  kLss,     // <
  kGtr,     // >
  kNot,     // !
  kNeq,     // !=
  kLeq,     // <=
  kGeq,     // >=
  kTilde,   // ~
  kAssign,  // =
  kDefine,  // :=
  kOpAssign,  // op= (the operator is carried separately by the scanner)
  kLparen,
  kLbrack,
  kLbrace,
  kRparen,
  kRbrack,
  kRbrace,
  kComma,
  kSemi,
  kColon,
  kDot,
  kDotDotDot,
  // keywords
  kBreak,
  kCase,
  kChan,
  kConst,
  kContinue,
  kDefault,
  kDefer,
  kElse,
  kFallthrough,
  kFor,
  kFunc,
  kGo,
  kGoto,
  kIf,
  kImport,
  kInterface,
  kMap,
  kPackage,
  kRange,
  kReturn,
  kSelect,
  kStruct,
  kSwitch,
  kType,
  kVar,
};

// The token's source spelling ("+", "func", ...) or a description ("name", "literal").
const char* TokenString(Token tok);

// Binary operator precedence as in the Go spec (5 highest: * / % << >> & &^; 1 lowest: ||);
// 0 for tokens that are not binary operators.
int OperatorPrecedence(Token tok);

}  // namespace escapist::syntax
