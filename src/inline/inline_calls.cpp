// inline/inline_calls.cpp -- gc's interleaved devirtualization and inlining
// (inline/interleaved/interleaved.go DevirtualizeAndInlinePackage; inline/inl.go TryInlineCall,
// canInlineCallExpr, inlineCostOK, mkinlcall; noder/reader.go unifiedInlineCall, inlReturn,
// funcLit's inlined closures).
//
// Every call site of every function is collected in post-order (a call's arguments before the
// call). Going bottom-up over the call graph, each site is first devirtualized if it can be, then
// inlined when its callee is inlinable and cheap enough there; the body pasted in is the
// callee's as it was before any inlining (gc reads it from export data), whose own call sites
// are then considered in turn, until nothing changes.
//
// An inlined call becomes an OINLCALL node in place of the call (the same NodeId):
//   init:  the call's init; `p1, p2 := arg1, arg2` (defining, with a Dcl per parameter); the
//          results' Dcl and zeroing unless the callee has one return of unnamed results
//          (canDelayResults), in which case they are declared at that return;
//   list:  the callee's body, each `return xs` replaced by `{ r1, r2 = xs; goto .iN }`, and the
//          label .iN last;
//   list2: the result variables (Names).
// Pasted nodes and variables take the call's position, as gc prints an inlined position (its
// outermost call site). Func literals in the body become new closures named after the callee
// ("F.func1", "a.F.func1" for another package's), declared at their original position.
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "inline/internal.h"
#include "ir/build.h"

namespace escapist::inlining {

namespace {

using types::TypeId;

bool IsCall(const ir::Node& n) { return n.op == Op::kCallFunc || n.op == Op::kCallInter; }

// Copies the body of function `src_fn` of program `src` into `dst` for one inlined call.
class BodyCopier {
 public:
  // `globals` maps package-level objects to dst's Vars (kept up to date across copies).
  BodyCopier(const ir::Program& src, ir::Program& dst, const types::Universe& u,
             std::unordered_map<uint32_t, VarId>& globals)
      : src_(src), dst_(dst), u_(u), cross_(src.pkg != dst.pkg), globals_(globals) {}

  struct Out {
    std::vector<VarId> params, results;
    std::vector<NodeId> body;         // the callee's statements, returns rewritten
    std::vector<VarId> dcl;           // params, results, then locals (gc's tmpfn.Dcl)
    bool delay_results = false;
  };

  // `callee` (in dst) is the function being inlined, whose closure_vars, for a func literal,
  // give the captured variables (by index of src_fn's); `caller` receives the variables.
  Out Copy(FuncId src_fn, FuncId callee, FuncId caller, uint32_t inl, Pos call_pos,
           const std::string& retlabel, const std::string& callee_name, bool caller_is_closure) {
    inl_ = inl;
    pos_ = call_pos;
    retlabel_ = retlabel;
    callee_name_ = callee_name;
    caller_is_closure_ = caller_is_closure;
    caller_ = caller;
    const ir::Func& sf = src_.funcs.Get(src_fn);
    func_map_[src_fn.index()] = caller;
    if (callee.has_value()) {
      const ir::Func& df = dst_.funcs.Get(callee);
      for (size_t i = 0; i < sf.closure_vars.size() && i < df.closure_vars.size(); ++i) {
        var_map_[sf.closure_vars[i].index()] = dst_.vars.Get(df.closure_vars[i]).outer;
      }
    }
    Out out;
    size_t np = sf.params.size();
    for (size_t i = 0; i < np; ++i) {
      VarId v = Formal(sf.params[i], "~p", i);
      out.params.push_back(v);
      out.dcl.push_back(v);
    }
    for (size_t i = 0; i < sf.results.size(); ++i) {
      VarId v = Formal(sf.results[i], "~r", i);
      out.results.push_back(v);
      out.dcl.push_back(v);
    }
    results_ = out.results;
    out.delay_results = CanDelayResults(sf);
    delay_results_ = out.delay_results;
    if (sf.body.has_value()) {
      const ir::Node& b = src_.nodes.Get(sf.body);
      for (NodeId s : src_.List(b.init)) out.body.push_back(Node(s, true));
      if (b.op == Op::kBlock) {
        for (NodeId s : src_.List(b.list)) out.body.push_back(Node(s, true));
      } else {
        out.body.push_back(Node(sf.body, true));
      }
    }
    for (VarId v : sf.dcl) {
      auto it = var_map_.find(v.index());
      out.dcl.push_back(it != var_map_.end() ? it->second : Var(v));
    }
    // Defining assignments of the copied variables.
    for (const auto& [src_index, dst_var] : var_map_) {
      if (!copied_.count(dst_var.index())) continue;
      NodeId d = src_.vars.Get(VarId(src_index)).defn;
      if (!d.has_value()) continue;
      auto it = node_map_.find(d.index());
      if (it != node_map_.end()) dst_.vars.Get(dst_var).defn = it->second;
    }
    return out;
  }

