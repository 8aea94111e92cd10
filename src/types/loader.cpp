// types/loader.cpp -- loading packages from source (go/build's file selection and the go
// command's import resolution): files of a directory chosen by `//go:build` lines and
// `_GOOS`/`_GOARCH` name suffixes, imports from $GOROOT/src and $GOROOT/src/vendor checked before
// their importers, import cycles and missing packages reported by name. Checking runs on a
// thread with a large stack so that deeply nested input cannot overflow it.
#include <dirent.h>
#include <pthread.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "syntax/parse.h"
#include "types/check.h"
#include "types/checker.h"

namespace escapist::types {

namespace {

const char* const kKnownOS[] = {"aix",     "android", "darwin", "dragonfly", "freebsd", "hurd",
                                "illumos", "ios",     "js",     "linux",     "nacl",    "netbsd",
                                "openbsd", "plan9",   "solaris", "wasip1",   "windows", "zos"};
const char* const kKnownArch[] = {"386",      "amd64",   "amd64p32", "arm",     "armbe",
                                  "arm64",    "arm64be", "loong64",  "mips",    "mipsle",
                                  "mips64",   "mips64le", "mips64p32", "mips64p32le", "ppc",
                                  "ppc64",    "ppc64le", "riscv",    "riscv64", "s390",
                                  "s390x",    "sparc",   "sparc64",  "wasm"};

bool IsKnownOS(const std::string& s) {
  for (const char* k : kKnownOS) {
    if (s == k) return true;
  }
  return false;
}
bool IsKnownArch(const std::string& s) {
  for (const char* k : kKnownArch) {
    if (s == k) return true;
  }
  return false;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Evaluates a //go:build expression.
class BuildExpr {
 public:
  BuildExpr(std::string_view s, const std::set<std::string>& tags) : s_(s), tags_(tags) {}
  bool Eval(bool* ok) {
    bool v = Or();
    Skip();
    *ok = ok_ && i_ == s_.size();
    return v;
  }

 private:
  void Skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  bool Or() {
    bool v = And();
    for (;;) {
      Skip();
      if (s_.substr(i_, 2) == "||") {
        i_ += 2;
        bool w = And();
        v = v || w;
      } else {
        return v;
      }
    }
  }
  bool And() {
    bool v = Not();
    for (;;) {
      Skip();
      if (s_.substr(i_, 2) == "&&") {
        i_ += 2;
        bool w = Not();
        v = v && w;
      } else {
        return v;
      }
    }
  }
  bool Not() {
    Skip();
    if (i_ < s_.size() && s_[i_] == '!') {
      ++i_;
      return !Not();
    }
    return Atom();
  }
  bool Atom() {
    Skip();
    if (++depth_ > 100) {
      ok_ = false;
      return false;
    }
    if (i_ < s_.size() && s_[i_] == '(') {
      ++i_;
      bool v = Or();
      Skip();
      if (i_ < s_.size() && s_[i_] == ')') {
        ++i_;
      } else {
        ok_ = false;
      }
      --depth_;
      return v;
    }
    size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' ||
                              s_[i_] == '.')) {
      ++i_;
    }
    --depth_;
    if (start == i_) {
      ok_ = false;
      return false;
    }
    return tags_.count(std::string(s_.substr(start, i_ - start))) > 0;
  }

  std::string_view s_;
  const std::set<std::string>& tags_;
  size_t i_ = 0;
  int depth_ = 0;
  bool ok_ = true;
};

// Finds the //go:build line in the file header (before the package clause).
std::string_view BuildLine(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // Skip blank space.
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' ||
                               text[i] == '\n')) {
      ++i;
    }
    if (i + 1 >= text.size()) break;
    if (text[i] == '/' && text[i + 1] == '/') {
      size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(i, end - i);
      if (line.substr(0, 10) == "//go:build" &&
          (line.size() == 10 || line[10] == ' ' || line[10] == '\t')) {
        return line.substr(10);
      }
      i = end;
      continue;
    }
    if (text[i] == '/' && text[i + 1] == '*') {
      size_t end = text.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    break;  // the package clause or other code
  }
  return {};
}

