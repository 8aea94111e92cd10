// ir/builder.h -- private state of IR construction: the Builder that walks one package's typed
// syntax and produces gc's IR (noder/reader.go plus typecheck's rewrites). Only src/ir/*.cpp
// include it. The work is split by concern: build.cpp (functions, variables, closures),
// build_expr.cpp (expressions, conversions, literals, selectors), build_call.cpp (calls,
// builtins, go/defer wrappers), build_stmt.cpp (statements).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diag.h"
#include "ir/ir.h"
#include "syntax/ast.h"
#include "types/types.h"

namespace escapist::ir {

using SynId = syntax::NodeId;
using types::ObjId;
using types::TypeId;

struct RangeFunc;  // rangefunc.cpp: gc's rangefunc.rewriter for one function

// Per-function state while its body is read (gc's reader with curfn set).
struct FnState {
  FuncId fn;
  FnState* parent = nullptr;                  // enclosing function of a closure
  std::unordered_map<uint32_t, VarId> vars;   // ObjId index -> its Var in this function
  int godefer_count = 0;                      // gc's Func.goDeferGen
  int loop_depth = 0;
  int range_count = 0;                        // reader.rangeLitGen: F-range1, F-range2, ...
  // The rangefunc rewriter whose loops are being lowered: set on the function declaring them
  // (a FuncDecl or a user's func literal) and shared by its loop-body closures; none in a
  // function without range-over-func loops.
  std::shared_ptr<RangeFunc> rf;
};

// loopvar.cpp: gc's loopvar.ForCapture on one built function.
void ForCapture(Program& prog, const types::Universe& u, FuncId fn);

// One shaped instantiation of a generic function or method (gc's shaped readerDict): the body of
// `origin` compiled with its type parameters replaced by shape types.
struct Instance {
  ObjId origin;               // the generic function or method as declared
  std::vector<TypeId> targs;  // shapes: the receiver's type arguments, then the function's own
  ObjId obj;                  // the Func object standing for the instance (callee of calls)
  FuncId fn;
  bool built = false;
};

// State shared by the builders of one Program: the package's own and the instances' bodies are
// read by one Builder each (an instance's body by a Builder of the package declaring it).
// A generic function or method instantiated with concrete type arguments by non-generic code
// (gc's non-shaped instantiation, whose synthetic body calls the shaped instance with its
// dictionary: reader.callShaped).
struct ConcreteInstance {
  ObjId origin;
  std::vector<TypeId> targs;  // concrete: the receiver's type arguments, then the function's own
  ObjId instance;             // the shaped instance it calls
};

struct BuildContext {
  std::vector<Instance> instances;                   // in the order first referenced
  std::vector<ConcreteInstance> concrete;            // in the order first referenced
  std::unordered_map<uint32_t, VarId> globals;        // package-level Var objects
  std::unordered_map<uint32_t, uint8_t> read_types;   // TypeIds whose method sets were read
  // The runtime helpers range-over-func loops call (typecheck.LookupRuntime): Func objects
  // outside any package named "runtime.panicrangestate" (func(int)) and
  // "runtime.deferrangefunc" (func() any), as gc prints them; created on first use.
  ObjId panicrangestate, deferrangefunc;
};

class Builder;
// instantiate.cpp: reads the bodies of every instance `main` (the package's own builder) and
// the instances' bodies reference, and the methods of every generic type instance the package
// reads (gc's readBodies with todoDicts: an instantiated type's shaped methods are compiled),
// until nothing new is referenced.
void BuildInstances(const types::Universe& u, DiagnosticSink& diags, Program& prog,
                    BuildContext& ctx, Builder& main);
// instantiate.cpp: the Funcs of ctx.concrete (non-shaped instantiations calling their shaped
// instance), appended to prog.target_funcs.
void BuildConcreteInstances(const types::Universe& u, Program& prog, BuildContext& ctx);

class Builder {
 public:
  // A builder reading package `pkg`'s syntax into `prog` (whose package may be another one: an
  // instance of an imported generic function is compiled into the importing package).
  Builder(const types::Universe& u, types::PkgId pkg, DiagnosticSink& diags, Program& prog,
          BuildContext& ctx);
  void Run();

