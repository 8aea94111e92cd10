// types/modfile.h -- go.mod files (golang.org/x/mod/modfile): the directives that decide where
// a module's packages are (module, go, require, replace), and finding the main module as the go
// command does (modload.findModuleRoot).
#pragma once

#include <string>
#include <vector>

namespace escapist::types {

// One `require path version` line.
struct ModRequire {
  std::string path;
  std::string version;
};

// One `replace old [old_version] => new [new_version]` line. A new_path starting with ./, ../
// or / (no new_version) is a local directory, relative to the go.mod's directory.
struct ModReplace {
  std::string old_path;
  std::string old_version;  // "" = every version
  std::string new_path;
  std::string new_version;  // "" for a directory
  bool IsLocal() const { return new_version.empty(); }
};

// The parsed go.mod of a module.
struct ModFile {
  std::string dir;          // directory holding go.mod
  std::string module_path;  // `module` directive
  std::string go_version;   // `go` directive ("1.22.3"), "" if absent
  std::vector<ModRequire> require;
  std::vector<ModReplace> replaces;

  // The language version of the module's packages as gc's -lang takes it: "go1.22" for
  // `go 1.22.3`; "go1.16" when there is no go line (the go command's default for old modules).
  std::string LanguageVersion() const;
};

// Parses the text of a go.mod (single-line and block forms of every directive; `//` comments;
// quoted and unquoted tokens). Returns false with *err set to "FILE:LINE: message" on a syntax
// error or a go.mod without a module directive.
bool ParseModFile(const std::string& text, const std::string& filename, ModFile* mf,
                  std::string* err);

// Walks up from directory `dir` to the first directory holding a go.mod file
// (modload.findModuleRoot); returns it, or "" if there is none.
std::string FindModuleRoot(const std::string& dir);

// The module cache's escaped form of a module path or version (module.EscapePath): each
// upper-case letter becomes '!' and its lower-case form.
std::string EscapeModulePath(const std::string& path);

}  // namespace escapist::types
