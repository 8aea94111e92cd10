// types/checker.h -- the private interface shared by the type checker's source files: the
// Checker (one per package, as go/types' Checker), operands, declaration info, and the internal
// helpers for constants, type sets, substitution and instantiation.
//
// Not an entry header: clients use types/types.h and types/check.h.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "diag/diag.h"
#include "syntax/ast.h"
#include "types/check.h"
#include "types/types.h"

namespace escapist::types {

using syntax::Node;
using syntax::NodeId;
using syntax::NodeKind;
using syntax::Token;

// ---- constants (constant.cpp): go/constant's operations on exact values.
namespace constant {
Constant MakeUnknown();
Constant MakeBool(bool b);
Constant MakeString(std::string s);
Constant MakeInt64(int64_t v);
Constant MakeUint64(uint64_t v);
Constant MakeInt(const mpz_class& v);
Constant MakeRat(const mpq_class& v);  // kInt if integral denominator? no: always kFloat
Constant MakeFloat64(double v);
Constant MakeComplex(const Constant& re, const Constant& im);
// go/constant MakeFromLiteral: `tok` is kInt/kFloat/kImag/kChar/kString.
Constant MakeFromLiteral(std::string_view lit, Token tok);
bool IsNumeric(const Constant& c);
bool IsUnknown(const Constant& c);
// Conversions between numeric kinds (go/constant ToInt/ToFloat/ToComplex); unknown on failure.
Constant ToInt(const Constant& c);
Constant ToFloat(const Constant& c);
Constant ToComplex(const Constant& c);
Constant Real(const Constant& c);
Constant Imag(const Constant& c);
int Sign(const Constant& c);
// Whether an integer constant fits in int64 / uint64; stores the value.
bool Int64Val(const Constant& c, int64_t* v);
bool Uint64Val(const Constant& c, uint64_t* v);
double Float64Val(const Constant& c);
size_t BitLen(const Constant& c);  // integers only
// x op y for arithmetic ops; `int_div` selects truncated integer division for kDiv.
Constant BinaryOp(const Constant& x, Token op, const Constant& y, bool int_div);
// op y; `prec` bits for ^ on unsigned values (0: signed / untyped).
Constant UnaryOp(Token op, const Constant& y, unsigned prec);
Constant Shift(const Constant& x, Token op, uint64_t s);
bool Compare(const Constant& x, Token op, const Constant& y);
// go/constant Value.String (short form, for messages) and ExactString.
std::string String(const Constant& c);
std::string ExactString(const Constant& c);
// Rounds a real value to float32/float64 precision; false on overflow.
bool RoundFloat32(const mpq_class& x, mpq_class* out);
bool RoundFloat64(const mpq_class& x, mpq_class* out);
// Keeps huge rationals bounded: rounds x to 512 mantissa bits if it grew too large.
void Normalize(Constant* c);
}  // namespace constant

// ---- type sets and instantiation (predicates.cpp, check_generic.cpp, lookup.cpp)

// The completed interface type (all_methods/terms filled). Works on any interface TypeId
// (not Named). Mutates lazily-computed fields of the Universe.
const Type& CompleteInterface(const Universe& u, TypeId iface);
// Whether the type set of interface `iface` has no specific types (all types).
bool IsAllTypes(const Universe& u, TypeId iface);
// Whether t is comparable (spec "Comparison operators"); for type parameters, whether their
// type set is.
bool Comparable(const Universe& u, TypeId t, bool strict = false, std::string* cause = nullptr);
bool HasNil(const Universe& u, TypeId t);
bool IsBoolean(const Universe& u, TypeId t);
bool IsNumeric(const Universe& u, TypeId t);
bool IsUnsigned(const Universe& u, TypeId t);
bool IsFloat(const Universe& u, TypeId t);
bool IsComplex(const Universe& u, TypeId t);
bool IsConstType(const Universe& u, TypeId t);
bool IsOrdered(const Universe& u, TypeId t);
bool IsTyped(const Universe& u, TypeId t);
bool IsValid(const Universe& u, TypeId t);
bool IsBasicKind(const Universe& u, TypeId t, BasicKind k);
BasicKind BasicOf(const Universe& u, TypeId t);  // underlying basic kind or kInvalid
bool IsGeneric(const Universe& u, TypeId t);     // generic Named without targs
// Whether every type in t's type set (or t itself) satisfies pred.
bool AllUnder(const Universe& u, TypeId t, const std::function<bool(TypeId)>& pred);
bool IdenticalIgnoreTags(const Universe& u, TypeId a, TypeId b);
// Unalias: aliases are not separate types here (TypeName.type is the target), so identity.

// SubstMap, Subst, InstantiateNamed, ExpandNamed, NamedMethod: see types.h.
// Missing method: returns the first method of interface `iface` that t lacks (none if t
// implements all methods); `wrong_type` set when a method exists with another signature;
// `ptr_recv` when found only on *t.
ObjId MissingMethod(const Universe& u, TypeId t, TypeId iface, bool static_check,
                    ObjId* alt = nullptr);
// Whether `t` satisfies constraint/implements interface `iface`, with a cause message.
bool ImplementsCause(const Universe& u, TypeId t, TypeId iface, bool constraint,
                     std::string* cause, PkgId local);
// Deref: *T -> T (and whether it was a pointer).
TypeId Deref(const Universe& u, TypeId t, bool* was_ptr = nullptr);

class Checker;

// Checker-private state hung on Universe::impl: the instance cache and the checker currently
// running (to resolve method signatures lazily, as go/types' objDecl does).
struct UniverseImpl {
  std::unordered_map<uint32_t, std::vector<std::pair<std::vector<TypeId>, TypeId>>> instances;
  std::unordered_map<uint32_t, std::vector<std::pair<std::vector<TypeId>, TypeId>>> sig_instances;
  Checker* active = nullptr;
  // Generic aliases (type A[P any] = T[P]): the alias TypeName -> its type parameters; the
  // TypeName's type is the right-hand side in terms of those parameters.
  std::unordered_map<uint32_t, std::vector<TypeId>> alias_tparams;
  // Shape types (types/shape.cpp): the go.shape package (made on first use) and its types.
  PkgId shape_pkg;
  std::unordered_map<std::string, TypeId> shapes;
};
UniverseImpl& Impl(const Universe& u);
// Ensures the object's type is computed (method signatures are resolved lazily).
void ResolveObject(const Universe& u, ObjId obj);
std::string TypeStringTypes2(const Universe& u, TypeId t, PkgId local);
// go/types' TypeString with package paths as the qualifier (vendored std paths without
// "vendor/"), as tests/oracle prints types: aliases other than any, byte and rune as targets.
std::string TypeStringGoTypes(const Universe& u, TypeId t);
const char* BasicName(BasicKind k);
const char* BuiltinName(BuiltinId id);

// Internal lookup result (go/types lookupFieldOrMethodImpl).
struct LookupResult {
  ObjId obj;
  std::vector<uint32_t> index;  // non-empty with no obj: ambiguous
  bool indirect = false;        // with no obj: pointer receiver required
};
LookupResult LookupImpl(const Universe& u, TypeId t, bool addressable, PkgId pkg,
                        const std::string& name, bool fold_case = false);

// Quoting helpers.
std::string Quote(std::string_view s);  // Go strconv.Quote

// ---- package-level declaration info (check_decl.cpp)
struct DeclInfo {
  ScopeId file_scope;
  NodeId spec;        // ConstSpec / VarSpec / TypeSpec / FuncDecl
  NodeId vtype;       // declared type expression or none
  NodeId init;        // init expression or none (for n:1 var decls, the single rhs)
  std::vector<ObjId> lhs;  // var decls with n:1 init: all lhs vars
  int64_t iota = 0;
  bool inherited = false;  // const spec repeats a previous spec's type and values
  std::unordered_set<uint32_t> deps;  // package-level objects this one depends on
};

enum class Color : uint8_t { kWhite, kGrey, kBlack };

// A constant value allocated only when set: operands are created for every expression, and a
// Constant's GMP rationals allocate on construction.
class LazyConst {
 public:
  LazyConst() = default;
  LazyConst(const LazyConst& o) : p_(o.p_ ? std::make_unique<Constant>(*o.p_) : nullptr) {}
  LazyConst(LazyConst&&) noexcept = default;
  LazyConst(const Constant& c) : p_(std::make_unique<Constant>(c)) {}  // NOLINT
  LazyConst& operator=(const LazyConst& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<Constant>(*o.p_) : nullptr;
    return *this;
  }
  LazyConst& operator=(LazyConst&&) noexcept = default;
  LazyConst& operator=(const Constant& c) {
    if (p_) {
      *p_ = c;
    } else {
      p_ = std::make_unique<Constant>(c);
    }
    return *this;
  }
  LazyConst& operator=(Constant&& c) {
    if (p_) {
      *p_ = std::move(c);
    } else {
      p_ = std::make_unique<Constant>(std::move(c));
    }
    return *this;
  }
  Constant& get() {
    if (!p_) p_ = std::make_unique<Constant>();
    return *p_;
  }
  const Constant& get() const {
    static const Constant kUnknown;
    return p_ ? *p_ : kUnknown;
  }
  operator const Constant&() const { return get(); }  // NOLINT
  Constant* operator->() { return &get(); }
  const Constant* operator->() const { return &get(); }

