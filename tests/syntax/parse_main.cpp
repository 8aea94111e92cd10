// tests/syntax/parse_main.cpp -- escapist-parse: parses Go files with escapist's parser and prints
// their syntax errors as `file:line:col: msg` (exit status 1 if there were any).
//
// Usage: escapist-parse [-dump] [-q] [-time] [-list FILE] FILE...
//   -dump   print the syntax tree of each file (DumpFile)
//   -strings print ExprString of the expressions of each file (declaration and statement level)
//   -q      do not print errors, only count them
//   -time   print the number of files, errors and the parse time to stderr
//   -list F read more file names from F, one per line
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/dump.h"
#include "syntax/parse.h"

using namespace escapist;
using syntax::Ast;
using syntax::Node;
using syntax::NodeId;
using syntax::NodeKind;

namespace {

// Prints ExprString of the top-level expressions of declarations and statements, in source order
// (the same walk as the Go reference tool's -strings mode).
class StringWalker {
 public:
  explicit StringWalker(const Ast& ast) : ast_(ast) {}
  std::string out;

  void Decls(IdSpan<NodeId> list) {
    for (uint32_t i = 0; i < list.count; i++) Decl(ast_.At(list, i));
  }

 private:
  void P(NodeId x) {
    if (x) out += syntax::ExprString(ast_, x) + "\n";
  }
  void PL(IdSpan<NodeId> l) {
    for (uint32_t i = 0; i < l.count; i++) P(ast_.At(l, i));
  }
  void Decl(NodeId id) {
    const Node& d = ast_[id];
    switch (d.kind) {
      case NodeKind::kConstSpec:
      case NodeKind::kVarSpec:
        P(d.x);
        PL(d.list2);
        break;
      case NodeKind::kTypeSpec:
        P(d.y);
        break;
      case NodeKind::kFuncDecl: {
        if (d.x) P(ast_[d.x].y);
        const Node& t = ast_[d.z];
        for (uint32_t i = 0; i < t.list.count; i++) P(ast_[ast_.At(t.list, i)].y);
        for (uint32_t i = 0; i < t.list2.count; i++) P(ast_[ast_.At(t.list2, i)].y);
        if (d.w) Stmts(ast_[d.w].list);
        break;
      }
      default:
        break;
    }
  }
  void Stmts(IdSpan<NodeId> l) {
    for (uint32_t i = 0; i < l.count; i++) Stmt(ast_.At(l, i));
  }
  void Stmt(NodeId id) {
    if (!id) return;
    const Node& s = ast_[id];
    switch (s.kind) {
      case NodeKind::kExprStmt:
        P(s.x);
        break;
      case NodeKind::kAssign:
        PL(s.list);
        PL(s.list2);
        break;
      case NodeKind::kSendStmt:
        P(s.x);
        P(s.y);
        break;
      case NodeKind::kReturnStmt:
        PL(s.list);
        break;
      case NodeKind::kGoStmt:
      case NodeKind::kDeferStmt:
        P(s.x);
        break;
      case NodeKind::kDeclStmt:
        Decls(s.list);
        break;
      case NodeKind::kLabeledStmt:
        Stmt(s.y);
        break;
      case NodeKind::kBlock:
        Stmts(s.list);
        break;
      case NodeKind::kIfStmt:
        Stmt(s.x);
        P(s.y);
        if (s.z) Stmts(ast_[s.z].list);
        Stmt(s.w);
        break;
      case NodeKind::kForStmt:
        Stmt(s.x);
        P(s.y);
        Stmt(s.z);
        if (s.w) Stmts(ast_[s.w].list);
        break;
      case NodeKind::kRangeStmt:
        PL(s.list);
        P(s.x);
        if (s.w) Stmts(ast_[s.w].list);
        break;
      case NodeKind::kSwitchStmt:
        Stmt(s.x);
        P(s.y);
        for (uint32_t i = 0; i < s.list.count; i++) {
          const Node& cc = ast_[ast_.At(s.list, i)];
          PL(cc.list);
          Stmts(cc.list2);
        }
        break;
      case NodeKind::kSelectStmt:
        for (uint32_t i = 0; i < s.list.count; i++) {
          const Node& cc = ast_[ast_.At(s.list, i)];
          Stmt(cc.x);
          Stmts(cc.list2);
        }
        break;
      default:
        break;
    }
  }

  const Ast& ast_;
};

}  // namespace

int main(int argc, char** argv) {
  bool dump = false, quiet = false, timing = false, strings = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "-dump") {
      dump = true;
    } else if (a == "-strings") {
      strings = true;
    } else if (a == "-q") {
      quiet = true;
    } else if (a == "-time") {
      timing = true;
    } else if (a == "-list" && i + 1 < argc) {
      std::ifstream in(argv[++i]);
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) files.push_back(line);
      }
    } else {
      files.push_back(a);
    }
  }

  // Read everything first so that -time measures parsing only.
  SourceSet sources;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "escapist-parse: cannot open %s\n", f.c_str());
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    sources.Add(SourceFile{f, f, ss.str()});
  }

  size_t bytes = 0;
  int total_errors = 0, files_with_errors = 0;
  std::chrono::duration<double> elapsed{0};
  for (uint32_t i = 0; i < sources.size(); i++) {
    syntax::Ast ast;
    DiagnosticSink diags;
    auto t0 = std::chrono::steady_clock::now();
    syntax::NodeId file = syntax::ParseFile(sources, i, ast, diags);
    elapsed += std::chrono::steady_clock::now() - t0;
    bytes += sources.Get(i).text.size();
    // gc reports the late errors (directives misplaced on declarations) only if nothing else
    // failed.
    if (diags.error_count() == 0) {
      for (const syntax::FileInfo::LateError& e : ast.files[0].late_errors)
        diags.Error(e.pos, e.text);
    }
    if (diags.error_count() > 0) files_with_errors++;
    total_errors += diags.error_count();
    if (!quiet) {
      for (const Diagnostic& d : diags.diags()) {
        std::printf("%s: %s\n", sources.Format(d.pos).c_str(), d.text.c_str());
      }
    }
    if (strings && ast[file].x) {
      StringWalker w(ast);
      w.Decls(ast[file].list);
      std::fputs(w.out.c_str(), stdout);
    }
    if (dump) std::fputs(syntax::DumpFile(ast, file).c_str(), stdout);
  }
  if (timing) {
    std::fprintf(stderr, "%zu files, %zu bytes, %d errors in %d files, %.3f s parse time\n",
                 sources.size(), bytes, total_errors, files_with_errors, elapsed.count());
  }
  return total_errors > 0 ? 1 : 0;
}
