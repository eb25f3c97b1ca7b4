// @brief Token buckets per client with a bounded client table.
#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace faqbot::server {

RateLimiter::RateLimiter(RateLimitOptions options)
    : rate_per_second_(std::max(0, options.per_minute) / 60.0),
      capacity_(std::max(1, options.burst > 0 ? options.burst : options.per_minute)),
      max_clients_(std::max<size_t>(1, options.max_clients)) {}

RateLimiter::Decision RateLimiter::Take(const std::string& client, Clock::time_point now) {
  if (!enabled()) return {};
  std::lock_guard lock(mu_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) {
      buckets_.erase(lru_.back());
      lru_.pop_back();
    }
    lru_.push_front(client);
    it = buckets_.emplace(client, Bucket{capacity_, now, lru_.begin()}).first;
  } else {
    lru_.splice(lru_.begin(), lru_, it->second.lru);
  }
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.updated).count();
  b.tokens = std::min(capacity_, b.tokens + std::max(0.0, elapsed) * rate_per_second_);
  b.updated = std::max(b.updated, now);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return {};
  }
  double wait = (1 - b.tokens) / rate_per_second_;
  return {false, std::max(1, static_cast<int>(std::ceil(wait)))};
}

size_t RateLimiter::tracked_clients() const {
  std::lock_guard lock(mu_);
  return buckets_.size();
}

}  // namespace faqbot::server
