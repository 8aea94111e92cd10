// report/explain.cpp -- rendering `escapist explain` accounts (report/explain.h) as text and JSON.
#include "report/explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

namespace escapist::report {

namespace {

using Kind = ExplainEntry::Kind;

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::string FormatPos(const SourceSet& sources, Pos pos) {
  if (!pos.known()) return "<unknown line number>";
  return sources.Format(pos);
}

// file:line, for path lines (the column is not what the reader needs there).
std::string FormatLine(const SourceSet& sources, Pos pos) {
  if (!pos.known()) return "<unknown line number>";
  Pos p = pos;
  p.col = 0;
  return sources.Format(p);
}

bool IsHeapKind(Kind k) {
  return k == Kind::kMovedToHeap || k == Kind::kEscapes || k == Kind::kAppendEscapes ||
         k == Kind::kLeaks;
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += sep;
    out += parts[i];
  }
  return out;
}

std::string SizeText(const ExplainSize& s) {
  switch (s.kind) {
    case ExplainSize::Kind::kNone:
      return "0 B";
    case ExplainSize::Kind::kFixed:
      return s.malloc;
    case ExplainSize::Kind::kDynamic:
      return s.note;
    case ExplainSize::Kind::kUnknown:
      return "unknown: " + s.note;
  }
  return s.note;
}

const char* WhenName(ExplainAllocation::When w) {
  switch (w) {
    case ExplainAllocation::When::kAlways:
      return "always";
    case ExplainAllocation::When::kSometimes:
      return "sometimes";
    case ExplainAllocation::When::kNever:
      return "never";
  }
  return "?";
}

std::string AllocationText(const ExplainAllocation& a) {
  switch (a.when) {
    case ExplainAllocation::When::kAlways:
      return fmt::format("allocation: {}, every time: {}", a.routine, SizeText(a.size));
    case ExplainAllocation::When::kSometimes:
      return fmt::format("allocation: {}, {}: {}", a.routine, a.condition, SizeText(a.size));
    case ExplainAllocation::When::kNever:
      return fmt::format("no allocation: {}", a.condition);
  }
  return "";
}

// Wraps `text` at 100 columns after `indent`, continuation lines indented by `indent` + 2.
void Wrapped(std::string& out, const std::string& indent, const std::string& text) {
  const size_t width = 100;
  std::string line = indent;
  size_t start_len = indent.size();
  size_t i = 0;
  bool first_word = true;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string::npos) j = text.size();
    std::string word = text.substr(i, j - i);
    if (!first_word && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line = indent + "  ";
      start_len = line.size();
      first_word = true;
    }
    if (!first_word) line += ' ';
    line += word;
    first_word = false;
    i = j + 1;
  }
  if (line.size() > start_len || !first_word) out += line + "\n";
}

void EntryText(std::string& out, const ExplainEntry& e, const SourceSet& sources) {
  std::string pos = FormatPos(sources, e.pos);
  if (e.gc.empty()) {
    out += pos + ": (no -m line)\n";
  } else {
    for (const std::string& g : e.gc) out += pos + ": " + g + "\n";
  }
  const std::string ind = "    ";
  if (!e.summary.empty()) {
    Wrapped(out, ind, (e.func.empty() ? std::string() : "in " + e.func + ": ") + e.summary);
  }
  if (!e.path.empty()) {
    out += ind + "path:\n";
    size_t width = 0;
    std::vector<std::pair<std::string, std::string>> rows;
    for (const ExplainPathLine& l : e.path) {
      std::string where = FormatLine(sources, l.pos);
      std::string code = SourceLine(sources, l.pos);
      if (code.size() > 60) code = code.substr(0, 57) + "...";
      rows.emplace_back(where, code);
      width = std::max(width, where.size());
    }
    size_t code_width = 0;
    for (const auto& r : rows) code_width = std::max(code_width, r.second.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      std::string row = ind + "  " + rows[i].first +
                        std::string(width - rows[i].first.size(), ' ') + "  " + rows[i].second;
      if (!e.path[i].whys.empty()) {
        row += std::string(code_width - rows[i].second.size(), ' ') + "  (" +
               Join(e.path[i].whys, ", ") + ")";
      }
      out += row + "\n";
    }
  }
  if (!e.outlives.empty()) Wrapped(out, ind, "outlives the frame: " + e.outlives);
  for (const ExplainAllocation& a : e.allocations) Wrapped(out, ind, AllocationText(a));
  for (const std::string& n : e.notes) Wrapped(out, ind, "note: " + n);
}

