// driver/prove.cpp -- escapist prove: predicts allocs/op and B/op of each benchmark of a
// package (cost/predict.h), runs `go test -run '^$' -bench RE -benchmem` on it, and prints
// predicted and measured side by side; exit 1 when a known prediction differs.
#include <fmt/format.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cost/predict.h"
#include "driver/analysis.h"

namespace escapist::driver {
namespace {

struct Measured {
  bool found = false;
  uint64_t allocs = 0;
  uint64_t bytes = 0;
  double ns = 0;
};

// Single-quotes `s` for /bin/sh.
std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// Runs `cmd` in `dir`; returns its exit status and fills `out` with stdout and stderr.
int RunCommand(const std::string& dir, const std::string& cmd, std::string* out) {
  std::string full = "cd " + ShellQuote(dir) + " && " + cmd + " 2>&1";
  FILE* p = popen(full.c_str(), "r");
  if (p == nullptr) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out->append(buf, n);
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

// Parses go test -benchmem lines: "BenchmarkX-2  123  4.5 ns/op  16 B/op  1 allocs/op".
std::map<std::string, Measured> ParseBench(const std::string& text) {
  std::map<std::string, Measured> out;
  std::istringstream in(text);
  std::string line;
  static const std::regex re(
      R"(^(Benchmark\S*?)(-\d+)?\s+\d+\s+([\d.]+) ns/op(?:\s+[\d.]+ \S+)*?\s+(\d+) B/op\s+(\d+) allocs/op)");
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, re)) continue;
    Measured r;
    r.found = true;
    r.ns = std::stod(m[3].str());
    r.bytes = std::stoull(m[4].str());
    r.allocs = std::stoull(m[5].str());
    out[m[1].str()] = r;
  }
  return out;
}

}  // namespace

