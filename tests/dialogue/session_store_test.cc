#include "dialogue/session_store.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace faqbot::dialogue