nlohmann::json PosJson(const SourceSet& sources, Pos pos) {
  nlohmann::json j;
  j["pos"] = FormatPos(sources, pos);
  if (pos.known() && !pos.autogenerated() && pos.file < sources.size()) {
    j["file"] = sources.Get(pos.file).display_name;
  } else {
    j["file"] = pos.autogenerated() ? "<autogenerated>" : "";
  }
  j["line"] = pos.line;
  j["col"] = pos.col;
  return j;
}

nlohmann::json SizeJson(const ExplainSize& s) {
  nlohmann::json j;
  switch (s.kind) {
    case ExplainSize::Kind::kNone:
      j["kind"] = "none";
      j["bytes"] = 0;
      break;
    case ExplainSize::Kind::kFixed:
      j["kind"] = "fixed";
      j["bytes"] = s.bytes;
      j["noscan"] = s.noscan;
      j["slot"] = s.slot;
      j["size_class"] = s.size_class;
      j["tiny"] = s.tiny;
      j["large"] = s.large;
      j["zero_size"] = s.zero_size;
      j["malloc"] = s.malloc;
      break;
    case ExplainSize::Kind::kDynamic:
      j["kind"] = "dynamic";
      j["noscan"] = s.noscan;
      j["note"] = s.note;
      break;
    case ExplainSize::Kind::kUnknown:
      j["kind"] = "unknown";
      j["note"] = "unknown: " + s.note;
      break;
  }
  return j;
}

}  // namespace

const char* ExplainKindName(ExplainEntry::Kind kind) {
  switch (kind) {
    case Kind::kMovedToHeap:
      return "moved-to-heap";
    case Kind::kEscapes:
      return "escapes";
    case Kind::kAppendEscapes:
      return "append-escapes";
    case Kind::kLeaks:
      return "leaks";
    case Kind::kUnreported:
      return "heap-unreported";
    case Kind::kRunTime:
      return "run-time";
    case Kind::kStack:
      return "stack";
  }
  return "?";
}

std::string SourceLine(const SourceSet& sources, Pos pos) {
  if (!pos.known() || pos.autogenerated() || pos.file >= sources.size()) return "";
  const std::string& text = sources.Get(pos.file).text;
  size_t start = 0;
  for (uint32_t line = 1; line < pos.line; ++line) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) return "";
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string::npos) end = text.size();
  std::string_view line = std::string_view(text).substr(start, end - start);
  // Drop a trailing // comment (outside string, rune and raw string literals).
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote != 0) {
      if (c == '\\' && quote != '`') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
      std::string code = Trim(line.substr(0, i));
      if (!code.empty()) return code;
      break;
    }
  }
  return Trim(line);
}

void SortExplainEntries(const SourceSet& sources, std::vector<ExplainEntry>& entries) {
  auto key = [&](const ExplainEntry& e) {
    bool last = !e.pos.known() || e.pos.autogenerated() || e.pos.file >= sources.size();
    std::string file = last ? std::string() : sources.Get(e.pos.file).display_name;
    return std::make_tuple(last, file, e.pos.line, e.pos.col, static_cast<int>(e.kind),
                           e.gc.empty() ? std::string() : e.gc[0]);
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const ExplainEntry& a, const ExplainEntry& b) { return key(a) < key(b); });
}