  // ---- instantiate.cpp: shaped instantiation of generic code (noder/reader.go objDictIdx,
  // Shapify, funcInst, methodExpr; readBodies).
  // The Func object of the shaped instance of generic function or method `origin` with type
  // arguments `targs` (receiver's first; not yet shaped), created and queued on first use.
  ObjId InstanceOf(ObjId origin, const std::vector<TypeId>& targs);
  // Reads the body of instance `i` (this builder reads its origin's package).
  void BuildInstance(size_t i);
  // For a method `m` of a generic type or a generic method, its declared origin; else none.
  ObjId GenericMethodOrigin(ObjId m) const;
  // The instance a method call, value or expression `x.M` with receiver type `recv` (after the
  // implicit dots, & and *) calls, or none when M is an ordinary method.
  ObjId MethodInstance(SynId sel, const types::Selection& s, TypeId recv);
  // The callee of method `method` of type parameter `tparam`'s constraint in a shaped body:
  // `(SIG)(&.dict[i])`, the i-th method expression entry of the dictionary (reader methodExpr,
  // dictWord), a function gc does not know statically; SIG takes the receiver (of shape type
  // `recv`) first.
  NodeId TypeParamMethod(Pos pos, TypeId tparam, ObjId method, TypeId recv, SynId syn);
  // t with the type parameters of the body being read replaced by their shapes (cached).
  TypeId Sub(TypeId t) const;

  // ---- build.cpp: functions and variables
  FuncId NewFunc(std::string name, Pos pos, ObjId obj);
  // Declares the receiver, parameters and results of `fn` from signature `sig`.
  void DeclareParams(FnState& st, TypeId sig);
  // A new local variable of the current function (gc's Func.NewLocal), appended to dcl.
  VarId NewLocal(const std::string& name, Pos pos, TypeId type, ObjId obj);
  // Declares the local variable of object `obj` (a Name in defs).
  VarId DeclareLocal(ObjId obj);
  // gc's typecheck.TempAt: `.autotmp_N`, N = number of params, results and locals so far.
  VarId NewTemp(Pos pos, TypeId type);
  // The Var denoting `obj` in the current function: local, captured (creating closure vars
  // through every enclosing literal), or package-level.
  VarId LookupVar(ObjId obj, Pos use_pos);
  VarId GlobalVar(ObjId obj);
  // reader.funcLit: a closure Func for literal `lit`, its body read at once.
  NodeId FuncLit(SynId lit);
  // ir.closureName: "F.func1", "F.func1.1", "F.gowrap1", "F.deferwrap2".
  std::string ClosureName(FuncId outer, Op why);
  // build_init.cpp: reader.pkgInitOrder + staticinit.Schedule: the synthetic package "init"
  // holding the package-level initializers that cannot be done statically.
  void PackageInit();

  // ---- build_expr.cpp
  NodeId Expr(SynId e);
  // writer.implicitConvExpr: e converted (implicitly) to dst when dst is not identical.
  NodeId ImplicitConv(TypeId dst, SynId e);
  // Wraps an already built node in an implicit conversion to dst (if needed).
  NodeId ConvNode(TypeId dst, NodeId x, Pos pos, bool implicit, SynId syn);
  // typecheck.convertop/assignop: the op converting a value of type src to dst.
  Op ConvOp(TypeId src, TypeId dst) const;
  NodeId CompLit(SynId lit);
  NodeId Selector(SynId e);
  // writer.recvExpr + reader exprRecv: x.M's receiver with implicit dots and &/*.
  NodeId RecvExpr(SynId sel, const types::Selection& s);
  // typecheck.AddImplicitDots + XDotField: x.f through the embedded-field path.
  NodeId DotPath(NodeId x, const std::vector<uint32_t>& path, size_t count, Pos pos, SynId syn);
  NodeId Name(SynId e);
  NodeId NameOfVar(VarId v, Pos pos, SynId syn);
  NodeId Literal(Pos pos, TypeId type, types::ConstId value, SynId syn);
  NodeId AddrOf(NodeId x, Pos pos, bool implicit, SynId syn);
  NodeId Deref(NodeId x, Pos pos, bool implicit, SynId syn);
  NodeId Bad(Pos pos, SynId syn, const std::string& what);
  // gc's ir.OuterValue + SetAddrtaken.
  void MarkAddrTaken(NodeId x);

  // ---- build_call.cpp
  // `fun` and `args` override the callee and arguments of call syntax `call` (range-over-func
  // loops call their operand with the loop-body closure; `call` is then the range statement).
  NodeId Call(SynId call, SynId fun = SynId(), const std::vector<NodeId>* args = nullptr);
  NodeId Builtin(SynId call, types::BuiltinId id);
  // writer.multiExpr + reader.multiExpr: arguments/results converted to dst(i); a single
  // multi-value call goes through temporaries assigned by an As2Func (N:1).
  std::vector<NodeId> MultiExpr(Pos pos, const std::vector<SynId>& exprs,
                                const std::vector<TypeId>& dsts, SynId syn);
  // typecheck.FixVariadicCall.
  void FixVariadic(TypeId sig, Pos pos, std::vector<NodeId>& args, bool& has_dots);
  // typecheck.normalizeGoDeferCall: the zero-argument call run by a go/defer statement.
  NodeId GoDeferCall(Op why, Pos pos, NodeId call, std::vector<NodeId>& init);
  TypeId MethodExprType(ObjId method, TypeId recv);