int RunProve(const Options& opts_in) {
  Options opts = opts_in;
  opts.debug_m = 0;
  if (opts.inputs.size() != 1) {
    std::cerr << "escapist prove: expected one package directory or import path\n";
    return 2;
  }
  // Positions are formatted while the loader is alive.
  struct Rendered {
    cost::Prediction p;
    std::string pos, reason_pos;
    std::vector<std::string> alloc_pos;
  };
  std::vector<Rendered> preds;
  std::string dir;
  int rc = AnalyzeSingle(opts, /*include_tests=*/true, [&](PackageAnalysis& a) {
    if (a.diags.error_count() > 0) return 1;
    if (dir.empty()) dir = a.u.Pkg(a.pkg).dir;
    auto fmt_pos = [&](Pos p) {
      if (!p.known()) return std::string("?");
      return a.loader.ShortPath(a.loader.sources().Get(p.file).path) + ":" +
             std::to_string(p.line) + ":" + std::to_string(p.col);
    };
    cost::Code code{&a.prog, &a.esc};
    cost::CodeProvider deps = [&](types::PkgId p) {
      const DependencyAnalysis* d = a.dependency(p);
      return d != nullptr ? cost::Code{&d->prog, &d->esc} : cost::Code{};
    };
    std::vector<cost::Prediction> ps = cost::PredictBenchmarks(a.u, a.loader.sources(), code, deps);
    for (cost::Prediction& p : ps) {
      Rendered r;
      r.pos = fmt_pos(p.pos);
      r.reason_pos = p.reason_pos.known() ? fmt_pos(p.reason_pos) : "";
      for (const cost::Allocation& x : p.allocs) r.alloc_pos.push_back(fmt_pos(x.pos));
      r.p = std::move(p);
      preds.push_back(std::move(r));
    }
    return 0;
  });
  if (rc != 0) return rc;
  if (preds.empty()) {
    std::cerr << "escapist prove: no benchmarks in " << opts.inputs[0] << "\n";
    return 1;
  }
  std::regex bench_re;
  try {
    bench_re = std::regex(opts.bench);
  } catch (const std::regex_error&) {
    std::cerr << "escapist prove: bad --bench regular expression: " << opts.bench << "\n";
    return 2;
  }
  std::vector<Rendered> chosen;
  for (Rendered& r : preds) {
    if (std::regex_search(r.p.name, bench_re)) chosen.push_back(std::move(r));
  }
  std::map<std::string, Measured> measured;
  std::string go_output;
  if (!opts.no_run) {
    std::string cmd = ShellQuote(opts.go_command) + " test -run '^$' -bench " +
                      ShellQuote(opts.bench) + " -benchmem";
    if (!opts.benchtime.empty()) cmd += " -benchtime " + ShellQuote(opts.benchtime);
    // The measured build must be the predicted one: -l (no inlining) is passed on to gc.
    if (opts.no_inline) cmd += " -gcflags=-l";
    cmd += " -count 1 .";
    int st = RunCommand(dir, cmd, &go_output);
    if (st != 0) {
      std::cerr << "escapist prove: `" << cmd << "` in " << dir << " failed (exit " << st << "):\n"
                << go_output;
      return 1;
    }
    measured = ParseBench(go_output);
  }
  int mismatches = 0, unknowns = 0, matches = 0;
  if (opts.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const Rendered& r : chosen) {
      const cost::Prediction& p = r.p;
      nlohmann::json b;
      b["name"] = p.name;
      b["pos"] = r.pos;
      b["known"] = p.known;
      if (p.known) {
        b["allocs_per_op"] = p.per_op.allocs;
        b["bytes_per_op"] = p.per_op.bytes;
        nlohmann::json al = nlohmann::json::array();
        for (size_t i = 0; i < p.allocs.size(); ++i) {
          const cost::Allocation& x = p.allocs[i];
          al.push_back({{"pos", r.alloc_pos[i]},
                        {"func", x.func},
                        {"what", x.what},
                        {"size", x.m.size},
                        {"slot", x.m.slot},
                        {"size_class", x.m.size_class},
                        {"tiny", x.m.tiny}});
        }
        b["allocations"] = al;
        b["notes"] = p.notes;
      } else {
        b["reason"] = p.reason;
        if (!r.reason_pos.empty()) b["reason_pos"] = r.reason_pos;
      }
      auto it = measured.find(p.name);
      if (it != measured.end()) {
        b["measured"] = {{"allocs_per_op", it->second.allocs},
                         {"bytes_per_op", it->second.bytes},
                         {"ns_per_op", it->second.ns}};
        bool ok =
            p.known && p.per_op.allocs == it->second.allocs && p.per_op.bytes == it->second.bytes;
        b["verdict"] = !p.known ? "unknown" : ok ? "match" : "MISMATCH";
        if (p.known && !ok) ++mismatches;
      }
      j.push_back(b);
    }
    std::cout << j.dump(2) << "\n";
    return mismatches > 0 ? 1 : 0;
  }
  size_t w = 9;
  for (const Rendered& r : chosen) w = std::max(w, r.p.name.size());
  std::cout << fmt::format("{:<{}}  {:>20}  {:>20}  {}\n", "benchmark", w, "predicted",
                           opts.no_run ? "" : "measured", opts.no_run ? "" : "verdict");
  for (const Rendered& r : chosen) {
    const cost::Prediction& p = r.p;
    std::string pred = p.known
                           ? fmt::format("{} B/op {} allocs/op", p.per_op.bytes, p.per_op.allocs)
                           : std::string("unknown");
    std::string meas, verdict;
    auto it = measured.find(p.name);
    if (!opts.no_run) {
      if (it == measured.end()) {
        meas = "not run";
        verdict = "-";
      } else {
        meas = fmt::format("{} B/op {} allocs/op", it->second.bytes, it->second.allocs);
        if (!p.known) {
          verdict = "unknown";
          ++unknowns;
        } else if (p.per_op.allocs == it->second.allocs && p.per_op.bytes == it->second.bytes) {
          verdict = "match";
          ++matches;
        } else {
          verdict = "MISMATCH";
          ++mismatches;
        }
      }
    } else if (!p.known) {
      ++unknowns;
    }
    std::cout << fmt::format("{:<{}}  {:>20}  {:>20}  {}\n", p.name, w, pred, meas, verdict);
  }
  std::cout << "\n";
  for (const Rendered& r : chosen) {
    const cost::Prediction& p = r.p;
    std::cout << r.pos << ": " << p.name << ": ";
    if (!p.known) {
      std::cout << "unknown: " << p.reason;
      if (!r.reason_pos.empty()) std::cout << " (at " << r.reason_pos << ")";
      std::cout << "\n";
      continue;
    }
    if (p.allocs.empty()) {
      std::cout << "no heap allocation per iteration\n";
    } else {
      std::cout << p.allocs.size() << " heap allocation(s) per iteration\n";
      for (size_t i = 0; i < p.allocs.size(); ++i) {
        const cost::Allocation& a = p.allocs[i];
        std::cout << "    " << r.alloc_pos[i] << ": " << a.what << " in " << a.func << ": "
                  << cost::Describe(a.m) << "\n";
      }
    }
    for (const std::string& n : p.notes) std::cout << "    note: " << n << "\n";
  }
  if (!opts.no_run) {
    std::cout << fmt::format("\n{} benchmark(s): {} match, {} mismatch, {} unknown\n",
                             chosen.size(), matches, mismatches, unknowns);
  }
  return mismatches > 0 ? 1 : 0;
}

}  // namespace escapist::driver
