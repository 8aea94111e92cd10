// driver/prove.cpp -- escapist prove (see driver/analysis.h).
#include <iostream>

#include "driver/analysis.h"

namespace escapist::driver {

int RunProve(const Options& opts) {
  (void)opts;
  std::cerr << "escapist prove: not implemented yet\n";
  return 2;
}

}  // namespace escapist::driver
