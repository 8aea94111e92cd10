// driver/table.cpp -- escapist table (see driver/analysis.h).
#include <iostream>

#include "driver/analysis.h"

namespace escapist::driver {

int RunTable(const Options& opts) {
  (void)opts;
  std::cerr << "escapist table: not implemented yet\n";
  return 2;
}

}  // namespace escapist::driver
