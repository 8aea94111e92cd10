// tests/ir/ircheck_main.cpp -- escapist-ircheck FILE.go [GC_M_OUTPUT]: lowers one Go file and
// reports the functions lowered, Bad nodes and `unknown:` remarks; with gc's -m output (lines
// `path:L:C: message`), checks that for every "EXPR escapes to heap" / "EXPR does not escape"
// line some IR node at L:C prints as EXPR (parameter lines are recognized by name and position).
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "harness.h"

using namespace escapist;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: escapist-ircheck FILE.go [GC_M_OUTPUT]\n";
    return 2;
  }
  std::string text = irtest::ReadFile(argv[1]);
  auto l = irtest::LoadAndBuild(argv[1], text);
  const ir::Program& prog = l->prog;
  bool verbose = std::getenv("IRCHECK_VERBOSE") != nullptr;
  if (l->diags.error_count() > 0) {
    std::cout << "front-end errors: " << l->diags.error_count() << "\n"
              << irtest::FormatDiags(*l, l->diags);
  }
  for (const Diagnostic& d : l->build_diags.diags()) {
    std::cout << argv[1] << ":" << d.pos.line << ":" << d.pos.col << ": " << d.text << "\n";
  }
  // Nodes by position.
  std::map<std::pair<uint32_t, uint32_t>, std::vector<ir::NodeId>> at;
  int bad = 0;
  for (ir::FuncId f : prog.target_funcs) {
    for (ir::NodeId n : irtest::FuncNodes(prog, f)) {
      const ir::Node& x = prog[n];
      if (x.op == ir::Op::kBad) ++bad;
      at[{x.pos.line, x.pos.col}].push_back(n);
    }
    if (verbose) std::cout << ir::DumpFunc(prog, *l->universe, f);
  }
  std::cout << "functions: " << prog.target_funcs.size() << " bad nodes: " << bad << "\n";
  if (argc < 3) return bad > 0 ? 1 : 0;
  std::istringstream gc(irtest::ReadFile(argv[2]));
  int total = 0, agree = 0, params = 0, fixed = 0;
  std::string line;
  while (std::getline(gc, line)) {
    // path:L:C: EXPR escapes to heap | EXPR does not escape
    std::string expr;
    for (const char* suffix : {" escapes to heap", " does not escape"}) {
      std::string sf = suffix;
      if (line.size() > sf.size() && line.compare(line.size() - sf.size(), sf.size(), sf) == 0) {
        expr = line.substr(0, line.size() - sf.size());
      }
    }
    if (expr.empty()) continue;
    size_t c3 = expr.find(": ");
    if (c3 == std::string::npos) continue;
    std::string prefix = expr.substr(0, c3);
    expr = expr.substr(c3 + 2);
    size_t c2 = prefix.rfind(':');
    size_t c1 = c2 == std::string::npos ? c2 : prefix.rfind(':', c2 - 1);
    if (c1 == std::string::npos) continue;
    uint32_t ln = std::stoul(prefix.substr(c1 + 1, c2 - c1 - 1));
    uint32_t col = std::stoul(prefix.substr(c2 + 1));
    if (expr == "append") {
      ++fixed;
      continue;
    }
    // A parameter (or variable) line: a Var declared there with that name.
    bool is_param = false;
    for (ir::FuncId f : prog.target_funcs) {
      for (ir::VarId v : prog.funcs.Get(f).params) {
        const ir::Var& var = prog.vars.Get(v);
        if (var.pos.line == ln && var.pos.col == col && var.name == expr) is_param = true;
      }
    }
    if (is_param) {
      ++params;
      continue;
    }
    ++total;
    std::set<std::string> seen;
    bool ok = false;
    for (ir::NodeId n : at[{ln, col}]) {
      std::string s = ir::ExprString(prog, *l->universe, n);
      if (s == expr) ok = true;
      seen.insert(ir::OpName(prog[n].op) + std::string(" ") + s);
    }
    if (ok) {
      ++agree;
      continue;
    }
    std::cout << "MISMATCH " << ln << ":" << col << ": gc `" << expr << "`; ours:";
    for (const std::string& s : seen) std::cout << " [" << s << "]";
    std::cout << "\n";
  }
  std::cout << "exprs: " << agree << "/" << total << " agree (" << params
            << " parameter lines, " << fixed << " fixed-text lines skipped)\n";
  return (bad > 0 || agree != total) ? 1 : 0;
}
