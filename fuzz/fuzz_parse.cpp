// fuzz/fuzz_parse.cpp -- fuzz target for the scanner and the parser: the input bytes are one Go
// source file. It is scanned on its own (all comments reported, literals decoded), its package
// clause and imports are parsed, then the whole file is parsed and the tree is dumped and printed
// back (DumpFile, ExprString, StartPos). Any crash, sanitizer report, hang or unbounded memory is a
// defect: bad input must only ever produce syntax errors.
//
// Built with libFuzzer (fuzz_parse, clang) and without it (fuzz_parse_replay: replay_main.cpp runs
// this entry point over the seed corpus in every build, g++ included).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/source.h"
#include "diag/diag.h"
#include "big_stack.h"
#include "syntax/dump.h"
#include "syntax/parse.h"
#include "syntax/scanner.h"

using namespace escapist;

namespace {

// Collects nothing; only makes the scanner call back for every error and comment.
class CountingHandler : public syntax::ScannerHandler {
 public:
  void ScanError(uint32_t, uint32_t, std::string msg) override { bytes += msg.size(); }
  void Comment(uint32_t, uint32_t, std::string_view text) override { bytes += text.size(); }
  size_t bytes = 0;
};

// Scans `src` to EOF in comment mode, decoding every string and rune literal.
void ScanAll(std::string_view src) {
  CountingHandler h;
  syntax::Scanner s;
  s.Init(src, &h, syntax::Scanner::kComments);
  std::string value;
  // Every token consumes at least one byte, and the final EOF may come after a synthetic
  // semicolon: the bound only guards against a scanner that stops advancing.
  for (size_t n = 0; n <= src.size() + 2; n++) {
    s.Next();
    if (s.tok == syntax::Token::kEOF) return;
    if (s.tok == syntax::Token::kString || s.tok == syntax::Token::kChar) {
      value.clear();
      syntax::UnquoteLiteral(s.lit, &value);
    }
  }
  __builtin_trap();  // the scanner did not reach EOF
}

// Upper bound on the text printed by ExprString per input (printing every node of a deep tree
// is quadratic).
constexpr size_t kPrintBudget = 1 << 18;

void ParseAll(std::string_view src) {
  SourceSet sources;
  uint32_t index = sources.Add(SourceFile{"fuzz.go", "fuzz.go", std::string(src)});
  {
    DiagnosticSink diags;
    std::vector<std::string> imports;
    syntax::ParsePackageClause(sources, index, &imports, diags);
  }
  syntax::Ast ast;
  DiagnosticSink diags;
  syntax::NodeId file = syntax::ParseFile(sources, index, ast, diags);
  for (const Diagnostic& d : diags.diags()) (void)sources.Format(d.pos);
  std::string dump = syntax::DumpFile(ast, file);
  size_t printed = 0;
  for (uint32_t i = 0; i < ast.size(); i++) {
    syntax::NodeId id(i);
    (void)syntax::StartPos(ast, id);
    if (printed < kPrintBudget) printed += syntax::ExprString(ast, id).size();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  fuzz::RunOnBigStack([src] {
    ScanAll(src);
    ParseAll(src);
  });
  return 0;
}
