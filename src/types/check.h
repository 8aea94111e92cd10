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
// Imports are loaded from source ($GOROOT/src for the standard library, $GOROOT/src/vendor for
// its vendored packages) through the Importer, checked before their importers. A package that
// cannot be loaded, or that has type errors, is still returned: its errors are reported once
// (prefixed with its path) and escape analysis treats what it cannot know as unknown.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/source.h"
#include "diag/diag.h"
#include "types/types.h"

namespace escapist::types {

struct LoadOptions {
  std::string goroot;             // $GOROOT; "" = std imports are unavailable
  std::string goos = "linux";
  std::string goarch = "amd64";
  bool cgo_enabled = false;
  bool include_tests = false;     // include _test.go files of the named packages
  std::string go_version = "go1.27";
  // For the packages named on the command line (LoadFiles/LoadDir) only, as gc's flags:
  std::string lang;                // -lang=go1.N ("" = go_version)
  bool complete = false;           // -complete: a function without body is an error
  bool std = false;                // -std: the package is part of the standard library
  bool compiling_runtime = false;  // -+: the package is the runtime
};

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
  // Loads a package by import path (std or vendor); cached; checked after its imports.
  PkgId Import(const std::string& path, DiagnosticSink& diags);

  Universe& universe() { return universe_; }
  SourceSet& sources() { return sources_; }
  const LoadOptions& options() const { return opts_; }

 private:
  LoadOptions opts_;
  Universe universe_;
  SourceSet sources_;
  std::unordered_map<std::string, PkgId> by_path_;
  std::vector<std::string> import_stack_;
};

// Type-checks the already-parsed package `pkg` (its Ast holds the files). Imports are resolved
// with `import_fn` (returns none if the path cannot be loaded; the checker then reports
// `could not import PATH`). Errors go to `diags`.
void CheckPackage(Universe& u, PkgId pkg, const SourceSet& sources,
                  const std::function<PkgId(const std::string&)>& import_fn,
                  DiagnosticSink& diags);

}  // namespace escapist::types
