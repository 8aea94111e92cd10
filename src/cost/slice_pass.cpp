// cost/slice_pass.cpp -- gc's slice pass (slice/slice.go analyze), see cost/slice_pass.h.
#include "cost/slice_pass.h"

#include <unordered_map>

namespace escapist::cost {

namespace {

using ir::NodeId;
using ir::Op;
using ir::VarId;
using types::TypeId;

constexpr int64_t kMaxStackSize = 32;  // base.Debug.VariableMakeThreshold

// gc's sliceInfo.
struct SliceInfo {
  VarId s;
  int32_t ok_uses = 0;
  int32_t all_uses = 0;
  NodeId transition;
  std::vector<NodeId> appends;
  int append_weight = 0;
  int decl_depth = 0;
  bool cap_used = false;
  bool dropped = false;  // gc's s.Opt = nil
};

class Analyzer {
 public:
  Analyzer(const ir::Program& prog, const types::Universe& u, const escape::Result& esc,
           const ImportedLeaks& imported, SlicePassResult& out)
      : prog_(prog), u_(u), esc_(esc), imported_(imported), out_(out) {
    for (size_t i = 0; i < prog.funcs.size(); ++i) {
      ir::FuncId f(static_cast<uint32_t>(i));
      if (prog.funcs.Get(f).obj) func_by_obj_.emplace(prog.funcs.Get(f).obj.index(), f);
    }
  }

  void Analyze(ir::FuncId fn_id);

 private:
  const ir::Node& N(NodeId id) const { return prog_.nodes.Get(id); }
  const ir::Var& V(VarId id) const { return prog_.vars.Get(id); }

  SliceInfo* Tracking(NodeId n) {
    if (!n || N(n).op != Op::kName || !N(n).var) return nullptr;
    auto it = info_.find(N(n).var.index());
    if (it == info_.end() || it->second.dropped) return nullptr;
    return &it->second;
  }
  SliceInfo* TrackingVar(VarId v) {
    auto it = info_.find(v.index());
    if (it == info_.end() || it->second.dropped) return nullptr;
    return &it->second;
  }
  void AddTransition(SliceInfo& i, NodeId stmt, int depth) {
    if (i.transition || depth > i.decl_depth) {
      i.dropped = true;
      return;
    }
    i.transition = stmt;
  }
  void Assign(NodeId x, NodeId y, NodeId stmt, int depth);
  bool ArgLeak(NodeId call, size_t idx) const;

