// diag/diag.h -- diagnostics: errors found in the input (syntax and type errors) and the remarks
// the analyses produce (escape verdicts, inlining decisions). Phases emit into a DiagnosticSink;
// only the driver decides how they are printed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/source.h"

namespace escapist {

enum class Severity : uint8_t { kError, kRemark };

// One message at one position. `text` is the message without the `file:line:col: ` prefix, in
// gc's wording (lowercase, no final period).
struct Diagnostic {
  Severity severity = Severity::kError;
  Pos pos;
  std::string text;
  // The inlined call `pos` lies in (ir::Program::inl_tree index + 1), 0 for none. gc's position
  // there has a position base of its own, made when the call was inlined, so gc's sorted output
  // (base.FlushErrors without -m) puts it after every position of the package's files.
  uint32_t inl = 0;
};

// Collects diagnostics in emission order. Errors are also counted, so a phase can stop early.
class DiagnosticSink {
 public:
  void Error(Pos pos, std::string text) {
    diags_.push_back({Severity::kError, pos, std::move(text)});
    ++error_count_;
  }
  void Remark(Pos pos, std::string text, uint32_t inl = 0) {
    diags_.push_back({Severity::kRemark, pos, std::move(text), inl});
  }
  int error_count() const { return error_count_; }
  const std::vector<Diagnostic>& diags() const { return diags_; }
  std::vector<Diagnostic>& mutable_diags() { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
  int error_count_ = 0;
};

}  // namespace escapist
