// base/id.h -- typed 32-bit handles, stores that own values of one kind, and side tables keyed by
// those handles. Every phase stores its nodes here and refers to them by ID, never by pointer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <unordered_map>
#include <vector>

#include "base/check.h"

namespace escapist {

// A handle into one Store. `Tag` only keeps ID kinds apart: passing an ExprId where a TypeId is
// expected does not compile. Cheap to copy; pass by value. The default value is "none".
template <typename Tag>
class Id {
 public:
  constexpr Id() = default;
  constexpr explicit Id(uint32_t index) : index_(index) {}
  constexpr bool has_value() const { return index_ != kNone; }
  constexpr explicit operator bool() const { return has_value(); }
  constexpr uint32_t index() const { return index_; }
  friend constexpr bool operator==(Id, Id) = default;
  friend constexpr bool operator<(Id a, Id b) { return a.index_ < b.index_; }

 private:
  static constexpr uint32_t kNone = 0xFFFF'FFFF;
  uint32_t index_ = kNone;
};

// A contiguous run of IDs inside a pool vector owned by the same store: begin + count.
template <typename IdT>
struct IdSpan {
  uint32_t begin = 0;
  uint32_t count = 0;
  bool empty() const { return count == 0; }
  uint32_t size() const { return count; }
};

// Owns every value of one kind. Add(T) hands out IDs in creation order; Get(IdT) checks bounds.
// Backed by std::deque, so references stay valid while it grows.
template <typename IdT, typename T>
class Store {
 public:
  IdT Add(T value) {
    items_.push_back(std::move(value));
    return IdT(static_cast<uint32_t>(items_.size() - 1));
  }
  T& Get(IdT id) {
    ESCAPIST_CHECK(id.has_value() && id.index() < items_.size(), "Store::Get out of range");
    return items_[id.index()];
  }
  const T& Get(IdT id) const {
    ESCAPIST_CHECK(id.has_value() && id.index() < items_.size(), "Store::Get out of range");
    return items_[id.index()];
  }
  T& operator[](IdT id) { return Get(id); }
  const T& operator[](IdT id) const { return Get(id); }
  size_t size() const { return items_.size(); }

 private:
  std::deque<T> items_;
};

// A table from IDs of an earlier phase to values computed by a later one. Missing entries read as
// a default-constructed V. Later phases never write into earlier output; they add side tables.
template <typename IdT, typename V>
class SideTable {
 public:
  void Set(IdT id, V value) {
    if (id.index() >= values_.size()) values_.resize(id.index() + 1);
    values_[id.index()] = std::move(value);
  }
  const V& Get(IdT id) const {
    static const V kDefault{};
    if (!id.has_value() || id.index() >= values_.size()) return kDefault;
    return values_[id.index()];
  }
  V* Mutable(IdT id) {
    if (id.index() >= values_.size()) values_.resize(id.index() + 1);
    return &values_[id.index()];
  }
  // Makes room for IDs below `n` at once (growth by doubling would leave up to half unused).
  void Reserve(size_t n) {
    if (n > values_.size()) values_.reserve(n);
  }

 private:
  std::vector<V> values_;
};

// SideTable for keys that few IDs have.
template <typename IdT, typename V>
class SparseSideTable {
 public:
  void Set(IdT id, V value) { values_[id.index()] = std::move(value); }
  const V& Get(IdT id) const {
    static const V kDefault{};
    auto it = values_.find(id.index());
    return it == values_.end() ? kDefault : it->second;
  }
  V* Mutable(IdT id) { return &values_[id.index()]; }

 private:
  std::unordered_map<uint32_t, V> values_;
};

}  // namespace escapist

template <typename Tag>
struct std::hash<escapist::Id<Tag>> {
  size_t operator()(escapist::Id<Tag> id) const noexcept { return std::hash<uint32_t>()(id.index()); }
};
