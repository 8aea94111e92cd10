// inline/inline.h -- gc's inlinability decision (cmd/compile/internal/inline/inl.go
// CanInlineFuncs, CanInline, InlineImpossible, hairyVisitor) on escapist's IR.
//
// gc decides, before it inlines anything, which functions of the package may be inlined and at
// what cost. It walks the call graph bottom-up (ir.VisitFuncsBottomUp: strongly connected
// components, callees first) and, for each function, first rules out what can never be inlined
// (pragmas such as //go:noinline, bodyless functions), then counts the nodes of its body with the
// hairy visitor: every node costs 1, with gc's exceptions (conversions that keep the
// representation, blocks and method expressions are free; func literals cost 16 but their bodies
// are not counted; calls cost their node plus, when the callee is inlinable at that site, the
// callee's own cost, else 57 -- or 17 for a call of a parameter or captured variable). Some nodes
// make a function uninlinable whatever its cost (recover, go, defer). A function whose cost
// stays within the budget (80; 800 for func literals) is inlinable with that cost.
//
// Invariant: costs are computed on the IR as gc's hairy visitor sees it, i.e. after unified IR
// construction and before loopvar's per-iteration copies (the driver runs this phase on a
// Program built without ir::ForCapture and applies it afterwards).
//
// Worked example:  `func f(x int) int { y := x + 1; return y }`
//     OAS 1 + its init ODCL 1 + the ODCL's name 1 + y 1 + `x + 1` 3    = 7
//     ORETURN 1 + y 1                                                  = 2
//   -> `can inline f with cost 9 as: func(int) int { y := x + 1; return y }` (-m=2).
//
// The inlining itself is InlinePackage (inline_calls.cpp), run on the same IR.
//
// What is deliberately approximate: shaped instances' dictionary argument is counted (2 or 4
// nodes) but not present in the IR; coverage-counter special cases (no -cover), PGO and the new
// inliner (GOEXPERIMENT=newinliner) are not modelled; the "big function" node count is
// escapist's IR node count, which is close to but not exactly gc's.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/id.h"
#include "base/source.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::inlining {

// gc's inlining budget constants (inline/inl.go).
inline constexpr int32_t kInlineMaxBudget = 80;
inline constexpr int32_t kInlineExtraCallCost = 57;
inline constexpr int32_t kInlineParamCallCost = 17;
inline constexpr int32_t kInlineExtraPanicCost = 1;
inline constexpr int32_t kInlineExtraThrowCost = kInlineMaxBudget;
inline constexpr int32_t kInlineBigFunctionNodes = 5000;
inline constexpr int32_t kInlineBigFunctionMaxCost = 20;
inline constexpr int32_t kInlineClosureCalledOnceCost = 10 * kInlineMaxBudget;

// An inlinable function's body as the inliner pastes it: function `fn` of `prog`, built without
// loopvar's rewrite and before any inlining into it (what gc's export data carries).
struct InlineBody {
  const ir::Program* prog = nullptr;
  ir::FuncId fn;
};

struct Options {
  int debug_m = 0;       // -m level: 1 prints "can inline F", 2 adds costs, bodies and reasons
  int level = 1;         // gc's Debug.l after main's swap: 0 = -l (no inlining), 1 default, 4 = -l=4
  bool race = false;     // -race
  bool checkptr = false;  // -d=checkptr
  bool inl_funcs_with_closures = true;  // -d=inlfuncswithclosures (gc's default 1)
  // Make gc's method wrappers (noder.MakeWrappers) even when debug_m is 0: walk prints lines
  // about their bodies (-d=escapedebug); they have no escape tags.
  bool wrappers = false;
  // The inline cost of a function of another package as its export data carries it; nullopt if
  // it is not inlinable (or unknown, treated the same way).
  std::function<std::optional<int32_t>(types::ObjId func)> imported_cost;
  // The body of another package's inlinable function (nullopt: not available).
  std::function<std::optional<InlineBody>(types::ObjId func)> imported_body;
};

// What CanInline decided for one function (gc's Func.Inl plus the reason it is nil).
struct Inlinability {
  bool checked = false;    // CanInline ran on it
  bool inlinable = false;  // Func.Inl != nil
  int32_t cost = 0;        // Inl.Cost (inlinable), else the cost that exceeded the budget (if any)
  std::string reason;      // why not: "marked go:noinline", "function too complex: ...", ...
};

