// cost/malloc.h -- what one heap allocation costs at run time: the Go 1.27 runtime's malloc
// size classes, malloc headers, the tiny allocator and large objects (runtime/malloc.go,
// runtime/msize.go, internal/runtime/gc/sizeclasses.go; linux/amd64), and how testing's
// -benchmem counts them (runtime.MemStats.Mallocs and TotalAlloc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace escapist::cost {

// One runtime.mallocgc(size, typ, needzero) call, as the runtime serves it.
struct MallocClass {
  uint64_t size = 0;       // bytes requested
  uint64_t slot = 0;       // bytes of the slot that holds it (size class or page-rounded span);
                           // for a tiny allocation, the size (its share of a 16-byte block)
  int size_class = 0;      // runtime size class (1..67); 0: large object, zero size or tiny
  bool zero_size = false;  // size 0: &runtime.zerobase, no allocation at all
  bool tiny = false;       // noscan and < 16 bytes: packed into a 16-byte tiny block
  bool header = false;     // pointerful and > 512 bytes: an 8-byte malloc header precedes it
  bool large = false;      // over 32 KiB - 8: its own span, rounded up to 8 KiB pages
  bool noscan = true;      // the type holds no pointers
};

// How mallocgc serves a request of `size` bytes of a type with (noscan = false) or without
// pointers (mallocgc; roundupsize for the slot).
MallocClass Classify(uint64_t size, bool noscan);

// The bytes a slice backing array of `bytes` bytes actually gets from growslice or a rounded
// allocation: roundupsize(bytes, noscan) (runtime/msize.go).
uint64_t RoundUpSize(uint64_t bytes, bool noscan);

// The capacity growslice gives a slice of capacity `old_cap` (elements of `elem_size` bytes,
// `noscan` if they hold no pointers) that must hold `new_len` elements
// (runtime/slice.go nextslicecap, then roundupsize). 0 if it overflows.
uint64_t GrowCap(uint64_t old_cap, uint64_t new_len, uint64_t elem_size, bool noscan);

// What a steady stream of operations, each making the allocations `sizes` (in order), costs
// per operation as go test -benchmem prints it: allocs/op counts every mallocgc call that
// allocates (tiny ones included); B/op counts whole slots, a tiny block's 16 bytes when it is
// started (MemStats.TotalAlloc), not the bytes each tiny allocation uses.
struct PerOp {
  uint64_t allocs = 0;  // allocs/op
  uint64_t bytes = 0;   // B/op (floor of the long-run average, as testing divides)
};
PerOp SteadyState(const std::vector<MallocClass>& per_op);

// A short account of `m` for people: "16 B, size class 2 (16 B)", "8 B, tiny allocator (16-byte
// blocks shared by noscan objects under 16 B)", "40 KiB, large object (5 pages, 40960 B)".
std::string Describe(const MallocClass& m);

}  // namespace escapist::cost
