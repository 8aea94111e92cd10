// driver/driver.h -- the command line and the pipeline: load (parse + type-check), lower to IR,
// analyze, report.
//
//   escapist [-m|-m=N|-m -m] [-l] [gc flags...] FILE.go...|DIR|IMPORTPATH   gc's -m output
//   escapist types [-t] [--goos OS] [--goarch ARCH] [--tags a,b] PATTERN...  type errors only
//   escapist explain [--json] [-l] [-N] FILE.go...|DIR|IMPORTPATH   each heap allocation in plain
//                                                     words (driver/explain.cpp, report/explain.h)
//   escapist table FILE.go...                          conversions to interface, as markdown
//   escapist prove [--bench RE] [--no-run] DIR|IMPORTPATH   allocs/op, B/op: predicted, measured
//
// Exit status: 0 success, 1 when the input has errors (syntax or type), 2 on usage errors.
#pragma once

#include <string>
#include <vector>

namespace escapist::driver {

// Everything the command line decides.
struct Options {
  std::string command = "escape";        // "escape" | "types" | "explain" | "table" | "prove"
  int debug_m = 0;                       // -m level
  bool no_inline = false;                // -l
  int inline_level = -1;                 // -l=N (gc's Debug.l before main's swap); -1: not given
  bool race = false;                     // -race
  bool optimize_off = false;             // -N
  bool small_frames = false;             // -smallframes
  std::vector<std::string> debug_flags;  // -d=... entries, as given
  std::string package_path;              // -p=PATH (gc's package path for the files)
  std::string goroot;                    // --goroot, else $GOROOT, else `go env GOROOT`
  std::string dump;                      // --dump=ast|ir
  bool json = false;                     // --json
  std::vector<std::string> inputs;       // files, one directory or import path; `types`: patterns
  std::string goos;                      // types --goos ("" = linux)
  std::string goarch;                    // types --goarch ("" = amd64)
  std::vector<std::string> tags;         // types --tags
  bool tests = false;                    // types -t: include _test.go files
  bool list = false;                     // types --list: print matched packages and their files
  bool dump_info = false;
  std::string cache;  // --cache DIR ("" = DefaultCacheDir(), "off" = none)           // types
                      // --dump-info: print each package's Info (tests/oracle)
  bool no_error_limit = false;     // -e: print all errors, not the first 10
  std::string lang;                // -lang=go1.N: language version of the input package
  bool complete = false;           // -complete: the package has no non-Go files (no bodyless funcs)
  bool std = false;                // -std: compiling a standard-library package
  bool compiling_runtime = false;  // -+: compiling the runtime
  std::string bench = ".";         // prove --bench: go test -bench's regular expression
  std::string benchtime;           // prove --benchtime: go test -benchtime ("" = go's default)
  bool no_run = false;             // prove --no-run: predictions only
  std::string go_command = "go";   // prove --go: the go command
};

// Parses argv into `opts`. gc's single-dash flag forms (-m=2, -d=x, -p=path) are accepted
// alongside escapist's own. Returns false and prints a one-line error to stderr on usage errors.
bool ParseCommandLine(int argc, char** argv, Options* opts);

// Runs the pipeline for `opts`; prints diagnostics to stdout (remarks) and stderr (errors).
// Returns the process exit status.
int Run(const Options& opts);

// Entry point for main(): parse and run.
int Main(int argc, char** argv);

}  // namespace escapist::driver
