// types/sizes.cpp -- gc's sizes, alignments and field offsets for linux/amd64
// (cmd/compile/internal/types/size.go CalcSize, types2/gcsizes.go), and pointer-ness.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <unordered_map>

#include "types/checker.h"

namespace escapist::types {

namespace {

constexpr int64_t kPtrSize = 8;
constexpr int64_t kMaxWidth = int64_t{1} << 50;  // gc's MaxWidth on 64-bit targets
constexpr int kMaxDepth = 500;

int64_t RoundUp(int64_t o, int64_t r) { return (o + r - 1) & ~(r - 1); }

int64_t SatMul(int64_t a, int64_t b) {
  if (a <= 0 || b <= 0) return 0;
  if (a > kMaxWidth / b) return kMaxWidth;
  return a * b;
}

// Sizes, alignments and pointer-ness of types, memoized for the duration of one query. A type met
// again while its own size is being computed (an invalid recursive type, already reported by the
// checker) counts as size 0, alignment 1, no pointers; without the memo and this check, recursive
// or repeated struct fields made the recursion exponential in the nesting depth.
class Sizer {
 public:
  explicit Sizer(const Universe& u) : u(u) {}
  int64_t Size(TypeId t, int depth) { return Memo(size_, t, depth, 0, &Sizer::ComputeSize); }
  int64_t Align(TypeId t, int depth) { return Memo(align_, t, depth, 1, &Sizer::ComputeAlign); }
  bool Pointers(TypeId t, int depth) {
    return Memo(pointers_, t, depth, 0, &Sizer::ComputePointers) != 0;
  }

 private:
  static constexpr int64_t kInProgress = INT64_MIN;
  template <typename F>
  int64_t Memo(std::unordered_map<uint32_t, int64_t>& memo, TypeId t, int depth, int64_t none,
               F compute) {
    if (!t.has_value() || depth > kMaxDepth) return none;
    auto [it, inserted] = memo.try_emplace(t.index(), kInProgress);
    if (!inserted) return it->second == kInProgress ? none : it->second;
    int64_t v = static_cast<int64_t>((this->*compute)(t, depth));
    memo[t.index()] = v;  // `it` may be invalidated by the recursion
    return v;
  }
  int64_t ComputeSize(TypeId t, int depth);
  int64_t ComputeAlign(TypeId t, int depth);
  bool ComputePointers(TypeId t, int depth);

