// escape/leaks.cpp -- parameter leak summaries (gc's escape/leaks.go): derefs+1 per sink, the
// Optimize rule and the export tag encoding.
#include <algorithm>
#include <cstring>

#include "base/check.h"
#include "escape/escape.h"

namespace escapist::escape {

void Leaks::Add(int i, int derefs) {
  int old = Get(i);
  if (old < 0 || derefs < old) Set(i, derefs);
}

void Leaks::Set(int i, int derefs) {
  int v = derefs + 1;
  ESCAPIST_CHECK(v >= 0, "escape: invalid derefs count");
  if (v > 255) v = 255;
  bytes[i] = static_cast<uint8_t>(v);
}

// Removes result flows equal to or longer than the shortest heap flow.
void Leaks::Optimize() {
  int x = Heap();
  if (x < 0) return;
  for (int i = 1; i < 8; ++i) {
    if (Get(i) >= x) Set(i, -1);
  }
}

bool Leaks::Empty() const {
  if (Heap() >= 0 || Mutator() >= 0 || Callee() >= 0) return false;
  for (int i = 0; i < kNumResults; ++i) {
    if (Result(i) >= 0) return false;
  }
  return true;
}

std::string Leaks::Encode() const {
  if (Heap() == 0) return "";  // the empty tag: leaks to the heap
  int n = 8;
  while (n > 0 && bytes[n - 1] == 0) --n;
  return "esc:" + std::string(reinterpret_cast<const char*>(bytes), n);
}

Leaks Leaks::Decode(const std::string& tag) {
  Leaks l;
  if (tag.rfind("esc:", 0) != 0) {
    l.AddHeap(0);
    return l;
  }
  size_t n = std::min<size_t>(8, tag.size() - 4);
  std::memcpy(l.bytes, tag.data() + 4, n);
  return l;
}

bool operator==(const Leaks& a, const Leaks& b) {
  return std::memcmp(a.bytes, b.bytes, sizeof a.bytes) == 0;
}

}  // namespace escapist::escape