 private:
  std::unique_ptr<Constant> p_;
};

// An operand (go/types operand).
struct Operand {
  Mode mode = Mode::kInvalid;
  NodeId expr;
  TypeId type;
  LazyConst val;
  BuiltinId id = BuiltinId::kAppend;
  bool is_nil = false;  // the predeclared nil, possibly converted (types2 nilvalue mode)
  std::string desc;     // replaces the expression in messages ("2nd function result")
  bool IsValid() const { return mode != Mode::kInvalid; }
  void Invalidate() { mode = Mode::kInvalid; }
};

// Deferred recording for untyped expressions (go/types exprInfo).
struct UntypedInfo {
  bool is_lhs = false;  // expression is the lhs operand of a shift with delayed type check
  Mode mode = Mode::kInvalid;
  TypeId type;
  LazyConst val;
  bool has_val = false;
};

// Function-local environment (go/types environment).
struct Environment {
  ObjId decl_obj;        // package-level object whose declaration is being checked
  ScopeId scope;
  int64_t iota = -1;     // -1: not in a constant declaration
  bool has_iota = false;
  TypeId sig;            // enclosing function's signature
  bool in_func = false;
  bool has_label = false;
  bool has_call_or_recv = false;  // for constant initializers
  Pos pos;               // for scope lookups of local declarations: names declared after pos
  Pos errpos;            // the constant whose inherited initializer is being checked
};

class Checker {
 public:
  Checker(Universe& u, PkgId pkg, const SourceSet& sources,
          const std::function<PkgId(const std::string&)>& import_fn, DiagnosticSink& diags);
  // Checks the package's files (go/types Checker.Files).
  void CheckFiles();

