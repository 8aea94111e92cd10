// types/check.h -- type checking Go packages, and loading the packages they import.
//
// The checker follows go/types (cmd/compile/internal/types2): package-level declarations are
// collected first and resolved lazily in dependency order (so `var a = b; var b = 1` works), then
// function bodies are checked. Every expression gets a TypeAndValue in Info::types, every
// identifier an object in defs/uses, every selector a Selection. Untyped constants are exact (GMP)
// and get their final type recorded after context conversion, as go/types does. Errors use
// go/types' wording and gc's `file:line:col: message` positions; an erroneous expression gets the
// invalid type and never causes a second report.
//
// Imports are loaded from source as the go command finds them (types/packages.h: $GOROOT/src for
// the standard library, $GOROOT/src/vendor for its vendored packages, the main module and its
// `replace`d modules, the module cache), with go/build's file selection (types/build.h), and
// checked before their importers. A package whose imports cannot be loaded (missing package,
// import cycle, syntax errors) is not type-checked, as the go command stops before compiling
// it; the load errors name the package (`package P\n\timports Q: ...`) or the import's position.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/source.h"
#include "diag/diag.h"
#include "types/build.h"
#include "types/packages.h"
#include "types/types.h"

namespace escapist::types {

struct LoadOptions {
  std::string goroot;             // $GOROOT; "" = std imports are unavailable
  std::string goos = "linux";
  std::string goarch = "amd64";
  bool cgo_enabled = false;
  bool include_tests = false;     // include _test.go files of the named packages
  std::string go_version = "go1.27";  // language version of std and of files outside modules
  std::string work_dir;           // where the go command would run ("" = the current directory);
                                  // the main module's go.mod is found by walking up from it
  std::string gomodcache;         // "" = $GOMODCACHE, else $GOPATH/pkg/mod, else ~/go/pkg/mod
  std::vector<std::string> build_tags;  // extra build tags (go build -tags)
  // Parse and resolve imports only; a package is type-checked by Loader::Check (with its
  // dependencies first). For callers that may not need the types of every package (a cache).
  bool defer_check = false;
  // For the packages named on the command line (LoadFiles/LoadDir) only, as gc's flags:
  std::string lang;                // -lang=go1.N ("" = go_version)
  bool complete = false;           // -complete: a function without body is an error
  bool std = false;                // -std: the package is part of the standard library
  bool compiling_runtime = false;  // -+: the package is the runtime
};

struct ImportDecl;  // one import declaration of a parsed package (loader.cpp)

// Loads, parses and type-checks packages; owns the Universe and the SourceSet.
class Loader {
 public:
  explicit Loader(LoadOptions opts);

  // Parses and checks the given files as one package with import path `path` (the package of a
  // command line listing files). Returns its id. Errors go to `diags`.
  PkgId LoadFiles(const std::vector<std::string>& files, const std::string& path,
                  DiagnosticSink& diags);
  // Loads the package in directory `dir` (build-constraint file selection) with import path
  // `path`.
  PkgId LoadDir(const std::string& dir, const std::string& path, DiagnosticSink& diags);
  // Loads a package by import path (std, vendored std by either path, the main module,
  // replaced or cached modules), as imported from the work directory; cached; checked after its
  // imports. Returns none (with the go command's error in `diags`) if it cannot be found.
  PkgId Import(const std::string& path, DiagnosticSink& diags);
  // Loads and checks the packages matched by command-line `patterns`, as `go build PATTERN...`
  // does: "std", "./...", "DIR/...", "PATH/...", import paths, directories, or .go files (all
  // the arguments then form one package, command-line-arguments). Packages matched by a wildcard
  // that have no non-test files are skipped (go's omitTestOnly). Returns the matched packages
  // in order, without duplicates; errors (unmatched import paths, load and type errors) go to
  // `diags`.
  std::vector<PkgId> LoadPatterns(const std::vector<std::string>& patterns,
                                  DiagnosticSink& diags);

