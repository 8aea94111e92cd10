// driver/driver.cpp -- command-line parsing (CLI11) and the pipeline from files to gc's -m text.
#include "driver/driver.h"

#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "escape/escape.h"
#include "inline/inline.h"
#include "ir/build.h"
#include "report/report.h"
#include "driver/analysis.h"
#include "driver/cache.h"
#include "types/check.h"
#include "types/infodump.h"
#include "walk/walk.h"

namespace escapist::driver {
namespace {

// gc's flags use one dash with `=` (-m=2, -d=checkptr, -p=path); CLI11 wants two dashes for long
// options. Rewrites each gc-style argument to the form CLI11 parses; `-m=N` becomes N copies of
// `-m` so that `-m -m` and `-m=2` mean the same, as in gc.
std::vector<std::string> NormalizeGcFlags(int argc, char** argv) {
  std::vector<std::string> out;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("-m=", 0) == 0) {
      int n = std::atoi(a.c_str() + 3);
      for (int k = 0; k < n; ++k) out.push_back("-m");
      if (n <= 0) out.push_back("--m-off");
      continue;
    }
    if (a.rfind("-l=", 0) == 0) {  // -l=N: gc's inlining level
      out.push_back("--l-level=" + a.substr(3));
      continue;
    }
    if (a == "-+") {
      out.push_back("--compiling-runtime");
      continue;
    }
    if (a == "-goexperiment" && i + 1 < argc) {  // -goexperiment X (separate value)
      out.push_back("--goexperiment=" + std::string(argv[++i]));
      continue;
    }
    if (a == "-smallframes" || a == "-race" || a == "-msan" || a == "-asan" || a == "-0" ||
        a == "-e" || a == "-C" || a == "-std" || a == "-complete" || a == "-dwarf=false" ||
        a == "-live" || a == "-wb" || a == "-S") {
      out.push_back("-" + a);
      continue;
    }
    if (a.size() > 3 && a[0] == '-' && a[1] != '-' && a.find('=') != std::string::npos) {
      out.push_back("-" + a);  // -d=x -> --d=x, -p=path -> --p=path, -lang=go1.22 -> --lang=...
      continue;
    }
    out.push_back(a);
  }
  std::reverse(out.begin(), out.end());  // CLI11::parse(vector) expects reversed order
  return out;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

// GOROOT: --goroot, else $GOROOT, else `go env GOROOT` when go is on PATH; "" if none. When go
// is asked, *gomodcache gets `go env GOMODCACHE` too (the module cache of required modules).
std::string FindGoroot(const std::string& flag, std::string* gomodcache = nullptr) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("GOROOT"); env != nullptr && *env != '\0') return env;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen("go env GOROOT GOMODCACHE 2>/dev/null", "r"),
                                             pclose);
  if (!pipe) return "";
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, pipe.get()) != nullptr) out += buf;
  size_t nl = out.find('\n');
  if (nl == std::string::npos) return Trim(out);
  if (gomodcache != nullptr && std::getenv("GOMODCACHE") == nullptr) {
    *gomodcache = Trim(out.substr(nl + 1));
  }
  return Trim(out.substr(0, nl));
}

bool IsDir(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}
bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

// Prints errors as gc does: sorted by position, adjacent duplicates removed, at most 10 per
// package before "too many errors" (base.FlushErrors; each package is one gc run). Errors without
// a position (the go command's load errors) come first, as the go command prints them before
// compiling. Remarks are printed in emission order, unsorted, as gc does with -m.
void PrintDiagnostics(const SourceSet& sources, const DiagnosticSink& sink, bool errors_only,
                      bool no_error_limit = false,
                      const types::Universe* u = nullptr) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : sink.diags()) {
    if (d.severity == Severity::kError) errors.push_back(d);
  }
  std::stable_sort(errors.begin(), errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.pos.known() != b.pos.known()) return !a.pos.known();
    return a.pos.known() && a.pos < b.pos;
  });
  // The package of each file, to count errors per package.
  std::vector<int> pkg_of_file;
  if (u != nullptr) {
    pkg_of_file.assign(sources.size(), -1);
    for (size_t i = 0; i < u->packages.size(); ++i) {
      const auto& p = u->packages.Get(types::PkgId(static_cast<uint32_t>(i)));
      if (!p) continue;
      for (const auto& f : p->ast.files) {
        if (f.file_index < pkg_of_file.size()) pkg_of_file[f.file_index] = static_cast<int>(i);
      }
    }
  }
  std::map<int, int> printed;  // per package (-1: unknown)
  std::set<int> too_many;
  std::string last;
  for (const Diagnostic& d : errors) {
    if (!d.pos.known()) {
      if (d.text != last) std::cout << d.text << '\n';
      last = d.text;
      continue;
    }
    int pkg = d.pos.file < pkg_of_file.size() ? pkg_of_file[d.pos.file] : -1;
    if (too_many.count(pkg)) continue;
    std::string line = sources.Format(d.pos) + ": " + d.text;
    if (line == last) continue;
    last = line;
    if (printed[pkg] == 10 && !no_error_limit) {
      std::cout << sources.Format(d.pos) << ": too many errors\n";
      too_many.insert(pkg);
      continue;
    }
    std::cout << line << '\n';
    ++printed[pkg];
  }
  if (errors_only) return;
  for (const Diagnostic& d : sink.diags()) {
    if (d.severity != Severity::kRemark) continue;
    // gc prints a remark without a position (e.g. on rangefunc's #next) as the bare message.
    if (!d.pos.known()) {
      std::cout << d.text << '\n';
    } else {
      std::cout << sources.Format(d.pos) << ": " << d.text << '\n';
    }
  }
}

