// ir/rangefunc.cpp -- range-over-func loops, lowered as gc's rangefunc rewrite does
// (cmd/compile/internal/rangefunc/rewrite.go, which runs on the typed syntax before noder writes
// unified IR; what we build is what the reader then makes of the rewritten syntax). With the
// default -d=rangefunccheck=1,
//     for x := range f { body }
// becomes the statements (a flattened block)
//     var #next int                    // outermost loop only, if some exit needs it
//     var #defers = runtime.deferrangefunc()  // outermost loop only, if the body defers
//     var #state1 = 1                  // abi.RF_READY
//     var #yield1 = func(x T) (#r bool) {      // the closure F-range1, at `for`
//         #tmpState := #state1
//         #state1 = 2                  // abi.RF_PANIC
//         if #tmpState != 1 { runtime.panicrangestate(#tmpState) }
//         body                         // returns and branches leaving it rewritten (below)
//         #state1 = 1
//         return true
//     }
//     f(#yield1)
//     if #state1 == 2 { runtime.panicrangestate(4) }   // abi.RF_MISSING_PANIC
//     #state1 = 3                      // abi.RF_EXHAUSTED
//     checks of #next
// Escape analysis then sees what gc's does: #stateN and the variables the body assigns are
// captured by reference (so `moved to heap: #state1` when f lets the closure escape), the range
// variables are the closure's parameters (#p1, #p2 for `k, v = range f`), `return a, b` assigns
// the enclosing function's results (renamed #rv1, #rv2 when unnamed), and a defer in the body is
// attached to the enclosing function (its closure escapes).
//
// Deliberately different: the #next codes of gotos and of branches to labels of other statements
// are numbered in the order they are first needed, not by the position of every label in the
// function (rewriter.computeBranchNext); they are integer constants escape analysis ignores.
#include <algorithm>

#include "ir/builder.h"

namespace escapist::ir {

using syntax::NodeKind;
using syntax::Token;
using types::TypeKind;

// abi.RF_State.
enum : int64_t { kRFDone = 0, kRFReady = 1, kRFPanic = 2, kRFExhausted = 3, kRFMissingPanic = 4 };

// rewrite.go perLoopStep.
constexpr int kPerLoopStep = 2;

// gc's forLoop: one range-over-func loop being lowered.
struct RangeFuncLoop {
  SynId nfor;
  ObjId state;  // #stateN
  int depth = 0;  // the outermost loop has depth 1
  bool check_ret = false;
  bool check_break = false;
  bool check_continue = false;
  std::vector<std::pair<Token, std::string>> check_branch;
};

// gc's rewriter: the range-over-func loops of one function (a FuncDecl or a func literal).
struct RangeFunc {
  FnState* owner = nullptr;            // the function declaring the loops
  std::vector<RangeFuncLoop> loops;    // forStack
  // Declared for the outermost loop (declOuterVar), in the order first needed.
  ObjId next, defers;
  std::vector<NodeId> decls;           // declStmt
  std::vector<VarId> decl_vars;        // their variables, for the owner's dcl
  int state_count = 0;                 // stateVarCount
  int body_count = 0;                  // bodyClosureCount (#yieldN)
  int branch_used = -1;                // the last #next code handed out (-1: return)
  std::vector<std::pair<std::string, int>> label_codes;  // label -> its break code
  // From the syntax of the outermost loop (computeBranchNext, and the branch targets the syntax
  // checker records): label -> innermost range-over-func loop around its declaration (absent:
  // none); label -> the statement it labels; unlabeled break/continue -> its target statement.
  std::unordered_map<std::string, SynId> label_loop;
  std::unordered_map<std::string, SynId> label_stmt;
  std::unordered_map<uint32_t, SynId> branch_target;
};

namespace {

// Collects the labels and branch targets of a range-over-func loop nest's syntax. Func literals
// are expressions and are not entered: their statements belong to their own rewriter.
struct BranchScanner {
  const Builder& b;
  RangeFunc& rf;

