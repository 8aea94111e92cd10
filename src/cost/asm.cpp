// cost/asm.cpp -- reading Go assembly for what a routine calls.
#include "cost/asm.h"

#include <dirent.h>

#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include "types/build.h"

namespace escapist::cost {
namespace {

// One TEXT block: the symbols its branch instructions name, and whether it calls out otherwise.
struct Block {
  std::string file;
  std::vector<std::string> targets;  // qualified symbols of CALL/JMP/Jcc operands `sym(SB)`
  std::string opaque;                // a call escapist cannot follow (indirect, macro), or ""
};

// The TEXT blocks of one package's .s files, by qualified symbol ("internal/bytealg.Count",
// "runtime.memequal", "FILE:countbody" for file-local `name<>` symbols).
struct AsmPackage {
  std::map<std::string, Block> blocks;
};

std::string StripComments(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "//") == 0) {
      while (i < text.size() && text[i] != '\n') ++i;
      if (i < text.size()) out += '\n';
      continue;
    }
    if (text.compare(i, 2, "/*") == 0) {
      size_t e = text.find("*/", i + 2);
      for (size_t j = i; j < (e == std::string::npos ? text.size() : e); ++j) {
        if (text[j] == '\n') out += '\n';
      }
      if (e == std::string::npos) break;
      i = e + 1;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The qualified name of assembly symbol `sym` ("·Count", "runtime·memequal<ABIInternal>",
// "countbody<>") written in `file` of package `pkg_path`.
std::string Qualify(std::string sym, const std::string& pkg_path, const std::string& file) {
  size_t abi = sym.find("<ABI");
  if (abi != std::string::npos) sym = sym.substr(0, abi);
  if (sym.size() > 2 && sym.compare(sym.size() - 2, 2, "<>") == 0) {
    return file + ":" + sym.substr(0, sym.size() - 2);
  }
  const std::string dot = "\xC2\xB7";    // U+00B7 middle dot
  const std::string slash = "\xE2\x88\x95";  // U+2215 division slash
  size_t d = sym.find(dot);
  if (d == std::string::npos) return sym;
  std::string pkg = sym.substr(0, d);
  for (size_t p; (p = pkg.find(slash)) != std::string::npos;) pkg.replace(p, slash.size(), "/");
  return (pkg.empty() ? pkg_path : pkg) + "." + sym.substr(d + dot.size());
}

AsmPackage Load(const std::string& dir, const std::string& pkg_path) {
  AsmPackage pkg;
  types::BuildContext ctxt = types::BuildContext::Default();
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return pkg;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string n = e->d_name;
    if (n.size() > 2 && n.compare(n.size() - 2, 2, ".s") == 0 && n[0] != '_' && n[0] != '.') {
      names.push_back(n);
    }
  }
  closedir(d);
  for (const std::string& name : names) {
    if (!ctxt.GoodOSArchFile(name)) continue;
    std::ifstream in(dir + "/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string raw = ss.str();
    if (!ctxt.ShouldBuild(raw)) continue;
    std::string text = StripComments(raw);
    std::istringstream lines(text);
    std::string line;
    Block* cur = nullptr;
    bool macro_calls = false;
    bool in_define = false;
    std::vector<Block*> file_blocks;
    while (std::getline(lines, line)) {
      std::string t = Trim(line);
      bool cont = !t.empty() && t.back() == '\\';
      if (in_define || t.rfind("#define", 0) == 0) {
        // A macro that branches to a symbol: its uses cannot be told apart, so every block of
        // the file is opaque.
        if (t.find("CALL") != std::string::npos ||
            (t.find("JMP") != std::string::npos && t.find("(SB)") != std::string::npos)) {
          macro_calls = true;
        }
        in_define = cont;
        continue;
      }
      if (t.empty() || t[0] == '#') continue;
      // Split off a leading label ("loop:").
      size_t colon = t.find(':');
      if (colon != std::string::npos && t.find_first_of(" \t(") > colon) t = Trim(t.substr(colon + 1));
      for (std::string stmt; !t.empty();) {
        size_t semi = t.find(';');
        stmt = Trim(t.substr(0, semi));
        t = semi == std::string::npos ? "" : Trim(t.substr(semi + 1));
        if (stmt.empty()) continue;
        size_t sp = stmt.find_first_of(" \t");
        std::string op = stmt.substr(0, sp);
        std::string args = sp == std::string::npos ? "" : Trim(stmt.substr(sp));
        if (op == "TEXT") {
          size_t sb = args.find("(SB)");
          if (sb == std::string::npos) {
            cur = nullptr;
            continue;
          }
          std::string q = Qualify(Trim(args.substr(0, sb)), pkg_path, name);
          cur = &pkg.blocks[q];
          cur->file = name;
          file_blocks.push_back(cur);
          continue;
        }
        if (cur == nullptr) continue;
        bool branch = op == "CALL" || op == "JMP" || (op.size() >= 2 && op[0] == 'J');
        if (!branch) continue;
        size_t sb = args.find("(SB)");
        if (sb != std::string::npos) {
          cur->targets.push_back(Qualify(Trim(args.substr(0, sb)), pkg_path, name));
        } else if (op == "CALL" || (op == "JMP" && args.find("(PC)") == std::string::npos &&
                                    !args.empty() &&
                                    (args[0] == '(' || std::isupper(static_cast<unsigned char>(
                                                            args[0]))))) {
          // CALL AX, CALL (DX), JMP AX: an indirect branch (labels are not upper-case
          // registers by convention, but a register-like label is taken as indirect too).
          if (cur->opaque.empty()) cur->opaque = "indirect " + op + " " + args;
        }
      }
    }
    if (macro_calls) {
      for (Block* b : file_blocks) {
        if (b->opaque.empty()) b->opaque = "a macro of " + name + " that branches to a symbol";
      }
    }
  }
  return pkg;
}

const AsmPackage& Package(const std::string& dir, const std::string& pkg_path) {
  static std::mutex mu;
  static std::map<std::string, AsmPackage> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(dir);
  if (it == cache.end()) it = cache.emplace(dir, Load(dir, pkg_path)).first;
  return it->second;
}

}  // namespace

AsmReach AsmFunctionReach(const std::string& dir, const std::string& pkg_path,
                          const std::string& name) {
  AsmReach r;
  // GOROOT/src: `dir` ends with `pkg_path` for a std package.
  std::string src_root;
  if (dir.size() > pkg_path.size() &&
      dir.compare(dir.size() - pkg_path.size(), pkg_path.size(), pkg_path) == 0) {
    src_root = dir.substr(0, dir.size() - pkg_path.size());
  }
  std::string start = pkg_path + "." + name;
  const AsmPackage& home = Package(dir, pkg_path);
  auto it = home.blocks.find(start);
  if (it == home.blocks.end()) return r;
  r.found = true;
  r.file = it->second.file;
  std::set<std::string> seen{start};
  std::vector<std::pair<std::string, const Block*>> work{{start, &it->second}};
  while (!work.empty()) {
    auto [sym, b] = work.back();
    work.pop_back();
    if (!b->opaque.empty()) {
      r.why = b->opaque;
      return r;
    }
    for (const std::string& t : b->targets) {
      if (!seen.insert(t).second) continue;
      // A block of this package (file-local ones included), else of the package the symbol
      // names, else a Go function.
      auto h = home.blocks.find(t);
      if (h != home.blocks.end()) {
        work.emplace_back(t, &h->second);
        continue;
      }
      size_t dot = t.rfind('.');
      std::string tp = dot == std::string::npos ? "" : t.substr(0, dot);
      if (tp == pkg_path) {
        r.go_callees.push_back(t.substr(dot + 1));
        continue;
      }
      if (!tp.empty() && !src_root.empty() && tp.find(':') == std::string::npos) {
        const AsmPackage& other = Package(src_root + tp, tp);
        auto o = other.blocks.find(t);
        if (o != other.blocks.end()) {
          work.emplace_back(t, &o->second);
          continue;
        }
      }
      r.why = "it branches to " + t + ", which escapist does not follow";
      return r;
    }
  }
  r.leaf = true;
  return r;
}

}  // namespace escapist::cost
