// report/report.h -- renders analysis results as gc prints them.
//
// Escape analysis and (later) inlining return structured verdicts; this phase alone decides the
// text: `moved to heap: x`, `&T{...} escapes to heap`, `leaking param: p to result ~r0 level=0`,
// exactly as `go build -gcflags=-m` prints them (escape/escape.go, solve.go), and the JSON form.
#pragma once

#include <string>
#include <vector>

#include "diag/diag.h"
#include "escape/escape.h"
#include "ir/ir.h"
#include "types/types.h"

namespace escapist::report {

struct Options {
  int debug_m = 1;  // -m level: remarks with a higher verbosity are dropped
};

// Appends one remark per escape verdict (in gc's emission order) to `out`.
void RenderEscape(const escape::Result& result, const ir::Program& prog, const types::Universe& u,
                  const Options& opts, DiagnosticSink& out);

// The message of one remark, without position (e.g. "leaking param: p to result ~r0 level=0").
std::string RemarkText(const escape::Remark& r, const ir::Program& prog, const types::Universe& u);

}  // namespace escapist::report