  void Stmt(SynId s, SynId loop, SynId brk, SynId cont) {
    if (!s.has_value()) return;
    const syntax::Node& n = b.S(s);
    switch (n.kind) {
      case NodeKind::kBlock:
        for (SynId c : b.SList(n.list)) Stmt(c, loop, brk, cont);
        return;
      case NodeKind::kLabeledStmt: {
        std::string l(b.S(n.x).text);
        rf.label_loop.emplace(l, loop);
        rf.label_stmt.emplace(l, n.y);
        Stmt(n.y, loop, brk, cont);
        return;
      }
      case NodeKind::kBranchStmt:
        if (!n.x.has_value() && n.op == Token::kBreak) rf.branch_target[s.index()] = brk;
        if (!n.x.has_value() && n.op == Token::kContinue) rf.branch_target[s.index()] = cont;
        return;
      case NodeKind::kIfStmt:
        Stmt(n.z, loop, brk, cont);
        Stmt(n.w, loop, brk, cont);
        return;
      case NodeKind::kForStmt:
        Stmt(n.w, loop, s, s);
        return;
      case NodeKind::kRangeStmt:
        Stmt(n.w, b.IsRangeFunc(s) ? s : loop, s, s);
        return;
      case NodeKind::kSwitchStmt:
      case NodeKind::kSelectStmt:
        for (SynId cl : b.SList(n.list)) {
          for (SynId c : b.SList(b.S(cl).list2)) Stmt(c, loop, s, cont);
        }
        return;
      default:
        return;
    }
  }
};

// Whether the result variable was unnamed or blank in the source (types2 RenameResult renames
// those to #rvN).
bool UnnamedResult(const Var& v) {
  return v.name.empty() || v.name == "_" || v.name.rfind("~r", 0) == 0;
}

}  // namespace

bool Builder::IsRangeFunc(SynId s) const {
  if (!s.has_value() || S(s).kind != NodeKind::kRangeStmt || !S(s).x.has_value()) return false;
  return KindOf(TypeOf(S(s).x)) == TypeKind::kSignature;
}

namespace {

// The lowering proper; a friend-free helper over the Builder's public members.
class RangeFuncLowering {
 public:
  explicit RangeFuncLowering(Builder& b) : b_(b), rf_(*b.st_->rf) {}

  // A local object for a generated variable (types2.NewVar in the rewrite's package).
  ObjId NewVarObj(const std::string& name, TypeId type, Pos pos) {
    types::Object o;
    o.kind = types::ObjKind::kVar;
    o.name = name;
    o.pos = pos;
    o.pkg = b_.pkg_;
    o.type = type;
    o.var_kind = types::VarKind::kLocal;
    return Mu().NewObject(std::move(o));
  }

  // A variable of function `st` for object `obj` (its dcl at `dcl_index`, or appended).
  VarId DeclareIn(FnState& st, ObjId obj, Pos pos, TypeId type, Class cls) {
    Var v;
    v.name = b_.O(obj).name;
    v.pos = pos;
    v.type = b_.Sub(type);
    v.cls = cls;
    v.curfn = st.fn;
    v.obj = obj;
    VarId id = b_.prog_.vars.Add(std::move(v));
    st.vars[obj.index()] = id;
    return id;
  }

  // The Var denoting generated object `obj` in the current function, captured through the
  // enclosing closures as needed (ir.NewClosureVar, named after the captured variable).
  VarId Use(ObjId obj, Pos pos) { return Capture(b_.st_, obj, pos); }

  NodeId Ref(ObjId obj, Pos pos) { return b_.NameOfVar(Use(obj, pos), pos, SynId()); }

  NodeId Int(int64_t v, Pos pos) {
    types::Constant c;
    c.kind = types::Constant::Kind::kInt;
    c.re = static_cast<long>(v);
    return b_.Literal(pos, IntType(), Mu().NewConstant(std::move(c)), SynId());
  }

  NodeId Bool(bool v, Pos pos) {
    types::Constant c;
    c.kind = types::Constant::Kind::kBool;
    c.b = v;
    return b_.Literal(pos, BoolType(), Mu().NewConstant(std::move(c)), SynId());
  }

