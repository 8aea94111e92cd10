// walk/walk.cpp -- walk's -m remarks (see walk.h).
#include "walk/walk.h"

#include <cstdint>

#include "types/checker.h"

namespace escapist::walk {

namespace {

using ir::Node;
using ir::NodeId;
using ir::Op;
using syntax::Token;

class Walker {
 public:
  Walker(const ir::Program& prog, const types::Universe& u, DiagnosticSink& out)
      : prog_(prog), u_(u), out_(out) {}

  // Visits `n` and its operands (not the bodies of closures: they are functions of their own).
  void Visit(NodeId id) {
    if (!id.has_value()) return;
    const Node& n = prog_[id];
    for (NodeId c : prog_.List(n.init)) Visit(c);
    if (n.op == Op::kAppend) {
      // walkAppend: walkExprListSafe on the appended values (and on the slice, which is a name
      // in practice): safeExpr keeps names and constants, copies anything else into a temporary
      // first, so an index expression there is bounded only by the temporary's type.
      for (NodeId c : prog_.List(n.list)) Safe(c);
      return;
    }
    Visit(n.x);
    Visit(n.y);
    Visit(n.z);
    Visit(n.w);
    for (NodeId c : prog_.List(n.list)) Visit(c);
    for (NodeId c : prog_.List(n.list2)) Visit(c);
    if (n.op == Op::kIndex) Index(n, /*index_is_temp=*/false);
  }

 private:
  // walk.safeExpr followed by walkExpr: returns whether `id` stayed as it was (a name or a
  // constant, or an index, field, dereference, len or cap of such); anything else is copied into a
  // temporary (cheapExpr), whose defining assignment is walked as usual.
  bool Safe(NodeId id) {
    if (!id.has_value()) return true;
    const Node& n = prog_[id];
    switch (n.op) {
      case Op::kName:
      case Op::kLiteral:
      case Op::kNil: return true;
      case Op::kLen:
      case Op::kCap:
      case Op::kDot:
      case Op::kDotPtr:
      case Op::kDeref:
        if (prog_.List(n.init).empty()) return Safe(n.x);
        break;
      case Op::kIndex:
      case Op::kIndexMap:
        if (prog_.List(n.init).empty()) {
          bool x_safe = Safe(n.x);
          bool index_safe = Safe(n.y);
          if (n.op == Op::kIndex) Index(n, /*index_is_temp=*/!index_safe);
          return x_safe && index_safe;
        }
        break;
      default: break;
    }
    Visit(id);
    return false;
  }

  // walkIndex: an index of an array, or of a constant string, by a non-constant index that
  // cannot exceed the length.
  // index_is_temp: safeExpr replaced the index by a temporary of the same type.
  void Index(const Node& n, bool index_is_temp) {
    if (!n.x.has_value() || !n.y.has_value()) return;
    const Node& x = prog_[n.x];
    types::TypeId t = x.type;
    if (!t.has_value()) return;
    const types::Type& ut = u_.Get(types::Underlying(u_, t));
    int64_t max = -1;
    if (ut.kind == types::TypeKind::kPointer) {
      const types::Type& e = u_.Get(types::Underlying(u_, ut.elem));
      if (e.kind == types::TypeKind::kArray) max = e.len;
    } else if (ut.kind == types::TypeKind::kArray) {
      max = ut.len;
    } else if (x.op == Op::kLiteral && x.value.has_value()) {
      const types::Constant& c = u_.constants.Get(x.value);
      if (c.kind == types::Constant::Kind::kString) max = static_cast<int64_t>(c.s.size());
    }
    if (max < 0) return;
    if (IsIntConst(prog_[n.y])) return;  // a constant index: checked at compile time, no remark
    bool bounded = index_is_temp ? BoundedByType(prog_[n.y].type, max) : Bounded(n.y, max);
    if (bounded) out_.Remark(n.pos, "index bounds check elided");
  }

  bool IsIntConst(const Node& n) const {
    if (n.op != Op::kLiteral || !n.value.has_value()) return false;
    return u_.constants.Get(n.value).kind == types::Constant::Kind::kInt;
  }

  // ir.IsSmallIntConst: an integer constant that fits in int32, with its value.
  bool SmallIntConst(NodeId id, int64_t* v) const {
    const Node& n = prog_[id];
    if (!IsIntConst(n)) return false;
    const types::Constant& c = u_.constants.Get(n.value);
    if (c.re.get_den() != 1 || !c.re.get_num().fits_sint_p()) return false;
    *v = c.re.get_num().get_si();
    return *v == static_cast<int32_t>(*v);
  }

  // walk.bounded: whether integer expression `id` is always in [0, max).
  bool Bounded(NodeId id, int64_t max) const {
    const Node& n = prog_[id];
    if (!n.type.has_value() || !types::IsInteger(u_, n.type)) return false;
    bool sign = !types::IsUnsigned(u_, n.type);
    int32_t bits = static_cast<int32_t>(8 * types::SizeOf(u_, n.type));
    int64_t v;
    if (SmallIntConst(id, &v)) return 0 <= v && v < max;
    if (n.op == Op::kBinary) {
      switch (n.tok) {
        case Token::kAnd:
        case Token::kAndNot: {
          v = -1;
          int64_t c;
          if (SmallIntConst(n.x, &c)) {
            v = c;
          } else if (SmallIntConst(n.y, &c)) {
            v = c;
            if (n.tok == Token::kAndNot) {
              v = ~v;
              if (!sign) v &= static_cast<int64_t>((uint64_t{1} << bits) - 1);
            }
          }
          if (0 <= v && v < max) return true;
          break;
        }
        case Token::kRem:
          if (!sign && SmallIntConst(n.y, &v) && 0 <= v && v <= max) return true;
          break;
        case Token::kDiv:
          if (!sign && SmallIntConst(n.y, &v)) {
            while (bits > 0 && v >= 2) {
              bits--;
              v >>= 1;
            }
          }
          break;
        case Token::kShr:
          if (!sign && SmallIntConst(n.y, &v)) {
            if (v > bits) return max > 0;
            bits -= static_cast<int32_t>(v);
          }
          break;
        default: break;
      }
    }
    return !sign && bits <= 62 && (int64_t{1} << bits) <= max;
  }

  // walk.bounded of a variable of type `t`: only its width bounds it.
  bool BoundedByType(types::TypeId t, int64_t max) const {
    if (!t.has_value() || !types::IsInteger(u_, t) || !types::IsUnsigned(u_, t)) return false;
    int64_t bits = 8 * types::SizeOf(u_, t);
    return bits <= 62 && (int64_t{1} << bits) <= max;
  }

  const ir::Program& prog_;
  const types::Universe& u_;
  DiagnosticSink& out_;
};

}  // namespace

void Remarks(const ir::Program& prog, const types::Universe& u, DiagnosticSink& out) {
  Walker w(prog, u, out);
  for (ir::FuncId f : prog.target_funcs) w.Visit(prog.funcs.Get(f).body);
}

}  // namespace escapist::walk
