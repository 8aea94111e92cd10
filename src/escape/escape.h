// escape/escape.h -- escape analysis as gc 1.27 does it (cmd/compile/internal/escape).
//
// Escape analysis decides which variables and allocations may live on the stack. Invariants: no
// heap object points to a stack object, and no pointer outlives what it points to. Each variable
// or allocation is a *location*; each assignment is an edge weighted by *derefs*:
//     p = &q   -1        p = q   0        p = *q   1
// Fields and elements are not told apart: `s.f = a[i]` is modeled as `s = *a`. Functions are
// analyzed one strongly connected component of the call graph at a time, callees first
// (ir.VisitFuncsBottomUp); calls into an already analyzed function use its parameter *leaks*
// (the tag gc exports), calls within the component flow directly into the callee's parameters.
// The solver (solve.go) propagates from each root location the minimal derefs to every location
// that reaches it; a location whose address reaches a location that outlives it escapes.
//
// The analysis does not print: it returns its verdicts in emission order, and report/ renders
// them in gc's words.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/ir.h"
#include "types/types.h"

namespace escapist::escape {

// gc's leaks (escape/leaks.go): derefs+1 per sink, 0 = no leak. Index 0 heap, 1 mutator,
// 2 callee, 3..7 results 0..4.
struct Leaks {
  static constexpr int kNumResults = 5;
  static constexpr int kHeap = 0, kMutator = 1, kCallee = 2, kResult0 = 3;
  uint8_t bytes[8] = {};
  // Minimal derefs of a flow to each sink; -1: no such flow.
  int Get(int i) const { return bytes[i] - 1; }
  int Heap() const { return Get(kHeap); }
  int Mutator() const { return Get(kMutator); }
  int Callee() const { return Get(kCallee); }
  int Result(int i) const { return Get(kResult0 + i); }
  void AddHeap(int derefs) { Add(kHeap, derefs); }
  void AddMutator(int derefs) { Add(kMutator, derefs); }
  void AddCallee(int derefs) { Add(kCallee, derefs); }
  void AddResult(int i, int derefs) { Add(kResult0 + i, derefs); }
  void Add(int i, int derefs);  // keeps the minimum
  void Set(int i, int derefs);  // derefs -1 clears; saturates at 254
  // gc's Optimize: drops non-heap flows at least as long as the shortest heap flow.
  void Optimize();
  bool Empty() const;  // no flow at all (gc's !Any())
  // gc's tag string: "" (leaks to heap), or "esc:" + bytes with trailing zeros trimmed.
  std::string Encode() const;
  // gc's parseLeaks: a tag without the "esc:" prefix (e.g. "") means a heap leak with derefs 0.
  static Leaks Decode(const std::string& tag);
  friend bool operator==(const Leaks& a, const Leaks& b);
};

// One -m remark, in the order gc emits it.
struct Remark {
  enum class Kind : uint8_t {
    kMovedToHeap,          // "moved to heap: NAME"
    kEscapesToHeap,        // "EXPR escapes to heap"
    kDoesNotEscape,        // "EXPR does not escape" (node) / "p does not escape" (param)
    kLeakingParam,         // "leaking param: p"
    kLeakingParamContent,  // "leaking param content: p"
    kLeakingParamToResult, // "leaking param: p to result R level=N"
    kSelfAssign,           // "FN ignoring self-assignment in STMT"
    kAppendEscapes,        // "append escapes to heap"
    kAppendDoesNotEscape,  // "append does not escape"
    kZeroCopy,             // "zero-copy string->[]byte conversion"
    kOther,                // `text` holds the full message (-m=2 lines, unsafe uintptr notes)
  } kind = Kind::kOther;
  Pos pos;
  ir::NodeId node;   // the location's node (EXPR), if any
  ir::VarId var;     // the variable or parameter, if any
  ir::FuncId func;   // the function being analyzed
  // kOther, kSelfAssign: the whole message; kLeakingParamToResult: the result name. A verdict
  // whose EXPR gc prints after rewriteWithLiterals replaced an operand by a constant
  // (`make([]byte, 128) does not escape`, `5 escapes to heap`) is a kOther with `node` set.
  std::string text;
  int level = 0;     // kLeakingParamToResult: derefs
  int verbosity = 1;  // the -m level at which gc prints it
};

// The path behind one verdict, as -m=2 explains it (solve.go explainPath, explainFlow), kept as
// data for `escapist explain`. Only collected when Options::debug_m >= 2; the -m=2 text in
// Result::remarks is rendered separately and does not depend on it.
struct FlowNote {      // one `from WHERE (WHY) at POS` line
  Pos pos;             // WHERE's position (the innermost one for inlined code is not kept)
  std::string where;   // WHERE as gc prints it: `&p`, `return &p`, a variable's name
  const char* why = "";  // "address-of", "return", "call parameter", "assign", ...
  ir::NodeId node;     // WHERE's node, if it is one
  ir::VarId var;       // WHERE's variable (closure captures), if it is one
};

// One `flow: DST ← OPS SRC:` line and its notes: SRC flows into DST with `derefs` dereferences
// (-1: SRC's address flows).
struct FlowStep {
  std::string dst, src;  // gc's explainLoc: "{heap}", "~r0", "x", "{storage for x}", "{temp}"
  int derefs = 0;
  bool dst_heap = false;  // DST is the heap pseudo-location
  ir::NodeId dst_node;    // DST's allocation (`{storage for EXPR}`), if any
  ir::VarId dst_var;      // DST's variable, if any
  std::vector<FlowNote> notes;
};

// One explained verdict: "X escapes to heap in F:" (kEscapes: a variable moved to the heap or an
// allocation that escapes; or a value flowing straight into a location that already escapes), or
// "parameter p leaks to R for F with derefs=N:" (kLeaks). `steps` run from the value to the
// location it reaches (the last step's dst), which outlives it.
struct Explanation {
  enum class Kind : uint8_t { kEscapes, kLeaks } kind = Kind::kEscapes;
  Pos pos;
  ir::NodeId node;  // the location's allocation, if any
  ir::VarId var;    // the location's variable, if any (a parameter for kLeaks)
  ir::FuncId func;  // the location's function
  int derefs = 0;   // kLeaks: derefs of the leak
  bool truncated = false;  // gc's "truncated explanation due to assignment cycle"
  std::vector<FlowStep> steps;
};

struct Options {
  int debug_m = 1;  // -m level (1, 2, ...); 0 = no remarks collected
  bool zero_copy = true;               // -d=zerocopy (default on)
  bool escape_mutations_calls = false;  // -d=escapemutationscalls
  // Leaks of parameter `param` (receiver first) of a function of another package, decoded from
  // its export tag; nullopt = unknown, treated as a leak to the heap (gc's conservative answer).
  std::function<std::optional<Leaks>(types::ObjId func, int param)> imported_leaks;
  // Positions quoted inside -m=2 explanations ("from x (assign) at ./a.go:3:4"); without it
  // they print as line:col.
  const SourceSet* sources = nullptr;
};

struct Result {
  std::vector<Remark> remarks;                       // emission order
  SideTable<ir::VarId, uint8_t> heap_vars;           // 1 = moved to heap
  SideTable<ir::NodeId, uint8_t> heap_nodes;         // 1 = allocation escapes, 2 = does not
  SideTable<ir::FuncId, std::vector<Leaks>> leaks;   // per function, receiver+params in order
  SideTable<ir::VarId, uint8_t> byval;               // captured variables: 1 by value, 2 by ref
  SideTable<ir::NodeId, uint8_t> zero_copy;          // 1 = OSTR2BYTES made OSTR2BYTESTMP
  SideTable<ir::NodeId, uint8_t> transient;          // 1 = closure/method value/slice lit Transient
  // rewriteWithLiterals (escape.go): an OCONVIFACE whose operand gc replaced by a constant,
  // because the operand's static value (ReassignOracle.StaticValue) is a literal valid for the
  // operand's type, maps to that literal node; walk then sees the constant, of the operand's type.
  SideTable<ir::NodeId, ir::NodeId> literal_operand;
  // The temporaries rewriteWithLiterals added to each function (assignTemp, one per rewritten
  // make size or conversion operand): they count in later `.autotmp_N` numbers.
  SideTable<ir::FuncId, uint32_t> rewrite_temps;
  // rewriteWithLiterals on a make([]T, n[, c]) whose size operand (c, else n) has a constant
  // static value: that value (walk then sees a constant size). nullopt: not rewritten.
  SideTable<ir::NodeId, std::optional<int64_t>> make_size;
  // The -m=2 explanations as data (debug_m >= 2 only), in emission order.
  std::vector<Explanation> explanations;
};

// Analyzes every function of `prog` bottom-up over the call graph.
Result Analyze(const ir::Program& prog, const types::Universe& u, const Options& opts);

// The tags an analyzed package exports, by function object (declared functions and methods;
// receiver first): what Options::imported_leaks should answer for that package's importers.
// Tags are the decoded export strings, so a heap leak at derefs 0 hides every other flow.
std::unordered_map<uint32_t, std::vector<Leaks>> ExportTags(const ir::Program& prog,
                                                            const Result& result);

// Tags of other packages' functions, computed on demand as gc's export data carries them: the
// first request for a function of package P lowers P to IR and analyzes it (P's own imports
// again on demand). Packages that failed to load or check give nullopt (= leaks to heap).
// Usage: `ImportedTags tags(u); opts.imported_leaks = tags.Hook();` (tags must outlive Analyze).
class ImportedTags {
 public:
  // Tags of package P's functions by function ObjId, or false if unavailable.
  using Provider =
      std::function<bool(types::PkgId, std::unordered_map<uint32_t, std::vector<Leaks>>*)>;
  // `prepare` (optional) is called once per package before its first use and must make it
  // type-checked (a deferred-check Loader); false marks the package failed. `provider`
  // (optional) is asked for a package's tags before they are computed from source (a cache).
  // `lower` (optional) gives a package's IR as its escape analysis sees it (the driver's
  // pipeline: inlining, loopvar, deadlocals); default: ir::Build alone.
  using Lower = std::function<ir::Program(types::PkgId)>;
  // `store` (optional) is given each package's tags once computed from source (to cache them).
  using Store =
      std::function<void(types::PkgId, const std::unordered_map<uint32_t, std::vector<Leaks>>&)>;
  explicit ImportedTags(const types::Universe& u,
                        std::function<bool(types::PkgId)> prepare = nullptr,
                        Provider provider = nullptr, Lower lower = nullptr,
                        Store store = nullptr);
  std::optional<Leaks> Get(types::ObjId func, int param);
  std::function<std::optional<Leaks>(types::ObjId, int)> Hook();
  // Records the tags of package `pkg` (analyzed by the caller); later Gets use them.
  void Put(types::PkgId pkg, const std::unordered_map<uint32_t, std::vector<Leaks>>& tags);

 private:
  std::function<bool(types::PkgId)> prepare_;
  Provider provider_;
  Lower lower_;
  Store store_;
  enum State : uint8_t { kRunning, kDone, kFailed };
  const types::Universe& u_;
  std::unordered_map<uint32_t, State> state_;              // by PkgId
  std::unordered_map<uint32_t, std::vector<Leaks>> tags_;  // by function ObjId
};

}  // namespace escapist::escape
