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
#include "types/build.h"
#include "types/check.h"
#include "types/packages.h"
#include "types/checker.h"

namespace escapist::types {

namespace {

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

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
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
  ctxt_ = BuildContext::Default(opts_.goos, opts_.goarch, opts_.cgo_enabled);
  ctxt_.build_tags = opts_.build_tags;
}

PackageFinder& Loader::finder() {
  if (!finder_) finder_ = std::make_unique<PackageFinder>(opts_.goroot, opts_.work_dir, opts_.gomodcache);
  return *finder_;
}

std::string Loader::ShortPath(const std::string& path) {
  const std::string& wd = finder().work_dir();
  if (path.size() > wd.size() + 1 && path.compare(0, wd.size(), wd) == 0 && path[wd.size()] == '/') {
    return path.substr(wd.size() + 1);
  }
  return path;
}

// One import declaration of a package: the path as written and the position of its literal.
struct ImportDecl {
  std::string path;
  Pos pos;
  uint32_t file_index;
};

namespace {

// Reads and parses `files` into a new package; returns its id (not yet checked). `display`
// maps a file path to the name diagnostics print ("" = as given).
PkgId ParsePackage(Loader* l, Universe& u, SourceSet& sources, const std::vector<std::string>& files,
                   const std::string& path, const std::string& dir, const std::string& go_version,
                   DiagnosticSink& diags, std::vector<ImportDecl>* imports,
                   const std::function<std::string(const std::string&)>& display = nullptr) {
  auto pkg = std::make_unique<Package>();
  pkg->path = path;
  pkg->dir = dir;
  pkg->go_version = go_version.empty() ? l->options().go_version : go_version;
  PkgId id = u.packages.Add(std::move(pkg));
  Package& p = u.Pkg(id);
  std::set<std::string> seen;
  for (const std::string& f : files) {
    SourceFile sf;
    sf.path = f;
    sf.display_name = display ? display(f) : f;
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
      // A path that is not a string literal is the parser's error ("import path must be a
      // string"), not a package to load.
      if (p.ast[dn.y].kind != NodeKind::kBasicLit || p.ast[dn.y].op != syntax::Token::kString) continue;
      std::string ip;
      if (syntax::UnquoteLiteral(p.ast[dn.y].text, &ip) && !ip.empty() && seen.insert(ip).second) {
        imports->push_back({ip, p.ast[dn.y].pos, index});
      }
    }
  }
  return id;
}

std::string Base(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

namespace {

// The go command's internal-package rule (load.disallowInternal): an import path with an
// "internal" element may be imported only by packages rooted at the element's parent; for the
// standard library's top-level internal/..., only by std.
bool InternalAllowed(const std::string& importer, bool importer_is_std, const std::string& path) {
  std::string p = "/" + path + "/";
  size_t i = p.rfind("/internal/");
  if (i == std::string::npos) return true;
  std::string parent = i == 0 ? "" : p.substr(1, i - 1);
  if (parent.empty() || parent == "vendor" || parent == "cmd/vendor") {
    return importer_is_std && (parent != "cmd/vendor" || importer.rfind("cmd/", 0) == 0);
  }
  if (parent.rfind("vendor/", 0) == 0 && importer_is_std && parent.find("/internal") == std::string::npos) {
    return true;
  }
  return importer == parent || importer.rfind(parent + "/", 0) == 0;
}

}  // namespace

PkgId Loader::LoadParsed(PkgId id, const std::string& dir, const std::vector<ImportDecl>& imports,
                         DiagnosticSink& diags, int syntax_errors, bool go_rules) {
  std::unordered_map<std::string, PkgId> resolved;
  bool failed = syntax_errors > 0;
  for (const ImportDecl& imp : imports) {
    if (imp.path == "unsafe") {
      resolved[imp.path] = universe_.unsafe_pkg;
      continue;
    }
    if (imp.path == "C") continue;
    FoundPackage f;
    if (opts_.goroot.empty() && !finder_ && IsStandardImportPath(imp.path)) {
      f.path = imp.path;
      f.error = "could not import " + imp.path + " (no GOROOT)";
    } else {
      f = finder().Import(imp.path, dir.empty() ? finder().work_dir() : finder().Abs(dir));
    }
    if (!f.error.empty() && !go_rules) {
      // Files named on the command line, as gc compiles the packages of a multi-package test
      // directory (the Go test driver's errorcheckdir: `-p test/a X.dir/a.go`, then `-p main
      // X.dir/main.go` importing "test/a" or "./a"): an import that names no package otherwise,
      // "./NAME" or "PREFIX/NAME", is the package of NAME.go in the importer's directory.
      PkgId local = LoadSiblingPackage(universe_.Pkg(id).path, dir, imp.path, diags);
      if (local.has_value()) {
        if (load_failed_.count(local.index())) failed = true;
        resolved[imp.path] = local;
        deps_[id.index()].push_back({universe_.Pkg(local).path, local});
        continue;
      }
    }
    if (!f.error.empty()) {
      diags.Error(imp.pos, f.error);
      failed = true;
      continue;
    }
    if (go_rules) {
      const std::string& importer = universe_.Pkg(id).path;
      bool importer_is_std = IsStandardImportPath(importer) && !opts_.goroot.empty() &&
                             universe_.Pkg(id).dir.rfind(finder().goroot() + "/src/", 0) == 0;
      std::string base = importer;
      if (xtest_of_ == base && base.size() > 5) {
        base = base.substr(0, base.size() - 5);  // package p_test sees what package p sees
      }
      if (!InternalAllowed(base, importer_is_std, f.path)) {
        diags.Error(imp.pos, "use of internal package " + f.path + " not allowed");
        failed = true;
        continue;
      }
    }
    if (auto o = overrides_.find(f.path); o != overrides_.end()) {
      resolved[imp.path] = o->second;  // the test variant of a package under test
      deps_[id.index()].push_back({f.path, o->second});
      continue;
    }
    std::string via = Base(sources_.Get(imp.file_index).path);
    PkgId dep = LoadFound(f, /*with_tests=*/false, via, diags);
    if (!dep.has_value() || universe_.Pkg(dep).fake) {
      failed = true;
      continue;
    }
    if (load_failed_.count(dep.index())) failed = true;
    resolved[imp.path] = dep;
    deps_[id.index()].push_back({f.path, dep});
  }
  if (failed) {
    load_failed_.insert(id.index());
    universe_.Pkg(id).has_errors = true;
    return id;
  }
  if (opts_.defer_check) {
    unchecked_[id.index()] = std::move(resolved);
    return id;
  }
  CheckLoaded(id, resolved, diags);
  return id;
}

void Loader::CheckLoaded(PkgId id, const std::unordered_map<std::string, PkgId>& resolved,
                         DiagnosticSink& diags) {
  int before = diags.error_count();
  auto import_fn = [this, &resolved, &diags](const std::string& path) -> PkgId {
    if (path == "unsafe") return universe_.unsafe_pkg;
    auto it = resolved.find(path);
    if (it != resolved.end()) return it->second;
    return Import(path, diags);
  };
  CheckPackage(universe_, id, sources_, import_fn, diags);
  if (diags.error_count() == before) {
    for (const syntax::FileInfo& fi : universe_.Pkg(id).ast.files) {
      for (const auto& e : fi.late_errors) diags.Error(e.pos, std::string(e.text));
    }
  }
}

bool Loader::Check(PkgId id, DiagnosticSink& diags) {
  if (!id.has_value() || id == universe_.unsafe_pkg) return id.has_value();
  auto it = unchecked_.find(id.index());
  if (it != unchecked_.end()) {
    std::unordered_map<std::string, PkgId> resolved = std::move(it->second);
    unchecked_.erase(it);
    bool deps_ok = true;
    for (const auto& [path, dep] : Deps(id)) deps_ok = Check(dep, diags) && deps_ok;
    if (!deps_ok) {
      load_failed_.insert(id.index());
      universe_.Pkg(id).has_errors = true;
    } else if (in_big_stack_) {
      CheckLoaded(id, resolved, diags);
    } else {
      in_big_stack_ = true;
      RunWithBigStack([&]() { CheckLoaded(id, resolved, diags); });
      in_big_stack_ = false;
    }
  }
  const Package& p = universe_.Pkg(id);
  return !load_failed_.count(id.index()) && p.checked && !p.has_errors;
}

const std::vector<std::pair<std::string, PkgId>>& Loader::Deps(PkgId id) const {
  static const std::vector<std::pair<std::string, PkgId>> kNone;
  auto it = deps_.find(id.index());
  return it == deps_.end() ? kNone : it->second;
}

std::string Loader::ImportChain(const std::string& last, const std::string& via) const {
  std::string s = "package " + import_stack_.front().path;
  for (size_t i = 1; i < import_stack_.size(); ++i) {
    s += "\n\timports " + import_stack_[i].path;
    if (!import_stack_[i].via.empty()) s += " from " + import_stack_[i].via;
  }
  s += "\n\timports " + last;
  if (!via.empty()) s += " from " + via;
  return s;
}

PkgId Loader::LoadFound(const FoundPackage& f, bool with_tests, const std::string& via,
                        DiagnosticSink& diags, bool variant) {
  if (with_tests) variant = true;
  auto it = by_path_.find(f.path);
  if (it != by_path_.end() && !variant) {
    for (const StackEntry& e : import_stack_) {
      if (e.path == f.path) {
        diags.Error(Pos(), ImportChain(f.path, via) + ": import cycle not allowed");
        return PkgId();
      }
    }
    return it->second;
  }
  BuildPackage bp;
  ImportDir(ctxt_, f.dir, &bp);
  std::vector<std::string> names = bp.go_files;
  if (with_tests) names.insert(names.end(), bp.test_go_files.begin(), bp.test_go_files.end());
  std::sort(names.begin(), names.end());
  std::string err = bp.error;
  if (err.empty() && names.empty()) err = bp.NoGoError();
  if (!err.empty()) {
    if (import_stack_.empty()) {
      diags.Error(Pos(), "package " + f.path + ": " + err);
    } else {
      diags.Error(Pos(), ImportChain(f.path, via) + ": " + err);
    }
    if (!variant) by_path_[f.path] = PkgId();
    return PkgId();
  }
  std::vector<std::string> files;
  for (const std::string& n : names) files.push_back(f.dir + "/" + n);
  PkgId result;
  auto body = [&]() {
    std::vector<ImportDecl> imports;
    int before = diags.error_count();
    result = ParsePackage(this, universe_, sources_, files, f.path, f.dir, f.go_version, diags,
                          &imports, [this](const std::string& p) { return ShortPath(p); });
    if (!variant) by_path_[f.path] = result;
    import_stack_.push_back({f.path, via});
    LoadParsed(result, f.dir, imports, diags, diags.error_count() - before, /*go_rules=*/true);
    import_stack_.pop_back();
  };
  if (in_big_stack_) {
    body();
  } else {
    in_big_stack_ = true;
    RunWithBigStack(body);
    in_big_stack_ = false;
  }
  return result;
}

PkgId Loader::LoadFiles(const std::vector<std::string>& files, const std::string& path,
                        DiagnosticSink& diags) {
  PkgId result;
  auto body = [&]() {
    std::vector<ImportDecl> imports;
    std::string dir;
    if (!files.empty()) {
      size_t slash = files[0].rfind('/');
      dir = slash == std::string::npos ? "." : files[0].substr(0, slash);
    }
    int before = diags.error_count();
    result = ParsePackage(this, universe_, sources_, files, path, dir, "", diags, &imports);
    Package& p = universe_.Pkg(result);
    if (!opts_.lang.empty()) p.go_version = opts_.lang;
    p.complete = opts_.complete;
    p.std = opts_.std;
    p.compiling_runtime = opts_.compiling_runtime;
    by_path_[path] = result;
    import_stack_.push_back({path, ""});
    LoadParsed(result, dir, imports, diags, diags.error_count() - before, /*go_rules=*/false);
    import_stack_.pop_back();
  };
  if (in_big_stack_) {
    body();
  } else {
    in_big_stack_ = true;
    RunWithBigStack(body);
    in_big_stack_ = false;
  }
  return result;
}

PkgId Loader::LoadSiblingPackage(const std::string& importer, const std::string& dir,
                                 const std::string& path, DiagnosticSink& diags) {
  std::string name;
  std::string pkg_path = path;
  if (path.rfind("./", 0) == 0) {
    name = path.substr(2);
    size_t slash = importer.rfind('/');
    pkg_path = slash != std::string::npos ? importer.substr(0, slash + 1) + name : name;
  } else if (size_t slash = path.find('/'); slash != std::string::npos) {
    name = path.substr(slash + 1);
  }
  if (name.empty() || name.find('/') != std::string::npos || dir.empty()) return PkgId();
  std::string file = dir + "/" + name + ".go";
  if (!IsRegularFile(file)) return PkgId();
  auto it = by_path_.find(pkg_path);
  if (it != by_path_.end()) return it->second;
  return LoadFiles({file}, pkg_path, diags);
}

PkgId Loader::LoadDir(const std::string& dir, const std::string& path, DiagnosticSink& diags) {
  // A package already loaded (e.g. imported by an earlier one) is not loaded twice: its types
  // must stay identical for its importers.
  auto cached = by_path_.find(path);
  if (cached != by_path_.end() && cached->second.has_value() &&
      universe_.Pkg(cached->second).dir == dir && !opts_.include_tests) {
    return cached->second;
  }
  BuildPackage bp;
  if (!ImportDir(ctxt_, dir, &bp)) {
    diags.Error(Pos(), "cannot find package " + path + " in " + dir);
    return PkgId();
  }
  std::vector<std::string> names = bp.go_files;
  if (opts_.include_tests) {
    names.insert(names.end(), bp.test_go_files.begin(), bp.test_go_files.end());
    std::sort(names.begin(), names.end());
  }
  if (names.empty()) {
    diags.Error(Pos(), "no buildable Go source files in " + dir);
    return PkgId();
  }
  std::vector<std::string> files;
  for (const std::string& n : names) files.push_back(dir + "/" + n);
  return LoadFiles(files, path, diags);
}

PkgId Loader::Import(const std::string& path, DiagnosticSink& diags) {
  if (path == "unsafe") return universe_.unsafe_pkg;
  auto it = by_path_.find(path);
  if (it != by_path_.end() && it->second.has_value()) return it->second;
  if (opts_.goroot.empty() && IsStandardImportPath(path)) {
    diags.Error(Pos(), "could not import " + path + " (no GOROOT)");
    by_path_[path] = PkgId();
    return PkgId();
  }
  FoundPackage f = finder().Import(path, finder().work_dir());
  if (!f.error.empty()) {
    // Vendored std packages by their import path inside std.
    FoundPackage v = finder().Import(path, opts_.goroot + "/src");
    if (v.error.empty()) f = v;
  }
  if (!f.error.empty()) {
    diags.Error(Pos(), f.error);
    by_path_[path] = PkgId();
    return PkgId();
  }
  PkgId id = LoadFound(f, false, "", diags);
  if (f.path != path && id.has_value()) by_path_[path] = id;
  return id;
}

PkgId Loader::LoadXTest(const FoundPackage& f, PkgId plain, PkgId tested,
                        DiagnosticSink& diags) {
  BuildPackage bp;
  ImportDir(ctxt_, f.dir, &bp);
  if (bp.xtest_go_files.empty()) return PkgId();
  std::vector<std::string> files;
  for (const std::string& n : bp.xtest_go_files) files.push_back(f.dir + "/" + n);
  PkgId result;
  auto body = [&]() {
    std::vector<ImportDecl> imports;
    int before = diags.error_count();
    result = ParsePackage(this, universe_, sources_, files, f.path + "_test", f.dir, f.go_version,
                          diags, &imports, [this](const std::string& p) { return ShortPath(p); });
    int syntax_errors = diags.error_count() - before;
    // The imports as they are without the test (loaded before any override is in place).
    std::vector<std::pair<std::string, PkgId>> direct;
    if (syntax_errors == 0) {
      for (const ImportDecl& imp : imports) {
        if (imp.path == "unsafe" || imp.path == "C") continue;
        FoundPackage fi = finder().Import(imp.path, f.dir);
        if (!fi.error.empty() || fi.path == f.path) continue;
        PkgId d = LoadFound(fi, false, "", diags);
        if (d.has_value()) direct.push_back({fi.path, d});
      }
    }
    // As go test does, every package the test imports that depends on P is rebuilt against P
    // with its _test.go files ("Q [P.test]"), so that the test sees one P.
    overrides_.clear();
    if (tested.has_value()) overrides_[f.path] = tested;
    std::unordered_map<uint32_t, int> memo;  // 1 reaches P, 2 does not, 3 in progress
    std::function<bool(PkgId)> reaches = [&](PkgId d) -> bool {
      if (d == plain) return true;
      int& m = memo[d.index()];
      if (m != 0) return m == 1;
      m = 3;
      bool r = false;
      auto it = deps_.find(d.index());
      if (it != deps_.end()) {
        for (const auto& [p, e] : it->second) r = r || reaches(e);
      }
      memo[d.index()] = r ? 1 : 2;
      return r;
    };
    DiagnosticSink scratch;  // errors of the rebuilt packages were reported for the originals
    std::function<void(const std::string&, PkgId)> rebuild = [&](const std::string& p, PkgId d) {
      if (overrides_.count(p) || d == plain || !reaches(d)) return;
      auto it = deps_.find(d.index());
      if (it != deps_.end()) {
        auto deps = it->second;
        for (const auto& [p2, e] : deps) rebuild(p2, e);
      }
      const Package& dp = universe_.Pkg(d);
      FoundPackage fd{p, dp.dir, dp.go_version, ""};
      overrides_[p] = LoadFound(fd, false, "", scratch, /*variant=*/true);
    };
    if (tested.has_value() && plain.has_value()) {
      for (const auto& [p, d] : direct) rebuild(p, d);
    }
    xtest_of_ = f.path + "_test";
    import_stack_.push_back({f.path + "_test", ""});
    LoadParsed(result, f.dir, imports, diags, syntax_errors, /*go_rules=*/true);
    import_stack_.pop_back();
    xtest_of_.clear();
    overrides_.clear();
  };
  in_big_stack_ = true;
  RunWithBigStack(body);
  in_big_stack_ = false;
  return result;
}

std::vector<PkgId> Loader::LoadPatterns(const std::vector<std::string>& patterns,
                                        DiagnosticSink& diags) {
  std::vector<PkgId> out;
  std::vector<std::string> files;
  for (const std::string& p : patterns) {
    if (p.size() > 3 && p.compare(p.size() - 3, 3, ".go") == 0) files.push_back(p);
  }
  if (!files.empty()) {
    if (files.size() != patterns.size()) {
      diags.Error(Pos(), "named files must be .go files: " +
                             [&]() {
                               for (const auto& p : patterns) {
                                 if (p.size() <= 3 || p.compare(p.size() - 3, 3, ".go") != 0) return p;
                               }
                               return std::string();
                             }());
      return out;
    }
    std::vector<std::string> abs;
    for (const std::string& f : files) abs.push_back(f);
    out.push_back(LoadFiles(abs, "command-line-arguments", diags));
    return out;
  }
  if (!finder().mod_error().empty()) {
    // A broken go.mod stops everything but std patterns, as in the go command.
    bool only_std = true;
    for (const std::string& p : patterns) {
      only_std = only_std && (p == "std" || (IsStandardImportPath(p) && p[0] != '.' && p[0] != '/'));
    }
    if (!only_std) {
      diags.Error(Pos(), finder().mod_error());
      return out;
    }
  }
  std::set<std::string> done;
  for (const std::string& pat : patterns) {
    PatternMatch m = finder().Match(pat, ctxt_);
    for (const std::string& e : m.errors) diags.Error(Pos(), e);
    if (m.wildcard && m.pkgs.empty() && m.errors.empty()) {
      std::fprintf(stderr, "go: warning: \"%s\" matched no packages\n", pat.c_str());
    }
    for (const FoundPackage& f : m.pkgs) {
      if (!f.error.empty()) {
        diags.Error(Pos(), f.error);
        continue;
      }
      if (!done.insert(f.path).second) continue;
      if (f.path == "unsafe") {
        out.push_back(universe_.unsafe_pkg);
        continue;
      }
      if (m.wildcard) {
        // work.omitTestOnly: a package matched by a wildcard without non-test files is skipped.
        BuildPackage bp;
        ImportDir(ctxt_, f.dir, &bp);
        if (bp.go_files.empty() && bp.error.empty() &&
            !(opts_.include_tests && (!bp.test_go_files.empty() || !bp.xtest_go_files.empty()))) {
          continue;
        }
      }
      if (!opts_.include_tests) {
        PkgId id = LoadFound(f, false, "", diags);
        if (id.has_value()) out.push_back(id);
        continue;
      }
      // go test: P, P with its _test.go files, then the external test package P_test. A
      // test-only directory has only the last two; one without any selected file is skipped.
      BuildPackage bp;
      ImportDir(ctxt_, f.dir, &bp);
      if (m.wildcard && bp.go_files.empty() && bp.test_go_files.empty() &&
          bp.xtest_go_files.empty() && bp.error.empty()) {
        continue;
      }
      PkgId id;
      if (!bp.go_files.empty() || !bp.error.empty() ||
          (bp.test_go_files.empty() && bp.xtest_go_files.empty())) {
        id = LoadFound(f, false, "", diags);
        if (!id.has_value()) continue;
      }
      PkgId tested = bp.test_go_files.empty() ? id : LoadFound(f, true, "", diags);
      if (tested.has_value()) out.push_back(tested);
      PkgId x = LoadXTest(f, id, tested, diags);
      if (x.has_value()) out.push_back(x);
    }
  }
  return out;
}

}  // namespace escapist::types
