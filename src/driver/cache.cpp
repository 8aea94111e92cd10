// driver/cache.cpp -- see cache.h.
#include "driver/cache.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace escapist::driver {

namespace {

constexpr const char* kFormat = "escapist-cache-2";  // 2: manifests without directories

std::string ToHex(const unsigned char* d, unsigned n) {
  static const char* kDigits = "0123456789abcdef";
  std::string s;
  for (unsigned i = 0; i < n; ++i) {
    s += kDigits[d[i] >> 4];
    s += kDigits[d[i] & 15];
  }
  return s;
}

}  // namespace

KeyHasher::KeyHasher() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr);
}

KeyHasher::~KeyHasher() { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void KeyHasher::Add(const std::string& field) {
  std::string len = std::to_string(field.size()) + ":";
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), len.data(), len.size());
  EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(ctx_), field.data(), field.size());
}

std::string KeyHasher::Hex() {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned n = 0;
  EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(ctx_), d, &n);
  EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(ctx_), EVP_sha256(), nullptr);
  return ToHex(d, n);
}

std::string HashFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  KeyHasher h;
  std::ostringstream ss;
  ss << in.rdbuf();
  h.Add(ss.str());
  return h.Hex();
}

std::string DefaultCacheDir() {
  if (const char* e = std::getenv("ESCAPIST_CACHE"); e != nullptr && *e) return e;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x != nullptr && *x == '/') {
    return std::string(x) + "/escapist";
  }
  if (const char* h = std::getenv("HOME"); h != nullptr && *h) {
    return std::string(h) + "/.cache/escapist";
  }
  return "";
}

bool Stamp(const std::string& path, FileStamp* out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  out->path = path;
  out->size = static_cast<int64_t>(st.st_size);
  out->mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  out->ctime_ns = static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  out->ino = static_cast<uint64_t>(st.st_ino);
  return true;
}

std::string Cache::Path(const std::string& key, const char* kind) const {
  return dir_ + "/" + key.substr(0, 2) + "/" + key + "-" + kind;
}

namespace {

// An entry's JSON object with its format and key, which a reader checks.
nlohmann::json Envelope(const std::string& key) {
  nlohmann::json j;
  j["format"] = kFormat;
  j["key"] = key;
  return j;
}

}  // namespace

std::optional<nlohmann::json> Cache::Read(const std::string& key, const char* kind) const {
  if (dir_.empty() || key.size() < 2) return std::nullopt;
  std::ifstream in(Path(key, kind), std::ios::binary);
  if (!in) return std::nullopt;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object() || j.value("format", "") != kFormat ||
      j.value("key", "") != key) {
    return std::nullopt;
  }
  return j;
}

std::optional<Manifest> Cache::GetManifest(const std::string& key) const {
  std::optional<nlohmann::json> j = Read(key, "manifest");
  if (!j) return std::nullopt;
  try {
    Manifest m;
    for (const auto& p : j->at("matched")) {
      m.matched.push_back(p.at(0).get<std::string>());
      m.keys.push_back(p.at(1).get<std::string>());
    }
    for (const auto& f : j->at("stamps")) {
      m.stamps.push_back({f.at(0).get<std::string>(), f.at(1).get<int64_t>(),
                          f.at(2).get<int64_t>(), f.at(3).get<int64_t>(), f.at(4).get<uint64_t>()});
    }
    return m;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

bool Cache::PutManifest(const std::string& key, const Manifest& m) const {
  nlohmann::json j = Envelope(key);
  j["matched"] = nlohmann::json::array();
  for (size_t i = 0; i < m.matched.size(); ++i) {
    j["matched"].push_back({m.matched[i], m.keys[i]});
  }
  j["stamps"] = nlohmann::json::array();
  for (const FileStamp& f : m.stamps) {
    j["stamps"].push_back({f.path, f.size, f.mtime_ns, f.ctime_ns, f.ino});
  }
  return Write(key, "manifest", j.dump());
}

std::optional<CacheEntry> Cache::Get(const std::string& key) const {
  std::optional<nlohmann::json> j = Read(key, "pkg");
  if (!j) return std::nullopt;
  try {
    CacheEntry e;
    for (const auto& r : j->at("remarks")) {
      e.remarks.push_back({r.at(0).get<std::string>(), r.at(1).get<uint32_t>(),
                           r.at(2).get<uint32_t>(), r.at(3).get<std::string>()});
    }
    for (const auto& t : j->at("tags")) {
      e.tags.push_back({t.at(0).get<std::string>(), t.at(1).get<std::vector<std::string>>()});
    }
    return e;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

bool Cache::Put(const std::string& key, const CacheEntry& entry) const {
  nlohmann::json j = Envelope(key);
  j["remarks"] = nlohmann::json::array();
  for (const CachedRemark& r : entry.remarks) {
    j["remarks"].push_back({r.file, r.line, r.col, r.text});
  }
  j["tags"] = nlohmann::json::array();
  for (const auto& [sym, tags] : entry.tags) j["tags"].push_back({sym, tags});
  return Write(key, "pkg", j.dump());
}

bool Cache::Write(const std::string& key, const char* kind, const std::string& text) const {
  if (dir_.empty() || key.size() < 2) return false;
  std::error_code ec;
  std::string sub = dir_ + "/" + key.substr(0, 2);
  std::filesystem::create_directories(sub, ec);
  if (ec) return false;
  // Write a private temporary, then rename it into place: readers (and a later run after this
  // one is killed) see the whole entry or none. No fsync: a killed process loses nothing the
  // kernel already has, and an entry torn by a power loss fails to parse and is a miss.
  std::string tmp = sub + "/." + key + "." + std::to_string(getpid()) + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = true;
  for (size_t off = 0; ok && off < text.size();) {
    ssize_t n = ::write(fd, text.data() + off, text.size() - off);
    if (n <= 0) ok = false; else off += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), Path(key, kind).c_str()) != 0) {
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace escapist::driver
