// walk/iface_table.cpp -- the rows of `escapist table` (see iface_table.h): each data word of
// DataWords with its operand's known value and runtime/iface.go's allocation rule.
#include "walk/iface_table.h"

#include <bit>
#include <memory>
#include <unordered_map>

#include "ir/build.h"
#include "ir/expr.h"
#include "ir/reassign.h"

namespace escapist::walk {

using ir::Node;
using ir::NodeId;
using ir::Op;
using types::TypeKind;

namespace {

// The function each node of a compiled body belongs to (closures' bodies are their own).
std::unordered_map<uint32_t, ir::FuncId> NodeFuncs(const ir::Program& prog) {
  std::unordered_map<uint32_t, ir::FuncId> out;
  for (ir::FuncId f : prog.target_funcs) {
    std::vector<NodeId> work{prog.funcs.Get(f).body};
    while (!work.empty()) {
      NodeId id = work.back();
      work.pop_back();
      if (!id || !out.try_emplace(id.index(), f).second) continue;
      const Node& n = prog[id];
      if (n.op == Op::kClosure) continue;
      for (NodeId c : {n.x, n.y, n.z, n.w}) work.push_back(c);
      for (IdSpan<NodeId> s : {n.init, n.list, n.list2}) {
        for (uint32_t i = 0; i < s.count; ++i) work.push_back(prog.At(s, i));
      }
    }
  }
  return out;
}

// Whether `id` is a constant, nil, or a struct or array literal made only of such (gc's
// isStaticCompositeLiteral before order, without its FIPS exception).
bool IsConstValue(const ir::Program& prog, NodeId id, int depth = 0) {
  if (!id || depth > 100) return false;
  const Node& n = prog[id];
  switch (n.op) {
    case Op::kLiteral:
    case Op::kNil:
      return true;
    case Op::kStructLit:
    case Op::kArrayLit:
      for (NodeId e : prog.List(n.list)) {
        if (e && prog[e].op == Op::kKey) e = prog[e].y;
        if (e && prog[e].op == Op::kStructKey) e = prog[e].x;
        if (!IsConstValue(prog, e, depth + 1)) return false;
      }
      return true;
    default:
      return false;
  }
}

// A constant value in full: literals as gc prints them, composite literals with every element.
std::string ValueText(const ir::Program& prog, const types::Universe& u, NodeId id, int depth = 0) {
  const Node& n = prog[id];
  if (depth > 20) return "...";
  if (n.op == Op::kLiteral && depth > 0 && n.value && !n.obj) {
    // An element: its type is the literal's field or element type; print the bare value.
    using K = types::Constant::Kind;
    using B = types::BasicKind;
    K k = u.constants.Get(n.value).kind;
    B b = k == K::kBool      ? B::kUntypedBool
          : k == K::kString  ? B::kUntypedString
          : k == K::kFloat   ? B::kUntypedFloat
          : k == K::kComplex ? B::kUntypedComplex
                             : B::kUntypedInt;
    return types::ConstantString(u, n.value, u.Basic(b), prog.pkg);
  }
  if (n.op != Op::kStructLit && n.op != Op::kArrayLit) return ir::ExprString(prog, u, id);
  std::string out = types::TypeString(u, n.type, prog.pkg) + "{";
  bool first = true;
  for (NodeId e : prog.List(n.list)) {
    if (!first) out += ", ";
    first = false;
    if (e && prog[e].op == Op::kKey) {
      out += ValueText(prog, u, prog[e].x, depth + 1) + ": ";
      e = prog[e].y;
    }
    if (e && prog[e].op == Op::kStructKey) e = prog[e].x;
    out += e ? ValueText(prog, u, e, depth + 1) : "?";
  }
  return out + "}";
}

// The value a constant's bits have as the uintN argument of convT16/32/64 (walk/convert.go:
// integers convert, other kinds are reinterpreted through memory); nullopt if not computable.
std::optional<uint64_t> ConvTArg(const types::Universe& u, const types::Constant& c,
                                 types::TypeId t, int bits) {
  uint64_t mask = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  switch (c.kind) {
    case types::Constant::Kind::kBool:
      return c.b ? 1 : 0;
    case types::Constant::Kind::kInt: {
      mpz_class z = c.re.get_num();
      mpz_class m = z % (mpz_class(1) << 64);  // two's complement in 64 bits
      if (m < 0) m += mpz_class(1) << 64;
      uint64_t lo = 0;
      mpz_export(&lo, nullptr, -1, sizeof(lo), 0, 0, m.get_mpz_t());
      return lo & mask;
    }
    case types::Constant::Kind::kFloat: {
      int64_t size = types::SizeOf(u, t);
      double d = c.re.get_d();
      if (size == 4) return std::bit_cast<uint32_t>(static_cast<float>(d)) & mask;
      if (size == 8) return std::bit_cast<uint64_t>(d) & mask;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

int ConvTBits(const std::string& routine) {
  if (routine == "convT16") return 16;
  if (routine == "convT32") return 32;
  if (routine == "convT64") return 64;
  return 0;
}

RoutineCost ConvRoutineCost(const types::Universe& u, const std::string& routine,
                            types::TypeId from) {
  RoutineCost c;
  if (int bits = ConvTBits(routine)) {  // mallocgc(2/4/8, uintNType, false)
    c.when = IfaceConversion::Alloc::kIfAtLeast256;
    c.size = bits / 8;
  } else if (routine == "convTstring") {  // mallocgc(unsafe.Sizeof(val), stringType, true)
    c.when = IfaceConversion::Alloc::kIfNonEmpty;
    c.size = 16;
    c.noscan = false;
  } else if (routine == "convTslice") {  // mallocgc(unsafe.Sizeof(val), sliceType, true)
    c.when = IfaceConversion::Alloc::kIfNonNil;
    c.size = 24;
    c.noscan = false;
  } else {  // convTnoptr, convT: mallocgc(t.Size_, t, needzero)
    c.size = types::SizeOf(u, from);
    c.noscan = !types::HasPointers(u, from);
  }
  return c;
}

std::vector<IfaceConversion> IfaceConversions(const ir::Program& prog, const types::Universe& u,
                                              const escape::Result& esc) {
  std::vector<IfaceConversion> rows;
  std::unordered_map<uint32_t, ir::FuncId> funcs = NodeFuncs(prog);
  // One oracle per compiled function, as walk's analyzePreWalk builds it (Name.Addrtaken after
  // escape analysis, which sets it on variables captured by reference).
  std::unordered_map<uint32_t, std::unique_ptr<ir::ReassignOracle>> oracles;
  auto Oracle = [&](ir::FuncId f) -> const ir::ReassignOracle& {
    std::unique_ptr<ir::ReassignOracle>& o = oracles[f.index()];
    if (!o) {
      o = std::make_unique<ir::ReassignOracle>(prog, u, f, [&](ir::VarId v) {
        ir::VarId c = ir::Canonical(prog, v);
        return prog.vars.Get(v).addrtaken || prog.vars.Get(c).addrtaken || esc.byval.Get(c) == 2;
      });
    }
    return *o;
  };
  for (const DataWord& w : DataWords(prog, u, esc)) {
    IfaceConversion r;
    r.word = w;
    const Node& conv = prog[w.conv];
    r.to = conv.type;
    r.from = prog[conv.x].type;
    r.pos = conv.pos;
    r.inl = conv.inl;
    if (auto it = funcs.find(w.conv.index()); it != funcs.end()) r.func = it->second;

    // The operand's value: the constant rewriteWithLiterals put in, the operand itself if
    // constant, or for a variable that order replaced by a static (its static value), the
    // variable's defining value.
    NodeId x = conv.x;
    while (x && prog[x].op == Op::kInlCall && prog[x].list2.count == 1)
      x = prog.At(prog[x].list2, 0);
    r.operand_text = ir::ExprString(prog, u, conv.x);
    NodeId value;
    bool through_var = false;
    NodeId sv = r.func ? Oracle(r.func).StaticValue(x) : x;
    if (NodeId lit = esc.literal_operand.Get(w.conv)) {
      value = lit;
      through_var = true;
    } else if (IsConstValue(prog, x)) {
      value = x;
    } else if (sv && sv != x && IsConstValue(prog, sv)) {
      // A local defined once from a constant and never reassigned (ReassignOracle.StaticValue).
      value = sv;
      through_var = true;
    } else if ((w.kind == DataWord::Kind::kStatic || w.kind == DataWord::Kind::kZeroValue) &&
               prog[x].op == Op::kName && prog[x].var) {
      // addrTemp's staticValue: a variable assigned once, from a constant composite literal.
      NodeId defn = prog.vars.Get(prog[x].var).defn;
      if (defn && prog[defn].op == Op::kAs && IsConstValue(prog, prog[defn].y)) {
        value = prog[defn].y;
      }
      through_var = true;
    }
    if (value || through_var) {
      bool zero = value ? ir::IsZero(prog, u, value) : w.kind == DataWord::Kind::kZeroValue;
      r.operand =
          zero ? IfaceConversion::Operand::kConstZero : IfaceConversion::Operand::kConstNonZero;
      if (value && through_var) r.value_text = ValueText(prog, u, value);
      if (value && !through_var) r.operand_text = ValueText(prog, u, value);
    }

    if (w.kind != DataWord::Kind::kRuntime) {
      rows.push_back(std::move(r));
      continue;
    }
    // runtime/iface.go: what the routine does with the value.
    int64_t size = types::SizeOf(u, r.from);
    if (size <= 0) {
      r.alloc = IfaceConversion::Alloc::kUnknown;
      r.unknown_reason = "the size of " + types::TypeString(u, r.from, prog.pkg) + " is not known";
      rows.push_back(std::move(r));
      continue;
    }
    // The constant the routine receives: through single-element struct and array literals
    // (the routine's argument is the sole component's value).
    NodeId scalar = value;
    while (scalar && (prog[scalar].op == Op::kStructLit || prog[scalar].op == Op::kArrayLit) &&
           prog[scalar].list.count == 1) {
      NodeId e = prog.At(prog[scalar].list, 0);
      if (e && prog[e].op == Op::kKey) e = prog[e].y;
      if (e && prog[e].op == Op::kStructKey) e = prog[e].x;
      scalar = e;
    }
    const types::Constant* c = nullptr;
    if (scalar && prog[scalar].op == Op::kLiteral && prog[scalar].value) {
      c = &u.constants.Get(prog[scalar].value);
    }
    RoutineCost cost = ConvRoutineCost(u, w.routine, r.from);
    r.alloc = cost.when;
    r.malloc_size = cost.size;
    r.malloc_noscan = cost.noscan;
    if (int bits = ConvTBits(w.routine)) {
      types::TypeId t = r.from;
      for (int guard = 0; guard < 100; ++guard) {  // types.Type.SoleComponent
        const types::Type& ut = u.Get(types::Underlying(u, t));
        if (ut.kind == TypeKind::kStruct && ut.fields.size() == 1) {
          t = u.Obj(ut.fields[0]).type;
        } else if (ut.kind == TypeKind::kArray && ut.len == 1) {
          t = ut.elem;
        } else {
          break;
        }
      }
      r.integer_arg = types::IsInteger(u, t);
      if (c != nullptr) {
        if (std::optional<uint64_t> arg = ConvTArg(u, *c, r.from, bits)) r.allocates = *arg >= 256;
      }
    } else if (w.routine == "convTstring") {
      if (c != nullptr && c->kind == types::Constant::Kind::kString) r.allocates = !c->s.empty();
    } else if (w.routine == "convTslice") {
      if (scalar && prog[scalar].op == Op::kNil) r.allocates = false;
      if (x && prog[x].op == Op::kSliceLit) r.allocates = true;  // a literal's array is never nil
    } else {  // convTnoptr, convT
      if (value) r.allocates = true;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace escapist::walk