  const std::vector<FuncId>& new_closures() const { return new_closures_; }

 private:
  // A parameter or result of the callee as an inlined formal of the caller (PAUTO).
  VarId Formal(VarId sv, const char* prefix, size_t i) {
    const ir::Var& s = src_.vars.Get(sv);
    ir::Var v;
    bool unnamed = s.name.empty() || s.name == "_" || s.name[0] == '~';
    v.name = unnamed ? prefix + std::to_string(i) : s.name;
    v.pos = pos_;
    v.type = s.type;
    v.cls = Class::kAuto;
    v.curfn = caller_;
    v.obj = unnamed ? types::ObjId() : s.obj;
    v.addrtaken = s.addrtaken;
    VarId id = dst_.vars.Add(std::move(v));
    var_map_[sv.index()] = id;
    copied_.insert(id.index());
    return id;
  }

  // inline.canDelayResults: one return statement, not a bare one, and unnamed results.
  bool CanDelayResults(const ir::Func& f) const {
    int nreturns = 0;
    ForEachNode(src_, f.body, [&](NodeId, const ir::Node& n) {
      if (n.op == Op::kReturn) {
        ++nreturns;
        if (n.list.count == 0) ++nreturns;
      }
      return true;
    });
    if (nreturns != 1) return false;
    for (VarId r : f.results) {
      const std::string& name = src_.vars.Get(r).name;
      if (!(name.empty() || name == "_" || name[0] == '~')) return false;
    }
    return true;
  }

  // The dst variable for src variable `sv`: globals by object, the callee's (and its literals')
  // locals copied on first use.
  VarId Var(VarId sv) {
    if (!sv.has_value()) return sv;
    auto it = var_map_.find(sv.index());
    if (it != var_map_.end()) return it->second;
    const ir::Var& s = src_.vars.Get(sv);
    if (!s.curfn.has_value()) {
      if (!cross_) return sv;
      if (s.obj.has_value()) {
        auto g = globals_.find(s.obj.index());
        if (g != globals_.end()) return var_map_[sv.index()] = g->second;
      }
      ir::Var v = s;
      VarId id = dst_.vars.Add(std::move(v));
      if (s.obj.has_value()) globals_[s.obj.index()] = id;
      return var_map_[sv.index()] = id;
    }
    ir::Var v = s;
    auto f = func_map_.find(s.curfn.index());
    v.curfn = f != func_map_.end() ? f->second : caller_;
    // The callee's own variables and a literal's captured ones take the call's position; a
    // literal's parameters and locals keep theirs.
    if (v.curfn == caller_ || s.is_closure_var) v.pos = pos_;
    if (v.curfn == caller_) v.cls = Class::kAuto;
    v.outer = s.outer.has_value() ? Var(s.outer) : VarId();
    v.defn = NodeId();
    VarId id = dst_.vars.Add(std::move(v));
    var_map_[sv.index()] = id;
    copied_.insert(id.index());
    return id;
  }

  IdSpan<NodeId> List(IdSpan<NodeId> l, bool own) {
    if (l.count == 0) return IdSpan<NodeId>{};
    std::vector<NodeId> out;
    out.reserve(l.count);
    for (uint32_t i = 0; i < l.count; ++i) out.push_back(Node(src_.At(l, i), own));
    return dst_.AddList(out);
  }

  NodeId NewNode(Op op, TypeId type = TypeId()) {
    ir::Node n;
    n.op = op;
    n.pos = pos_;
    n.type = type;
    n.inl = inl_;
    return dst_.Add(std::move(n));
  }

