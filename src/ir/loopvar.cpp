// ir/loopvar.cpp -- Go 1.22 per-iteration loop variables (gc's loopvar/loopvar.go ForCapture),
// run on every function after construction as gc does before escape analysis: a range or
// 3-clause loop variable whose address is taken or that a closure captures (outside a return
// statement) gets a fresh copy declared inside the body each iteration.
#include <functional>
#include <unordered_map>

#include "ir/builder.h"

namespace escapist::ir {

namespace {

class LoopVar {
 public:
  LoopVar(Program& prog, const types::Universe& u, FuncId fn) : prog_(prog), u_(u), fn_(fn) {}

  void Run() {
    Func& f = prog_.funcs.Get(fn_);
    if (!f.body.has_value()) return;
    Scan(f.body);
    if (!fixups_.empty()) Fixup(f.body);
  }

 private:
  Node& N(NodeId id) { return prog_[id]; }

  NodeId Add(Op op, Pos pos, types::TypeId t) {
    Node n;
    n.op = op;
    n.pos = pos;
    n.type = t;
    return prog_.Add(std::move(n));
  }

  NodeId NameOf(VarId v, Pos pos) {
    NodeId n = Add(Op::kName, pos, prog_.vars.Get(v).type);
    N(n).var = v;
    return n;
  }

  // typecheck.TempAt after the whole body was read.
  VarId Temp(types::TypeId t) {
    Func& f = prog_.funcs.Get(fn_);
    size_t k = f.params.size() + f.results.size() + f.dcl.size();
    Var v;
    v.name = ".autotmp_" + std::to_string(k);
    v.type = t;
    v.curfn = fn_;
    v.is_temp = true;
    VarId id = prog_.vars.Add(std::move(v));
    prog_.funcs.Get(fn_).dcl.push_back(id);
    return id;
  }

  NodeId Bool(bool b, Pos pos) {
    auto& mu = const_cast<types::Universe&>(u_);  // interning only (see Builder::PtrTo)
    types::ConstId& c = b ? true_ : false_;
    if (!c.has_value()) {
      types::Constant k;
      k.kind = types::Constant::Kind::kBool;
      k.b = b;
      c = mu.NewConstant(std::move(k));
    }
    NodeId n = Add(Op::kLiteral, pos, u_.Basic(types::BasicKind::kBool));
    N(n).value = c;
    return n;
  }

  VarId Canonical(VarId v) {
    while (prog_.vars.Get(v).outer.has_value()) v = prog_.vars.Get(v).outer;
    return v;
  }

  void NoteMayLeak(NodeId x) {
    if (x.has_value() && N(x).op == Op::kName && N(x).var.has_value()) leaked_[N(x).var.index()];
  }

  void Mark(VarId v) {
    auto it = leaked_.find(v.index());
    if (it != leaked_.end()) it->second = true;
  }

  bool IsLeaked(NodeId x) {
    if (!x.has_value() || N(x).op != Op::kName || !N(x).var.has_value()) return false;
    auto it = leaked_.find(N(x).var.index());
    return it != leaked_.end() && it->second;
  }

  void Children(NodeId id) {
    Node& n = N(id);
    for (NodeId c : prog_.List(n.init)) Scan(c);
    NodeId kids[4] = {n.x, n.y, n.z, n.w};
    for (NodeId c : kids) Scan(c);
    for (NodeId c : prog_.List(n.list)) Scan(c);
    for (NodeId c : prog_.List(n.list2)) Scan(c);
  }

  template <typename F>
  void ForAllDefInInit(NodeId loop, F f) {
    for (NodeId s : prog_.List(N(loop).init)) {
      const Node& a = N(s);
      if (!a.defining) continue;
      if (a.op == Op::kAs) {
        f(s, 0u);
      } else if (a.op == Op::kAs2) {
        for (uint32_t i = 0; i < a.list.count; ++i) f(s, 4 + i);
      }
    }
  }

  NodeId& SlotRef(NodeId s, uint32_t slot) {
    return slot == 0 ? N(s).x : prog_.pool[N(s).list.begin + slot - 4];
  }

  NodeId MaybeReplace(NodeId k, NodeId range) {
    if (!IsLeaked(k)) return k;
    VarId v = N(k).var;
    Pos pos = N(range).pos;
    VarId tk = Temp(prog_.vars.Get(v).type);
    NodeId as = Add(Op::kAs, pos, types::TypeId());
    N(as).x = NameOf(v, pos);
    N(as).y = NameOf(tk, pos);
    N(as).defining = true;
    std::vector<NodeId> body = prog_.List(N(range).list2);
    body.insert(body.begin(), as);
    N(range).list2 = prog_.AddList(body);
    fixups_[v.index()] = as;
    return NameOf(tk, N(k).pos);
  }