// Whether the file imports "C" (such files are excluded when cgo is disabled, as go/build does).
bool ImportsC(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find('\n', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    size_t b = line.find_first_not_of(" \t");
    std::string_view t = b == std::string_view::npos ? std::string_view() : line.substr(b);
    if (t == "import \"C\"" || t == "\"C\"") return true;
    if (line.substr(0, 5) == "func " || line.substr(0, 5) == "type " ||
        line.substr(0, 4) == "var " || line.substr(0, 6) == "const ") {
      return false;
    }
    i = end + 1;
  }
  return false;
}

void* ThreadMain(void* arg) {
  auto* f = static_cast<std::function<void()>*>(arg);
  (*f)();
  return nullptr;
}

// Runs f on a thread with a 1 GiB stack (reserved, not committed).
void RunWithBigStack(std::function<void()> f) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t{1} << 30);
  pthread_t th;
  if (pthread_create(&th, &attr, ThreadMain, &f) != 0) {
    pthread_attr_destroy(&attr);
    f();
    return;
  }
  pthread_join(th, nullptr);
  pthread_attr_destroy(&attr);
}

}  // namespace

Loader::Loader(LoadOptions opts) : opts_(std::move(opts)) {
  if (opts_.goroot.empty()) {
    const char* env = std::getenv("GOROOT");
    if (env && *env) {
      opts_.goroot = env;
    } else if (IsDir("/usr/lib/go-1.27/src")) {
      opts_.goroot = "/usr/lib/go-1.27";
    }
  }
}

