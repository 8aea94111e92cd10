// cost/predict.cpp -- the benchmark interpreter: runs the IR of a benchmark's loop body and its
// callees over abstract values, counting the heap allocations escape analysis and walk leave.
#include "cost/predict.h"

#include <fmt/format.h>
#include <mpfr.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "cost/asm.h"
#include "cost/slice_pass.h"
#include "cost/swiss_map.h"
#include "syntax/scanner.h"
#include "walk/iface_table.h"
#include "walk/walk.h"

namespace escapist::cost {
namespace {

using ir::FuncId;
using ir::NodeId;
using ir::Op;
using ir::VarId;
using types::BasicKind;
using types::ObjId;
using types::TypeId;
using types::TypeKind;

// Why a prediction stops: escapist cannot tell (the reason is reported, never guessed).
struct Unknowable {
  std::string reason;
  Pos pos;
};

// The path followed panics: a benchmark that completes does not take it.
struct Panicked : Unknowable {};

// The measured iteration is complete.
struct Done {};

// An abstract value.
struct Val {
  enum class K : uint8_t { kUnknown, kInt, kBool, kStr, kNil, kPtr, kIface, kSlice, kFunc, kAgg, kFloat };
  K k = K::kUnknown;
  bool persist = false;       // read from memory that outlives one iteration
  bool stack_buf = false;     // kSlice: backed by the function's 32-byte append buffer
  int64_t i = 0;              // kInt (two's complement bits), kBool
  double d = 0;               // kFloat (a float32's value is exactly representable)
  std::string s;              // kStr
  int obj = -1;               // kPtr, kSlice: memory object (-1: unknown backing array)
  std::vector<int64_t> path;  // kPtr: indices from the object's root; kSlice: to its array
  int64_t off = 0, len = -1, cap = -1;  // kSlice (-1: unknown)
  TypeId type;                          // kIface: the dynamic type
  std::vector<Val> elems;               // kAgg: fields or elements; kIface: {payload}
  const Code* code = nullptr;           // kFunc
  FuncId fn;                            // kFunc: a function of `code`
  std::vector<int> captures;            // kFunc: memory objects of the closure's captured variables

  static Val Unknown(bool persist = false) {
    Val v;
    v.persist = persist;
    return v;
  }
  static Val Int(int64_t x) {
    Val v;
    v.k = K::kInt;
    v.i = x;
    return v;
  }
  static Val Bool(bool b) {
    Val v;
    v.k = K::kBool;
    v.i = b;
    return v;
  }
  static Val Str(std::string s) {
    Val v;
    v.k = K::kStr;
    v.s = std::move(s);
    return v;
  }
  static Val Float(double x) {
    Val v;
    v.k = K::kFloat;
    v.d = x;
    return v;
  }
  static Val Nil() {
    Val v;
    v.k = K::kNil;
    return v;
  }
  bool known() const { return k != K::kUnknown; }
  bool operator==(const Val& o) const {
    if (k != o.k) return false;
    switch (k) {
      case K::kUnknown:
        return false;
      case K::kInt:
      case K::kBool:
        return i == o.i;
      case K::kStr:
        return s == o.s;
      case K::kFloat:
        return std::memcmp(&d, &o.d, sizeof d) == 0;
      case K::kNil:
        return true;
      case K::kPtr:
        return obj == o.obj && path == o.path;
      case K::kIface:
        return type == o.type && elems == o.elems;
      case K::kSlice:
        return obj == o.obj && path == o.path && off == o.off && len == o.len && cap == o.cap &&
               stack_buf == o.stack_buf;
      case K::kFunc:
        return code == o.code && fn == o.fn && captures == o.captures;
      case K::kAgg:
        return elems == o.elems;
    }
    return false;
  }
};

std::vector<int32_t> DecodeRunes(const std::string& s);

// float32(d) with IEEE rounding: beyond the largest float32 plus half an ulp the result is an
// infinity (a plain cast out of range is undefined in C++).
double ToFloat32(double d) {
  if (std::isnan(d)) return d;
  constexpr double kLimit = 3.4028235677973366e38;  // FLT_MAX + ulp/2: rounds to +Inf
  if (d >= kLimit) return HUGE_VAL;
  if (d <= -kLimit) return -HUGE_VAL;
  return static_cast<float>(d);
}

// Go's fmtEFG (internal/strconv/ftoa.go) from decimal digits `d` (no leading zeros, trailing
// zeros trimmed) and decimal point position `dp`: the 'e', 'E', 'f', 'g', 'G' formats.
std::string FmtEFG(bool neg, const std::string& d, int dp, int prec, char fmt, bool shortest) {
  int nd = static_cast<int>(d.size());
  if (fmt == 'g' || fmt == 'G') {
    int eprec = prec;
    if (eprec > nd && nd >= dp) eprec = nd;
    if (shortest) eprec = 6;
    int exp = dp - 1;
    if (exp < -4 || exp >= eprec) {
      if (prec > nd) prec = nd;
      --prec;
      fmt = static_cast<char>(fmt + 'e' - 'g');
    } else {
      if (prec > dp) prec = nd;
      prec = std::max(prec - dp, 0);
      fmt = 'f';
    }
  }
  std::string out;
  if (neg) out.push_back('-');
  if (fmt == 'e' || fmt == 'E') {
    out.push_back(nd != 0 ? d[0] : '0');
    if (prec > 0) {
      out.push_back('.');
      int i = 1;
      int m = std::min(nd, prec + 1);
      if (i < m) {
        out.append(d, 1, static_cast<size_t>(m - 1));
        i = m;
      }
      for (; i < prec + 1; ++i) out.push_back('0');
    }
    out.push_back(fmt);
    int exp = nd == 0 ? 0 : dp - 1;
    out.push_back(exp < 0 ? '-' : '+');
    if (exp < 0) exp = -exp;
    if (exp < 10) {
      out.push_back('0');
      out.push_back(static_cast<char>('0' + exp));
    } else if (exp < 100) {
      out.push_back(static_cast<char>('0' + exp / 10));
      out.push_back(static_cast<char>('0' + exp % 10));
    } else {
      out.push_back(static_cast<char>('0' + exp / 100));
      out.push_back(static_cast<char>('0' + exp / 10 % 10));
      out.push_back(static_cast<char>('0' + exp % 10));
    }
    return out;
  }
  // 'f'
  if (dp > 0) {
    int m = std::min(nd, dp);
    out.append(d, 0, static_cast<size_t>(m));
    for (; m < dp; ++m) out.push_back('0');
  } else {
    out.push_back('0');
  }
  if (prec > 0) {
    out.push_back('.');
    for (int i = 1; i <= prec; ++i) {
      int j = dp + i - 1;
      out.push_back(j >= 0 && j < nd ? d[static_cast<size_t>(j)] : '0');
    }
  }
  return out;
}

// strconv.FormatFloat(v, fmt, prec, 32 or 64) for the formats 'e', 'E', 'f', 'g', 'G': the
// decimal digits come from std::to_chars (shortest round trip for prec < 0, else correctly
// rounded, as Go's are), the layout from Go's fmtEFG. nullopt for another format.
std::optional<std::string> GoFormatFloat(double v, bool f32, char fmt, int prec) {
  if (fmt != 'e' && fmt != 'E' && fmt != 'f' && fmt != 'g' && fmt != 'G') return std::nullopt;
  if (std::isnan(v)) return std::string("NaN");
  if (std::isinf(v)) return std::string(v < 0 ? "-Inf" : "+Inf");
  bool neg = std::signbit(v);
  double a = std::fabs(v);
  bool shortest = prec < 0;
  std::string d;
  int dp = 0;
  if (a != 0) {
    // Digits in scientific form: shortest, or rounded to the digit count the format needs.
    char buf[512];
    std::to_chars_result r;
    int digits = 0;  // significant digits wanted (0: shortest)
    if (!shortest) {
      if (fmt == 'f') {
        r = f32 ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(a),
                                std::chars_format::fixed, prec)
                : std::to_chars(buf, buf + sizeof buf, a, std::chars_format::fixed, prec);
        if (r.ec != std::errc()) return std::nullopt;
        std::string fixed(buf, r.ptr);
        return (neg ? "-" : "") + fixed;
      }
      digits = (fmt == 'e' || fmt == 'E') ? prec + 1 : (prec == 0 ? 1 : prec);
      if (digits > 400) return std::nullopt;
      r = f32 ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(a),
                              std::chars_format::scientific, digits - 1)
              : std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific, digits - 1);
    } else {
      r = f32 ? std::to_chars(buf, buf + sizeof buf, static_cast<float>(a),
                              std::chars_format::scientific)
              : std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
    }
    if (r.ec != std::errc()) return std::nullopt;
    std::string sci(buf, r.ptr);
    size_t e = sci.find('e');
    if (e == std::string::npos) return std::nullopt;
    for (size_t i = 0; i < e; ++i) {
      if (sci[i] != '.') d.push_back(sci[i]);
    }
    dp = std::stoi(sci.substr(e + 1)) + 1;
    while (!d.empty() && d.back() == '0') d.pop_back();
    if (d.empty()) dp = 0;
  }
  if (shortest) {
    int nd = static_cast<int>(d.size());
    if (fmt == 'e' || fmt == 'E') prec = std::max(nd - 1, 0);
    if (fmt == 'f') prec = std::max(nd - dp, 0);
    if (fmt == 'g' || fmt == 'G') prec = nd;
    if (a == 0) prec = -1;  // Go's zero: fmtEFG(nil, 0, 0, prec, fmt, prec < 0)
  }
  return FmtEFG(neg, d, dp, prec, fmt, shortest);
}

// Whether internal/cpu sets X86.HasAVX2 on this machine: the CPU has it, the OS saves the YMM
// state, and GODEBUG does not turn it off (cpu.avx2=off, cpu.all=off).
bool CpuHasAvx2() {
  if (const char* g = std::getenv("GODEBUG")) {
    std::string d = g;
    if (d.find("cpu.avx2=off") != std::string::npos || d.find("cpu.all=off") != std::string::npos) {
      return false;
    }
  }
#if defined(__x86_64__)
  return __builtin_cpu_supports("avx2");
#else
  return false;
#endif
}

// Whether two known values of one comparable type are equal; nullopt when either is not known.
std::optional<bool> KnownEqual(const Val& a, const Val& b) {
  if (a.k != b.k) return std::nullopt;
  switch (a.k) {
    case Val::K::kInt:
    case Val::K::kBool:
      return a.i == b.i;
    case Val::K::kStr:
      return a.s == b.s;
    case Val::K::kNil:
      return true;
    case Val::K::kPtr:
      if (a.obj < 0 || b.obj < 0) return std::nullopt;
      return a.obj == b.obj && a.path == b.path;
    case Val::K::kAgg: {
      if (a.elems.size() != b.elems.size()) return std::nullopt;
      bool all = true;
      for (size_t i = 0; i < a.elems.size(); ++i) {
        auto e = KnownEqual(a.elems[i], b.elems[i]);
        if (!e) return std::nullopt;
        all = all && *e;
      }
      return all;
    }
    default:
      return std::nullopt;
  }
}

// The least value both `a` and `b` may be.
Val Join(const Val& a, const Val& b) {
  if (a == b) return a;
  bool persist = a.persist || b.persist;
  if (a.k == Val::K::kAgg && b.k == Val::K::kAgg && a.elems.size() == b.elems.size()) {
    Val r = a;
    r.persist = persist;
    for (size_t i = 0; i < a.elems.size(); ++i) r.elems[i] = Join(a.elems[i], b.elems[i]);
    return r;
  }
  if (a.k == Val::K::kSlice && b.k == Val::K::kSlice && a.stack_buf == b.stack_buf) {
    Val r = a;
    r.persist = persist;
    if (a.obj != b.obj || a.path != b.path || a.off != b.off) {
      r.obj = -1;
      r.path.clear();
    }
    if (a.len != b.len) r.len = -1;
    if (a.cap != b.cap) r.cap = -1;
    return r;
  }
  // A nil slice and a slice: the length (and capacity) survive when both agree.
  if ((a.k == Val::K::kNil && b.k == Val::K::kSlice) ||
      (a.k == Val::K::kSlice && b.k == Val::K::kNil)) {
    const Val& sl = a.k == Val::K::kSlice ? a : b;
    Val r;
    r.k = Val::K::kSlice;
    r.persist = persist;
    r.len = sl.len == 0 ? 0 : -1;
    r.cap = sl.cap == 0 ? 0 : -1;
    return r;
  }
  if (a.k == Val::K::kIface && b.k == Val::K::kIface && a.type == b.type) {
    Val r = a;
    r.persist = persist;
    r.elems[0] = Join(a.elems[0], b.elems[0]);
    return r;
  }
  return Val::Unknown(persist);
}

// A map the interpreter follows: its shape (what the next insert allocates) and, while every key
// put in it is known, its entries. Shared between snapshots, copied before a change.
struct MapObj {
  MapLayout layout;
  SwissMap shape;
  std::vector<std::pair<Val, Val>> entries;  // insertion order; the whole map if keys_known
  bool keys_known = true;
  bool valid = true;  // false: its size or shape is not known (inserts into it are unknown)
};

// Whether two followed maps allocate alike on the next insert.
bool SameShape(const MapObj& a, const MapObj& b) {
  return a.valid && b.valid && a.shape.form == b.shape.form && a.shape.used == b.shape.used &&
         a.shape.capacity == b.shape.capacity && a.shape.growth_left == b.shape.growth_left &&
         a.shape.exact == b.shape.exact;
}

// Whether two followed maps hold the same known keys, in the same order.
bool SameKeys(const MapObj& a, const MapObj& b) {
  if (!a.keys_known || !b.keys_known || a.entries.size() != b.entries.size()) return false;
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (!(a.entries[i].first == b.entries[i].first)) return false;
  }
  return true;
}

struct Object {
  Val v;
  TypeId type;
  bool persistent = false;
  std::shared_ptr<MapObj> map;  // a map made while following the code
};

// A stashed path that left a branch early (return, or goto to a label not yet reached).
struct Pending;

struct Frame {
  const Code* code = nullptr;
  FuncId fn;
  std::unordered_map<uint32_t, int> vars;  // VarId -> memory object
  std::vector<Val> defers;                 // deferred zero-argument calls (func values)
  // Slices (by variable, or by append node) whose stack buffer was used, and by which append.
  std::unordered_map<uint32_t, uint32_t> used_bufs;
  std::vector<std::shared_ptr<Pending>> pending;
};

// Control flow out of a statement.
struct Flow {
  enum class K : uint8_t {
    kNormal,
    kBreak,
    kContinue,
    kReturn,
    kGoto,
    kFallthrough
  } k = K::kNormal;
  std::string label;
  bool operator==(const Flow& o) const { return k == o.k && label == o.label; }
};

struct State {
  std::vector<Object> mem;
  std::vector<Allocation> allocs;
  std::unordered_map<uint32_t, int> vars;  // the top frame's
  std::vector<Val> defers;
  int dropped_stores = 0;
};

struct Pending {
  Flow flow;
  State state;
  std::vector<Val> results;  // return: the result values
};

// Whether `b` holds, where `a` held a slice or a map, a longer slice or a fuller map: memory
// kept across iterations that grows with each one.
bool Grew(const Val& a, const Val& b) {
  if (b.k == Val::K::kSlice && b.len > 0) {
    if (a.k == Val::K::kNil) return true;
    if (a.k == Val::K::kSlice && a.len >= 0 && b.len > a.len) return true;
  }
  if (a.k == b.k && (a.k == Val::K::kAgg || a.k == Val::K::kIface) &&
      a.elems.size() == b.elems.size()) {
    for (size_t i = 0; i < a.elems.size(); ++i) {
      if (Grew(a.elems[i], b.elems[i])) return true;
    }
  }
  return false;
}

bool Grew(const MapObj& a, const MapObj& b) {
  if (a.valid && b.valid && b.shape.used > a.shape.used) return true;
  if (!SameKeys(a, b)) return false;
  for (size_t i = 0; i < a.entries.size(); ++i) {
    if (Grew(a.entries[i].second, b.entries[i].second)) return true;
  }
  return false;
}

bool SameAllocs(const std::vector<Allocation>& a, const std::vector<Allocation>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].m.size != b[i].m.size || a[i].m.noscan != b[i].m.noscan || !(a[i].pos == b[i].pos)) {
      return false;
    }
  }
  return true;
}

class Interp {
 public:
  Interp(const types::Universe& u, const CodeProvider& deps, Code main)
      : u_(u), deps_(deps), main_(std::make_unique<Code>(main)) {}

  Prediction Run(FuncId bench);

 private:
  // ---- code and types
  const Code* CodeOf(types::PkgId pkg) {
    if (pkg == main_->prog->pkg) return main_.get();
    auto it = codes_.find(pkg.index());
    if (it != codes_.end()) return it->second.get();
    Code c = deps_ ? deps_(pkg) : Code();
    auto& slot = codes_[pkg.index()];
    if (c.prog != nullptr) slot = std::make_unique<Code>(c);
    return slot.get();
  }
  const std::vector<walk::DataWord>& Words(const Code* c) {
    auto it = words_.find(c);
    if (it != words_.end()) return it->second;
    return words_[c] = walk::DataWords(*c->prog, u_, *c->esc);
  }
  // The function of object `obj` with a body: its code and FuncId.
  std::optional<std::pair<const Code*, FuncId>> FuncOf(ObjId obj) {
    const types::Object& o = u_.Obj(obj);
    if (!o.pkg.has_value()) return std::nullopt;
    const Code* c = CodeOf(o.pkg);
    if (c == nullptr) return std::nullopt;
    auto& idx = by_obj_[c];
    if (idx.empty()) {
      for (uint32_t i = 0; i < c->prog->funcs.size(); ++i) {
        const ir::Func& f = c->prog->funcs.Get(FuncId(i));
        if (f.obj.has_value()) idx[f.obj.index()] = FuncId(i);
      }
      idx[0xFFFFFFFF] = FuncId();  // marks the index built
    }
    auto it = idx.find(obj.index());
    if (it == idx.end()) return std::nullopt;
    return std::make_pair(c, it->second);
  }
  const types::Type& T(TypeId t) const { return u_.Get(t); }
  TypeId Under(TypeId t) const { return types::Underlying(u_, t); }
  TypeKind KindOf(TypeId t) const { return t.has_value() ? T(Under(t)).kind : TypeKind::kInvalid; }
  bool IsUnsigned(TypeId t) const {
    if (KindOf(t) != TypeKind::kBasic) return false;
    switch (T(Under(t)).basic) {
      case BasicKind::kUint:
      case BasicKind::kUint8:
      case BasicKind::kUint16:
      case BasicKind::kUint32:
      case BasicKind::kUint64:
      case BasicKind::kUintptr:
        return true;
      default:
        return false;
    }
  }
  bool IsIntType(TypeId t) const { return t.has_value() && types::IsInteger(u_, t); }
  bool IsFloatType(TypeId t) const {
    if (!t.has_value() || KindOf(t) != TypeKind::kBasic) return false;
    BasicKind b = T(Under(t)).basic;
    return b == BasicKind::kFloat32 || b == BasicKind::kFloat64;
  }
  bool IsFloat32(TypeId t) const {
    return t.has_value() && KindOf(t) == TypeKind::kBasic &&
           T(Under(t)).basic == BasicKind::kFloat32;
  }
  // A constant's value as the float type `t` holds it: round to nearest even (MPFR at 24 or 53
  // bits, then the hardware conversion).
  double RoundFloat(const mpq_class& q, TypeId t) const {
    mpfr_t f;
    mpfr_init2(f, IsFloat32(t) ? 24 : 53);
    mpfr_set_q(f, q.get_mpq_t(), MPFR_RNDN);
    double d = IsFloat32(t) ? static_cast<double>(mpfr_get_flt(f, MPFR_RNDN))
                            : mpfr_get_d(f, MPFR_RNDN);
    mpfr_clear(f);
    return d;
  }
  // Wraps `v` to the width of integer type `t`.
  int64_t Wrap(int64_t v, TypeId t) const {
    if (!IsIntType(t)) return v;
    int64_t size = types::SizeOf(u_, t);
    if (size >= 8) return v;
    int bits = static_cast<int>(size * 8);
    uint64_t mask = (uint64_t{1} << bits) - 1;
    uint64_t x = static_cast<uint64_t>(v) & mask;
    if (!IsUnsigned(t) && (x >> (bits - 1)) != 0) x |= ~mask;
    return static_cast<int64_t>(x);
  }
  std::string FuncName(const Code* c, FuncId f) const {
    const ir::Func& fn = c->prog->funcs.Get(f);
    std::string pkg = fn.pkg_path;
    size_t slash = pkg.rfind('/');
    if (slash != std::string::npos) pkg = pkg.substr(slash + 1);
    return pkg + "." + fn.name;
  }

