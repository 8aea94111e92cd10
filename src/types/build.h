// types/build.h -- go/build's file selection: which .go files of a directory make up a package
// for a target (GOOS/GOARCH, cgo, build tags), and the build-constraint language of `//go:build`
// and `// +build` lines (go/build/constraint).
//
// The tag set is the one the go command passes to go/build for the toolchain: GOOS, GOARCH,
// "unix" (for Unix-like GOOS), "gc", "cgo" when cgo is enabled, the tool tags (each default
// GOEXPERIMENT as `goexperiment.X`, and `amd64.v1`), and the release tags go1.1 ... go1.27.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace escapist::types {

// The target of a build; mirrors the fields of go/build.Context that select files.
struct BuildContext {
  std::string goos = "linux";
  std::string goarch = "amd64";
  bool cgo_enabled = false;
  std::string compiler = "gc";
  std::vector<std::string> build_tags;    // -tags
  std::vector<std::string> tool_tags;     // goexperiment.X, amd64.v1 (buildcfg.ToolTags)
  std::vector<std::string> release_tags;  // go1.1 ... go1.N

  // The context of the go command for goos/goarch with the toolchain's defaults (Go 1.27):
  // default GOEXPERIMENTs (internal/buildcfg/exp.go's baseline), GOAMD64=v1, release tags up
  // to go1.27.
  static BuildContext Default(const std::string& goos = "linux",
                              const std::string& goarch = "amd64", bool cgo_enabled = false);

  // go/build Context.matchTag: whether the tag `name` is satisfied (GOOS, GOARCH, "unix", "gc",
  // "cgo", build/tool/release tags; android implies linux, illumos solaris, ios darwin).
  bool MatchTag(std::string_view name) const;
  // go/build Context.goodOSArchFile: false if the file name has a _GOOS, _GOARCH or
  // _GOOS_GOARCH suffix (before an optional _test) that does not match the target.
  bool GoodOSArchFile(std::string_view name) const;
  // go/build shouldBuild: whether the file's header constraints (`//go:build`, else
  // `// +build` lines) are satisfied. Returns false with *err set if the header is malformed
  // (a bad expression, two //go:build lines).
  bool ShouldBuild(std::string_view content, std::string* err = nullptr) const;
};

// Evaluates a build constraint expression (the text after `//go:build`, or a whole
// `// +build` line when plus_build) with `match` deciding each tag; go/build/constraint's Parse
// and Expr.Eval. Returns false with *ok = false on a syntax error.
bool EvalConstraint(std::string_view expr, bool plus_build,
                    const std::function<bool(std::string_view)>& match, bool* ok);

// What the go command reads of a file's header (go/build readGoInfo, imports.ReadImports): the
// package name and the imported paths. `ok` is false if the package clause could not be read.
struct GoFileInfo {
  bool ok = false;
  std::string package_name;
  std::vector<std::string> imports;  // unquoted import paths, in order
};
GoFileInfo ReadGoInfo(std::string_view content);

// A package directory as go/build.Context.ImportDir sees it: file names (not paths), sorted.
struct BuildPackage {
  std::string dir;
  std::string name;                          // package name of the first non-xtest file
  std::vector<std::string> go_files;         // non-test files that build
  std::vector<std::string> test_go_files;    // _test.go files in the package
  std::vector<std::string> xtest_go_files;   // _test.go files in package NAME_test
  std::vector<std::string> ignored_go_files; // excluded by constraints, cgo, "documentation"
  std::vector<std::string> invalid_go_files; // malformed constraints, mismatched package names
  std::string error;  // go/build's error (multiple packages); "" if none
  // The go command's NoGoError text when go_files is empty: "build constraints exclude all Go
  // files in DIR", "no non-test Go files in DIR" or "no Go files in DIR"; "" otherwise.
  std::string NoGoError() const;
};

// Reads directory `dir` and selects its files for `ctxt` as go/build.Context.ImportDir does.
// Returns false (with p->error "open DIR: ...") if the directory cannot be read.
bool ImportDir(const BuildContext& ctxt, const std::string& dir, BuildPackage* p);

}  // namespace escapist::types