namespace {

// The build tags satisfied for the configured target (go/build Context.match).
std::set<std::string> BuildTags(const LoadOptions& o) {
  std::set<std::string> tags{o.goos, o.goarch, "gc", "goexperiment.regabiwrappers",
                             "goexperiment.regabiargs", "goexperiment.dwarf5",
                             "goexperiment.jsonv2", "goexperiment.greenteagc",
                             "goexperiment.randomizedheapbase64",
                             "goexperiment.sizespecializedmalloc", "amd64.v1"};
  if (o.goos != "windows" && o.goos != "plan9" && o.goos != "js" && o.goos != "wasip1") {
    tags.insert("unix");
  }
  if (o.cgo_enabled) tags.insert("cgo");
  for (int v = 1; v <= 27; ++v) tags.insert("go1." + std::to_string(v));
  return tags;
}

// go/build goodOSArchFile: name suffixes _GOOS, _GOARCH, _GOOS_GOARCH.
bool GoodOSArchFile(const std::string& name, const LoadOptions& o) {
  std::string stem = name.substr(0, name.size() - 3);  // strip .go
  if (stem.size() > 5 && stem.compare(stem.size() - 5, 5, "_test") == 0) {
    stem = stem.substr(0, stem.size() - 5);
  }
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= stem.size(); ++i) {
    if (i == stem.size() || stem[i] == '_') {
      parts.push_back(stem.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() <= 1) return true;  // no underscore: no constraint
  // Drop the first element (the base name before the first underscore).
  parts.erase(parts.begin());
  size_t n = parts.size();
  if (n >= 2 && IsKnownOS(parts[n - 2]) && IsKnownArch(parts[n - 1])) {
    return parts[n - 2] == o.goos && parts[n - 1] == o.goarch;
  }
  if (n >= 1 && IsKnownOS(parts[n - 1])) return parts[n - 1] == o.goos;
  if (n >= 1 && IsKnownArch(parts[n - 1])) return parts[n - 1] == o.goarch;
  return true;
}

}  // namespace

namespace {

struct LoadState {
  Loader* loader;
  DiagnosticSink* diags;
};

}  // namespace

// Reads and parses `files` into a new package; returns its id (not yet checked).
static PkgId ParsePackage(Loader* l, Universe& u, SourceSet& sources,
                          const std::vector<std::string>& files, const std::string& path,
                          const std::string& dir, DiagnosticSink& diags,
                          std::vector<std::string>* imports) {
  auto pkg = std::make_unique<Package>();
  pkg->path = path;
  pkg->dir = dir;
  pkg->go_version = l->options().go_version;
  PkgId id = u.packages.Add(std::move(pkg));
  Package& p = u.Pkg(id);
  std::set<std::string> seen;
  for (const std::string& f : files) {
    SourceFile sf;
    sf.path = f;
    sf.display_name = f;
    if (!ReadFile(f, &sf.text)) {
      diags.Error(Pos(), "open " + f + ": no such file or directory");
      continue;
    }
    uint32_t index = sources.Add(std::move(sf));
    size_t before = p.ast.files.size();
    syntax::ParseFile(sources, index, p.ast, diags);
    if (p.ast.files.size() == before) continue;
    const syntax::FileInfo& fi = p.ast.files.back();
    const syntax::Node& fnode = p.ast[fi.file];
    std::string name = fnode.x.has_value() ? std::string(p.ast[fnode.x].text) : std::string();
    if (p.name.empty()) {
      p.name = name;
    } else if (!name.empty() && name != p.name) {
      diags.Error(fnode.x.has_value() ? p.ast[fnode.x].pos : fnode.pos,
                  "package " + name + "; expected package " + p.name);
    }
    for (syntax::NodeId d : p.ast.List(fnode.list)) {
      const syntax::Node& dn = p.ast[d];
      if (dn.kind != NodeKind::kImportSpec || !dn.y.has_value()) continue;
      std::string ip;
      if (syntax::UnquoteLiteral(p.ast[dn.y].text, &ip) && !ip.empty() && seen.insert(ip).second) {
        imports->push_back(ip);
      }
    }
  }
  return id;
}

// Resolves imports, then checks the package. Like gc's noder, a package whose files had syntax
// errors is not type-checked (`syntax_errors`: errors reported while parsing it); its late
// parser errors (misplaced directives) are reported only when nothing else was.
static void CheckLoaded(Loader* l, PkgId id, const std::vector<std::string>& imports,
                        DiagnosticSink& diags, int syntax_errors = 0) {
  if (syntax_errors > 0) {
    l->universe().Pkg(id).has_errors = true;
    return;
  }
  int before = diags.error_count();
  for (const std::string& ip : imports) {
    if (ip == "unsafe" || ip == "C") continue;
    l->Import(ip, diags);
  }
  auto import_fn = [l, &diags](const std::string& p) -> PkgId {
    if (p == "unsafe") return l->universe().unsafe_pkg;
    return l->Import(p, diags);
  };
  CheckPackage(l->universe(), id, l->sources(), import_fn, diags);
  if (diags.error_count() == before) {
    for (const syntax::FileInfo& fi : l->universe().Pkg(id).ast.files) {
      for (const auto& e : fi.late_errors) diags.Error(e.pos, std::string(e.text));
    }
  }
}

PkgId Loader::LoadFiles(const std::vector<std::string>& files, const std::string& path,
                        DiagnosticSink& diags) {
  PkgId result;
  RunWithBigStack([&]() {
    std::vector<std::string> imports;
    std::string dir;
    if (!files.empty()) {
      size_t slash = files[0].rfind('/');
      dir = slash == std::string::npos ? "." : files[0].substr(0, slash);
    }
    int before = diags.error_count();
    result = ParsePackage(this, universe_, sources_, files, path, dir, diags, &imports);
    Package& p = universe_.Pkg(result);
    if (!opts_.lang.empty()) p.go_version = opts_.lang;
    p.complete = opts_.complete;
    p.std = opts_.std;
    p.compiling_runtime = opts_.compiling_runtime;
    by_path_[path] = result;
    import_stack_.push_back(path);
    CheckLoaded(this, result, imports, diags, diags.error_count() - before);
    import_stack_.pop_back();
  });
  return result;
}

PkgId Loader::LoadDir(const std::string& dir, const std::string& path, DiagnosticSink& diags) {
  // A package already loaded (e.g. imported by an earlier one) is not loaded twice: its types
  // must stay identical for its importers.
  auto cached = by_path_.find(path);
  if (cached != by_path_.end() && cached->second.has_value() &&
      universe_.Pkg(cached->second).dir == dir && !opts_.include_tests) {
    return cached->second;
  }
  std::vector<std::string> files;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    diags.Error(Pos(), "cannot find package " + path + " in " + dir);
    return PkgId();
  }
  std::set<std::string> tags = BuildTags(opts_);
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 4 || name.compare(name.size() - 3, 3, ".go") != 0) continue;
    if (name[0] == '_' || name[0] == '.') continue;
    if (!opts_.include_tests && name.size() > 8 && name.compare(name.size() - 8, 8, "_test.go") == 0) {
      continue;
    }
    names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (!GoodOSArchFile(name, opts_)) continue;
    std::string full = dir + "/" + name;
    std::string text;
    if (!ReadFile(full, &text)) continue;
    std::string_view line = BuildLine(text);
    if (!line.empty()) {
      bool ok = true;
      BuildExpr expr(line, tags);
      bool v = expr.Eval(&ok);
      if (!ok || !v) continue;
    }
    if (!opts_.cgo_enabled && ImportsC(text)) continue;
    // External test packages (package x_test) are not part of the package.
    if (opts_.include_tests && name.size() > 8 &&
        name.compare(name.size() - 8, 8, "_test.go") == 0) {
      size_t p = text.find("\npackage ");
      if (text.compare(0, 8, "package ") == 0) p = 0;
      if (p != std::string::npos) {
        size_t s = text.find_first_not_of(" \n", p + (p == 0 ? 8 : 9));
        size_t e = text.find_first_of(" \n\r\t;/", s);
        std::string pn = text.substr(s, e - s);
        if (pn.size() > 5 && pn.compare(pn.size() - 5, 5, "_test") == 0) continue;
      }
    }
    files.push_back(full);
  }
  if (files.empty()) {
    diags.Error(Pos(), "no buildable Go source files in " + dir);
    return PkgId();
  }
  return LoadFiles(files, path, diags);
}

