// ir/ir.h -- the per-function IR that escape analysis (and later inlining) runs on, modeled on
// cmd/compile/internal/ir after unified IR construction (noder/reader.go) and typecheck's
// rewrites: every implicit operation of the source is an explicit node.
//
// Made explicit (gc's names in parentheses):
//   * conversions of concrete values to interface types in assignments, arguments, returns,
//     sends, composite literal elements, map keys and comparisons (OCONVIFACE, implicit=true);
//   * the `&` of `v.PtrMethod()` and the `*` of `p.ValMethod()` (OADDR/ODEREF, implicit=true),
//     and the embedded-field chain of promoted selectors (ODOT/ODOTPTR, implicit=true);
//   * method calls as calls of the method expression with the receiver as first argument
//     (OCALLFUNC whose X is OMETHEXPR); interface method calls as OCALLINTER on ODOTINTER;
//   * the slice built for a variadic call (`f(a, b)` to `f(xs ...T)` becomes
//     `f([]T{a, b}...)`: an implicit OSLICELIT at the call's `(`; no extra args gives nil);
//   * multi-value calls (`f(g())`, `a, b = g()`) through temporaries (OAS2FUNC);
//   * `go f(x)` / `defer f(x)` as a zero-argument wrapper closure `outer.gowrapN` /
//     `outer.deferwrapN` that captures temporaries holding the evaluated arguments
//     (typecheck.normalizeGoDeferCall);
//   * free variables of a func literal (Func::closure_vars, each a Var whose `outer` is the
//     captured variable; gc's ClosureVars);
//   * method values (OMETHVALUE), string concatenation chains (OADDSTR), []byte/string
//     conversions (OSTR2BYTES, OBYTES2STR, ...).
//
// Nodes, variables and functions live in stores of the Program and refer to each other by ID.
// Later phases never write into the IR: escape analysis returns side tables keyed by NodeId and
// VarId.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/id.h"
#include "base/source.h"
#include "types/types.h"