  const ir::Program& prog_;
  const types::Universe& u_;
  const escape::Result& esc_;
  const ImportedLeaks& imported_;
  SlicePassResult& out_;
  std::unordered_map<uint32_t, ir::FuncId> func_by_obj_;
  std::unordered_map<uint32_t, SliceInfo> info_;  // by VarId
};

// gc's assign: an `x = y` somewhere within statement stmt.
void Analyzer::Assign(NodeId x, NodeId y, NodeId stmt, int depth) {
  if (SliceInfo* i = Tracking(x)) {
    const ir::Node* yn = y ? &N(y) : nullptr;
    if (yn == nullptr || yn->op == Op::kNil) {
      i->ok_uses++;
    } else if (yn->op == Op::kSliceLit) {
      i->ok_uses++;
      i->cap_used = true;
    } else if (yn->op == Op::kSlice) {
      if (yn->x && N(yn->x).op == Op::kName && N(yn->x).var == i->s) {
        i->ok_uses += 2;
        i->cap_used = true;
      }
    } else if (yn->op == Op::kAppend) {
      NodeId first = yn->list.count > 0 ? prog_.At(yn->list, 0) : NodeId();
      if (first && N(first).op == Op::kName && N(first).var == i->s) {
        i->ok_uses += 2;
        i->appends.push_back(y);
        i->append_weight += 1 + (depth - i->decl_depth);
      }
    }
  }
  if (SliceInfo* i = Tracking(y)) {
    i->ok_uses++;
    AddTransition(*i, stmt, depth);
  }
}

// gc's argLeak: whether the idx'th argument of the call escapes anywhere (true if unknown).
bool Analyzer::ArgLeak(NodeId call, size_t idx) const {
  const ir::Node& c = N(call);
  if (c.op != Op::kCallFunc || !c.x) return true;
  const ir::Node& f = N(c.x);
  ir::FuncId fn;
  types::ObjId obj;
  if (f.op == Op::kClosure) {
    fn = f.func;
  } else if ((f.op == Op::kName && !f.var && f.obj) || f.op == Op::kMethExpr) {
    obj = f.obj;
    auto it = func_by_obj_.find(obj.index());
    if (it != func_by_obj_.end()) fn = it->second;
  } else {
    return true;
  }
  if (fn) {
    const std::vector<escape::Leaks>& leaks = esc_.leaks.Get(fn);
    return idx >= leaks.size() || !leaks[idx].Empty();
  }
  if (!imported_) return true;
  std::optional<escape::Leaks> l = imported_(obj, static_cast<int>(idx));
  return !l || !l->Empty();
}

void Analyzer::Analyze(ir::FuncId fn_id) {
  const ir::Func& fn = prog_.funcs.Get(fn_id);
  if (!fn.body) return;
  info_.clear();
  std::vector<VarId> named_rets;
  auto consider = [&](VarId v) {
    if (!v || info_.count(v.index())) return;
    TypeId t = V(v).type;
    TypeId ut = t ? types::Underlying(u_, t) : TypeId();
    if (!ut || u_.Get(ut).kind != types::TypeKind::kSlice) return;
    if (types::SizeOf(u_, u_.Get(ut).elem) > kMaxStackSize) return;
    SliceInfo i;
    i.s = v;
    info_.emplace(v.index(), std::move(i));
    if (V(v).cls == ir::Class::kParamOut) named_rets.push_back(v);
  };
  for (VarId v : fn.params) consider(v);
  for (VarId v : fn.results) consider(v);
  for (VarId v : fn.dcl) consider(v);
  if (info_.empty()) return;

  // Pre-order over the body (gc's ir.DoChildren with `do`), loop depth per node.
  std::vector<std::pair<NodeId, int>> stack{{fn.body, 0}};
  while (!stack.empty()) {
    auto [id, depth] = stack.back();
    stack.pop_back();
    if (!id) continue;
    const ir::Node& n = N(id);
    switch (n.op) {
      case Op::kName:
        if (SliceInfo* i = Tracking(id)) i->all_uses++;
        break;
      case Op::kDcl:
        // gc's ODCL counts one ok use for its own ONAME child; the IR's ODCL has no child.
        if (SliceInfo* i = TrackingVar(n.var)) i->decl_depth = depth;
        break;
      case Op::kIndex:
        if (SliceInfo* i = Tracking(n.x)) i->ok_uses++;
        break;
      case Op::kLen:
        if (SliceInfo* i = Tracking(n.x)) i->ok_uses++;
        break;
      case Op::kCap:
        if (SliceInfo* i = Tracking(n.x)) {
          i->ok_uses++;
          i->cap_used = true;
        }
        break;
      case Op::kAddr: {
        // &s[i] (through fields and array elements) points into s's backing store.
        NodeId x = n.x;
        while (x) {
          const ir::Node& xn = N(x);
          if (xn.op == Op::kDot) {
            x = xn.x;
            continue;
          }
          if (xn.op == Op::kIndex) {
            TypeId at = xn.x ? N(xn.x).type : TypeId();
            TypeId ut = at ? types::Underlying(u_, at) : TypeId();
            if (ut && u_.Get(ut).kind == types::TypeKind::kArray) {
              x = xn.x;
              continue;
            }
            if (SliceInfo* i = Tracking(xn.x)) i->dropped = true;
          }
          break;
        }
        break;
      }
      case Op::kReturn:
        for (uint32_t k = 0; k < n.list.count; ++k) {
          if (SliceInfo* i = Tracking(prog_.At(n.list, k))) {
            i->ok_uses++;
            AddTransition(*i, id, depth);
          }
        }
        if (n.list.count == 0) {
          for (VarId r : named_rets) {
            if (SliceInfo* i = TrackingVar(r)) AddTransition(*i, id, depth);
          }
        }
        break;
      case Op::kCallFunc:
        for (uint32_t k = 0; k < n.list.count; ++k) {
          if (SliceInfo* i = Tracking(prog_.At(n.list, k))) {
            if (!ArgLeak(id, k)) {
              i->ok_uses++;
              i->cap_used = true;
            }
          }
        }
        break;
      case Op::kRange:
        if (SliceInfo* i = Tracking(n.x)) {
          i->ok_uses++;
          AddTransition(*i, id, depth);  // a range keeps a pointer to the backing store
        }
        break;
      case Op::kAs:
        Assign(n.x, n.y, id, depth);
        break;
      case Op::kAs2:
        for (uint32_t k = 0; k < n.list.count && k < n.list2.count; ++k) {
          Assign(prog_.At(n.list, k), prog_.At(n.list2, k), id, depth);
        }
        break;
      case Op::kClosure:
        // Captured variables count as uses of the variables they capture (not understood).
        if (n.func) {
          for (VarId cv : prog_.funcs.Get(n.func).closure_vars) {
            VarId outer = V(cv).outer;
            if (SliceInfo* i = outer ? TrackingVar(outer) : nullptr) i->all_uses++;
          }
        }
        break;
      default:
        break;
    }
    int child_depth = (n.op == Op::kFor || n.op == Op::kRange) ? depth + 1 : depth;
    if (n.op == Op::kClosure) continue;  // gc does not walk into the literal's body
    // Children pushed in reverse, so they are visited init, x, y, z, w, list, list2.
    for (uint32_t k = n.list2.count; k-- > 0;) stack.push_back({prog_.At(n.list2, k), child_depth});
    for (uint32_t k = n.list.count; k-- > 0;) stack.push_back({prog_.At(n.list, k), child_depth});
    for (NodeId c : {n.w, n.z, n.y, n.x}) stack.push_back({c, child_depth});
    for (uint32_t k = n.init.count; k-- > 0;) stack.push_back({prog_.At(n.init, k), child_depth});
  }

  // Decide, in declaration order.
  std::vector<VarId> order;
  for (VarId v : fn.params) order.push_back(v);
  for (VarId v : fn.results) order.push_back(v);
  for (VarId v : fn.dcl) order.push_back(v);
  for (VarId v : order) {
    auto it = info_.find(v.index());
    if (it == info_.end()) continue;
    SliceInfo i = std::move(it->second);
    info_.erase(it);
    if (i.dropped || i.ok_uses != i.all_uses || !i.transition || i.append_weight < 2) continue;
    SliceMove m;
    m.slice = v;
    m.func = fn_id;
    m.transition = i.transition;
    m.cap_used = i.cap_used;
    m.appends = i.appends;
    for (NodeId a : m.appends) out_.by_append[a.index()] = out_.moves.size();
    out_.moves.push_back(std::move(m));
  }
}

}  // namespace

SlicePassResult RunSlicePass(const ir::Program& prog, const types::Universe& u,
                             const escape::Result& esc, const ImportedLeaks& imported,
                             bool optimize_off) {
  SlicePassResult out;
  if (optimize_off) return out;
  Analyzer a(prog, u, esc, imported, out);
  for (size_t i = 0; i < prog.funcs.size(); ++i) a.Analyze(ir::FuncId(static_cast<uint32_t>(i)));
  return out;
}

}  // namespace escapist::cost
