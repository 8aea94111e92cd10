// base/check.cpp -- the failure path of ESCAPIST_CHECK.
#include "base/check.h"

#include <cstdio>
#include <cstdlib>

namespace escapist {
void CheckFailed(const char* file, int line, const char* cond, const char* msg) {
  std::fprintf(stderr, "escapist: internal error: %s:%d: check failed: %s: %s\n", file, line, cond,
               msg);
  std::abort();
}
}  // namespace escapist