  // With LoadOptions::defer_check: type-checks package `id` after its dependencies, once.
  // Returns false if it or a dependency failed to load or has errors (reported to `diags`).
  // Without defer_check, packages are checked as they load and this only reports the outcome.
  bool Check(PkgId id, DiagnosticSink& diags);
  // The resolved imports of a loaded package: (canonical import path, package), in import order.
  const std::vector<std::pair<std::string, PkgId>>& Deps(PkgId id) const;

  Universe& universe() { return universe_; }
  SourceSet& sources() { return sources_; }
  const LoadOptions& options() const { return opts_; }
  // The build context (GOOS, GOARCH, tags) files are selected for.
  const BuildContext& build_context() const { return ctxt_; }
  // The package lookup (GOROOT, main module), created on first use.
  PackageFinder& finder();
  // A file path as the go command prints it: relative to the work directory when inside it.
  std::string ShortPath(const std::string& path);

 private:
  struct StackEntry {
    std::string path;  // package being loaded
    std::string via;   // base name of the importer's file that imports it ("" for roots)
  };
  // Loads the package `f` (cached by path unless `variant`: a test variant or a package rebuilt
  // against one is loaded afresh and not cached).
  PkgId LoadFound(const FoundPackage& f, bool with_tests, const std::string& via,
                  DiagnosticSink& diags, bool variant = false);
  // Resolves and loads the imports of the parsed package `id`, then checks it unless a load
  // failed. go_rules: apply the go command's rules (internal packages), which gc alone does not.
  PkgId LoadParsed(PkgId id, const std::string& dir, const std::vector<ImportDecl>& imports,
                   DiagnosticSink& diags, int syntax_errors, bool go_rules);
  // Loads the external test package (package NAME_test, path P_test) of `f`, importing
  // `tested` (P with its _test.go files) for P, and rebuilding against it the imported packages
  // that depend on `plain` (P without tests), as go test does.
  PkgId LoadXTest(const FoundPackage& f, PkgId plain, PkgId tested, DiagnosticSink& diags);
  std::string ImportChain(const std::string& last, const std::string& via) const;
  // For packages given as files: the package that local import `path` of package `importer`
  // (files in `dir`) names, NAME.go of the same directory (see LoadParsed), loaded as files;
  // none if `path` is not such an import.
  PkgId LoadSiblingPackage(const std::string& importer, const std::string& dir,
                           const std::string& path, DiagnosticSink& diags);

  LoadOptions opts_;
  BuildContext ctxt_;
  std::unique_ptr<PackageFinder> finder_;
  Universe universe_;
  SourceSet sources_;
  std::unordered_map<std::string, PkgId> by_path_;
  std::unordered_set<uint32_t> load_failed_;  // packages (index) not checked: load errors
  std::vector<StackEntry> import_stack_;
  // Import paths resolved to test variants while an external test package loads.
  std::unordered_map<std::string, PkgId> overrides_;
  std::string xtest_of_;  // path of the external test package being loaded ("" if none)
  // The resolved imports (canonical path, package) of every loaded package, by package index.
  std::unordered_map<uint32_t, std::vector<std::pair<std::string, PkgId>>> deps_;
  // defer_check: packages loaded but not yet checked, with their imports as written -> package.
  std::unordered_map<uint32_t, std::unordered_map<std::string, PkgId>> unchecked_;
  // Checks `id` (loaded, imports resolved as `resolved`) and reports gc's late errors.
  void CheckLoaded(PkgId id, const std::unordered_map<std::string, PkgId>& resolved,
                   DiagnosticSink& diags);
  bool in_big_stack_ = false;
};

// Type-checks the already-parsed package `pkg` (its Ast holds the files). Imports are resolved
// with `import_fn` (returns none if the path cannot be loaded; the checker then reports
// `could not import PATH`). Errors go to `diags`.
void CheckPackage(Universe& u, PkgId pkg, const SourceSet& sources,
                  const std::function<PkgId(const std::string&)>& import_fn,
                  DiagnosticSink& diags);

}  // namespace escapist::types
