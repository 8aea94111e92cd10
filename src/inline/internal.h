// inline/internal.h -- helpers shared by the inline phase's files (not part of its interface):
// IR walks, small node predicates, and gc's printing of an inlinable body for -m=2.
#pragma once

#include <string>
#include <vector>

#include "ir/ir.h"
#include "types/types.h"

namespace escapist::inlining {

// Visits `root` and its sub-nodes pre-order (init, x, y, z, w, list, list2), not descending
// into func literal bodies; `fn(id, node)` returns false to skip the node's children.
template <typename Fn>
void ForEachNode(const ir::Program& prog, ir::NodeId root, Fn&& fn) {
  if (!root.has_value()) return;
  std::vector<ir::NodeId> stack{root};
  while (!stack.empty()) {
    ir::NodeId id = stack.back();
    stack.pop_back();
    if (!id.has_value()) continue;
    const ir::Node& n = prog.nodes.Get(id);
    if (!fn(id, n)) continue;
    for (uint32_t i = n.list2.count; i-- > 0;) stack.push_back(prog.At(n.list2, i));
    for (uint32_t i = n.list.count; i-- > 0;) stack.push_back(prog.At(n.list, i));
    stack.push_back(n.w);
    stack.push_back(n.z);
    stack.push_back(n.y);
    stack.push_back(n.x);
    for (uint32_t i = n.init.count; i-- > 0;) stack.push_back(prog.At(n.init, i));
  }
}

// The statements of `list` that gc's writer keeps (noder/writer.go stmts): after a terminating
// statement (return, goto, panic(...), an if or block ending in one) the rest is dropped, except
// labels and what precedes the last label.
std::vector<ir::NodeId> LiveStmts(const ir::Program& prog, const types::Universe& u,
                                  IdSpan<ir::NodeId> list);

// The number of gc IR nodes escapist's node stands for (IsBigFunc's count): 0 for wrappers gc
// does not have (expression statements, empty statements), 2 for ODCL (it holds its ONAME).
inline int GcNodeCount(const ir::Node& n) {
  switch (n.op) {
    case ir::Op::kExprStmt:
    case ir::Op::kEmpty:
      return 0;
    case ir::Op::kDcl:
      return 2;
    default:
      return 1;
  }
}

// gc's AssignListStmt ops (OAS2, OAS2FUNC, ...): the `a, b = f()` temporaries' assignment.
inline bool IsAssignList(ir::Op op) {
  return op == ir::Op::kAs2 || op == ir::Op::kAs2Func || op == ir::Op::kAs2DotType ||
         op == ir::Op::kAs2MapR || op == ir::Op::kAs2Recv;
}

// The byte offset of the field selected by an ODOT/ODOTPTR node (Selection.Offset).
int64_t FieldOffsetOf(const ir::Program& prog, const types::Universe& u, const ir::Node& dot);

// ir.IsConst(n, constant.Bool): 1 / 0 for a boolean literal, -1 otherwise.
int ConstBool(const ir::Program& prog, const types::Universe& u, ir::NodeId n);

// gc's op for a numeric conversion node (typecheck.convertOp and tcConv): true for OCONVNOP.
// escapist's IR says OCONV for int<->int64 and uint<->uint64<->uintptr, which gc's SimType makes
// OCONVNOP on amd64, and OCONVNOP for a float/complex converted to a type of the same kind, which
// tcConv keeps as OCONV (the conversion rounds).
bool GcConvIsNop(const ir::Program& prog, const types::Universe& u, const ir::Node& conv);

// Whether n is an integer literal equal to `v` (ir.Int64Val of an OLITERAL).
bool IsIntLiteral(const ir::Program& prog, const types::Universe& u, ir::NodeId n, int64_t v);

// Whether a and b are the same gc ONAME (gc shares one Name node per variable).
bool SameName(const ir::Program& prog, ir::NodeId a, ir::NodeId b);

// fn.Type() as gc prints it: `func(int) int`, `method(*T) func(int) int` (no parameter names).
std::string FuncTypeString(const ir::Program& prog, const types::Universe& u, ir::FuncId fn);

// fn.Body as gc's %v prints it (ir/fmt.go stmtFmt): statements joined by "; ", loops as
// `for loop`, switches as `switch statement`, ...
std::string BodyString(const ir::Program& prog, const types::Universe& u, ir::FuncId fn);

}  // namespace escapist::inlining
