#include "bench/thread_rotation.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>
#include <vector>

namespace faqbot::bench {
namespace {

TEST(ThreadRotationTest, EachJobRunsOnTheNextThreadInTurn) {
  constexpr size_t kThreads = 4;
  ThreadRotation rotation(kThreads);
  std::vector<std::thread::id> ran_on;
  for (size_t i = 0; i < 3 * kThreads; ++i) {
    rotation.Run([&] { ran_on.push_back(std::this_thread::get_id()); });
  }
  ASSERT_EQ(ran_on.size(), 3 * kThreads);
  std::set<std::thread::id> distinct(ran_on.begin(), ran_on.begin() + kThreads);
  EXPECT_EQ(distinct.size(), kThreads);
  EXPECT_EQ(distinct.count(std::this_thread::get_id()), 0u);
  for (size_t i = kThreads; i < ran_on.size(); ++i) {
    EXPECT_EQ(ran_on[i], ran_on[i - kThreads]) << "job " << i;
  }
}

TEST(ThreadRotationTest, RunReturnsOnlyOnceTheJobHasFinished) {
  ThreadRotation rotation(2);
  for (int i = 0; i < 20; ++i) {
    bool finished = false;
    rotation.Run([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      finished = true;
    });
    EXPECT_TRUE(finished) << "job " << i;
  }
}

TEST(ThreadRotationTest, WithoutThreadsJobsRunOnTheCaller) {
  ThreadRotation rotation(0);
  std::thread::id ran_on;
  rotation.Run([&] { ran_on = std::this_thread::get_id(); });
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

}  // namespace
}  // namespace faqbot::bench