// Whether `arg` names an import path rather than a file or directory (go's
// build.IsLocalImport is false and it is not a .go file).
bool LooksLikeImportPath(const std::string& arg) {
  if (arg.empty() || arg[0] == '.' || arg[0] == '/') return false;
  if (arg.size() > 3 && arg.compare(arg.size() - 3, 3, ".go") == 0) return false;
  return !Exists(arg);
}

}  // namespace

// The `types` subcommand: escapist types [flags] PATTERN...
bool ParseTypesCommandLine(std::vector<std::string> args, Options* opts) {
  CLI::App app{"escapist types: loads the packages matched by the patterns as the go command does "
               "(GOROOT, go.mod, build constraints) and type-checks them; prints errors like gc "
               "(file:line:col: message), exit 1 on errors",
               "escapist types"};
  app.add_option("--goroot", opts->goroot, "Go root holding src/ (default: go env GOROOT)");
  app.add_option("--goos", opts->goos, "target GOOS (default linux)");
  app.add_option("--goarch", opts->goarch, "target GOARCH (default amd64)");
  app.add_option("--tags", opts->tags, "extra build tags, comma-separated")->delimiter(',');
  app.add_flag("-t,--tests", opts->tests, "include the _test.go files of the matched packages");
  app.add_flag("--list", opts->list,
               "only list the matched packages, as go list -f '{{.ImportPath}} {{.Dir}} "
               "{{.GoFiles}}' does (no loading of imports, no checking)");
  app.add_flag("--dump-info", opts->dump_info,
               "print each matched package's types of expressions and objects of identifiers "
               "after a '# package PATH' line, in tests/oracle's format (go/types' Info)");
  app.add_option("patterns", opts->inputs,
                 "std, ./..., DIR/..., PATH/..., import paths, directories, or .go files of one "
                 "package");
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    std::exit(0);
  } catch (const CLI::ParseError& e) {
    std::cerr << "escapist types: " << e.what() << " (run escapist types --help)\n";
    return false;
  }
  if (opts->inputs.empty()) {
    std::cerr << "escapist types: no packages (usage: escapist types [-t] [--goos OS] [--goarch "
                 "ARCH] [--tags a,b] [--goroot DIR] PATTERN...)\n";
    return false;
  }
  return true;
}

bool ParseCommandLine(int argc, char** argv, Options* opts) {
  CLI::App app{"escapist: predicts where gc puts each value (stack or heap), without compiling",
               "escapist"};
  app.allow_extras(false);
  int m_count = 0;
  bool m_off = false;
  app.add_flag("-m", m_count, "print escape-analysis decisions (repeat or -m=N for more detail)");
  app.add_flag("--m-off", m_off)->group("");
  int l_count = 0;
  app.add_flag("-l", l_count, "disable inlining (gc's -l; -l -l: inlining level 2, as gc)");
  app.add_option("--l-level", opts->inline_level)->group("");
  app.add_flag("--race", opts->race, "compile for the race detector (gc's -race)");
  app.add_flag("-N", opts->optimize_off, "disable optimizations (gc's -N)");
  app.add_flag("--smallframes", opts->small_frames, "lower the stack size limits (gc's -smallframes)");
  app.add_option("--d", opts->debug_flags, "gc debug flags (-d=escapemutationscalls,zerocopy,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
  std::string e_value;
  app.add_flag("--e{1}", e_value, "no limit on the number of errors printed (gc's -e)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--lang", opts->lang, "language version of the input (gc's -lang=go1.N)");
  app.add_flag("--complete", opts->complete, "the package has no non-Go files (gc's -complete)");
  app.add_flag("--std", opts->std, "compiling a standard-library package (gc's -std)");
  app.add_flag("--compiling-runtime", opts->compiling_runtime, "compiling the runtime (gc's -+)");
  app.add_option("--p", opts->package_path, "package path of the files (gc's -p)");
  app.add_option("--goroot", opts->goroot, "Go root holding src/ (default: go env GOROOT)");
  app.add_option("--dump", opts->dump, "print the IR of every function instead of analyzing: ir")
      ->check(CLI::IsMember({"ir"}));
  app.add_flag("--json", opts->json, "print results as JSON");
  app.add_option("--cache", opts->cache,
                 "directory of the per-package result cache for package patterns (default: "
                 "$ESCAPIST_CACHE, else $XDG_CACHE_HOME/escapist or ~/.cache/escapist; off: none)");
  // Accepted for compatibility with gc's command line; no effect on the analysis.
  std::string ignored_str;
  bool ignored_flag = false;
  for (const char* f : {"--msan", "--asan", "--0", "--C", "--live", "--wb", "--S"}) {
    app.add_flag(f, ignored_flag)->group("");
  }
  for (const char* f : {"--goexperiment", "--importcfg", "--dwarf", "--trimpath", "--buildid", "--goversion",
                        "--D", "--I", "--o", "--json0"}) {
    app.add_option(f, ignored_str)->group("");
  }
  app.add_option("inputs", opts->inputs, "Go files of one package, or one package directory");
  std::vector<std::string> args = NormalizeGcFlags(argc, argv);
  if (!args.empty() && args.back() == "types") {
    opts->command = "types";
    args.pop_back();
    // -t means --tests here; CLI11 wants the reversed order undone for a plain vector parse.
    std::reverse(args.begin(), args.end());
    for (std::string& a : args) {
      if (a == "--t") a = "-t";
    }
    std::reverse(args.begin(), args.end());
    return ParseTypesCommandLine(std::move(args), opts);
  }
  // Subcommands built on one package's analysis: escapist explain|table|prove [flags] INPUT.
  auto sub = app.add_option_group("explain, table, prove");
  sub->add_option("--bench", opts->bench,
                  "prove: regular expression of the benchmarks to predict and run (go test "
                  "-bench; default .)");
  sub->add_option("--benchtime", opts->benchtime, "prove: go test -benchtime (default: go's)");
  sub->add_flag("--no-run", opts->no_run, "prove: print the predictions only, run no benchmark");
  sub->add_option("--go", opts->go_command, "prove: the go command to run (default: go on PATH)");
  std::string sub_name;
  if (!args.empty() &&
      (args.back() == "explain" || args.back() == "table" || args.back() == "prove")) {
    sub_name = args.back();
    opts->command = sub_name;
    args.pop_back();
  }
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    std::exit(0);
  } catch (const CLI::ParseError& e) {
    std::cerr << "escapist" << (sub_name.empty() ? "" : " " + sub_name) << ": " << e.what()
              << " (run escapist --help)\n";
    return false;
  }
  opts->debug_m = m_off ? 0 : m_count;
  opts->no_inline = l_count == 1;
  if (l_count > 1 && opts->inline_level < 0) opts->inline_level = l_count;
  // -e; -e=0 restores the limit. The Go test driver runs gc with -e on errorcheck tests; a
  // candidate run in its place (ORACLE_KIND=errorcheck|errorcheckdir) behaves the same.
  opts->no_error_limit = !e_value.empty() && e_value != "0" && e_value != "false";
  if (const char* kind = std::getenv("ORACLE_KIND");
      kind != nullptr && std::string(kind).rfind("errorcheck", 0) == 0 && e_value.empty()) {
    opts->no_error_limit = true;
  }
  if (opts->inputs.empty()) {
    std::cerr << "escapist: no input files (usage: escapist [-m] [-l] FILE.go...|DIR|IMPORTPATH, "
                 "or escapist types PATTERN...)\n";
    return false;
  }
  return true;
}