PkgId Loader::Import(const std::string& path, DiagnosticSink& diags) {
  if (path == "unsafe") return universe_.unsafe_pkg;
  auto it = by_path_.find(path);
  if (it != by_path_.end()) {
    if (std::find(import_stack_.begin(), import_stack_.end(), path) != import_stack_.end()) {
      std::string cycle;
      bool in = false;
      for (const auto& p : import_stack_) {
        if (p == path) in = true;
        if (in) cycle += p + " -> ";
      }
      diags.Error(Pos(), "import cycle not allowed: " + cycle + path);
      return PkgId();
    }
    return it->second;
  }
  if (opts_.goroot.empty()) {
    diags.Error(Pos(), "could not import " + path + " (no GOROOT)");
    by_path_[path] = PkgId();
    return PkgId();
  }
  std::string dir = opts_.goroot + "/src/" + path;
  if (!IsDir(dir)) {
    std::string vdir = opts_.goroot + "/src/vendor/" + path;
    if (IsDir(vdir)) {
      dir = vdir;
    } else {
      diags.Error(Pos(), "package " + path + " is not in std (" + dir + ")");
      by_path_[path] = PkgId();
      return PkgId();
    }
  }
  // Mark as in progress to detect cycles.
  by_path_[path] = PkgId();
  import_stack_.push_back(path);
  std::vector<std::string> files;
  DIR* d = opendir(dir.c_str());
  std::set<std::string> tags = BuildTags(opts_);
  std::vector<std::string> names;
  if (d) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() < 4 || name.compare(name.size() - 3, 3, ".go") != 0) continue;
      if (name[0] == '_' || name[0] == '.') continue;
      if (name.size() > 8 && name.compare(name.size() - 8, 8, "_test.go") == 0) continue;
      names.push_back(name);
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (!GoodOSArchFile(name, opts_)) continue;
    std::string full = dir + "/" + name;
    std::string text;
    if (!ReadFile(full, &text)) continue;
    std::string_view line = BuildLine(text);
    if (!line.empty()) {
      bool ok = true;
      BuildExpr expr(line, tags);
      if (!expr.Eval(&ok) || !ok) continue;
    }
    if (!opts_.cgo_enabled && ImportsC(text)) continue;
    files.push_back(full);
  }
  if (files.empty()) {
    diags.Error(Pos(), "no buildable Go source files in " + dir + " (importing " + path + ")");
    import_stack_.pop_back();
    return PkgId();
  }
  PkgId result;
  auto body = [&]() {
    std::vector<std::string> imports;
    int before = diags.error_count();
    result = ParsePackage(this, universe_, sources_, files, path, dir, diags, &imports);
    by_path_[path] = result;
    // Check imports first (cycles are detected through import_stack_).
    CheckLoaded(this, result, imports, diags, diags.error_count() - before);
  };
  body();
  import_stack_.pop_back();
  return result;
}

}  // namespace escapist::types
