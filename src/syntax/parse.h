// syntax/parse.h -- turning Go source files into syntax trees.
//
// The scanner and parser follow cmd/compile/internal/syntax: the complete Go 1.27 grammar
// (generics, generic methods, range-over-func), automatic semicolons, gc's node positions, and
// gc's syntax error texts (`syntax error: unexpected newline, expected comma or )` ...). Errors
// recover: each syntax error goes to the sink, its subtree becomes a Bad node, and parsing goes
// on, so the user sees every error in one pass (gc stops after 10; the driver limits output).
#pragma once

#include "base/source.h"
#include "diag/diag.h"
#include "syntax/ast.h"

namespace escapist::syntax {

// Parses the file `sources.Get(file_index)` into `ast` (appending nodes and one FileInfo).
// Returns the File node. Never fails: errors go to `diags` as `syntax error: ...` (gc's texts).
NodeId ParseFile(const SourceSet& sources, uint32_t file_index, Ast& ast, DiagnosticSink& diags);

// Parses only the package clause and imports (for package loading): returns the package name
// and fills `imports` with the import paths (unquoted). Errors go to `diags`.
std::string_view ParsePackageClause(const SourceSet& sources, uint32_t file_index,
                                    std::vector<std::string>* imports, DiagnosticSink& diags);

// Decodes a Go string or rune literal's raw text (with quotes) into its value (UTF-8 bytes);
// returns false if it is malformed.
bool UnquoteLiteral(std::string_view raw, std::string* out);

}  // namespace escapist::syntax