// escapist types PATTERN...: load, check, print errors.
int RunTypes(const Options& opts) {
  types::LoadOptions load_opts;
  load_opts.goroot = FindGoroot(opts.goroot, &load_opts.gomodcache);
  if (!opts.goos.empty()) load_opts.goos = opts.goos;
  if (!opts.goarch.empty()) load_opts.goarch = opts.goarch;
  load_opts.build_tags = opts.tags;
  load_opts.include_tests = opts.tests;
  types::Loader loader(load_opts);
  DiagnosticSink diags;
  if (opts.list) {
    int rc = 0;
    for (const std::string& pat : opts.inputs) {
      types::PatternMatch m = loader.finder().Match(pat, loader.build_context());
      for (const std::string& e : m.errors) {
        std::cerr << e << '\n';
        rc = 1;
      }
      for (const types::FoundPackage& f : m.pkgs) {
        if (!f.error.empty()) {
          std::cerr << f.error << '\n';
          rc = 1;
          continue;
        }
        types::BuildPackage bp;
        types::ImportDir(loader.build_context(), f.dir, &bp);
        std::cout << f.path << ' ' << f.dir << " [";
        for (size_t i = 0; i < bp.go_files.size(); ++i) std::cout << (i ? " " : "") << bp.go_files[i];
        std::cout << "]\n";
      }
    }
    return rc;
  }
  std::vector<types::PkgId> pkgs = loader.LoadPatterns(opts.inputs, diags);
  if (opts.dump_info) {
    for (types::PkgId p : pkgs) {
      if (!p.has_value()) continue;
      std::cout << "# package " << loader.universe().Pkg(p).path << '\n'
                << types::DumpInfo(loader.universe(), loader.sources(), p);
    }
  }
  PrintDiagnostics(loader.sources(), diags, /*errors_only=*/true, /*no_error_limit=*/false,
                   &loader.universe());
  return diags.error_count() > 0 ? 1 : 0;
}

namespace {

// escape::Options from the command line: -m level and gc's -d flags that change what escape
// analysis prints (escapemutationscalls, zerocopy).
// Calls fn(name, value) for each of gc's -d flags (-d=a,b=2: "a" "1", "b" "2").
void ForEachDebugFlag(const Options& opts,
                      const std::function<void(const std::string&, const std::string&)>& fn) {
  for (const std::string& d : opts.debug_flags) {
    size_t start = 0;
    while (start <= d.size()) {
      size_t end = d.find(',', start);
      if (end == std::string::npos) end = d.size();
      std::string f = d.substr(start, end - start);
      std::string val = "1";
      if (size_t eq = f.find('='); eq != std::string::npos) {
        val = f.substr(eq + 1);
        f = f.substr(0, eq);
      }
      fn(f, val);
      start = end + 1;
    }
  }
}

escape::Options EscapeOptions(const Options& opts, const SourceSet* sources) {
  escape::Options esc_opts;
  esc_opts.debug_m = opts.debug_m;
  esc_opts.sources = sources;
  ForEachDebugFlag(opts, [&](const std::string& f, const std::string& val) {
    if (f == "escapemutationscalls") esc_opts.escape_mutations_calls = val != "0";
    if (f == "zerocopy") esc_opts.zero_copy = val != "0";
  });
  return esc_opts;
}

// walk::Options from the command line: -m, -d=escapedebug=N.
walk::Options WalkOptions(const Options& opts) {
  walk::Options o;
  o.debug_m = opts.debug_m;
  ForEachDebugFlag(opts, [&](const std::string& f, const std::string& val) {
    if (f == "escapedebug") o.escape_debug = std::atoi(val.c_str());
  });
  return o;
}

// Whether the run prints anything that needs escape analysis: -m, or walk's -d=escapedebug
// lines (which read escape's verdicts; without -m, escape's own remarks are not printed).
bool NeedsEscape(const Options& opts) {
  return opts.debug_m > 0 || WalkOptions(opts).escape_debug > 0;
}

// gc's base.FlushErrors order for remarks printed without -m (gc flushes after each warning
// only with -m): sorted by position, stably, a position inside an inlined call after every file
// position (its position base is made later) and ordered by its inlined call; adjacent
// duplicate lines dropped.
void SortLikeFlushErrors(std::vector<Diagnostic>& diags, const SourceSet& sources) {
  std::vector<Diagnostic> remarks, rest;
  for (Diagnostic& d : diags) (d.severity == Severity::kRemark ? remarks : rest).push_back(d);
  std::stable_sort(remarks.begin(), remarks.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if ((a.inl != 0) != (b.inl != 0)) return a.inl == 0;
    if (a.inl != b.inl) return a.inl < b.inl;
    if (a.inl != 0) return false;  // the callee's positions are not kept: emission order
    if (a.pos.known() != b.pos.known()) return !a.pos.known();
    return a.pos < b.pos;
  });
  std::vector<Diagnostic> out = std::move(rest);
  for (size_t i = 0; i < remarks.size(); ++i) {
    // gc compares the printed lines (a file read twice has one name).
    const Diagnostic& d = remarks[i];
    if (i > 0 && d.text == remarks[i - 1].text &&
        (d.pos == remarks[i - 1].pos ||
         (d.pos.known() && remarks[i - 1].pos.known() &&
          sources.Format(d.pos) == sources.Format(remarks[i - 1].pos)))) {
      continue;
    }
    out.push_back(d);
  }
  diags = std::move(out);
}

