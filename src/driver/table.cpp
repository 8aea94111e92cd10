// driver/table.cpp -- escapist table (see driver/analysis.h): the package's conversions of
// concrete values to interfaces as a markdown table (or JSON with --json), one row per conversion
// (walk/iface_table.h), then a per-type summary when a type is converted both from constants and
// from run-time values (or from zero and non-zero constants).
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "cost/malloc.h"
#include "driver/analysis.h"
#include "ir/build.h"
#include "walk/iface_table.h"

namespace escapist::driver {

namespace {

using walk::DataWord;
using walk::IfaceConversion;
using Alloc = IfaceConversion::Alloc;
using Operand = IfaceConversion::Operand;

const char* OperandKey(Operand o) {
  switch (o) {
    case Operand::kConstZero: return "const-zero";
    case Operand::kConstNonZero: return "const-nonzero";
    case Operand::kRunTime: return "run-time";
  }
  return "";
}

const char* OperandWords(Operand o) {
  switch (o) {
    case Operand::kConstZero: return "constant zero";
    case Operand::kConstNonZero: return "constant non-zero";
    case Operand::kRunTime: return "run-time value";
  }
  return "";
}

const char* KindKey(DataWord::Kind k) {
  switch (k) {
    case DataWord::Kind::kDirect: return "direct";
    case DataWord::Kind::kZeroSized: return "zerobase";
    case DataWord::Kind::kSingleByte: return "staticuint64s";
    case DataWord::Kind::kZeroValue: return "zeroVal";
    case DataWord::Kind::kStatic: return "static";
    case DataWord::Kind::kStack: return "stack";
    case DataWord::Kind::kRuntime: return "runtime";
  }
  return "";
}

// What gc's code does for the data word, as the amd64 listing (go tool compile -S) shows it.
// `generic`: static temporaries as `.stmp_N` (for the per-type view).
std::string Instruction(const DataWord& w, bool generic = false) {
  switch (w.kind) {
    case DataWord::Kind::kDirect: return "none: the pointer-shaped value is the data word";
    case DataWord::Kind::kZeroSized: return "`LEAQ runtime.zerobase`";
    case DataWord::Kind::kSingleByte: return "`LEAQ runtime.staticuint64s` (+ 8·value)";
    case DataWord::Kind::kZeroValue: return "`LEAQ runtime.zeroVal`";
    case DataWord::Kind::kStatic:
      return fmt::format("`LEAQ {}` read-only static", generic ? ".stmp_N" : w.expr);
    case DataWord::Kind::kStack: return "stack temporary (`LEAQ` of a frame slot)";
    case DataWord::Kind::kRuntime: return fmt::format("`CALL runtime.{}`", w.routine);
  }
  return "";
}

// A mallocgc request, shortly: "8 B, tiny allocator", "16 B, size class 2 (16 B)".
std::string Malloc(int64_t size, bool noscan) {
  cost::MallocClass m = cost::Classify(static_cast<uint64_t>(size), noscan);
  if (m.tiny) return fmt::format("{} B, tiny allocator", m.size);
  if (m.large) return fmt::format("{} B, large object ({} B span)", m.size, m.slot);
  return fmt::format("{} B, size class {} ({} B{})", m.size, m.size_class, m.slot,
                     m.header ? " with malloc header" : "");
}

// The argument convT16/32/64 compares with 256: the value converted to uintN for integers, its
// bits for floats (walk/convert.go: "unsafe cast through memory").
std::string ConvTArg(const IfaceConversion& r) {
  int bits = walk::ConvTBits(r.word.routine);
  return r.integer_arg ? fmt::format("uint{}(value)", bits)
                       : fmt::format("the bits of the value as uint{}", bits);
}

// The runtime routine's rule for a value of the row's kind, or its decision for a known constant.
std::string AllocText(const IfaceConversion& r) {
  if (r.word.kind != DataWord::Kind::kRuntime) return "no";
  if (r.alloc == Alloc::kUnknown) return "unknown: " + r.unknown_reason;
  std::string m = Malloc(r.malloc_size, r.malloc_noscan);
  if (r.allocates) return *r.allocates ? "yes: " + m : "no (this value needs none)";
  switch (r.alloc) {
    case Alloc::kAlways: return "yes, always: " + m;
    case Alloc::kIfAtLeast256:
      return fmt::format("only if {} ≥ 256: {} (below, 0 included: &staticuint64s[value])",
                         ConvTArg(r), m);
    case Alloc::kIfNonEmpty: return "only if the value != \"\": " + m + " (\"\": &zeroVal)";
    case Alloc::kIfNonNil: return "only if the value != nil: " + m + " (nil: &zeroVal)";
    default: return "";
  }
}

// The per-type view's run-time columns: what a zero / a non-zero run-time value costs.
std::string RunTimeCell(const IfaceConversion& r, bool zero) {
  if (r.word.kind != DataWord::Kind::kRuntime) return "no";
  if (r.alloc == Alloc::kUnknown) return "unknown: " + r.unknown_reason;
  std::string m = Malloc(r.malloc_size, r.malloc_noscan);
  switch (r.alloc) {
    case Alloc::kAlways: return "yes: " + m;
    case Alloc::kIfAtLeast256:
      return zero ? "no (&staticuint64s[0])" : fmt::format("if {} ≥ 256: {}", ConvTArg(r), m);
    case Alloc::kIfNonEmpty: return zero ? "no (&zeroVal)" : "yes: " + m;
    case Alloc::kIfNonNil: return zero ? "no (nil: &zeroVal)" : "if not nil: " + m;
    default: return "";
  }
}

// `|` would end a markdown cell.
std::string Cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string Code(const std::string& s) {
  std::string out = "`";
  out += Cell(s);
  out += '`';
  return out;
}

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out.empty() ? "—" : out;
}

struct Printer {
  PackageAnalysis& a;

