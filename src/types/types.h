// types/types.h -- Go types, objects and constants, as go/types and cmd/compile/internal/types2
// model them, stored in one program-wide `Universe` so that packages share them.
//
// A Type is a node in a Store addressed by TypeId; an Object (package name, constant, type name,
// variable, function, label, builtin, nil) is addressed by ObjId. Identical composite types are
// not necessarily the same TypeId: use Identical(). Named types, type parameters and basic types
// are unique. Sizes and alignments are gc's for linux/amd64 (types/size.go CalcSize).
//
// Example: `type P struct{ x, y int }; var p *P` gives
//   Named(obj=TypeName "P", underlying=Struct(fields=[Var x int, Var y int]))
//   Var "p" of Pointer(elem=that Named)
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/id.h"
#include "base/source.h"
#include "syntax/ast.h"

namespace escapist::types {

using TypeId = Id<struct TypeTag>;
using ObjId = Id<struct ObjTag>;
using PkgId = Id<struct PkgTag>;
using ScopeId = Id<struct ScopeTag>;

enum class TypeKind : uint8_t {
  kInvalid,
  kBasic,
  kPointer,    // elem
  kSlice,      // elem
  kArray,      // elem, len
  kMap,        // key, elem
  kChan,       // elem, dir
  kSignature,  // params, results (Tuples), variadic, recv, type_params
  kStruct,     // fields, tags
  kInterface,  // methods, embeddeds; computed: all_methods, terms
  kNamed,      // obj, underlying, methods, targs, origin
  kTypeParam,  // obj, index, constraint
  kTuple,      // vars
  kUnion,      // terms (in constraints)
};

enum class BasicKind : uint8_t {
  kInvalid,
  kBool,
  kInt,
  kInt8,
  kInt16,
  kInt32,
  kInt64,
  kUint,
  kUint8,
  kUint16,
  kUint32,
  kUint64,
  kUintptr,
  kFloat32,
  kFloat64,
  kComplex64,
  kComplex128,
  kString,
  kUnsafePointer,
  kUntypedBool,
  kUntypedInt,
  kUntypedRune,
  kUntypedFloat,
  kUntypedComplex,
  kUntypedString,
  kUntypedNil,
};

enum class ChanDir : uint8_t { kBoth, kSend, kRecv };

// One term of a union or type set: ~T (tilde) or T.
struct Term {
  bool tilde = false;
  TypeId type;
};

struct Type {
  TypeKind kind = TypeKind::kInvalid;
  BasicKind basic = BasicKind::kInvalid;  // kBasic
  TypeId elem;                            // Pointer, Slice, Array, Map (value), Chan
  TypeId key;                             // Map
  int64_t len = -1;                       // Array; -1 while unknown (error)
  ChanDir dir = ChanDir::kBoth;           // Chan
  // kSignature
  TypeId params;   // Tuple (never none for a signature)
  TypeId results;  // Tuple
  bool variadic = false;          // the last param has type []T, declared ...T
  ObjId recv;                     // receiver Var for methods; none otherwise
  std::vector<TypeId> type_params;  // TypeParams of a generic function or method
  std::vector<TypeId> recv_type_params;  // method of a generic type: the receiver's TypeParams
  // kStruct
  std::vector<ObjId> fields;      // Vars with is_field; embedded fields have `embedded`
  std::vector<std::string> tags;  // parallel to fields; "" when none
  // kInterface
  std::vector<ObjId> methods;      // explicitly declared methods (Funcs)
  std::vector<TypeId> embeddeds;   // embedded elements (interfaces, unions, other types)
  std::vector<ObjId> all_methods;  // complete method set, sorted by name (computed)
  std::vector<Term> terms;         // type set terms; empty = all types (computed)
  bool is_comparable = false;      // embeds `comparable` (directly or not)
  bool complete = false;           // all_methods/terms computed
  bool empty_typeset = false;      // the type set is empty (terms is empty but means none)
  bool implicit = false;  // constraint T written without interface{}: interface{T} (go/types
                          // Interface.IsImplicit)
  // kNamed / kTypeParam
  ObjId obj;                        // the TypeName
  TypeId underlying;                // Named: resolved underlying (never a Named); TypeParam: none
  std::vector<ObjId> named_methods;  // Named: declared methods (Funcs), in source order
  std::vector<TypeId> targs;        // Named instance: type arguments
  TypeId origin;                    // Named instance: the generic Named; else none
  std::vector<TypeId> named_tparams;  // generic Named: its TypeParams
  uint32_t index = 0;               // TypeParam: index in its list
  TypeId constraint;                // TypeParam: the constraint interface
  // kTuple
  std::vector<ObjId> vars;
  // kUnion: terms (above)
};

enum class ObjKind : uint8_t { kBad, kPkgName, kConst, kTypeName, kVar, kFunc, kLabel, kBuiltin, kNil };

// Where a variable lives, from the declaration that made it.
enum class VarKind : uint8_t { kLocal, kParam, kResult, kRecv, kField, kPackage };

// Built-in functions (spec "Built-in functions") and package unsafe's functions.
enum class BuiltinId : uint8_t {
  kAppend, kCap, kClear, kClose, kComplex, kCopy, kDelete, kImag, kLen, kMake, kMax, kMin, kNew,
  kPanic, kPrint, kPrintln, kReal, kRecover,
  // unsafe
  kAdd, kAlignof, kOffsetof, kSizeof, kSlice, kSliceData, kString, kStringData,
};

using ConstId = Id<struct ConstTag>;

struct Object {
  ObjKind kind = ObjKind::kBad;
  std::string name;
  Pos pos;       // the declaring identifier
  PkgId pkg;     // none for universe objects
  TypeId type;   // Func: its Signature; TypeName: the Named/alias target; Var: its type
  ScopeId parent;  // the scope declaring it (none for fields, methods)
  // kVar
  VarKind var_kind = VarKind::kLocal;
  bool embedded = false;  // embedded struct field
  bool used = false;
  // kConst
  ConstId value;
  // kTypeName
  bool is_alias = false;
  // kFunc
  bool has_body = false;
  uint32_t pragmas = 0;      // syntax::Pragma bits
  ObjId method_of;           // for methods: the receiver base TypeName; none otherwise
  bool ptr_recv = false;     // method with a pointer receiver
  std::string linkname;      // //go:linkname target, if any
  // kBuiltin
  BuiltinId builtin = BuiltinId::kAppend;
  // kPkgName
  PkgId imported;
  // Declaring syntax: for Func, the FuncDecl; for package-level Var/Const/TypeName, the spec; for
  // locals/params/fields, the Name node. Nodes belong to `decl_pkg`'s Ast.
  syntax::NodeId decl;
  PkgId decl_pkg;
};

// A constant value (go/constant): bool, string, or an exact number. Integers and rationals are
// exact (GMP); values too large or not representable as rationals (e.g. 1e1000000) are kept as
// rationals too; unknown marks an erroneous constant.
struct Constant {
  enum class Kind : uint8_t { kUnknown, kBool, kString, kInt, kFloat, kComplex } kind = Kind::kUnknown;
  bool b = false;
  std::string s;
  mpq_class re;  // kInt (denominator 1), kFloat, kComplex real part
  mpq_class im;  // kComplex imaginary part
};

// A lexical scope (universe, package, file, function, block).
struct Scope {
  ScopeId parent;
  std::unordered_map<std::string, ObjId> names;
  Pos pos, end;
  bool is_func = false;  // a function's outermost scope
};

// How an identifier or expression was resolved (go/types Selection).
struct Selection {
  enum class Kind : uint8_t { kNone, kFieldVal, kMethodVal, kMethodExpr } kind = Kind::kNone;
  TypeId recv;                 // type of x in x.f
  ObjId obj;                   // the field Var or method Func
  std::vector<uint32_t> path;  // field indices through embedded fields; last = obj's index
  bool indirect = false;       // a pointer indirection is needed to reach obj
};

// The mode of an operand (go/types operandMode).
enum class Mode : uint8_t {
  kInvalid,
  kNoValue,   // a call without results
  kBuiltin,   // a built-in function name
  kTypeExpr,  // a type
  kConstant,  // a constant (value in TypeAndValue::value)
  kVariable,  // an addressable value
  kMapIndex,  // m[k]
  kValue,     // any other value
  kCommaOk,   // a value that may be used as v, ok (map index, assertion, receive)
};

struct TypeAndValue {
  Mode mode = Mode::kInvalid;
  TypeId type;    // for untyped constants: the final (default or context) type go/types records
  ConstId value;  // kConstant only
};

// What the checker learned about one package's syntax (go/types Info). Keys are nodes of the
// package's Ast.
struct Info {
  SideTable<syntax::NodeId, TypeAndValue> types;   // every expression (incl. type expressions)
  SideTable<syntax::NodeId, ObjId> defs;           // Name nodes that declare an object
  SideTable<syntax::NodeId, ObjId> uses;           // Name nodes that denote an object
  // CaseClause of a type switch with a bound variable -> that clause's implicit Var; unnamed
  // ImportSpec -> its PkgName; embedded Field -> its field Var.
  SparseSideTable<syntax::NodeId, ObjId> implicits;
  SparseSideTable<syntax::NodeId, Selection> selections;  // Selector nodes other than qualified idents
  // Name/Selector/Index nodes denoting an instantiated generic function or type -> type args.
  SparseSideTable<syntax::NodeId, std::vector<TypeId>> instances;
  SideTable<syntax::NodeId, ScopeId> scopes;  // File, FuncType, Block, If/For/Switch, clauses
  // Declared package-level functions and methods with their FuncDecl, in source order.
  std::vector<ObjId> funcs;
  // Package-level variables in initialization order (go/types InitOrder, simplified).
  std::vector<ObjId> package_vars;
};

struct Package {
  std::string path;  // import path ("fmt", "example.com/m/lab"); "main" packages keep their path
  std::string name;
  std::string dir;   // directory holding the files
  ScopeId scope;
  std::vector<PkgId> imports;
  syntax::Ast ast;   // every file's syntax
  Info info;
  bool checked = false;
  bool has_errors = false;
  bool fake = false;  // could not be loaded; members are unknown
  std::string go_version;  // language version, e.g. "go1.27"
  // gc's -complete / -std / -+ for this package (LoadOptions; command-line packages only).
  bool complete = false;
  bool std = false;
  bool compiling_runtime = false;
};

// Every type, object, constant, scope and package of one run.
class Universe {
 public:
  Universe();  // creates the universe scope, basic types, builtins, package unsafe

