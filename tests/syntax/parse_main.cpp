// tests/syntax/parse_main.cpp -- escapist-parse: parses Go files with escapist's parser and prints
// their syntax errors as `file:line:col: msg` (exit status 1 if there were any).
//
// Usage: escapist-parse [-dump] [-q] [-time] [-list FILE] FILE...
//   -dump   print the syntax tree of each file (DumpFile)
//   -q      do not print errors, only count them
//   -time   print the number of files, errors and the parse time to stderr
//   -list F read more file names from F, one per line
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/dump.h"
#include "syntax/parse.h"

using namespace escapist;

int main(int argc, char** argv) {
  bool dump = false, quiet = false, timing = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "-dump") {
      dump = true;
    } else if (a == "-q") {
      quiet = true;
    } else if (a == "-time") {
      timing = true;
    } else if (a == "-list" && i + 1 < argc) {
      std::ifstream in(argv[++i]);
      for (std::string line; std::getline(in, line);) {
        if (!line.empty()) files.push_back(line);
      }
    } else {
      files.push_back(a);
    }
  }

  // Read everything first so that -time measures parsing only.
  SourceSet sources;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "escapist-parse: cannot open %s\n", f.c_str());
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    sources.Add(SourceFile{f, f, ss.str()});
  }

  size_t bytes = 0;
  int total_errors = 0, files_with_errors = 0;
  std::chrono::duration<double> elapsed{0};
  for (uint32_t i = 0; i < sources.size(); i++) {
    syntax::Ast ast;
    DiagnosticSink diags;
    auto t0 = std::chrono::steady_clock::now();
    syntax::NodeId file = syntax::ParseFile(sources, i, ast, diags);
    elapsed += std::chrono::steady_clock::now() - t0;
    bytes += sources.Get(i).text.size();
    if (diags.error_count() > 0) files_with_errors++;
    total_errors += diags.error_count();
    if (!quiet) {
      for (const Diagnostic& d : diags.diags()) {
        std::printf("%s: %s\n", sources.Format(d.pos).c_str(), d.text.c_str());
      }
    }
    if (dump) std::fputs(syntax::DumpFile(ast, file).c_str(), stdout);
  }
  if (timing) {
    std::fprintf(stderr, "%zu files, %zu bytes, %d errors in %d files, %.3f s parse time\n",
                 sources.size(), bytes, total_errors, files_with_errors, elapsed.count());
  }
  return total_errors > 0 ? 1 : 0;
}
