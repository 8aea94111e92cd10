// tests/ir/harness.cpp -- see harness.h.
#include "harness.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

#include "syntax/parse.h"
#include "types/check.h"

namespace escapist::irtest {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::unique_ptr<Loaded> LoadAndBuild(const std::string& name, const std::string& text) {
  auto l = std::make_unique<Loaded>();
  types::LoadOptions opts;
  // Standard-library imports load from GOROOT when one is installed (tests use none).
  const char* goroot = std::getenv("ESCAPIST_GOROOT");
  opts.goroot = goroot != nullptr ? goroot : "/usr/lib/go-1.27";
  struct stat st;
  if (stat((opts.goroot + "/src").c_str(), &st) != 0) opts.goroot.clear();
  l->loader = std::make_unique<types::Loader>(opts);
  l->universe = &l->loader->universe();
  std::string path = name;
  std::string dir;
  if (ReadFile(path) != text) {
    dir = "/tmp/escapist-irtest-" + std::to_string(getpid());
    mkdir(dir.c_str(), 0700);
    path = dir + "/" + name.substr(name.rfind('/') + 1);
    std::ofstream(path, std::ios::binary) << text;
  }
  l->pkg = l->loader->LoadFiles({path}, "p", l->diags);
  if (l->pkg.has_value()) l->prog = ir::Build(*l->universe, l->pkg, l->build_diags);
  if (!dir.empty()) {  // the text is loaded: leave nothing behind in /tmp
    unlink(path.c_str());
    rmdir(dir.c_str());
  }
  return l;
}

ir::FuncId FindFunc(const ir::Program& prog, const std::string& name) {
  for (ir::FuncId f : prog.target_funcs) {
    if (prog.funcs.Get(f).name == name) return f;
  }
  return ir::FuncId();
}

namespace {

void Walk(const ir::Program& prog, ir::NodeId n, std::vector<ir::NodeId>& out) {
  if (!n.has_value()) return;
  out.push_back(n);
  const ir::Node& x = prog[n];
  for (IdSpan<ir::NodeId> l : {x.init}) {
    for (uint32_t i = 0; i < l.count; ++i) Walk(prog, prog.At(l, i), out);
  }
  for (ir::NodeId c : {x.x, x.y, x.z, x.w}) Walk(prog, c, out);
  for (IdSpan<ir::NodeId> l : {x.list, x.list2}) {
    for (uint32_t i = 0; i < l.count; ++i) Walk(prog, prog.At(l, i), out);
  }
}

}  // namespace

std::vector<ir::NodeId> FuncNodes(const ir::Program& prog, ir::FuncId f) {
  std::vector<ir::NodeId> out;
  Walk(prog, prog.funcs.Get(f).body, out);
  return out;
}

std::string FormatDiags(const Loaded& l, const DiagnosticSink& d) {
  std::string s;
  for (const Diagnostic& x : d.diags()) {
    s += std::to_string(x.pos.line) + ":" + std::to_string(x.pos.col) + ": " + x.text + "\n";
  }
  return s;
}

}  // namespace escapist::irtest