// inlining::Options from the command line: -m, gc's inlining level (-l, -l=N: gc/main.go swaps
// 0 and 1, so no flag means 1 and -l means 0), -race, -d=checkptr, -d=inlfuncswithclosures.
inlining::Options InlineOptions(const Options& opts) {
  inlining::Options o;
  o.debug_m = opts.debug_m;
  int l = opts.inline_level >= 0 ? opts.inline_level : (opts.no_inline ? 1 : 0);
  o.level = l <= 1 ? 1 - l : l;
  o.race = opts.race;
  ForEachDebugFlag(opts, [&](const std::string& f, const std::string& val) {
    if (f == "checkptr") o.checkptr = val != "0";
    if (f == "inlfuncswithclosures") o.inl_funcs_with_closures = val != "0";
  });
  return o;
}

// gc's front end between IR construction and escape analysis, on `prog` (built without
// loopvar): interleaved devirtualization and inlining with options `o` (other packages' costs
// and bodies from `imported`), whose remarks ("can inline", "devirtualizing", "inlining call
// to") are appended to `diags` if given; then loopvar's rewrite, staticinit of the package
// initializers (pkginit.MakeTask) and deadlocals, which gc runs after inlining.
void Lower(ir::Program& prog, const types::Universe& u, inlining::Options o,
           inlining::ImportedCosts& imported, DiagnosticSink* diags,
           const ir::Program* pristine = nullptr) {
  o.imported_cost = imported.Hook();
  o.imported_body = imported.BodyHook();
  if (diags == nullptr) o.debug_m = 0;
  ir::BLoop(prog, u, o.debug_m, diags);
  inlining::Result r = inlining::InlinePackage(prog, u, o, pristine);
  if (diags != nullptr) {
    for (const inlining::Remark& rem : r.remarks) diags->Remark(rem.pos, rem.text);
  }
  ir::ForCapture(prog, u);
  ir::StaticInit(prog, u);
  ir::DeadLocals(prog, u);
}

void InlineAndReport(ir::Program& prog, const types::Universe& u, const Options& opts,
                     inlining::ImportedCosts& imported, DiagnosticSink& diags) {
  inlining::Options o = InlineOptions(opts);
  o.wrappers = WalkOptions(opts).escape_debug > 0;  // walk prints lines about their bodies
  Lower(prog, u, o, imported, opts.debug_m > 0 ? &diags : nullptr);
}

// A dependency's IR as its escape analysis sees it: built, then lowered with `o` (silently).
ir::Program LowerDependency(const types::Universe& u, types::PkgId pkg, const inlining::Options& o,
                            inlining::ImportedCosts& imported) {
  // The IR built for the package's inline costs is the one to lower (gc compiles a package
  // once), and its pristine copy the bodies pasted for calls of its own functions.
  const ir::Program* pristine = imported.Pristine(pkg);
  if (pristine == nullptr) {
    DiagnosticSink sink;
    ir::Program prog = ir::Build(u, pkg, sink, /*for_capture=*/false);
    Lower(prog, u, o, imported, nullptr);
    return prog;
  }
  ir::Program prog = *pristine;
  Lower(prog, u, o, imported, nullptr, pristine);
  return prog;
}

// Escape analysis of `prog` (its imports' tags from `imported`) and the -m remarks gc prints for
// it, escape's then walk's, appended to `diags`. Returns the analysis, whose tags the caller may
// export.
escape::Result AnalyzeAndReport(const ir::Program& prog, const types::Universe& u,
                                const SourceSet& sources, const Options& opts,
                                escape::ImportedTags& imported, DiagnosticSink& diags) {
  escape::Options esc_opts = EscapeOptions(opts, &sources);
  esc_opts.imported_leaks = imported.Hook();
  escape::Result result = escape::Analyze(prog, u, esc_opts);
  report::Options rep_opts;
  rep_opts.debug_m = opts.debug_m;
  report::RenderEscape(result, prog, u, rep_opts, diags);
  walk::Remarks(prog, u, result, WalkOptions(opts), diags);
  return result;
}

