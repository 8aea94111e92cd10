// syntax/dump.h -- printing syntax trees: a one-node-per-line tree dump for tests and debugging,
// gc's short source form of expressions (for error messages), and gc's StartPos.
#pragma once

#include <string>

#include "syntax/ast.h"

namespace escapist::syntax {

// Dumps the tree under `root` (usually a File node), one node per line:
//   <indent><slot>: <Kind> <line>:<col> [pos2=<line>:<col>] [op=<tok>] [flags=<names>]
//   [aux=<n>] ["<text>"]
// Children are printed in slot order x, y, z, w, list[i], list2[i]; a ConstSpec's z (a reference
// to an earlier spec) is printed as `z -> ConstSpec <line>:<col>` without descending.
std::string DumpFile(const Ast& ast, NodeId root);

// Prints an expression, type or simple statement as gc's syntax.String does (ShortForm: function
// bodies and composite literal elements elided as `{…}`), e.g. for "cannot use x := 1 as value".
std::string ExprString(const Ast& ast, NodeId node);

// Returns the start position of a node (its leftmost token), mirroring gc's syntax.StartPos.
Pos StartPos(const Ast& ast, NodeId node);

}  // namespace escapist::syntax
