#include "server/rate_limiter.h"

#include <gtest/gtest.h>

namespace faqbot::server {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(RateLimiterTest, ZeroTurnsItOff) {
  RateLimiter limiter({0, 0});
  EXPECT_FALSE(limiter.enabled());
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(limiter.Take("a").allowed);
  EXPECT_EQ(limiter.tracked_clients(), 0u);
}

TEST(RateLimiterTest, BurstThenRefillAtTheRate) {
  RateLimiter limiter({60, 3});  // one a second, three at once
  auto t = RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("a", t).allowed) << i;
  auto refused = limiter.Take("a", t);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1);
  EXPECT_FALSE(limiter.Take("a", t + milliseconds(900)).allowed);
  EXPECT_TRUE(limiter.Take("a", t + milliseconds(2000)).allowed);
}

TEST(RateLimiterTest, RetryAfterSaysWhenATokenIsDue) {
  RateLimiter limiter({6, 1});  // one every ten seconds
  auto t = RateLimiter::Clock::now();
  EXPECT_TRUE(limiter.Take("a", t).allowed);
  EXPECT_EQ(limiter.Take("a", t).retry_after_seconds, 10);
  EXPECT_EQ(limiter.Take("a", t + seconds(4)).retry_after_seconds, 6);
  EXPECT_EQ(limiter.Take("a", t + milliseconds(9500)).retry_after_seconds, 1);
}

TEST(RateLimiterTest, BurstDefaultsToOneMinutesWorth) {
  RateLimiter limiter({5, 0});
  auto t = RateLimiter::Clock::now();
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(limiter.Take("a", t).allowed);
  EXPECT_FALSE(limiter.Take("a", t).allowed);
}

TEST(RateLimiterTest, ClientsHaveTheirOwnBuckets) {
  RateLimiter limiter({60, 1});
  auto t = RateLimiter::Clock::now();
  EXPECT_TRUE(limiter.Take("a", t).allowed);
  EXPECT_FALSE(limiter.Take("a", t).allowed);
  EXPECT_TRUE(limiter.Take("b", t).allowed);
}

TEST(RateLimiterTest, TheClientTableIsBounded) {
  RateLimiter limiter({60, 1, 3});
  auto t = RateLimiter::Clock::now();
  for (const char* c : {"a", "b", "c", "d", "e"}) limiter.Take(c, t);
  EXPECT_EQ(limiter.tracked_clients(), 3u);
  EXPECT_FALSE(limiter.Take("e", t).allowed);  // recent clients are still limited
}

}  // namespace
}  // namespace faqbot::server
