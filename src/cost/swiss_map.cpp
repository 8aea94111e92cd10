// cost/swiss_map.cpp -- Go 1.27's Swiss-table maps, as far as what they allocate.
#include "cost/swiss_map.h"

#include <fmt/format.h>

#include <algorithm>

namespace escapist::cost {
namespace {

constexpr uint64_t kGroupSlots = 8;          // abi.MapGroupSlots
constexpr uint64_t kMaxKeyBytes = 128;       // abi.MapMaxKeyBytes
constexpr uint64_t kMaxElemBytes = 128;      // abi.MapMaxElemBytes
constexpr int64_t kMaxTableCapacity = 1024;  // maps.maxTableCapacity
constexpr int64_t kMaxAvgGroupLoad = 7;      // maps.maxAvgGroupLoad
constexpr uint64_t kMapSize = 48;            // sizeof(maps.Map)
constexpr uint64_t kTableSize = 32;          // sizeof(maps.table)
constexpr uint64_t kPtrSize = 8;

uint64_t AlignUp(uint64_t x, uint64_t a) { return a <= 1 ? x : (x + a - 1) / a * a; }

uint64_t AlignUpPow2(uint64_t x) {
  uint64_t p = 1;
  while (p < x) p <<= 1;
  return p;
}

// table.maxGrowthLeft.
int64_t MaxGrowthLeft(int64_t capacity) {
  if (capacity <= static_cast<int64_t>(kGroupSlots)) return capacity - 1;
  return capacity * kMaxAvgGroupLoad / static_cast<int64_t>(kGroupSlots);
}

// newTable(typ, capacity): the table header, then its groups (table.reset, newGroups).
void NewTable(const MapLayout& l, int64_t capacity, std::vector<MapAlloc>* out) {
  if (capacity < static_cast<int64_t>(kGroupSlots)) capacity = kGroupSlots;
  capacity = static_cast<int64_t>(AlignUpPow2(static_cast<uint64_t>(capacity)));
  out->push_back({kTableSize, false, "map table (maps.table)"});
  uint64_t groups = static_cast<uint64_t>(capacity) / kGroupSlots;
  out->push_back({groups * l.group_size, l.group_noscan,
                  fmt::format("map groups ({} × {} B)", groups, l.group_size)});
}

// The allocations of an insert's slot when key or elem are stored indirectly.
void IndirectSlots(const MapLayout& l, std::vector<MapAlloc>* out) {
  if (l.indirect_key) out->push_back({l.key_size, l.key_noscan, "map key (stored indirectly)"});
  if (l.indirect_elem) {
    out->push_back({l.elem_size, l.elem_noscan, "map element (stored indirectly)"});
  }
}

}  // namespace

MapLayout MapLayoutOf(const types::Universe& u, types::TypeId map_type) {
  const types::Type& mt = u.Get(types::Underlying(u, map_type));
  MapLayout l;
  l.key_size = static_cast<uint64_t>(types::SizeOf(u, mt.key));
  l.elem_size = static_cast<uint64_t>(types::SizeOf(u, mt.elem));
  l.key_noscan = !types::HasPointers(u, mt.key);
  l.elem_noscan = !types::HasPointers(u, mt.elem);
  l.indirect_key = l.key_size > kMaxKeyBytes;
  l.indirect_elem = l.elem_size > kMaxElemBytes;
  uint64_t ksize = l.indirect_key ? kPtrSize : l.key_size;
  uint64_t esize = l.indirect_elem ? kPtrSize : l.elem_size;
  uint64_t kalign = l.indirect_key ? kPtrSize : static_cast<uint64_t>(types::AlignOf(u, mt.key));
  uint64_t ealign =
      l.indirect_elem ? kPtrSize : static_cast<uint64_t>(types::AlignOf(u, mt.elem));
  // struct { key K; elem V } (types.CalcStructSize): a zero-size last field of a non-empty
  // struct gets a byte of padding so that its address stays inside the struct.
  uint64_t off = AlignUp(ksize, ealign) + esize;
  if (esize == 0 && off > 0) off += 1;
  uint64_t slot_align = std::max<uint64_t>({kalign, ealign, 1});
  uint64_t slot = AlignUp(off, slot_align);
  // struct { ctrl uint64; slots [8]slot }: zero-size slots get the same padding, to a word.
  uint64_t group = 8 + kGroupSlots * slot;
  if (slot == 0) group = AlignUp(group + 1, 8);
  l.group_size = AlignUp(group, std::max<uint64_t>(slot_align, 8));
  l.group_noscan = !((!l.key_noscan || l.indirect_key) || (!l.elem_noscan || l.indirect_elem));
  return l;
}

std::vector<MapAlloc> MakeMap(const MapLayout& l, bool heap, int64_t hint, bool hint_const,
                              SwissMap* out) {
  std::vector<MapAlloc> allocs;
  *out = SwissMap{};
  if (hint < 0) hint = 0;
  bool small = hint <= static_cast<int64_t>(kGroupSlots);
  if (heap) {
    // makemap_small (constant hint <= 8) and makemap(hint, nil) both start with new(Map).
    allocs.push_back({kMapSize, false,
                      hint_const && small ? "runtime.makemap_small (maps.Map)"
                                          : "runtime.makemap (maps.Map)"});
    out->form = SwissMap::Form::kNoGroup;
  } else {
    // walkMakeMap: the Map on the stack, and one group on the stack when hint <= 8.
    out->form = small ? SwissMap::Form::kSmall : SwissMap::Form::kNoGroup;
  }
  if (small) return allocs;
  // maps.NewMap: capacity for hint entries at the average load, in tables of at most 1024.
  uint64_t target = static_cast<uint64_t>(hint) * kGroupSlots / kMaxAvgGroupLoad;
  uint64_t dir = AlignUpPow2((target + kMaxTableCapacity - 1) / kMaxTableCapacity);
  allocs.push_back({dir * kPtrSize, false,
                    fmt::format("map directory ({} table{})", dir, dir == 1 ? "" : "s")});
  for (uint64_t i = 0; i < dir; ++i) NewTable(l, static_cast<int64_t>(target / dir), &allocs);
  int64_t cap = static_cast<int64_t>(target / dir);
  if (cap < static_cast<int64_t>(kGroupSlots)) cap = kGroupSlots;
  cap = static_cast<int64_t>(AlignUpPow2(static_cast<uint64_t>(cap)));
  out->form = dir == 1 ? SwissMap::Form::kTable : SwissMap::Form::kTables;
  out->capacity = cap;
  out->growth_left = MaxGrowthLeft(cap);
  return allocs;
}

std::optional<std::vector<MapAlloc>> InsertNew(const MapLayout& l, SwissMap* m, std::string* why) {
  std::vector<MapAlloc> allocs;
  switch (m->form) {
    case SwissMap::Form::kNoGroup:
      // Map.growToSmall: one group on the heap.
      allocs.push_back({l.group_size, l.group_noscan,
                        fmt::format("map group (1 × {} B)", l.group_size)});
      m->form = SwissMap::Form::kSmall;
      [[fallthrough]];
    case SwissMap::Form::kSmall:
      if (m->used < static_cast<int64_t>(kGroupSlots)) {
        IndirectSlots(l, &allocs);
        ++m->used;
        return allocs;
      }
      // Map.growToTable: a 16-slot table, then a one-entry directory.
      NewTable(l, 2 * kGroupSlots, &allocs);
      allocs.push_back({kPtrSize, false, "map directory (1 table)"});
      m->form = SwissMap::Form::kTable;
      m->capacity = 2 * kGroupSlots;
      m->growth_left = MaxGrowthLeft(m->capacity) - m->used;
      break;
    case SwissMap::Form::kTables:
    case SwissMap::Form::kTable:
      if (m->growth_left > 0) break;  // room in every table, whichever the key goes to
      if (m->form == SwissMap::Form::kTables) {
        *why = "this map has several tables and one may be full: which one a key goes to "
               "depends on its hash";
        return std::nullopt;
      }
      if (!m->exact) {
        *why = "this map's growth depends on its hashes (a deletion may have left a tombstone)";
        return std::nullopt;
      }
      {
        // table.rehash: grow to twice the capacity, or split past maxTableCapacity.
        int64_t cap = 2 * m->capacity;
        if (cap > kMaxTableCapacity) {
          *why = fmt::format(
              "this map grows past {} entries: its table splits by hash bits, which depend on "
              "the hash seed",
              m->used);
          return std::nullopt;
        }
        NewTable(l, cap, &allocs);
        m->capacity = cap;
        m->growth_left = MaxGrowthLeft(cap) - m->used;
      }
      break;
  }
  // table.PutSlot into an empty slot.
  IndirectSlots(l, &allocs);
  --m->growth_left;
  ++m->used;
  return allocs;
}

void DeleteKey(SwissMap* m) {
  if (m->used > 0) --m->used;
  if (m->form != SwissMap::Form::kSmall) m->exact = false;
}

void ClearMap(SwissMap* m) {
  m->used = 0;
  if (m->form == SwissMap::Form::kTable || m->form == SwissMap::Form::kTables) {
    m->growth_left = MaxGrowthLeft(m->capacity);
    m->exact = true;
  }
}

}  // namespace escapist::cost
