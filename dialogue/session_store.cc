// @brief LRU + expiry session memory.
#include "dialogue/session_store.h"

namespace faqbot::dialogue {

SessionStore::SessionStore(size_t capacity, std::chrono::seconds ttl)
    : capacity_(capacity == 0 ? 1 : capacity), ttl_(ttl) {}

std::optional<SessionState> SessionStore::Get(const std::string& id) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(id);
  if (it == entries_.end()) return std::nullopt;
  auto now = now_();
  if (now - it->second.touched > ttl_) {
    lru_.erase(it->second.lru);
    entries_.erase(it);
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  it->second.touched = now;
  return it->second.state;
}

void SessionStore::Put(const std::string& id, SessionState state) {
  std::lock_guard lock(mu_);
  auto now = now_();
  auto it = entries_.find(id);
  if (it != entries_.end()) {
    it->second.state = std::move(state);
    it->second.touched = now;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
  } else {
    lru_.push_front(id);
    entries_.emplace(id, Entry{std::move(state), now, lru_.begin()});
  }
  EvictLocked(now);
}

void SessionStore::EvictLocked(Clock::time_point now) {
  while (!lru_.empty()) {
    auto oldest = entries_.find(lru_.back());
    if (entries_.size() <= capacity_ && now - oldest->second.touched <= ttl_) break;
    entries_.erase(oldest);
    lru_.pop_back();
  }
}

size_t SessionStore::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

}  // namespace faqbot::dialogue