  NodeId Assign(NodeId x, NodeId y, Pos pos) {
    NodeId as = b_.Add(Op::kAs, pos, TypeId(), SynId());
    b_.N(as).x = x;
    b_.N(as).y = y;
    return as;
  }

  // `var v = init` (init none: the zero value): ODCL in the init of a defining OAS.
  NodeId DeclAssign(VarId v, NodeId init, Pos pos) {
    NodeId d = b_.Add(Op::kDcl, pos, TypeId(), SynId());
    b_.N(d).var = v;
    NodeId as = Assign(b_.NameOfVar(v, pos, SynId()), init, pos);
    b_.N(as).init = b_.List({d});
    b_.N(as).defining = true;
    if (init.has_value()) b_.V(v).defn = as;
    return as;
  }

  // rewriter.setStateAt: #stateK = val, K the loop at `index`.
  NodeId SetState(size_t index, int64_t val, Pos pos) {
    return Assign(Ref(rf_.loops[index].state, pos), Int(val, pos), pos);
  }

  NodeId Return(std::vector<NodeId> results, Pos pos) {
    NodeId r = b_.Add(Op::kReturn, pos, TypeId(), SynId());
    b_.N(r).list = b_.List(results);
    return r;
  }

  NodeId If(NodeId cond, std::vector<NodeId> then, Pos pos) {
    NodeId n = b_.Add(Op::kIf, pos, TypeId(), SynId());
    b_.N(n).x = cond;
    b_.N(n).list = b_.List(then);
    return n;
  }

  NodeId Compare(Token op, NodeId x, NodeId y, Pos pos) {
    NodeId n = b_.Add(Op::kBinary, pos, BoolType(), SynId());
    b_.N(n).tok = op;
    b_.N(n).x = x;
    b_.N(n).y = y;
    return n;
  }

  // runtime.panicrangestate(arg) as a statement (rewriter.callPanic).
  NodeId CallPanic(NodeId arg, Pos pos) {
    ObjId& fn = b_.ctx_.panicrangestate;
    if (!fn.has_value()) {
      fn = RuntimeFunc("runtime.panicrangestate", {NewVarObj("state", IntType(), Pos())}, {});
    }
    return ExprStmt(RuntimeCall(fn, {arg}, TypeId(), pos));
  }

  // rewriter.next: #next, declared with the outermost loop on first use.
  NodeId Next(Pos pos) {
    if (!rf_.next.has_value()) {
      rf_.next = NewVarObj("#next", IntType(), Pos());
      DeclOuter(rf_.next, NodeId());
    }
    return Ref(rf_.next, pos);
  }

  // rewriter.ifNext: if #next op c { [#next = 0;] thens... }
  NodeId IfNext(Token op, int64_t c, bool zero_next, std::vector<NodeId> thens, Pos pos) {
    std::vector<NodeId> list;
    if (zero_next) list.push_back(Assign(Next(pos), Int(0, pos), pos));
    list.insert(list.end(), thens.begin(), thens.end());
    return If(Compare(op, Next(pos), Int(c, pos), pos), list, pos);
  }

  // `#next = next; #stateK = RF_DONE; return false` leaving the innermost loop body.
  void ExitWithNext(int64_t next, Pos pos, std::vector<NodeId>& out) {
    out.push_back(Assign(Next(pos), Int(next, pos), pos));
    out.push_back(SetState(rf_.loops.size() - 1, kRFDone, pos));
    out.push_back(Return({Bool(false, pos)}, pos));
  }

  // The #next code of `tok label` (computeBranchNext): each label has three, for break,
  // continue and goto.
  int BranchNext(Token tok, const std::string& label) {
    int base = 0;
    for (const auto& [l, b] : rf_.label_codes) {
      if (l == label) base = b;
    }
    if (base == 0) {
      rf_.branch_used -= 3;
      base = rf_.branch_used;
      rf_.label_codes.push_back({label, base});
    }
    return tok == Token::kBreak ? base : tok == Token::kContinue ? base + 1 : base + 2;
  }

  void Loop(SynId s, const std::string& label, std::vector<NodeId>& out);
  bool EditReturn(SynId s, std::vector<NodeId>& out);
  bool EditBranch(SynId s, std::vector<NodeId>& out);
  void EditDefer(NodeId defer_stmt);

