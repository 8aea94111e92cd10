// report/explain.h -- `escapist explain`: one plain-language account per heap allocation of a
// package, rendered as text or JSON.
//
// The driver (driver/explain.cpp) builds the model from the analyses -- escape analysis with its
// -m=2 explanation paths, walk's data-word choice for interface conversions, the runtime's size
// classes -- and this file only decides how it reads. The vocabulary is the one gc's -m uses:
//   * a variable *moves* to the heap ("moved to heap: p"): it was going to live in its
//     function's frame, but a reference to it outlives the frame, so it is allocated on the heap
//     (runtime.newobject) when it is declared;
//   * a value *escapes* ("&T{...} escapes to heap", "x escapes to heap"): an allocation (new,
//     &T{}, make, a closure, a conversion to interface...) is made on the heap;
//   * a parameter *leaks* ("leaking param: p", "... to result ~r0 level=0"): what the caller
//     passes flows to the heap or to a result, so callers' arguments may escape because of it.
// Each entry lists the path from the value to what outlives the frame as source lines, e.g.
//     ./a.go:3   p := Point{x, y}
//     ./a.go:4   return &p          (address-of, return)
//     outlives the frame: returned to the caller (result ~r0 of NewPointPtr)
// and what the allocation costs: the runtime routine, whether it allocates every time, and the
// bytes and malloc size class when they are known statically ("unknown: <reason>" otherwise).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/source.h"

namespace escapist::report {

// One source line on the path from a value to what outlives its frame.
struct ExplainPathLine {
  Pos pos;                        // the first position on the line
  std::vector<std::string> whys;  // gc's reasons noted on this line ("address-of", "return")
};

// The bytes one runtime allocation asks for.
struct ExplainSize {
  enum class Kind : uint8_t {
    kNone,     // nothing is allocated (ExplainAllocation::When::kNever)
    kFixed,    // known statically: `bytes`, with the malloc class below
    kDynamic,  // depends on run-time values: `note` says which ("8*n bytes, rounded up ...")
    kUnknown,  // not modelled: `note` says why
  } kind = Kind::kNone;
  int64_t bytes = 0;
  bool noscan = true;  // the memory holds no pointers
  // kFixed: how mallocgc serves it (cost::Classify): slot bytes, size class (0: tiny, large or
  // zero-sized), and cost::Describe's account.
  uint64_t slot = 0;
  int size_class = 0;
  bool tiny = false;
  bool large = false;
  bool zero_size = false;
  std::string malloc;
  std::string note;
};

// One runtime call that may allocate for the entry.
struct ExplainAllocation {
  enum class When : uint8_t { kAlways, kSometimes, kNever } when = When::kAlways;
  std::string routine;    // "runtime.newobject", "runtime.convT64", "runtime.makeslice", ...
  std::string condition;  // kSometimes / kNever: in words ("unless the value is < 256 ...")
  ExplainSize size;
};

// One account: a heap verdict of gc's -m, a leaking parameter, an allocation decided at run
// time, or a value that stays on the stack where the reader might expect the heap.
struct ExplainEntry {
  enum class Kind : uint8_t {
    kMovedToHeap,    // "moved to heap: x"
    kEscapes,        // "EXPR escapes to heap"
    kAppendEscapes,  // "append escapes to heap"
    kLeaks,          // "leaking param: p" and its variants, one entry per parameter
    kUnreported,     // on the heap although -m prints no line for it (make(chan), the
                     // closures of go statements)
    kRunTime,        // does not escape, yet stack or heap is decided at run time
    kStack,          // stays on the stack
  } kind = Kind::kEscapes;
  Pos pos;           // where gc reports it
  std::string func;  // the function it belongs to (gc's ir.FuncName)
  // gc's op of the allocation: "ONAME" for a variable, "OCONVIFACE", "ONEW", "OPTRLIT",
  // "OMAKESLICE", "OSLICELIT", "OCLOSURE", "OMETHVALUE", "OAPPEND", ...; "" for leaks.
  std::string op;
  std::vector<std::string> gc;        // gc's -m lines for it, without position
  std::string summary;                // what happens, in a sentence or two
  std::vector<ExplainPathLine> path;  // value first
  std::string outlives;               // what the path reaches (empty when there is no path)
  std::vector<ExplainAllocation> allocations;
  std::vector<std::string> notes;  // further facts (inlining, caveats)
};

// Everything `escapist explain` prints for one package.
struct ExplainReport {
  std::string package;                // import path (or command-line-arguments)
  std::vector<ExplainEntry> entries;  // any order: the renderers sort by position
};

// The kind's name in the JSON output and the text headings: "moved-to-heap", "escapes",
// "append-escapes", "leaks", "heap-unreported", "run-time", "stack".
const char* ExplainKindName(ExplainEntry::Kind kind);

// The source line holding `pos`, trimmed of surrounding blanks ("" if unknown).
std::string SourceLine(const SourceSet& sources, Pos pos);

// Sorts the entries by position (file name, line, column; <autogenerated> last), then kind.
void SortExplainEntries(const SourceSet& sources, std::vector<ExplainEntry>& entries);

// The text form: per entry, gc's line(s) then the account, indented; heap entries first, then
// allocations decided at run time, then (briefly) what stays on the stack.
std::string ExplainText(const ExplainReport& report, const SourceSet& sources);

// The JSON form (--json): the same content as one object {"package", "entries": [...]}.
std::string ExplainJson(const ExplainReport& report, const SourceSet& sources);

}  // namespace escapist::report
