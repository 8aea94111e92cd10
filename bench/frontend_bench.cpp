// bench/frontend_bench.cpp -- escapist-frontend-bench: the escapist side of bench/run.sh. Times
// escapist's parser on a list of files and its loader + type checker on the whole standard
// library, and prints one machine-readable line per run, in the same format as bench/go:
//
//   side=escapist mode=parse seconds=S cpu_seconds=C files=N bytes=B errors=E peak_rss_kib=K
//
// Usage:
//   escapist-frontend-bench parse FILELIST   # FILELIST: one file path a line
//   escapist-frontend-bench check PKGLIST    # PKGLIST: bench/go's format; the first field is used
//
// parse reads every file into memory first and times only syntax::ParseFile, a fresh Ast per
// file (dropped after parsing), as escapist-parse does. check times one types::Loader importing
// every package of PKGLIST in order (each once; the loader reads, selects by build constraints,
// parses and checks the files, imports first), single threaded, keeping everything until the end.
// `vendor/` is stripped from paths (the loader finds vendored packages by their import path).
// peak_rss_kib is getrusage(RUSAGE_SELF).ru_maxrss of the whole process; cpu_seconds is the
// process's user+system CPU time over the timed region.
#include <pthread.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/parse.h"
#include "types/check.h"

using namespace escapist;

namespace {

// Returns the peak resident set size of this process in KiB (Linux's ru_maxrss unit).
long PeakRssKiB() {
  rusage ru{};
  if (getrusage(RUSAGE_SELF, &ru) != 0) return -1;
  return ru.ru_maxrss;
}

// Returns the non-empty lines of `path`; exits with status 2 if it cannot be read.
std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "escapist-frontend-bench: cannot open %s\n", path.c_str());
    std::exit(2);
  }
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Returns the user+system CPU time of the whole process so far (all threads).
double CpuSeconds() {
  rusage ru{};
  if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
  return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int ParseMode(const std::string& list) {
  std::vector<std::string> names = ReadLines(list);
  SourceSet sources;
  size_t bytes = 0;
  for (const std::string& f : names) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "escapist-frontend-bench: cannot open %s\n", f.c_str());
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    bytes += ss.view().size();
    sources.Add(SourceFile{f, f, ss.str()});
  }
  int errors = 0;
  double cpu0 = CpuSeconds();
  auto t0 = std::chrono::steady_clock::now();
  for (uint32_t i = 0; i < sources.size(); i++) {
    syntax::Ast ast;
    DiagnosticSink diags;
    syntax::ParseFile(sources, i, ast, diags);
    errors += diags.error_count() > 0;
  }
  double secs = Seconds(t0), cpu = CpuSeconds() - cpu0;
  std::printf("side=escapist mode=parse seconds=%.6f cpu_seconds=%.6f files=%zu bytes=%zu "
              "errors=%d peak_rss_kib=%ld\n",
              secs, cpu, sources.size(), bytes, errors, PeakRssKiB());
  return 0;
}

void* RunFunction(void* arg) {
  (*static_cast<std::function<void()>*>(arg))();
  return nullptr;
}

// Runs f on one thread with a 1 GiB stack (reserved, not committed), as the Loader does for
// LoadFiles (Import recurses through the import graph and the checker through expressions).
void RunWithBigStack(std::function<void()> f) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t{1} << 30);
  pthread_t th;
  if (pthread_create(&th, &attr, RunFunction, &f) != 0) {
    f();
  } else {
    pthread_join(th, nullptr);
  }
  pthread_attr_destroy(&attr);
}

int CheckMode(const std::string& list) {
  std::vector<std::string> paths;
  for (const std::string& line : ReadLines(list)) {
    std::string p = line.substr(0, line.find('\t'));
    if (p.rfind("vendor/", 0) == 0) p = p.substr(7);
    if (p != "unsafe") paths.push_back(p);
  }
  double secs = 0, cpu = 0;
  size_t files = 0, bytes = 0, packages = 0;
  int errors = 0;
  RunWithBigStack([&]() {
    double cpu0 = CpuSeconds();
    auto t0 = std::chrono::steady_clock::now();
    types::Loader loader(types::LoadOptions{});
    DiagnosticSink diags;
    for (const std::string& p : paths) loader.Import(p, diags);
    secs = Seconds(t0);
    cpu = CpuSeconds() - cpu0;
    files = loader.sources().size();
    for (uint32_t i = 0; i < files; i++) bytes += loader.sources().Get(i).text.size();
    packages = loader.universe().packages.size();
    errors = diags.error_count();
    if (std::getenv("ESCAPIST_BENCH_VERBOSE")) {
      for (const Diagnostic& d : diags.diags()) {
        std::fprintf(stderr, "%s: %s\n", loader.sources().Format(d.pos).c_str(), d.text.c_str());
      }
    }
  });
  std::printf("side=escapist mode=check seconds=%.6f cpu_seconds=%.6f packages=%zu files=%zu bytes=%zu errors=%d "
              "peak_rss_kib=%ld\n",
              secs, cpu, packages, files, bytes, errors, PeakRssKiB());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: escapist-frontend-bench parse FILELIST | check PKGLIST\n");
    return 2;
  }
  std::string mode = argv[1];
  if (mode == "parse") return ParseMode(argv[2]);
  if (mode == "check") return CheckMode(argv[2]);
  std::fprintf(stderr, "escapist-frontend-bench: unknown mode %s\n", mode.c_str());
  return 2;
}