  std::string Where(Pos pos) const {
    if (!pos.known()) return "";
    return fmt::format("{}:{}", a.loader.sources().Get(pos.file).display_name, pos.line);
  }

  std::string OperandCell(const IfaceConversion& r) const {
    std::string s = std::string(OperandWords(r.operand)) + " " + Code(r.operand_text);
    if (!r.value_text.empty()) s += " = " + Code(r.value_text);
    return s;
  }

  std::string InlNote(const IfaceConversion& r) const {
    if (r.inl == 0 || r.inl > a.prog.inl_tree.size()) return "";
    return " (inlined " + a.prog.inl_tree[r.inl - 1].func_name + ")";
  }

  void Markdown(const std::vector<IfaceConversion>& rows) const {
    std::cout << "| Type | Where | Operand | gc's data word | Allocates at run time |\n"
              << "|:--|:--|:--|:--|:--|\n";
    for (const IfaceConversion& r : rows) {
      std::cout << "| " << Code(types::TypeString(a.u, r.from, a.prog.pkg)) << " | "
                << Where(r.pos) << InlNote(r) << " | " << OperandCell(r) << " | "
                << Cell(Instruction(r.word)) << " | " << Cell(AllocText(r)) << " |\n";
    }
    PerType(rows);
  }

  // Types converted in more than one way (constant zero, constant non-zero, run-time).
  void PerType(const std::vector<IfaceConversion>& rows) const {
    std::vector<std::string> order;
    std::map<std::string, std::vector<const IfaceConversion*>> by_type;
    for (const IfaceConversion& r : rows) {
      std::string t = types::TypeString(a.u, r.from, a.prog.pkg);
      if (!by_type.count(t)) order.push_back(t);
      by_type[t].push_back(&r);
    }
    bool header = false;
    for (const std::string& t : order) {
      const std::vector<const IfaceConversion*>& rs = by_type[t];
      std::set<Operand> kinds;
      for (const IfaceConversion* r : rs) kinds.insert(r->operand);
      if (kinds.size() < 2) continue;
      if (!header) {
        std::cout << "\n| Type | Size | Constant zero | Constant non-zero | Run-time value | "
                     "Run-time zero allocates? | Run-time non-zero allocates? |\n"
                  << "|:--|--:|:--|:--|:--|:--|:--|\n";
        header = true;
      }
      auto cell = [&](Operand o) {
        std::vector<std::string> parts;
        for (const IfaceConversion* r : rs) {
          std::string s = Instruction(r->word, /*generic=*/true);
          if (r->operand == o && std::find(parts.begin(), parts.end(), s) == parts.end()) {
            parts.push_back(s);
          }
        }
        return Cell(Join(parts));
      };
      auto run_cell = [&](bool zero) {
        std::vector<std::string> parts;
        for (const IfaceConversion* r : rs) {
          std::string s = RunTimeCell(*r, zero);
          if (r->operand == Operand::kRunTime &&
              std::find(parts.begin(), parts.end(), s) == parts.end()) {
            parts.push_back(s);
          }
        }
        return Cell(Join(parts));
      };
      std::cout << "| " << Code(t) << " | " << types::SizeOf(a.u, rs[0]->from) << " | "
                << cell(Operand::kConstZero) << " | " << cell(Operand::kConstNonZero) << " | "
                << cell(Operand::kRunTime) << " | " << run_cell(true) << " | " << run_cell(false)
                << " |\n";
    }
  }

