// fuzz/replay_main.cpp -- runs a fuzz target's LLVMFuzzerTestOneInput over files without libFuzzer,
// so that every build (g++, with or without sanitizers) can replay the seed corpora and the
// reproducers of fixed defects as a regression test.
//
// Usage: fuzz_{parse,check}_replay [-v] DIR|FILE...
//   Every regular file of each directory (not recursive) and every named file is one input.
//   -v prints each file's name before running it (to find the input that crashes or hangs).
// Exit status 0 after all inputs ran, 2 on a usage or I/O error; a defect crashes the process.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool IsDir(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Appends the regular files of `dir` (sorted, not recursive) to `out`.
bool ListDir(const std::string& dir, std::vector<std::string>* out) {
  DIR* d = opendir(dir.c_str());
  if (!d) return false;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    std::string path = dir + "/" + e->d_name;
    struct stat st;
    if (e->d_name[0] != '.' && stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      names.push_back(path);
    }
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  out->insert(out->end(), names.begin(), names.end());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  bool verbose = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "-v") {
      verbose = true;
    } else if (IsDir(a)) {
      if (!ListDir(a, &files)) {
        std::fprintf(stderr, "replay: cannot read directory %s\n", a.c_str());
        return 2;
      }
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s [-v] DIR|FILE...\n", argv[0]);
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  size_t bytes = 0;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "replay: cannot open %s\n", f.c_str());
      return 2;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string data = ss.str();
    if (verbose) std::fprintf(stderr, "%s\n", f.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    bytes += data.size();
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("replayed %zu inputs (%zu bytes) in %.2f s\n", files.size(), bytes, secs);
  return 0;
}
