// walk/walk.cpp -- walk's order over a package's functions and its -m and -d=escapedebug
// remarks (see walk.h); conversions and composite literals are convert.cpp's.
#include "walk/walk.h"

#include <cstdint>
#include <unordered_set>

#include "ir/expr.h"
#include "types/checker.h"
#include "walk/internal.h"

namespace escapist::walk {

namespace {

using ir::FuncId;
using ir::Node;
using ir::NodeId;
using ir::Op;
using syntax::Token;

bool IsLit(Op op) {
  return op == Op::kStructLit || op == Op::kArrayLit || op == Op::kSliceLit || op == Op::kMapLit;
}

class Walker {
 public:
  Walker(const ir::Program& prog, const types::Universe& u, const escape::Result& esc,
         const Options& opts, DiagnosticSink* out, std::vector<DataWord>* words)
      : prog_(prog), u_(u), pkg_(prog, u, esc), opts_(opts), out_(out), words_(words) {}

  // gc/main.go's loop over typecheck.Target.Funcs with enqueueFunc: functions with a body
  // (not `_`, not capturing closures: those are compiled after the function whose walk met
  // them, last met first).
  void Run() {
    for (FuncId f : prog_.target_funcs) {
      const ir::Func& fn = prog_.funcs.Get(f);
      if (!fn.body || fn.is_closure || fn.name == "_") continue;
      std::vector<FuncId> todo{f};
      while (!todo.empty()) {
        FuncId g = todo.back();
        todo.pop_back();
        std::vector<FuncId> closures = WalkFunc(g);
        todo.insert(todo.end(), closures.begin(), closures.end());
      }
    }
  }

 private:
  // walk.Walk: order's pass, then walk's; returns the closures met (ir.CurFunc.Closures).
  std::vector<FuncId> WalkFunc(FuncId f) {
    internal::Func fc(pkg_, f);
    fc.Order();
    fc_ = &fc;
    closures_.clear();
    Visit(prog_.funcs.Get(f).body);
    fc_ = nullptr;
    return closures_;
  }

  // How walk meets a composite literal: as an expression (walkCompLit), as the right side of
  // an assignment oaslit takes (anylit into the variable), under & (anylit of OPTRLIT), or as a
  // part of an enclosing literal (convert.cpp's literal walk handles those with the enclosing
  // one).
  enum class Ctx : uint8_t { kExpr, kSimpleLhs, kPtr, kElem };

