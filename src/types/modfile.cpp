// types/modfile.cpp -- go.mod parsing and the search for the main module.
#include "types/modfile.h"

#include <sys/stat.h>

#include <cctype>

namespace escapist::types {

namespace {

// Splits one go.mod line into tokens: quoted strings ("..." or `...`), `=>`, `(`, `)`, and runs
// of other non-space characters; stops at a `//` comment.
bool Tokenize(const std::string& line, std::vector<std::string>* out) {
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (line.compare(i, 2, "//") == 0) break;
    if (c == '"' || c == '`') {
      std::string s;
      size_t j = i + 1;
      while (j < line.size() && line[j] != c) {
        if (c == '"' && line[j] == '\\' && j + 1 < line.size()) ++j;
        s.push_back(line[j++]);
      }
      if (j >= line.size()) return false;
      out->push_back(s);
      i = j + 1;
      continue;
    }
    if (c == '(' || c == ')') {
      out->push_back(std::string(1, c));
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && !std::isspace(static_cast<unsigned char>(line[j])) &&
           line.compare(j, 2, "//") != 0 && line[j] != '(' && line[j] != ')') {
      ++j;
    }
    out->push_back(line.substr(i, j - i));
    i = j;
  }
  return true;
}

bool IsFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::string ModFile::LanguageVersion() const {
  if (go_version.empty()) return "go1.16";
  // "1.22.3" -> go1.22; "1.21rc1" -> go1.21.
  size_t dot = go_version.find('.');
  size_t end = dot == std::string::npos ? go_version.size() : dot + 1;
  while (end < go_version.size() && std::isdigit(static_cast<unsigned char>(go_version[end]))) {
    ++end;
  }
  return "go" + go_version.substr(0, end);
}

bool ParseModFile(const std::string& text, const std::string& filename, ModFile* mf,
                  std::string* err) {
  std::string block;  // the verb of the open block, "" outside blocks
  int lineno = 0;
  size_t pos = 0;
  auto fail = [&](const std::string& msg) {
    *err = filename + ":" + std::to_string(lineno) + ": " + msg;
    return false;
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    std::vector<std::string> toks;
    if (!Tokenize(line, &toks)) return fail("unterminated quoted string");
    if (toks.empty()) {
      if (nl == text.size()) break;
      continue;
    }
    std::string verb;
    std::vector<std::string> args;
    if (!block.empty()) {
      if (toks.size() == 1 && toks[0] == ")") {
        block.clear();
        continue;
      }
      verb = block;
      args = toks;
    } else {
      verb = toks[0];
      args.assign(toks.begin() + 1, toks.end());
      if (args.size() == 1 && args[0] == "(") {
        block = verb;
        continue;
      }
    }
    if (verb == "module") {
      if (args.size() != 1) return fail("usage: module module/path");
      mf->module_path = args[0];
    } else if (verb == "go") {
      if (args.size() != 1) return fail("usage: go 1.23");
      mf->go_version = args[0];
    } else if (verb == "require") {
      if (args.size() != 2) return fail("usage: require module/path v1.2.3");
      mf->require.push_back({args[0], args[1]});
    } else if (verb == "replace") {
      size_t arrow = 0;
      while (arrow < args.size() && args[arrow] != "=>") ++arrow;
      if (arrow == args.size() || arrow == 0 || arrow > 2 || args.size() - arrow - 1 < 1 ||
          args.size() - arrow - 1 > 2) {
        return fail("usage: replace module/path [v1.2.3] => other/module v1.4\n\t or replace "
                    "module/path [v1.2.3] => ../local/directory");
      }
      ModReplace r;
      r.old_path = args[0];
      if (arrow == 2) r.old_version = args[1];
      r.new_path = args[arrow + 1];
      if (args.size() - arrow - 1 == 2) r.new_version = args[arrow + 2];
      bool local = r.new_path.rfind("./", 0) == 0 || r.new_path.rfind("../", 0) == 0 ||
                   r.new_path.rfind("/", 0) == 0 || r.new_path == "." || r.new_path == "..";
      if (r.new_version.empty() && !local) {
        return fail("replacement module without version must be directory path (rooted or "
                    "starting with ./ or ../)");
      }
      mf->replaces.push_back(r);
    } else if (verb == "toolchain" || verb == "exclude" || verb == "retract" ||
               verb == "godebug" || verb == "tool" || verb == "ignore") {
      // No effect on where packages are.
    } else {
      return fail("unknown directive: " + verb);
    }
    if (nl == text.size()) break;
  }
  if (!block.empty()) return fail("unexpected end of file in " + block + " block");
  if (mf->module_path.empty()) {
    *err = filename + ": no module declaration in go.mod. To specify the module path:\n\tgo mod "
           "edit -module=example.com/mod";
    return false;
  }
  return true;
}

std::string FindModuleRoot(const std::string& dir) {
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  for (;;) {
    if (IsFile(d + "/go.mod")) return d;
    size_t slash = d.rfind('/');
    if (slash == std::string::npos) return "";
    if (slash == 0) {
      if (d == "/") return "";
      d = "/";
      continue;
    }
    d = d.substr(0, slash);
  }
}

std::string EscapeModulePath(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back('!');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace escapist::types