  NodeId NameOf(VarId v) {
    NodeId n = NewNode(Op::kName, dst_.vars.Get(v).type);
    dst_[n].var = v;
    return n;
  }

  // inlReturn: `{ init; results = xs; goto .iN }`.
  NodeId Return(const ir::Node& ret) {
    std::vector<NodeId> block;
    for (NodeId s : src_.List(ret.init)) block.push_back(Node(s, true));
    if (ret.list.count != 0) {
      std::vector<NodeId> lhs, rhs;
      for (VarId r : results_) lhs.push_back(NameOf(r));
      for (NodeId x : src_.List(ret.list)) rhs.push_back(Node(x, true));
      NodeId as = NewNode(Op::kAs2);
      if (delay_results_) {
        for (VarId r : results_) {
          NodeId d = NewNode(Op::kDcl);
          dst_[d].var = r;
          block.push_back(d);
          dst_.vars.Get(r).defn = as;
        }
        // Not Def: gc's inlReturn makes a plain OAS2 (`~r0 = y` in -m=2 flows) even when it
        // declares the result variables here.
      }
      IdSpan<NodeId> l = dst_.AddList(lhs), r = dst_.AddList(rhs);
      dst_[as].list = l;
      dst_[as].list2 = r;
      block.push_back(as);
    }
    NodeId g = NewNode(Op::kGoto);
    dst_[g].label = retlabel_;
    block.push_back(g);
    NodeId b = NewNode(Op::kBlock);
    IdSpan<NodeId> l = dst_.AddList(block);
    dst_[b].list = l;
    return b;
  }

  // A func literal of the callee's body: a new closure of the caller (reader.funcLit,
  // inlClosureFunc), declared at the literal's original position.
  FuncId Closure(FuncId sf_id, FuncId enclosing) {
    const ir::Func& sf = src_.funcs.Get(sf_id);
    ir::Func f;
    bool range = sf.name.find("-range") != std::string::npos;
    if (enclosing.has_value()) {
      // A literal inside a copied literal's body: read by that body's own reader, it is named
      // after the copy as any nested literal is (ir.closureName): "F.func1.1", "F.func1-range1".
      ir::Func& outer = dst_.funcs.Get(enclosing);
      int gen = ++outer.closure_count;
      f.name = outer.name + (range ? "-range" : ".") + std::to_string(gen);
    } else {
      int gen = range ? ++range_gen_ : ++lit_gen_;
      std::string suffix = range ? "-range" : caller_is_closure_ ? "." : ".func";
      f.name = callee_name_ + suffix + std::to_string(gen);
    }
    f.pkg_path = sf.pkg_path;
    f.pos = sf.pos;
    f.outer = enclosing.has_value() ? enclosing : caller_;
    f.pragmas = sf.pragmas;
    f.is_closure = sf.is_closure;
    f.dupok = sf.dupok;
    f.is_instance = sf.is_instance;
    f.has_defer = sf.has_defer;
    FuncId id = dst_.funcs.Add(std::move(f));
    func_map_[sf_id.index()] = id;
    origin_[id.index()] = sf_id;
    new_closures_.push_back(id);
    auto copy_vars = [&](const std::vector<VarId>& vs, bool keep_pos) {
      std::vector<VarId> out;
      for (VarId v : vs) {
        VarId d = Var(v);
        if (keep_pos) dst_.vars.Get(d).pos = src_.vars.Get(v).pos;
        out.push_back(d);
      }
      return out;
    };
    std::vector<VarId> cvs = copy_vars(sf.closure_vars, false);
    std::vector<VarId> params = copy_vars(sf.params, true);
    std::vector<VarId> results = copy_vars(sf.results, true);
    FuncId saved = cur_closure_;
    cur_closure_ = id;
    NodeId body = sf.body.has_value() ? Node(sf.body, false) : NodeId();
    cur_closure_ = saved;
    std::vector<VarId> dcl;
    for (VarId v : sf.dcl) dcl.push_back(Var(v));
    ir::Func& df = dst_.funcs.Get(id);
    df.closure_vars = std::move(cvs);
    df.params = std::move(params);
    df.results = std::move(results);
    df.dcl = std::move(dcl);
    df.body = body;
    return id;
  }

