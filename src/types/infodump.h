// types/infodump.h -- a text dump of a checked package's Info (types of expressions, objects of
// identifiers) in the line format of tests/oracle/main.go, which prints the same from go/types, so
// that the two can be compared entry by entry (tests/oracle/compare.py).
//
// Example lines (fields separated by TABs):
//   T  strings.go:123:11  constant  untyped int  1
//   D  strings.go:40:6    Count     func  strings  func(s string, substr string) int
//   U  strings.go:41:9    len       builtin  -  -
#pragma once

#include <string>

#include "base/source.h"
#include "syntax/ast.h"
#include "types/types.h"

namespace escapist::types {

// Returns the dump of package `pkg`'s Info: one line per entry of Info.types ("T POS MODE TYPE
// [VALUE]"), Info.defs and Info.uses ("D|U POS NAME KIND PKG TYPE"), plus the field Var of each
// embedded struct field as a "D" entry of the identifier naming it (go/types records it in Defs).
// Lines are in node order; the format is documented in tests/oracle/main.go.
std::string DumpInfo(const Universe& u, const SourceSet& sources, PkgId pkg);

// The type `t` spelled as tests/oracle/main.go spells it: go/types TypeString with a qualifier
// returning the package path (aliases other than `any` are their targets here anyway).
std::string OracleTypeString(const Universe& u, TypeId t);

// A string constant or struct tag as tests/oracle/main.go quotes it: printable ASCII as is, other
// bytes and '"', '\\' as \xNN.
std::string OracleQuote(std::string_view s);

// The position where expression `n` starts, as go/ast's Node.Pos: the leftmost token (syntax
// nodes are at their operator: a call at `(`, a selector at `.`, a binary expression at its
// operator).
Pos ExprStart(const syntax::Ast& ast, syntax::NodeId n);

}  // namespace escapist::types
