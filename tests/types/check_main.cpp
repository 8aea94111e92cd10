// tests/types/check_main.cpp -- escapist-check: type-checks Go packages and prints their errors as
// `file:line:col: message`, sorted by position. Arguments are import paths (std), directories, or
// .go files (checked together as one package). Exit status 1 if there were errors.
//
//   escapist-check fmt net/http          # std packages by import path
//   escapist-check ./dir                 # a directory
//   escapist-check a.go b.go             # files of one package
//   escapist-check -deps fmt             # also print errors of imported packages
//   escapist-check -dump-info fmt        # print Info as tests/oracle does (no error output)
//   escapist-check -dump-info -o DIR fmt # ... into DIR/<path with / as %>.txt per package
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "types/check.h"
#include "types/infodump.h"

using escapist::DiagnosticSink;
using escapist::types::LoadOptions;
using escapist::types::Loader;
using escapist::types::PkgId;

namespace {

bool IsDir(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

void Print(Loader& loader, const DiagnosticSink& diags, bool only_errors) {
  std::vector<escapist::Diagnostic> ds = diags.diags();
  std::stable_sort(ds.begin(), ds.end(), [](const auto& a, const auto& b) { return a.pos < b.pos; });
  for (const auto& d : ds) {
    if (only_errors && d.severity != escapist::Severity::kError) continue;
    if (d.pos.known()) {
      std::printf("%s: %s\n", loader.sources().Format(d.pos).c_str(), d.text.c_str());
    } else {
      std::printf("%s\n", d.text.c_str());
    }
  }
}

// -dump-info: loads the .go files given as one package "main", and each import path (a leading "vendor/" is dropped, as the loader knows
// vendored std packages by their unvendored path) and prints its Info in tests/oracle's format,
// to stdout after a "# package PATH" line or into OUT_DIR. Type errors are not printed.
int DumpInfo(Loader& loader, const std::vector<std::string>& paths, const std::string& out_dir) {
  DiagnosticSink diags;
  int status = 0;
  std::vector<std::string> files;
  std::vector<std::string> pkgs;
  for (const std::string& a : paths) {
    (a.size() > 3 && a.compare(a.size() - 3, 3, ".go") == 0 ? files : pkgs).push_back(a);
  }
  if (!files.empty()) pkgs.insert(pkgs.begin(), "");
  for (std::string path : pkgs) {
    if (path.rfind("vendor/", 0) == 0) path = path.substr(7);
    PkgId id = path.empty() ? loader.LoadFiles(files, "main", diags) : loader.Import(path, diags);
    if (path.empty()) path = "main";
    if (!id.has_value()) {
      std::fprintf(stderr, "%s: cannot load\n", path.c_str());
      status = 1;
      continue;
    }
    std::string text = escapist::types::DumpInfo(loader.universe(), loader.sources(), id);
    if (out_dir.empty()) {
      std::printf("# package %s\n%s", path.c_str(), text.c_str());
      continue;
    }
    std::string name = path;
    std::replace(name.begin(), name.end(), '/', '%');
    std::string file = out_dir + "/" + name + ".txt";
    FILE* f = std::fopen(file.c_str(), "w");
    if (f == nullptr || std::fwrite(text.data(), 1, text.size(), f) != text.size()) {
      std::fprintf(stderr, "cannot write %s\n", file.c_str());
      return 2;
    }
    std::fclose(f);
  }
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  LoadOptions opts;
  bool deps = false;
  bool tests = false;
  bool dump_info = false;
  std::string out_dir;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-deps") {
      deps = true;
    } else if (a == "-dump-info") {
      dump_info = true;
    } else if (a == "-o" && i + 1 < argc) {
      out_dir = argv[++i];
    } else if (a == "-t") {
      tests = true;
    } else if (a.rfind("-goroot=", 0) == 0) {
      opts.goroot = a.substr(8);
    } else {
      args.push_back(a);
    }
  }
  opts.include_tests = tests;
  if (args.empty()) {
    std::fprintf(stderr, "usage: escapist-check [-deps] [-t] [-dump-info [-o DIR]] [-goroot=DIR] pkg|dir|files...\n");
    return 2;
  }
  Loader loader(opts);
  if (dump_info) return DumpInfo(loader, args, out_dir);
  // One sink for everything; afterwards only errors in the named packages' files are printed
  // (all of them with -deps).
  DiagnosticSink diags;
  std::vector<PkgId> pkgs;
  std::vector<std::string> files;
  for (const auto& a : args) {
    if (a.size() > 3 && a.compare(a.size() - 3, 3, ".go") == 0) files.push_back(a);
  }
  if (!files.empty()) pkgs.push_back(loader.LoadFiles(files, "main", diags));
  for (const auto& a : args) {
    if (a.size() > 3 && a.compare(a.size() - 3, 3, ".go") == 0) continue;
    if (IsDir(a)) {
      pkgs.push_back(loader.LoadDir(a, a, diags));
    } else {
      std::string dir = loader.options().goroot + "/src/" + a;
      if (!IsDir(dir)) dir = loader.options().goroot + "/src/vendor/" + a;
      pkgs.push_back(loader.LoadDir(dir, a, diags));
    }
  }
  int errors = 0;
  if (deps) {
    Print(loader, diags, true);
    errors = diags.error_count();
  } else {
    std::vector<uint32_t> own_files;
    for (PkgId id : pkgs) {
      if (!id.has_value()) continue;
      for (const auto& f : loader.universe().Pkg(id).ast.files) own_files.push_back(f.file_index);
    }
    DiagnosticSink own;
    for (const auto& d : diags.diags()) {
      bool mine = !d.pos.known() ||
                  std::find(own_files.begin(), own_files.end(), d.pos.file) != own_files.end();
      if (mine && d.severity == escapist::Severity::kError) own.Error(d.pos, d.text);
    }
    Print(loader, own, true);
    errors = own.error_count();
  }
  if (std::getenv("ESCAPIST_STATS")) {
    const auto& u = loader.universe();
    std::fprintf(stderr, "packages %zu types %zu objects %zu constants %zu scopes %zu sizeof(Type) %zu sizeof(Object) %zu\n",
                 u.packages.size(), u.types.size(), u.objects.size(), u.constants.size(),
                 u.scopes.size(), sizeof(escapist::types::Type), sizeof(escapist::types::Object));
  }
  return errors > 0 ? 1 : 0;
}
