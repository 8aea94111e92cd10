// ir/deadlocals.cpp -- gc's deadlocals pass (cmd/compile/internal/deadlocals), which runs after
// inlining and loopvar, before escape analysis: an assignment without side effects to a local
// variable (or parameter) that is never used is discarded, `_ = 0` taking its place. After
// inlining this removes, for instance, `f := func literal` once every call of f was inlined, so
// the literal gets no escape verdict at all.
#include <optional>
#include <unordered_map>
#include <vector>

#include "ir/build.h"

namespace escapist::ir {

namespace {

class DeadLocalsVisitor {
 public:
  explicit DeadLocalsVisitor(Program& prog) : prog_(prog) {}

  void Func(FuncId fn) {
    const ir::Func& f = prog_.funcs.Get(fn);
    Node(f.body);
  }

  // Rewrites the assignments of the variables never used.
  void Finish(NodeId blank, NodeId zero) {
    for (uint32_t k : keys_) {
      auto it = defs_.find(k);
      if (it == defs_.end() || !it->second.has_value()) continue;
      if (it->second->empty()) continue;
      for (const Assign& as : *it->second) {
        *Slot(as.node, as.lhs) = blank;
        *Slot(as.node, as.rhs) = zero;
      }
      prog_.vars.Get(VarId(k)).defn = NodeId();
    }
  }

 private:
  // Where an operand lives: x/y of a node, or an entry of its list/list2 (index >= 0).
  struct SlotRef {
    int field;  // 0: x, 1: y, 2: list[index], 3: list2[index]
    uint32_t index = 0;
  };
  struct Assign {
    NodeId node;
    SlotRef lhs, rhs;
  };

  NodeId* Slot(NodeId node, SlotRef s) {
    ir::Node& n = prog_[node];
    switch (s.field) {
      case 0: return &n.x;
      case 1: return &n.y;
      case 2: return &prog_.pool[n.list.begin + s.index];
      default: return &prog_.pool[n.list2.begin + s.index];
    }
  }

  VarId Canonical(VarId v) const {
    int guard = 0;
    while (v.has_value() && prog_.vars.Get(v).is_closure_var &&
           prog_.vars.Get(v).outer.has_value() && guard++ < 1000) {
      v = prog_.vars.Get(v).outer;
    }
    return v;
  }

  // isLocal: a local or parameter (a blank name only where a blank discards).
  bool IsLocal(NodeId name, bool blank_is_not_use) const {
    const ir::Node& n = prog_[name];
    if (!n.var.has_value()) return n.obj.has_value() ? false : blank_is_not_use;
    const Var& v = prog_.vars.Get(n.var);
    if (v.name == "_") return blank_is_not_use;
    return v.cls == Class::kAuto || v.cls == Class::kParam;
  }

  bool HasEffects(NodeId id) const {
    if (!id.has_value()) return false;
    const ir::Node& n = prog_[id];
    if (n.init.count != 0) return true;
    switch (n.op) {
      case Op::kName:
      case Op::kLiteral:
      case Op::kNil:
      case Op::kClosure:
        return false;
      default:
        return true;
    }
  }

  void Nodes(IdSpan<NodeId> l) {
    for (uint32_t i = 0; i < l.count; ++i) Node(prog_.At(l, i));
  }

  void Node(NodeId id) {
    if (!id.has_value()) return;
    const ir::Node n = prog_[id];
    switch (n.op) {
      case Op::kClosure: {
        Nodes(n.init);
        if (!n.func.has_value()) break;
        const ir::Func& f = prog_.funcs.Get(n.func);
        for (VarId cv : f.closure_vars) UseVar(Canonical(cv));
        Node(f.body);
        break;
      }
      case Op::kDcl:
        break;
      case Op::kName:
        if (n.var.has_value() && IsLocal(id, false)) UseVar(Canonical(n.var));
        break;
      case Op::kAs:
        Nodes(n.init);
        DoAssign(id, {0}, {1}, false);
        break;
      case Op::kAs2: {
        Nodes(n.init);
        bool non_blank = false;
        for (uint32_t i = 0; i < n.list.count; ++i) {
          const ir::Node& l = prog_[prog_.At(n.list, i)];
          bool blank = l.op == Op::kName &&
                       (l.var.has_value() ? prog_.vars.Get(l.var).name == "_" : !l.obj.has_value());
          if (!blank) non_blank = true;
        }
        for (uint32_t i = 0; i < n.list.count && i < n.list2.count; ++i) {
          DoAssign(id, {2, i}, {3, i}, non_blank);
        }
        break;
      }
      default:
        Nodes(n.init);
        Node(n.x);
        Node(n.y);
        Node(n.z);
        Node(n.w);
        Nodes(n.list);
        Nodes(n.list2);
        break;
    }
  }

  // A use of local v: its deferred assignments' right-hand sides are visited now.
  void UseVar(VarId v) {
    auto it = defs_.find(v.index());
    if (it == defs_.end()) {
      keys_.push_back(v.index());
      defs_[v.index()] = std::nullopt;
      return;
    }
    if (!it->second.has_value()) return;
    std::vector<Assign> pending = std::move(*it->second);
    it->second = std::nullopt;
    for (const Assign& as : pending) Node(*Slot(as.node, as.rhs));
  }

  void DoAssign(NodeId node, SlotRef lhs_ref, SlotRef rhs_ref, bool blank_is_not_use) {
    NodeId lhs = *Slot(node, lhs_ref);
    NodeId rhs = *Slot(node, rhs_ref);
    if (!lhs.has_value() || prog_[lhs].op != Op::kName) {
      Node(lhs);
      Node(rhs);
      return;
    }
    if (IsLocal(lhs, blank_is_not_use) && !HasEffects(rhs) && prog_[lhs].var.has_value()) {
      VarId v = Canonical(prog_[lhs].var);
      auto it = defs_.find(v.index());
      if (it == defs_.end() || it->second.has_value()) {
        if (it == defs_.end()) {
          keys_.push_back(v.index());
          it = defs_.emplace(v.index(), std::vector<Assign>()).first;
        }
        it->second->push_back({node, lhs_ref, rhs_ref});
        return;  // the rhs is visited only if v turns out to be used
      }
    }
    Node(rhs);
  }

  Program& prog_;
  // By canonical VarId: the assignments that die with it, or nullopt once it is used.
  std::unordered_map<uint32_t, std::optional<std::vector<Assign>>> defs_;
  std::vector<uint32_t> keys_;
};

}  // namespace

void DeadLocals(Program& prog, const types::Universe& u) {
  for (FuncId fn : std::vector<FuncId>(prog.target_funcs)) {
    const Func& f = prog.funcs.Get(fn);
    if (f.is_closure || !f.body.has_value()) continue;
    DeadLocalsVisitor v(prog);
    v.Func(fn);
    Node blank;
    blank.op = Op::kName;
    blank.pos = f.pos;
    NodeId blank_id = prog.Add(blank);
    Node zero;
    zero.op = Op::kLiteral;
    zero.pos = f.pos;
    zero.type = u.Basic(types::BasicKind::kInt);
    // ir.NewInt(pos, 0): gc prints it `0` (e.g. `_, x := 0, ... argument` in -m=2 flows). The
    // universe interns 0 when it declares iota.
    auto z = u.small_int_constants.find(0);
    if (z != u.small_int_constants.end()) zero.value = z->second;
    NodeId zero_id = prog.Add(zero);
    v.Finish(blank_id, zero_id);
  }
}

}  // namespace escapist::ir