  const Universe& u;
  std::unordered_map<uint32_t, int64_t> size_, align_, pointers_;
};

int64_t Sizer::ComputeSize(TypeId t, int depth) {
  const Type& ty = u.Get(Underlying(u, t));
  switch (ty.kind) {
    case TypeKind::kBasic:
      switch (ty.basic) {
        case BasicKind::kBool:
        case BasicKind::kInt8:
        case BasicKind::kUint8: return 1;
        case BasicKind::kInt16:
        case BasicKind::kUint16: return 2;
        case BasicKind::kInt32:
        case BasicKind::kUint32:
        case BasicKind::kFloat32: return 4;
        case BasicKind::kInt64:
        case BasicKind::kUint64:
        case BasicKind::kFloat64:
        case BasicKind::kComplex64:
        case BasicKind::kInt:
        case BasicKind::kUint:
        case BasicKind::kUintptr:
        case BasicKind::kUnsafePointer: return 8;
        case BasicKind::kComplex128:
        case BasicKind::kString: return 16;
        case BasicKind::kUntypedBool: return 1;
        case BasicKind::kUntypedInt:
        case BasicKind::kUntypedFloat:
        case BasicKind::kUntypedNil: return 8;
        case BasicKind::kUntypedRune: return 4;
        case BasicKind::kUntypedComplex:
        case BasicKind::kUntypedString: return 16;
        default: return 0;
      }
    case TypeKind::kPointer:
    case TypeKind::kMap:
    case TypeKind::kChan:
    case TypeKind::kSignature: return kPtrSize;
    case TypeKind::kSlice: return 3 * kPtrSize;
    case TypeKind::kInterface: return 2 * kPtrSize;
    case TypeKind::kArray: {
      if (ty.len <= 0) return 0;
      return SatMul(Size(ty.elem, depth + 1), ty.len);
    }
    case TypeKind::kStruct: {
      int64_t off = 0;
      int64_t max_align = 1;
      int64_t last = -1;
      for (ObjId f : ty.fields) {
        TypeId ft = u.Obj(f).type;
        int64_t a = Align(ft, depth + 1);
        int64_t s = Size(ft, depth + 1);
        off = RoundUp(off, a);
        off = std::min(off + s, kMaxWidth);
        max_align = std::max(max_align, a);
        last = s;
      }
      if (off > 0 && last == 0) ++off;
      return RoundUp(off, max_align);
    }
    case TypeKind::kTuple: {
      int64_t off = 0;
      for (ObjId v : ty.vars) {
        TypeId vt = u.Obj(v).type;
        off = RoundUp(off, Align(vt, depth + 1)) + Size(vt, depth + 1);
      }
      return off;
    }
    default: return 0;
  }
}

int64_t Sizer::ComputeAlign(TypeId t, int depth) {
  const Type& ty = u.Get(Underlying(u, t));
  switch (ty.kind) {
    case TypeKind::kBasic:
      switch (ty.basic) {
        case BasicKind::kComplex64: return 4;
        case BasicKind::kComplex128:
        case BasicKind::kString: return 8;
        case BasicKind::kUntypedComplex:
        case BasicKind::kUntypedString: return 8;
        default: {
          int64_t s = Size(t, depth + 1);
          return s == 0 ? 1 : s;
        }
      }
    case TypeKind::kArray: return Align(ty.elem, depth + 1);
    case TypeKind::kStruct: {
      int64_t a = 1;
      for (ObjId f : ty.fields) a = std::max(a, Align(u.Obj(f).type, depth + 1));
      return a;
    }
    default: return kPtrSize;
  }
}

bool Sizer::ComputePointers(TypeId t, int depth) {
  const Type& ty = u.Get(Underlying(u, t));
  switch (ty.kind) {
    case TypeKind::kBasic:
      return ty.basic == BasicKind::kString || ty.basic == BasicKind::kUnsafePointer ||
             ty.basic == BasicKind::kUntypedString || ty.basic == BasicKind::kUntypedNil;
    case TypeKind::kPointer:
    case TypeKind::kMap:
    case TypeKind::kChan:
    case TypeKind::kSignature:
    case TypeKind::kSlice:
    case TypeKind::kInterface: return true;
    case TypeKind::kArray: return ty.len > 0 && Pointers(ty.elem, depth + 1);
    case TypeKind::kStruct:
      for (ObjId f : ty.fields) {
        if (Pointers(u.Obj(f).type, depth + 1)) return true;
      }
      return false;
    default: return false;
  }
}

}  // namespace

int64_t SizeOf(const Universe& u, TypeId t) { return Sizer(u).Size(t, 0); }

int64_t AlignOf(const Universe& u, TypeId t) { return Sizer(u).Align(t, 0); }

int64_t FieldOffset(const Universe& u, TypeId t, uint32_t index) {
  const Type& ty = u.Get(Underlying(u, t));
  if (ty.kind != TypeKind::kStruct) return 0;
  Sizer sizer(u);
  int64_t off = 0;
  for (uint32_t i = 0; i < ty.fields.size(); ++i) {
    TypeId ft = u.Obj(ty.fields[i]).type;
    off = RoundUp(off, sizer.Align(ft, 1));
    if (i == index) return off;
    off = std::min(off + sizer.Size(ft, 1), kMaxWidth);
  }
  return off;
}

bool HasPointers(const Universe& u, TypeId t) { return Sizer(u).Pointers(t, 0); }

// The underlying type, a type parameter's core type.
static TypeId ResolveCore(const Universe& u, TypeId t) {
  if (!t) return t;
  TypeId ut = Underlying(u, t);
  if (ut && u.Get(ut).kind == TypeKind::kTypeParam) {
    if (TypeId core = CoreType(u, ut)) return core;
  }
  return ut;
}

int64_t PtrDataSize(const Universe& u, TypeId t) {
  TypeId ut = ResolveCore(u, t);
  if (!ut) return 0;
  const Type& ty = u.Get(ut);
  switch (ty.kind) {
    case TypeKind::kBasic:
      return (ty.basic == BasicKind::kString || ty.basic == BasicKind::kUnsafePointer ||
              ty.basic == BasicKind::kUntypedString)
                 ? 8
                 : 0;
    case TypeKind::kPointer:
    case TypeKind::kChan:
    case TypeKind::kMap:
    case TypeKind::kSignature:
    case TypeKind::kSlice:
      return 8;
    case TypeKind::kInterface:
      return 16;
    case TypeKind::kArray: {
      if (ty.len <= 0) return 0;
      int64_t elem = PtrDataSize(u, ty.elem);
      if (elem == 0) return 0;
      return (ty.len - 1) * SizeOf(u, ty.elem) + elem;
    }
    case TypeKind::kStruct: {
      for (size_t i = ty.fields.size(); i-- > 0;) {
        int64_t p = PtrDataSize(u, u.Obj(ty.fields[i]).type);
        if (p > 0) return FieldOffset(u, ut, static_cast<uint32_t>(i)) + p;
      }
      return 0;
    }
    default:
      return 0;
  }
}

bool IsDirectIface(const Universe& u, TypeId t) {
  if (!t) return false;
  return SizeOf(u, t) == 8 && PtrDataSize(u, t) == 8;
}

}  // namespace escapist::types
