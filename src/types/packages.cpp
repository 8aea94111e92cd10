// types/packages.cpp -- import-path resolution and package patterns, as the go command does them
// in module mode.
#include "types/packages.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace escapist::types {

namespace {

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool IsFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool HasPathPrefix(const std::string& s, const std::string& prefix) {
  if (prefix.empty()) return true;
  if (s.size() < prefix.size() || s.compare(0, prefix.size(), prefix) != 0) return false;
  return s.size() == prefix.size() || s[prefix.size()] == '/' || prefix.back() == '/';
}

// Whether directory `dir` holds any .go file (goroot.IsStandardPackage, dirInModule's
// haveGoFiles): names only, no build constraints.
bool HasGoFiles(const std::string& dir) {
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return false;
  bool found = false;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".go") == 0 &&
        IsFile(dir + "/" + name)) {
      found = true;
      break;
    }
  }
  closedir(d);
  return found;
}

// The subdirectories of `dir` (not following symlinks, as filepath.WalkDir), sorted.
std::vector<std::string> SubDirs(const std::string& dir) {
  std::vector<std::string> out;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return out;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    bool is_dir = e->d_type == DT_DIR;
    if (e->d_type == DT_UNKNOWN) {
      struct stat st;
      is_dir = lstat((dir + "/" + name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
    }
    if (is_dir) out.push_back(name);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

std::string Clean(const std::string& p) {
  std::string s = std::filesystem::path(p).lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

// Glob match of `name` against `pat` where "..." matches any string.
bool Glob(std::string_view pat, std::string_view name) {
  size_t w = pat.find("...");
  if (w == std::string_view::npos) return pat == name;
  if (name.substr(0, w) != pat.substr(0, w)) return false;
  std::string_view rest = pat.substr(w + 3);
  for (size_t i = w; i <= name.size(); ++i) {
    if (Glob(rest, name.substr(i))) return true;
  }
  return false;
}

bool IsLocalPattern(const std::string& p) {
  return p == "." || p == ".." || p.rfind("./", 0) == 0 || p.rfind("../", 0) == 0 ||
         p.rfind("/", 0) == 0;
}

}  // namespace

bool IsStandardImportPath(const std::string& path) {
  size_t slash = path.find('/');
  std::string first = path.substr(0, slash);
  return first.find('.') == std::string::npos;
}

bool MatchImportPattern(const std::string& pattern, const std::string& name) {
  // "x/..." matches "x" as well.
  if (pattern.size() > 4 && pattern.compare(pattern.size() - 4, 4, "/...") == 0 &&
      name == pattern.substr(0, pattern.size() - 4)) {
    return true;
  }
  if (!Glob(pattern, name)) return false;
  // Wildcards never match a vendor element unless the pattern names it.
  if (pattern.find("...") != std::string::npos && pattern.find("vendor") == std::string::npos) {
    std::string n = "/" + name + "/";
    if (n.find("/vendor/") != std::string::npos) return false;
  }
  return true;
}

PackageFinder::PackageFinder(std::string goroot, std::string work_dir, std::string gomodcache)
    : goroot_(std::move(goroot)), work_dir_(std::move(work_dir)),
      gomodcache_(std::move(gomodcache)) {
  if (work_dir_.empty()) {
    std::error_code ec;
    work_dir_ = std::filesystem::current_path(ec).string();
  }
  if (!goroot_.empty()) {
    goroot_ = Clean(std::filesystem::absolute(goroot_).string());
    std::error_code ec;
    std::string real = std::filesystem::canonical(goroot_ + "/src", ec).string();
    if (!ec && real != goroot_ + "/src") gsrc_real_ = real;
  }
  work_dir_ = Canon(Clean(std::filesystem::absolute(work_dir_).string()));
  if (gomodcache_.empty()) {
    if (const char* e = std::getenv("GOMODCACHE"); e && *e) {
      gomodcache_ = e;
    } else if (const char* g = std::getenv("GOPATH"); g && *g) {
      std::string gp = g;
      gomodcache_ = gp.substr(0, gp.find(':')) + "/pkg/mod";
    } else if (const char* h = std::getenv("HOME"); h && *h) {
      gomodcache_ = std::string(h) + "/go/pkg/mod";
    }
  }
  std::string root = FindModuleRoot(work_dir_);
  // $GOROOT/src and $GOROOT/src/cmd are modules of their own (std, cmd): no main module there.
  if (!root.empty() && !goroot_.empty() && HasPathPrefix(root, goroot_ + "/src")) root.clear();
  if (!root.empty()) {
    std::ifstream in(root + "/go.mod", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    auto mf = std::make_unique<ModFile>();
    mf->dir = root;
    if (ParseModFile(ss.str(), root + "/go.mod", mf.get(), &mod_error_)) {
      main_ = std::move(mf);
      // modload: -mod=vendor by default with vendor/modules.txt and go 1.14 or later.
      std::string lang = main_->LanguageVersion();
      int minor = std::atoi(lang.c_str() + 4);
      const char* flags = std::getenv("GOFLAGS");
      bool mod_flag = flags != nullptr && (std::string(flags).find("-mod=mod") != std::string::npos ||
                                           std::string(flags).find("-mod=readonly") != std::string::npos);
      vendor_mode_ = IsFile(root + "/vendor/modules.txt") && minor >= 14 && !mod_flag;
    } else {
      mod_error_ = "go: errors parsing " + root + "/go.mod:\n" + mod_error_;
    }
  }
}

std::string PackageFinder::Canon(const std::string& dir) const {
  if (!gsrc_real_.empty() && HasPathPrefix(dir, gsrc_real_)) {
    return goroot_ + "/src" + dir.substr(gsrc_real_.size());
  }
  return dir;
}

std::string PackageFinder::Abs(const std::string& p) const {
  if (!p.empty() && p[0] == '/') return Canon(Clean(p));
  return Canon(Clean(work_dir_ + "/" + p));
}

std::string PackageFinder::ModuleGoVersion(const std::string& dir) const {
  std::ifstream in(dir + "/go.mod", std::ios::binary);
  if (!in) return "go1.16";
  std::ostringstream ss;
  ss << in.rdbuf();
  ModFile mf;
  std::string err;
  ParseModFile(ss.str(), dir + "/go.mod", &mf, &err);
  return mf.LanguageVersion();
}

bool PackageFinder::FindModule(const std::string& path, ModuleRoot* m) const {
  if (!main_) return false;
  size_t best = 0;
  bool found = false;
  auto consider = [&](const std::string& mod_path) {
    if (HasPathPrefix(path, mod_path) && (!found || mod_path.size() > best)) {
      best = mod_path.size();
      found = true;
      m->path = mod_path;
    }
  };
  consider(main_->module_path);
  for (const ModReplace& r : main_->replaces) consider(r.old_path);
  for (const ModRequire& r : main_->require) consider(r.path);
  if (!found) return false;
  if (m->path == main_->module_path) {
    m->dir = main_->dir;
    m->go_version = main_->LanguageVersion();
    return true;
  }
  std::string version;
  for (const ModRequire& r : main_->require) {
    if (r.path == m->path) version = r.version;
  }
  // A replace of the exact version wins over one of every version.
  const ModReplace* rep = nullptr;
  for (const ModReplace& r : main_->replaces) {
    if (r.old_path != m->path) continue;
    if (r.old_version.empty() && rep == nullptr) rep = &r;
    if (!r.old_version.empty() && r.old_version == version) rep = &r;
  }
  if (rep != nullptr && rep->IsLocal()) {
    std::string dir = rep->new_path[0] == '/' ? Clean(rep->new_path)
                                              : Clean(main_->dir + "/" + rep->new_path);
    if (!IsDir(dir)) {
      m->error = "replacement directory " + rep->new_path + " does not exist";
      return true;
    }
    m->dir = dir;
    m->go_version = ModuleGoVersion(dir);
    return true;
  }
  std::string mod_path = m->path;
  if (rep != nullptr) {
    mod_path = rep->new_path;
    version = rep->new_version;
  }
  if (version.empty()) {
    m->error = "module " + m->path + " is replaced but not required";
    return true;
  }
  std::string dir = gomodcache_ + "/" + EscapeModulePath(mod_path) + "@" + EscapeModulePath(version);
  if (gomodcache_.empty() || !IsDir(dir)) {
    m->error = "module " + mod_path + "@" + version + " is not available locally (not in " +
               (gomodcache_.empty() ? std::string("the module cache") : gomodcache_) + ")";
    return true;
  }
  m->dir = dir;
  m->go_version = ModuleGoVersion(dir);
  return true;
}

FoundPackage PackageFinder::Import(const std::string& path, const std::string& src_dir_in) const {
  std::string src_dir = Canon(src_dir_in);
  FoundPackage f;
  f.path = path;
  std::string gsrc = goroot_ + "/src";
  bool importer_is_std = !goroot_.empty() && HasPathPrefix(src_dir, gsrc) &&
                         !HasPathPrefix(src_dir, gsrc + "/cmd");
  if (IsStandardImportPath(path) && !goroot_.empty()) {
    std::string dir = gsrc + "/" + path;
    if (IsDir(dir) && HasGoFiles(dir)) {
      f.dir = dir;
      return f;
    }
  }
  if (importer_is_std) {
    std::string vdir = gsrc + "/vendor/" + path;
    if (IsDir(vdir) && HasGoFiles(vdir)) {
      f.path = "vendor/" + path;
      f.dir = vdir;
      return f;
    }
  }
  // The cmd module vendors its dependencies in $GOROOT/src/cmd/vendor.
  bool importer_is_cmd = !goroot_.empty() && HasPathPrefix(src_dir, gsrc + "/cmd");
  if (importer_is_cmd) {
    std::string vdir = gsrc + "/cmd/vendor/" + path;
    if (IsDir(vdir) && HasGoFiles(vdir)) {
      f.path = "cmd/vendor/" + path;
      f.dir = vdir;
      return f;
    }
  }
  // -mod=vendor, the default when the main module has vendor/modules.txt and says go >= 1.14:
  // every package outside the main module comes from its vendor directory.
  if (vendor_mode_ && !importer_is_std && !importer_is_cmd &&
      !HasPathPrefix(path, main_->module_path)) {
    std::string vdir = main_->dir + "/vendor/" + path;
    if (IsDir(vdir) && HasGoFiles(vdir)) {
      f.dir = vdir;
      f.go_version = main_->LanguageVersion();
      return f;
    }
    if (!IsStandardImportPath(path)) {
      f.error = "cannot find module providing package " + path +
                ": import lookup disabled by -mod=vendor";
      return f;
    }
  }
  ModuleRoot m;
  if (!importer_is_std && !importer_is_cmd && FindModule(path, &m)) {
    if (!m.error.empty()) {
      f.error = "package " + path + ": " + m.error;
      return f;
    }
    std::string dir = path.size() == m.path.size() ? m.dir : m.dir + path.substr(m.path.size());
    if (!IsDir(dir) || !HasGoFiles(dir)) {
      if (main_ && m.path == main_->module_path) {
        f.error = "package " + path + " is not in the main module (" + main_->module_path +
                  " in " + main_->dir + "; no Go files in " + dir + ")";
      } else {
        f.error = "module " + m.path + " (" + m.dir + ") does not contain package " + path;
      }
      return f;
    }
    f.dir = dir;
    f.go_version = m.go_version;
    return f;
  }
  if (IsStandardImportPath(path)) {
    f.error = "package " + path + " is not in std (" +
              (goroot_.empty() ? std::string("no GOROOT") : gsrc + "/" + path) + ")";
  } else if (!main_) {
    f.error = "no required module provides package " + path +
              ": go.mod file not found in current directory or any parent directory";
    if (!mod_error_.empty()) f.error = mod_error_;
  } else {
    f.error = "no required module provides package " + path + "; to add it:\n\tgo get " + path;
  }
  return f;
}

std::string PackageFinder::ImportPathOfDir(const std::string& dir_in) const {
  std::string dir = Abs(dir_in);
  std::string gsrc = goroot_ + "/src";
  if (!goroot_.empty() && HasPathPrefix(dir, gsrc) && dir != gsrc) {
    return dir.substr(gsrc.size() + 1);
  }
  if (main_) {
    if (HasPathPrefix(dir, main_->dir)) {
      if (dir == main_->dir) return main_->module_path;
      return main_->module_path + dir.substr(main_->dir.size());
    }
    for (const ModReplace& r : main_->replaces) {
      if (!r.IsLocal()) continue;
      std::string rdir = r.new_path[0] == '/' ? Clean(r.new_path) : Clean(main_->dir + "/" + r.new_path);
      if (HasPathPrefix(dir, rdir)) {
        return dir == rdir ? r.old_path : r.old_path + dir.substr(rdir.size());
      }
    }
  }
  return "";
}

void PackageFinder::Walk(const std::string& root, const std::string& import_root,
                         bool prune_vendor,
                         const std::function<bool(const std::string&)>& tree_can_match,
                         const std::function<bool(const std::string&)>& is_match,
                         const BuildContext& ctxt, bool std_root,
                         std::vector<FoundPackage>* out) const {
  std::string go_version;
  if (!std_root) go_version = ModuleGoVersion(FindModuleRoot(root));
  std::function<void(const std::string&, const std::string&, bool)> rec =
      [&](const std::string& dir, const std::string& name, bool top) {
        std::string elem;
        if (!top) {
          elem = dir.substr(dir.rfind('/') + 1);
          if (elem[0] == '.' || elem[0] == '_' || elem == "testdata") return;
          if (IsFile(dir + "/go.mod")) return;  // a nested module
        }
        if (!(top && name.empty()) && !tree_can_match(name)) return;
        bool skip_self = top && name.empty();
        if (!skip_self && name != "builtin" && !(std_root && name == "runtime/cgo" &&
                                                 !ctxt.cgo_enabled) &&
            is_match(name)) {
          BuildPackage bp;
          ImportDir(ctxt, dir, &bp);
          if (!bp.go_files.empty() || !bp.test_go_files.empty() ||
              !bp.xtest_go_files.empty() || !bp.invalid_go_files.empty()) {
            out->push_back({name, dir, go_version, ""});
          }
        }
        if (elem == "vendor" && prune_vendor) return;
        for (const std::string& sub : SubDirs(dir)) {
          rec(dir + "/" + sub, name.empty() ? sub : name + "/" + sub, false);
        }
      };
  rec(root, import_root, true);
}

PatternMatch PackageFinder::Match(const std::string& pattern, const BuildContext& ctxt) const {
  PatternMatch m;
  m.pattern = pattern;
  auto all = [](const std::string&) { return true; };
  std::string gsrc = goroot_ + "/src";
  if (pattern.empty()) {
    m.errors.push_back("malformed import path \"\": empty string");
    return m;
  }
  if (pattern == "std" || pattern == "cmd") {
    m.wildcard = true;
    if (goroot_.empty()) {
      m.errors.push_back("cannot find GOROOT (run with --goroot, or put go on PATH)");
      return m;
    }
    if (pattern == "std") {
      Walk(gsrc, "", false, all, all, ctxt, true, &m.pkgs);
    } else {
      Walk(gsrc + "/cmd", "cmd", false, all, all, ctxt, true, &m.pkgs);
    }
  } else if (pattern == "all") {
    // Approximation of "all": the standard library plus the main module's packages.
    m.wildcard = true;
    if (!goroot_.empty()) Walk(gsrc, "", false, all, all, ctxt, true, &m.pkgs);
    if (main_) Walk(main_->dir, main_->module_path, true, all, all, ctxt, false, &m.pkgs);
  } else if (IsLocalPattern(pattern)) {
    size_t w = pattern.find("...");
    if (w == std::string::npos) {
      std::string dir = Abs(pattern);
      FoundPackage f;
      f.dir = dir;
      if (!IsDir(dir)) {
        f.error = "stat " + dir + ": directory not found";
      } else {
        f.path = ImportPathOfDir(dir);
        if (f.path.empty()) f.path = "command-line-arguments";
        std::string root = FindModuleRoot(dir);
        if (main_ && root == main_->dir) f.go_version = main_->LanguageVersion();
        else if (!root.empty() && !HasPathPrefix(dir, gsrc)) f.go_version = ModuleGoVersion(root);
      }
      m.pkgs.push_back(f);
    } else {
      m.wildcard = true;
      // The directory tree up to the first wildcard element.
      std::string prefix = pattern.substr(0, w);
      size_t slash = prefix.rfind('/');
      std::string root_rel = slash == std::string::npos ? "." : prefix.substr(0, slash);
      if (root_rel.empty()) root_rel = "/";
      std::string root = Abs(root_rel);
      // Re-attach what Clean dropped ("./" + "..." -> "DIR/...").
      std::string abs_pattern = Abs(root_rel) + "/" + pattern.substr(slash == std::string::npos ? 0 : slash + 1);
      if (!IsDir(root)) {
        m.errors.push_back("directory " + root_rel + " does not exist");
        return m;
      }
      std::string import_root = ImportPathOfDir(root);
      bool in_std = !goroot_.empty() && HasPathPrefix(root, gsrc);
      if (import_root.empty() && !(in_std && root == gsrc)) {
        if (!mod_error_.empty()) {
          m.errors.push_back(mod_error_);
          return m;
        }
        // The go command refuses to walk outside the main module (and so never walks $HOME or /).
        m.errors.push_back("pattern " + pattern + ": directory prefix " + root_rel +
                           " does not contain main module or its selected dependencies" +
                           (main_ ? std::string() : " (go.mod file not found in current "
                                                    "directory or any parent directory)"));
        return m;
      }
      std::vector<FoundPackage> found;
      auto dir_match = [&](const std::string&) { return true; };
      Walk(root, import_root, !in_std, all, dir_match, ctxt, in_std, &found);
      for (FoundPackage& f : found) {
        if (!MatchImportPattern(abs_pattern, f.dir)) continue;
        m.pkgs.push_back(std::move(f));
      }
    }
  } else if (pattern.find("...") != std::string::npos) {
    m.wildcard = true;
    std::string literal = pattern.substr(0, pattern.find("..."));
    // pkgpattern.TreeCanMatchPattern: name is a path prefix of the literal part, or extends it.
    auto can = [literal](const std::string& name) {
      bool prefix_of = name.size() <= literal.size() &&
                       (name == literal || (literal.compare(0, name.size(), name) == 0 &&
                                            (literal.size() == name.size() ||
                                             literal[name.size()] == '/' ||
                                             (!name.empty() && name.back() == '/'))));
      return prefix_of || name.compare(0, literal.size(), literal) == 0;
    };
    auto is = [&](const std::string& name) { return MatchImportPattern(pattern, name); };
    if (IsStandardImportPath(pattern) && !goroot_.empty()) {
      Walk(gsrc, "", false, can, is, ctxt, true, &m.pkgs);
    }
    if (main_) Walk(main_->dir, main_->module_path, true, can, is, ctxt, false, &m.pkgs);
  } else {
    m.pkgs.push_back(Import(pattern, work_dir_));
  }
  std::sort(m.pkgs.begin(), m.pkgs.end(),
            [](const FoundPackage& a, const FoundPackage& b) { return a.path < b.path; });
  return m;
}

}  // namespace escapist::types