  void Scan(NodeId id) {
    if (!id.has_value()) return;
    Node& n = N(id);
    switch (n.op) {
      case Op::kClosure:
        if (return_depth_ >= loop_depth_) break;
        for (VarId cv : prog_.funcs.Get(n.func).closure_vars) Mark(Canonical(cv));
        break;
      case Op::kAddr: {
        if (return_depth_ >= loop_depth_) break;
        NodeId y = n.x;
        for (;;) {
          const Node& yn = N(y);
          if (yn.op == Op::kDot || yn.op == Op::kConvNop ||
              (yn.op == Op::kIndex && yn.x.has_value() && N(yn.x).type.has_value() &&
               u_.Get(types::Underlying(u_, N(yn.x).type)).kind == types::TypeKind::kArray)) {
            y = yn.x;
          } else {
            break;
          }
        }
        if (N(y).op == Op::kName && N(y).var.has_value()) Mark(N(y).var);
        break;
      }
      case Op::kReturn: {
        int saved = return_depth_;
        return_depth_ = loop_depth_;
        Children(id);
        return_depth_ = saved;
        return;
      }
      case Op::kRange: {
        if (!n.defining) break;
        NodeId key = n.list.count > 0 ? prog_.At(n.list, 0) : NodeId();
        NodeId val = n.list.count > 1 ? prog_.At(n.list, 1) : NodeId();
        NoteMayLeak(key);
        NoteMayLeak(val);
        ++loop_depth_;
        Children(id);
        --loop_depth_;
        std::vector<NodeId> lhs = prog_.List(N(id).list);
        if (lhs.size() > 0) lhs[0] = MaybeReplace(lhs[0], id);
        if (lhs.size() > 1) lhs[1] = MaybeReplace(lhs[1], id);
        N(id).list = prog_.AddList(lhs);
        return;
      }
      case Op::kFor: {
        ForAllDefInInit(id, [&](NodeId s, uint32_t slot) { NoteMayLeak(SlotRef(s, slot)); });
        ++loop_depth_;
        Children(id);
        --loop_depth_;
        std::vector<VarId> leaked;
        ForAllDefInInit(id, [&](NodeId s, uint32_t slot) {
          NodeId z = SlotRef(s, slot);
          if (IsLeaked(z)) leaked.push_back(N(z).var);
        });
        if (!leaked.empty()) Transform3(id, leaked);
        return;
      }
      default:
        break;
    }
    Children(id);
  }

  void EditContinues(NodeId id, const std::string& loop_label, const std::string& label,
                     int depth) {
    if (!id.has_value()) return;
    Node& n = N(id);
    if (n.op == Op::kContinue &&
        ((depth == 0 && n.label.empty()) || (!loop_label.empty() && n.label == loop_label))) {
      n.op = Op::kGoto;
      n.label = label;
      return;
    }
    if (n.op == Op::kClosure) return;
    int d = depth + ((n.op == Op::kFor || n.op == Op::kRange) ? 1 : 0);
    for (NodeId c : prog_.List(n.init)) EditContinues(c, loop_label, label, d);
    NodeId kids[4] = {n.x, n.y, n.z, n.w};
    for (NodeId c : kids) EditContinues(c, loop_label, label, d);
    for (NodeId c : prog_.List(n.list)) EditContinues(c, loop_label, label, d);
    for (NodeId c : prog_.List(n.list2)) EditContinues(c, loop_label, label, d);
  }