  // ---- state
  Frame& F() { return frames_.back(); }
  const ir::Program& P() { return *F().code->prog; }
  const ir::Node& N(NodeId n) { return P()[n]; }
  const ir::Var& V(VarId v) { return P().vars.Get(v); }
  void Step(Pos pos) {
    if (++steps_ > kMaxSteps) {
      throw Unknowable{"too much code to follow (more than 3,000,000 steps)", pos};
    }
  }
  // An allocation decided by a value escapist does not know: unknown while measuring; in the
  // warm-up iterations and the setup nothing is counted, so the run goes on.
  void Undecided(const std::string& why, Pos pos) {
    if (measuring_) throw Unknowable{why, pos};
  }
  [[noreturn]] void Fail(const std::string& why, NodeId n) {
    Pos p = n.has_value() ? N(n).pos : Pos();
    throw Unknowable{why, p};
  }
  int NewObject(TypeId t, Val v) {
    if (mem_.size() > 200000) throw Unknowable{"too many objects to follow (over 200,000)", Pos()};
    mem_.push_back(Object{std::move(v), t, false});
    return static_cast<int>(mem_.size() - 1);
  }
  State Snapshot() const {
    return State{mem_, allocs_, frames_.back().vars, frames_.back().defers, dropped_stores_};
  }
  void Restore(const State& s) {
    mem_ = s.mem;
    allocs_ = s.allocs;
    F().vars = s.vars;
    F().defers = s.defers;
    dropped_stores_ = s.dropped_stores;
  }
  // Merges `o` into the current state: both paths must have allocated alike.
  void MergeState(const State& o, Pos pos) {
    if (!SameAllocs(allocs_, o.allocs)) {
      throw Unknowable{"allocations differ with a run-time condition (a branch at " +
                           FormatPos(pos) + " allocates on one side only)",
                       pos};
    }
    size_t n = std::min(mem_.size(), o.mem.size());
    for (size_t i = 0; i < n; ++i) {
      mem_[i].v = Join(mem_[i].v, o.mem[i].v);
      const auto& a = mem_[i].map;
      const auto& b = o.mem[i].map;
      if (a == b || a == nullptr || b == nullptr) continue;
      auto m = std::make_shared<MapObj>(*a);
      if (!SameShape(*a, *b)) m->valid = false;
      if (SameKeys(*a, *b)) {
        for (size_t e = 0; e < m->entries.size(); ++e) {
          m->entries[e].second = Join(m->entries[e].second, b->entries[e].second);
        }
      } else {
        m->keys_known = false;
        m->entries.clear();
      }
      mem_[i].map = std::move(m);
    }
    for (size_t i = n; i < o.mem.size(); ++i) mem_.push_back(o.mem[i]);
    for (const auto& [var, obj] : o.vars) F().vars.emplace(var, obj);
    dropped_stores_ = std::max(dropped_stores_, o.dropped_stores);
    if (F().defers.size() != o.defers.size()) {
      throw Unknowable{"deferred calls depend on a run-time condition", pos};
    }
  }
  std::string FormatPos(Pos p) const { return fmt::format("{}:{}", p.line, p.col); }

  Val ZeroOf(TypeId t, int depth = 0) {
    if (!t.has_value() || depth > 8) return Val::Unknown();
    const types::Type& ut = T(Under(t));
    switch (ut.kind) {
      case TypeKind::kBasic:
        if (ut.basic == BasicKind::kBool || ut.basic == BasicKind::kUntypedBool)
          return Val::Bool(false);
        if (types::IsString(u_, t)) return Val::Str("");
        if (IsIntType(t)) return Val::Int(0);
        if (ut.basic == BasicKind::kUnsafePointer) return Val::Nil();
        return Val::Unknown();
      case TypeKind::kPointer:
      case TypeKind::kSlice:
      case TypeKind::kMap:
      case TypeKind::kChan:
      case TypeKind::kSignature:
      case TypeKind::kInterface:
        return Val::Nil();
      case TypeKind::kStruct: {
        Val v;
        v.k = Val::K::kAgg;
        for (ObjId f : ut.fields) v.elems.push_back(ZeroOf(u_.Obj(f).type, depth + 1));
        return v;
      }
      case TypeKind::kArray: {
        if (ut.len < 0 || ut.len > 256) return Val::Unknown();
        Val v;
        v.k = Val::K::kAgg;
        Val z = ZeroOf(ut.elem, depth + 1);
        v.elems.assign(static_cast<size_t>(ut.len), z);
        return v;
      }
      default:
        return Val::Unknown();
    }
  }
  // The type at `path` below an object of type `t`; none if it cannot be told.
  TypeId ElemTypeAt(TypeId t, const std::vector<int64_t>& path) {
    for (int64_t i : path) {
      if (!t.has_value()) return TypeId();
      const types::Type& ut = T(Under(t));
      if (ut.kind == TypeKind::kStruct) {
        if (i < 0 || static_cast<size_t>(i) >= ut.fields.size()) return TypeId();
        t = u_.Obj(ut.fields[static_cast<size_t>(i)]).type;
      } else if (ut.kind == TypeKind::kArray) {
        t = ut.elem;
      } else {
        return TypeId();
      }
    }
    return t;
  }
  // Unknown aggregates along the way become aggregates of unknowns (so a field can be set).
  Val* Mut(int obj, const std::vector<int64_t>& path) {
    if (obj < 0 || static_cast<size_t>(obj) >= mem_.size()) return nullptr;
    Object& o = mem_[static_cast<size_t>(obj)];
    Val* cur = &o.v;
    TypeId t = o.type;
    for (int64_t i : path) {
      if (cur->k != Val::K::kAgg) {
        if (!t.has_value()) return nullptr;
        const types::Type& ut = T(Under(t));
        size_t n = ut.kind == TypeKind::kStruct ? ut.fields.size()
                   : ut.kind == TypeKind::kArray && ut.len >= 0 && ut.len <= 4096
                       ? static_cast<size_t>(ut.len)
                       : 0;
        if (n == 0) return nullptr;
        bool persist = cur->persist || o.persistent;
        *cur = Val();
        cur->k = Val::K::kAgg;
        cur->elems.assign(n, Val::Unknown(persist));
      }
      if (i < 0 || static_cast<size_t>(i) >= cur->elems.size()) return nullptr;
      cur = &cur->elems[static_cast<size_t>(i)];
      t = ElemTypeAt(t, {i});
    }
    return cur;
  }
  Val Load(int obj, const std::vector<int64_t>& path) {
    if (obj < 0 || static_cast<size_t>(obj) >= mem_.size()) return Val::Unknown();
    const Object& o = mem_[static_cast<size_t>(obj)];
    const Val* cur = &o.v;
    for (int64_t i : path) {
      if (cur->k != Val::K::kAgg || i < 0 || static_cast<size_t>(i) >= cur->elems.size()) {
        return Val::Unknown(o.persistent || cur->persist);
      }
      cur = &cur->elems[static_cast<size_t>(i)];
    }
    Val v = *cur;
    if (o.persistent) v.persist = true;
    return v;
  }
  void Store(int obj, const std::vector<int64_t>& path, Val v) {
    Val* p = Mut(obj, path);
    if (p == nullptr) {
      ++dropped_stores_;
      return;
    }
    bool persist = mem_[static_cast<size_t>(obj)].persistent;
    *p = std::move(v);
    if (persist) p->persist = true;
  }

  // ---- variables
  int VarObject(VarId v) {
    auto it = F().vars.find(v.index());
    if (it != F().vars.end()) return it->second;
    const ir::Var& var = V(v);
    if (var.cls == ir::Class::kExtern) return GlobalObject(var);
    int o = NewObject(var.type, ZeroOf(var.type));
    F().vars[v.index()] = o;
    return o;
  }
  int GlobalObject(const ir::Var& var) {
    uint32_t key = var.obj.has_value() ? var.obj.index() : 0xFFFFFFFF;
    auto it = globals_.find(key);
    if (it != globals_.end() && key != 0xFFFFFFFF) return it->second;
    int o = NewObject(var.type, Val::Unknown(true));
    mem_[static_cast<size_t>(o)].persistent = true;
    globals_[key] = o;
    if (var.obj.has_value()) mem_[static_cast<size_t>(o)].v = InitialValue(var);
    return o;
  }
  // A package-level variable's value before the benchmark runs: its initializer when the
  // package never assigns it elsewhere, else unknown.
  Val InitialValue(const ir::Var& var, bool address_taken_ok = false) {
    Val unknown = Val::Unknown(true);
    const types::Object& o = u_.Obj(var.obj);
    if (!o.pkg.has_value()) return unknown;
    const Code* c = CodeOf(o.pkg);
    if (c == nullptr) return unknown;
    const ir::Program& p = *c->prog;
    auto target = [&](NodeId lhs) {
      if (!lhs.has_value()) return false;
      const ir::Node& l = p[lhs];
      return l.op == Op::kName && l.var.has_value() && p.vars.Get(l.var).obj == var.obj;
    };
    NodeId init;
    bool single = false;
    for (uint32_t i = 0; i < p.init_source.count; ++i) {
      NodeId s = p.At(p.init_source, i);
      const ir::Node& n = p[s];
      if (n.op == Op::kAs && target(n.x)) {
        init = n.y;
        single = true;
      } else if (n.op != Op::kAs) {
        for (uint32_t k = 0; k < n.list.count; ++k) {
          if (target(p.At(n.list, k))) return unknown;  // multi-value initializers
        }
      }
    }
    // internal/bytealg.MaxLen is set by the package's init from internal/cpu: 63 where the CPU
    // has AVX2 (this machine runs the benchmark), else 31 (internal/bytealg/index_amd64.go).
    if (u_.Pkg(o.pkg).path == "internal/bytealg" && o.name == "MaxLen") {
      Val v = Val::Int(CpuHasAvx2() ? 63 : 31);
      v.persist = true;
      return v;
    }
    // Assigned anywhere else in its package (an init func, any function): unknown.
    if (!address_taken_ok && AssignedOutsideInit(c, var.obj)) return unknown;
    if (!single) return ZeroOf(var.type);
    if (!init.has_value()) return ZeroOf(var.type);
    // Evaluate in a frame of the variable's package, not measured.
    frames_.push_back(Frame{c, FuncId(), {}, {}, {}, {}});
    bool m = measuring_;
    measuring_ = false;
    Val v;
    try {
      v = Eval(init);
    } catch (const Unknowable&) {
      v = unknown;
    }
    measuring_ = m;
    frames_.pop_back();
    v.persist = true;
    return v;
  }
  // The initializer of the package-level sync.Pool held in memory object `obj`, when its package
  // assigns the variable nowhere else and writes no field named New (its address taken by the
  // Pool's methods does not make it unknown); else unknown.
  Val PoolInitializer(int obj) {
    for (const auto& [key, o] : globals_) {
      if (o != obj || key == 0xFFFFFFFF) continue;
      const types::Object& go = u_.Obj(ObjId(key));
      if (!go.pkg.has_value()) break;
      const Code* c = CodeOf(go.pkg);
      if (c == nullptr) break;
      const ir::Program& p = *c->prog;
      VarId var;
      for (uint32_t i = 0; i < p.vars.size(); ++i) {
        const ir::Var& v = p.vars.Get(VarId(i));
        if (v.cls == ir::Class::kExtern && v.obj == ObjId(key)) var = VarId(i);
      }
      if (!var.has_value()) break;
      for (uint32_t i = 0; i < p.nodes.size(); ++i) {
        const ir::Node& n = p[NodeId(i)];
        if (n.op != Op::kAs || !n.x.has_value()) continue;
        const ir::Node& l = p[n.x];
        if ((l.op == Op::kDot || l.op == Op::kDotPtr) && l.obj.has_value() &&
            u_.Obj(l.obj).name == "New") {
          return Val::Unknown(true);
        }
        if (l.op == Op::kName && l.var == var && !InInitSource(p, NodeId(i))) {
          return Val::Unknown(true);
        }
      }
      return InitialValue(p.vars.Get(var), true);
    }
    return Val::Unknown(true);
  }
  static bool InInitSource(const ir::Program& p, NodeId n) {
    for (uint32_t k = 0; k < p.init_source.count; ++k) {
      if (p.At(p.init_source, k) == n) return true;
    }
    return false;
  }
  bool AssignedOutsideInit(const Code* c, ObjId obj) {
    auto& set = assigned_globals_[c];
    if (set.empty()) {
      set.insert(0xFFFFFFFF);
      const ir::Program& p = *c->prog;
      for (uint32_t i = 0; i < p.nodes.size(); ++i) {
        const ir::Node& n = p[NodeId(i)];
        auto note = [&](NodeId lhs) {
          if (!lhs.has_value()) return;
          const ir::Node& l = p[lhs];
          if (l.op == Op::kName && l.var.has_value()) {
            const ir::Var& v = p.vars.Get(l.var);
            if (v.cls == ir::Class::kExtern && v.obj.has_value()) set.insert(v.obj.index());
          }
          if (l.op == Op::kAddr && l.x.has_value() && p[l.x].op == Op::kName &&
              p[l.x].var.has_value()) {
            const ir::Var& v = p.vars.Get(p[l.x].var);
            if (v.cls == ir::Class::kExtern && v.obj.has_value()) set.insert(v.obj.index());
          }
        };
        switch (n.op) {
          case Op::kAs:
          case Op::kAsOp:
            note(n.x);
            break;
          case Op::kAs2:
          case Op::kAs2Func:
          case Op::kAs2DotType:
          case Op::kAs2MapR:
          case Op::kAs2Recv:
          case Op::kRange:
            for (uint32_t k = 0; k < n.list.count; ++k) note(p.At(n.list, k));
            break;
          case Op::kAddr:
            note(NodeId(i));
            break;  // &global: may be written through
          default:
            break;
        }
      }
      // The initializers themselves are in the package init: remove what only they assign.
      for (uint32_t k = 0; k < p.init_source.count; ++k) {
        const ir::Node& s = p[p.At(p.init_source, k)];
        if (s.op == Op::kAs && s.x.has_value() && p[s.x].op == Op::kName &&
            p[s.x].var.has_value()) {
          const ir::Var& v = p.vars.Get(p[s.x].var);
          if (v.obj.has_value() && init_assign_counted_[c].insert(v.obj.index()).second) {
            // counted once by the scan above through this very statement
            init_only_[c].insert(v.obj.index());
          }
        }
      }
    }
    if (!set.count(obj.index())) return false;
    // The scan saw the initializer's own assignment; anything else makes it unknown.
    if (!init_only_[c].count(obj.index())) return true;
    return CountAssignments(c, obj) > 1;
  }
  int CountAssignments(const Code* c, ObjId obj) {
    const ir::Program& p = *c->prog;
    int count = 0;
    for (uint32_t i = 0; i < p.nodes.size(); ++i) {
      const ir::Node& n = p[NodeId(i)];
      auto is = [&](NodeId lhs) {
        if (!lhs.has_value()) return false;
        const ir::Node& l = p[lhs];
        NodeId name = l.op == Op::kAddr ? l.x : lhs;
        if (!name.has_value() || p[name].op != Op::kName || !p[name].var.has_value()) return false;
        return p.vars.Get(p[name].var).obj == obj;
      };
      if ((n.op == Op::kAs || n.op == Op::kAsOp) && is(n.x)) ++count;
      if (n.op == Op::kAddr && is(NodeId(i))) count += 2;
      if (n.op == Op::kAs2 || n.op == Op::kAs2Func || n.op == Op::kAs2DotType ||
          n.op == Op::kAs2MapR || n.op == Op::kAs2Recv || n.op == Op::kRange) {
        for (uint32_t k = 0; k < n.list.count; ++k) count += is(p.At(n.list, k)) ? 2 : 0;
      }
    }
    return count;
  }

  // gc's slice pass (cost/slice_pass.h) over code `c`, run once.
  const SlicePassResult& Slices(const Code* c) {
    auto it = slices_.find(c);
    if (it != slices_.end()) return it->second;
    ImportedLeaks leaks = [this](ObjId obj, int param) -> std::optional<escape::Leaks> {
      auto fo = FuncOf(obj);
      if (!fo) return std::nullopt;
      const std::vector<escape::Leaks>& l = fo->first->esc->leaks.Get(fo->second);
      if (param < 0 || static_cast<size_t>(param) >= l.size()) return std::nullopt;
      return l[static_cast<size_t>(param)];
    };
    SlicePassResult r = RunSlicePass(*c->prog, u_, *c->esc, leaks, /*optimize_off=*/false);
    auto& tr = transitions_[c];
    for (size_t i = 0; i < r.moves.size(); ++i) tr[r.moves[i].transition.index()].push_back(i);
    return slices_[c] = std::move(r);
  }
  const SliceMove* SliceMoveOf(NodeId append) {
    const SlicePassResult& r = Slices(F().code);
    auto it = r.by_append.find(append.index());
    return it == r.by_append.end() ? nullptr : &r.moves[it->second];
  }
  // s = move2heap(s) before the transition statement `n`, if the slice pass put one there:
  // a slice still in its stack buffer is copied to the heap (runtime.moveSlice*).
  void Move2Heap(NodeId n) {
    Slices(F().code);
    auto& tr = transitions_[F().code];
    auto it = tr.find(n.index());
    if (it == tr.end()) return;
    for (size_t idx : it->second) MoveSlice(slices_[F().code].moves[idx], n);
  }
  void MoveSlice(const SliceMove& mv, NodeId n) {
    if (mv.func != F().fn) return;
    int obj = VarObject(mv.slice);
    Val v = Load(obj, {});
    if (v.k == Val::K::kNil || (v.k == Val::K::kSlice && !v.stack_buf)) return;
    if (v.k != Val::K::kSlice || v.len < 0 || v.cap < 0) {
      Undecided(
          "whether this slice is still in its stack buffer when it is moved to the "
          "heap (move2heap) is not known",
          N(n).pos);
      return;
    }
    TypeId et = T(Under(V(mv.slice).type)).elem;
    uint64_t esize = static_cast<uint64_t>(types::SizeOf(u_, et));
    bool noscan = !types::HasPointers(u_, et);
    uint64_t bytes = 0;
    if (mv.cap_used) {
      bytes = static_cast<uint64_t>(v.cap) * esize;
    } else if (v.len > 0) {
      bytes = RoundUpSize(static_cast<uint64_t>(v.len) * esize, noscan);
      v.cap = esize > 0 ? static_cast<int64_t>(bytes / esize) : v.cap;
    }
    if (bytes > 0) Alloc(n, "move2heap (a stack-backed slice copied to the heap)", bytes, noscan);
    v.stack_buf = false;
    Store(obj, {}, v);
  }