 private:
  types::Universe& Mu() { return const_cast<types::Universe&>(b_.u_); }  // interning; see PtrTo
  TypeId IntType() const { return b_.u_.Basic(types::BasicKind::kInt); }
  TypeId BoolType() const { return b_.u_.Basic(types::BasicKind::kBool); }

  VarId Capture(FnState* st, ObjId obj, Pos pos) {
    auto it = st->vars.find(obj.index());
    if (it != st->vars.end()) return it->second;
    if (st->parent == nullptr) {
      // Not declared on the way up (should not happen): a local of the outermost function.
      VarId v = DeclareIn(*st, obj, b_.O(obj).pos, b_.O(obj).type, Class::kAuto);
      b_.prog_.funcs.Get(st->fn).dcl.push_back(v);
      return v;
    }
    VarId outer = Capture(st->parent, obj, pos);
    Var v;
    v.name = b_.V(outer).name;
    v.pos = pos;
    v.type = b_.V(outer).type;
    v.curfn = st->fn;
    v.obj = obj;
    v.outer = outer;
    v.is_closure_var = true;
    VarId id = b_.prog_.vars.Add(std::move(v));
    b_.prog_.funcs.Get(st->fn).closure_vars.push_back(id);
    st->vars[obj.index()] = id;
    return id;
  }

  // declOuterVar: `var name = init` in the declStmt of the outermost loop.
  void DeclOuter(ObjId obj, NodeId init) {
    FnState& owner = *rf_.owner;
    VarId v = DeclareIn(owner, obj, Pos(), b_.O(obj).type, Class::kAuto);
    rf_.decl_vars.push_back(v);
    rf_.decls.push_back(DeclAssign(v, init, Pos()));
  }

  ObjId RuntimeFunc(const std::string& name, std::vector<ObjId> params,
                    std::vector<ObjId> results) {
    types::Type sig;
    sig.kind = TypeKind::kSignature;
    sig.params = Mu().NewTuple(std::move(params));
    sig.results = Mu().NewTuple(std::move(results));
    types::Object o;
    o.kind = types::ObjKind::kFunc;
    o.name = name;
    o.type = Mu().NewType(std::move(sig));
    return Mu().NewObject(std::move(o));
  }

  NodeId RuntimeCall(ObjId fn, std::vector<NodeId> args, TypeId result, Pos pos) {
    NodeId callee = b_.Add(Op::kName, pos, b_.O(fn).type, SynId());
    b_.N(callee).obj = fn;
    NodeId call = b_.Add(Op::kCallFunc, pos, result, SynId());
    b_.N(call).x = callee;
    b_.N(call).list = b_.List(args);
    return call;
  }

  NodeId ExprStmt(NodeId x) {
    NodeId e = b_.Add(Op::kExprStmt, b_.N(x).pos, TypeId(), SynId());
    b_.N(e).x = x;
    return e;
  }

  NodeId BodyFunc(SynId s, TypeId ftyp, Pos start, Pos end);
  std::vector<NodeId> Checks(const RangeFuncLoop& loop, Pos pos);