  // ---- errors (check_decl.cpp)
  void Error(Pos pos, const std::string& msg);
  void ErrorAt(NodeId n, const std::string& msg);  // at StartPos(n)
  void SoftErrorAt(Pos pos, const std::string& msg) { Error(pos, msg); }
  Pos StartPos(NodeId n) const;
  Pos NodePos(NodeId n) const { return ast_[n].pos; }
  std::string ExprString(NodeId n) const;
  std::string OperandString(const Operand& x) const;
  std::string TS(TypeId t) const;  // type string for messages (package-qualified)
  std::string ObjString(ObjId obj) const;

  // ---- language versions (check_decl.cpp; go/types version.go). Versions are Go 1 minor
  // numbers; a file's version is the package's (-lang), or max(its //go:build goN, go1.21).
  void InitVersions();
  int FileVersion(Pos pos) const;  // -1: unknown (everything allowed)
  bool AllowVersion(Pos pos, int minor) const;
  // Reports "WHAT requires go1.N or later" (with gc's hint about -lang or //go:build) unless
  // allowed; returns whether it is.
  bool VerifyVersion(Pos pos, int minor, const std::string& what);
  std::string VersionHint(Pos pos) const;  // " (-lang was set to ...)" / " (file declares ...)"

  // ---- recording
  void Record(Operand& x);
  void RecordTypeAndValue(NodeId e, Mode mode, TypeId t, const Constant* val);
  void RecordDef(NodeId name, ObjId obj);
  void RecordUse(NodeId name, ObjId obj);
  void RecordImplicit(NodeId n, ObjId obj);
  void RecordSelection(NodeId n, Selection::Kind kind, TypeId recv, ObjId obj,
                       std::vector<uint32_t> path, bool indirect);
  void RecordScope(NodeId n, ScopeId s);
  void RecordInstance(NodeId n, const std::vector<TypeId>& targs);
  void RememberUntyped(NodeId e, bool lhs, Mode mode, TypeId t, const Constant* val);
  void RecordUntyped();
  void UpdateExprType(NodeId e, TypeId t, bool final);
  void UpdateExprVal(NodeId e, const Constant& val);

