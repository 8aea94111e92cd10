// bench/kernels.cpp -- escapist-kernels: Google Benchmark kernels of escapist's front end.
//
//   BM_Scan/<file>          scanner tokens/s and bytes/s on one large file (kDirectives mode, as
//                           the parser scans)
//   BM_Parse/<file>         syntax::ParseFile on the same file (fresh Ast per iteration)
//   BM_CheckPackage/<pkg>   types::CheckPackage of one std package whose imports are already
//                           loaded (the files are parsed again, untimed, for each iteration)
//
// Files and packages are taken from $GOROOT (default /usr/lib/go-1.27): runtime/proc.go (243 KB
// of hand-written code) and cmd/compile/internal/ssa/rewriteAMD64.go (2.6 MB, generated); fmt and
// text/template. Run: build-bench/bench/escapist-kernels [--benchmark_repetitions=5 ...].
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "syntax/parse.h"
#include "syntax/scanner.h"
#include "types/check.h"

using namespace escapist;

namespace {

std::string GoRoot() {
  const char* g = std::getenv("GOROOT");
  return g && *g ? g : "/usr/lib/go-1.27";
}

std::string ReadOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "escapist-kernels: cannot open %s\n", path.c_str());
    std::exit(2);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class NullHandler : public syntax::ScannerHandler {
 public:
  void ScanError(uint32_t, uint32_t, std::string) override {}
};

const char* const kFiles[] = {"src/runtime/proc.go", "src/cmd/compile/internal/ssa/rewriteAMD64.go"};

void BM_Scan(benchmark::State& state) {
  std::string text = ReadOrDie(GoRoot() + "/" + kFiles[state.range(0)]);
  NullHandler handler;
  int64_t tokens = 0;
  for (auto _ : state) {
    syntax::Scanner s;
    s.Init(text, &handler, syntax::Scanner::kDirectives);
    do {
      s.Next();
      tokens++;
    } while (s.tok != syntax::Token::kEOF);
  }
  state.SetLabel(kFiles[state.range(0)]);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
  state.counters["tokens/s"] = benchmark::Counter(double(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Scan)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_Parse(benchmark::State& state) {
  SourceSet sources;
  std::string path = GoRoot() + "/" + kFiles[state.range(0)];
  sources.Add(SourceFile{path, path, ReadOrDie(path)});
  for (auto _ : state) {
    syntax::Ast ast;
    DiagnosticSink diags;
    benchmark::DoNotOptimize(syntax::ParseFile(sources, 0, ast, diags));
    state.counters["nodes"] = double(ast.size());
  }
  state.SetLabel(kFiles[state.range(0)]);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(sources.Get(0).text.size()));
}
BENCHMARK(BM_Parse)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

const char* const kPackages[] = {"fmt", "text/template"};

// Checks a fresh copy of a std package per iteration; its imports (and the package itself, once)
// are loaded before timing starts, so only CheckPackage of the copy is timed.
void BM_CheckPackage(benchmark::State& state) {
  const std::string path = kPackages[state.range(0)];
  types::Loader loader(types::LoadOptions{});
  DiagnosticSink load_diags;
  types::PkgId orig = loader.Import(path, load_diags);
  if (!orig.has_value() || load_diags.error_count() > 0) {
    state.SkipWithError("loading the package failed");
    return;
  }
  types::Universe& u = loader.universe();
  std::vector<uint32_t> file_indices;
  size_t bytes = 0;
  for (const auto& fi : u.Pkg(orig).ast.files) {
    file_indices.push_back(fi.file_index);
    bytes += loader.sources().Get(fi.file_index).text.size();
  }
  const std::string dir = u.Pkg(orig).dir, name = u.Pkg(orig).name;
  int errors = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto pkg = std::make_unique<types::Package>();
    pkg->path = path;
    pkg->dir = dir;
    pkg->name = name;
    pkg->go_version = loader.options().go_version;
    DiagnosticSink diags;
    for (uint32_t fi : file_indices) syntax::ParseFile(loader.sources(), fi, pkg->ast, diags);
    types::PkgId id = u.packages.Add(std::move(pkg));
    state.ResumeTiming();
    types::CheckPackage(u, id, loader.sources(),
                        [&](const std::string& p) -> types::PkgId {
                          return p == "unsafe" ? u.unsafe_pkg : loader.Import(p, diags);
                        },
                        diags);
    errors += diags.error_count();
  }
  if (errors > 0) state.SkipWithError("the package has type errors");
  state.SetLabel(path);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
}
BENCHMARK(BM_CheckPackage)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
