// A bounded set of recently seen delivery ids (Telegram update_id, Twilio
// MessageSid), so a webhook the platform retries is not answered twice.
// Holds at most `capacity` ids; the oldest are forgotten first. Thread-safe.
#pragma once

#include <deque>
#include <mutex>
#include <string>
#include <unordered_set>

namespace faqbot::server::channels {

class SeenIds {
 public:
  explicit SeenIds(size_t capacity);

  // Records `id`; false when it was already recorded (a repeat delivery).
  bool Insert(const std::string& id);
  // Forgets `id`, so a delivery that could not be answered may be retried.
  void Erase(const std::string& id);
  size_t size() const;

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  std::unordered_set<std::string> ids_;
  std::deque<std::string> order_;  // the same ids, oldest first
};

}  // namespace faqbot::server::channels