  // ---- objects and scopes
  ObjId NewVar(Pos pos, const std::string& name, TypeId type, VarKind kind, NodeId decl);
  void Declare(ScopeId scope, NodeId name_node, ObjId obj, Pos scope_pos);
  ObjId LookupName(const std::string& name, ScopeId* found_scope = nullptr);
  TypeId PeekAliasTarget(NodeId rhs, int depth);
  ScopeId OpenScope(NodeId n, const char* what);
  void CloseScope();
  void Use(NodeId e);  // evaluates expressions only for their side effects (error recovery)
  void UseLHS(NodeId e);
  void UseList(IdSpan<NodeId> list);
  void MarkUsed(ObjId v);

  // ---- declarations (check_decl.cpp)
  void CollectObjects();
  void PackageObjects();
  void ObjDecl(ObjId obj);
  void ConstDecl(ObjId obj, NodeId vtype, NodeId init, bool inherited);
  void VarDecl(ObjId obj, const std::vector<ObjId>& lhs, NodeId vtype, NodeId init);
  void TypeDecl(ObjId obj, NodeId spec);
  void ResolveDeferredUnderlying(bool final);
  void FuncDecl(ObjId obj, NodeId decl);
  void CollectMethods();
  void DeclStmt(NodeId decl_stmt);
  void Arity(Pos pos, const std::vector<NodeId>& names, const std::vector<NodeId>& inits,
             bool const_decl, bool inherited);
  bool ValidCycle(ObjId obj);
  bool IsComplete(TypeId t);
  void CycleError(const std::vector<ObjId>& cycle, size_t start);
  void UnusedImports();
  void ProcessDelayed(size_t top);
  void Later(std::function<void()> f) { delayed_.push_back(std::move(f)); }
  void InitOrder();
  // gc's checks once type checking succeeded (check_late.cpp).
  void SizeChecks();

  // ---- type expressions (check_typexpr.cpp)
  TypeId Typ(NodeId e);                            // go/types typ
  TypeId VarType(NodeId e);                        // varType: no constraint interfaces
  bool TypeArgs(IdSpan<NodeId> targ_nodes, std::vector<TypeId>* targs);  // typeList
  TypeId DefinedType(NodeId e, TypeId def);        // definedType
  TypeId TypInternal(NodeId e, TypeId def);
  TypeId GenericType(NodeId e, std::string* cause);
  void IdentType(Operand* x, NodeId e, TypeId def, bool want_type);
  TypeId FuncTypeExpr(NodeId ftype, NodeId recv_field, IdSpan<NodeId> tparams, ScopeId* scope_out,
                      NodeId decl_node, bool is_method);
  TypeId StructTypeExpr(NodeId e);
  TypeId InterfaceTypeExpr(NodeId e, TypeId def);
  TypeId UnionTypeExpr(NodeId e);
  int64_t ArrayLength(NodeId e);
  void CollectTypeParams(std::vector<TypeId>* out, IdSpan<NodeId> fields, ScopeId scope);
  TypeId BoundType(NodeId e);
  TypeId InstantiatedType(NodeId x, IdSpan<NodeId> targs, NodeId e, TypeId def);
  void ValidType(TypeId named, Pos pos);
  void CollectRecv(NodeId recv_field, ScopeId scope, ObjId* recv, TypeId* recv_base,
                   std::vector<TypeId>* rtparams);