  // ---- allocations
  bool Heap(NodeId n) { return F().code->esc->heap_nodes.Get(n) == 1; }
  void Alloc(NodeId n, const std::string& what, uint64_t size, bool noscan) {
    if (!measuring_) return;
    MallocClass m = Classify(size, noscan);
    if (m.zero_size) return;
    const ir::Node& node = N(n);
    Allocation a;
    a.pos = node.pos;
    a.src_pos = node.src_pos.known() ? node.src_pos : node.pos;
    a.func = F().fn.has_value() ? FuncName(F().code, F().fn) : std::string("init");
    a.what = what;
    a.m = m;
    allocs_.push_back(std::move(a));
  }
  void AllocVar(VarId v, NodeId at) {
    if (F().code->esc->heap_vars.Get(v) != 1) return;
    const ir::Var& var = V(v);
    uint64_t size = static_cast<uint64_t>(types::SizeOf(u_, var.type));
    Alloc(at, "moved to heap: " + var.name, size, !types::HasPointers(u_, var.type));
  }
  // Layout of a closure's struct {F uintptr; captured...}: its size and whether it has pointers.
  // ---- maps (cost/swiss_map.h)
  // The followed map `m` refers to, or null; `write`: it is about to change (copied if a
  // snapshot shares it).
  MapObj* MapOf(const Val& m, bool write) {
    if (m.k != Val::K::kPtr || !m.path.empty() || m.obj < 0 ||
        static_cast<size_t>(m.obj) >= mem_.size()) {
      return nullptr;
    }
    std::shared_ptr<MapObj>& sp = mem_[static_cast<size_t>(m.obj)].map;
    if (sp == nullptr) return nullptr;
    if (write && sp.use_count() > 1) sp = std::make_shared<MapObj>(*sp);
    return sp.get();
  }
  // Whether map key `k` is known well enough to tell it from every other key.
  static bool KeyKnown(const Val& k) {
    switch (k.k) {
      case Val::K::kInt:
      case Val::K::kBool:
      case Val::K::kStr:
      case Val::K::kNil:
        return true;
      case Val::K::kPtr:
        return k.obj >= 0;
      case Val::K::kAgg:
        return std::all_of(k.elems.begin(), k.elems.end(), KeyKnown);
      default:
        return false;  // interfaces (dynamic types compared by identity), floats, unknowns
    }
  }
  static void ForgetEntries(MapObj* mo, bool shape_too) {
    mo->keys_known = false;
    mo->entries.clear();
    if (shape_too) mo->valid = false;
  }
  // make(map[K]V, hint) or a map literal of `hint` entries, at `n`.
  Val NewMap(NodeId n, TypeId t, const Val& hint, bool hint_const) {
    if (hint.k != Val::K::kInt) {
      Undecided("the size hint of this map is not known", N(n).pos);
      return Val::Unknown();
    }
    auto mo = std::make_shared<MapObj>();
    mo->layout = MapLayoutOf(u_, t);
    for (const MapAlloc& a : MakeMap(mo->layout, Heap(n), hint.i, hint_const, &mo->shape)) {
      Alloc(n, a.what, a.size, a.noscan);
    }
    Val m;
    m.k = Val::K::kPtr;
    m.obj = NewObject(t, Val::Unknown());
    mem_[static_cast<size_t>(m.obj)].map = std::move(mo);
    return m;
  }
  // m[key] = v at `site` (mapassign): a new key may grow the map.
  void MapAssign(NodeId site, const Val& m, const Val& key, Val v) {
    Pos pos = N(site).pos;
    if (m.k == Val::K::kNil) throw Panicked{{"an assignment to a nil map panics here", pos}};
    MapObj* mo = MapOf(m, true);
    if (mo == nullptr) {
      Undecided("an assignment to a map escapist does not follow (made outside the code it runs)",
                pos);
      return;
    }
    if (!mo->valid) {
      Undecided("an assignment to a map whose size escapist does not know", pos);
      return;
    }
    bool known = KeyKnown(key) && mo->keys_known;
    if (known) {
      for (auto& e : mo->entries) {
        if (e.first == key) {
          e.second = std::move(v);
          return;  // an existing key: no growth
        }
      }
    } else if (mo->shape.used > 0) {
      Undecided("whether this key is already in the map is not known", pos);
      ForgetEntries(mo, true);
      return;
    }
    std::string why;
    std::optional<std::vector<MapAlloc>> as = InsertNew(mo->layout, &mo->shape, &why);
    if (!as.has_value()) {
      Undecided(why, pos);
      ForgetEntries(mo, true);
      return;
    }
    for (const MapAlloc& a : *as) Alloc(site, a.what, a.size, a.noscan);
    if (known) {
      mo->entries.emplace_back(key, std::move(v));
    } else {
      ForgetEntries(mo, false);
    }
  }
  // m[key] (mapaccess): the element and whether it is there, where the map and key are known.
  std::pair<Val, Val> MapLookup(const Val& m, const Val& key, TypeId elem) {
    if (m.k == Val::K::kNil) return {ZeroOf(elem), Val::Bool(false)};
    MapObj* mo = MapOf(m, false);
    if (mo == nullptr || !mo->keys_known || !KeyKnown(key)) {
      return {Val::Unknown(m.persist), Val::Unknown()};
    }
    bool persist = mem_[static_cast<size_t>(m.obj)].persistent;
    for (const auto& e : mo->entries) {
      if (e.first == key) {
        Val v = e.second;
        if (persist) v.persist = true;
        return {v, Val::Bool(true)};
      }
    }
    return {ZeroOf(elem), Val::Bool(false)};
  }
  // delete(m, key): no allocation; a table's growth is no longer known (tombstones).
  void MapDelete(const Val& m, const Val& key) {
    MapObj* mo = MapOf(m, true);
    if (mo == nullptr || !mo->valid || mo->shape.used == 0) return;
    if (!mo->keys_known || !KeyKnown(key)) {
      ForgetEntries(mo, true);
      return;
    }
    for (size_t i = 0; i < mo->entries.size(); ++i) {
      if (mo->entries[i].first == key) {
        mo->entries.erase(mo->entries.begin() + static_cast<std::ptrdiff_t>(i));
        DeleteKey(&mo->shape);
        return;
      }
    }
  }
  // clear(m) (Map.Clear): the map keeps its groups and tables, now empty.
  void MapClear(const Val& m) {
    MapObj* mo = MapOf(m, true);
    if (mo == nullptr) return;
    mo->entries.clear();
    mo->keys_known = true;
    if (mo->valid) ClearMap(&mo->shape);
  }
  // A loop escapist does not run changes the map `x` denotes: what it holds is forgotten.
  void ForgetMap(NodeId x) {
    try {
      Val m = Eval(x);
      if (MapObj* mo = MapOf(m, true)) ForgetEntries(mo, true);
    } catch (const Unknowable&) {
    }
  }

  std::pair<uint64_t, bool> ClosureLayout(const Code* c, FuncId f) {
    const ir::Func& fn = c->prog->funcs.Get(f);
    int64_t off = 8;
    int64_t align = 8;
    bool ptrs = false;
    for (VarId cv : fn.closure_vars) {
      const ir::Var& v = c->prog->vars.Get(cv);
      bool byval = c->esc->byval.Get(cv) == 1;
      int64_t sz = byval ? types::SizeOf(u_, v.type) : 8;
      int64_t al = byval ? types::AlignOf(u_, v.type) : 8;
      if (al > 0) off = (off + al - 1) / al * al;
      off += sz;
      align = std::max(align, al);
      ptrs = ptrs || !byval || types::HasPointers(u_, v.type);
    }
    off = (off + align - 1) / align * align;
    return {static_cast<uint64_t>(off), ptrs};
  }

  // ---- expressions
  bool Truth(const Val& v, bool* out) {
    if (v.k != Val::K::kBool) return false;
    *out = v.i != 0;
    return true;
  }
  Val Eval(NodeId n);
  std::vector<Val> EvalMulti(NodeId n);
  bool LValue(NodeId n, int* obj, std::vector<int64_t>* path);
  void Assign(NodeId lhs, Val v);
  Val Call(NodeId call);
  std::vector<Val> CallValues(NodeId call);
  std::vector<Val> Invoke(const Code* c, FuncId f, std::vector<Val> args,
                          const std::vector<int>& captures, NodeId site);
  std::optional<std::vector<Val>> Modelled(ObjId callee, const std::vector<Val>& args, NodeId site);
  Val Binary(const ir::Node& n, const Val& a, const Val& b);
  Val Convert(NodeId n, Val v);
  Val ConvIface(NodeId n);
  Val Append(NodeId n);
  Val MakeSlice(NodeId n);
  Val StringOp(NodeId n);
  std::optional<std::vector<int64_t>> KnownInts(const Val& v);
  Val ByteSlice(const std::string& bytes);
  std::optional<std::string> KnownBytes(const Val& v);
  std::optional<Val> BytealgResult(const std::string& name, const std::vector<Val>& args);
  Val Literal(NodeId n);

  // ---- statements
  Flow Exec(NodeId n);
  Flow ExecList(IdSpan<NodeId> list);
  Flow ExecFor(NodeId n);
  Flow ExecRange(NodeId n);
  Flow ExecSwitch(NodeId n);
  Flow ExecIf(NodeId n);
  // Runs each branch from the current state and merges the outcomes (see Pending).
  Flow Fork(const std::vector<std::function<Flow()>>& branches, Pos pos);
  void MergePending(const Flow& target);
  bool MayAllocate(const Code* c, NodeId n, int depth = 0);
  bool FuncMayAllocate(const Code* c, FuncId f, int depth);
  void Havoc(NodeId n);
  Flow MeasuredLoop(NodeId loop);
  std::vector<Val> InvokeAssembly(const Code* c, FuncId fn, const std::vector<Val>& args,
                                  NodeId site);

  const types::Universe& u_;
  const CodeProvider& deps_;
  std::unique_ptr<Code> main_;
  std::unordered_map<uint32_t, std::unique_ptr<Code>> codes_;
  std::unordered_map<const Code*, std::vector<walk::DataWord>> words_;
  std::unordered_map<const Code*, std::unordered_map<uint32_t, FuncId>> by_obj_;
  std::unordered_map<const Code*, std::unordered_set<uint32_t>> assigned_globals_;
  std::unordered_map<const Code*, std::unordered_set<uint32_t>> init_assign_counted_;
  std::unordered_map<const Code*, std::unordered_set<uint32_t>> init_only_;
  std::unordered_map<const Code*, std::unordered_map<uint32_t, bool>> may_alloc_;
  std::unordered_map<const Code*, SlicePassResult> slices_;
  // Per statement, the slice moves gc prepends to it (one per variable).
  std::unordered_map<const Code*, std::unordered_map<uint32_t, std::vector<size_t>>> transitions_;
  std::unordered_map<uint32_t, int> globals_;
  std::map<std::string, Val> pool_slots_;  // sync.Pool (by its address) -> the value last Put
  std::vector<Object> mem_;
  std::vector<Frame> frames_;
  std::vector<Allocation> allocs_;
  std::vector<Val> returned_;  // results of the last return
  std::vector<std::string> notes_;
  std::set<std::string> note_set_;
  int dropped_stores_ = 0;
  bool measuring_ = false;
  bool in_measured_ = false;  // inside the measured iteration (b.StopTimer pauses measuring_)
  NodeId measured_loop_;
  long steps_ = 0;
  int depth_ = 0;
  static constexpr long kMaxSteps = 3'000'000;

  void Note(const std::string& s) {
    if (note_set_.insert(s).second) notes_.push_back(s);
  }
};

// ---- expressions -------------------------------------------------------------------------

Val Interp::Literal(NodeId n) {
  const ir::Node& node = N(n);
  if (!node.value.has_value()) return Val::Unknown();
  const types::Constant& c = u_.constants.Get(node.value);
  switch (c.kind) {
    case types::Constant::Kind::kBool:
      return Val::Bool(c.b);
    case types::Constant::Kind::kString:
      return Val::Str(c.s);
    case types::Constant::Kind::kInt:
    case types::Constant::Kind::kFloat: {
      if (IsFloatType(node.type)) return Val::Float(RoundFloat(c.re, node.type));
      if (c.kind == types::Constant::Kind::kFloat) return Val::Unknown();
      mpz_class z = c.re.get_num();
      if (z.fits_slong_p()) return Val::Int(Wrap(z.get_si(), node.type));
      if (z >= 0 && z.fits_ulong_p()) return Val::Int(static_cast<int64_t>(z.get_ui()));
      return Val::Unknown();
    }
    default:
      return Val::Unknown();
  }
}

Val Interp::Binary(const ir::Node& n, const Val& a, const Val& b) {
  using syntax::Token;
  TypeId ot = n.x.has_value() ? N(n.x).type : TypeId();
  bool uns = IsUnsigned(ot);
  auto cmp = [&](int c) -> Val {
    switch (n.tok) {
      case Token::kEql:
        return Val::Bool(c == 0);
      case Token::kNeq:
        return Val::Bool(c != 0);
      case Token::kLss:
        return Val::Bool(c < 0);
      case Token::kLeq:
        return Val::Bool(c <= 0);
      case Token::kGtr:
        return Val::Bool(c > 0);
      case Token::kGeq:
        return Val::Bool(c >= 0);
      default:
        return Val::Unknown();
    }
  };
  bool is_cmp = n.tok == Token::kEql || n.tok == Token::kNeq || n.tok == Token::kLss ||
                n.tok == Token::kLeq || n.tok == Token::kGtr || n.tok == Token::kGeq;
  if (is_cmp) {
    // Equality of references: nil against nil or a known object.
    bool eq_op = n.tok == Token::kEql || n.tok == Token::kNeq;
    if (eq_op && (a.k == Val::K::kNil || b.k == Val::K::kNil)) {
      const Val& o = a.k == Val::K::kNil ? b : a;
      if (o.k == Val::K::kNil) return cmp(0);
      if (o.k == Val::K::kPtr || o.k == Val::K::kIface || o.k == Val::K::kFunc ||
          (o.k == Val::K::kSlice && o.obj >= 0)) {
        return cmp(1);
      }
      return Val::Unknown();
    }
    if (a.k == Val::K::kInt && b.k == Val::K::kInt) {
      if (uns) {
        uint64_t x = static_cast<uint64_t>(a.i), y = static_cast<uint64_t>(b.i);
        return cmp(x < y ? -1 : x > y ? 1 : 0);
      }
      return cmp(a.i < b.i ? -1 : a.i > b.i ? 1 : 0);
    }
    if (a.k == Val::K::kBool && b.k == Val::K::kBool && eq_op) return cmp(a.i == b.i ? 0 : 1);
    if (a.k == Val::K::kFloat && b.k == Val::K::kFloat) {  // IEEE: NaN compares false but !=
      switch (n.tok) {
        case Token::kEql:
          return Val::Bool(a.d == b.d);
        case Token::kNeq:
          return Val::Bool(a.d != b.d);
        case Token::kLss:
          return Val::Bool(a.d < b.d);
        case Token::kLeq:
          return Val::Bool(a.d <= b.d);
        case Token::kGtr:
          return Val::Bool(a.d > b.d);
        case Token::kGeq:
          return Val::Bool(a.d >= b.d);
        default:
          return Val::Unknown();
      }
    }
    if (a.k == Val::K::kStr && b.k == Val::K::kStr) {
      int c = a.s.compare(b.s);
      return cmp(c < 0 ? -1 : c > 0 ? 1 : 0);
    }
    if (eq_op && a.k == Val::K::kPtr && b.k == Val::K::kPtr) {
      return cmp(a.obj == b.obj && a.path == b.path ? 0 : 1);
    }
    if (eq_op && a.k == Val::K::kIface && b.k == Val::K::kIface && a.type != b.type &&
        a.type.has_value() && b.type.has_value() && !types::Identical(u_, a.type, b.type)) {
      return cmp(1);
    }
    // The same dynamic type: the payloads decide when both are known.
    if (eq_op && a.k == Val::K::kIface && b.k == Val::K::kIface && a.type.has_value() &&
        b.type.has_value() && types::Identical(u_, a.type, b.type) && !a.elems.empty() &&
        !b.elems.empty()) {
      if (auto eq = KnownEqual(a.elems[0], b.elems[0])) return cmp(*eq ? 0 : 1);
    }
    return Val::Unknown();
  }
  if (a.k == Val::K::kFloat && b.k == Val::K::kFloat) {
    bool f32 = IsFloat32(n.type);
    auto round = [&](double r) { return Val::Float(f32 ? ToFloat32(r) : r); };
    switch (n.tok) {
      case Token::kAdd:
        return round(a.d + b.d);
      case Token::kSub:
        return round(a.d - b.d);
      case Token::kMul:
        return round(a.d * b.d);
      case Token::kDiv:
        return round(a.d / b.d);
      default:
        return Val::Unknown();
    }
  }
  if (a.k != Val::K::kInt || b.k != Val::K::kInt) return Val::Unknown();
  int64_t x = a.i, y = b.i;
  uint64_t ux = static_cast<uint64_t>(x), uy = static_cast<uint64_t>(y);
  int64_t r = 0;
  switch (n.tok) {
    case Token::kAdd:
      r = static_cast<int64_t>(ux + uy);
      break;
    case Token::kSub:
      r = static_cast<int64_t>(ux - uy);
      break;
    case Token::kMul:
      r = static_cast<int64_t>(ux * uy);
      break;
    case Token::kDiv:
      if (y == 0) return Val::Unknown();
      r = uns ? static_cast<int64_t>(ux / uy) : (y == -1 ? static_cast<int64_t>(0 - ux) : x / y);
      break;
    case Token::kRem:
      if (y == 0) return Val::Unknown();
      r = uns ? static_cast<int64_t>(ux % uy) : (y == -1 ? 0 : x % y);
      break;
    case Token::kAnd:
      r = x & y;
      break;
    case Token::kOr:
      r = x | y;
      break;
    case Token::kXor:
      r = x ^ y;
      break;
    case Token::kAndNot:
      r = x & ~y;
      break;
    case Token::kShl:
      if (uy >= 64)
        r = 0;
      else
        r = static_cast<int64_t>(ux << uy);
      break;
    case Token::kShr:
      if (uns)
        r = uy >= 64 ? 0 : static_cast<int64_t>(ux >> uy);
      else
        r = uy >= 64 ? (x < 0 ? -1 : 0) : (x >> uy);
      break;
    default:
      return Val::Unknown();
  }
  return Val::Int(Wrap(r, n.type));
}

