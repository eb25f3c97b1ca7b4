// Per-session conversation memory: what the last turn was about, bounded in
// size (least recently used sessions go first) and in time (idle sessions
// expire). Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <list>
#include <map>
#include <mutex>
#include <optional>
#include <string>
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

  SessionStore(size_t capacity, std::chrono::seconds ttl);

  std::optional<SessionState> Get(const std::string& id);
  void Put(const std::string& id, SessionState state);
  size_t size() const;

  // For tests: the store's notion of now.
  void SetClockForTesting(std::function<Clock::time_point()> now) { now_ = std::move(now); }

 private:
  struct Entry {
    SessionState state;
    Clock::time_point touched;
    std::list<std::string>::iterator lru;
  };
  void EvictLocked(Clock::time_point now);

  const size_t capacity_;
  const std::chrono::seconds ttl_;
  std::function<Clock::time_point()> now_ = [] { return Clock::now(); };
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // most recent first
};

}  // namespace faqbot::dialogue
