#include "server/channels/seen_ids.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace faqbot::server::channels {
namespace {

TEST(SeenIdsTest, RepeatsAreRefused) {
  SeenIds seen(10);
  EXPECT_TRUE(seen.Insert("a"));
  EXPECT_FALSE(seen.Insert("a"));
  EXPECT_TRUE(seen.Insert("b"));
  EXPECT_EQ(seen.size(), 2u);
}

TEST(SeenIdsTest, OldestAreForgottenAtCapacity) {
  SeenIds seen(3);
  for (const char* id : {"1", "2", "3", "4"}) EXPECT_TRUE(seen.Insert(id));
  EXPECT_EQ(seen.size(), 3u);
  EXPECT_TRUE(seen.Insert("1")) << "the oldest was forgotten";
  EXPECT_FALSE(seen.Insert("4"));
}

TEST(SeenIdsTest, EraseLetsARetryThroughAndKeepsOrder) {
  SeenIds seen(2);
  EXPECT_TRUE(seen.Insert("a"));
  seen.Erase("a");
  EXPECT_TRUE(seen.Insert("b"));
  EXPECT_TRUE(seen.Insert("a"));
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen.Insert("c"));  // forgets "b", the oldest
  EXPECT_FALSE(seen.Insert("a"));
  EXPECT_TRUE(seen.Insert("b"));
}

TEST(SeenIdsTest, ConcurrentDeliveriesOfOneIdAnswerOnce) {
  SeenIds seen(100);
  std::atomic<int> first{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      if (seen.Insert("dup")) ++first;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(first.load(), 1);
}

}  // namespace
}  // namespace faqbot::server::channels
