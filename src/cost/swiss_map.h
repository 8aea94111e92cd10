// cost/swiss_map.h -- what Go 1.27's maps allocate as they are made and filled: the Swiss-table
// layout of internal/runtime/maps (map.go, table.go, group.go), the group type gc builds for a
// map type (reflectdata.MapGroupType) and walk's stack allocation of small maps
// (walk.walkMakeMap, walk.maplit).
//
// Growth is a function of the number of entries alone while a map has one table of at most
// maxTableCapacity (1024) slots and no deletions: a small map holds 8 entries in one group, the
// 9th insert makes a 16-slot table, and a table rehashes into one of twice the capacity when its
// growthLeft (7/8 of the slots, or capacity-1 for a one-group table) runs out. Past 1024 slots a
// table splits in two by hash bits, and a deletion from a table leaves a tombstone or an empty
// slot depending on its group's other slots: both depend on the hash seed, so the model stops
// being exact there and says so.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "types/types.h"

namespace escapist::cost {

// The run-time layout of one map type (reflectdata.MapGroupType, abi.MapType).
struct MapLayout {
  uint64_t group_size = 0;      // bytes of one group: ctrl word + 8 key/elem slots (KVKV)
  bool group_noscan = true;     // the group holds no pointers
  bool indirect_key = false;    // key over 128 bytes: slots hold a *K (abi.MapMaxKeyBytes)
  bool indirect_elem = false;   // elem over 128 bytes: slots hold a *V (abi.MapMaxElemBytes)
  uint64_t key_size = 0, elem_size = 0;
  bool key_noscan = true, elem_noscan = true;
};

// The layout of map type `map_type` (its underlying type is a map).
MapLayout MapLayoutOf(const types::Universe& u, types::TypeId map_type);

// One runtime.mallocgc call a map operation makes.
struct MapAlloc {
  uint64_t size = 0;  // bytes requested
  bool noscan = true;
  std::string what;   // "runtime.makemap_small (maps.Map)", "map groups (2 × 136 B)", ...
};

// A map's shape as far as allocation goes (maps.Map and its tables).
struct SwissMap {
  enum class Form : uint8_t {
    kNoGroup,  // dirPtr == nil: the first insert allocates a group (growToSmall)
    kSmall,    // one group of 8 slots, dirLen == 0
    kTable,    // one table (dirLen == 1)
    kTables,   // several tables (a large hint): which one a key goes to depends on its hash
  } form = Form::kNoGroup;
  int64_t used = 0;         // entries
  int64_t capacity = 0;     // kTable: the table's slots
  int64_t growth_left = 0;  // kTable: inserts before the next rehash (a lower bound unless
                            // exact); kTables: a lower bound for every table
  bool exact = true;        // false once growth depends on hashes (a deletion from a table)
};

// make(map[K]V, hint) or a map literal of `hint` entries: the allocations it makes, in order,
// and the map it yields (walk.walkMakeMap, runtime.makemap_small, maps.NewMap). `heap`: the
// map escapes; `hint_const`: the hint is a constant (only then a heap map may use makemap_small).
std::vector<MapAlloc> MakeMap(const MapLayout& l, bool heap, int64_t hint, bool hint_const,
                              SwissMap* out);

// One insert of a key not in the map (Map.PutSlot): the allocations it makes, in order, and the
// new shape in `m`. Returns nullopt with `why` set where they depend on hashes (a table split
// past 1024 slots, a full table among several, a full table after a deletion).
std::optional<std::vector<MapAlloc>> InsertNew(const MapLayout& l, SwissMap* m, std::string* why);

// delete(m, k) of a key in the map: a small map just clears the slot; a table may keep a
// tombstone, so its growth is no longer known (exact = false).
void DeleteKey(SwissMap* m);

// clear(m): a small map keeps its group; a table is reset in place (Map.Clear), which keeps its
// capacity but whose tombstones are gone.
void ClearMap(SwissMap* m);

}  // namespace escapist::cost
