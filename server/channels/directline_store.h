// The Direct Line conversations: each one's activities in order, with
// "<conversation>|<seq>" ids and the watermark a polling client resumes from.
// Bounded: at most max_conversations, max_activities per conversation (the
// oldest go first) and max_bytes in all; conversations idle for idle_ttl are
// forgotten, and when a bound is hit the least recently active goes.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace faqbot::server::channels {

struct DirectLineStoreOptions {
  size_t max_conversations = 2000;
  size_t max_activities = 50;
  size_t max_bytes = 32u << 20;
  std::chrono::seconds idle_ttl{3600};
};

class DirectLineStore {
 public:
  using Clock = std::chrono::steady_clock;

  explicit DirectLineStore(DirectLineStoreOptions options);

  // Creates conversation `id`; false when it exists already.
  bool Create(const std::string& id);
  bool Contains(const std::string& id);

  // Appends the user's activity and, when there is one, the bot's reply to
  // it, in one step (a poll never sees one without the other): both get ids
  // and the reply's replyToId names the user's activity. Returns that id, or
  // NotFound when the conversation is gone.
  Result<std::string> AppendTurn(const std::string& id, nlohmann::json user,
                                 std::optional<nlohmann::json> bot);

  struct Page {
    std::vector<nlohmann::json> activities;
    uint64_t watermark = 0;  // pass it back to get only newer activities
  };
  // The activities numbered `watermark` and later that are still kept.
  Result<Page> Since(const std::string& id, uint64_t watermark);

  size_t size() const;
  size_t bytes() const;

  void SetClockForTesting(std::function<Clock::time_point()> now) { now_ = std::move(now); }

 private:
  struct Stored {
    nlohmann::json activity;
    size_t bytes;
  };
  struct Conversation {
    std::deque<Stored> activities;
    uint64_t next_seq = 0;  // the seq of activities.front() is next_seq - size()
    Clock::time_point touched;
    std::list<std::string>::iterator lru;
  };

  Conversation* FindLocked(const std::string& id, Clock::time_point now);
  void AddLocked(const std::string& id, Conversation* c, nlohmann::json activity);
  void EraseLocked(const std::string& id);
  void EvictLocked(Clock::time_point now, const std::string& keep);

  const DirectLineStoreOptions options_;
  std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
  mutable std::mutex mu_;
  std::unordered_map<std::string, Conversation> conversations_;
  std::list<std::string> lru_;  // most recently active first
  size_t bytes_ = 0;
};

}  // namespace faqbot::server::channels
