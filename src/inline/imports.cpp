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

bool ImportedCosts::Load(types::PkgId pkg) {
  if (!pkg.has_value() || pkg.index() >= u_.packages.size() || !u_.packages.Get(pkg)) {
    return false;
  }
  auto st = state_.find(pkg.index());
  if (st != state_.end()) return st->second == kDone;
  if (prepare_ && !prepare_(pkg)) {
    state_[pkg.index()] = kFailed;
    return false;
  }
  const types::Package& p = u_.Pkg(pkg);
  if (p.fake || !p.checked || p.has_errors) {
    state_[pkg.index()] = kFailed;
    return false;
  }
  state_[pkg.index()] = kRunning;
  DiagnosticSink sink;
  auto prog = std::make_unique<ir::Program>(ir::Build(u_, pkg, sink, /*for_capture=*/false));
  Options opts = flags_ ? flags_(pkg) : Options();
  opts.debug_m = 0;
  opts.imported_cost = Hook();
  Result r = CanInlineFuncs(*prog, u_, opts);
  for (const auto& [obj_index, cost] : ExportCosts(*prog, r)) costs_[obj_index] = cost;
  for (ir::FuncId f : prog->target_funcs) {
    const ir::Func& fn = prog->funcs.Get(f);
    if (fn.obj.has_value() && r.funcs.Get(f).inlinable) {
      bodies_[fn.obj.index()] = InlineBody{prog.get(), f};
    }
  }
  prog_of_[pkg.index()] = prog.get();
  progs_.push_back(std::move(prog));
  state_[pkg.index()] = kDone;
  return true;
}

std::optional<int32_t> ImportedCosts::Get(types::ObjId func) {
  if (!func.has_value() || !Load(u_.Obj(func).pkg)) return std::nullopt;
  auto it = costs_.find(func.index());
  if (it == costs_.end()) return std::nullopt;
  return it->second;
}

std::optional<InlineBody> ImportedCosts::Body(types::ObjId func) {
  if (!func.has_value() || !Load(u_.Obj(func).pkg)) return std::nullopt;
  auto it = bodies_.find(func.index());
  if (it == bodies_.end()) return std::nullopt;
  return it->second;
}

const ir::Program* ImportedCosts::Pristine(types::PkgId pkg) {
  if (!Load(pkg)) return nullptr;
  auto it = prog_of_.find(pkg.index());
  return it == prog_of_.end() ? nullptr : it->second;
}

std::function<std::optional<InlineBody>(types::ObjId)> ImportedCosts::BodyHook() {
  return [this](types::ObjId func) { return Body(func); };
}

std::function<std::optional<int32_t>(types::ObjId)> ImportedCosts::Hook() {
  return [this](types::ObjId func) { return Get(func); };
}

}  // namespace escapist::inlining
