// Runs jobs one at a time, each on the next of N threads in turn: how a
// server with a thread per keep-alive connection meets a stream of requests.
// Each thread has its own stack and its own allocator caches, and those are
// cold again by the time the rotation comes back to it; chat_latency_bench
// --threads N measures what that costs a message. Not for concurrency: Run()
// blocks until its job has finished. Call from one thread only.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace faqbot::bench {

class ThreadRotation {
 public:
  explicit ThreadRotation(size_t threads);
  ~ThreadRotation();  // stops and joins every thread
  ThreadRotation(const ThreadRotation&) = delete;
  ThreadRotation& operator=(const ThreadRotation&) = delete;

  // Runs `job` on the next thread of the rotation and returns once it is done.
  void Run(const std::function<void()>& job);

 private:
  struct Worker;
  std::vector<std::unique_ptr<Worker>> workers_;
  size_t next_ = 0;
};

}  // namespace faqbot::bench