Val Interp::Convert(NodeId n, Val v) {
  const ir::Node& node = N(n);
  if (v.k == Val::K::kInt && IsIntType(node.type)) return Val::Int(Wrap(v.i, node.type));
  TypeId from_t = node.x.has_value() ? N(node.x).type : TypeId();
  if (v.k == Val::K::kInt && IsFloatType(node.type)) {
    double d = IsUnsigned(from_t) ? static_cast<double>(static_cast<uint64_t>(v.i))
                                  : static_cast<double>(v.i);
    if (IsFloat32(node.type)) {
      d = IsUnsigned(from_t) ? static_cast<float>(static_cast<uint64_t>(v.i))
                             : static_cast<float>(v.i);
    }
    return Val::Float(d);
  }
  if (v.k == Val::K::kFloat && IsFloatType(node.type)) {
    return Val::Float(IsFloat32(node.type) ? ToFloat32(v.d) : v.d);
  }
  if (v.k == Val::K::kFloat && IsIntType(node.type)) {
    // In range: truncation toward zero; out of range the result is implementation-defined.
    double t = std::trunc(v.d);
    if (!(t > -9.2e18 && t < 9.2e18)) return Val::Unknown(v.persist);
    return Val::Int(Wrap(static_cast<int64_t>(t), node.type));
  }
  if (node.op == Op::kConvNop) {
    // unsafe.Pointer reinterpretations keep nothing escapist can follow.
    TypeId from = node.x.has_value() ? N(node.x).type : TypeId();
    auto is_unsafe = [&](TypeId t) {
      return KindOf(t) == TypeKind::kBasic && T(Under(t)).basic == BasicKind::kUnsafePointer;
    };
    if (is_unsafe(from) || is_unsafe(node.type)) {
      if (v.k == Val::K::kNil) return v;
      return Val::Unknown(v.persist);
    }
    return v;
  }
  return Val::Unknown(v.persist);
}

Val Interp::ConvIface(NodeId n) {
  const ir::Node& node = N(n);
  Val x = Eval(node.x);
  TypeId src = N(node.x).type;
  if (types::IsInterface(u_, src)) return x;  // interface to interface: no allocation
  Val r;
  r.k = Val::K::kIface;
  r.type = src;
  r.elems.push_back(x);
  const walk::DataWord* w = walk::FindDataWord(Words(F().code), n);
  if (w == nullptr || w->kind != walk::DataWord::Kind::kRuntime) return r;
  const std::string& rt = w->routine;
  using RA = walk::IfaceConversion::Alloc;
  walk::RoutineCost cost = walk::ConvRoutineCost(u_, rt, src);
  bool allocates = true;
  switch (cost.when) {
    case RA::kIfAtLeast256: {
      // float32/float64 values go through convT32/convT64 too: their bits are not tracked.
      if (x.k == Val::K::kFloat && IsFloatType(src)) {
        uint64_t bits;
        if (IsFloat32(src)) {
          float f = static_cast<float>(ToFloat32(x.d));
          uint32_t b32;
          std::memcpy(&b32, &f, sizeof b32);
          bits = b32;
        } else {
          std::memcpy(&bits, &x.d, sizeof bits);
        }
        if (bits >= 256) Alloc(n, "runtime." + rt, static_cast<uint64_t>(cost.size), cost.noscan);
        return r;
      }
      if (!IsIntType(src) || x.k != Val::K::kInt) {
        Undecided(IsIntType(src)
                      ? "the value converted to interface here is not known statically (runtime." +
                            rt + " allocates only for values >= 256)"
                      : "a value whose bits escapist does not track (a float, a struct) is "
                        "converted to interface here (runtime." +
                            rt + " allocates unless they are < 256)",
                  node.pos);
        return r;
      }
      uint64_t v = static_cast<uint64_t>(x.i);
      if (cost.size < 8) v &= (uint64_t{1} << (cost.size * 8)) - 1;
      allocates = v >= 256;
      break;
    }
    case RA::kIfNonEmpty:
      if (x.k != Val::K::kStr) {
        Undecided(
            "the string converted to interface here is not known statically "
            "(runtime.convTstring allocates 16 B unless it is empty)",
            node.pos);
        return r;
      }
      allocates = !x.s.empty();
      break;
    case RA::kIfNonNil:
      if (x.k == Val::K::kNil) return r;
      if (x.k != Val::K::kSlice || x.obj < 0) {
        Undecided(
            "whether the slice converted to interface here is nil is not known "
            "(runtime.convTslice allocates 24 B unless it is)",
            node.pos);
        return r;
      }
      break;
    default:
      break;
  }
  if (allocates) Alloc(n, "runtime." + rt, static_cast<uint64_t>(cost.size), cost.noscan);
  return r;
}

Val Interp::MakeSlice(NodeId n) {
  const ir::Node& node = N(n);
  Val len = node.x.has_value() ? Eval(node.x) : Val::Int(0);
  Val cap = node.y.has_value() ? Eval(node.y) : len;
  TypeId st = node.type;
  TypeId et = T(Under(st)).elem;
  int64_t esize = types::SizeOf(u_, et);
  bool noscan = !types::HasPointers(u_, et);
  bool const_cap = (node.y.has_value() ? N(node.y) : N(node.x)).op == Op::kLiteral;
  if (cap.k != Val::K::kInt || len.k != Val::K::kInt) {
    if (Heap(n) || !const_cap) {
      Undecided("the length or capacity of this make is not known statically", node.pos);
      return Val::Unknown();
    }
  }
  Val s;
  s.k = Val::K::kSlice;
  s.len = len.k == Val::K::kInt ? len.i : -1;
  s.cap = cap.k == Val::K::kInt ? cap.i : -1;
  TypeId at = s.cap >= 0 ? const_cast<types::Universe&>(u_).NewArray(et, s.cap) : TypeId();
  s.obj = NewObject(at, s.cap >= 0 && s.cap <= 4096 ? ZeroOf(at) : Val::Unknown());
  if (Heap(n)) {
    Alloc(n, "make", static_cast<uint64_t>(esize * s.cap), noscan);
  } else if (!const_cap) {
    // walkMakeSlice's tryStack: a 32-byte stack buffer when cap*size fits
    // (base.Debug.VariableMakeThreshold), else runtime.makeslice.
    int64_t k = esize > 0 ? 32 / esize : 0;
    if (k == 0 || s.cap > k)
      Alloc(n, "make (larger than its 32-byte stack buffer)", static_cast<uint64_t>(esize * s.cap),
            noscan);
  }
  return s;
}

Val Interp::Append(NodeId n) {
  const ir::Node& node = N(n);
  if (node.list.count == 0) return Val::Unknown();
  Val s = Eval(P().At(node.list, 0));
  std::vector<Val> extra;
  int64_t add = 0;
  NodeId arg1 = node.list.count == 2 ? P().At(node.list, 1) : NodeId();
  if (node.has_dots && N(arg1).op == Op::kMakeSlice && !N(arg1).y.has_value()) {
    // walk's isAppendOfMake / extendSlice: append(s, make([]T, n)...) grows s by n zeroed
    // elements through one runtime.growslice (when the capacity does not suffice) and never
    // makes the slice it appends. (The length always fits a uint on 64-bit targets.)
    Val len = Eval(N(arg1).x);
    add = len.k == Val::K::kInt && len.i >= 0 ? len.i : -1;
  } else if (node.has_dots) {
    Val t = Eval(arg1);
    if (t.k == Val::K::kSlice && t.len >= 0)
      add = t.len;
    else if (t.k == Val::K::kStr)
      add = static_cast<int64_t>(t.s.size());
    else if (t.k == Val::K::kNil)
      add = 0;
    else
      add = -1;
  } else {
    for (uint32_t i = 1; i < node.list.count; ++i) extra.push_back(Eval(P().At(node.list, i)));
    add = static_cast<int64_t>(extra.size());
  }
  TypeId et = T(Under(node.type)).elem;
  int64_t esize = types::SizeOf(u_, et);
  bool noscan = !types::HasPointers(u_, et);
  if (s.k == Val::K::kNil) {
    s = Val();
    s.k = Val::K::kSlice;
    s.len = 0;
    s.cap = 0;
  }
  bool known = s.k == Val::K::kSlice && s.len >= 0 && s.cap >= 0 && add >= 0;
  if (!known) {
    if (s.persist && !(s.k == Val::K::kSlice && s.len >= 0)) {
      Undecided(
          "the length of a slice held across iterations is not known here: it may grow "
          "without bound (B/op then depends on the number of iterations)",
          node.pos);
      return Val::Unknown(true);
    }
    if (s.persist) {
      Note(
          "appends to slices held across iterations are amortized: once the capacity suffices "
          "(the length is reset each iteration) growth stops");
      Val r = Val::Unknown(true);
      if (s.k == Val::K::kSlice && s.len >= 0 && add >= 0) {  // the length is still known
        r.k = Val::K::kSlice;
        r.len = s.len + add;
        r.cap = -1;
        r.obj = -1;
      }
      return r;
    }
    {
      Undecided("the length or capacity of the slice appended to here is not known", node.pos);
      return Val::Unknown();
    }
  }
  int64_t newlen = s.len + add;
  if (newlen <= s.cap) {
    Val r = s;
    r.len = newlen;
    if (r.obj >= 0) {
      for (size_t i = 0; i < extra.size(); ++i) {
        std::vector<int64_t> p = r.path;
        p.push_back(r.off + s.len + static_cast<int64_t>(i));
        Store(r.obj, p, extra[i]);
      }
    }
    return r;
  }
  // Go 1.25+ (ssagen append, getBackingStoreInfoForAppend): a non-escaping append (or one the
  // slice pass made so) of elements up to 32 bytes may use a 32-byte stack buffer: with UseBuf
  // through runtime.growsliceBuf while the new length fits it (capacity one size class at a
  // time); otherwise once per invocation, when the slice is empty.
  const SliceMove* mv = SliceMoveOf(n);
  bool none = !Heap(n) || mv != nullptr;
  int64_t k = esize > 0 && esize <= 32 ? 32 / esize : 0;
  if (none && k > 0 && !node.has_dots) {
    NodeId arg0 = P().At(node.list, 0);
    uint32_t key = N(arg0).op == Op::kName && N(arg0).var.has_value() ? N(arg0).var.index()
                                                                      : 0x80000000u | n.index();
    bool use_buf = mv != nullptr && mv->cap_used;
    auto used = F().used_bufs.find(key);
    bool first = used == F().used_bufs.end();
    Val r;
    r.k = Val::K::kSlice;
    r.stack_buf = true;
    r.len = newlen;
    if (use_buf && newlen <= k) {
      r.cap = static_cast<int64_t>(RoundUpSize(static_cast<uint64_t>(newlen * esize), noscan) /
                                   static_cast<uint64_t>(esize));
    } else if (!use_buf && newlen <= k && s.len == 0 && first) {
      F().used_bufs[key] = n.index();
      r.cap = k;
    } else {
      r.cap = -1;
    }
    if (r.cap >= 0) {
      TypeId at = const_cast<types::Universe&>(u_).NewArray(et, r.cap);
      r.obj = NewObject(at, ZeroOf(at));
      if (s.obj >= 0) {
        for (int64_t i = 0; i < s.len; ++i) {
          std::vector<int64_t> p = s.path;
          p.push_back(s.off + i);
          Store(r.obj, {i}, Load(s.obj, p));
        }
      }
      for (size_t i = 0; i < extra.size(); ++i) {
        Store(r.obj, {s.len + static_cast<int64_t>(i)}, extra[i]);
      }
      return r;
    }
  }
  uint64_t newcap = GrowCap(static_cast<uint64_t>(s.cap), static_cast<uint64_t>(newlen),
                            static_cast<uint64_t>(esize), noscan);
  Alloc(n, "growslice", newcap * static_cast<uint64_t>(esize), noscan);
  Val r;
  r.k = Val::K::kSlice;
  r.len = newlen;
  r.cap = static_cast<int64_t>(newcap);
  TypeId at = const_cast<types::Universe&>(u_).NewArray(et, r.cap);
  r.obj = NewObject(at, r.cap <= 4096 ? ZeroOf(at) : Val::Unknown());
  if (s.obj >= 0) {
    for (int64_t i = 0; i < s.len && i < 4096; ++i) {
      std::vector<int64_t> p = s.path;
      p.push_back(s.off + i);
      Store(r.obj, {i}, Load(s.obj, p));
    }
  }
  for (size_t i = 0; i < extra.size(); ++i) {
    Store(r.obj, {s.len + static_cast<int64_t>(i)}, extra[i]);
  }
  return r;
}

Val Interp::StringOp(NodeId n) {
  const ir::Node& node = N(n);
  bool heap = Heap(n);
  switch (node.op) {
    case Op::kAddStr: {
      std::string out;
      bool all = true;
      int nonempty = 0;
      for (uint32_t i = 0; i < node.list.count; ++i) {
        Val v = Eval(P().At(node.list, i));
        if (v.k != Val::K::kStr) {
          all = false;
          continue;
        }
        if (!v.s.empty()) ++nonempty;
        out += v.s;
      }
      if (!all) {
        Undecided("the operands of this string concatenation are not known statically", node.pos);
        return Val::Unknown();
      }
      // runtime.concatstrings: no allocation for one non-empty operand (not on the stack);
      // a 32-byte stack buffer when the result does not escape.
      if (nonempty >= 2 && (heap || out.size() > 32)) {
        Alloc(n, "runtime.concatstrings", out.size(), true);
      }
      return Val::Str(out);
    }
    case Op::kStr2Bytes: {
      Val v = Eval(node.x);
      if (F().code->esc->zero_copy.Get(n) == 1) {
        // The bytes alias the string's (never written through): no copy, the length is known.
        if (v.k != Val::K::kStr) return Val::Unknown();
        return ByteSlice(v.s);
      }
      if (v.k != Val::K::kStr) {
        Undecided("the string converted to []byte here is not known statically", node.pos);
        return Val::Unknown();
      }
      uint64_t l = v.s.size();
      if (l > 0 && (heap || l > 32)) {
        Alloc(n, "runtime.stringtoslicebyte", RoundUpSize(l, true), true);
      }
      return ByteSlice(v.s);
    }
    case Op::kBytes2Str: {
      Val v = Eval(node.x);
      if (v.k == Val::K::kNil) return Val::Str("");
      if (v.k != Val::K::kSlice || v.len < 0) {
        Undecided("the length of the []byte converted to string here is not known", node.pos);
        return Val::Unknown();
      }
      if (v.len > 1 && (heap || v.len > 32)) {
        Alloc(n, "runtime.slicebytetostring", static_cast<uint64_t>(v.len), true);
      }
      if (auto bytes = KnownBytes(v)) return Val::Str(*bytes);
      return Val::Unknown();
    }
    case Op::kRuneStr: {
      Val r = Eval(node.x);
      // runtime.intstring: a 4-byte buffer (the stack's when the string does not escape).
      if (heap) Alloc(n, "runtime.intstring", 4, true);
      if (r.k != Val::K::kInt) return Val::Unknown();
      int64_t c = r.i;
      std::string out;
      syntax::AppendUtf8(&out, c < 0 || c > 0x10FFFF ? 0xFFFD : static_cast<int32_t>(c));
      return Val::Str(out);
    }
    case Op::kStr2Runes: {
      // runtime.stringtoslicerune: a 32-rune stack buffer when the slice does not escape and the
      // string has at most 32 runes, else rawruneslice(n): roundupsize(4n) bytes, noscan.
      Val v = Eval(node.x);
      if (v.k != Val::K::kStr) {
        Undecided("the string converted to []rune here is not known statically", node.pos);
        return Val::Unknown();
      }
      std::vector<int32_t> runes = DecodeRunes(v.s);
      int64_t count = static_cast<int64_t>(runes.size());
      int64_t cap = 32;
      if (heap || count > 32) {
        uint64_t mem = RoundUpSize(static_cast<uint64_t>(count) * 4, true);
        if (mem > 0) Alloc(n, "runtime.stringtoslicerune", mem, true);
        cap = static_cast<int64_t>(mem / 4);
      }
      Val s;
      s.k = Val::K::kSlice;
      s.len = count;
      s.cap = cap;
      TypeId at = const_cast<types::Universe&>(u_).NewArray(u_.Basic(BasicKind::kInt32), cap);
      s.obj = NewObject(at, cap <= 4096 ? ZeroOf(at) : Val::Unknown());
      for (int64_t i = 0; i < count && cap <= 4096; ++i) {
        Store(s.obj, {i}, Val::Int(runes[static_cast<size_t>(i)]));
      }
      return s;
    }
    case Op::kRunes2Str: {
      // runtime.slicerunetostring: rawstringtmp(size+3) where size is the UTF-8 length, from
      // the 32-byte stack buffer when the string does not escape and it fits.
      Val v = Eval(node.x);
      auto runes = KnownInts(v);
      if (!runes) {
        Undecided("the runes converted to string here are not known statically", node.pos);
        return Val::Unknown();
      }
      std::string out;
      for (int64_t r : *runes) {
        syntax::AppendUtf8(&out, r < 0 || r > 0x10FFFF ? 0xFFFD : static_cast<int32_t>(r));
      }
      uint64_t l = out.size() + 3;
      if (heap || l > 32) Alloc(n, "runtime.slicerunetostring", l, true);
      return Val::Str(out);
    }
    default:
      throw Unknowable{"this string conversion is not modelled", node.pos};
  }
}

// The bytes of a string or []byte value when every one is known (KnownInts as bytes).
std::optional<std::string> Interp::KnownBytes(const Val& v) {
  auto ints = KnownInts(v);
  if (!ints) return std::nullopt;
  std::string out;
  for (int64_t b : *ints) out.push_back(static_cast<char>(b));
  return out;
}

// A []byte holding `bytes` (len = cap), its elements known up to 4096 bytes; not an allocation.
Val Interp::ByteSlice(const std::string& bytes) {
  Val s;
  s.k = Val::K::kSlice;
  s.len = static_cast<int64_t>(bytes.size());
  s.cap = s.len;
  if (s.len > 4096) return s;
  TypeId at = const_cast<types::Universe&>(u_).NewArray(u_.Basic(BasicKind::kUint8), s.len);
  s.obj = NewObject(at, ZeroOf(at));
  for (int64_t i = 0; i < s.len; ++i) {
    Store(s.obj, {i}, Val::Int(static_cast<unsigned char>(bytes[static_cast<size_t>(i)])));
  }
  return s;
}

// The runes of `s` as a range over it decodes them (invalid bytes are U+FFFD, one byte each).
std::vector<int32_t> DecodeRunes(const std::string& s) {
  std::vector<int32_t> out;
  for (size_t i = 0; i < s.size();) {
    int w = 1;
    out.push_back(syntax::DecodeUtf8(s.data() + i, s.size() - i, &w));
    i += static_cast<size_t>(w < 1 ? 1 : w);
  }
  return out;
}