  Store<TypeId, Type> types;
  Store<ObjId, Object> objects;
  Store<ConstId, Constant> constants;
  // NewConstant's interned booleans and integers that fit in int64: constants are never changed
  // once made, and most of std's (0, 1, small literals) repeat.
  std::unordered_map<int64_t, ConstId> small_int_constants;
  ConstId bool_constants[2];
  Store<ScopeId, Scope> scopes;
  Store<PkgId, std::unique_ptr<Package>> packages;

  ScopeId universe_scope;
  PkgId unsafe_pkg;
  TypeId invalid_type;
  TypeId Basic(BasicKind kind) const { return basic_[static_cast<int>(kind)]; }
  TypeId error_type;       // the predeclared `error` Named
  TypeId comparable_type;  // the predeclared `comparable` Named
  TypeId any_type;         // alias target of `any`: interface{}
  TypeId empty_interface;  // another interface{}, spelled so (go/types emptyInterface: the
                           // parameter of panic, the result of recover)
  TypeId byte_type;        // `byte`: identical to uint8 but spelled byte (types2 keeps aliases)
  TypeId rune_type;        // `rune`: identical to int32 but spelled rune
  TypeId empty_tuple;      // the Tuple of no variables, shared by every NewTuple({})

  // Checker-private caches (instances, interface type sets); opaque to clients.
  std::shared_ptr<void> impl;

