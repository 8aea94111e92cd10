// report/report.cpp -- gc's texts for escape-analysis verdicts.
#include "report/report.h"

#include <fmt/format.h>

#include "ir/build.h"

namespace escapist::report {

std::string RemarkText(const escape::Remark& r, const ir::Program& prog,
                       const types::Universe& u) {
  using K = escape::Remark::Kind;
  auto var_name = [&]() -> std::string {
    return r.var.has_value() ? ir::VarName(prog, u, r.var) : std::string("?");
  };
  auto expr = [&]() -> std::string {
    return r.node.has_value() ? ir::ExprString(prog, u, r.node) : var_name();
  };
  switch (r.kind) {
    case K::kMovedToHeap:
      return "moved to heap: " + var_name();
    case K::kEscapesToHeap:
      return expr() + " escapes to heap";
    case K::kDoesNotEscape:
      return expr() + " does not escape";
    case K::kLeakingParam:
      return "leaking param: " + var_name();
    case K::kLeakingParamContent:
      return "leaking param content: " + var_name();
    case K::kLeakingParamToResult:
      return fmt::format("leaking param: {} to result {} level={}", var_name(), r.text, r.level);
    case K::kSelfAssign:
      return r.text;
    case K::kAppendEscapes:
      return "append escapes to heap";
    case K::kAppendDoesNotEscape:
      return "append does not escape";
    case K::kZeroCopy:
      return "zero-copy string->[]byte conversion";
    case K::kOther:
      return r.text;
  }
  return r.text;
}

void RenderEscape(const escape::Result& result, const ir::Program& prog, const types::Universe& u,
                  const Options& opts, DiagnosticSink& out) {
  for (const escape::Remark& r : result.remarks) {
    if (r.verbosity > opts.debug_m) continue;
    out.Remark(r.pos, RemarkText(r, prog, u));
  }
}

}  // namespace escapist::report
