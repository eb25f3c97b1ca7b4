// Per-session conversation memory: what the last turn was about, bounded in
// size (least recently used sessions go first) and in time (idle sessions
// expire). A large store is split into shards by session id, each with its
// own lock and an equal share of the capacity, so that workers answering
// different sessions seldom wait for one another; least recently used is
// then judged within a shard. A store of fewer than 2 x kMinPerShard sessions
// is one shard, an exact LRU. Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace faqbot::dialogue {

struct SessionState {
  std::string last_intent;                      // the last medical intent answered
  std::map<std::string, std::string> entities;  // type -> value, carried between turns
  std::vector<std::string> clarify_options;     // intents offered by the last clarify
  int turns = 0;
};

class SessionStore {
 public:
  using Clock = std::chrono::steady_clock;
  // Each shard holds at least this many sessions.
  static constexpr size_t kMinPerShard = 512;
  static constexpr size_t kMaxShards = 16;

  SessionStore(size_t capacity, std::chrono::seconds ttl);
  ~SessionStore();

  std::optional<SessionState> Get(const std::string& id);
  void Put(const std::string& id, SessionState state);
  size_t size() const;
  size_t shards() const { return shards_.size(); }

  // For tests: the store's notion of now.
  void SetClockForTesting(std::function<Clock::time_point()> now) { now_ = std::move(now); }

 private:
  struct Shard;
  Shard& ShardOf(const std::string& id);

  const std::chrono::seconds ttl_;
  std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace faqbot::dialogue
