// driver/cache.h -- the on-disk cache of per-package analysis results (like the go command's build
// cache): an entry holds what analysing one package produced (its -m remarks and the parameter
// leak tags of its functions), keyed by a SHA-256 of everything the result depends on.
//
// Entries are written to a temporary file in the cache directory and renamed into place, so a
// reader sees a whole entry or none, even if the writer is killed; an entry that does not parse or
// whose recorded key differs is a miss. Nothing is ever updated in place.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace escapist::driver {

// One remark of a cached package: position (the file as opened, 1-based line and column) and
// text, in emission order.
struct CachedRemark {
  std::string file;
  uint32_t line = 0;
  uint32_t col = 0;
  std::string text;
};

// What analysing one package produced.
struct CacheEntry {
  std::vector<CachedRemark> remarks;
  // Parameter tags of the package's functions: symbol ("F", "T.M", "(*T).M") -> gc's tag string
  // per parameter (receiver first), as escape::Leaks::Encode writes it.
  std::vector<std::pair<std::string, std::vector<std::string>>> tags;
};

// Incremental SHA-256 (OpenSSL) of the inputs of a key; Hex() gives the 64-digit digest.
class KeyHasher {
 public:
  KeyHasher();
  ~KeyHasher();
  KeyHasher(const KeyHasher&) = delete;
  KeyHasher& operator=(const KeyHasher&) = delete;
  // Adds a length-prefixed field, so that ("ab","c") and ("a","bc") differ.
  void Add(const std::string& field);
  std::string Hex();

 private:
  void* ctx_;  // EVP_MD_CTX
};

// SHA-256 of a file's bytes as 64 hex digits, or "" if it cannot be read.
std::string HashFile(const std::string& path);

// The default cache directory: $ESCAPIST_CACHE, else $XDG_CACHE_HOME/escapist, else
// $HOME/.cache/escapist (os.UserCacheDir's rule on Linux); "" if none of them is set.
std::string DefaultCacheDir();

// The state of a file or directory that a manifest records: any change to it (content, or the
// entries of a directory) changes one of these. mtime/ctime in nanoseconds.
struct FileStamp {
  std::string path;
  int64_t size = -1;
  int64_t mtime_ns = 0;
  int64_t ctime_ns = 0;
  uint64_t ino = 0;
  friend bool operator==(const FileStamp&, const FileStamp&) = default;
};

// Stats `path`; false if it does not exist.
bool Stamp(const std::string& path, FileStamp* out);

// What one run over package patterns found, so that an identical later run can skip loading:
// the matched packages (import path, result key) in output order, and the stamps of every file
// and directory their keys were computed from. Valid while every stamp is unchanged.
struct Manifest {
  std::vector<std::string> matched;  // import paths, in order
  std::vector<std::string> keys;     // parallel to matched
  std::vector<FileStamp> stamps;
};

// A cache directory. Get/Put never throw: an unusable directory makes every Get a miss and every
// Put a no-op (Put returns false).
class Cache {
 public:
  explicit Cache(std::string dir) : dir_(std::move(dir)) {}
  std::optional<CacheEntry> Get(const std::string& key) const;
  bool Put(const std::string& key, const CacheEntry& entry) const;
  std::optional<Manifest> GetManifest(const std::string& key) const;
  bool PutManifest(const std::string& key, const Manifest& m) const;
  const std::string& dir() const { return dir_; }

 private:
  // DIR/ab/abcdef...-KIND (kind: "pkg" or "manifest").
  std::string Path(const std::string& key, const char* kind) const;
  // The entry parsed, or nullopt if absent, unparsable or recorded for another key.
  std::optional<nlohmann::json> Read(const std::string& key, const char* kind) const;
  bool Write(const std::string& key, const char* kind, const std::string& text) const;
  std::string dir_;
};

}  // namespace escapist::driver