  Builder& b_;
  RangeFunc& rf_;
};

// rewriter.bodyFunc: the loop body as the closure passed to the iterator.
NodeId RangeFuncLowering::BodyFunc(SynId s, TypeId ftyp, Pos start, Pos end) {
  const syntax::Node& n = b_.S(s);
  FuncId outer = b_.st_->fn;
  // ir.closureName with why = ORANGE: "F-range1", "F.func1-range2", "F-range1-range1".
  const Func& of = b_.prog_.funcs.Get(outer);
  std::string name = (of.name == "_" ? std::string("glob.") : of.name) + "-range" +
                     std::to_string(++b_.st_->range_count);
  FuncId fn = b_.NewFunc(name, start, ObjId());
  NodeId clo = b_.Add(Op::kClosure, start, ftyp, s);
  b_.N(clo).func = fn;
  {
    Func& f = b_.prog_.funcs.Get(fn);
    f.outer = outer;
    f.closure = clo;
    f.dupok = of.dupok;
  }
  FnState st;
  st.fn = fn;
  st.parent = b_.st_;
  st.rf = b_.st_->rf;
  FnState* saved = b_.st_;
  b_.st_ = &st;

  // Parameters: the range variables of `:=`, else #p1, #p2 assigned to the range expressions.
  std::vector<SynId> lhs = b_.SList(n.list);
  bool def = n.op == Token::kDefine;
  const types::Type& sig = b_.T(ftyp);
  std::vector<ObjId> yparams =
      sig.params.has_value() ? b_.T(sig.params).vars : std::vector<ObjId>();
  std::vector<NodeId> body;
  std::vector<VarId> params;
  for (size_t i = 0; i < yparams.size(); ++i) {
    TypeId typ = b_.O(yparams[i]).type;
    ObjId def_obj;
    if (i < lhs.size() && def) {
      SynId l = b_.Unparen(lhs[i]);
      if (b_.S(l).kind == NodeKind::kName) def_obj = b_.DefOf(l);
    }
    if (def_obj.has_value()) {
      const types::Object& o = b_.O(def_obj);
      VarId v = DeclareIn(st, def_obj, o.pos, o.type, Class::kParam);
      if (o.name == "_") st.vars.erase(def_obj.index());
      params.push_back(v);
      continue;
    }
    ObjId p = NewVarObj("#p" + std::to_string(i + 1), typ, start);
    VarId v = DeclareIn(st, p, start, typ, Class::kParam);
    params.push_back(v);
    if (i < lhs.size()) {
      std::vector<VarId> unused;
      Pos lpos = b_.S(lhs[i]).pos;
      NodeId x = b_.AssignTarget(lhs[i], unused, s);
      const Node& xn = b_.N(x);
      bool blank = xn.op == Op::kName && !xn.var.has_value() && !xn.obj.has_value();
      NodeId y = b_.NameOfVar(v, lpos, SynId());
      if (!blank) y = b_.ConvNode(xn.type, y, lpos, true, SynId());
      body.push_back(Assign(x, y, lpos));
    }
  }
  ObjId r = NewVarObj("#r", BoolType(), start);
  VarId rv = DeclareIn(st, r, start, BoolType(), Class::kParamOut);
  {
    Func& f = b_.prog_.funcs.Get(fn);
    f.params = params;
    f.results = {rv};
  }

  // #tmpState := #stateN; #stateN = RF_PANIC; if #tmpState != RF_READY { panicrangestate }
  size_t k = rf_.loops.size() - 1;
  ObjId tmp_obj = NewVarObj("#tmpState", IntType(), Pos());
  VarId tmp = b_.NewLocal("#tmpState", Pos(), IntType(), tmp_obj);
  body.push_back(DeclAssign(tmp, Ref(rf_.loops[k].state, Pos()), Pos()));
  body.push_back(SetState(k, kRFPanic, start));
  body.push_back(If(Compare(Token::kNeq, b_.NameOfVar(tmp, start, SynId()), Int(kRFReady, start),
                            start),
                    {CallPanic(b_.NameOfVar(tmp, start, SynId()), start)}, start));

  // The loop body, its returns and branches edited as they are read (RangeFuncEdit).
  if (n.w.has_value()) b_.Stmts(b_.S(n.w).list, body);

  body.push_back(SetState(k, kRFReady, end));
  body.push_back(Return({Bool(true, end)}, end));
  NodeId blk = b_.Add(Op::kBlock, n.w.has_value() ? b_.S(n.w).pos : start, TypeId(), n.w);
  b_.N(blk).list = b_.List(body);

  b_.st_ = saved;
  Func& f = b_.prog_.funcs.Get(fn);
  f.body = blk;
  f.is_closure = !f.closure_vars.empty();
  return clo;
}

// rewriter.checks: after the iterator returns, act on #next.
std::vector<NodeId> RangeFuncLowering::Checks(const RangeFuncLoop& loop, Pos pos) {
  std::vector<NodeId> list;
  std::vector<std::pair<Token, std::string>> did;
  for (const auto& br : loop.check_branch) {
    if (std::find(did.begin(), did.end(), br) != did.end()) continue;
    did.push_back(br);
    NodeId jump = b_.Add(br.first == Token::kBreak      ? Op::kBreak
                         : br.first == Token::kContinue ? Op::kContinue
                                                        : Op::kGoto,
                         pos, TypeId(), SynId());
    b_.N(jump).label = br.second;
    list.push_back(IfNext(Token::kEql, BranchNext(br.first, br.second), true, {jump}, pos));
  }
  int cur_loop = loop.depth - 1;
  if (rf_.loops.size() == 1) {
    if (loop.check_ret) list.push_back(IfNext(Token::kEql, -1, false, {Return({}, pos)}, pos));
    return list;
  }
  size_t cur_index = static_cast<size_t>(cur_loop - 1);
  if (loop.check_ret) {
    list.push_back(IfNext(Token::kLss, 0, false,
                          {SetState(cur_index, kRFDone, pos), Return({Bool(false, pos)}, pos)},
                          pos));
  }
  int depth_step = kPerLoopStep * cur_loop;
  list.push_back(IfNext(Token::kGtr, depth_step, false, {CallPanic(Int(kRFDone, pos), pos)}, pos));
  if (loop.check_continue) {
    list.push_back(IfNext(Token::kEql, depth_step - 1, true,
                          {SetState(cur_index, kRFReady, pos), Return({Bool(true, pos)}, pos)},
                          pos));
  }
  if (loop.check_break) {
    list.push_back(IfNext(Token::kEql, depth_step, true,
                          {SetState(cur_index, kRFDone, pos), Return({Bool(false, pos)}, pos)},
                          pos));
  }
  if (loop.check_continue || loop.check_break) {
    list.push_back(IfNext(Token::kGtr, 0, false,
                          {SetState(cur_index, kRFDone, pos), Return({Bool(false, pos)}, pos)},
                          pos));
  }
  return list;
}

// rewriter.startLoop + endLoop.
void RangeFuncLowering::Loop(SynId s, const std::string& label, std::vector<NodeId>& out) {
  const syntax::Node& n = b_.S(s);
  Pos start = n.pos;
  Pos end = n.w.has_value() && b_.S(n.w).pos2.known() ? b_.S(n.w).pos2 : start;
  // X's type func(func(...) bool), and the yield type func(...) bool.
  TypeId rfunc = b_.Core(b_.TypeOf(n.x));
  TypeId ftyp;
  if (rfunc.has_value() && b_.T(rfunc).kind == TypeKind::kSignature &&
      b_.T(rfunc).params.has_value() && b_.T(b_.T(rfunc).params).vars.size() == 1) {
    ftyp = b_.Core(b_.Sub(b_.O(b_.T(b_.T(rfunc).params).vars[0]).type));
  }
  if (!ftyp.has_value() || b_.T(ftyp).kind != TypeKind::kSignature ||
      !b_.T(ftyp).results.has_value() || b_.T(b_.T(ftyp).results).vars.size() != 1) {
    out.push_back(b_.Bad(n.pos2.known() ? n.pos2 : start, s, "range over this function type"));
    return;
  }

  bool outermost = rf_.loops.empty();
  if (outermost) {
    rf_.label_loop.clear();
    rf_.label_stmt.clear();
    rf_.branch_target.clear();
    if (!label.empty()) rf_.label_stmt.emplace(label, s);
    BranchScanner scan{b_, rf_};
    scan.Stmt(n.w, s, s, s);
  }
  RangeFuncLoop loop;
  loop.nfor = s;
  loop.depth = static_cast<int>(rf_.loops.size()) + 1;
  loop.state = NewVarObj("#state" + std::to_string(++rf_.state_count), IntType(), start);
  rf_.loops.push_back(loop);
  size_t dcl_mark = b_.F().dcl.size();
  VarId state = b_.NewLocal(b_.O(loop.state).name, start, IntType(), loop.state);

  NodeId clo = BodyFunc(s, ftyp, start, end);
  // Counted when the loop ends: an inner loop's #yield comes first.
  ObjId yobj = NewVarObj("#yield" + std::to_string(++rf_.body_count), ftyp, Pos());
  if (outermost) {
    // The declStmt is read before #state1: its variables come first in dcl.
    std::vector<VarId>& dcl = b_.F().dcl;
    dcl.insert(dcl.begin() + static_cast<std::ptrdiff_t>(dcl_mark), rf_.decl_vars.begin(),
               rf_.decl_vars.end());
    rf_.decl_vars.clear();
  }
  VarId yield = b_.NewLocal(b_.O(yobj).name, Pos(), ftyp, yobj);

  if (outermost) out.insert(out.end(), rf_.decls.begin(), rf_.decls.end());
  out.push_back(DeclAssign(state, Int(kRFReady, start), start));
  out.push_back(DeclAssign(yield, clo, start));
  std::vector<NodeId> args = {b_.NameOfVar(yield, start, SynId())};
  NodeId call = b_.Call(s, n.x, &args);
  out.push_back(ExprStmt(call));
  out.push_back(If(Compare(Token::kEql, b_.NameOfVar(state, end, SynId()), Int(kRFPanic, end), end),
                   {CallPanic(Int(kRFMissingPanic, end), end)}, end));
  out.push_back(Assign(b_.NameOfVar(state, end, SynId()), Int(kRFExhausted, end), end));
  std::vector<NodeId> checks = Checks(rf_.loops.back(), end);
  out.insert(out.end(), checks.begin(), checks.end());

  rf_.loops.pop_back();
  if (outermost) {
    if (!rf_.decls.empty() && !rf_.decl_vars.empty()) {
      // Declared by the checks themselves (should not happen): still declared.
      std::vector<VarId>& dcl = b_.F().dcl;
      dcl.insert(dcl.end(), rf_.decl_vars.begin(), rf_.decl_vars.end());
    }
    rf_.decls.clear();
    rf_.decl_vars.clear();
    rf_.next = ObjId();
    rf_.defers = ObjId();
  }
}

// rewriter.editReturn.
bool RangeFuncLowering::EditReturn(SynId s, std::vector<NodeId>& out) {
  const syntax::Node& n = b_.S(s);
  Pos pos = n.pos;
  std::vector<SynId> results = b_.SList(n.list);
  if (!results.empty()) {
    // Assign to the enclosing function's results, named #rv1... if they had no names.
    FnState& owner = *rf_.owner;
    Func& of = b_.prog_.funcs.Get(owner.fn);
    std::vector<NodeId> lhs;
    std::vector<TypeId> dsts;
    for (size_t i = 0; i < of.results.size(); ++i) {
      VarId r = b_.prog_.funcs.Get(owner.fn).results[i];
      Var& rv = b_.V(r);
      ObjId obj = rv.obj;
      if (!obj.has_value()) {
        obj = NewVarObj("", rv.type, rv.pos);
        rv.obj = obj;
      }
      if (UnnamedResult(rv)) rv.name = "#rv" + std::to_string(i + 1);
      owner.vars[obj.index()] = r;
      dsts.push_back(rv.type);
    }
    for (size_t i = 0; i < dsts.size(); ++i) {
      VarId r = b_.prog_.funcs.Get(owner.fn).results[i];
      lhs.push_back(Ref(b_.V(r).obj, pos));
    }
    std::vector<NodeId> rhs = b_.MultiExpr(pos, results, dsts, s);
    NodeId as;
    if (lhs.size() == 1 && rhs.size() == 1) {
      as = Assign(lhs[0], rhs[0], pos);
    } else {
      as = b_.Add(Op::kAs2, pos, TypeId(), s);
      b_.N(as).list = b_.List(lhs);
      b_.N(as).list2 = b_.List(rhs);
    }
    out.push_back(as);
  }
  for (RangeFuncLoop& l : rf_.loops) l.check_ret = true;
  ExitWithNext(-1, pos, out);
  return true;
}

// rewriter.editBranch.
bool RangeFuncLowering::EditBranch(SynId s, std::vector<NodeId>& out) {
  const syntax::Node& n = b_.S(s);
  Token tok = n.op;
  if (tok == Token::kFallthrough) return false;
  Pos pos = n.pos;
  std::string label = n.x.has_value() ? std::string(b_.S(n.x).text) : std::string();
  int last = static_cast<int>(rf_.loops.size()) - 1;
  SynId targ;
  if (label.empty()) {
    auto it = rf_.branch_target.find(s.index());
    if (it != rf_.branch_target.end()) targ = it->second;
    // An unlabeled break or continue of a statement inside the innermost loop stays.
    if (targ != rf_.loops[last].nfor) return false;
  } else if (tok != Token::kGoto) {
    auto it = rf_.label_stmt.find(label);
    if (it != rf_.label_stmt.end()) targ = it->second;
  }
  int i = last;
  while (i >= 0 && (!targ.has_value() || rf_.loops[i].nfor != targ)) --i;
  int exit_from = i + 1;
  int64_t next;
  if (tok == Token::kGoto || i < 0) {
    // goto L, or break/continue L of a statement that is not a range-over-func loop.
    SynId tl;
    auto it = rf_.label_loop.find(label);
    if (it != rf_.label_loop.end()) tl = it->second;
    if (tl.has_value() && tl == rf_.loops[last].nfor) return false;  // L is in this body
    next = BranchNext(tok, label);
    int j = last;
    while (j >= 0 && (!tl.has_value() || rf_.loops[j].nfor != tl)) --j;
    exit_from = j + 1;
    rf_.loops[exit_from].check_branch.push_back({tok, label});
    for (size_t k = exit_from + 1; k < rf_.loops.size(); ++k) rf_.loops[k].check_ret = true;
  } else {
    if (exit_from == static_cast<int>(rf_.loops.size())) {
      // A break or continue of the innermost loop: return false or true.
      bool cont = tok == Token::kContinue;
      out.push_back(SetState(last, cont ? kRFReady : kRFDone, pos));
      out.push_back(Return({Bool(cont, pos)}, pos));
      return true;
    }
    if (tok == Token::kContinue) {
      rf_.loops[exit_from].check_continue = true;
    } else {
      exit_from = i;
      rf_.loops[exit_from].check_break = true;
    }
    for (size_t k = exit_from + 1; k < rf_.loops.size(); ++k) rf_.loops[k].check_break = true;
    next = kPerLoopStep * (i + 1);
    if (tok == Token::kContinue) --next;
  }
  ExitWithNext(next, pos, out);
  return true;
}

// rewriter.editDefer.
void RangeFuncLowering::EditDefer(NodeId defer_stmt) {
  Pos pos = b_.N(defer_stmt).pos;
  if (!rf_.defers.has_value()) {
    rf_.defers = NewVarObj("#defers", b_.u_.any_type, Pos());
    ObjId& fn = b_.ctx_.deferrangefunc;
    if (!fn.has_value()) {
      fn = RuntimeFunc("runtime.deferrangefunc", {}, {NewVarObj("extra", b_.u_.any_type, Pos())});
    }
    DeclOuter(rf_.defers, RuntimeCall(fn, {}, b_.u_.any_type, Pos()));
  }
  b_.N(defer_stmt).y = Ref(rf_.defers, pos);
}

}  // namespace

void Builder::RangeFuncStmt(SynId s, const std::string& label, std::vector<NodeId>& out) {
  if (!st_->rf) {
    st_->rf = std::make_shared<RangeFunc>();
    st_->rf->owner = st_;
  }
  RangeFuncLowering(*this).Loop(s, label, out);
}

bool Builder::RangeFuncEdit(SynId s, std::vector<NodeId>& out) {
  if (!st_->rf || st_->rf->loops.empty()) return false;
  RangeFuncLowering l(*this);
  return S(s).kind == NodeKind::kReturnStmt ? l.EditReturn(s, out) : l.EditBranch(s, out);
}

void Builder::RangeFuncDefer(NodeId defer_stmt) {
  if (!st_->rf || st_->rf->loops.empty()) return;
  RangeFuncLowering(*this).EditDefer(defer_stmt);
}

}  // namespace escapist::ir