// One inliner line, in the order gc prints it (fmt.Printf, not sorted).
struct Remark {
  Pos pos;
  std::string text;  // "can inline F", "can inline F with cost N as: ...", "cannot inline F: ..."
};

struct Result {
  SideTable<ir::FuncId, Inlinability> funcs;
  std::vector<Remark> remarks;
};

// gc's inline.CanInlineFuncs: CanInline on every function of `prog` (prog.target_funcs),
// bottom-up over the call graph; then, at -m=2, interleaved's "function F considered 'big';
// reducing max cost of inlinees" for each big function in list order. Nothing is computed or
// printed when opts.level == 0 (-l).
Result CanInlineFuncs(const ir::Program& prog, const types::Universe& u, const Options& opts);

// gc's interleaved.DevirtualizeAndInlinePackage on `prog` (built without loopvar): CanInlineFuncs,
// then, bottom-up over the call graph, static devirtualization of every interface call whose
// receiver has one concrete type, and (unless -l) inlining of every call whose callee is
// inlinable within the budget, until nothing changes. `prog` is rewritten in place (OINLCALL
// nodes, new closures appended to target_funcs, Program::inl_tree). The result's remarks are the
// "can inline", "devirtualizing" and "inlining call to" lines in gc's order.
// `pristine`, if given, is `prog` as it was built (the bodies pasted for calls of the package's
// own functions); else a copy is made.
Result InlinePackage(ir::Program& prog, const types::Universe& u, const Options& opts,
                     const ir::Program* pristine = nullptr);

// The inline costs a package exports, by function ObjId (declared functions and methods that are
// inlinable): what Options::imported_cost should answer for the package's importers.
std::unordered_map<uint32_t, int32_t> ExportCosts(const ir::Program& prog, const Result& result);

// Inline costs of other packages' functions, computed on demand as gc's export data carries
// them: the first request for a function of package P lowers P to IR (without loopvar) and runs
// CanInlineFuncs on it silently (P's own imports again on demand). Packages that failed to load
// or check answer nullopt. Usage: `ImportedCosts costs(u, opts); opts.imported_cost =
// costs.Hook();` (costs must outlive CanInlineFuncs).
class ImportedCosts {
 public:
  // The flags (level, race, checkptr...) a dependency was compiled with; debug_m and
  // imported_cost are ignored.
  using Flags = std::function<Options(types::PkgId)>;
  // `flags` (optional; default: gc's defaults) gives each package's flags. `prepare` (optional)
  // must make a package type-checked (a deferred-check Loader); false marks it failed.
  explicit ImportedCosts(const types::Universe& u, Flags flags = nullptr,
                         std::function<bool(types::PkgId)> prepare = nullptr);
  std::optional<int32_t> Get(types::ObjId func);
  std::function<std::optional<int32_t>(types::ObjId)> Hook();
  // The body of another package's inlinable function, from that package's IR as built for
  // its costs (kept for the run); nullopt when it has none.
  std::optional<InlineBody> Body(types::ObjId func);
  std::function<std::optional<InlineBody>(types::ObjId)> BodyHook();
  // Package `pkg`'s IR as built for its costs (without loopvar, before inlining), loading it on
  // first use; nullptr if it failed to load or check.
  const ir::Program* Pristine(types::PkgId pkg);
  // Records the costs of package `pkg` (analyzed by the caller); later Gets use them.
  void Put(types::PkgId pkg, const std::unordered_map<uint32_t, int32_t>& costs);

 private:
  const types::Universe& u_;
  Flags flags_;
  std::function<bool(types::PkgId)> prepare_;
  enum State : uint8_t { kRunning, kDone, kFailed };
  // Lowers package `pkg` (once) and records its costs and bodies; false if unavailable.
  bool Load(types::PkgId pkg);
  std::unordered_map<uint32_t, State> state_;     // by PkgId
  std::unordered_map<uint32_t, int32_t> costs_;   // by function ObjId
  std::vector<std::unique_ptr<ir::Program>> progs_;
  std::unordered_map<uint32_t, const ir::Program*> prog_of_;  // by PkgId
  std::unordered_map<uint32_t, InlineBody> bodies_;  // by function ObjId
};

}  // namespace escapist::inlining
