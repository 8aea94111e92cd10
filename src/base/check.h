// base/check.h -- ESCAPIST_CHECK: broken invariants abort with a message; no exceptions cross
// phases.
#pragma once

namespace escapist {
[[noreturn]] void CheckFailed(const char* file, int line, const char* cond, const char* msg);
}  // namespace escapist

#define ESCAPIST_CHECK(cond, msg)                                    \
  do {                                                               \
    if (!(cond)) ::escapist::CheckFailed(__FILE__, __LINE__, #cond, msg); \
  } while (0)
