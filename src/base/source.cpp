// base/source.cpp -- formatting positions as gc does.
#include "base/source.h"

#include <string>

namespace escapist {

std::string SourceSet::Format(Pos pos) const {
  std::string out = pos.file < files_.size() ? files_[pos.file].display_name : std::string("?");
  out += ':';
  out += std::to_string(pos.line);
  if (pos.col != 0) {
    out += ':';
    out += std::to_string(pos.col);
  }
  return out;
}

}  // namespace escapist
