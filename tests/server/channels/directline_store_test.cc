#include "server/channels/directline_store.h"

#include <gtest/gtest.h>

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

json Msg(const std::string& text) { return {{"type", "message"}, {"text", text}}; }

TEST(DirectLineStoreTest, TurnsGetIdsAndWatermarks) {
  DirectLineStore store({});
  EXPECT_TRUE(store.Create("c1"));
  EXPECT_FALSE(store.Create("c1"));
  auto first = store.AppendTurn("c1", Msg("hi"), Msg("hello"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, "c1|0000000");
  auto page = store.Since("c1", 0);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->activities.size(), 2u);
  EXPECT_EQ(page->activities[0]["id"], "c1|0000000");
  EXPECT_EQ(page->activities[1]["id"], "c1|0000001");
  EXPECT_EQ(page->activities[1]["replyToId"], "c1|0000000");
  EXPECT_EQ(page->watermark, 2u);
  EXPECT_EQ(*store.AppendTurn("c1", {{"type", "typing"}}, std::nullopt), "c1|0000002");
  page = store.Since("c1", 2);
  ASSERT_EQ(page->activities.size(), 1u);
  EXPECT_EQ(page->activities[0]["type"], "typing");
  EXPECT_TRUE(store.Since("c1", 3)->activities.empty());
  EXPECT_FALSE(store.AppendTurn("nope", Msg("x"), std::nullopt).ok());
  EXPECT_FALSE(store.Since("nope", 0).ok());
}

TEST(DirectLineStoreTest, KeepsOnlyTheNewestActivities) {
  DirectLineStoreOptions o;
  o.max_activities = 3;
  DirectLineStore store(o);
  store.Create("c");
  for (int i = 0; i < 3; ++i) store.AppendTurn("c", Msg("q"), Msg("a"));
  auto page = store.Since("c", 0);
  ASSERT_EQ(page->activities.size(), 3u);
  EXPECT_EQ(page->activities[0]["id"], "c|0000003");
  EXPECT_EQ(page->watermark, 6u);
}

TEST(DirectLineStoreTest, BoundsConversationsAndBytes) {
  DirectLineStoreOptions o;
  o.max_conversations = 2;
  DirectLineStore store(o);
  store.Create("a");
  store.Create("b");
  store.AppendTurn("a", Msg("touch"), std::nullopt);  // "b" is now least recently active
  store.Create("c");
  EXPECT_EQ(store.size(), 2u);
  EXPECT_TRUE(store.Contains("a"));
  EXPECT_FALSE(store.Contains("b"));

  DirectLineStoreOptions small;
  small.max_bytes = 2000;
  DirectLineStore bytes(small);
  for (int i = 0; i < 10; ++i) {
    std::string id = "c" + std::to_string(i);
    bytes.Create(id);
    bytes.AppendTurn(id, Msg(std::string(300, 'x')), Msg(std::string(300, 'y')));
    EXPECT_LE(bytes.bytes(), 2000u);
  }
  EXPECT_TRUE(bytes.Contains("c9"));
  EXPECT_FALSE(bytes.Contains("c0"));
}

TEST(DirectLineStoreTest, IdleConversationsExpire) {
  DirectLineStoreOptions o;
  o.idle_ttl = std::chrono::seconds(60);
  DirectLineStore store(o);
  auto now = DirectLineStore::Clock::now();
  store.SetClockForTesting([&now] { return now; });
  store.Create("old");
  now += std::chrono::seconds(50);
  store.Create("new");
  EXPECT_TRUE(store.Since("old", 0).ok());  // reading keeps it alive
  now += std::chrono::seconds(50);
  EXPECT_TRUE(store.Contains("old")) << "100 s old, but read 50 s ago";
  now += std::chrono::seconds(11);
  EXPECT_FALSE(store.Contains("old"));
  EXPECT_FALSE(store.Contains("new"));
  store.Create("x");
  EXPECT_EQ(store.size(), 1u);
  EXPECT_EQ(store.bytes(), 0u);
}

}  // namespace
}  // namespace faqbot::server::channels