  // Constructors for composite types (each returns a fresh or cached TypeId).
  TypeId NewPointer(TypeId elem);
  TypeId NewSlice(TypeId elem);
  TypeId NewArray(TypeId elem, int64_t len);
  TypeId NewMap(TypeId key, TypeId elem);
  TypeId NewChan(TypeId elem, ChanDir dir);
  TypeId NewTuple(std::vector<ObjId> vars);  // vars empty: one shared empty tuple (immutable)
  TypeId NewType(Type t);  // any other kind
  ObjId NewObject(Object obj);
  ConstId NewConstant(Constant c);  // shared for bools and int64-range integers (immutable)
  ScopeId NewScope(ScopeId parent);

  const Type& Get(TypeId id) const { return types.Get(id); }
  const Object& Obj(ObjId id) const { return objects.Get(id); }
  Package& Pkg(PkgId id) { return *packages.Get(id); }
  const Package& Pkg(PkgId id) const { return *packages.Get(id); }

  // Finds `name` in `scope` or its parents; none if absent.
  ObjId Lookup(ScopeId scope, const std::string& name) const;

 private:
  std::vector<TypeId> basic_;
  std::unordered_map<uint32_t, TypeId> pointer_cache_, slice_cache_;
};

// ---- queries (types/predicates.cpp, types/sizes.cpp, types/typestring.cpp)

// The underlying type (spec "Underlying types"); Named -> its underlying (instances are expanded
// on demand), TypeParam -> its constraint's underlying interface (as go/types under()), else
// itself.
TypeId Underlying(const Universe& u, TypeId t);
// The core type (spec 1.18-1.24 "Core types"), none if there is none.
TypeId CoreType(const Universe& u, TypeId t);
bool Identical(const Universe& u, TypeId a, TypeId b);
bool IsInterface(const Universe& u, TypeId t);
bool IsTypeParam(const Universe& u, TypeId t);
bool IsUntyped(const Universe& u, TypeId t);
bool IsString(const Universe& u, TypeId t);  // underlying string (typed or untyped)
bool IsInteger(const Universe& u, TypeId t);
bool IsPointer(const Universe& u, TypeId t);  // underlying *T
// Whether values of type `v` are assignable to type `t` (spec "Assignability"), ignoring
// untyped constant representability.
bool AssignableTo(const Universe& u, TypeId v, TypeId t);
// Whether type t implements interface `iface`.
bool Implements(const Universe& u, TypeId t, TypeId iface);
// Default type of an untyped type (spec "Constants"): untyped int -> int, etc.
TypeId DefaultType(const Universe& u, TypeId t);

// gc's size and alignment on linux/amd64, in bytes (types/size.go CalcSize).
int64_t SizeOf(const Universe& u, TypeId t);
int64_t AlignOf(const Universe& u, TypeId t);
// Byte offset of field `index` of struct type `t` (underlying struct).
int64_t FieldOffset(const Universe& u, TypeId t, uint32_t index);
// Whether values of `t` contain pointers (types.PtrDataSize(t) != 0).
bool HasPointers(const Universe& u, TypeId t);
// gc's types.PtrDataSize: the length in bytes of the prefix of a `t` value that holds pointers
// (0 if none); a type parameter counts as its core type.
int64_t PtrDataSize(const Universe& u, TypeId t);
// gc's types.IsDirectIface: `t` is pointer-shaped (size and pointer prefix both one word), so an
// interface holds a `t` value in its data word itself.
bool IsDirectIface(const Universe& u, TypeId t);

// Method lookup (go/types LookupFieldOrMethod): finds field or method `name` of type `t`
// (addressable: whether x is addressable, for pointer methods). Returns the object and fills
// `sel` (path, indirect); none if not found.
ObjId LookupFieldOrMethod(const Universe& u, TypeId t, bool addressable, PkgId pkg,
                          const std::string& name, Selection* sel);

// The type as gc's -m output prints it (types/fmt.go tconv with the package-local qualifier):
// `*T`, `[]int`, `map[string]*int`, `struct { x int; y int }`, `func(int) string`, `pkg.T` for
// types of other packages than `local`, `interface {}`, `any` for the alias.
std::string TypeString(const Universe& u, TypeId t, PkgId local);

// Whether an identifier is exported (spec "Exported identifiers": upper-case first letter).
bool IsExported(const std::string& name);

// gc's Type.LinkString (types/fmt.go tconv in fmtTypeID mode): the spelling that names symbols
// and shape types. Named types are qualified by their package's symbol prefix (the import path,
// "main" packages included), unexported field and method names too; `any`, `byte` and `rune`
// collapse to `interface {}`, `uint8`, `int32`: `*internal/abi.Type`, `struct { X *int; p.y int
// }`, `func(int, string) (bool, error)`.
std::string LinkString(const Universe& u, TypeId t);

// ---- generics (types/check_generic.cpp, go/types subst.go, instantiate.go, named.go)

// A substitution of type parameters by type arguments.
struct SubstMap {
  std::vector<TypeId> from;
  std::vector<TypeId> to;
  bool empty() const { return from.empty(); }
  TypeId Lookup(TypeId t) const;
};
TypeId Subst(Universe& u, TypeId t, const SubstMap& m);
// Instantiates generic Named `orig` with `targs` (cached; identical targs give the same id).
TypeId InstantiateNamed(Universe& u, TypeId orig, const std::vector<TypeId>& targs);
// Instantiates a generic signature (type_params cleared).
TypeId InstantiateSignature(Universe& u, TypeId sig, const std::vector<TypeId>& targs);
// Fills in the underlying type of an instance once its origin is resolved; returns it.
TypeId ExpandNamed(const Universe& u, TypeId inst);
// The i-th method of Named t (instantiating it for instances).
ObjId NamedMethod(const Universe& u, TypeId named, size_t i);
size_t NamedMethodCount(const Universe& u, TypeId named);

// ---- shape types (types/shape.cpp)

// The path and name of gc's types.ShapePkg, whose types print as `go.shape.int`.
inline constexpr const char* kShapePkgPath = "go.shape";

// noder.Shapify: the shape type that stands for type argument `targ` in a shaped instantiation:
// a Named type of package go.shape whose name is the LinkString of targ's underlying type and
// whose underlying type is that type (`go.shape.int`, `go.shape.[]uint8`, `go.shape.*p.T`). A
// pointer argument of a type parameter whose constraint is a basic interface (`basic`: types2
// Interface.IsMethodSet) shares one shape, `go.shape.*uint8`. Shapes are interned by name; a
// shape is its own shape.
TypeId Shapify(Universe& u, TypeId targ, bool basic);
// Whether t is a shape type.
bool IsShape(const Universe& u, TypeId t);
// types2's Interface.IsMethodSet for a type parameter's constraint: its type set is fully
// described by its methods (no type terms, not comparable).
bool IsMethodSetConstraint(const Universe& u, TypeId constraint);
// Whether t mentions a type parameter anywhere (gc's "derived" types of a generic body).
bool MentionsTypeParam(const Universe& u, TypeId t);
// Whether t mentions a type parameter or a shape type anywhere (not a concrete type).
bool MentionsTypeParamOrShape(const Universe& u, TypeId t);

// go/constant formatting of a constant of type `t` as gc's -m prints a literal (ir/fmt.go):
// `5`, `1.5`, `"a\tb"`, `true`, `'a'`, `(1 + 2i)`; non-default types as `MyInt(3)`.
std::string ConstantString(const Universe& u, ConstId c, TypeId t, PkgId local);

}  // namespace escapist::types
