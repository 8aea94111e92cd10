// inline/imports.cpp -- inline costs of other packages' functions, computed on demand the way
// gc's export data carries them: the callee's package is lowered to IR (without loopvar, as gc's
// CanInline sees it) and CanInlineFuncs runs on it silently, its own imports again on demand.
#include "diag/diag.h"
#include "inline/inline.h"
#include "ir/build.h"

namespace escapist::inlining {

ImportedCosts::ImportedCosts(const types::Universe& u, Flags flags,
                             std::function<bool(types::PkgId)> prepare)
    : u_(u), flags_(std::move(flags)), prepare_(std::move(prepare)) {}

void ImportedCosts::Put(types::PkgId pkg, const std::unordered_map<uint32_t, int32_t>& costs) {
  for (const auto& [obj_index, cost] : costs) costs_[obj_index] = cost;
  state_[pkg.index()] = kDone;
}

std::optional<int32_t> ImportedCosts::Get(types::ObjId func) {
  if (!func.has_value()) return std::nullopt;
  types::PkgId pkg = u_.Obj(func).pkg;
  if (!pkg.has_value() || pkg.index() >= u_.packages.size() || !u_.packages.Get(pkg)) {
    return std::nullopt;
  }
  auto st = state_.find(pkg.index());
  if (st == state_.end()) {
    if (prepare_ && !prepare_(pkg)) {
      state_[pkg.index()] = kFailed;
      return std::nullopt;
    }
    const types::Package& p = u_.Pkg(pkg);
    if (p.fake || !p.checked || p.has_errors) {
      state_[pkg.index()] = kFailed;
      return std::nullopt;
    }
    state_[pkg.index()] = kRunning;
    DiagnosticSink sink;
    ir::Program prog = ir::Build(u_, pkg, sink, /*for_capture=*/false);
    Options opts = flags_ ? flags_(pkg) : Options();
    opts.debug_m = 0;
    opts.imported_cost = Hook();
    Result r = CanInlineFuncs(prog, u_, opts);
    for (const auto& [obj_index, cost] : ExportCosts(prog, r)) costs_[obj_index] = cost;
    state_[pkg.index()] = kDone;
  } else if (st->second != kDone) {
    return std::nullopt;  // failed, or being analyzed (imports are acyclic: should not happen)
  }
  auto it = costs_.find(func.index());
  if (it == costs_.end()) return std::nullopt;
  return it->second;
}

std::function<std::optional<int32_t>(types::ObjId)> ImportedCosts::Hook() {
  return [this](types::ObjId func) { return Get(func); };
}

}  // namespace escapist::inlining