// The symbol of a declared function or method as the cache names it: "F", "T.M", "(*T).M"; ""
// for functions no other package can call (init, _).
std::string FuncSymbol(const types::Universe& u, types::ObjId f) {
  const types::Object& o = u.Obj(f);
  if (o.name == "init" || o.name == "_") return "";
  if (!o.method_of.has_value()) return o.name;
  const std::string& recv = u.Obj(o.method_of).name;
  return o.ptr_recv ? "(*" + recv + ")." + o.name : recv + "." + o.name;
}

// A package's cache key: SHA-256 of `base` (binary, Go version, flags...), its import path, its
// files' names and contents, and its dependencies' keys (memoized in `keys`, by PkgId).
std::string PackageKey(const std::string& base, types::Loader& loader, types::PkgId id,
                       std::unordered_map<uint32_t, std::string>& keys) {
  if (auto it = keys.find(id.index()); it != keys.end()) return it->second;
  const types::Universe& u = loader.universe();
  KeyHasher h;
  h.Add(base);
  const types::Package& p = u.Pkg(id);
  h.Add(p.path);
  for (const syntax::FileInfo& fi : p.ast.files) {
    const SourceFile& f = loader.sources().Get(fi.file_index);
    h.Add(f.path);
    h.Add(f.text);
  }
  for (const auto& [path, dep] : loader.Deps(id)) {
    h.Add(dep == u.unsafe_pkg ? "unsafe" : PackageKey(base, loader, dep, keys));
  }
  return keys[id.index()] = h.Hex();
}

// A package's tags from cache entry `e` by function object (escape::ImportedTags::Provider).
void DecodeTags(const types::Universe& u, types::PkgId id, const CacheEntry& e,
                std::unordered_map<uint32_t, std::vector<escape::Leaks>>* out) {
  std::unordered_map<std::string, const std::vector<std::string>*> by_symbol;
  for (const auto& [sym, tags] : e.tags) by_symbol[sym] = &tags;
  for (types::ObjId f : u.Pkg(id).info.funcs) {
    auto it = by_symbol.find(FuncSymbol(u, f));
    if (it == by_symbol.end()) continue;
    std::vector<escape::Leaks>& leaks = (*out)[f.index()];
    for (const std::string& t : *it->second) leaks.push_back(escape::Leaks::Decode(t));
  }
}

// The cache entry's tags of package `id` from its exported tags (by function object).
void EncodeTags(const types::Universe& u, types::PkgId id,
                const std::unordered_map<uint32_t, std::vector<escape::Leaks>>& exported,
                CacheEntry* e) {
  for (types::ObjId f : u.Pkg(id).info.funcs) {
    auto it = exported.find(f.index());
    std::string sym = FuncSymbol(u, f);
    if (it == exported.end() || sym.empty()) continue;
    std::vector<std::string> tags;
    for (const escape::Leaks& l : it->second) tags.push_back(l.Encode());
    e->tags.push_back({sym, std::move(tags)});
  }
}

// Records what the run over `pkgs` depended on besides file contents: the stamps of every file
// and directory of their dependency closure, the go.mod files that could define the main module,
// GOROOT/VERSION, and the patterns' match (`fingerprint`, first, as a pseudo-stamp). A file
// changed within the last 2 seconds could change again within the same timestamp, so then no
// manifest is written (the next run takes the full path: still correct, only slower).
void WriteManifest(const Cache& cache, const std::string& key, const std::string& fingerprint,
                   types::Loader& loader, const std::vector<types::PkgId>& pkgs, Manifest m) {
  const types::Universe& u = loader.universe();
  m.stamps.push_back(FileStamp{"match:" + fingerprint});
  std::vector<std::string> paths;
  std::unordered_set<uint32_t> seen;
  std::function<void(types::PkgId)> add = [&](types::PkgId id) {
    if (!id.has_value() || id == u.unsafe_pkg || !seen.insert(id.index()).second) return;
    const types::Package& p = u.Pkg(id);
    paths.push_back(p.dir);
    for (const syntax::FileInfo& fi : p.ast.files) paths.push_back(loader.sources().Get(fi.file_index).path);
    for (const auto& [path, dep] : loader.Deps(id)) add(dep);
  };
  for (types::PkgId id : pkgs) add(id);
  paths.push_back(loader.options().goroot + "/VERSION");
  for (std::string d = loader.finder().work_dir(); !d.empty();) {
    paths.push_back(d + "/go.mod");
    paths.push_back(d + "/go.work");
    size_t slash = d.rfind('/');
    d = slash == std::string::npos || slash == 0 ? "" : d.substr(0, slash);
  }
  if (const types::ModFile* mod = loader.finder().main_module()) {
    paths.push_back(mod->dir + "/go.sum");
    paths.push_back(mod->dir + "/vendor/modules.txt");
  }
  auto now = std::chrono::system_clock::now().time_since_epoch();
  int64_t now_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(now).count();
  for (const std::string& path : paths) {
    FileStamp st;
    if (!Stamp(path, &st)) {
      st = FileStamp{path};
    } else if (st.mtime_ns > now_ns - 2000000000LL || st.ctime_ns > now_ns - 2000000000LL) {
      return;
    }
    m.stamps.push_back(std::move(st));
  }
  cache.PutManifest(key, m);
}