namespace escapist::ir {

using NodeId = Id<struct IrNodeTag>;
using VarId = Id<struct IrVarTag>;
using FuncId = Id<struct IrFuncTag>;

enum class Op : uint8_t {
#define ESCAPIST_OP(Name, Shape) k##Name,
#include "ir/ops.def"
#undef ESCAPIST_OP
};

// gc's name for the op ("ONAME", "OCONVIFACE", ...), for dumps.
const char* OpName(Op op);

// gc's variable classes (ir.Class).
enum class Class : uint8_t {
  kAuto,      // PAUTO: local variable or temporary
  kParam,     // PPARAM: parameter or receiver
  kParamOut,  // PPARAMOUT: result
  kExtern,    // PEXTERN: package-level variable
  kFunc,      // PFUNC: a declared function (global)
};

struct Node {
  Op op = Op::kBad;
  Pos pos;                    // gc's position (see syntax/ast.h: `(` of calls, `.` of selectors...)
  types::TypeId type;         // the node's type (none for statements)
  bool implicit = false;      // compiler-inserted (OADDR, ODEREF, ODOT, OCONVIFACE, OSLICELIT...)
  syntax::Token tok = syntax::Token::kNone;  // OBINARY/OUNARY/OASOP operator
  NodeId x, y, z, w;          // operands by slot; meaning per op (ops.def)
  IdSpan<NodeId> list;        // arguments, elements, statements, lhs
  IdSpan<NodeId> list2;       // rhs, results, else-branch, case bodies
  IdSpan<NodeId> init;        // statements evaluated before the node (gc's Init())
  VarId var;                  // ONAME: the variable; ODCL: the declared variable
  FuncId func;                // OCLOSURE: the literal's Func; ONAME of class kFunc: none (use obj)
  types::ObjId obj;           // ONAME kFunc / OMETHEXPR / OMETHVALUE / ODOTINTER: the Func object;
                              // ODOT/ODOTPTR: the field Var; OLITERAL of a named const: the Const
  types::ConstId value;       // OLITERAL: the value
  int64_t index = 0;          // ODOT/ODOTPTR: field index; OLABEL/OGOTO/...: label id
  bool has_dots = false;      // OCALLFUNC/OCALLINTER: f(xs...); OAPPEND: append(s, t...)
  bool defining = false;      // OAS/OAS2*: the statement defines its lhs (`:=` or var decl)
  bool var_live = false;      // OCALLFUNC of bloop's runtime.KeepAlive (gc's IsCompilerVarLive
                              // and NoInline): escape discards its argument
  bool dynamic_type = false;  // ONEW in a shaped body: its type derives from type parameters
                              // and comes from the dictionary (gc's ODYNAMICTYPE operand)
  std::string label;          // OLABEL / OGOTO / OBREAK / OCONTINUE target name; the label of
                              // a labeled OFOR / ORANGE / OSWITCH / OSELECT
  syntax::NodeId syntax;      // the source node it came from, if any (for excerpts)
  // The inlined call this node was pasted by (Program::inl_tree index + 1); 0 for the
  // function's own code. `pos` is then the outermost call's position, as gc prints it
  // (base.FmtPos is Ctxt.OutermostPos).
  uint32_t inl = 0;
  // For a pasted node: its position in the callee's source (gc's innermost position); unset
  // otherwise (then `pos` is both).
  Pos src_pos;
};

// A variable: local, parameter, result, temporary, package-level variable, or captured variable
// of a closure (gc's *ir.Name).
struct Var {
  std::string name;       // "x", "~r0" for unnamed results, ".autotmp_N" for temporaries
  Pos pos;                // the declaring identifier (params: the name; results ~rN: the type)
  types::TypeId type;
  Class cls = Class::kAuto;
  FuncId curfn;           // the function declaring it (none for globals)
  types::ObjId obj;       // the types Object, if any
  VarId outer;            // for a closure variable: the captured variable of the enclosing fn
  NodeId defn;            // the defining assignment (`x := ...`), if any (gc's Defn)
  bool addrtaken = false;    // & is applied somewhere (implicit receivers included)
  bool is_temp = false;      // compiler temporary (.autotmp_N)
  bool is_closure_var = false;
};

struct Func {
  std::string name;       // ir.FuncName: "f", "T.M", "(*T).M", "f.func1", "f.gowrap1"
  std::string pkg_path;   // the package's import path
  Pos pos;                // gc's function position: the name; the receiver `(` for methods;
                          // `func` for literals
  types::ObjId obj;       // declared functions and methods; none for literals and wrappers
  FuncId outer;           // closures: the enclosing function; none otherwise
  NodeId closure;         // closures: the OCLOSURE node creating it
  std::vector<VarId> params;        // receiver first, then parameters (gc: Signature params)
  std::vector<VarId> results;       // results, named or ~rN
  std::vector<VarId> dcl;           // every local declared in the body, in declaration order
  std::vector<VarId> closure_vars;  // captured variables (closures)
  NodeId body;                      // OBLOCK; none for bodyless functions
  uint32_t pragmas = 0;             // syntax::Pragma bits
  bool is_closure = false;          // func literal capturing at least one variable
  bool is_go_wrap = false;          // go wrapper (gowrap)
  bool is_defer_wrap = false;
  bool dupok = false;               // no parameter diagnostics (wrappers, generic instances)
  bool is_instance = false;         // a shaped instantiation of a generic function or method
  bool has_defer = false;
  bool is_package_init = false;     // the synthetic "init" of package-level initializers
                                    // (gc's Func.IsPackageInit; user inits are init.0, ...)
  int closure_count = 0;            // literal numbering inside this function (func1, func2...)
};

// One inlined call (gc's obj.InlinedCall, an entry of Ctxt.InlTree).
struct InlinedCall {
  int32_t parent = -1;    // the inlined call whose body holds this call; -1 for none
  Pos pos;                // the call's position (outermost, as printed)
  Pos inner;              // the call's position in its own source (innermost)
  std::string func_name;  // ir.FuncName of the callee: "F", "T.M", "(*T).M", "F.func1"
  std::string pkg_path;   // the callee's package
  // The callee's identity for the recursion check (its linker symbol): the Func object, or for a
  // func literal its Func in this program.
  types::ObjId obj;
  FuncId func;
};

// All IR of one package.
struct Program {
  Store<NodeId, Node> nodes;
  Store<VarId, Var> vars;
  Store<FuncId, Func> funcs;
  std::vector<NodeId> pool;
  // gc's typecheck.Target.Funcs: declared functions and methods in source order, then closures
  // (and go/defer wrappers) in the order their bodies were read.
  std::vector<FuncId> target_funcs;
  types::PkgId pkg;
  // gc's Ctxt.InlTree: every call the inliner pasted, in the order inlined.
  std::vector<InlinedCall> inl_tree;
  // staticinit.statuniqgen after package-level initialization (pkginit.MakeTask): how many
  // `.stmp_N` static temporaries the initializers used; walk numbers its own from here.
  int32_t static_names = 0;
  // The package initializers' statements before StaticInit kept only those it cannot do
  // statically (the body of the synthetic "init"): each package-level variable's initializer,
  // for consumers that need initial values (cost/predict).
  IdSpan<NodeId> init_source;

  NodeId Add(Node n) { return nodes.Add(std::move(n)); }
  Node& operator[](NodeId id) { return nodes.Get(id); }
  const Node& operator[](NodeId id) const { return nodes.Get(id); }
  IdSpan<NodeId> AddList(const std::vector<NodeId>& ids) {
    IdSpan<NodeId> span{static_cast<uint32_t>(pool.size()), static_cast<uint32_t>(ids.size())};
    pool.insert(pool.end(), ids.begin(), ids.end());
    return span;
  }
  NodeId At(IdSpan<NodeId> span, uint32_t i) const { return pool[span.begin + i]; }
  std::vector<NodeId> List(IdSpan<NodeId> span) const {
    return std::vector<NodeId>(pool.begin() + span.begin, pool.begin() + span.begin + span.count);
  }
};

}  // namespace escapist::ir
