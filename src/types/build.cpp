// types/build.cpp -- go/build's file selection and go/build/constraint's expression language.
#include "types/build.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace escapist::types {

namespace {

const char* const kKnownOS[] = {"aix",     "android", "darwin", "dragonfly", "freebsd", "hurd",
                                "illumos", "ios",     "js",     "linux",     "nacl",    "netbsd",
                                "openbsd", "plan9",   "solaris", "wasip1",   "windows", "zos"};
const char* const kUnixOS[] = {"aix",     "android", "darwin",  "dragonfly", "freebsd", "hurd",
                               "illumos", "ios",     "linux",   "netbsd",    "openbsd", "solaris"};
const char* const kKnownArch[] = {"386",      "amd64",   "amd64p32", "arm",     "armbe",
                                  "arm64",    "arm64be", "loong64",  "mips",    "mipsle",
                                  "mips64",   "mips64le", "mips64p32", "mips64p32le", "ppc",
                                  "ppc64",    "ppc64le", "riscv",    "riscv64", "s390",
                                  "s390x",    "sparc",   "sparc64",  "wasm"};

template <size_t N>
bool In(const char* const (&list)[N], std::string_view s) {
  for (const char* k : list) {
    if (s == k) return true;
  }
  return false;
}

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool HasPrefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool HasSuffix(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// go/build/constraint's tag syntax: letters, digits, '_' and '.' (non-ASCII letters accepted).
bool IsTagChar(unsigned char c) { return std::isalnum(c) || c == '_' || c == '.' || c >= 0x80; }

// Parser for `//go:build` expressions: || binds looser than &&, ! binds tightest.
class ExprParser {
 public:
  ExprParser(std::string_view s, const std::function<bool(std::string_view)>& match)
      : s_(s), match_(match) {}
  bool Parse(bool* ok) {
    bool v = Or();
    Skip();
    if (i_ != s_.size()) ok_ = false;
    *ok = ok_;
    return ok_ && v;
  }

 private:
  void Skip() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool Or() {
    bool v = And();
    for (;;) {
      Skip();
      if (s_.substr(i_, 2) != "||") return v;
      i_ += 2;
      bool w = And();
      v = v || w;
    }
  }
  bool And() {
    bool v = Not();
    for (;;) {
      Skip();
      if (s_.substr(i_, 2) != "&&") return v;
      i_ += 2;
      bool w = Not();
      v = v && w;
    }
  }
  bool Not() {
    Skip();
    if (i_ < s_.size() && s_[i_] == '!') {
      ++i_;
      if (++depth_ > 1000) {
        ok_ = false;
        return false;
      }
      bool v = !Not();
      --depth_;
      return v;
    }
    return Atom();
  }
  bool Atom() {
    Skip();
    if (i_ < s_.size() && s_[i_] == '(') {
      ++i_;
      if (++depth_ > 1000) {
        ok_ = false;
        return false;
      }
      bool v = Or();
      --depth_;
      Skip();
      if (i_ < s_.size() && s_[i_] == ')') {
        ++i_;
      } else {
        ok_ = false;
      }
      return v;
    }
    size_t start = i_;
    while (i_ < s_.size() && IsTagChar(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (start == i_) {
      ok_ = false;
      return false;
    }
    return match_(s_.substr(start, i_ - start));
  }

  std::string_view s_;
  const std::function<bool(std::string_view)>& match_;
  size_t i_ = 0;
  int depth_ = 0;
  bool ok_ = true;
};

// constraint.IsPlusBuild: `// +build` followed by space or end of line.
bool IsPlusBuild(std::string_view line) {
  if (!HasPrefix(line, "//")) return false;
  line = TrimSpace(line.substr(2));
  if (!HasPrefix(line, "+build")) return false;
  line = line.substr(6);
  return line.empty() || std::isspace(static_cast<unsigned char>(line[0]));
}

// imports.isGoBuildComment: `//go:build` alone or followed by space.
bool IsGoBuildComment(std::string_view line) {
  if (!HasPrefix(line, "//go:build")) return false;
  std::string_view rest = line.substr(10);
  return rest.empty() || std::isspace(static_cast<unsigned char>(rest[0]));
}

// go/build parseFileHeader: the leading run of // comments and blank lines up to the last blank
// line (where +build lines may appear), and the //go:build line if any.
bool ParseFileHeader(std::string_view content, std::string_view* trimmed,
                     std::string_view* go_build, bool* has_go_build) {
  size_t end = 0;
  std::string_view p = content;
  bool ended = false;
  bool in_slash_star = false;
  *has_go_build = false;
  while (!p.empty()) {
    std::string_view line = p;
    size_t nl = line.find('\n');
    if (nl != std::string_view::npos) {
      line = line.substr(0, nl);
      p = p.substr(nl + 1);
    } else {
      p = {};
    }
    line = TrimSpace(line);
    if (line.empty() && !ended) {
      end = content.size() - p.size();
      continue;
    }
    if (!HasPrefix(line, "//")) ended = true;
    if (!in_slash_star && IsGoBuildComment(line)) {
      if (*has_go_build) return false;  // multiple //go:build comments
      *has_go_build = true;
      *go_build = line;
    }
    bool stop = false;
    while (!line.empty()) {
      if (in_slash_star) {
        size_t i = line.find("*/");
        if (i == std::string_view::npos) break;
        in_slash_star = false;
        line = TrimSpace(line.substr(i + 2));
        continue;
      }
      if (HasPrefix(line, "//")) break;
      if (HasPrefix(line, "/*")) {
        in_slash_star = true;
        line = TrimSpace(line.substr(2));
        continue;
      }
      stop = true;  // non-comment text
      break;
    }
    if (stop) break;
  }
  *trimmed = content.substr(0, end);
  return true;
}

// A tiny Go tokenizer for the package clause and import declarations (imports.ReadImports).
class HeaderReader {
 public:
  explicit HeaderReader(std::string_view s) : s_(s) {}
  void SkipSpace() {
    for (;;) {
      while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' ||
                                s_[i_] == '\n' || s_[i_] == ';')) {
        ++i_;
      }
      if (s_.substr(i_, 2) == "//") {
        size_t nl = s_.find('\n', i_);
        i_ = nl == std::string_view::npos ? s_.size() : nl;
        continue;
      }
      if (s_.substr(i_, 2) == "/*") {
        size_t e = s_.find("*/", i_ + 2);
        i_ = e == std::string_view::npos ? s_.size() : e + 2;
        continue;
      }
      return;
    }
  }
  std::string_view Ident() {
    SkipSpace();
    size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' ||
                              static_cast<unsigned char>(s_[i_]) >= 0x80)) {
      ++i_;
    }
    return s_.substr(start, i_ - start);
  }
  bool Peek(char c) {
    SkipSpace();
    return i_ < s_.size() && s_[i_] == c;
  }
  void Next() { ++i_; }
  // Reads a string literal; false if there is none.
  bool String(std::string* out) {
    SkipSpace();
    if (i_ >= s_.size()) return false;
    char q = s_[i_];
    if (q != '"' && q != '`') return false;
    ++i_;
    out->clear();
    while (i_ < s_.size() && s_[i_] != q) {
      if (q == '"' && s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;
      if (s_[i_] == '\n') return false;
      out->push_back(s_[i_++]);
    }
    if (i_ >= s_.size()) return false;
    ++i_;
    return true;
  }
  size_t pos() const { return i_; }
  void set_pos(size_t p) { i_ = p; }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

BuildContext BuildContext::Default(const std::string& goos, const std::string& goarch,
                                   bool cgo_enabled) {
  BuildContext c;
  c.goos = goos;
  c.goarch = goarch;
  c.cgo_enabled = cgo_enabled;
  // internal/buildcfg/exp.go: the baseline experiments of Go 1.27, in its order.
  bool regabi = goarch == "amd64" || goarch == "arm64" || goarch == "loong64" ||
                goarch == "riscv64" || goarch == "s390x" || goarch == "ppc64" ||
                goarch == "ppc64le";
  if (regabi) {
    c.tool_tags.push_back("goexperiment.regabiwrappers");
    c.tool_tags.push_back("goexperiment.regabiargs");
  }
  if (goos != "darwin" && goos != "ios" && goos != "aix") {
    c.tool_tags.push_back("goexperiment.dwarf5");
  }
  for (const char* e : {"goexperiment.jsonv2", "goexperiment.greenteagc",
                        "goexperiment.randomizedheapbase64", "goexperiment.sizespecializedmalloc"}) {
    c.tool_tags.push_back(e);
  }
  // buildcfg.gogoarchTags with the default GOAMD64=v1 (and GO386=sse2, GOARM=7, GOARM64=v8.0).
  if (goarch == "amd64") c.tool_tags.push_back("amd64.v1");
  if (goarch == "386") c.tool_tags.push_back("386.sse2");
  if (goarch == "arm") {
    for (int v = 5; v <= 7; ++v) c.tool_tags.push_back("arm." + std::to_string(v));
  }
  if (goarch == "arm64") c.tool_tags.push_back("arm64.v8.0");
  for (int v = 1; v <= 27; ++v) c.release_tags.push_back("go1." + std::to_string(v));
  return c;
}

bool BuildContext::MatchTag(std::string_view name) const {
  if (name.empty()) return false;
  if (cgo_enabled && name == "cgo") return true;
  if (name == goos || name == goarch || name == compiler) return true;
  if (goos == "android" && name == "linux") return true;
  if (goos == "illumos" && name == "solaris") return true;
  if (goos == "ios" && name == "darwin") return true;
  if (name == "unix" && In(kUnixOS, goos)) return true;
  for (const auto* list : {&build_tags, &tool_tags, &release_tags}) {
    for (const std::string& t : *list) {
      if (t == name) return true;
    }
  }
  return false;
}

bool BuildContext::GoodOSArchFile(std::string_view name) const {
  size_t dot = name.find('.');
  if (dot != std::string_view::npos) name = name.substr(0, dot);
  size_t us = name.find('_');
  if (us == std::string_view::npos) return true;
  name = name.substr(us);  // ignore everything before the first _
  std::vector<std::string_view> l;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '_') {
      l.push_back(name.substr(start, i - start));
      start = i + 1;
    }
  }
  if (!l.empty() && l.back() == "test") l.pop_back();
  size_t n = l.size();
  if (n >= 2 && In(kKnownOS, l[n - 2]) && In(kKnownArch, l[n - 1])) {
    return MatchTag(l[n - 2]) && MatchTag(l[n - 1]);
  }
  if (n >= 1 && In(kKnownOS, l[n - 1])) return MatchTag(l[n - 1]);
  if (n >= 1 && In(kKnownArch, l[n - 1])) return MatchTag(l[n - 1]);
  return true;
}

