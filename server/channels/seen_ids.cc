// @brief Bounded recent-id set for webhook deduplication.
#include "server/channels/seen_ids.h"

#include <iterator>

namespace faqbot::server::channels {

SeenIds::SeenIds(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}

bool SeenIds::Insert(const std::string& id) {
  std::lock_guard lock(mu_);
  if (!ids_.insert(id).second) return false;
  order_.push_back(id);
  while (ids_.size() > capacity_) {
    ids_.erase(order_.front());
    order_.pop_front();
  }
  return true;
}

void SeenIds::Erase(const std::string& id) {
  std::lock_guard lock(mu_);
  if (ids_.erase(id) == 0) return;
  // Erasing is rare (a failed delivery) and the id is almost always the newest.
  for (auto it = order_.rbegin(); it != order_.rend(); ++it) {
    if (*it == id) {
      order_.erase(std::next(it).base());
      break;
    }
  }
}

size_t SeenIds::size() const {
  std::lock_guard lock(mu_);
  return ids_.size();
}

}  // namespace faqbot::server::channels
