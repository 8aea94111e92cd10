// fuzz/fuzz_check.cpp -- fuzz target for the type checker: the input bytes are one Go source file,
// parsed and (if it has no syntax errors, as the Loader does) type-checked as package "fuzz".
// Imports resolve only to `unsafe`; every other path fails to import (no standard library is
// loaded per input). Every input gets a fresh Universe and SourceSet, so memory stays flat. After
// checking, the recorded types and constants are printed and sized, as escape analysis and the
// reports use them. Any crash, sanitizer report, hang or unbounded memory is a defect.
//
// Built with libFuzzer (fuzz_check, clang) and without it (fuzz_check_replay: replay_main.cpp runs
// this entry point over the seed corpus in every build, g++ included).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/source.h"
#include "diag/diag.h"
#include "big_stack.h"
#include "syntax/parse.h"
#include "types/check.h"
#include "types/types.h"

using namespace escapist;
using namespace escapist::types;

namespace {

// Upper bound on the text printed by TypeString/ConstantString per input.
constexpr size_t kPrintBudget = 1 << 18;

void CheckOne(std::string_view src) {
  SourceSet sources;
  uint32_t index = sources.Add(SourceFile{"fuzz.go", "fuzz.go", std::string(src)});
  Universe u;
  auto owned = std::make_unique<Package>();
  owned->path = "fuzz";
  owned->dir = ".";
  owned->go_version = "go1.27";
  PkgId id = u.packages.Add(std::move(owned));
  Package& pkg = u.Pkg(id);
  DiagnosticSink diags;
  syntax::NodeId file = syntax::ParseFile(sources, index, pkg.ast, diags);
  if (diags.error_count() > 0 || !file) return;  // the Loader does not check such packages
  const syntax::Node& fnode = pkg.ast[file];
  if (fnode.x) pkg.name = std::string(pkg.ast[fnode.x].text);
  auto import_fn = [&u](const std::string& path) -> PkgId {
    return path == "unsafe" ? u.unsafe_pkg : PkgId();
  };
  CheckPackage(u, id, sources, import_fn, diags);
  for (const Diagnostic& d : diags.diags()) (void)sources.Format(d.pos);

  size_t printed = 0;
  for (uint32_t i = 0; i < pkg.ast.size() && printed < kPrintBudget; i++) {
    const TypeAndValue& tv = pkg.info.types.Get(syntax::NodeId(i));
    if (!tv.type.has_value()) continue;
    printed += TypeString(u, tv.type, id).size();
    if (tv.value.has_value()) printed += ConstantString(u, tv.value, tv.type, id).size();
    if (tv.mode == Mode::kInvalid || IsUntyped(u, tv.type)) continue;
    (void)SizeOf(u, tv.type);
    (void)AlignOf(u, tv.type);
    (void)HasPointers(u, tv.type);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  fuzz::RunOnBigStack([src] { CheckOne(src); });
  return 0;
}
