// walk/internal.h -- state shared by walk's files (not for other phases): the package-wide
// static-temporary counter and, per compiled function, order.go's and walk's decisions about
// interface conversions and composite literals (convert.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/reassign.h"
#include "walk/walk.h"

namespace escapist::walk::internal {

using ir::FuncId;
using ir::NodeId;
using ir::VarId;
using types::TypeId;

// What walk keeps in gc's package-level variables while compiling one package.
struct Package {
  Package(const ir::Program& p, const types::Universe& uni, const escape::Result& e);
  const ir::Program& prog;
  const types::Universe& u;
  const escape::Result& esc;
  // staticinit.statuniqgen: the next `.stmp_N`, counted from the package initializers' ones.
  int32_t statuniqgen = 0;
  // obj.Link.IsFIPS: no static data with relocations (crypto/internal/fips140/...).
  bool fips = false;
  // staticinit.StaticName: a new static temporary's name.
  std::string StaticName() { return ".stmp_" + std::to_string(statuniqgen++); }
};

// An expression as order.go leaves it: unchanged (`node`, possibly an inlined call's result
// variable or the constant rewriteWithLiterals put in), or replaced by a static `.stmp_N`, by
// runtime.zeroVal, or by a copy in a temporary `.autotmp_N`.
struct Ordered {
  enum class Kind : uint8_t { kNode, kStatic, kZeroVal, kTemp } kind = Kind::kNode;
  NodeId node;       // kNode
  std::string name;  // kStatic, kTemp
  TypeId type;       // the expression's type
  Pos pos;           // kStatic, kTemp: base.Pos when it was made
  uint32_t inl = 0;
};

// One function being compiled: order.go's pass over it (Order), then walk's (Walk*), as
// walk.Walk runs them. Not modelled: static temporaries of -d=libfuzzer counters; the effect of
// -N (no switch lookup tables); order's temporaries other than those of calls and builtins, &&
// and ||, receives, appends, slicing, type assertions, multi-value call results and addrTemp
// copies (not: parallel assignments, range, select, transient closures and slice literals, long
// concatenations), and walk's own other than composite literals'; so a `.autotmp_N` number is
// approximate.
class Func {
 public:
  Func(Package& pkg, FuncId fn);

  // order.go over the whole body.
  void Order();
  // walk's dataWord for OCONVIFACE `conv` (after its operand was walked); nullopt for an
  // interface operand.
  std::optional<DataWord> WalkConv(NodeId conv);
  // How walk meets a composite literal: as an expression (walkCompLit: anylit into a new
  // temporary), as the right side of an assignment to a stack variable that oaslit accepts
  // (anylit into that variable), or under & (anylit of OPTRLIT: into the new object).
  enum class LitCtx : uint8_t { kExpr, kSimpleLhs, kPtr };
  // walk's handling of composite literal `lit` met in walk order (walkCompLit, anylit, slicelit,
  // maplit; complit.go): the static temporaries it makes.
  void WalkCompLit(NodeId lit, LitCtx ctx);
  // What order did to expression `x` as an operand it had to make addressable (of a conversion,
  // a send, a comparison, a map index): kNode if it left it, else kStatic or kZeroVal (walk no
  // longer sees it) or kTemp (walk sees it as the right side of `tmp = x`).
  Ordered::Kind Replaced(NodeId x) const;
  // walk.tryLookupTable for expression switch `sw` (switch.go): an integer switch in a function
  // with one result, whose cases `return` constants, gets a read-only lookup table (and, for a
  // sparse table of more than 64 entries, a mask).
  void WalkSwitch(NodeId sw);
  // Whether `lhs = rhs` (OAS) is walked by oaslit: rhs a struct, array, slice or map literal
  // of lhs's type, lhs a variable on the stack, not address-taken, not used in rhs.
  bool OasLit(NodeId lhs, NodeId rhs) const;
  // OasLit for an assignment to variable `v` (a result, as walkReturn assigns them).
  bool OasLitVar(VarId v, NodeId rhs) const;
  // The function's results, in order.
  const std::vector<VarId>& Results() const { return pkg_.prog.funcs.Get(fn_).results; }

 private:
  const ir::Node& N(NodeId id) const { return pkg_.prog[id]; }
  const ir::Var& V(VarId v) const { return pkg_.prog.vars.Get(v); }
  bool Addrtaken(VarId v) const;
  // `assigned`: `id` is the right side of `name = id`, or a call evaluated for effect (order
  // copies a call's result into a temporary otherwise).
  void OrderVisit(NodeId id, bool assigned = false);
  Ordered OrderOperand(NodeId x);
  Ordered AddrTemp(Ordered n, Pos pos, uint32_t inl, const Ordered& static_value);
  void OrderAddrTemp(NodeId x, Pos pos, uint32_t inl);
  void MapKeyTemp(NodeId map, NodeId key, Pos pos, uint32_t inl);
  Ordered NewTemp(TypeId t, Pos pos, uint32_t inl);
  void PopTemps(size_t mark);
  void FixedLit(NodeId lit);
  void SliceLit(NodeId lit);
  void MapLit(NodeId lit);
  void LitElem(NodeId value);
  std::string Text(const Ordered& o, Pos* pos, uint32_t* inl) const;

  Package& pkg_;
  FuncId fn_;
  ir::ReassignOracle oracle_;  // analyzePreWalk's ReassignOracle of this function alone
  std::unordered_map<uint32_t, Ordered> conv_;      // OCONVIFACE -> its operand after order
  std::unordered_map<uint32_t, Ordered::Kind> replaced_;  // operand -> what order made of it
  std::unordered_map<uint32_t, std::string> lit_temp_;   // literal -> walkCompLit's temporary
  std::unordered_map<uint32_t, uint32_t> var_inl_;  // variable -> the inlined call declaring it
  // order's temporaries: the next .autotmp_N, those in use, and those free by type.
  uint32_t next_temp_ = 0;
  struct Temp {
    std::string key;  // LinkString of its type
    Ordered temp;     // name, type and position (where it was first made)
  };
  std::vector<Temp> temps_;
  std::unordered_map<std::string, std::vector<Ordered>> free_;
  std::unordered_map<uint32_t, Ordered> expr_temp_;  // expression -> the temporary holding it
};

// Small type predicates of walk (gc's types and ssa packages).
bool CanSSA(const types::Universe& u, TypeId t);

}  // namespace escapist::walk::internal