std::string ExplainText(const ExplainReport& report, const SourceSet& sources) {
  std::vector<ExplainEntry> entries = report.entries;
  SortExplainEntries(sources, entries);
  int heap = 0, allocating = 0, leaks = 0, unreported = 0, runtime = 0, stack = 0;
  for (const ExplainEntry& e : entries) {
    if (e.kind == Kind::kLeaks) {
      ++leaks;
    } else if (IsHeapKind(e.kind)) {
      ++heap;
      bool allocates = false;
      for (const ExplainAllocation& a : e.allocations) {
        allocates = allocates || a.when != ExplainAllocation::When::kNever;
      }
      if (allocates) ++allocating;
    } else if (e.kind == Kind::kRunTime) {
      ++runtime;
    } else if (e.kind == Kind::kUnreported) {
      ++unreported;
    } else {
      ++stack;
    }
  }
  std::string out = fmt::format(
      "# {}: {} heap verdict{} ({} may allocate at run time), {} leaking parameter{}, {} "
      "heap allocation{} -m does not report, {} decided at run time, {} kept on the stack\n",
      report.package, heap, heap == 1 ? "" : "s", allocating, leaks, leaks == 1 ? "" : "s",
      unreported, unreported == 1 ? "" : "s", runtime, stack);
  struct Section {
    const char* title;
    bool (*match)(Kind);
  };
  const Section sections[] = {
      {"heap: values that move or escape to the heap, parameters that leak",
       [](Kind k) { return IsHeapKind(k); }},
      {"heap, but not reported by -m: channels, closures of go statements",
       [](Kind k) { return k == Kind::kUnreported; }},
      {"decided at run time: no escape, yet the heap may be used",
       [](Kind k) { return k == Kind::kRunTime; }},
      {"stack: addresses and allocations that stay in their frame",
       [](Kind k) { return k == Kind::kStack; }},
  };
  for (const Section& s : sections) {
    bool any = false;
    for (const ExplainEntry& e : entries) any = any || s.match(e.kind);
    if (!any) continue;
    out += fmt::format("\n## {}\n", s.title);
    for (const ExplainEntry& e : entries) {
      if (!s.match(e.kind)) continue;
      out += "\n";
      if (e.kind == Kind::kStack) {
        // Brief: gc's line and one sentence.
        std::string pos = FormatPos(sources, e.pos);
        for (const std::string& g : e.gc) out += pos + ": " + g + "\n";
        if (e.gc.empty()) out += pos + ": (no -m line)\n";
        if (!e.summary.empty()) Wrapped(out, "    ", e.summary);
        continue;
      }
      EntryText(out, e, sources);
    }
  }
  return out;
}

std::string ExplainJson(const ExplainReport& report, const SourceSet& sources) {
  std::vector<ExplainEntry> entries = report.entries;
  SortExplainEntries(sources, entries);
  nlohmann::json root;
  root["package"] = report.package;
  nlohmann::json list = nlohmann::json::array();
  for (const ExplainEntry& e : entries) {
    nlohmann::json j = PosJson(sources, e.pos);
    j["kind"] = ExplainKindName(e.kind);
    j["func"] = e.func;
    j["op"] = e.op;
    j["gc"] = e.gc;
    j["summary"] = e.summary;
    nlohmann::json path = nlohmann::json::array();
    for (const ExplainPathLine& l : e.path) {
      nlohmann::json pl = PosJson(sources, l.pos);
      pl["code"] = SourceLine(sources, l.pos);
      pl["why"] = l.whys;
      path.push_back(std::move(pl));
    }
    j["path"] = std::move(path);
    j["outlives"] = e.outlives;
    nlohmann::json allocs = nlohmann::json::array();
    for (const ExplainAllocation& a : e.allocations) {
      nlohmann::json aj;
      aj["routine"] = a.routine;
      aj["when"] = WhenName(a.when);
      aj["condition"] = a.condition;
      aj["size"] = SizeJson(a.size);
      allocs.push_back(std::move(aj));
    }
    j["allocations"] = std::move(allocs);
    j["notes"] = e.notes;
    list.push_back(std::move(j));
  }
  root["entries"] = std::move(list);
  return root.dump(2) + "\n";
}

}  // namespace escapist::report