// Package patterns (std, ./..., import paths, several directories): each matched package is
// analyzed on its own, as `go build -gcflags=-m PATTERN...` compiles it, and its remarks printed
// after a `# PATH` line. Results are cached per package (driver/cache.h), keyed by escapist's
// binary, the Go version, the flags, the package's files and its dependencies' keys, so a
// second run re-analyzes only what changed. Only packages whose result is missing are
// type-checked (with their dependencies).
int RunPackages(const Options& opts) {
  types::LoadOptions load_opts;
  load_opts.goroot = FindGoroot(opts.goroot, &load_opts.gomodcache);
  load_opts.defer_check = true;
  types::Loader loader(load_opts);
  const types::Universe& u = loader.universe();

  std::string cache_dir = opts.cache.empty() ? DefaultCacheDir() : opts.cache;
  if (cache_dir == "off") cache_dir.clear();
  Cache cache(cache_dir);
  // Everything a package's result depends on besides its files and its dependencies.
  std::string base_key;
  {
    KeyHasher h;
    h.Add(HashFile("/proc/self/exe"));
    std::ifstream version(load_opts.goroot + "/VERSION");
    std::string go_version;
    std::getline(version, go_version);
    h.Add(go_version);
    h.Add(load_opts.goos + "/" + load_opts.goarch);
    h.Add("m=" + std::to_string(opts.debug_m) + " l=" + (opts.no_inline ? "1" : "0"));
    for (const std::string& d : opts.debug_flags) h.Add("d=" + d);
    base_key = h.Hex();
  }
  // Prints one package's remarks after its `# PATH` line; files as the go command shows them.
  auto print_entry = [&](const std::string& path, const CacheEntry& e) {
    if (e.remarks.empty()) return;
    std::string out = "# " + path + "\n";
    for (const CachedRemark& r : e.remarks) {
      if (r.line == 0) {  // no position: the bare message, as gc prints it
        out += r.text + "\n";
        continue;
      }
      out += (r.file == "<autogenerated>" ? r.file : loader.ShortPath(r.file)) + ":" +
             std::to_string(r.line);
      if (r.col != 0) out += ":" + std::to_string(r.col);
      out += ": " + r.text + "\n";
    }
    std::cout << out;
  };
  // The manifest of this exact command (flags, patterns, directory, GOROOT): if nothing it
  // recorded has changed and the patterns match the same directories, every package's key is
  // known without reading or parsing a file.
  std::string manifest_key;
  {
    KeyHasher h;
    h.Add(base_key);
    h.Add(loader.finder().work_dir());
    h.Add(load_opts.goroot);
    h.Add(load_opts.gomodcache);
    for (const std::string& in : opts.inputs) h.Add(in);
    manifest_key = h.Hex();
  }
  auto match_fingerprint = [&]() {
    KeyHasher h;
    for (const std::string& pat : opts.inputs) {
      types::PatternMatch m = loader.finder().Match(pat, loader.build_context());
      h.Add("pattern " + pat);
      for (const std::string& e : m.errors) h.Add("error " + e);
      for (const types::FoundPackage& f : m.pkgs) h.Add(f.path + " " + f.dir + " " + f.error);
    }
    return h.Hex();
  };
  if (std::optional<Manifest> m = cache.GetManifest(manifest_key)) {
    bool valid = !m->stamps.empty() && m->stamps[0].path == "match:" + match_fingerprint();
    for (size_t i = 1; valid && i < m->stamps.size(); ++i) {
      FileStamp now;
      if (!Stamp(m->stamps[i].path, &now)) now = FileStamp{m->stamps[i].path};
      valid = now == m->stamps[i];
    }
    std::vector<CacheEntry> entries;
    for (size_t i = 0; valid && i < m->keys.size(); ++i) {
      std::optional<CacheEntry> e = cache.Get(m->keys[i]);
      if (!e) valid = false; else entries.push_back(std::move(*e));
    }
    if (valid) {
      for (size_t i = 0; i < entries.size(); ++i) print_entry(m->matched[i], entries[i]);
      std::cout << std::flush;
      return 0;
    }
  }

  DiagnosticSink load_diags;
  std::vector<types::PkgId> pkgs = loader.LoadPatterns(opts.inputs, load_diags);
  if (load_diags.error_count() > 0) {
    PrintDiagnostics(loader.sources(), load_diags, /*errors_only=*/true, opts.no_error_limit,
                     &loader.universe());
    return 1;
  }
  std::unordered_map<uint32_t, std::string> keys;
  auto key_of = [&](types::PkgId id) { return PackageKey(base_key, loader, id, keys); };

  // Dependencies' tags: from the cache when their entry is there, else analyzed from source.
  auto prepare = [&](types::PkgId id) {
    DiagnosticSink sink;  // a dependency's errors are reported where it is a target
    return loader.Check(id, sink);
  };
  auto provider = [&](types::PkgId id,
                      std::unordered_map<uint32_t, std::vector<escape::Leaks>>* out) -> bool {
    if (id == u.unsafe_pkg) return false;
    std::optional<CacheEntry> e = cache.Get(key_of(id));
    if (!e) return false;
    DecodeTags(u, id, *e, out);
    return true;
  };
  // Dependencies are compiled with the default flags (-gcflags names only the targets).
  inlining::ImportedCosts imported_costs(u, nullptr, prepare);
  escape::ImportedTags imported(u, prepare, provider, [&](types::PkgId p) {
    return LowerDependency(u, p, inlining::Options(), imported_costs);
  });

  int rc = 0;
  Manifest manifest;
  for (types::PkgId id : pkgs) {
    if (!id.has_value() || id == u.unsafe_pkg) continue;
    const types::Package& p = u.Pkg(id);
    std::string key = key_of(id);
    std::optional<CacheEntry> entry = cache.Get(key);
    if (!entry) {
      DiagnosticSink diags;
      if (!loader.Check(id, diags)) {
        std::cout << "# " << p.path << '\n' << std::flush;
        PrintDiagnostics(loader.sources(), diags, /*errors_only=*/true, opts.no_error_limit,
                         &loader.universe());
        rc = 1;
        continue;
      }
      ir::Program prog = ir::Build(u, id, diags, /*for_capture=*/false);
      InlineAndReport(prog, u, opts, imported_costs, diags);
      entry.emplace();
      if (NeedsEscape(opts)) {
        escape::Result result = AnalyzeAndReport(prog, u, loader.sources(), opts, imported, diags);
        if (opts.debug_m == 0) SortLikeFlushErrors(diags.mutable_diags(), loader.sources());
        auto exported = escape::ExportTags(prog, result);
        imported.Put(id, exported);
        EncodeTags(u, id, exported, &*entry);
      }
      for (const Diagnostic& d : diags.diags()) {
        if (d.severity != Severity::kRemark) continue;
        entry->remarks.push_back(
            {d.pos.autogenerated() ? std::string("<autogenerated>")
                                   : loader.sources().Get(d.pos.file).path,
             d.pos.line, d.pos.col, d.text});
      }
      cache.Put(key, *entry);
    }
    print_entry(p.path, *entry);
    manifest.matched.push_back(p.path);
    manifest.keys.push_back(key);
  }
  std::cout << std::flush;
  if (rc == 0 && !cache_dir.empty()) WriteManifest(cache, manifest_key, match_fingerprint(), loader,
                                                   pkgs, std::move(manifest));
  return rc;
}

}  // namespace

