// @brief Bounded, expiring store of Direct Line conversations.
#include "server/channels/directline_store.h"

#include <cstdio>

namespace faqbot::server::channels {
namespace {

std::string ActivityId(const std::string& conversation, uint64_t seq) {
  char digits[24];
  std::snprintf(digits, sizeof(digits), "%07llu", static_cast<unsigned long long>(seq));
  return conversation + "|" + digits;
}

}  // namespace

DirectLineStore::DirectLineStore(DirectLineStoreOptions options) : options_(options) {}

DirectLineStore::Conversation* DirectLineStore::FindLocked(const std::string& id,
                                                           Clock::time_point now) {
  auto it = conversations_.find(id);
  if (it == conversations_.end()) return nullptr;
  if (now - it->second.touched > options_.idle_ttl) {
    EraseLocked(id);
    return nullptr;
  }
  return &it->second;
}

void DirectLineStore::EraseLocked(const std::string& id) {
  auto it = conversations_.find(id);
  if (it == conversations_.end()) return;
  for (const auto& a : it->second.activities) bytes_ -= a.bytes;
  lru_.erase(it->second.lru);
  conversations_.erase(it);
}

void DirectLineStore::EvictLocked(Clock::time_point now, const std::string& keep) {
  while (!lru_.empty() && now - conversations_[lru_.back()].touched > options_.idle_ttl) {
    EraseLocked(lru_.back());
  }
  while (!lru_.empty() && lru_.back() != keep &&
         (conversations_.size() > options_.max_conversations || bytes_ > options_.max_bytes)) {
    EraseLocked(lru_.back());
  }
}

bool DirectLineStore::Create(const std::string& id) {
  std::lock_guard lock(mu_);
  Clock::time_point now = now_();
  if (FindLocked(id, now)) return false;
  lru_.push_front(id);
  Conversation& c = conversations_[id];
  c.touched = now;
  c.lru = lru_.begin();
  EvictLocked(now, id);
  return true;
}

bool DirectLineStore::Contains(const std::string& id) {
  std::lock_guard lock(mu_);
  return FindLocked(id, now_()) != nullptr;
}

void DirectLineStore::AddLocked(const std::string& id, Conversation* c, nlohmann::json activity) {
  activity["id"] = ActivityId(id, c->next_seq++);
  size_t size = activity.dump().size();
  c->activities.push_back({std::move(activity), size});
  bytes_ += size;
  while (c->activities.size() > options_.max_activities) {
    bytes_ -= c->activities.front().bytes;
    c->activities.pop_front();
  }
}

Result<std::string> DirectLineStore::AppendTurn(const std::string& id, nlohmann::json user,
                                                std::optional<nlohmann::json> bot) {
  std::lock_guard lock(mu_);
  Clock::time_point now = now_();
  Conversation* c = FindLocked(id, now);
  if (!c) return Status::NotFound("no conversation " + id);
  std::string user_id = ActivityId(id, c->next_seq);
  AddLocked(id, c, std::move(user));
  if (bot) {
    (*bot)["replyToId"] = user_id;
    AddLocked(id, c, std::move(*bot));
  }
  c->touched = now;
  lru_.splice(lru_.begin(), lru_, c->lru);
  EvictLocked(now, id);
  return user_id;
}

Result<DirectLineStore::Page> DirectLineStore::Since(const std::string& id, uint64_t watermark) {
  std::lock_guard lock(mu_);
  Clock::time_point now = now_();
  Conversation* c = FindLocked(id, now);
  if (!c) return Status::NotFound("no conversation " + id);
  c->touched = now;
  lru_.splice(lru_.begin(), lru_, c->lru);
  Page page;
  page.watermark = c->next_seq;
  uint64_t first = c->next_seq - c->activities.size();
  for (uint64_t seq = std::max(first, watermark); seq < c->next_seq; ++seq) {
    page.activities.push_back(c->activities[seq - first].activity);
  }
  return page;
}

size_t DirectLineStore::size() const {
  std::lock_guard lock(mu_);
  return conversations_.size();
}

size_t DirectLineStore::bytes() const {
  std::lock_guard lock(mu_);
  return bytes_;
}

}  // namespace faqbot::server::channels