  // The 3-clause transformation of loopvar.go (see its worked example).
  void Transform3(NodeId loop, const std::vector<VarId>& leaked) {
    Pos pos = N(loop).pos;
    std::vector<NodeId> pre, post;
    std::unordered_map<uint32_t, VarId> prime;
    for (VarId z : leaked) {
      VarId tz = Temp(prog_.vars.Get(z).type);
      prime[z.index()] = tz;
      NodeId as = Add(Op::kAs, pos, types::TypeId());
      N(as).x = NameOf(z, pos);
      N(as).y = NameOf(tz, pos);
      N(as).defining = true;
      prog_.vars.Get(z).defn = as;
      pre.push_back(as);
      fixups_[z.index()] = as;
      NodeId back = Add(Op::kAs, pos, types::TypeId());
      N(back).x = NameOf(tz, pos);
      N(back).y = NameOf(z, pos);
      post.push_back(back);
    }
    std::string label = ".3clNext_" + std::to_string(seq_++);
    NodeId label_stmt = Add(Op::kLabel, pos, types::TypeId());
    N(label_stmt).label = label;
    std::string loop_label = N(loop).label;
    for (NodeId s : prog_.List(N(loop).list)) EditContinues(s, loop_label, label, 0);
    ForAllDefInInit(loop, [&](NodeId s, uint32_t slot) {
      NodeId& z = SlotRef(s, slot);
      if (z.has_value() && N(z).op == Op::kName && N(z).var.has_value()) {
        auto it = prime.find(N(z).var.index());
        if (it != prime.end()) z = NameOf(it->second, N(z).pos);
      }
    });
    NodeId post_stmt = N(loop).y;
    NodeId cond = N(loop).x;
    NodeId tmp_first_dcl;
    if (post_stmt.has_value()) {
      VarId tf = Temp(u_.Basic(types::BasicKind::kBool));
      tmp_first_dcl = Add(Op::kAs, pos, types::TypeId());
      N(tmp_first_dcl).x = NameOf(tf, pos);
      N(tmp_first_dcl).y = Bool(true, pos);
      NodeId set_false = Add(Op::kAs, pos, types::TypeId());
      N(set_false).x = NameOf(tf, pos);
      N(set_false).y = Bool(false, pos);
      NodeId iff = Add(Op::kIf, pos, types::TypeId());
      N(iff).x = NameOf(tf, pos);
      N(iff).list = prog_.AddList({set_false});
      N(iff).list2 = prog_.AddList({post_stmt});
      NodeId d = Add(Op::kDcl, pos, types::TypeId());
      N(d).var = tf;
      N(iff).init = prog_.AddList({d});
      pre.push_back(iff);
    }
    if (cond.has_value()) {
      NodeId nc = Add(Op::kUnary, N(cond).pos, N(cond).type);
      N(nc).tok = syntax::Token::kNot;
      N(nc).x = cond;
      NodeId brk = Add(Op::kBreak, pos, types::TypeId());
      NodeId iff = Add(Op::kIf, pos, types::TypeId());
      N(iff).x = nc;
      N(iff).list = prog_.AddList({brk});
      pre.push_back(iff);
    }
    if (post_stmt.has_value()) {
      std::vector<NodeId> init = prog_.List(N(loop).init);
      init.push_back(tmp_first_dcl);
      N(loop).init = prog_.AddList(init);
    }
    for (NodeId s : prog_.List(N(loop).list)) pre.push_back(s);
    pre.push_back(label_stmt);
    pre.insert(pre.end(), post.begin(), post.end());
    N(loop).list = prog_.AddList(pre);
    N(loop).x = NodeId();
    N(loop).y = NodeId();
  }

  // editNodes: the Dcl of a replaced variable moves into its new defining assignment's init.
  IdSpan<NodeId> EditList(IdSpan<NodeId> span) {
    std::vector<NodeId> keep;
    bool changed = false;
    for (NodeId s : prog_.List(span)) {
      if (!s.has_value()) {  // blank range key
        keep.push_back(s);
        continue;
      }
      const Node& n = N(s);
      if (n.op == Op::kDcl && n.var.has_value()) {
        auto it = fixups_.find(n.var.index());
        if (it != fixups_.end()) {
          NodeId as = it->second;
          std::vector<NodeId> init = prog_.List(N(as).init);
          init.insert(init.begin(), s);
          N(as).init = prog_.AddList(init);
          fixups_.erase(it);
          changed = true;
          continue;
        }
      }
      keep.push_back(s);
    }
    return changed ? prog_.AddList(keep) : span;
  }

  void Fixup(NodeId id) {
    if (!id.has_value() || fixups_.empty()) return;
    N(id).init = EditList(N(id).init);
    N(id).list = EditList(N(id).list);
    N(id).list2 = EditList(N(id).list2);
    Node& n = N(id);
    for (NodeId c : prog_.List(n.init)) Fixup(c);
    NodeId kids[4] = {n.x, n.y, n.z, n.w};
    for (NodeId c : kids) Fixup(c);
    for (NodeId c : prog_.List(N(id).list)) Fixup(c);
    for (NodeId c : prog_.List(N(id).list2)) Fixup(c);
  }

  Program& prog_;
  const types::Universe& u_;
  FuncId fn_;
  std::unordered_map<uint32_t, bool> leaked_;     // possiblyLeaked
  std::unordered_map<uint32_t, NodeId> fixups_;   // dclFixups
  int loop_depth_ = 0;
  int return_depth_ = 0;
  int seq_ = 1;
  types::ConstId true_, false_;
};

}  // namespace

void ForCapture(Program& prog, const types::Universe& u, FuncId fn) { LoopVar(prog, u, fn).Run(); }

}  // namespace escapist::ir