int AnalyzeSingle(const Options& opts, bool include_tests,
                  const std::function<int(PackageAnalysis&)>& consume) {
  // A single import path (not a file or directory) names one package to analyze.
  bool import_mode = opts.inputs.size() == 1 && LooksLikeImportPath(opts.inputs[0]);
  // Check the inputs before loading anything: a missing path is a usage error.
  for (const std::string& in : opts.inputs) {
    if (!import_mode && !Exists(in)) {
      std::cerr << "escapist: " << in << ": no such file or directory\n";
      return 2;
    }
  }
  bool dir_mode = opts.inputs.size() == 1 && IsDir(opts.inputs[0]);
  if (!dir_mode && !import_mode) {
    for (const std::string& in : opts.inputs) {
      if (IsDir(in) || in.size() < 3 || in.substr(in.size() - 3) != ".go") {
        std::cerr << "escapist: " << in << ": expected .go files or a single package directory\n";
        return 2;
      }
    }
  }

  types::LoadOptions load_opts;
  load_opts.goroot = FindGoroot(opts.goroot, &load_opts.gomodcache);
  if (!opts.lang.empty()) load_opts.lang = opts.lang;
  load_opts.complete = opts.complete;
  load_opts.std = opts.std || opts.compiling_runtime;
  load_opts.compiling_runtime = opts.compiling_runtime;
  load_opts.include_tests = include_tests;
  if (include_tests && dir_mode) {
    // go test runs in the package directory: its module is the one found from there.
    load_opts.work_dir = std::filesystem::absolute(opts.inputs[0]).lexically_normal().string();
  }
  types::Loader loader(load_opts);
  DiagnosticSink diags;
  // The package path: -p; else, for a package directory, its import path (go build); else
  // go build's command-line-arguments, or the Go test driver's -p=p when run in its place.
  std::string pkg_path = opts.package_path;
  if (pkg_path.empty()) {
    const char* kind = std::getenv("ORACLE_KIND");
    bool test_driver = kind != nullptr && std::string(kind).rfind("errorcheck", 0) == 0;
    pkg_path = test_driver ? "p" : "command-line-arguments";
  }
  std::vector<types::PkgId> pkgs;
  if (include_tests && (dir_mode || import_mode)) {
    // go test's packages: P with its _test.go files, then the external test package P_test.
    pkgs = loader.LoadPatterns({dir_mode ? std::string(".") : opts.inputs[0]}, diags);
  } else if (import_mode) {
    pkgs = loader.LoadPatterns(opts.inputs, diags);
    if (pkgs.size() != 1) pkgs.clear();
  } else {
    if (dir_mode && opts.package_path.empty()) {
      std::string path = loader.finder().ImportPathOfDir(opts.inputs[0]);
      if (!path.empty()) pkg_path = path;
    }
    types::PkgId pkg = dir_mode ? loader.LoadDir(opts.inputs[0], pkg_path, diags)
                                : loader.LoadFiles(opts.inputs, pkg_path, diags);
    if (pkg.has_value()) pkgs.push_back(pkg);
  }
  if (diags.error_count() > 0 || pkgs.empty()) {
    PrintDiagnostics(loader.sources(), diags, /*errors_only=*/true, opts.no_error_limit,
                     &loader.universe());
    return 1;
  }

  const types::Universe& u = loader.universe();
  // Dependencies were compiled with gc's default flags, except packages beside the input
  // (the test driver's errorcheckdir compiles X.dir/a.go, then X.dir/main.go importing it,
  // with the same flags; a go build package directory holds only one package).
  const std::string& dir = u.Pkg(pkgs[0]).dir;
  auto dep_options = [&](types::PkgId p) {
    return u.Pkg(p).dir == dir ? InlineOptions(opts) : inlining::Options();
  };
  inlining::ImportedCosts imported_costs(u, dep_options);
  // Dependencies' tags (gc's export data) are kept in the cache directory between runs, as a
  // go build keeps compiled packages: each std package is analyzed once, not once per run.
  // Keys: escapist's binary (by its stat, cheap for one-file runs), the Go version and target,
  // the package's files and its dependencies' keys. Packages beside the input (compiled with
  // the command line's flags) are not cached.
  std::string cache_dir = opts.cache.empty() ? DefaultCacheDir() : opts.cache;
  if (cache_dir == "off") cache_dir.clear();
  Cache cache(cache_dir);
  std::string base_key;
  if (!cache_dir.empty()) {
    KeyHasher h;
    h.Add("dependency-tags-v1");
    FileStamp exe;
    Stamp("/proc/self/exe", &exe);
    char real[4096];
    ssize_t n = readlink("/proc/self/exe", real, sizeof(real) - 1);
    h.Add(n > 0 ? std::string(real, static_cast<size_t>(n)) : std::string());
    h.Add(std::to_string(exe.size) + ":" + std::to_string(exe.mtime_ns) + ":" +
          std::to_string(exe.ino));
    std::ifstream version(load_opts.goroot + "/VERSION");
    std::string go_version;
    std::getline(version, go_version);
    h.Add(go_version);
    h.Add(load_opts.goos + "/" + load_opts.goarch);
    base_key = h.Hex();
  }
  std::unordered_map<uint32_t, std::string> keys;
  auto key_of = [&](types::PkgId id) { return PackageKey(base_key, loader, id, keys); };
  auto cacheable = [&](types::PkgId id) {
    return !cache_dir.empty() && id != u.unsafe_pkg && u.Pkg(id).dir != dir;
  };
  auto provider = [&](types::PkgId id,
                      std::unordered_map<uint32_t, std::vector<escape::Leaks>>* out) -> bool {
    if (!cacheable(id)) return false;
    std::optional<CacheEntry> e = cache.Get(key_of(id));
    if (!e) return false;
    DecodeTags(u, id, *e, out);
    return true;
  };
  auto store = [&](types::PkgId id,
                   const std::unordered_map<uint32_t, std::vector<escape::Leaks>>& exported) {
    if (!cacheable(id)) return;
    CacheEntry e;
    EncodeTags(u, id, exported, &e);
    cache.Put(key_of(id), e);
  };
  escape::ImportedTags imported(
      u, nullptr, provider,
      [&](types::PkgId p) { return LowerDependency(u, p, dep_options(p), imported_costs); },
      store);
  // Other packages' lowered IR and escape analysis, for consumers that look into callees.
  std::unordered_map<uint32_t, std::unique_ptr<DependencyAnalysis>> dependencies;
  auto dependency = [&](types::PkgId p) -> const DependencyAnalysis* {
    auto it = dependencies.find(p.index());
    if (it != dependencies.end()) return it->second.get();
    std::unique_ptr<DependencyAnalysis>& slot = dependencies[p.index()];
    if (p == u.unsafe_pkg) return nullptr;
    DiagnosticSink sink;
    if (!loader.Check(p, sink)) return nullptr;
    auto d = std::make_unique<DependencyAnalysis>();
    d->prog = LowerDependency(u, p, dep_options(p), imported_costs);
    escape::Options eo;
    eo.debug_m = 0;
    eo.imported_leaks = imported.Hook();
    d->esc = escape::Analyze(d->prog, u, eo);
    slot = std::move(d);
    return slot.get();
  };

  int rc = 0;
  for (types::PkgId pkg : pkgs) {
    if (!pkg.has_value() || pkg == u.unsafe_pkg) continue;
    DiagnosticSink pkg_diags;
    DiagnosticSink& out = pkgs.size() == 1 ? diags : pkg_diags;
    ir::Program prog = ir::Build(u, pkg, out, /*for_capture=*/false);
    InlineAndReport(prog, u, opts, imported_costs, out);
    escape::Result result;
    if (NeedsEscape(opts) || opts.command != "escape") {
      result = AnalyzeAndReport(prog, u, loader.sources(), opts, imported, out);
      if (opts.debug_m == 0) SortLikeFlushErrors(out.mutable_diags(), loader.sources());
    }
    PackageAnalysis a{loader, u, pkg, prog, result, out, dependency, dir_mode};
    rc = std::max(rc, consume(a));
  }
  return rc;
}