// The elements of a string, or of a slice of integers, when every one is known; at most 64 KiB.
std::optional<std::vector<int64_t>> Interp::KnownInts(const Val& v) {
  std::vector<int64_t> out;
  if (v.k == Val::K::kStr) {
    for (char c : v.s) out.push_back(static_cast<unsigned char>(c));
    return out;
  }
  if (v.k == Val::K::kNil || (v.k == Val::K::kSlice && v.len == 0)) return out;
  if (v.k != Val::K::kSlice || v.obj < 0 || v.len < 0 || v.len > 65536) return std::nullopt;
  std::vector<int64_t> p = v.path;
  p.push_back(0);
  for (int64_t i = 0; i < v.len; ++i) {
    p.back() = v.off + i;
    Val e = Load(v.obj, p);
    if (e.k != Val::K::kInt) return std::nullopt;
    out.push_back(e.i);
  }
  return out;
}

bool Interp::LValue(NodeId n, int* obj, std::vector<int64_t>* path) {
  const ir::Node& node = N(n);
  switch (node.op) {
    case Op::kName:
      if (!node.var.has_value()) return false;
      *obj = VarObject(node.var);
      path->clear();
      return true;
    case Op::kDot:
      if (!LValue(node.x, obj, path)) return false;
      path->push_back(node.index);
      return true;
    case Op::kDotPtr:
    case Op::kDeref: {
      Val p = Eval(node.x);
      if (p.k != Val::K::kPtr) return false;
      *obj = p.obj;
      *path = p.path;
      if (node.op == Op::kDotPtr) path->push_back(node.index);
      return true;
    }
    case Op::kIndex: {
      TypeId xt = N(node.x).type;
      TypeKind k = KindOf(xt);
      Val i = Eval(node.y);
      if (k == TypeKind::kArray) {
        if (!LValue(node.x, obj, path) || i.k != Val::K::kInt) return false;
        path->push_back(i.i);
        return true;
      }
      if (k == TypeKind::kPointer) {  // p[i] on *array
        Val p = Eval(node.x);
        if (p.k != Val::K::kPtr || i.k != Val::K::kInt) return false;
        *obj = p.obj;
        *path = p.path;
        path->push_back(i.i);
        return true;
      }
      if (k == TypeKind::kSlice) {
        Val s = Eval(node.x);
        if (s.k != Val::K::kSlice || s.obj < 0 || i.k != Val::K::kInt) return false;
        *obj = s.obj;
        *path = s.path;
        path->push_back(s.off + i.i);
        return true;
      }
      return false;
    }
    default:
      return false;
  }
}

void Interp::Assign(NodeId lhs, Val v) {
  if (!lhs.has_value()) return;
  const ir::Node& l = N(lhs);
  if (l.op == Op::kName && !l.var.has_value()) return;  // blank
  if (l.op == Op::kIndexMap) {
    Val m = Eval(l.x);
    Val key = Eval(l.y);
    MapAssign(lhs, m, key, std::move(v));
    return;
  }
  int obj;
  std::vector<int64_t> path;
  if (!LValue(lhs, &obj, &path)) {
    ++dropped_stores_;
    return;
  }
  Store(obj, path, std::move(v));
}

// Bounds the interpreter's own recursion (nested expressions and statements of every frame).
struct DepthGuard {
  DepthGuard(int& d, Pos pos) : d_(d) {
    if (++d_ > 600) {
      --d_;
      throw Unknowable{"the code followed nests too deeply", pos};
    }
  }
  ~DepthGuard() { --d_; }
  int& d_;
};

Val Interp::Eval(NodeId n) {
  if (!n.has_value()) return Val::Unknown();
  DepthGuard guard(depth_, N(n).pos);
  Step(N(n).pos);
  const ir::Node& node = N(n);
  for (uint32_t i = 0; i < node.init.count; ++i) {
    Flow f = Exec(P().At(node.init, i));
    if (f.k != Flow::K::kNormal) Fail("control flow inside an expression's initialization", n);
  }
  switch (node.op) {
    case Op::kName: {
      if (!node.var.has_value()) {
        if (node.obj.has_value() && u_.Obj(node.obj).kind == types::ObjKind::kFunc) {
          Val f;
          f.k = Val::K::kFunc;
          auto fo = FuncOf(node.obj);
          if (fo) {
            f.code = fo->first;
            f.fn = fo->second;
          }
          f.type = TypeId();
          f.i = node.obj.index();
          return f;
        }
        return Val::Unknown();
      }
      int o = VarObject(node.var);
      return Load(o, {});
    }
    case Op::kLiteral:
      return Literal(n);
    case Op::kNil:
      return Val::Nil();
    case Op::kType:
    case Op::kMethExpr:
      return Val::Unknown();
    case Op::kUnary: {
      Val x = Eval(node.x);
      using syntax::Token;
      if (node.tok == Token::kNot && x.k == Val::K::kBool) return Val::Bool(!x.i);
      if (x.k == Val::K::kFloat && node.tok == Token::kSub) return Val::Float(-x.d);
      if (x.k == Val::K::kFloat && node.tok == Token::kAdd) return x;
      if (x.k != Val::K::kInt) return Val::Unknown();
      if (node.tok == Token::kSub)
        return Val::Int(Wrap(static_cast<int64_t>(0 - static_cast<uint64_t>(x.i)), node.type));
      if (node.tok == Token::kAdd) return x;
      if (node.tok == Token::kXor) return Val::Int(Wrap(~x.i, node.type));
      return Val::Unknown();
    }
    case Op::kBinary: {
      Val a = Eval(node.x);
      Val b = Eval(node.y);
      return Binary(node, a, b);
    }
    case Op::kAndAnd:
    case Op::kOrOr: {
      bool and_op = node.op == Op::kAndAnd;
      Val a = Eval(node.x);
      bool t;
      if (Truth(a, &t)) {
        if (t != and_op) return Val::Bool(t);
        return Eval(node.y);
      }
      // Unknown left operand: the right one is evaluated on one path only.
      Val result;
      Fork({[&]() { return Flow(); },
            [&]() {
              Val b = Eval(node.y);
              bool tb;
              if (Truth(b, &tb) && tb != and_op) result = Val::Bool(tb);
              return Flow();
            }},
           node.pos);
      if (result.known()) return result;
      return Val::Unknown();
    }
    case Op::kAddStr:
    case Op::kStr2Bytes:
    case Op::kBytes2Str:
    case Op::kRuneStr:
    case Op::kRunes2Str:
    case Op::kStr2Runes:
      return StringOp(n);
    case Op::kAddr: {
      int obj;
      std::vector<int64_t> path;
      if (LValue(node.x, &obj, &path)) {
        Val p;
        p.k = Val::K::kPtr;
        p.obj = obj;
        p.path = path;
        return p;
      }
      if (N(node.x).op == Op::kStructLit || N(node.x).op == Op::kArrayLit) {
        Val v = Eval(node.x);
        Val p;
        p.k = Val::K::kPtr;
        p.obj = NewObject(N(node.x).type, v);
        return p;
      }
      return Val::Unknown();
    }
    case Op::kDeref:
    case Op::kDot:
    case Op::kDotPtr:
    case Op::kIndex: {
      if (node.op == Op::kDot) {
        // A field of a value that is not addressable (a call result, a literal).
        int obj;
        std::vector<int64_t> path;
        if (LValue(n, &obj, &path)) return Load(obj, path);
        Val x = Eval(node.x);
        if (x.k == Val::K::kAgg && static_cast<size_t>(node.index) < x.elems.size()) {
          Val r = x.elems[static_cast<size_t>(node.index)];
          r.persist = r.persist || x.persist;
          return r;
        }
        return Val::Unknown(x.persist);
      }
      if (node.op == Op::kIndex) {
        TypeId xt = N(node.x).type;
        if (types::IsString(u_, xt)) {
          Val s = Eval(node.x);
          Val i = Eval(node.y);
          if (s.k == Val::K::kStr && i.k == Val::K::kInt && i.i >= 0 &&
              static_cast<size_t>(i.i) < s.s.size()) {
            return Val::Int(static_cast<unsigned char>(s.s[static_cast<size_t>(i.i)]));
          }
          return Val::Unknown(s.persist);
        }
        if (KindOf(xt) == TypeKind::kArray) {
          int obj;
          std::vector<int64_t> path;
          if (LValue(n, &obj, &path)) return Load(obj, path);
          Val a = Eval(node.x);
          Val i = Eval(node.y);
          if (a.k == Val::K::kAgg && i.k == Val::K::kInt && i.i >= 0 &&
              static_cast<size_t>(i.i) < a.elems.size()) {
            return a.elems[static_cast<size_t>(i.i)];
          }
          return Val::Unknown(a.persist);
        }
      }
      int obj;
      std::vector<int64_t> path;
      if (LValue(n, &obj, &path)) return Load(obj, path);
      return Val::Unknown(true);
    }
    case Op::kIndexMap: {
      Val m = Eval(node.x);
      Val key = Eval(node.y);
      return MapLookup(m, key, node.type).first;
    }
    case Op::kSlice:
    case Op::kSlice3:
    case Op::kSliceArr:
    case Op::kSlice3Arr:
    case Op::kSliceStr: {
      Val x = Eval(node.x);
      Val lo = node.y.has_value() ? Eval(node.y) : Val::Int(0);
      Val hi = node.z.has_value() ? Eval(node.z) : Val::Unknown();
      Val mx = node.w.has_value() ? Eval(node.w) : Val::Unknown();
      if (node.op == Op::kSliceStr) {
        if (x.k != Val::K::kStr || lo.k != Val::K::kInt) return Val::Unknown(x.persist);
        int64_t h = hi.k == Val::K::kInt ? hi.i : static_cast<int64_t>(x.s.size());
        if (!node.z.has_value()) h = static_cast<int64_t>(x.s.size());
        if (lo.i < 0 || h < lo.i || static_cast<size_t>(h) > x.s.size()) return Val::Unknown();
        return Val::Str(x.s.substr(static_cast<size_t>(lo.i), static_cast<size_t>(h - lo.i)));
      }
      Val s;
      s.k = Val::K::kSlice;
      s.persist = x.persist;
      if (node.op == Op::kSliceArr || node.op == Op::kSlice3Arr) {
        TypeId pt = N(node.x).type;
        TypeId at = KindOf(pt) == TypeKind::kPointer ? T(Under(pt)).elem : pt;
        int64_t alen = T(Under(at)).len;
        if (x.k == Val::K::kPtr) {
          s.obj = x.obj;
          s.path = x.path;
        }
        s.off = 0;
        s.len = alen;
        s.cap = alen;
      } else if (x.k == Val::K::kSlice) {
        s = x;
      } else if (x.k == Val::K::kNil) {
        s.len = 0;
        s.cap = 0;
      } else {
        s.len = -1;
        s.cap = -1;
      }
      if (lo.k != Val::K::kInt) return Val::Unknown(x.persist);
      int64_t cap = s.cap;
      int64_t h = node.z.has_value() ? (hi.k == Val::K::kInt ? hi.i : -1) : s.len;
      int64_t m = node.w.has_value() ? (mx.k == Val::K::kInt ? mx.i : -1) : cap;
      Val r = s;
      r.off = s.off + lo.i;
      r.len = h >= 0 ? h - lo.i : -1;
      r.cap = m >= 0 ? m - lo.i : -1;
      return r;
    }
    case Op::kDotType: {
      Val x = Eval(node.x);
      if (x.k == Val::K::kIface && x.type.has_value()) {
        if (types::IsInterface(u_, node.type)) {
          if (types::Implements(u_, x.type, node.type)) return x;
        } else if (types::Identical(u_, x.type, node.type)) {
          return x.elems[0];
        }
        throw Panicked{
            {"this type assertion fails (panics) on the value escapist followed", node.pos}};
      }
      // From an object escapist does not know (a pool's Get): a fresh value of that type.
      if (!types::IsInterface(u_, node.type) && KindOf(node.type) == TypeKind::kPointer) {
        TypeId et = T(Under(node.type)).elem;
        Val p;
        p.k = Val::K::kPtr;
        p.obj = NewObject(et, Val::Unknown(true));
        mem_[static_cast<size_t>(p.obj)].persistent = x.persist;
        p.persist = x.persist;
        return p;
      }
      return Val::Unknown(x.persist);
    }
    case Op::kConv:
    case Op::kConvNop:
      return Convert(n, Eval(node.x));
    case Op::kConvIface:
      return ConvIface(n);
    case Op::kLen:
    case Op::kCap: {
      // len([]rune(s)) is runtime.countrunes(s): no slice is made (walk isRuneCount).
      if (node.op == Op::kLen && N(node.x).op == Op::kStr2Runes) {
        Val s = Eval(N(node.x).x);
        if (s.k != Val::K::kStr) return Val::Unknown(s.persist);
        return Val::Int(static_cast<int64_t>(DecodeRunes(s.s).size()));
      }
      Val x = Eval(node.x);
      TypeId xt = N(node.x).type;
      if (KindOf(xt) == TypeKind::kArray) return Val::Int(T(Under(xt)).len);
      if (KindOf(xt) == TypeKind::kPointer) {
        TypeId at = T(Under(xt)).elem;
        if (KindOf(at) == TypeKind::kArray) return Val::Int(T(Under(at)).len);
      }
      if (x.k == Val::K::kStr) return Val::Int(static_cast<int64_t>(x.s.size()));
      if (x.k == Val::K::kNil) return Val::Int(0);
      if (KindOf(xt) == TypeKind::kMap) {
        MapObj* mo = MapOf(x, false);
        return mo != nullptr && mo->valid ? Val::Int(mo->shape.used) : Val::Unknown(x.persist);
      }
      if (x.k == Val::K::kSlice) {
        int64_t v = node.op == Op::kLen ? x.len : x.cap;
        if (v >= 0) return Val::Int(v);
      }
      return Val::Unknown(x.persist);
    }
    case Op::kCallFunc:
    case Op::kCallInter:
      return Call(n);
    case Op::kInlCall: {
      Flow f = ExecList(node.list);
      if (f.k == Flow::K::kReturn) Fail("return inside an inlined body", n);
      if (node.list2.count == 0) return Val::Unknown();
      if (node.list2.count == 1) return Eval(P().At(node.list2, 0));
      Val agg;
      agg.k = Val::K::kAgg;
      for (uint32_t i = 0; i < node.list2.count; ++i)
        agg.elems.push_back(Eval(P().At(node.list2, i)));
      return agg;
    }
    case Op::kAppend:
      return Append(n);
    case Op::kCopy: {
      Eval(node.x);
      Eval(node.y);
      Havoc(node.x);
      return Val::Unknown();
    }
    case Op::kNew: {
      TypeId et = T(Under(node.type)).elem;
      if (Heap(n)) {
        Alloc(n, "new(" + types::TypeString(u_, et, P().pkg) + ")",
              static_cast<uint64_t>(types::SizeOf(u_, et)), !types::HasPointers(u_, et));
      }
      Val p;
      p.k = Val::K::kPtr;
      p.obj = NewObject(et, ZeroOf(et));
      return p;
    }
    case Op::kMakeSlice:
      return MakeSlice(n);
    case Op::kMakeMap: {
      Val hint = node.x.has_value() ? Eval(node.x) : Val::Int(0);
      bool hint_const = !node.x.has_value() || N(node.x).op == Op::kLiteral;
      return NewMap(n, node.type, hint, hint_const);
    }
    case Op::kMakeChan:
      if (node.x.has_value()) Eval(node.x);
      throw Unknowable{"channel allocations are not modelled", node.pos};
    case Op::kPanic:
      Eval(node.x);
      throw Panicked{{"the code followed panics here", node.pos}};
    case Op::kRecover:
      return Val::Nil();
    case Op::kDelete: {
      Val m = Eval(node.x);
      Val key = Eval(node.y);
      MapDelete(m, key);
      return Val::Unknown();
    }
    case Op::kClear:
      if (KindOf(N(node.x).type) == TypeKind::kMap) {
        MapClear(Eval(node.x));
        return Val::Unknown();
      }
      [[fallthrough]];
    case Op::kClose:
    case Op::kPrint:
    case Op::kPrintln:
      if (node.x.has_value()) Eval(node.x);
      if (node.y.has_value()) Eval(node.y);
      for (uint32_t i = 0; i < node.list.count; ++i) Eval(P().At(node.list, i));
      if (node.op == Op::kClear) Havoc(node.x);
      return Val::Unknown();
    case Op::kMin:
    case Op::kMax: {
      std::optional<int64_t> best;
      bool all = true;
      bool uns = IsUnsigned(node.type);
      for (uint32_t i = 0; i < node.list.count; ++i) {
        Val v = Eval(P().At(node.list, i));
        if (v.k != Val::K::kInt) {
          all = false;
          continue;
        }
        if (!best) {
          best = v.i;
        } else {
          bool less = uns ? static_cast<uint64_t>(v.i) < static_cast<uint64_t>(*best) : v.i < *best;
          if ((node.op == Op::kMin) == less) best = v.i;
        }
      }
      if (all && best) return Val::Int(*best);
      return Val::Unknown();
    }
    case Op::kReal:
    case Op::kImag:
    case Op::kComplex:
    case Op::kUnsafeSliceData: {
      // unsafe.SliceData(s): &s[0] of its backing array (nil for a nil slice).
      Val x = Eval(node.x);
      if (x.k == Val::K::kNil) return Val::Nil();
      if (x.k != Val::K::kSlice || x.obj < 0) return Val::Unknown(x.persist);
      Val p;
      p.k = Val::K::kPtr;
      p.obj = x.obj;
      p.path = x.path;
      p.path.push_back(x.off);
      return p;
    }
    case Op::kUnsafeString: {
      // unsafe.String(p, n): the n bytes from the array element p points to, when known.
      Val p = Eval(node.x);
      Val len = Eval(node.y);
      if (len.k == Val::K::kInt && len.i == 0) return Val::Str("");
      if (p.k != Val::K::kPtr || p.path.empty() || len.k != Val::K::kInt || len.i < 0 ||
          len.i > 65536) {
        return Val::Unknown();
      }
      Val bytes;  // the slice p[:n] of the array p points into
      bytes.k = Val::K::kSlice;
      bytes.obj = p.obj;
      bytes.path.assign(p.path.begin(), p.path.end() - 1);
      bytes.off = p.path.back();
      bytes.len = len.i;
      bytes.cap = len.i;
      if (auto known = KnownBytes(bytes)) return Val::Str(*known);
      return Val::Unknown();
    }
    case Op::kUnsafeAdd:
    case Op::kUnsafeSlice:
    case Op::kUnsafeStringData:
    case Op::kRecv:
    case Op::kSlice2Arr:
    case Op::kSlice2ArrPtr:
    case Op::kDotType2: {
      if (node.x.has_value()) Eval(node.x);
      if (node.y.has_value()) Eval(node.y);
      if (node.op == Op::kRecv) throw Unknowable{"channel receives are not modelled", node.pos};
      return Val::Unknown();
    }
    case Op::kPtrLit: {
      Val v = Eval(node.x);
      TypeId et = N(node.x).type;
      if (Heap(n)) {
        Alloc(n, "&" + types::TypeString(u_, et, P().pkg) + "{...}",
              static_cast<uint64_t>(types::SizeOf(u_, et)), !types::HasPointers(u_, et));
      }
      Val p;
      p.k = Val::K::kPtr;
      p.obj = NewObject(et, v);
      return p;
    }
    case Op::kStructLit: {
      Val v = ZeroOf(node.type);
      if (v.k != Val::K::kAgg) v = Val::Unknown();
      for (uint32_t i = 0; i < node.list.count; ++i) {
        const ir::Node& kv = N(P().At(node.list, i));
        Val e = Eval(kv.x);
        if (v.k == Val::K::kAgg && static_cast<size_t>(kv.index) < v.elems.size()) {
          v.elems[static_cast<size_t>(kv.index)] = e;
        }
      }
      return v;
    }
    case Op::kArrayLit:
    case Op::kSliceLit: {
      TypeId t = node.type;
      TypeId et = T(Under(t)).elem;
      std::vector<std::pair<int64_t, Val>> elems;
      int64_t idx = 0, count = 0;
      for (uint32_t i = 0; i < node.list.count; ++i) {
        NodeId e = P().At(node.list, i);
        if (N(e).op == Op::kKey) {
          Val k = Eval(N(e).x);
          if (k.k == Val::K::kInt) idx = k.i;
          elems.push_back({idx, Eval(N(e).y)});
        } else {
          elems.push_back({idx, Eval(e)});
        }
        ++idx;
        count = std::max(count, idx);
      }
      int64_t len = node.op == Op::kArrayLit ? T(Under(t)).len : count;
      TypeId at = const_cast<types::Universe&>(u_).NewArray(et, len);
      Val arr = len <= 4096 ? ZeroOf(at) : Val::Unknown();
      if (arr.k == Val::K::kAgg) {
        for (auto& [k, v] : elems) {
          if (k >= 0 && static_cast<size_t>(k) < arr.elems.size())
            arr.elems[static_cast<size_t>(k)] = v;
        }
      }
      if (node.op == Op::kArrayLit) return arr;
      if (Heap(n)) {
        Alloc(n, "[]" + types::TypeString(u_, et, P().pkg) + "{...}",
              static_cast<uint64_t>(types::SizeOf(u_, et) * len), !types::HasPointers(u_, et));
      }
      Val s;
      s.k = Val::K::kSlice;
      s.obj = NewObject(at, arr);
      s.len = len;
      s.cap = len;
      return s;
    }
    case Op::kMapLit: {
      // walk.maplit: make(map, number of entries), then each entry assigned in turn.
      Val m = NewMap(n, node.type, Val::Int(node.list.count), true);
      for (uint32_t i = 0; i < node.list.count; ++i) {
        const ir::Node& kv = N(P().At(node.list, i));
        Val key = Eval(kv.x);
        Val v = Eval(kv.y);
        if (m.k == Val::K::kPtr) MapAssign(P().At(node.list, i), m, key, std::move(v));
      }
      return m;
    }
    case Op::kClosure: {
      const Code* c = F().code;
      FuncId fn = node.func;
      Val f;
      f.k = Val::K::kFunc;
      f.code = c;
      f.fn = fn;
      const ir::Func& func = c->prog->funcs.Get(fn);
      for (VarId cv : func.closure_vars) {
        VarId outer = c->prog->vars.Get(cv).outer;
        f.captures.push_back(outer.has_value() ? VarObject(outer) : -1);
      }
      if (!func.closure_vars.empty() && Heap(n)) {
        auto [size, ptrs] = ClosureLayout(c, fn);
        Alloc(n, "func literal", size, !ptrs);
      }
      return f;
    }
    case Op::kMethValue: {
      Val recv = Eval(node.x);
      if (Heap(n)) {
        TypeId rt = N(node.x).type;
        int64_t al = std::max<int64_t>(8, types::AlignOf(u_, rt));
        int64_t size = (8 + al - 1) / al * al + types::SizeOf(u_, rt);
        size = (size + al - 1) / al * al;
        Alloc(n, "method value", static_cast<uint64_t>(size), false);
      }
      Val f;
      f.k = Val::K::kFunc;
      auto fo = FuncOf(node.obj);
      if (fo) {
        f.code = fo->first;
        f.fn = fo->second;
      }
      f.i = node.obj.index();
      f.elems.push_back(recv);  // bound receiver
      return f;
    }
    default:
      Fail(std::string("escapist cannot follow ") + ir::OpName(node.op) + " here", n);
  }
}