  // Deep copy of node `sn`; `own`: the node is in the callee's own body (its returns are
  // rewritten), not in a func literal's.
  NodeId Node(NodeId sn, bool own) {
    if (!sn.has_value()) return sn;
    const ir::Node& s = src_.nodes.Get(sn);
    if (own && s.op == Op::kReturn) {
      NodeId r = Return(s);
      node_map_[sn.index()] = r;
      return r;
    }
    ir::Node n = s;
    // A func literal's body is read by its own reader (reader.addBody -> funcBody): its nodes
    // keep their original positions and are not inlined code.
    if (own) {
      n.src_pos = s.src_pos.known() ? s.src_pos : s.pos;
      n.pos = pos_;
      n.inl = inl_;
    } else {
      n.inl = 0;
    }
    if (cross_) n.syntax = syntax::NodeId();
    n.init = List(s.init, own);
    n.x = Node(s.x, own);
    n.y = Node(s.y, own);
    n.z = Node(s.z, own);
    n.w = Node(s.w, own);
    n.list = List(s.list, own);
    n.list2 = List(s.list2, own);
    n.var = Var(s.var);
    if (s.op == Op::kClosure && s.func.has_value()) n.func = FuncId();
    NodeId id = dst_.Add(std::move(n));
    node_map_[sn.index()] = id;
    if (s.op == Op::kClosure && s.func.has_value()) {
      FuncId c = Closure(s.func, own ? FuncId() : cur_closure_);
      dst_[id].func = c;
      dst_.funcs.Get(c).closure = id;
    }
    return id;
  }

 public:
  // For each closure created: the func literal of `src` it copies.
  std::unordered_map<uint32_t, FuncId> origin_;

 private:
  const ir::Program& src_;
  ir::Program& dst_;
  const types::Universe& u_;
  bool cross_;
  uint32_t inl_ = 0;
  Pos pos_;
  std::string retlabel_, callee_name_;
  bool caller_is_closure_ = false;
  FuncId caller_;
  bool delay_results_ = false;
  std::vector<VarId> results_;
  int lit_gen_ = 0, range_gen_ = 0;
  FuncId cur_closure_;  // the copied literal whose body is being copied, if any
  std::unordered_map<uint32_t, VarId> var_map_;     // src VarId -> dst
  std::unordered_map<uint32_t, NodeId> node_map_;   // src NodeId -> dst
  std::unordered_map<uint32_t, FuncId> func_map_;   // src FuncId -> dst
  std::unordered_set<uint32_t> copied_;             // dst VarIds created here
  std::unordered_map<uint32_t, VarId>& globals_;    // dst package-level Vars by ObjId
  std::vector<FuncId> new_closures_;
};

}  // namespace

// ---- the interleaved pass

class CallInliner {
 public:
  CallInliner(Inliner& in, ir::Program& prog, const ir::Program& pristine, Result& result)
      : in_(in), prog_(prog), pristine_(pristine), u_(in.u), opts_(in.opts), result_(result),
        dv_(prog, in.u, in.opts, &result.remarks) {}

  void Run() {
    // Pre-process every function: collect its call sites and resolve them once.
    for (FuncId f : std::vector<FuncId>(prog_.target_funcs)) {
      FnState& s = state_[f.index()];
      s.fn = f;
      s.big = opts_.level != 0 && in_.IsBigFunc(f);
      Mark(s, prog_.funcs.Get(f).body);
      for (size_t i = 0; i < s.sites.size(); ++i) Resolve(s, i);
    }
    BottomUpVisitor(in_, [&](const std::vector<FuncId>& list) {
      for (bool done = false; !done;) {
        done = true;
        for (FuncId f : list) {
          auto it = state_.find(f.index());
          if (it == state_.end()) continue;
          FnState& s = it->second;
          size_t l0 = 0, l1 = s.sites.size();
          for (;;) {
            for (size_t i = l0; i < l1; ++i) {
              if (Edit(s, i)) done = false;
            }
            l0 = l1;
            l1 = s.sites.size();
            if (l0 == l1) break;
            for (size_t i = l0; i < l1; ++i) Resolve(s, i);
          }
        }
      }
    }).VisitAll();
  }