  // ---- expressions (check_expr.cpp)
  void Expr(TypeId hint, Operand* x, NodeId e);           // expr: single value
  void RawExpr(TypeId hint, Operand* x, NodeId e, bool allow_generic);
  void ExprInternal(TypeId hint, Operand* x, NodeId e);   // exprInternal
  void GenericExpr(Operand* x, NodeId e);
  void MultiExpr(NodeId e, bool allow_comma_ok, std::vector<Operand>* out);
  void ExprWithHint(Operand* x, NodeId e, TypeId hint);
  void ExprOrType(Operand* x, NodeId e, bool allow_generic);
  void SingleValue(Operand* x);
  void Exclude(Operand* x, uint32_t modeset);
  void Unary(Operand* x, NodeId e);
  void Binary(Operand* x, NodeId e, NodeId lhs, NodeId rhs, Token op);
  void Shift(Operand* x, Operand* y, NodeId e, Token op);
  void Comparison(Operand* x, Operand* y, Token op, bool switch_case);
  void MatchTypes(Operand* x, Operand* y);
  void Overflow(Operand* x, Pos op_pos);
  void ConvertUntyped(Operand* x, TypeId target);
  bool ImplicitTypeAndValue(Operand* x, TypeId target, TypeId* out_type, Constant* out_val,
                            bool* has_val, int* code);
  void InvalidConversion(Operand* x, TypeId target);
  bool Representable(Operand* x, TypeId basic_type, Constant* rounded, std::string* why);
  bool RepresentableConst(const Constant& x, BasicKind kind, Constant* rounded);
  void Representation(Operand* x, TypeId t, bool* ok);
  void CompositeLit(Operand* x, NodeId e, TypeId hint);
  void FuncLit(Operand* x, NodeId e);
  void IndexExpr(Operand* x, NodeId e);
  void IndexExprRest(Operand* x, NodeId e);  // x holds the evaluated base
  bool IndexedElts(IdSpan<NodeId> elts, TypeId elem, int64_t length, int64_t* max);
  int64_t Index(NodeId index, int64_t max, bool allow_neg, bool* ok);
  bool IsValidIndex(Operand* x, const char* what, bool allow_neg);
  void SliceExpr(Operand* x, NodeId e);
  void TypeAssertion(Operand* x, NodeId e, TypeId t, bool type_switch);
  void Selector(Operand* x, NodeId e, TypeId def, bool want_type);
  void Ident(Operand* x, NodeId e, TypeId def, bool want_type);
  void Literal(Operand* x, NodeId e);
  bool AssignableToOp(Operand* x, TypeId t, std::string* cause, int* code);
  void Assignment(Operand* x, TypeId t, const std::string& context);
  bool ConvertibleTo(Operand* x, TypeId t, std::string* cause);
  void Conversion(Operand* x, TypeId t);
  void NonGeneric(TypeId* tp, Operand* x);
  std::string MissingMethodCause(TypeId v, TypeId t, ObjId m, ObjId alt);
  void LookupError(NodeId e, TypeId t, const std::string& sel, bool struct_lit);

  // ---- calls (check_call.cpp)
  void CallExpr(Operand* x, NodeId e);
  void Arguments(NodeId call, TypeId sig, const std::vector<TypeId>& targs,
                 const std::vector<NodeId>& xlist, std::vector<Operand>& args, TypeId* rsig);
  void GenericExprList(IdSpan<NodeId> list, std::vector<Operand>* out,
                       std::vector<std::vector<TypeId>>* targs, std::vector<NodeId>* xlist);
  void Builtin(Operand* x, NodeId call, BuiltinId id);
  TypeId FuncInst(NodeId inst_expr, TypeId sig, const std::vector<TypeId>& targs, Pos pos,
                  bool infer_from_args);
  TypeId ApplyTypeFunc(const std::function<TypeId(TypeId)>& f, Operand* x, BuiltinId id);

  // ---- generics (check_generic.cpp)
  bool Infer(Pos pos, const std::vector<TypeId>& tparams, std::vector<TypeId>* targs,
             const std::vector<TypeId>& params, std::vector<Operand*>& args, bool reverse,
             std::string* err);
  bool VerifyInstance(Pos pos, const std::vector<TypeId>& tparams,
                      const std::vector<TypeId>& targs, std::string* err, size_t* idx);
  TypeId Instantiate(Pos pos, TypeId orig, const std::vector<TypeId>& targs, bool verify);

