// types/check_late.cpp -- errors gc reports after type checking succeeded, from its own
// layout of types (cmd/compile/internal/types/size.go CalcSize) and of stack frames
// (ssagen/pgen.go): channel and map elements that are too large, arrays larger than the
// address space, and functions whose arguments do not fit in a stack frame; and the noder's
// checks of function directives against bodies.
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "types/checker.h"

namespace escapist::types {

namespace {

constexpr int64_t kMaxWidth = int64_t{1} << 50;  // gc's MaxWidth on 64-bit targets
constexpr int64_t kMaxStackSize = int64_t{1} << 30;

int64_t RoundUp(int64_t o, int64_t r) { return r <= 1 ? o : (o + r - 1) / r * r; }

}  // namespace

void Checker::SizeChecks() {
  std::unordered_set<uint32_t> reported_arrays;
  std::unordered_set<uint32_t> visiting;
  // Walks the unnamed structure of t (named types are checked at their declaration).
  std::function<void(TypeId, Pos)> walk = [&](TypeId t, Pos pos) {
    if (!t.has_value() || !visiting.insert(t.index()).second) return;
    const Type& ty = u_.Get(t);
    switch (ty.kind) {
      case TypeKind::kArray: {
        int64_t esize = SizeOf(u_, ty.elem);
        if (esize != 0 && ty.len > 0 && ty.len > (kMaxWidth - 1) / esize &&
            reported_arrays.insert(t.index()).second) {
          Error(pos, "type " + TS(t) + " larger than address space");
        }
        walk(ty.elem, pos);
        break;
      }
      case TypeKind::kChan:
        if (SizeOf(u_, ty.elem) >= (int64_t{1} << 16)) {
          Error(pos, "channel element type too large (>64kB)");
        }
        walk(ty.elem, pos);
        break;
      case TypeKind::kMap:
        if (SizeOf(u_, ty.elem) >= (int64_t{1} << 31)) Error(pos, "map element type too large");
        if (SizeOf(u_, ty.key) >= (int64_t{1} << 31)) Error(pos, "map key type too large");
        walk(ty.key, pos);
        walk(ty.elem, pos);
        break;
      case TypeKind::kPointer:
      case TypeKind::kSlice: walk(ty.elem, pos); break;
      case TypeKind::kStruct:
        for (ObjId f : ty.fields) walk(u_.Obj(f).type, pos);
        break;
      case TypeKind::kTuple:
        for (ObjId v : ty.vars) walk(u_.Obj(v).type, pos);
        break;
      case TypeKind::kSignature:
        walk(ty.params, pos);
        walk(ty.results, pos);
        break;
      default: break;
    }
    visiting.erase(t.index());
  };
  // gc compiles no function named _: their locals are never laid out.
  std::unordered_set<uint32_t> blank_func_scopes;
  for (uint32_t i = 0; i < ast_.size(); ++i) {
    const Node& d = ast_[NodeId(i)];
    if (d.kind != NodeKind::kFuncDecl) continue;
    if (!d.y.has_value()) continue;
    // noder (writer.go funcExt): directives that need, or forbid, a body.
    Pos fpos = ast_[d.y].pos;
    uint32_t pragma = d.aux;
    if ((pragma & syntax::kPragmaSystemstack) && (pragma & syntax::kPragmaNosplit)) {
      Error(fpos, "go:nosplit and go:systemstack cannot be combined");
    }
    if (d.w.has_value()) {
      if (pragma & syntax::kPragmaNoescape) {
        Error(fpos, "can only use //go:noescape with external func implementations");
      }
      if ((pragma & syntax::kPragmaUintptrKeepAlive) && !(pragma & syntax::kPragmaUintptrEscapes) &&
          !(pragma & syntax::kPragmaNosplit)) {
        Error(fpos, "go:uintptrkeepalive requires go:nosplit");
      }
    } else if ((pkg_.complete || ast_[d.y].text == "init") && !(pragma & syntax::kPragmaLinkname)) {
      Error(fpos, "missing function body");
    }
    if (ast_[d.y].text != "_") continue;
    for (NodeId c : {d.z, d.w}) {
      ScopeId sc = c.has_value() ? info_.scopes.Get(c) : ScopeId();
      if (sc.has_value()) blank_func_scopes.insert(sc.index());
    }
  }
  auto in_blank_func = [&](ScopeId sc) {
    for (int guard = 0; sc.has_value() && guard < 10000; ++guard) {
      if (blank_func_scopes.count(sc.index())) return true;
      sc = u_.scopes.Get(sc).parent;
    }
    return false;
  };
  std::vector<std::pair<Pos, int64_t>> frames;  // functions with too large an argument area
  std::unordered_set<uint32_t> seen;
  for (uint32_t i = 0; i < ast_.size(); ++i) {
    NodeId n(i);
    if (ast_[n].kind != NodeKind::kName) continue;
    ObjId obj = info_.defs.Get(n);
    if (!obj.has_value() || !seen.insert(obj.index()).second) continue;
    const Object& o = u_.Obj(obj);
    if (!o.type.has_value() || !IsValid(u_, o.type)) continue;
    switch (o.kind) {
      case ObjKind::kVar:
        if (o.var_kind == VarKind::kPackage ||
            (o.var_kind == VarKind::kLocal && !in_blank_func(o.parent))) {
          walk(o.type, o.pos);
        }
        break;
      case ObjKind::kTypeName:
        if (!o.is_alias && u_.Get(o.type).kind == TypeKind::kNamed) {
          walk(Underlying(u_, o.type), o.pos);
        }
        break;
      case ObjKind::kFunc: {
        const Type& sig = u_.Get(o.type);
        if (sig.kind != TypeKind::kSignature || !sig.type_params.empty() ||
            !sig.recv_type_params.empty()) {
          break;
        }
        walk(o.type, o.pos);
        if (!o.has_body) break;
        // ssagen: the argument area (receiver, parameters, results) must fit in a frame.
        int64_t args = 0;
        auto add = [&](ObjId v) {
          if (!v.has_value()) return;
          TypeId vt = u_.Obj(v).type;
          args = RoundUp(args, AlignOf(u_, vt));
          args = std::min(args + SizeOf(u_, vt), kMaxWidth);
        };
        add(sig.recv);
        if (sig.params.has_value()) {
          for (ObjId v : u_.Get(sig.params).vars) add(v);
        }
        if (sig.results.has_value()) {
          for (ObjId v : u_.Get(sig.results).vars) add(v);
        }
        if (args >= kMaxStackSize) frames.push_back({o.pos, args});
        break;
      }
      default: break;
    }
  }
  // The back end, which lays out frames, runs only when no error was reported before.
  if (error_count_ > 0) return;
  for (const auto& [pos, args] : frames) {
    {
      Error(pos, "stack frame too large (>1GB): 0 MB locals + " +
                     std::to_string(RoundUp(args, 8) >> 20) + " MB args");
    }
  }
}

}  // namespace escapist::types