  // interleaved.DevirtualizeAndInlineFunc: the fixpoint on one function alone, with its own
  // use counts (the method wrappers MakeWrappers builds after the package's pass).
  void InlineFunc(FuncId f) {
    std::unordered_map<uint64_t, int> saved = std::move(use_counts_);
    use_counts_.clear();
    FnState& s = state_[f.index()];
    s.fn = f;
    s.big = opts_.level != 0 && in_.IsBigFunc(f);
    Mark(s, prog_.funcs.Get(f).body);
    for (bool done = false; !done;) {
      done = true;
      for (size_t i = 0; i < s.sites.size(); ++i) {
        if (Edit(s, i)) done = false;
      }
    }
    use_counts_ = std::move(saved);
  }

 private:
  struct Target {
    Callee callee;
    int count = 0;  // use count (0: unresolved, -1: no longer a call)
  };
  struct FnState {
    FuncId fn;
    bool big = false;
    std::vector<NodeId> sites;
    std::vector<std::optional<Callee>> resolved;
    std::unordered_set<uint32_t> marked;
  };

  static uint64_t Key(const Callee& c) {
    return c.func.has_value() ? c.func.index() : (uint64_t{1} << 32) | c.obj.index();
  }

  // mark: the call sites under `root` in post-order, not inside func literals; the calls of
  // go/defer statements are never inlined or devirtualized (call.GoDefer), the calls inside
  // their wrappers (normalizeGoDeferCall's closures) are ordinary calls.
  void Mark(FnState& s, NodeId root) {
    if (!root.has_value()) return;
    struct Frame {
      NodeId id;
      bool expanded;
    };
    std::vector<Frame> stack{{root, false}};
    while (!stack.empty()) {
      Frame fr = stack.back();
      stack.pop_back();
      if (!fr.id.has_value()) continue;
      const ir::Node& n = prog_[fr.id];
      if (fr.expanded) {
        if (IsCall(n) && !s.marked.count(fr.id.index())) {
          s.marked.insert(fr.id.index());
          s.sites.push_back(fr.id);
        }
        continue;
      }
      if (s.marked.count(fr.id.index())) continue;  // already a site, with its operands
      stack.push_back({fr.id, true});
      std::vector<NodeId> kids;
      for (NodeId c : prog_.List(n.init)) kids.push_back(c);
      if ((n.op == Op::kGo || n.op == Op::kDefer) && n.x.has_value()) {
        // The go/defer call itself is not a site, its operands are.
        const ir::Node& c = prog_[n.x];
        s.marked.insert(n.x.index());
        for (NodeId k : prog_.List(c.init)) kids.push_back(k);
        kids.push_back(c.x);
        for (NodeId k : prog_.List(c.list)) kids.push_back(k);
      } else {
        kids.push_back(n.x);
        kids.push_back(n.y);
        kids.push_back(n.z);
        kids.push_back(n.w);
        for (NodeId c : prog_.List(n.list)) kids.push_back(c);
        for (NodeId c : prog_.List(n.list2)) kids.push_back(c);
      }
      for (size_t i = kids.size(); i-- > 0;) stack.push_back({kids[i], false});
    }
  }

  // inlineCallCheck: false for calls never inlined (-l, interface calls, intrinsics).
  bool MightInline(const ir::Node& call) const {
    if (opts_.level == 0) return false;
    if (call.op != Op::kCallFunc || !call.x.has_value() || call.var_live) return false;
    const ir::Node& fun = prog_[call.x];
    if (opts_.checkptr && fun.op == Op::kMethExpr && fun.obj.has_value()) {
      const types::Object& m = u_.Obj(fun.obj);
      if (in_.PkgPathOf(fun.obj) == "reflect" && m.method_of.has_value() &&
          u_.Obj(m.method_of).name == "Value" && (m.name == "UnsafeAddr" || m.name == "Pointer")) {
        return false;
      }
    }
    if (fun.op == Op::kName && !fun.var.has_value() && fun.obj.has_value()) {
      const types::Object& o = u_.Obj(fun.obj);
      if (in_.PkgPathOf(fun.obj) == "internal/abi" && o.name.rfind("EscapeNonString[", 0) == 0) {
        return false;
      }
      if (o.kind == types::ObjKind::kFunc && in_.IsIntrinsic(in_.PkgPathOf(fun.obj), o.name)) {
        return false;
      }
    }
    return true;
  }

