// base/source.h -- source files and positions. A Pos names a file by index into a SourceSet and a
// line and byte column counted from 1, exactly as gc prints them (`file:line:col`).
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace escapist {

// A position in a source file: file index (into SourceSet), line and column from 1 (columns count
// bytes, as gc does). line == 0 means "no position".
struct Pos {
  uint32_t file = 0;
  uint32_t line = 0;
  uint32_t col = 0;
  bool known() const { return line != 0; }
  friend bool operator==(const Pos&, const Pos&) = default;
  friend bool operator<(const Pos& a, const Pos& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
  }
};

// One source file: the name diagnostics print (as given on the command line, or relative to the
// package directory) and its bytes. The text is immutable once loaded; AST nodes point into it.
struct SourceFile {
  std::string path;          // as opened
  std::string display_name;  // as printed in diagnostics
  std::string text;
};

// All source files of one run. References stay valid while it grows.
class SourceSet {
 public:
  // Adds a file and returns its index.
  uint32_t Add(SourceFile file) {
    files_.push_back(std::move(file));
    return static_cast<uint32_t>(files_.size() - 1);
  }
  const SourceFile& Get(uint32_t index) const { return files_.at(index); }
  size_t size() const { return files_.size(); }
  // Formats `pos` as gc does: `name:line:col` (`name:line` when the column is 0).
  std::string Format(Pos pos) const;

 private:
  std::deque<SourceFile> files_;
};

}  // namespace escapist