std::vector<Val> Interp::EvalMulti(NodeId n) {
  const ir::Node& node = N(n);
  if (node.op == Op::kCallFunc || node.op == Op::kCallInter) return CallValues(n);
  Val v = Eval(n);
  if (node.op == Op::kInlCall && v.k == Val::K::kAgg && node.list2.count > 1) return v.elems;
  size_t count = 1;
  if (node.type.has_value() && T(node.type).kind == TypeKind::kTuple) {
    count = T(node.type).vars.size();
  }
  return std::vector<Val>(count, Val::Unknown());
}

Val Interp::Call(NodeId call) {
  std::vector<Val> r = CallValues(call);
  if (r.empty()) return Val::Unknown();
  if (r.size() == 1) return r[0];
  Val agg;
  agg.k = Val::K::kAgg;
  agg.elems = r;
  return agg;
}

std::optional<std::vector<Val>> Interp::Modelled(ObjId callee, const std::vector<Val>& args,
                                                 NodeId site) {
  const types::Object& o = u_.Obj(callee);
  if (!o.pkg.has_value()) return std::nullopt;
  const std::string& path = u_.Pkg(o.pkg).path;
  std::string recv = o.method_of.has_value() ? u_.Obj(o.method_of).name : "";
  size_t nres = 0;
  if (o.type.has_value() && T(o.type).results.has_value()) nres = T(T(o.type).results).vars.size();
  std::vector<Val> unknown(nres, Val::Unknown(true));
  // sync.Pool: in a steady state Get returns an object Put back by an earlier iteration, so
  // neither allocates (the pool's New runs only while it is empty, or after a GC drops it).
  if (path == "sync" && recv == "Pool" && (o.name == "Get" || o.name == "Put")) {
    Note(
        "sync.Pool.Get returns an object put back by an earlier iteration: its New function "
        "allocates only while the pool is empty (and after a GC empties it)");
    // The pool holds what the last Put gave it (one goroutine: Get returns it).
    std::string key;
    if (!args.empty() && args[0].k == Val::K::kPtr) {
      key = std::to_string(args[0].obj);
      for (int64_t i : args[0].path) key += "." + std::to_string(i);
    }
    if (o.name == "Put") {
      if (!key.empty() && args.size() > 1) pool_slots_[key] = args[1];
      return unknown;
    }
    auto it = key.empty() ? pool_slots_.end() : pool_slots_.find(key);
    if (it != pool_slots_.end()) {
      Val v = it->second;
      pool_slots_.erase(it);
      return std::vector<Val>{v};
    }
    // An empty pool: Get calls its New function, when it has a known one.
    if (!key.empty() && o.method_of.has_value()) {
      Val pool = Load(args[0].obj, args[0].path);
      // A package-level pool: its methods take its address, but none writes its New field.
      if (pool.k != Val::K::kAgg && args[0].path.empty()) pool = PoolInitializer(args[0].obj);
      const types::Type& pt = T(Under(u_.Obj(o.method_of).type));
      for (size_t i = 0; i < pt.fields.size(); ++i) {
        if (u_.Obj(pt.fields[i]).name != "New" || pool.k != Val::K::kAgg ||
            i >= pool.elems.size()) {
          continue;
        }
        const Val& nf = pool.elems[i];
        if (nf.k != Val::K::kFunc || nf.code == nullptr) break;
        std::vector<Val> r = Invoke(nf.code, nf.fn, {}, nf.captures, site);
        if (r.size() == 1) return r;
      }
    }
    return unknown;
  }
  // testing.B / testing.common methods other than the loop drivers do not allocate per op.
  if (path == "testing" && (recv == "B" || recv == "common")) {
    if (o.name == "Run" || o.name == "RunParallel") {
      throw Unknowable{"sub-benchmarks (b.Run, b.RunParallel) are not predicted", N(site).pos};
    }
    // Allocations between b.StopTimer() and b.StartTimer() are not counted.
    if (o.name == "StopTimer" && in_measured_) measuring_ = false;
    if (o.name == "StartTimer" && in_measured_) measuring_ = true;
    return unknown;
  }
  if (path == "runtime" && o.name == "KeepAlive") return unknown;
  // internal/strconv.parseFloatPrefix of a plain decimal literal that is the whole string:
  // its correctly rounded value (glibc's strtod/strtof round as Go's atof does), all of it
  // read, no error. Other syntax (hex, underscores, inf, nan), overflow or a prefix: unknown.
  if (path == "internal/strconv" && o.name == "parseFloatPrefix" && args.size() == 2 &&
      args[0].k == Val::K::kStr && args[1].k == Val::K::kInt &&
      (args[1].i == 32 || args[1].i == 64)) {
    const std::string& t = args[0].s;
    size_t i = 0, digits = 0;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
    if (i < t.size() && t[i] == '.') {
      ++i;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
    }
    bool ok = digits > 0;
    if (ok && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
      ++i;
      if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
      size_t e = 0;
      while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++e;
      ok = e > 0;
    }
    if (ok && i == t.size()) {
      errno = 0;
      double d = args[1].i == 32 ? static_cast<double>(std::strtof(t.c_str(), nullptr))
                                 : std::strtod(t.c_str(), nullptr);
      if (errno == 0 && std::isfinite(d)) {
        return std::vector<Val>{Val::Float(d), Val::Int(static_cast<int64_t>(t.size())),
                                Val::Nil()};
      }
    }
  }
  // internal/strconv.ftoa32/ftoa64 append the float's text to dst and allocate nothing else:
  // followed when the text is known and fits in dst's spare capacity.
  if (path == "internal/strconv" && (o.name == "ftoa64" || o.name == "ftoa32") &&
      args.size() == 4) {
    const Val& dst = args[0];
    std::optional<std::string> text;
    if (args[1].k == Val::K::kFloat && args[2].k == Val::K::kInt && args[3].k == Val::K::kInt) {
      text = GoFormatFloat(args[1].d, o.name == "ftoa32", static_cast<char>(args[2].i),
                           static_cast<int>(args[3].i));
    }
    int64_t len = dst.k == Val::K::kNil ? 0 : dst.k == Val::K::kSlice ? dst.len : -1;
    int64_t cap = dst.k == Val::K::kNil ? 0 : dst.k == Val::K::kSlice ? dst.cap : -1;
    if (!text || len < 0 || cap < 0) {
      Undecided("the float formatted here, or its format, is not known statically", N(site).pos);
      return unknown;
    }
    int64_t n = static_cast<int64_t>(text->size());
    if (len + n > cap) {
      Undecided(fmt::format("the float's text ({} B) does not fit in the buffer it is appended "
                            "to; its growth is not modelled",
                            n),
                N(site).pos);
      return unknown;
    }
    Val r = dst;
    r.k = Val::K::kSlice;
    r.len = len + n;
    if (dst.k == Val::K::kSlice && dst.obj >= 0) {
      std::vector<int64_t> p = dst.path;
      p.push_back(0);
      for (int64_t i = 0; i < n; ++i) {
        p.back() = dst.off + len + i;
        Store(dst.obj, p, Val::Int(static_cast<unsigned char>((*text)[static_cast<size_t>(i)])));
      }
    }
    return std::vector<Val>{r};
  }
  // internal/bytealg.MakeNoZero is runtime.bytealg_MakeNoZero: mallocgc(roundupsize(len)).
  if (path == "internal/bytealg" && o.name == "MakeNoZero" && !args.empty()) {
    if (args[0].k != Val::K::kInt || args[0].i < 0) {
      Undecided("the length passed to bytealg.MakeNoZero here is not known", N(site).pos);
      return unknown;
    }
    uint64_t cap = RoundUpSize(static_cast<uint64_t>(args[0].i), true);
    Alloc(site, "bytealg.MakeNoZero", cap, true);
    Val sl;
    sl.k = Val::K::kSlice;
    sl.len = args[0].i;
    sl.cap = static_cast<int64_t>(cap);
    TypeId at = const_cast<types::Universe&>(u_).NewArray(u_.Basic(BasicKind::kUint8), sl.cap);
    sl.obj = NewObject(at, sl.cap <= 4096 ? ZeroOf(at) : Val::Unknown());
    return std::vector<Val>{sl};
  }
  return std::nullopt;
}

std::vector<Val> Interp::CallValues(NodeId call) {
  const ir::Node& node = N(call);
  if (node.var_live) {
    for (uint32_t i = 0; i < node.list.count; ++i) Eval(P().At(node.list, i));
    return {};
  }
  const Code* c = nullptr;
  FuncId fn;
  ObjId callee;
  std::vector<Val> args;
  std::vector<int> captures;
  if (node.op == Op::kCallInter) {
    const ir::Node& sel = N(node.x);
    Val recv = Eval(sel.x);
    for (uint32_t i = 0; i < node.list.count; ++i) args.push_back(Eval(P().At(node.list, i)));
    TypeId dyn;
    if (recv.k == Val::K::kIface) dyn = recv.type;
    const std::string& name = u_.Obj(sel.obj).name;
    if (!dyn.has_value()) {
      // An interface with unexported methods is implemented only in its own package: one
      // implementing type there decides the call whatever the value.
      TypeId it = N(sel.x).type;
      const types::Object& m = u_.Obj(sel.obj);
      bool unexported_method = false;
      for (ObjId am : T(Under(it)).all_methods) {
        unexported_method = unexported_method || !types::IsExported(u_.Obj(am).name);
      }
      if (unexported_method && m.pkg.has_value()) {
        std::vector<TypeId> impls;
        const types::Package& pk = u_.Pkg(m.pkg);
        for (const auto& [nm, obj] : u_.scopes.Get(pk.scope).names) {
          const types::Object& to = u_.Obj(obj);
          if (to.kind != types::ObjKind::kTypeName || to.is_alias || !to.type.has_value()) continue;
          if (types::IsInterface(u_, to.type)) continue;
          if (types::Implements(u_, to.type, it)) impls.push_back(to.type);
          TypeId pt = const_cast<types::Universe&>(u_).NewPointer(to.type);
          if (types::Implements(u_, pt, it)) impls.push_back(pt);
        }
        if (impls.size() == 1) dyn = impls[0];
      }
      if (!dyn.has_value()) {
        throw Unknowable{
            "the dynamic type of the receiver of this interface call (" + name + ") is not known",
            node.pos};
      }
      recv = Val();
      recv.k = Val::K::kIface;
      recv.type = dyn;
      recv.elems.push_back(Val::Unknown(true));
    }
    types::Selection sel_info;
    ObjId m = types::LookupFieldOrMethod(u_, dyn, false, u_.Obj(sel.obj).pkg, name, &sel_info);
    if (!m.has_value() || u_.Obj(m).kind != types::ObjKind::kFunc) {
      Fail("method " + name + " not found on the dynamic type", call);
    }
    if (sel_info.path.size() > 1)
      Fail("promoted methods through interfaces are not followed", call);
    callee = m;
    Val rv = recv.elems[0];
    bool dyn_ptr = KindOf(dyn) == TypeKind::kPointer;
    if (dyn_ptr && !u_.Obj(m).ptr_recv) {
      // Value method through a pointer: the wrapper dereferences.
      rv = rv.k == Val::K::kPtr ? Load(rv.obj, rv.path) : Val::Unknown(true);
    }
    args.insert(args.begin(), rv);
    if (auto r = Modelled(callee, args, call)) return *r;
    auto fo = FuncOf(callee);
    if (!fo) {
      throw Unknowable{"the body of " + u_.Obj(callee).name + " is not available", node.pos};
    }
    c = fo->first;
    fn = fo->second;
  } else {
    const ir::Node& fx = N(node.x);
    if (fx.op == Op::kMethExpr ||
        (fx.op == Op::kName && !fx.var.has_value() && fx.obj.has_value())) {
      callee = fx.obj;
      for (uint32_t i = 0; i < node.list.count; ++i) args.push_back(Eval(P().At(node.list, i)));
      if (auto r = Modelled(callee, args, call)) return *r;
      auto fo = FuncOf(callee);
      if (!fo) {
        const types::Object& o = u_.Obj(callee);
        throw Unknowable{"the body of " + (o.pkg.has_value() ? u_.Pkg(o.pkg).path + "." : "") +
                             o.name + " is not available (assembly, linkname or generic)",
                         node.pos};
      }
      c = fo->first;
      fn = fo->second;
    } else {
      Val f = Eval(node.x);
      for (uint32_t i = 0; i < node.list.count; ++i) args.push_back(Eval(P().At(node.list, i)));
      if (f.k != Val::K::kFunc) {
        throw Unknowable{"the function value called here is not known", node.pos};
      }
      if (f.i != 0 && !f.elems.empty()) {  // method value: bound receiver first
        args.insert(args.begin(), f.elems[0]);
        if (auto r = Modelled(ObjId(static_cast<uint32_t>(f.i)), args, call)) return *r;
      } else if (f.i != 0) {
        if (auto r = Modelled(ObjId(static_cast<uint32_t>(f.i)), args, call)) return *r;
      }
      if (f.code == nullptr) {
        throw Unknowable{"the body of the function called here is not available", node.pos};
      }
      c = f.code;
      fn = f.fn;
      captures = f.captures;
    }
  }
  return Invoke(c, fn, std::move(args), captures, call);
}

// A function declared without a body: assembly in its package's .s files that reaches no code
// but other assembly blocks and Go functions of its package that cannot allocate does not
// allocate; what it writes through its pointer and slice arguments is forgotten. A linkname'd
// function, or assembly that calls out, is unknown.
std::vector<Val> Interp::InvokeAssembly(const Code* c, FuncId fn, const std::vector<Val>& args,
                                        NodeId site) {
  const ir::Func& f = c->prog->funcs.Get(fn);
  std::string name = FuncName(c, fn);
  Pos pos = N(site).pos;
  const types::Object* o = f.obj.has_value() ? &u_.Obj(f.obj) : nullptr;
  if (o == nullptr || !o->linkname.empty() || !o->pkg.has_value() || f.name != o->name) {
    throw Unknowable{"the body of " + name + " is not available (assembly or linkname)", pos};
  }
  const types::Package& pkg = u_.Pkg(o->pkg);
  AsmReach r = AsmFunctionReach(pkg.dir, pkg.path, o->name);
  if (!r.found) {
    throw Unknowable{"the body of " + name + " is not available (no Go body, no assembly)", pos};
  }
  if (!r.leaf) {
    throw Unknowable{"the assembly of " + name + " (" + r.file + ") may allocate: " + r.why, pos};
  }
  for (const std::string& g : r.go_callees) {
    FuncId gf;
    for (uint32_t i = 0; i < c->prog->funcs.size(); ++i) {
      const ir::Func& cand = c->prog->funcs.Get(FuncId(i));
      if (cand.name == g && !cand.outer.has_value()) gf = FuncId(i);
    }
    if (!gf.has_value() || FuncMayAllocate(c, gf, 0)) {
      throw Unknowable{"the assembly of " + name + " (" + r.file + ") may jump to " + g +
                           ", which may allocate",
                       pos};
    }
  }
  for (const Val& a : args) {
    if ((a.k == Val::K::kPtr || a.k == Val::K::kSlice) && a.obj >= 0) {
      Store(a.obj, a.path, Val::Unknown(mem_[static_cast<size_t>(a.obj)].persistent));
    }
  }
  Note(name + " is assembly (" + r.file + ") that calls nothing that allocates");
  if (pkg.path == "internal/bytealg") {
    if (auto v = BytealgResult(o->name, args)) return {*v};
  }
  return std::vector<Val>(f.results.size(), Val::Unknown());
}