  // resolve: devirtualizes the site, then finds its inlining target and counts its use.
  std::optional<Callee> Resolve(FnState& s, size_t i, int* count = nullptr) {
    if (count) *count = 0;
    NodeId id = s.sites[i];
    if (!IsCall(prog_[id])) {
      if (count) *count = -1;
      return std::nullopt;
    }
    if (i < s.resolved.size() && s.resolved[i]) {
      if (count) *count = use_counts_[Key(*s.resolved[i])];
      return s.resolved[i];
    }
    dv_.StaticCall(s.fn, id, false);
    if (!MightInline(prog_[id])) return std::nullopt;
    std::optional<Callee> c = in_.InlCallee(s.fn, prog_[id].x, /*resolve_only=*/true);
    if (!c) return std::nullopt;
    if (s.resolved.size() <= i) s.resolved.resize(i + 1);
    s.resolved[i] = c;
    int n = ++use_counts_[Key(*c)];
    if (count) *count = n;
    return c;
  }

  // edit: tries to inline site i; true if it did.
  bool Edit(FnState& s, size_t i) {
    NodeId id = s.sites[i];
    if (!IsCall(prog_[id])) return false;
    int count = 0;
    std::optional<Callee> c = Resolve(s, i, &count);
    if (!c || count <= 0) return false;
    if (!MightInline(prog_[id])) return false;
    std::optional<Callee> callee = in_.InlCallee(s.fn, prog_[id].x, /*resolve_only=*/false);
    if (!callee) return false;
    bool closure = callee->func.has_value() && prog_.funcs.Get(callee->func).closure.has_value();
    if (!MkInlCall(s, id, *callee, count == 1 && closure)) return false;
    dv_.InlinedCall(s.fn, id);
    const ir::Node& ic = prog_[id];
    for (NodeId k : prog_.List(ic.init)) Mark(s, k);
    for (NodeId k : prog_.List(ic.list)) Mark(s, k);
    return true;
  }

  // The callee's body before inlining: (program, function), or none (no body available).
  std::optional<InlineBody> BodyOf(const Callee& c) {
    if (c.func.has_value()) {
      auto o = origin_.find(c.func.index());
      if (o != origin_.end()) return o->second;
      if (c.func.index() < pristine_.funcs.size()) return InlineBody{&pristine_, c.func};
      return std::nullopt;
    }
    if (c.obj.has_value() && opts_.imported_body) return opts_.imported_body(c.obj);
    return std::nullopt;
  }

  // ir.Func's DiagName for a callee: "F", "T.M", "(*T).M", "F.func1", "a.F", "a.(*T).M".
  std::string CalleeName(const Callee& c) {
    if (c.func.has_value()) return prog_.funcs.Get(c.func).name;
    const types::Object& o = u_.Obj(c.obj);
    // A shaped instance compiled into another package's program (the callee of a body pasted
    // from there): its name there, qualified as seen from here.
    if (std::optional<InlineBody> b = BodyOf(c); b && b->prog && b->prog->pkg != prog_.pkg) {
      const ir::Func& f = b->prog->funcs.Get(b->fn);
      if (f.is_instance) {
        bool origin_here = o.pkg == prog_.pkg;
        bool prefixed = o.pkg.has_value() && o.pkg != b->prog->pkg;
        if (!origin_here && !prefixed && o.pkg.has_value()) return u_.Pkg(o.pkg).name + "." + f.name;
        if (origin_here && prefixed) return f.name.substr(f.name.find('.') + 1);
        return f.name;
      }
    }
    std::string name = o.name;
    if (o.method_of.has_value()) {
      const std::string& recv = u_.Obj(o.method_of).name;
      name = o.ptr_recv ? "(*" + recv + ")." + name : recv + "." + name;
    }
    types::PkgId p = o.pkg;
    if (p.has_value() && p != prog_.pkg && p.index() < u_.packages.size()) {
      name = u_.Pkg(p).name + "." + name;
    }
    return name;
  }

