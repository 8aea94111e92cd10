// cost/malloc.cpp -- the runtime's size classes and the tiny allocator's packing, as Go 1.27
// linux/amd64 has them.
#include "cost/malloc.h"

#include <fmt/format.h>

namespace escapist::cost {
namespace {

// internal/runtime/gc/sizeclasses.go (Go 1.27): class_to_size.
constexpr uint16_t kClassToSize[] = {
    0,     8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,  160,   176,
    192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,   480,  512,   576,
    640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,  1792,  2048,  2304, 2688,  3072,
    3200,  3456,  4096,  4864,  5376,  6144,  6528,  6784,  6912,  8192,  9472,  9728, 10240, 10880,
    12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768};
constexpr int kNumClasses = sizeof(kClassToSize) / sizeof(kClassToSize[0]);
constexpr uint64_t kMaxSmallSize = 32768;
constexpr uint64_t kMallocHeaderSize = 8;
constexpr uint64_t kMinSizeForMallocHeader = 512;  // goarch.PtrSize * goarch.PtrBits
constexpr uint64_t kTinySize = 16;
constexpr uint64_t kPageSize = 8192;

// The smallest size class holding `size` bytes (size <= kMaxSmallSize).
int ClassOf(uint64_t size) {
  for (int c = 1; c < kNumClasses; ++c) {
    if (kClassToSize[c] >= size) return c;
  }
  return 0;
}

}  // namespace

MallocClass Classify(uint64_t size, bool noscan) {
  MallocClass m;
  m.size = size;
  m.noscan = noscan;
  if (size == 0) {
    m.zero_size = true;
    return m;
  }
  if (size <= kMaxSmallSize - kMallocHeaderSize) {
    if (noscan && size < kTinySize) {
      m.tiny = true;
      m.slot = size;
      return m;
    }
    uint64_t req = size;
    if (!noscan && size > kMinSizeForMallocHeader) {
      req += kMallocHeaderSize;
      m.header = true;
    }
    m.size_class = ClassOf(req);
    m.slot = kClassToSize[m.size_class];
    return m;
  }
  m.large = true;
  m.slot = (size + kPageSize - 1) / kPageSize * kPageSize;
  return m;
}

uint64_t RoundUpSize(uint64_t bytes, bool noscan) {
  if (bytes <= kMaxSmallSize - kMallocHeaderSize) {
    uint64_t req = bytes;
    if (!noscan && req > kMinSizeForMallocHeader) req += kMallocHeaderSize;
    return kClassToSize[ClassOf(req)] - (req - bytes);
  }
  return (bytes + kPageSize - 1) / kPageSize * kPageSize;
}

uint64_t GrowCap(uint64_t old_cap, uint64_t new_len, uint64_t elem_size, bool noscan) {
  // runtime/slice.go nextslicecap.
  uint64_t newcap = old_cap;
  uint64_t doublecap = newcap + newcap;
  if (new_len > doublecap) {
    newcap = new_len;
  } else {
    const uint64_t threshold = 256;
    if (old_cap < threshold) {
      newcap = doublecap;
    } else {
      while (newcap < new_len) newcap += (newcap + 3 * threshold) >> 2;
    }
  }
  if (elem_size == 0) return newcap;
  if (newcap > (uint64_t{1} << 62) / elem_size) return 0;
  uint64_t mem = RoundUpSize(newcap * elem_size, noscan);
  return mem / elem_size;
}

PerOp SteadyState(const std::vector<MallocClass>& per_op) {
  PerOp r;
  uint64_t slots = 0;
  bool any_tiny = false;
  for (const MallocClass& m : per_op) {
    if (m.zero_size) continue;
    ++r.allocs;
    if (m.tiny) {
      any_tiny = true;
    } else {
      slots += m.slot;
    }
  }
  if (!any_tiny) {
    r.bytes = slots;
    return r;
  }
  // mallocgcTiny: simulate the packing over many operations; each new 16-byte block counts 16
  // bytes. The block kept is the one with more room left (size < c.tinyoffset replaces it).
  constexpr uint64_t kOps = 1 << 16;
  uint64_t off = 0;
  bool have = false;
  uint64_t blocks = 0;
  for (uint64_t op = 0; op < kOps; ++op) {
    for (const MallocClass& m : per_op) {
      if (!m.tiny) continue;
      uint64_t size = m.size;
      uint64_t o = off;
      if (size % 8 == 0) {
        o = (o + 7) & ~uint64_t{7};
      } else if (size % 4 == 0) {
        o = (o + 3) & ~uint64_t{3};
      } else if (size % 2 == 0) {
        o = (o + 1) & ~uint64_t{1};
      }
      if (have && o + size <= kTinySize) {
        off = o + size;
        continue;
      }
      ++blocks;
      if (size < off || !have) {
        off = size;
        have = true;
      }
    }
  }
  r.bytes = (slots * kOps + blocks * kTinySize) / kOps;
  return r;
}

std::string Describe(const MallocClass& m) {
  if (m.zero_size) return "0 B: zero-sized, &runtime.zerobase (no allocation)";
  if (m.tiny) {
    return fmt::format("{} B, tiny allocator (noscan objects under 16 B share 16-byte blocks)",
                       m.size);
  }
  if (m.large) {
    return fmt::format("{} B, large object ({} pages of 8 KiB, {} B)", m.size, m.slot / kPageSize,
                       m.slot);
  }
  return fmt::format("{} B, size class {} ({} B{}){}", m.size, m.size_class, m.slot,
                     m.header ? ", 8-byte malloc header included" : "", m.noscan ? ", noscan" : "");
}

}  // namespace escapist::cost
