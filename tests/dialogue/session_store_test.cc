#include "dialogue/session_store.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace faqbot::dialogue {
namespace {

SessionState State(const std::string& intent) {
  SessionState s;
  s.last_intent = intent;
  return s;
}

TEST(SessionStoreTest, RemembersAndForgetsTheLeastRecentlyUsed) {
  SessionStore store(2, std::chrono::seconds(60));
  store.Put("a", State("x"));
  store.Put("b", State("y"));
  ASSERT_TRUE(store.Get("a"));  // a is now the most recent
  store.Put("c", State("z"));
  EXPECT_TRUE(store.Get("a"));
  EXPECT_FALSE(store.Get("b"));
  EXPECT_EQ(store.Get("c")->last_intent, "z");
  EXPECT_EQ(store.size(), 2u);
}

TEST(SessionStoreTest, IdleSessionsExpire) {
  SessionStore store(10, std::chrono::seconds(60));
  auto now = SessionStore::Clock::now();
  store.SetClockForTesting([&] { return now; });
  store.Put("a", State("x"));
  now += std::chrono::seconds(59);
  EXPECT_TRUE(store.Get("a"));
  now += std::chrono::seconds(61);
  EXPECT_FALSE(store.Get("a"));
  EXPECT_EQ(store.size(), 0u);
}

TEST(SessionStoreTest, PutOverwrites) {
  SessionStore store(10, std::chrono::seconds(60));
  store.Put("a", State("x"));
  store.Put("a", State("y"));
  EXPECT_EQ(store.Get("a")->last_intent, "y");
  EXPECT_EQ(store.size(), 1u);
}

TEST(SessionStoreTest, ASmallStoreIsOneExactLru) {
  const size_t capacity = 2 * SessionStore::kMinPerShard - 1;
  SessionStore store(capacity, std::chrono::seconds(60));
  EXPECT_EQ(store.shards(), 1u);
  EXPECT_EQ(SessionStore(capacity + 1, std::chrono::seconds(60)).shards(), 2u);
  for (size_t i = 0; i < 3000; ++i) store.Put("s" + std::to_string(i), State("x"));
  EXPECT_EQ(store.size(), capacity);
  EXPECT_FALSE(store.Get("s" + std::to_string(3000 - capacity - 1)));
  EXPECT_TRUE(store.Get("s" + std::to_string(3000 - capacity)));
}

// A large store is split into shards that together hold at most the
// capacity; the most recent sessions are all kept.
TEST(SessionStoreTest, ALargeStoreIsShardedWithinItsCapacity) {
  SessionStore store(10000, std::chrono::seconds(60));
  EXPECT_EQ(store.shards(), SessionStore::kMaxShards);
  SessionStore mid(4 * SessionStore::kMinPerShard + 3, std::chrono::seconds(60));
  EXPECT_EQ(mid.shards(), 4u);
  for (int i = 0; i < 20000; ++i) mid.Put("s" + std::to_string(i), State(std::to_string(i)));
  // Each shard got far more than its share, so each is full.
  EXPECT_EQ(mid.size(), 4 * SessionStore::kMinPerShard + 3);
  for (int i = 20000 - 200; i < 20000; ++i) {
    auto s = mid.Get("s" + std::to_string(i));
    ASSERT_TRUE(s) << i;
    EXPECT_EQ(s->last_intent, std::to_string(i));
  }
  for (int i = 0; i < 200; ++i) EXPECT_FALSE(mid.Get("s" + std::to_string(i))) << i;
}

TEST(SessionStoreTest, ConcurrentSessionsKeepTheirOwnState) {
  SessionStore store(4096, std::chrono::seconds(60));
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&store, &wrong, t] {
      for (int i = 0; i < 2000; ++i) {
        std::string id = "t" + std::to_string(t) + "-" + std::to_string(i % 300);
        auto s = store.Get(id);
        SessionState next = s.value_or(SessionState{});
        if (s && s->last_intent != id) ++wrong[t];
        next.last_intent = id;
        ++next.turns;
        store.Put(id, std::move(next));
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(wrong[t], 0);
  EXPECT_EQ(store.size(), 8u * 300u);
  // Each session was answered 2000 / 300 times, in order, never lost.
  EXPECT_EQ(store.Get("t3-0")->turns, 7);
  EXPECT_EQ(store.Get("t3-299")->turns, 6);
}

}  // namespace
}  // namespace faqbot::dialogue
