// escape/scc.cpp -- the call graph's strongly connected components, callees first (gc's
// ir/scc.go VisitFuncsBottomUp, Tarjan's algorithm with each function as two virtual nodes).
// Edges are references to declared functions, method expressions and values, and func
// literals; a literal capturing variables never roots a component, so it joins the batch of its
// enclosing function, after it.
#include "escape/batch.h"

namespace escapist::escape {

namespace {

class BottomUpVisitor {
 public:
  BottomUpVisitor(const Analyzer& a,
                  const std::function<void(const std::vector<FuncId>&, bool)>& analyze)
      : a_(a), analyze_(analyze), node_id_(a.prog.funcs.size(), 0) {}

  uint32_t Visit(FuncId n) {
    if (uint32_t id = node_id_[n.index()]; id > 0) return id;  // already visited
    ++visitgen_;
    uint32_t id = visitgen_;
    node_id_[n.index()] = id;
    ++visitgen_;
    uint32_t min_visitgen = visitgen_;
    stack_.push_back(n);

    auto edge = [&](FuncId defn) {
      if (!defn) return;
      uint32_t m = Visit(defn);
      if (m < min_visitgen) min_visitgen = m;
    };
    std::vector<FuncId> refs;
    a_.Visit(a_.F(n).body, [&](NodeId, const ir::Node& node) {
      switch (node.op) {
        case Op::kName:
          if (!node.var && node.obj) refs.push_back(a_.FuncOf(node.obj));
          break;
        case Op::kMethExpr:
        case Op::kMethValue:
          refs.push_back(a_.FuncOf(node.obj));
          break;
        case Op::kClosure:
          refs.push_back(node.func);
          break;
        default:
          break;
      }
      return true;
    });
    for (FuncId f : refs) edge(f);

    bool is_closure = a_.F(n).is_closure;
    if ((min_visitgen == id || min_visitgen == id + 1) && !is_closure) {
      // n roots a component; it is recursive if the search found its way back to id.
      bool recursive = min_visitgen == id;
      size_t i = stack_.size();
      while (i-- > 0) {
        FuncId x = stack_[i];
        node_id_[x.index()] = ~uint32_t{0};
        if (x == n) break;
      }
      std::vector<FuncId> block(stack_.begin() + i, stack_.end());
      stack_.resize(i);
      analyze_(block, recursive);
    }
    return min_visitgen;
  }

 private:
  const Analyzer& a_;
  const std::function<void(const std::vector<FuncId>&, bool)>& analyze_;
  std::vector<uint32_t> node_id_;
  uint32_t visitgen_ = 0;
  std::vector<FuncId> stack_;
};

}  // namespace

void VisitFuncsBottomUp(const Analyzer& a,
                        const std::function<void(const std::vector<FuncId>&, bool)>& analyze) {
  BottomUpVisitor v(a, analyze);
  for (FuncId fn : a.prog.target_funcs) {
    if (!a.F(fn).is_closure) v.Visit(fn);
  }
}

}  // namespace escapist::escape
