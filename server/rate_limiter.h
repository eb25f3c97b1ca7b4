// Per-client rate limiting: a token bucket per client key that refills at
// `per_minute` tokens a minute up to `burst`. Memory is bounded: past
// `max_clients` the least recently seen client's bucket is forgotten.
// Thread-safe.
#pragma once

#include <chrono>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

namespace faqbot::server {

struct RateLimitOptions {
  int per_minute = 0;  // 0 turns limiting off
  int burst = 0;       // 0: one minute's worth (per_minute)
  size_t max_clients = 100000;
};

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when refused: whole seconds until a token is due
  };

  explicit RateLimiter(RateLimitOptions options);

  bool enabled() const { return rate_per_second_ > 0; }
  // Takes one token from `client`'s bucket, if it has one.
  Decision Take(const std::string& client, Clock::time_point now = Clock::now());
  size_t tracked_clients() const;

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
    std::list<std::string>::iterator lru;
  };

  const double rate_per_second_;
  const double capacity_;
  const size_t max_clients_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::list<std::string> lru_;  // most recently seen first
};

}  // namespace faqbot::server
