// escape/imports.cpp -- parameter tags of other packages' functions, computed on demand the way
// gc's export data carries them: the callee's package is lowered to IR and analyzed (its own
// imports again on demand), and its tags kept by function object.
#include "base/check.h"
#include "diag/diag.h"
#include "escape/escape.h"
#include "ir/build.h"

namespace escapist::escape {

ImportedTags::ImportedTags(const types::Universe& u, std::function<bool(types::PkgId)> prepare,
                           Provider provider, Lower lower, Store store)
    : prepare_(std::move(prepare)), provider_(std::move(provider)), lower_(std::move(lower)),
      store_(std::move(store)), u_(u) {}

void ImportedTags::Put(types::PkgId pkg,
                       const std::unordered_map<uint32_t, std::vector<Leaks>>& tags) {
  for (const auto& [obj_index, leaks] : tags) tags_[obj_index] = leaks;
  state_[pkg.index()] = kDone;
}

std::optional<Leaks> ImportedTags::Get(types::ObjId func, int param) {
  if (!func) return std::nullopt;
  const types::Object& obj = u_.Obj(func);
  types::PkgId pkg = obj.pkg;
  if (!pkg || pkg.index() >= u_.packages.size()) return std::nullopt;
  auto st = state_.find(pkg.index());
  if (st == state_.end()) {
    if (prepare_ && !prepare_(pkg)) {
      state_[pkg.index()] = kFailed;
      return std::nullopt;
    }
    const types::Package& p = u_.Pkg(pkg);
    std::unordered_map<uint32_t, std::vector<Leaks>> provided;
    if (!p.fake && p.checked && !p.has_errors && provider_ && provider_(pkg, &provided)) {
      Put(pkg, provided);
      st = state_.find(pkg.index());
    }
  }
  if (st == state_.end()) {
    const types::Package& p = u_.Pkg(pkg);
    if (p.fake || !p.checked || p.has_errors) {
      state_[pkg.index()] = kFailed;
      return std::nullopt;
    }
    state_[pkg.index()] = kRunning;
    DiagnosticSink sink;
    ir::Program prog = lower_ ? lower_(pkg) : ir::Build(u_, pkg, sink);
    Options opts;
    opts.debug_m = 0;
    opts.imported_leaks = Hook();
    Result r = Analyze(prog, u_, opts);
    auto exported = ExportTags(prog, r);
    if (store_) store_(pkg, exported);
    for (auto& [obj_index, leaks] : exported) tags_[obj_index] = std::move(leaks);
    state_[pkg.index()] = kDone;
  } else if (st->second != kDone) {
    return std::nullopt;  // being analyzed (should not happen: imports are acyclic) or failed
  }
  auto it = tags_.find(func.index());
  if (it == tags_.end() || param < 0 || static_cast<size_t>(param) >= it->second.size()) {
    return std::nullopt;
  }
  return it->second[param];
}

std::function<std::optional<Leaks>(types::ObjId, int)> ImportedTags::Hook() {
  return [this](types::ObjId func, int param) { return Get(func, param); };
}

}  // namespace escapist::escape