  void Json(const std::vector<IfaceConversion>& rows) const {
    nlohmann::json out = nlohmann::json::array();
    for (const IfaceConversion& r : rows) {
      nlohmann::json j;
      j["type"] = types::TypeString(a.u, r.from, a.prog.pkg);
      j["size"] = types::SizeOf(a.u, r.from);
      j["pos"] = r.pos.known() ? a.loader.sources().Format(r.pos) : "";
      j["line"] = r.pos.line;
      j["func"] = r.func ? ir::FuncName(a.prog, r.func) : "";
      j["inlined"] = InlNote(r);
      j["operand"] = OperandKey(r.operand);
      j["operand_text"] = r.operand_text;
      j["value_text"] = r.value_text;
      j["data_word"] = KindKey(r.word.kind);
      j["instruction"] = Instruction(r.word);
      j["routine"] = r.word.routine;
      j["static"] = r.word.kind == DataWord::Kind::kStatic ? r.word.expr : "";
      if (const char* msg = r.word.Message(); *msg != '\0') {
        std::string pos = r.word.pos.known() ? a.loader.sources().Format(r.word.pos) : "";
        j["escapedebug"] = {{"pos", pos}, {"message", msg}, {"expr", r.word.expr}};
      } else {
        j["escapedebug"] = nullptr;
      }
      static const char* kAlloc[] = {"never", "always", "if-at-least-256", "if-non-empty",
                                     "if-non-nil", "unknown"};
      j["alloc"] = kAlloc[static_cast<int>(r.alloc)];
      j["integer_arg"] = r.integer_arg;
      j["malloc_size"] = r.malloc_size;
      j["malloc_noscan"] = r.malloc_noscan;
      j["malloc"] = r.malloc_size > 0
                        ? cost::Describe(cost::Classify(static_cast<uint64_t>(r.malloc_size),
                                                        r.malloc_noscan))
                        : "";
      j["malloc_slot"] =
          r.malloc_size > 0
              ? cost::Classify(static_cast<uint64_t>(r.malloc_size), r.malloc_noscan).slot
              : 0;
      j["malloc_tiny"] =
          r.malloc_size > 0 &&
          cost::Classify(static_cast<uint64_t>(r.malloc_size), r.malloc_noscan).tiny;
      j["allocates"] = r.allocates ? nlohmann::json(*r.allocates) : nlohmann::json(nullptr);
      j["alloc_text"] = AllocText(r);
      if (r.alloc == Alloc::kUnknown) j["unknown_reason"] = r.unknown_reason;
      out.push_back(std::move(j));
    }
    std::cout << out.dump(1) << '\n';
  }
};

}  // namespace

int RunTable(const Options& opts) {
  if (opts.inputs.empty()) {
    std::cerr << "escapist table: no input files (usage: escapist table [-l] [--json] "
                 "FILE.go...)\n";
    return 2;
  }
  return AnalyzeSingle(opts, /*include_tests=*/false, [&](PackageAnalysis& a) {
    if (a.diags.error_count() > 0) return 1;
    std::vector<IfaceConversion> rows = walk::IfaceConversions(a.prog, a.u, a.esc);
    // Source order reads best; walk order (closures after their function) is kept among equals.
    std::stable_sort(rows.begin(), rows.end(), [](const IfaceConversion& x,
                                                  const IfaceConversion& y) { return x.pos < y.pos; });
    Printer p{a};
    if (opts.json) {
      p.Json(rows);
    } else {
      p.Markdown(rows);
    }
    return 0;
  });
}

}  // namespace escapist::driver