  // mkinlcall (with canInlineCallExpr): replaces call `id` of s.fn by its inlined body.
  bool MkInlCall(FnState& s, NodeId id, const Callee& c, bool closure_called_once) {
    if (!in_.CanInlineCallExpr(c, s.big, closure_called_once)) return false;
    const ir::Node call = prog_[id];
    // A recursive call: the call's own source position is one of the call sites it was pasted
    // through (canInlineCallExpr's parsePos check).
    Pos inner = call.src_pos.known() ? call.src_pos : call.pos;
    for (int32_t ix = static_cast<int32_t>(call.inl) - 1; ix >= 0; ix = prog_.inl_tree[ix].parent) {
      if (prog_.inl_tree[ix].inner == inner) return false;
    }
    // A repeated recursive cycle: the callee is already being inlined at this site.
    for (int32_t ix = static_cast<int32_t>(call.inl) - 1; ix >= 0; ix = prog_.inl_tree[ix].parent) {
      const ir::InlinedCall& ic = prog_.inl_tree[ix];
      bool same = c.func.has_value() ? ic.func == c.func : ic.obj == c.obj && !ic.func.has_value();
      if (c.func.has_value() && prog_.funcs.Get(c.func).obj.has_value() && ic.obj.has_value()) {
        same = same || ic.obj == prog_.funcs.Get(c.func).obj;
      }
      if (same) {
        if (opts_.debug_m > 1) {
          result_.remarks.push_back({call.pos, "cannot inline " + CalleeName(c) + " into " +
                                                   prog_.funcs.Get(s.fn).name +
                                                   ": repeated recursive cycle"});
        }
        return false;
      }
    }
    std::optional<InlineBody> body = BodyOf(c);
    if (!body || !body->prog) return false;
    const ir::Func& src_fn = body->prog->funcs.Get(body->fn);
    if (!src_fn.body.has_value()) return false;

    std::string name = CalleeName(c);
    ir::InlinedCall entry;
    entry.parent = static_cast<int32_t>(call.inl) - 1;
    entry.pos = call.pos;
    entry.inner = inner;
    entry.func_name = name;
    entry.pkg_path = src_fn.pkg_path;
    entry.obj = c.func.has_value() ? prog_.funcs.Get(c.func).obj : c.obj;
    entry.func = c.func;
    prog_.inl_tree.push_back(entry);
    uint32_t inl = static_cast<uint32_t>(prog_.inl_tree.size());
    if (opts_.debug_m != 0) result_.remarks.push_back({call.pos, "inlining call to " + name});

    if (!globals_ready_) {
      for (uint32_t i = 0; i < prog_.vars.size(); ++i) {
        const ir::Var& v = prog_.vars.Get(VarId(i));
        if (v.cls == Class::kExtern && v.obj.has_value()) globals_[v.obj.index()] = VarId(i);
      }
      globals_ready_ = true;
    }
    BodyCopier copier(*body->prog, prog_, u_, globals_);
    std::string retlabel = ".i" + std::to_string(label_gen_++);
    bool caller_is_closure = prog_.funcs.Get(s.fn).closure.has_value();
    // Closures take the callee's name without its package when it is this package's.
    BodyCopier::Out out = copier.Copy(body->fn, c.func, s.fn, inl, call.pos, retlabel, name,
                                      caller_is_closure);
    for (const auto& [dst_fn, src_lit] : copier.origin_) {
      origin_[dst_fn] = InlineBody{body->prog, src_lit};
    }
    for (FuncId f : copier.new_closures()) prog_.target_funcs.push_back(f);

    auto add = [&](Op op, TypeId t = TypeId()) {
      ir::Node n;
      n.op = op;
      n.pos = call.pos;
      n.type = t;
      n.inl = call.inl;
      return prog_.Add(std::move(n));
    };
    auto name_of = [&](VarId v) {
      NodeId n = add(Op::kName, prog_.vars.Get(v).type);
      prog_[n].var = v;
      return n;
    };
    std::vector<NodeId> init = prog_.List(call.init);
    // CalleeEffects: the callee expression's own init.
    for (NodeId f = call.x; f.has_value();) {
      const ir::Node& fn = prog_[f];
      for (NodeId k : prog_.List(fn.init)) init.push_back(k);
      if (fn.op == Op::kConvNop) {
        f = fn.x;
      } else if (fn.op == Op::kInlCall) {
        for (NodeId k : prog_.List(fn.list)) init.push_back(k);
        f = fn.list2.count == 1 ? prog_.At(fn.list2, 0) : NodeId();
      } else {
        break;
      }
    }
    // p1, p2 := args (defining), each non-blank parameter declared first.
    {
      std::vector<NodeId> lhs, dcls;
      NodeId as2 = add(Op::kAs2);
      for (VarId p : out.params) {
        lhs.push_back(name_of(p));
        prog_.vars.Get(p).defn = as2;
        NodeId d = add(Op::kDcl);
        prog_[d].var = p;
        dcls.push_back(d);
      }
      std::vector<NodeId> args = prog_.List(call.list);
      IdSpan<NodeId> l = prog_.AddList(lhs), r = prog_.AddList(args), di = prog_.AddList(dcls);
      ir::Node& a = prog_[as2];
      a.defining = true;
      a.list = l;
      a.list2 = r;
      a.init = di;
      init.push_back(as2);
    }
    if (!out.delay_results) {
      for (VarId r : out.results) {
        NodeId d = add(Op::kDcl);
        prog_[d].var = r;
        init.push_back(d);
        NodeId as = add(Op::kAs);
        prog_[as].x = name_of(r);
        init.push_back(as);
      }
    }
    std::vector<NodeId> stmts = out.body;
    NodeId label = add(Op::kLabel);
    prog_[label].label = retlabel;
    stmts.push_back(label);
    std::vector<NodeId> rets;
    for (VarId r : out.results) rets.push_back(name_of(r));

    ir::Func& caller = prog_.funcs.Get(s.fn);
    for (VarId v : out.dcl) {
      if (prog_.vars.Get(v).curfn == s.fn) caller.dcl.push_back(v);
    }
    IdSpan<NodeId> il = prog_.AddList(init), bl = prog_.AddList(stmts), rl = prog_.AddList(rets);
    ir::Node& n = prog_[id];
    TypeId type = n.type;
    n = ir::Node();
    n.op = Op::kInlCall;
    n.pos = call.pos;
    n.type = type;
    n.inl = call.inl;
    n.index = static_cast<int64_t>(inl) - 1;
    n.init = il;
    n.list = bl;
    n.list2 = rl;
    return true;
  }

