// driver/explain.cpp -- escapist explain (see driver/analysis.h).
#include <iostream>

#include "driver/analysis.h"

namespace escapist::driver {

int RunExplain(const Options& opts) {
  (void)opts;
  std::cerr << "escapist explain: not implemented yet\n";
  return 2;
}

}  // namespace escapist::driver