  // ---- statements (check_stmt.cpp)
  void FuncBody(ObjId decl_obj, ScopeId scope, TypeId sig, NodeId body, int64_t iota);
  void Usage(ScopeId scope);
  void StmtList(uint32_t ctxt, IdSpan<NodeId> list);
  void Stmt(uint32_t ctxt, NodeId s);
  void SimpleStmt(NodeId s);
  void AssignVar(NodeId lhs, NodeId rhs_expr, Operand* x, const char* context);
  TypeId LhsVar(NodeId lhs);
  void AssignVars(IdSpan<NodeId> lhs, IdSpan<NodeId> rhs);
  void ShortVarDecl(Pos pos, IdSpan<NodeId> lhs, IdSpan<NodeId> rhs);
  void InitVars(const std::vector<ObjId>& lhs, const std::vector<NodeId>& rhs, NodeId return_stmt);
  void InitVar(ObjId lhs, Operand* x, const char* context);
  void InitConst(ObjId lhs, Operand* x);
  void AssignError(const std::vector<NodeId>& rhs, int l, int r);
  void ReturnError(NodeId at, int l, int r);
  void AssignMismatchError(Pos pos, int l, int r, bool returnStmt, NodeId rhs0, bool call);
  void SwitchStmt(uint32_t ctxt, NodeId s);
  void TypeSwitchStmt(uint32_t ctxt, NodeId s, NodeId guard);
  void RangeStmt(uint32_t ctxt, NodeId s);
  // go/types labels: declares the body's labels and resolves branch targets, recording them in
  // Info defs/uses; reports label errors only if `report` (gc's parser reports them).
  void Labels(NodeId body, bool report);
  bool IsTerminating(NodeId s, const std::string& label);
  void OpAssign(NodeId s);
  void SuspendedCall(const char* keyword, NodeId call);
  void CaseValues(Operand* x, IdSpan<NodeId> values, std::vector<std::pair<Constant, TypeId>>* seen,
                  std::vector<Pos>* seen_pos);

  // ---- state
  Universe& u_;
  PkgId pkg_id_;
  Package& pkg_;
  const syntax::Ast& ast_;
  Info& info_;
  const SourceSet& sources_;
  std::function<PkgId(const std::string&)> import_fn_;
  DiagnosticSink& diags_;

  Environment env_;
  std::unordered_map<uint32_t, DeclInfo> decls_;      // package-level object -> decl
  std::vector<ObjId> obj_list_;                         // package-level objects in source order
  std::unordered_map<uint32_t, Color> colors_;
  std::vector<ObjId> obj_path_;
  std::unordered_map<uint32_t, size_t> obj_path_idx_;
  std::unordered_map<uint32_t, UntypedInfo> untyped_;
  std::vector<std::function<void()>> delayed_;
  std::vector<ScopeId> file_scopes_;
  std::vector<ObjId> imports_;  // PkgName objects, for unused import check
  std::unordered_set<uint32_t> used_pkg_names_;
  // (file scope, dot-imported object) -> the PkgName of the dot-import.
  std::unordered_map<uint64_t, ObjId> dot_import_uses_;
  std::unordered_map<uint32_t, std::vector<ObjId>> methods_;  // base TypeName -> methods
  std::unordered_map<uint32_t, TypeId> node_types_;  // cached types of shared type nodes
  std::unordered_map<std::string, ObjId> pkg_names_by_file_;
  std::unordered_set<uint32_t> name_rhs_;  // TypeNames declared as `type T U` (U a name)
  std::vector<std::pair<TypeId, TypeId>> deferred_underlying_;  // named -> rhs Named
  int lang_minor_ = -1;                                // package version (-lang); -1: none
  std::unordered_map<uint32_t, int> file_minor_;       // file index -> effective version
  std::unordered_map<uint32_t, int> file_declared_;    // file index -> //go:build version
  int depth_ = 0;  // recursion depth bound
  bool depth_reported_ = false;
  size_t error_count_ = 0;
  Pos last_error_pos_;
  std::string last_error_msg_;
  std::vector<Pos> reported_;
  std::unordered_set<uint64_t> reported_set_;
  ObjId iota_obj_;
  bool in_type_decl_rhs_ = false;
  // Labels per function.
  struct CallInfo {};
};

// Depth guard for recursive descent.
class DepthGuard {
 public:
  explicit DepthGuard(Checker* c) : c_(c) { ++c_->depth_; }
  ~DepthGuard() { --c_->depth_; }
  bool Exceeded() const { return c_->depth_ > kMaxDepth; }
  static constexpr int kMaxDepth = 2000;

 private:
  Checker* c_;
};

// Statement context bits (go/types stmtContext).
enum : uint32_t {
  kBreakOk = 1 << 0,
  kContinueOk = 1 << 1,
  kFallthroughOk = 1 << 2,
  kFinalSwitchCase = 1 << 3,
  kInTypeSwitch = 1 << 4,
};

// Mode set bits for Exclude.
constexpr uint32_t ModeBit(Mode m) { return 1u << static_cast<unsigned>(m); }

}  // namespace escapist::types