bool EvalConstraint(std::string_view expr, bool plus_build,
                    const std::function<bool(std::string_view)>& match, bool* ok) {
  *ok = true;
  if (!plus_build) {
    if (TrimSpace(expr).empty()) {
      *ok = false;
      return false;
    }
    ExprParser p(expr, match);
    return p.Parse(ok);
  }
  // `// +build A,B !C D`: an OR of space-separated ANDs of comma-separated, optionally negated
  // tags.
  std::string_view line = TrimSpace(expr);
  if (HasPrefix(line, "//")) line = TrimSpace(line.substr(2));
  if (HasPrefix(line, "+build")) line = line.substr(6);
  bool any = false;
  bool result = false;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i >= line.size()) break;
    size_t j = i;
    while (j < line.size() && !std::isspace(static_cast<unsigned char>(line[j]))) ++j;
    std::string_view clause = line.substr(i, j - i);
    i = j;
    any = true;
    bool v = true;
    size_t k = 0;
    while (k <= clause.size()) {
      size_t c = clause.find(',', k);
      if (c == std::string_view::npos) c = clause.size();
      std::string_view lit = clause.substr(k, c - k);
      bool neg = false;
      if (HasPrefix(lit, "!")) {
        neg = true;
        lit.remove_prefix(1);
      }
      bool valid = !lit.empty() && lit[0] != '!';
      for (char ch : lit) valid = valid && IsTagChar(static_cast<unsigned char>(ch));
      if (!valid) {
        *ok = false;
        return false;
      }
      bool m = match(lit);
      v = v && (neg ? !m : m);
      k = c + 1;
    }
    result = result || v;
  }
  if (!any) {
    *ok = false;
    return false;
  }
  return result;
}

