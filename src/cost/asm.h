// cost/asm.h -- what a Go function implemented in assembly may call, read from its package's
// .s files (those that build for linux/amd64): a routine whose TEXT block, and every assembly
// block it jumps or calls into, holds no call of anything else cannot allocate. Used by prove
// for body-less functions such as internal/bytealg's Count, Index and Equal.
#pragma once

#include <string>
#include <vector>

namespace escapist::cost {

// What the assembly body of one function reaches.
struct AsmReach {
  bool found = false;   // a TEXT block for the function was found
  bool leaf = false;    // found, and it reaches no code but assembly blocks and `go_callees`
  std::string why;      // !leaf: what it calls ("CALL runtime·morestack", "indirect CALL AX")
  std::vector<std::string> go_callees;  // Go functions of the same package it may jump to
  std::string file;     // the .s file holding its TEXT block
};

// The reach of function `name` of the package with import path `pkg_path` whose directory is
// `dir` (Go's symbol ·name in that package's .s files). Blocks of other std packages are
// followed through their directories, found from `dir` and `pkg_path` (GOROOT/src/<path>).
// Files are read once per process.
AsmReach AsmFunctionReach(const std::string& dir, const std::string& pkg_path,
                          const std::string& name);

}  // namespace escapist::cost