int Run(const Options& opts) {
  if (opts.command == "types") return RunTypes(opts);
  if (opts.command == "explain") return RunExplain(opts);
  if (opts.command == "table") return RunTable(opts);
  if (opts.command == "prove") return RunProve(opts);
  // Package patterns (std, ./..., import paths, several directories) are analyzed package by
  // package as go build does; .go files or one directory form one package.
  bool all_files = true;
  for (const std::string& in : opts.inputs) {
    all_files = all_files && in.size() > 3 && in.compare(in.size() - 3, 3, ".go") == 0;
  }
  bool one_dir = opts.inputs.size() == 1 && IsDir(opts.inputs[0]);
  if (!all_files && !one_dir && opts.dump.empty()) return RunPackages(opts);
  return AnalyzeSingle(opts, /*include_tests=*/false, [&](PackageAnalysis& a) {
    if (opts.dump == "ir") {
      for (ir::FuncId f : a.prog.target_funcs) std::cout << ir::DumpFunc(a.prog, a.u, f);
      return 0;
    }
    // go build prints a package's compiler output after a `# IMPORTPATH` line; for one
    // directory escapist does the same (files named on the command line form
    // command-line-arguments, whose header gc-m and errorcheck ignore, so it is left out there).
    bool any_output = false;
    for (const Diagnostic& d : a.diags.diags()) {
      any_output = any_output || d.severity == Severity::kRemark;
    }
    if (a.dir_mode && any_output && opts.package_path.empty() && !opts.json) {
      std::string path = a.loader.finder().ImportPathOfDir(opts.inputs[0]);
      if (!path.empty()) std::cout << "# " << path << '\n';
    }
    PrintDiagnostics(a.loader.sources(), a.diags, /*errors_only=*/false, opts.no_error_limit);
    return a.diags.error_count() > 0 ? 1 : 0;
  });
}

int Main(int argc, char** argv) {
  Options opts;
  if (!ParseCommandLine(argc, argv, &opts)) return 2;
  return Run(opts);
}

}  // namespace escapist::driver