// What internal/bytealg's assembly returns for known arguments (Go's generic versions of the same
// functions, internal/bytealg/*_generic.go, define the results): IndexByte(String), Index(String),
// Count(String), Compare. Unknown arguments or another function: nullopt.
std::optional<Val> Interp::BytealgResult(const std::string& name, const std::vector<Val>& args) {
  auto bytes = [&](size_t i) -> std::optional<std::string> {
    if (i >= args.size()) return std::nullopt;
    return KnownBytes(args[i]);
  };
  auto a = bytes(0);
  if (!a || args.size() < 2) return std::nullopt;
  if (name == "IndexByte" || name == "IndexByteString" || name == "Count" ||
      name == "CountString") {
    if (args[1].k != Val::K::kInt) return std::nullopt;
    char c = static_cast<char>(args[1].i);
    if (name[0] == 'C') return Val::Int(std::count(a->begin(), a->end(), c));
    size_t at = a->find(c);
    return Val::Int(at == std::string::npos ? -1 : static_cast<int64_t>(at));
  }
  auto b = bytes(1);
  if (!b) return std::nullopt;
  if (name == "Index" || name == "IndexString") {
    size_t at = a->find(*b);
    return Val::Int(at == std::string::npos ? -1 : static_cast<int64_t>(at));
  }
  if (name == "Compare") {
    int c = a->compare(*b);
    return Val::Int(c < 0 ? -1 : c > 0 ? 1 : 0);
  }
  return std::nullopt;
}

std::vector<Val> Interp::Invoke(const Code* c, FuncId fn, std::vector<Val> args,
                                const std::vector<int>& captures, NodeId site) {
  const ir::Func& f = c->prog->funcs.Get(fn);
  if (!f.body.has_value()) return InvokeAssembly(c, fn, args, site);
  if (frames_.size() > 32) throw Unknowable{"call depth over 32", N(site).pos};
  frames_.push_back(Frame{c, fn, {}, {}, {}, {}});
  for (size_t i = 0; i < f.params.size(); ++i) {
    VarId p = f.params[i];
    const ir::Var& pv = c->prog->vars.Get(p);
    Val a = i < args.size() ? args[i] : Val::Unknown();
    F().vars[p.index()] = NewObject(pv.type, a);
    // A parameter moved to heap is copied there on entry.
    if (c->esc->heap_vars.Get(p) == 1) AllocVar(p, f.body);
  }
  for (VarId r : f.results) {
    const ir::Var& rv = c->prog->vars.Get(r);
    F().vars[r.index()] = NewObject(rv.type, ZeroOf(rv.type));
    if (c->esc->heap_vars.Get(r) == 1) AllocVar(r, f.body);
  }
  for (size_t i = 0; i < f.closure_vars.size() && i < captures.size(); ++i) {
    if (captures[i] >= 0) F().vars[f.closure_vars[i].index()] = captures[i];
  }
  Flow fl = ExecList(c->prog->nodes.Get(f.body).list);
  // walkReturn stores the returned values in the result variables; deferred calls then run and
  // may change them; the results are read after (ssagen exit).
  if (fl.k == Flow::K::kReturn && returned_.size() == f.results.size()) {
    std::vector<Val> vals = returned_;
    for (size_t i = 0; i < f.results.size(); ++i) Store(VarObject(f.results[i]), {}, vals[i]);
  }
  std::vector<Val> results;
  bool from_vars = fl.k != Flow::K::kReturn || returned_.size() == f.results.size();
  if (!from_vars) results = returned_;
  // Deferred calls run at return.
  auto run_defers = [&]() {
    while (!F().defers.empty()) {
      Val d = F().defers.back();
      F().defers.pop_back();
      if (d.k != Val::K::kFunc || d.code == nullptr) {
        throw Unknowable{"a deferred call escapist cannot follow", N(site).pos};
      }
      std::vector<Val> da;
      if (!d.elems.empty()) da.push_back(d.elems[0]);
      Invoke(d.code, d.fn, da, d.captures, site);
    }
  };
  run_defers();
  if (from_vars) {
    for (VarId r : f.results) results.push_back(Load(VarObject(r), {}));
  }
  // Paths stashed at an early return join here.
  std::vector<std::shared_ptr<Pending>> pend = std::move(F().pending);
  F().pending.clear();
  for (auto& p : pend) {
    if (p->flow.k != Flow::K::kReturn) continue;
    MergeState(p->state, c->prog->funcs.Get(fn).pos);
    for (size_t i = 0; i < results.size() && i < p->results.size(); ++i) {
      results[i] = Join(results[i], p->results[i]);
    }
  }
  frames_.pop_back();
  return results;
}

// ---- statements --------------------------------------------------------------------------

Flow Interp::Fork(const std::vector<std::function<Flow()>>& branches, Pos pos) {
  State start = Snapshot();
  std::vector<std::pair<Flow, State>> outs;
  std::vector<std::vector<Val>> rets;
  std::optional<Panicked> panicked;
  for (size_t i = 0; i < branches.size(); ++i) {
    Restore(start);
    try {
      Flow f = branches[i]();
      outs.push_back({f, Snapshot()});
      rets.push_back(returned_);
    } catch (const Panicked& p) {
      panicked = p;  // a completing benchmark does not take this path
    }
  }
  if (outs.empty()) throw *panicked;
  // Paths that return, or jump to a label, are stashed for where they land; the others must
  // agree on how they leave.
  int cont = -1;
  for (size_t i = 0; i < outs.size(); ++i) {
    Flow::K k = outs[i].first.k;
    if (k == Flow::K::kReturn || k == Flow::K::kGoto) continue;
    if (cont < 0) {
      cont = static_cast<int>(i);
    } else if (!(outs[i].first == outs[static_cast<size_t>(cont)].first)) {
      throw Unknowable{"control flow depends on a run-time condition here", pos};
    }
  }
  if (cont < 0) cont = 0;  // every path returns or jumps: continue with the first
  Restore(outs[static_cast<size_t>(cont)].second);
  returned_ = rets[static_cast<size_t>(cont)];
  Flow result = outs[static_cast<size_t>(cont)].first;
  for (size_t i = 0; i < outs.size(); ++i) {
    if (static_cast<int>(i) == cont) continue;
    const Flow& f = outs[i].first;
    if (f == result) {
      MergeState(outs[i].second, pos);
      if (f.k == Flow::K::kReturn) {
        for (size_t r = 0; r < returned_.size() && r < rets[i].size(); ++r) {
          returned_[r] = Join(returned_[r], rets[i][r]);
        }
      }
      continue;
    }
    if (F().pending.size() > 32) throw Unknowable{"too many paths to follow", pos};
    auto p = std::make_shared<Pending>();
    p->flow = f;
    p->state = outs[i].second;
    p->results = rets[i];
    F().pending.push_back(std::move(p));
  }
  return result;
}

void Interp::MergePending(const Flow& target) {
  std::vector<std::shared_ptr<Pending>> keep;
  for (auto& p : F().pending) {
    if (p->flow.k == Flow::K::kGoto && p->flow.label == target.label) {
      MergeState(p->state, Pos());
    } else {
      keep.push_back(p);
    }
  }
  F().pending = std::move(keep);
}

Flow Interp::ExecList(IdSpan<NodeId> list) {
  const ir::Program& p = P();
  for (uint32_t i = 0; i < list.count;) {
    NodeId s = p.At(list, i);
    if (p[s].op == Op::kLabel) {
      Flow target;
      target.k = Flow::K::kGoto;
      target.label = p[s].label;
      MergePending(target);
    }
    Flow f = Exec(s);
    if (f.k == Flow::K::kGoto) {
      bool found = false;
      for (uint32_t j = 0; j < list.count; ++j) {
        const ir::Node& l = p[p.At(list, j)];
        if (l.op == Op::kLabel && l.label == f.label) {
          i = j;
          found = true;
          break;
        }
      }
      if (found) continue;
      return f;
    }
    if (f.k != Flow::K::kNormal) return f;
    ++i;
  }
  return Flow();
}

Flow Interp::ExecIf(NodeId n) {
  const ir::Node& node = N(n);
  Val c = Eval(node.x);
  bool t;
  if (Truth(c, &t)) return t ? ExecList(node.list) : ExecList(node.list2);
  IdSpan<NodeId> a = node.list, b = node.list2;
  return Fork({[&]() { return ExecList(a); }, [&]() { return ExecList(b); }}, node.pos);
}

bool Interp::FuncMayAllocate(const Code* c, FuncId f, int depth) {
  auto& memo = may_alloc_[c];
  auto it = memo.find(f.index());
  if (it != memo.end()) return it->second;
  memo[f.index()] = true;  // recursion: assume it may
  const ir::Func& fn = c->prog->funcs.Get(f);
  bool r = !fn.body.has_value() || c->esc->heap_vars.Get(VarId()) == 1;
  if (fn.body.has_value()) r = MayAllocate(c, fn.body, depth + 1);
  for (VarId v : fn.params) r = r || c->esc->heap_vars.Get(v) == 1;
  memo[f.index()] = r;
  return r;
}

bool Interp::MayAllocate(const Code* c, NodeId root, int depth) {
  if (depth > 12) return true;
  const ir::Program& p = *c->prog;
  std::vector<NodeId> work{root};
  while (!work.empty()) {
    NodeId n = work.back();
    work.pop_back();
    if (!n.has_value()) continue;
    const ir::Node& node = p[n];
    switch (node.op) {
      case Op::kNew:
      case Op::kPtrLit:
      case Op::kSliceLit:
      case Op::kMakeSlice:
      case Op::kClosure:
      case Op::kMethValue:
      case Op::kAddStr:
      case Op::kStr2Bytes:
      case Op::kBytes2Str:
      case Op::kRuneStr:
      case Op::kRunes2Str:
      case Op::kStr2Runes:
        if (c->esc->heap_nodes.Get(n) == 1 || node.op == Op::kMakeSlice || node.op == Op::kAddStr ||
            node.op == Op::kStr2Bytes || node.op == Op::kBytes2Str) {
          return true;
        }
        break;
      case Op::kAppend:
      case Op::kMakeMap:
      case Op::kMakeChan:
      case Op::kMapLit:
      case Op::kGo:
      case Op::kCallInter:
      case Op::kIndexMap:
        return true;
      case Op::kConvIface: {
        const walk::DataWord* w = walk::FindDataWord(Words(c), n);
        if (w != nullptr && w->kind == walk::DataWord::Kind::kRuntime) return true;
        break;
      }
      case Op::kDcl:
        if (c->esc->heap_vars.Get(node.var) == 1) return true;
        break;
      case Op::kCallFunc: {
        if (node.var_live) break;
        const ir::Node& fx = p[node.x];
        if (fx.op == Op::kMethExpr ||
            (fx.op == Op::kName && !fx.var.has_value() && fx.obj.has_value())) {
          auto fo = FuncOf(fx.obj);
          if (!fo || FuncMayAllocate(fo->first, fo->second, depth)) return true;
        } else {
          return true;
        }
        break;
      }
      default:
        break;
    }
    for (NodeId k : {node.x, node.y, node.z, node.w}) work.push_back(k);
    for (IdSpan<NodeId> l : {node.list, node.list2, node.init}) {
      for (uint32_t i = 0; i < l.count; ++i) work.push_back(p.At(l, i));
    }
  }
  return false;
}

// Forgets what a loop escapist does not run may change: every variable and location it
// assigns, and what calls in it may write through their pointer arguments.
void Interp::Havoc(NodeId root) {
  const ir::Program& p = P();
  std::vector<NodeId> work{root};
  auto forget = [&](NodeId lhs) {
    if (!lhs.has_value()) return;
    if (p[lhs].op == Op::kIndexMap) {
      ForgetMap(p[lhs].x);
      return;
    }
    NodeId base = lhs;
    for (int depth = 0; depth < 8 && base.has_value(); ++depth) {
      int obj;
      std::vector<int64_t> path;
      bool ok = false;
      try {
        ok = LValue(base, &obj, &path);
      } catch (const Unknowable&) {
        ok = false;
      }
      if (ok) {
        Store(obj, path, Val::Unknown(mem_[static_cast<size_t>(obj)].persistent));
        return;
      }
      const ir::Node& b = p[base];
      if (b.op == Op::kIndex || b.op == Op::kDot) {
        base = b.x;
        continue;
      }
      if (b.op == Op::kDotPtr || b.op == Op::kDeref) {
        Val ptr = Val::Unknown();
        try {
          ptr = Eval(b.x);
        } catch (const Unknowable&) {
        }
        if (ptr.k == Val::K::kPtr) {
          Store(ptr.obj, ptr.path, Val::Unknown(mem_[static_cast<size_t>(ptr.obj)].persistent));
          return;
        }
        if (ptr.k == Val::K::kSlice && ptr.obj >= 0) {
          Store(ptr.obj, ptr.path, Val::Unknown());
          return;
        }
      }
      break;
    }
    ++dropped_stores_;
  };
  while (!work.empty()) {
    NodeId n = work.back();
    work.pop_back();
    if (!n.has_value()) continue;
    const ir::Node& node = p[n];
    switch (node.op) {
      case Op::kAs:
      case Op::kAsOp:
        forget(node.x);
        break;
      case Op::kAs2:
      case Op::kAs2Func:
      case Op::kAs2DotType:
      case Op::kAs2MapR:
      case Op::kAs2Recv:
      case Op::kRange:
        for (uint32_t i = 0; i < node.list.count; ++i) forget(p.At(node.list, i));
        break;
      case Op::kCopy:
        forget(node.x);
        break;
      case Op::kDelete:
      case Op::kClear:
        if (KindOf(p[node.x].type) == TypeKind::kMap) ForgetMap(node.x);
        break;
      case Op::kDcl:
        if (node.var.has_value()) forget(NodeId());
        break;
      default:
        break;
    }
    for (NodeId k : {node.x, node.y, node.z, node.w}) work.push_back(k);
    for (IdSpan<NodeId> l : {node.list, node.list2, node.init}) {
      for (uint32_t i = 0; i < l.count; ++i) work.push_back(p.At(l, i));
    }
  }
}

Flow Interp::ExecFor(NodeId n) {
  const ir::Node& node = N(n);
  if (n == measured_loop_) return MeasuredLoop(n);
  for (int iter = 0;; ++iter) {
    if (iter > 100000) throw Unknowable{"a loop runs more than 100,000 times", node.pos};
    if (node.x.has_value()) {
      Val c = Eval(node.x);
      bool t;
      if (!Truth(c, &t)) {
        if (MayAllocate(F().code, n)) {
          throw Unknowable{
              "this loop's trip count depends on run-time values and its body may "
              "allocate",
              node.pos};
        }
        Havoc(n);
        return Flow();
      }
      if (!t) break;
    }
    Flow f = ExecList(node.list);
    if (f.k == Flow::K::kBreak && (f.label.empty() || f.label == node.label)) break;
    if (f.k == Flow::K::kContinue && (f.label.empty() || f.label == node.label)) {
      // next iteration
    } else if (f.k != Flow::K::kNormal) {
      return f;
    }
    if (node.y.has_value()) {
      Flow pf = Exec(node.y);
      if (pf.k != Flow::K::kNormal) return pf;
    }
  }
  return Flow();
}

Flow Interp::ExecRange(NodeId n) {
  const ir::Node& node = N(n);
  if (n == measured_loop_) return MeasuredLoop(n);
  Val x = Eval(node.x);
  TypeId xt = N(node.x).type;
  NodeId key = node.list.count > 0 ? P().At(node.list, 0) : NodeId();
  NodeId val = node.list.count > 1 ? P().At(node.list, 1) : NodeId();
  int64_t count = -1;
  TypeKind k = KindOf(xt);
  if (x.k == Val::K::kSlice && x.len >= 0) count = x.len;
  if (x.k == Val::K::kNil) count = 0;
  if (k == TypeKind::kArray) count = T(Under(xt)).len;
  if (k == TypeKind::kPointer && KindOf(T(Under(xt)).elem) == TypeKind::kArray) {
    count = T(Under(T(Under(xt)).elem)).len;
  }
  if (IsIntType(xt) && x.k == Val::K::kInt) count = x.i;
  bool is_map = k == TypeKind::kMap;
  std::vector<std::pair<Val, Val>> map_entries;  // a map whose keys are all known
  bool map_keys = false;
  if (is_map) {
    // Map iteration order is random: the entries are visited in insertion order when every key
    // is known (the same set of keys and elements), else each one's key and element are unknown.
    MapObj* mo = MapOf(x, false);
    count = x.k == Val::K::kNil ? 0 : mo != nullptr && mo->valid ? mo->shape.used : -1;
    if (mo != nullptr && mo->valid && mo->keys_known) {
      map_entries = mo->entries;
      map_keys = true;
      count = static_cast<int64_t>(map_entries.size());
    }
  }
  bool str = types::IsString(u_, xt);
  if (str && x.k == Val::K::kStr) {
    // Ranging over a known string: byte offsets and runes (ASCII; others decoded as unknown).
    for (size_t i = 0; i < x.s.size();) {
      unsigned char ch = static_cast<unsigned char>(x.s[i]);
      size_t w = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
      if (key.has_value()) Assign(key, Val::Int(static_cast<int64_t>(i)));
      if (val.has_value()) Assign(val, ch < 0x80 ? Val::Int(ch) : Val::Unknown());
      Flow f = ExecList(node.list2);
      if (f.k == Flow::K::kBreak && (f.label.empty() || f.label == node.label)) break;
      if (!(f.k == Flow::K::kNormal ||
            (f.k == Flow::K::kContinue && (f.label.empty() || f.label == node.label)))) {
        return f;
      }
      i += w;
    }
    return Flow();
  }
  if (count < 0) {
    if (MayAllocate(F().code, n)) {
      throw Unknowable{"this range loop's length is not known and its body may allocate", node.pos};
    }
    Havoc(n);
    return Flow();
  }
  if (count > 100000) throw Unknowable{"a loop runs more than 100,000 times", node.pos};
  for (int64_t i = 0; i < count; ++i) {
    if (map_keys) {
      // An entry deleted by an earlier iteration is not visited; a key added while ranging may
      // or may not be (spec "For statements with range clause").
      MapObj* mo = MapOf(x, false);
      if (mo == nullptr || !mo->valid || !mo->keys_known) {
        throw Unknowable{"the map ranged over changes in a way escapist does not follow",
                         node.pos};
      }
      for (const auto& e : mo->entries) {
        bool old = std::any_of(map_entries.begin(), map_entries.end(),
                               [&](const auto& o) { return o.first == e.first; });
        if (!old) {
          throw Unknowable{
              "a key is added to the map while ranging over it: whether the loop visits it is "
              "not specified",
              node.pos};
        }
      }
      const Val& k = map_entries[static_cast<size_t>(i)].first;
      auto cur = std::find_if(mo->entries.begin(), mo->entries.end(),
                              [&](const auto& e) { return e.first == k; });
      if (cur == mo->entries.end()) continue;
      Val kv = cur->first, ev = cur->second;
      if (key.has_value()) Assign(key, kv);
      if (val.has_value()) Assign(val, ev);
    }
    if (key.has_value() && !map_keys) Assign(key, is_map ? Val::Unknown() : Val::Int(i));
    if (val.has_value() && !map_keys) {
      Val e = Val::Unknown();
      if (is_map) {
        // unknown
      } else if (x.k == Val::K::kSlice && x.obj >= 0) {
        std::vector<int64_t> p = x.path;
        p.push_back(x.off + i);
        e = Load(x.obj, p);
      } else if (x.k == Val::K::kAgg && static_cast<size_t>(i) < x.elems.size()) {
        e = x.elems[static_cast<size_t>(i)];
      } else if (x.k == Val::K::kPtr) {
        std::vector<int64_t> p = x.path;
        p.push_back(i);
        e = Load(x.obj, p);
      }
      Assign(val, e);
    }
    Flow f = ExecList(node.list2);
    if (f.k == Flow::K::kBreak && (f.label.empty() || f.label == node.label)) break;
    if (!(f.k == Flow::K::kNormal ||
          (f.k == Flow::K::kContinue && (f.label.empty() || f.label == node.label)))) {
      return f;
    }
  }
  return Flow();
}

