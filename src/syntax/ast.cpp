// syntax/ast.cpp -- names of the syntax node kinds.
#include "syntax/ast.h"

namespace escapist::syntax {

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
#define ESCAPIST_NODE(Name, Shape) \
  case NodeKind::k##Name:          \
    return #Name;
#include "syntax/node_kinds.def"
#undef ESCAPIST_NODE
  }
  return "?";
}

}  // namespace escapist::syntax