  // Visits `n` and its operands in walk order (operands first); not the bodies of closures:
  // they are functions of their own.
  void Visit(NodeId id, Ctx ctx = Ctx::kExpr) {
    if (!id.has_value()) return;
    const Node& n = prog_[id];
    // An operand order replaced by a static is gone; one it copied is walked as the right side
    // of `tmp = x`.
    switch (fc_->Replaced(id)) {
      case internal::Ordered::Kind::kStatic:
      case internal::Ordered::Kind::kZeroVal:
        return;
      case internal::Ordered::Kind::kTemp:
        if (ctx == Ctx::kExpr) ctx = Ctx::kSimpleLhs;
        break;
      case internal::Ordered::Kind::kNode:
        break;
    }
    for (NodeId c : prog_.List(n.init)) Visit(c);
    if (n.op == Op::kAppend) {
      // walkAppend: walkExprListSafe on the appended values (and on the slice, which is a name
      // in practice): safeExpr keeps names and constants, copies anything else into a temporary
      // first, so an index expression there is bounded only by the temporary's type.
      for (NodeId c : prog_.List(n.list)) Safe(c);
      return;
    }
    if (n.op == Op::kClosure) {
      // walkClosure / directClosureCall: a closure capturing variables is compiled after this
      // function, once.
      if (n.func && prog_.funcs.Get(n.func).is_closure && walked_.insert(n.func.index()).second) {
        closures_.push_back(n.func);
      }
      return;
    }
    if (n.op == Op::kConvIface) {
      Visit(n.x);
      if (std::optional<DataWord> dw = fc_->WalkConv(id)) {
        if (opts_.escape_debug > 0 && out_ != nullptr && *dw->Message() != '\0') {
          out_->Remark(dw->pos, std::string("convert: ") + dw->Message() + ": " + dw->expr,
                       dw->inl);
        }
        if (words_ != nullptr) words_->push_back(std::move(*dw));
      }
      return;
    }
    bool lit = IsLit(n.op);
    if (lit && ctx != Ctx::kElem) {
      using L = internal::Func::LitCtx;
      fc_->WalkCompLit(id, ctx == Ctx::kSimpleLhs ? L::kSimpleLhs
                           : ctx == Ctx::kPtr     ? L::kPtr
                                                  : L::kExpr);
    }
    // The elements of a literal are parts of it; so are the keys and values of a Key or
    // StructKey inside one.
    Ctx sub = lit || ((n.op == Op::kKey || n.op == Op::kStructKey) && ctx == Ctx::kElem)
                  ? Ctx::kElem
                  : n.op == Op::kPtrLit ? Ctx::kPtr
                                        : Ctx::kExpr;
    // Assignments whose right side is a literal and left side a stack variable are oaslit's:
    // `x = lit`, each pair of a parallel assignment and each result of a return (walkAssign;
    // ascompatee makes one assignment per pair, walkReturn assigns the results).
    if (n.op == Op::kAs && fc_->OasLit(n.x, n.y)) {
      Visit(n.x);
      Visit(n.y, Ctx::kSimpleLhs);
    } else if (n.op == Op::kAs && n.y && IsLit(prog_[n.y].op) && ir::IsZero(prog_, u_, n.y)) {
      Visit(n.x);  // walkAssign leaves a zero right side to the backend: no literal to walk
    } else {
      Visit(n.x, sub);
      if (n.op == Op::kSwitch) fc_->WalkSwitch(id);  // after the tag, before the cases
      Visit(n.y, sub);
    }
    Visit(n.z, sub);
    Visit(n.w, sub);
    if (n.op == Op::kAs2 && n.list.count == n.list2.count) {
      for (NodeId c : prog_.List(n.list)) Visit(c);
      for (uint32_t i = 0; i < n.list2.count; ++i) {
        NodeId r = prog_.At(n.list2, i);
        Visit(r, fc_->OasLit(prog_.At(n.list, i), r) ? Ctx::kSimpleLhs : Ctx::kExpr);
      }
      return;
    }
    if (n.op == Op::kReturn && n.list.count == fc_->Results().size()) {
      for (uint32_t i = 0; i < n.list.count; ++i) {
        NodeId r = prog_.At(n.list, i);
        Visit(r, fc_->OasLitVar(fc_->Results()[i], r) ? Ctx::kSimpleLhs : Ctx::kExpr);
      }
      return;
    }
    for (NodeId c : prog_.List(n.list)) Visit(c, sub);
    for (NodeId c : prog_.List(n.list2)) Visit(c, sub);
    if (n.op == Op::kIndex) Index(n, /*index_is_temp=*/false);
  }

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
    if (bounded && opts_.debug_m > 0 && out_ != nullptr) {
      out_->Remark(n.pos, "index bounds check elided", n.inl);
    }
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
  internal::Package pkg_;
  Options opts_;
  DiagnosticSink* out_;
  std::vector<DataWord>* words_;
  internal::Func* fc_ = nullptr;          // the function being walked
  std::vector<FuncId> closures_;          // its ir.CurFunc.Closures
  std::unordered_set<uint32_t> walked_;   // Func.Walked: closures already queued
};

}  // namespace

void Remarks(const ir::Program& prog, const types::Universe& u, const escape::Result& esc,
             const Options& opts, DiagnosticSink& out) {
  if (opts.debug_m <= 0 && opts.escape_debug <= 0) return;
  Walker(prog, u, esc, opts, &out, nullptr).Run();
}

std::vector<DataWord> DataWords(const ir::Program& prog, const types::Universe& u,
                                const escape::Result& esc) {
  std::vector<DataWord> words;
  Walker(prog, u, esc, Options(), nullptr, &words).Run();
  return words;
}

}  // namespace escapist::walk
