// Small in-memory caches for hot read paths: bounded, thread-safe, invalidated by a version or a time limit.
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace passerelles::web {

// Values under string keys, all tied to one `version`: a new version empties the cache. At most `capacity`
// entries (the cache is emptied when full: simple, and hot keys come back at once).
template <class V>
class VersionedCache {
 public:
  explicit VersionedCache(std::size_t capacity) : capacity_(capacity) {}

  std::optional<V> get(const std::string& key, long long version) {
    std::lock_guard<std::mutex> g(mu_);
    if (version != version_) return std::nullopt;
    auto it = map_.find(key);
    if (it == map_.end()) return std::nullopt;
    return it->second;
  }
  void put(const std::string& key, long long version, V value) {
    std::lock_guard<std::mutex> g(mu_);
    if (version != version_) {
      map_.clear();
      version_ = version;
    }
    if (map_.size() >= capacity_) map_.clear();
    map_[key] = std::move(value);
  }
  void clear() {
    std::lock_guard<std::mutex> g(mu_);
    map_.clear();
  }

 private:
  std::mutex mu_;
  std::size_t capacity_;
  long long version_ = -1;
  std::map<std::string, V> map_;
};

// A value recomputed at most every `max_age` (e.g. a data version read from the database).
class Throttled {
 public:
  explicit Throttled(std::chrono::milliseconds max_age) : max_age_(max_age) {}
  long long get(const std::function<long long()>& compute) {
    auto now = std::chrono::steady_clock::now();
    std::lock_guard<std::mutex> g(mu_);
    if (!valid_ || now - at_ > max_age_) {
      value_ = compute();
      at_ = now;
      valid_ = true;
    }
    return value_;
  }
  void invalidate() {
    std::lock_guard<std::mutex> g(mu_);
    valid_ = false;
  }

 private:
  std::mutex mu_;
  std::chrono::milliseconds max_age_;
  std::chrono::steady_clock::time_point at_;
  long long value_ = 0;
  bool valid_ = false;
};

}  // namespace passerelles::web
