// types/packages.h -- where the go command finds packages, without running it: import paths
// resolved to directories (the standard library in $GOROOT/src and its vendored packages in
// $GOROOT/src/vendor; the main module found from go.mod, its `replace` directives to local
// directories and, for `require`d modules, the module cache or, with vendor/modules.txt, the
// main module's vendor directory), and package patterns (`std`,
// `./...`, `DIR/...`, `PATH/...`, import paths, directories) expanded to packages
// (cmd/go/internal/modload importFromModules and matchPackages, search.MatchDirs).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "types/build.h"
#include "types/modfile.h"

namespace escapist::types {

// A package found for an import path or pattern.
struct FoundPackage {
  std::string path;        // canonical import path ("vendor/golang.org/x/..." for vendored std)
  std::string dir;         // directory holding its files
  std::string go_version;  // language version of its module (go.mod's `go`); "" = toolchain's
  std::string error;       // the go command's message when it cannot be found ("" = found)
};

// The result of expanding one command-line pattern.
struct PatternMatch {
  std::string pattern;
  bool wildcard = false;  // std, cmd, or contains "..." (packages without Go files are skipped)
  std::vector<FoundPackage> pkgs;
  std::vector<std::string> errors;  // the pattern itself failed (not per-package)
};

// The go command's package lookup for one GOROOT and one main module.
class PackageFinder {
 public:
  // goroot: $GOROOT ("" = std unavailable); work_dir: the directory the go command would run in
  // ("" = the current directory; the main module is found by walking up from it);
  // gomodcache: the module cache ("" = $GOMODCACHE, else $GOPATH/pkg/mod, else ~/go/pkg/mod).
  PackageFinder(std::string goroot, std::string work_dir, std::string gomodcache);

  // The main module's go.mod, or null when there is none (or it failed to parse: see
  // mod_error()).
  const ModFile* main_module() const { return main_.get(); }
  // The error reading the main module's go.mod ("" if none).
  const std::string& mod_error() const { return mod_error_; }
  const std::string& goroot() const { return goroot_; }
  const std::string& work_dir() const { return work_dir_; }

  // Resolves import path `path` as imported by a package in directory `src_dir` (std packages
  // see $GOROOT/src/vendor) to its directory (modload.importFromModules). On failure, error
  // holds the go command's message: "package P is not in std (DIR)", "no required module
  // provides package P; ...", "module M@V ... is not available locally".
  FoundPackage Import(const std::string& path, const std::string& src_dir) const;

  // The import path of the package in directory `dir` (absolute or relative to work_dir):
  // std for $GOROOT/src, the main module's (or a replaced module's) path inside a module; ""
  // if the directory is in neither (modload.resolveLocalPackage).
  std::string ImportPathOfDir(const std::string& dir) const;

  // Expands one pattern (search.Match): "std", "cmd", "all" (as std plus the main module),
  // "./..."-style directory patterns, "PATH/..." import-path patterns, directories and import
  // paths. Packages come sorted by import path; directories with no .go files at all, testdata,
  // `_`- and `.`-prefixed directories and nested modules are skipped as the go command does.
  PatternMatch Match(const std::string& pattern, const BuildContext& ctxt) const;

  // Absolute, cleaned form of `p` (relative to work_dir), with $GOROOT/src spelled as in
  // goroot() even when reached through its real path (GOROOT/src may be a symlink).
  std::string Abs(const std::string& p) const;
  // `dir` with a $GOROOT/src prefix reached through symlinks spelled as goroot()/src.
  std::string Canon(const std::string& dir) const;

 private:
  struct ModuleRoot {
    std::string path;        // module path (prefix of its import paths)
    std::string dir;         // its directory; "" when not available locally
    std::string go_version;  // language version
    std::string error;       // why it is not available
  };
  // The module that provides import path `path` (longest module-path prefix among the main
  // module, replace and require directives); false if none.
  bool FindModule(const std::string& path, ModuleRoot* m) const;
  std::string ModuleGoVersion(const std::string& dir) const;
  void Walk(const std::string& root, const std::string& import_root, bool prune_vendor,
            const std::function<bool(const std::string&)>& tree_can_match,
            const std::function<bool(const std::string&)>& is_match, const BuildContext& ctxt,
            bool std_root, std::vector<FoundPackage>* out) const;

  std::string goroot_;
  std::string gsrc_real_;  // realpath of $GOROOT/src when it differs
  std::string work_dir_;
  std::string gomodcache_;
  std::unique_ptr<ModFile> main_;
  std::string mod_error_;
  bool vendor_mode_ = false;  // -mod=vendor: dependencies from the main module's vendor/
};

// pkgpattern.MatchPattern: whether import path `name` matches `pattern` ("..." matches any
// string; "x/..." also matches "x"; wildcards do not match "vendor" elements unless the pattern
// names vendor).
bool MatchImportPattern(const std::string& pattern, const std::string& name);

// search.IsStandardImportPath: the first path element has no dot.
bool IsStandardImportPath(const std::string& path);

}  // namespace escapist::types