Flow Interp::ExecSwitch(NodeId n) {
  const ir::Node& node = N(n);
  bool type_switch = node.x.has_value() && N(node.x).op == Op::kTypeSwitchGuard;
  Val tag = Val::Bool(true);
  if (type_switch) {
    tag = Eval(N(node.x).x);
  } else if (node.x.has_value()) {
    tag = Eval(node.x);
  }
  // Which clauses may run: those before the first certain match that may match, then it (or
  // the default clause).
  std::vector<uint32_t> cands;
  int def = -1;
  bool certain = false;
  for (uint32_t ci = 0; ci < node.list.count && !certain; ++ci) {
    const ir::Node& cs = N(P().At(node.list, ci));
    if (cs.list.count == 0) {
      def = static_cast<int>(ci);
      continue;
    }
    bool maybe = false;
    for (uint32_t e = 0; e < cs.list.count && !certain; ++e) {
      NodeId en = P().At(cs.list, e);
      if (type_switch) {
        const ir::Node& te = N(en);
        if (tag.k == Val::K::kIface || tag.k == Val::K::kNil) {
          bool match;
          if (te.op == Op::kNil) {
            match = tag.k == Val::K::kNil;
          } else if (tag.k == Val::K::kNil) {
            match = false;
          } else if (types::IsInterface(u_, te.type)) {
            match = types::Implements(u_, tag.type, te.type);
          } else {
            match = types::Identical(u_, tag.type, te.type);
          }
          if (match) certain = true;
        } else {
          maybe = true;
        }
      } else {
        Val v = Eval(en);
        ir::Node eq;
        eq.tok = syntax::Token::kEql;
        eq.x = node.x.has_value() ? node.x : en;
        Val r = node.x.has_value() ? Binary(eq, tag, v) : v;
        bool t;
        if (Truth(r, &t)) {
          if (t) certain = true;
        } else {
          maybe = true;
        }
      }
    }
    if (certain || maybe) cands.push_back(ci);
  }
  if (!certain && def >= 0) cands.push_back(static_cast<uint32_t>(def));
  auto run_clause = [&](uint32_t ci) -> Flow {
    for (uint32_t k = ci; k < node.list.count; ++k) {
      const ir::Node& cs = N(P().At(node.list, k));
      if (type_switch && cs.var.has_value()) {
        Val bound = tag;
        if (cs.list.count == 1 && N(P().At(cs.list, 0)).op != Op::kNil &&
            !types::IsInterface(u_, N(P().At(cs.list, 0)).type)) {
          bound = tag.k == Val::K::kIface ? tag.elems[0] : Val::Unknown(tag.persist);
        }
        F().vars[cs.var.index()] = NewObject(V(cs.var).type, bound);
      }
      Flow f = ExecList(cs.list2);
      if (f.k == Flow::K::kFallthrough) continue;
      if (f.k == Flow::K::kBreak && (f.label.empty() || f.label == node.label)) return Flow();
      return f;
    }
    return Flow();
  };
  if (cands.empty()) return Flow();
  if (cands.size() == 1) return run_clause(cands[0]);
  std::vector<std::function<Flow()>> branches;
  for (uint32_t ci : cands) branches.push_back([&, ci]() { return run_clause(ci); });
  if (!certain && def < 0) branches.push_back([]() { return Flow(); });
  return Fork(branches, node.pos);
}

Flow Interp::Exec(NodeId n) {
  if (!n.has_value()) return Flow();
  DepthGuard guard(depth_, N(n).pos);
  const ir::Node& node = N(n);
  Step(node.pos);
  Move2Heap(n);
  for (uint32_t i = 0; i < node.init.count; ++i) {
    Flow f = Exec(P().At(node.init, i));
    if (f.k != Flow::K::kNormal) return f;
  }
  switch (node.op) {
    case Op::kBlock:
      return ExecList(node.list);
    case Op::kDcl: {
      // ODCL makes a new object only for a variable moved to heap (newobject); a stack
      // variable keeps its slot (what initializes it is a separate assignment).
      if (!node.var.has_value()) return Flow();
      const ir::Var& v = V(node.var);
      bool heap = F().code->esc->heap_vars.Get(node.var) == 1;
      if (heap || !F().vars.count(node.var.index())) {
        F().vars[node.var.index()] = NewObject(v.type, ZeroOf(v.type));
      }
      AllocVar(node.var, n);
      return Flow();
    }
    case Op::kAs: {
      Val v = node.y.has_value() ? Eval(node.y) : ZeroOf(N(node.x).type);
      if (node.x.has_value() && N(node.x).op == Op::kName && N(node.x).var.has_value() &&
          !F().vars.count(N(node.x).var.index()) && V(N(node.x).var).cls != ir::Class::kExtern) {
        // Defined without a declaration statement (temporaries).
        const ir::Var& var = V(N(node.x).var);
        F().vars[N(node.x).var.index()] = NewObject(var.type, ZeroOf(var.type));
      }
      Assign(node.x, std::move(v));
      return Flow();
    }
    case Op::kAsOp: {
      Val a = Eval(node.x);
      Val b = node.y.has_value() ? Eval(node.y) : Val::Int(1);
      ir::Node bin;
      bin.tok = node.tok;
      bin.x = node.x;
      bin.type = N(node.x).type;
      if (node.tok == syntax::Token::kAdd && types::IsString(u_, N(node.x).type)) {
        // walk rewrites s += t to s = s + t after escape analysis: concatstrings without a
        // stack buffer, allocating when both operands are non-empty.
        if (a.k != Val::K::kStr || b.k != Val::K::kStr) {
          Undecided("the operands of this string += are not known statically", node.pos);
          Assign(node.x, Val::Unknown());
          return Flow();
        }
        if (!a.s.empty() && !b.s.empty()) {
          Alloc(n, "runtime.concatstrings", a.s.size() + b.s.size(), true);
        }
        Assign(node.x, Val::Str(a.s + b.s));
        return Flow();
      }
      Assign(node.x, Binary(bin, a, b));
      return Flow();
    }
    case Op::kAs2: {
      std::vector<Val> vals;
      for (uint32_t i = 0; i < node.list2.count; ++i) vals.push_back(Eval(P().At(node.list2, i)));
      for (uint32_t i = 0; i < node.list.count && i < vals.size(); ++i) {
        Assign(P().At(node.list, i), vals[i]);
      }
      return Flow();
    }
    case Op::kAs2Func: {
      std::vector<Val> vals = EvalMulti(node.x);
      for (uint32_t i = 0; i < node.list.count; ++i) {
        Assign(P().At(node.list, i), i < vals.size() ? vals[i] : Val::Unknown());
      }
      return Flow();
    }
    case Op::kAs2DotType: {
      const ir::Node& dt = N(node.x);
      Val x = Eval(dt.x);
      Val v = Val::Unknown(x.persist), ok = Val::Unknown();
      if (x.k == Val::K::kIface && x.type.has_value()) {
        bool match = types::IsInterface(u_, dt.type) ? types::Implements(u_, x.type, dt.type)
                                                     : types::Identical(u_, x.type, dt.type);
        ok = Val::Bool(match);
        v = match ? (types::IsInterface(u_, dt.type) ? x : x.elems[0]) : ZeroOf(dt.type);
      } else if (x.k == Val::K::kNil) {
        ok = Val::Bool(false);
        v = ZeroOf(dt.type);
      }
      if (node.list.count > 0) Assign(P().At(node.list, 0), v);
      if (node.list.count > 1) Assign(P().At(node.list, 1), ok);
      return Flow();
    }
    case Op::kAs2MapR: {
      const ir::Node& ix = N(node.x);
      Val m = Eval(ix.x);
      Val key = Eval(ix.y);
      auto [v, ok] = MapLookup(m, key, ix.type);
      if (node.list.count > 0) Assign(P().At(node.list, 0), v);
      if (node.list.count > 1) Assign(P().At(node.list, 1), ok);
      return Flow();
    }
    case Op::kAs2Recv: {
      Eval(node.x);
      for (uint32_t i = 0; i < node.list.count; ++i) Assign(P().At(node.list, i), Val::Unknown());
      if (node.op == Op::kAs2Recv) throw Unknowable{"channel receives are not modelled", node.pos};
      return Flow();
    }
    case Op::kIf:
      return ExecIf(n);
    case Op::kFor:
      return ExecFor(n);
    case Op::kRange:
      return ExecRange(n);
    case Op::kSwitch:
      return ExecSwitch(n);
    case Op::kSelect:
      throw Unknowable{"select statements are not modelled", node.pos};
    case Op::kReturn: {
      std::vector<Val> vals;
      if (node.list.count == 1 && F().fn.has_value() &&
          F().code->prog->funcs.Get(F().fn).results.size() > 1) {
        vals = EvalMulti(P().At(node.list, 0));
      } else {
        for (uint32_t i = 0; i < node.list.count; ++i) vals.push_back(Eval(P().At(node.list, i)));
      }
      if (node.list.count == 0 && F().fn.has_value()) {
        for (VarId r : F().code->prog->funcs.Get(F().fn).results)
          vals.push_back(Load(VarObject(r), {}));
      }
      returned_ = vals;
      Flow f;
      f.k = Flow::K::kReturn;
      return f;
    }
    case Op::kLabel:
    case Op::kEmpty:
      return Flow();
    case Op::kGoto: {
      Flow f;
      f.k = Flow::K::kGoto;
      f.label = node.label;
      return f;
    }
    case Op::kBreak:
    case Op::kContinue: {
      Flow f;
      f.k = node.op == Op::kBreak ? Flow::K::kBreak : Flow::K::kContinue;
      f.label = node.label;
      return f;
    }
    case Op::kFallthrough: {
      Flow f;
      f.k = Flow::K::kFallthrough;
      return f;
    }
    case Op::kGo:
      throw Unknowable{"go statements (a new goroutine) are not modelled", node.pos};
    case Op::kDefer: {
      const ir::Node& call = N(node.x);
      Val fv = call.x.has_value() ? Eval(call.x) : Val::Unknown();
      if (fv.k != Val::K::kFunc && call.x.has_value() && N(call.x).op != Op::kClosure) {
        // A declared function called with no arguments.
        fv = Eval(call.x);
      }
      F().defers.push_back(fv);
      return Flow();
    }
    case Op::kExprStmt: {
      if (node.x.has_value()) Eval(node.x);
      return Flow();
    }
    case Op::kSend:
      throw Unknowable{"channel sends are not modelled", node.pos};
    default:
      if (node.type.has_value() || node.op == Op::kCallFunc || node.op == Op::kCallInter) {
        Eval(n);
        return Flow();
      }
      Fail(std::string("escapist cannot follow ") + ir::OpName(node.op) + " here", n);
  }
}

// The benchmark loop: what existed before it persists; two iterations warm up (caches, pools,
// grown buffers), the third is measured.
Flow Interp::MeasuredLoop(NodeId loop) {
  const ir::Node& node = N(loop);
  for (Object& o : mem_) o.persistent = true;
  for (Object& o : mem_) o.v.persist = true;
  auto mark = [&](Val& v, auto&& self) -> void {
    v.persist = true;
    for (Val& e : v.elems) self(e, self);
  };
  for (Object& o : mem_) mark(o.v, mark);
  std::vector<Object> warm;  // memory after the warm-up
  for (int iter = 0; iter < 3; ++iter) {
    if (iter == 2) warm = mem_;
    measuring_ = iter == 2;
    in_measured_ = iter == 2;
    // The loop variable of `for i := 0; i < b.N; i++` is not known in a given iteration.
    if (node.op == Op::kFor && node.y.has_value()) Havoc(node.y);
    IdSpan<NodeId> body = node.op == Op::kRange ? node.list2 : node.list;
    if (node.op == Op::kRange) {
      for (uint32_t i = 0; i < node.list.count; ++i) Assign(P().At(node.list, i), Val::Unknown());
    }
    Flow f = ExecList(body);
    (void)f;
    for (auto& p : F().pending) {
      if (p->flow.k == Flow::K::kReturn) {
        throw Unknowable{"the benchmark loop returns early on some path", node.pos};
      }
    }
  }
  // Memory kept across iterations that grows with each one (an append to a slice never reset,
  // new keys each time): what an iteration allocates then depends on b.N.
  for (size_t i = 0; i < warm.size() && i < mem_.size(); ++i) {
    bool grew = Grew(warm[i].v, mem_[i].v) ||
                (warm[i].map != nullptr && mem_[i].map != nullptr &&
                 Grew(*warm[i].map, *mem_[i].map));
    if (grew) {
      throw Unknowable{
          "memory kept across iterations grows with each one (a slice appended to and never "
          "reset, or a map given new keys): the amortized allocs/op and B/op depend on b.N",
          node.pos};
    }
  }
  measuring_ = false;
  throw Done{};
}

Prediction Interp::Run(FuncId bench) {
  Prediction pr;
  const ir::Func& f = main_->prog->funcs.Get(bench);
  pr.name = f.name;
  pr.pos = f.pos;
  // Find the measured loop.
  const ir::Program& p = *main_->prog;
  auto is_b = [&](NodeId x) {
    // b.N: a field N of *testing.B
    if (!x.has_value()) return false;
    const ir::Node& d = p[x];
    if (d.op != Op::kDotPtr || !d.obj.has_value() || u_.Obj(d.obj).name != "N") return false;
    return true;
  };
  std::vector<NodeId> work{f.body};
  while (!work.empty() && !measured_loop_.has_value()) {
    NodeId n = work.back();
    work.pop_back();
    if (!n.has_value()) continue;
    const ir::Node& node = p[n];
    if (node.op == Op::kFor && node.x.has_value()) {
      const ir::Node& c = p[node.x];
      bool loop_call = false;
      if (c.op == Op::kCallFunc && c.x.has_value() && p[c.x].op == Op::kMethExpr) {
        const types::Object& m = u_.Obj(p[c.x].obj);
        loop_call = m.name == "Loop" && m.method_of.has_value() &&
                    u_.Obj(m.method_of).name == "B" && m.pkg.has_value() &&
                    u_.Pkg(m.pkg).path == "testing";
      }
      if (c.op == Op::kInlCall && c.index >= 0 &&
          static_cast<size_t>(c.index) < p.inl_tree.size()) {
        const ir::InlinedCall& ic = p.inl_tree[static_cast<size_t>(c.index)];
        if (ic.obj.has_value()) {
          const types::Object& m = u_.Obj(ic.obj);
          loop_call = m.name == "Loop" && m.method_of.has_value() &&
                      u_.Obj(m.method_of).name == "B" && ic.pkg_path == "testing";
        }
      }
      bool n_loop = c.op == Op::kBinary && is_b(c.y);
      if (loop_call || n_loop) {
        measured_loop_ = n;
        break;
      }
    }
    NodeId rx = node.op == Op::kRange ? node.x : NodeId();
    if (rx.has_value() && p[rx].op == Op::kName && p[rx].var.has_value()) {
      NodeId d = p.vars.Get(p[rx].var).defn;
      if (d.has_value() && p[d].op == Op::kAs) rx = p[d].y;
    }
    if (node.op == Op::kRange && is_b(rx)) {
      measured_loop_ = n;
      break;
    }
    for (NodeId k : {node.x, node.y, node.z, node.w}) work.push_back(k);
    for (IdSpan<NodeId> l : {node.list2, node.list, node.init}) {
      for (uint32_t i = l.count; i-- > 0;) work.push_back(p.At(l, i));
    }
  }
  if (!measured_loop_.has_value()) {
    pr.reason = "no benchmark loop (for b.Loop(), for i := 0; i < b.N; i++, for range b.N)";
    return pr;
  }
  try {
    frames_.push_back(Frame{main_.get(), bench, {}, {}, {}, {}});
    for (VarId param : f.params) {
      const ir::Var& pv = p.vars.Get(param);
      TypeId bt = KindOf(pv.type) == TypeKind::kPointer ? T(Under(pv.type)).elem : TypeId();
      int bobj = NewObject(bt, Val::Unknown(true));
      mem_[static_cast<size_t>(bobj)].persistent = true;
      Val bp;
      bp.k = Val::K::kPtr;
      bp.obj = bobj;
      F().vars[param.index()] = NewObject(pv.type, bp);
    }
    ExecList(p.nodes.Get(f.body).list);
    pr.reason = "the benchmark loop is not reached on the path escapist followed";
    return pr;
  } catch (const Done&) {
    pr.known = true;
    pr.allocs = allocs_;
    pr.per_op = SteadyState([&] {
      std::vector<MallocClass> ms;
      for (const Allocation& a : allocs_) ms.push_back(a.m);
      return ms;
    }());
    pr.notes = notes_;
    if (dropped_stores_ > 0) {
      pr.notes.push_back(
          fmt::format("{} store(s) through pointers escapist could not follow were not tracked",
                      dropped_stores_));
    }
  } catch (const Unknowable& e) {
    pr.known = false;
    pr.reason = e.reason;
    pr.reason_pos = e.pos;
  } catch (const std::exception& e) {
    pr.known = false;
    pr.reason = std::string("escapist's interpreter failed here (") + e.what() + ")";
  }
  return pr;
}

}  // namespace

std::vector<Prediction> PredictBenchmarks(const types::Universe& u, const SourceSet& sources,
                                          Code code, const CodeProvider& deps) {
  std::vector<Prediction> out;
  const ir::Program& p = *code.prog;
  for (FuncId f : p.target_funcs) {
    const ir::Func& fn = p.funcs.Get(f);
    if (fn.outer.has_value() || !fn.obj.has_value() || fn.name.rfind("Benchmark", 0) != 0) continue;
    // go test's rule: BenchmarkXxx where Xxx does not start with a lower-case letter.
    if (fn.name.size() > 9 && std::islower(static_cast<unsigned char>(fn.name[9]))) continue;
    const std::string& file = sources.Get(fn.pos.file).path;
    if (file.size() < 8 || file.compare(file.size() - 8, 8, "_test.go") != 0) continue;
    if (fn.params.size() != 1 || fn.results.size() != 0) continue;
    Interp in(u, deps, code);
    out.push_back(in.Run(f));
  }
  return out;
}

}  // namespace escapist::cost