  // ---- build_stmt.cpp
  NodeId Block(SynId block);
  void Stmts(IdSpan<SynId> list, std::vector<NodeId>& out);
  void Stmt(SynId s, std::vector<NodeId>& out);
  void AssignStmt(Pos pos, const std::vector<SynId>& lhs, const std::vector<SynId>& rhs,
                  bool define, SynId syn, std::vector<NodeId>& out);
  NodeId AssignTarget(SynId e, std::vector<VarId>& defined, SynId stmt);
  NodeId ReturnStmt(SynId s);
  NodeId IfStmt(SynId s);
  NodeId ForStmt(SynId s);
  NodeId RangeStmt(SynId s);
  // ---- rangefunc.cpp: range-over-func loops (gc's rangefunc.Rewrite, seen through the reader).
  // Whether s is a RangeStmt over a function.
  bool IsRangeFunc(SynId s) const;
  // rewriter.startLoop/bodyFunc/endLoop: appends the statements replacing range-over-func loop
  // s (labeled `label`, or ""): state variable, body closure, the call, the checks after it.
  void RangeFuncStmt(SynId s, const std::string& label, std::vector<NodeId>& out);
  // rewriter.editStmt: inside a loop body, appends the replacement of return or branch statement
  // s and returns true; false when s stays as written.
  bool RangeFuncEdit(SynId s, std::vector<NodeId>& out);
  // rewriter.editDefer: a defer statement in a loop body runs at the declaring function's exit
  // (DeferAt = #defers, gc's deferprocat).
  void RangeFuncDefer(NodeId defer_stmt);
  NodeId SwitchStmt(SynId s);
  NodeId SelectStmt(SynId s);
  int StaticBool(SynId* e);
  // pkgWriter.terminates: the statement ends normal control flow (return, goto, panic, an if
  // whose taken branches do, a block ending in one).
  bool Terminates(SynId stmt);

  // ---- helpers
  const syntax::Node& S(SynId n) const { return ast_[n]; }
  std::vector<SynId> SList(IdSpan<SynId> span) const { return ast_.List(span); }
  SynId Unparen(SynId e) const;
  // What the checker recorded for e, its type in terms of the shapes of the body being read.
  types::TypeAndValue TV(SynId e) const;
  // The type of e for IR purposes (untyped -> default type).
  TypeId TypeOf(SynId e) const;
  TypeId Typed(TypeId t) const;
  const types::Type& T(TypeId t) const { return u_.Get(t); }
  TypeId Under(TypeId t) const { return types::Underlying(u_, t); }
  TypeId Core(TypeId t) const;
  types::TypeKind KindOf(TypeId t) const;  // kind of the underlying/core type
  bool IsPtr(TypeId t) const { return KindOf(t) == types::TypeKind::kPointer; }
  TypeId Elem(TypeId t) const;
  TypeId PtrTo(TypeId t);
  const types::Object& O(ObjId o) const { return u_.Obj(o); }
  ObjId UseOf(SynId name) const;
  ObjId DefOf(SynId name) const;
  Node& N(NodeId id) { return prog_[id]; }
  NodeId Add(Op op, Pos pos, TypeId type, SynId syn);
  IdSpan<NodeId> List(const std::vector<NodeId>& v) { return prog_.AddList(v); }
  Func& F() { return prog_.funcs.Get(st_->fn); }
  Var& V(VarId v) { return prog_.vars.Get(v); }
  void Unknown(Pos pos, const std::string& what);

  const types::Universe& u_;
  types::PkgId pkg_;
  const types::Package& p_;
  const syntax::Ast& ast_;
  const types::Info& info_;
  DiagnosticSink& diags_;
  Program& prog_;
  BuildContext& ctx_;
  FnState* st_ = nullptr;
  // Reading a shaped instance: its type parameters -> shape types, and Sub's memo.
  types::SubstMap subst_;
  mutable std::unordered_map<uint32_t, TypeId> sub_cache_;
  VarId dict_var_;  // .dict of the shaped body being read
  // The dictionary's method-expression entries in order of first use: (type parameter, name).
  std::vector<std::pair<TypeId, std::string>> dict_methods_;
  std::unordered_map<uint32_t, TypeId> methexpr_types_;  // method ObjId -> func(recv, ...)
  types::ConstId one_;  // the constant 1 of x++ / x--
};

}  // namespace escapist::ir