bool BuildContext::ShouldBuild(std::string_view content, std::string* err) const {
  std::string_view header, go_build;
  bool has_go_build = false;
  if (!ParseFileHeader(content, &header, &go_build, &has_go_build)) {
    if (err) *err = "multiple //go:build comments";
    return false;
  }
  auto match = [this](std::string_view tag) { return MatchTag(tag); };
  if (has_go_build) {
    bool ok = true;
    bool v = EvalConstraint(go_build.substr(10), false, match, &ok);
    if (!ok) {
      if (err) *err = "parsing //go:build line: syntax error in " + std::string(go_build);
      return false;
    }
    return v;
  }
  bool should = true;
  std::string_view p = header;
  while (!p.empty()) {
    std::string_view line = p;
    size_t nl = line.find('\n');
    if (nl != std::string_view::npos) {
      line = line.substr(0, nl);
      p = p.substr(nl + 1);
    } else {
      p = {};
    }
    line = TrimSpace(line);
    if (!HasPrefix(line, "//") || line.find("+build") == std::string_view::npos) continue;
    if (!IsPlusBuild(line)) continue;
    bool ok = true;
    bool v = EvalConstraint(line, true, match, &ok);
    if (ok && !v) should = false;
  }
  return should;
}

GoFileInfo ReadGoInfo(std::string_view content) {
  GoFileInfo info;
  HeaderReader r(content);
  if (r.Ident() != "package") return info;
  info.package_name = std::string(r.Ident());
  if (info.package_name.empty()) return info;
  info.ok = true;
  for (;;) {
    size_t save = r.pos();
    if (r.Ident() != "import") {
      r.set_pos(save);
      break;
    }
    auto spec = [&]() -> bool {
      if (r.Peek('.')) {
        r.Next();
      } else {
        r.Ident();  // optional name (or _)
      }
      std::string path;
      if (!r.String(&path)) return false;
      info.imports.push_back(path);
      return true;
    };
    if (r.Peek('(')) {
      r.Next();
      while (!r.Peek(')')) {
        if (!spec()) return info;
      }
      r.Next();
    } else if (!spec()) {
      return info;
    }
  }
  return info;
}

