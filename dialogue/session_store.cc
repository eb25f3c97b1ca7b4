// @brief LRU + expiry session memory, in shards.
#include "dialogue/session_store.h"

#include <algorithm>

namespace faqbot::dialogue {

// One exact LRU. Its sessions live in the list, most recent first; the map
// finds them by id (its keys view the ids held in the list's nodes), so
// evicting the oldest needs no copy of its id and no second lookup.
struct SessionStore::Shard {
  struct Session {
    std::string id;
    SessionState state;
    Clock::time_point touched;
  };
  using Order = std::list<Session>;

  explicit Shard(size_t cap) : capacity(cap) {}

  void Drop(std::unordered_map<std::string_view, Order::iterator>::iterator it) {
    Order::iterator session = it->second;
    by_id.erase(it);
    order.erase(session);
  }

  void Evict(Clock::time_point now, std::chrono::seconds ttl) {
    while (!order.empty()) {
      const Session& oldest = order.back();
      if (by_id.size() <= capacity && now - oldest.touched <= ttl) break;
      by_id.erase(oldest.id);
      order.pop_back();
    }
  }

  const size_t capacity;
  mutable std::mutex mu;
  Order order;
  std::unordered_map<std::string_view, Order::iterator> by_id;
};

SessionStore::SessionStore(size_t capacity, std::chrono::seconds ttl) : ttl_(ttl) {
  capacity = std::max<size_t>(capacity, 1);
  size_t n = std::clamp<size_t>(capacity / kMinPerShard, 1, kMaxShards);
  // Each shard holds an equal share; the few sessions left over go to the first ones.
  for (size_t i = 0; i < n; ++i) {
    shards_.push_back(std::make_unique<Shard>(capacity / n + (i < capacity % n ? 1 : 0)));
  }
}

SessionStore::~SessionStore() = default;

SessionStore::Shard& SessionStore::ShardOf(const std::string& id) {
  if (shards_.size() == 1) return *shards_[0];
  return *shards_[std::hash<std::string_view>{}(id) % shards_.size()];
}

std::optional<SessionState> SessionStore::Get(const std::string& id) {
  Shard& s = ShardOf(id);
  std::lock_guard lock(s.mu);
  auto it = s.by_id.find(id);
  if (it == s.by_id.end()) return std::nullopt;
  auto now = now_();
  Shard::Order::iterator session = it->second;
  if (now - session->touched > ttl_) {
    s.Drop(it);
    return std::nullopt;
  }
  s.order.splice(s.order.begin(), s.order, session);
  session->touched = now;
  return session->state;
}

void SessionStore::Put(const std::string& id, SessionState state) {
  Shard& s = ShardOf(id);
  std::lock_guard lock(s.mu);
  auto now = now_();
  if (auto it = s.by_id.find(id); it != s.by_id.end()) {
    Shard::Order::iterator session = it->second;
    session->state = std::move(state);
    session->touched = now;
    s.order.splice(s.order.begin(), s.order, session);
  } else {
    s.order.push_front({id, std::move(state), now});
    s.by_id.emplace(s.order.front().id, s.order.begin());
  }
  s.Evict(now, ttl_);
}

size_t SessionStore::size() const {
  size_t n = 0;
  for (const auto& s : shards_) {
    std::lock_guard lock(s->mu);
    n += s->by_id.size();
  }
  return n;
}

}  // namespace faqbot::dialogue
