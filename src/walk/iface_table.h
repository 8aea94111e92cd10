// walk/iface_table.h -- what each conversion of a concrete value to an interface costs: the data
// word walk makes (walk.h DataWord, gc's walk.dataWord) joined with what is known of the operand's
// value and with what the runtime routine that may be called does with that value
// (runtime/iface.go). The rows `escapist table` prints.
//
// gc decides at compile time where the data word points; only the convT* routines decide at run
// time, from the value, whether to allocate:
//     convT16/32/64(v)   &staticuint64s[v] if v (its bits as uint16/32/64) < 256, else
//                        mallocgc(2/4/8, noscan)
//     convTstring(s)     &zeroVal if s == "", else mallocgc(16) (a string header)
//     convTslice(s)      &zeroVal if s's array pointer is nil, else mallocgc(24)
//     convTnoptr, convT  always mallocgc(type size), noscan or not
// Example: `sink = v` with `v int` is `CALL runtime.convT64`, which allocates 8 bytes (tiny
// allocator) for v = 1000 and nothing for v = 7; `sink = int(1000)` is `LEAQ .stmp_0`, a
// read-only static made by order.go's addrTemp, and never allocates.
//
// Approximate: a run-time value's allocation is given as the routine's condition, not decided
// (no value-range analysis); the size class is left to cost::Classify (cost/ sits above walk/).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "escape/escape.h"
#include "ir/ir.h"
#include "types/types.h"
#include "walk/walk.h"

namespace escapist::walk {

// One conversion of a concrete value to an interface in a function gc compiles.
struct IfaceConversion {
  DataWord word;       // how walk makes the data word
  types::TypeId from;  // the operand's type
  types::TypeId to;    // the interface type
  Pos pos;             // the conversion (the outermost call's position when inlined)
  uint32_t inl = 0;    // the inlined call it lies in (Program::inl_tree index + 1), 0 for none
  ir::FuncId func;     // the compiled function it is in

  // What is known of the operand's value at compile time.
  enum class Operand : uint8_t {
    kConstZero,     // a constant or constant composite literal equal to the type's zero value
    kConstNonZero,  // another constant or constant composite literal
    kRunTime,       // a value computed at run time
  };
  Operand operand = Operand::kRunTime;
  // The operand as written, roughly (gc's -m spelling; constant composite literals in full):
  // `int(0)` is "0", `struct{ a int32 }{7}` is "struct { a int32 }{7}", `v` is "v".
  std::string operand_text;
  // A constant known through a variable (escape's rewriteWithLiterals, order's static values):
  // the value's text ("" otherwise, or when the value is not shown).
  std::string value_text;

  // When the runtime routine (word.kind == kRuntime) allocates; kNever for every other data word.
  enum class Alloc : uint8_t {
    kNever,
    kAlways,        // convTnoptr, convT
    kIfAtLeast256,  // convT16/32/64: the value's bits, as an unsigned integer, are >= 256
    kIfNonEmpty,    // convTstring: the string is not ""
    kIfNonNil,      // convTslice: the slice's array pointer is not nil
    kUnknown,       // the operand's size is not known (see unknown_reason)
  };
  Alloc alloc = Alloc::kNever;
  // kIfAtLeast256: the operand is an integer (through single-field structs and one-element
  // arrays) and converts to uintN; otherwise (floats) its bits are reinterpreted.
  bool integer_arg = false;
  int64_t malloc_size = 0;    // mallocgc's size argument when it allocates
  bool malloc_noscan = true;  // mallocgc's typ holds no pointers
  // For a constant operand of a runtime routine: whether this value allocates; nullopt when the
  // operand is a run-time value (then `alloc` is the condition) or never allocates anyway.
  std::optional<bool> allocates;
  std::string unknown_reason;  // Alloc::kUnknown: why
};

// Every conversion of a concrete value to an interface in the functions gc compiles, in walk
// order (walk.h DataWords). Conversions of interface values are not listed: they never allocate
// a data word (walkConvInterface copies the word). `esc` is the package's escape analysis.
std::vector<IfaceConversion> IfaceConversions(const ir::Program& prog, const types::Universe& u,
                                              const escape::Result& esc);

// The uintN width (16, 32, 64) of a convT16/32/64 routine name, 0 for other routines.
int ConvTBits(const std::string& routine);

// What runtime.<routine> (runtime/iface.go) does with the value of type `from` it is given:
// when it allocates (IfaceConversion::Alloc) and mallocgc's size in bytes and pointer-ness.
// The one statement of these rules for table, explain and prove.
struct RoutineCost {
  IfaceConversion::Alloc when = IfaceConversion::Alloc::kAlways;
  int64_t size = 0;     // mallocgc's size argument
  bool noscan = true;   // mallocgc's typ holds no pointers
};
RoutineCost ConvRoutineCost(const types::Universe& u, const std::string& routine,
                            types::TypeId from);

}  // namespace escapist::walk