std::string BuildPackage::NoGoError() const {
  if (!go_files.empty()) return "";
  if (!ignored_go_files.empty()) return "build constraints exclude all Go files in " + dir;
  if (!test_go_files.empty() || !xtest_go_files.empty()) return "no non-test Go files in " + dir;
  return "no Go files in " + dir;
}

bool ImportDir(const BuildContext& ctxt, const std::string& dir, BuildPackage* p) {
  p->dir = dir;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) {
    p->error = "open " + dir + ": no such file or directory";
    return false;
  }
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (!HasSuffix(name, ".go")) continue;
    std::string full = dir + "/" + name;
    struct stat st;
    if (stat(full.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    names.push_back(name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  std::string first_file;
  for (const std::string& name : names) {
    if (name[0] == '_' || name[0] == '.') continue;
    if (!ctxt.GoodOSArchFile(name)) {
      p->ignored_go_files.push_back(name);
      continue;
    }
    std::string text;
    if (!ReadWhole(dir + "/" + name, &text)) continue;
    std::string err;
    if (!ctxt.ShouldBuild(text, &err)) {
      (err.empty() ? p->ignored_go_files : p->invalid_go_files).push_back(name);
      if (!err.empty() && p->error.empty()) p->error = dir + "/" + name + ": " + err;
      continue;
    }
    GoFileInfo info = ReadGoInfo(text);
    std::string pkg = info.package_name;
    if (info.ok && pkg == "documentation") {
      p->ignored_go_files.push_back(name);
      continue;
    }
    bool is_test = HasSuffix(name, "_test.go");
    bool is_xtest = false;
    if (is_test && HasSuffix(pkg, "_test") && p->name != pkg) {
      is_xtest = true;
      pkg = pkg.substr(0, pkg.size() - 5);
    }
    if (info.ok) {
      if (p->name.empty()) {
        p->name = pkg;
        first_file = name;
      } else if (pkg != p->name && p->error.empty()) {
        p->error = "found packages " + p->name + " (" + first_file + ") and " + pkg + " (" +
                   name + ") in " + dir;
        p->invalid_go_files.push_back(name);
        continue;
      }
    }
    bool is_cgo = std::find(info.imports.begin(), info.imports.end(), "C") != info.imports.end();
    if (is_cgo && !is_test) {
      if (!ctxt.cgo_enabled) {
        p->ignored_go_files.push_back(name);
        continue;
      }
    }
    if (is_xtest) {
      p->xtest_go_files.push_back(name);
    } else if (is_test) {
      p->test_go_files.push_back(name);
    } else {
      p->go_files.push_back(name);
    }
  }
  return true;
}

}  // namespace escapist::types