  Inliner& in_;
  ir::Program& prog_;
  const ir::Program& pristine_;
  const types::Universe& u_;
  const Options& opts_;
  Result& result_;
  Devirtualizer dv_;
  std::unordered_map<uint32_t, FnState> state_;
  std::unordered_map<uint64_t, int> use_counts_;
  std::unordered_map<uint32_t, InlineBody> origin_;  // closures made by inlining -> their source
  int label_gen_ = 0;
  std::unordered_map<uint32_t, VarId> globals_;  // package-level Vars of prog_ by ObjId
  bool globals_ready_ = false;
};

Result InlinePackage(ir::Program& prog, const types::Universe& u, const Options& opts,
                     const ir::Program* pristine_in) {
  Result result;
  if (!prog.pkg.has_value() || prog.pkg.index() >= u.packages.size()) return result;
  std::unique_ptr<ir::Program> copy;
  if (pristine_in == nullptr) copy = std::make_unique<ir::Program>(prog);
  const ir::Program& pristine = pristine_in != nullptr ? *pristine_in : *copy;
  Inliner in(prog, u, opts, result);
  if (opts.level != 0) in.Run();
  CallInliner ci(in, prog, pristine, result);
  ci.Run();
  // noder.MakeWrappers, after inlining: each wrapper has its call inlined in turn. Only their
  // remarks (and walk's lines) matter (they are dupok: no tags), so a silent compilation (a
  // dependency's) skips them.
  if (opts.debug_m == 0 && !opts.wrappers) return result;
  for (FuncId w : MakeWrappers(prog, u)) {
    ci.InlineFunc(w);
    prog.target_funcs.push_back(w);
  }
  return result;
}

}  // namespace escapist::inlining
