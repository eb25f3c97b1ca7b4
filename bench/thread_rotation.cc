// @brief A fixed rotation of threads that run one job at a time.
#include "bench/thread_rotation.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace faqbot::bench {

struct ThreadRotation::Worker {
  std::mutex mu;
  std::condition_variable cv;
  const std::function<void()>* job = nullptr;  // set while a job waits or runs
  bool stop = false;
  std::thread thread;

  Worker() : thread([this] { Loop(); }) {}

  void Loop() {
    std::unique_lock<std::mutex> lock(mu);
    for (;;) {
      cv.wait(lock, [&] { return job != nullptr || stop; });
      if (job == nullptr) return;  // stopped with nothing left to run
      (*job)();
      job = nullptr;
      cv.notify_all();
    }
  }

  void Run(const std::function<void()>& f) {
    std::unique_lock<std::mutex> lock(mu);
    job = &f;
    cv.notify_all();
    cv.wait(lock, [&] { return job == nullptr; });
  }

  ~Worker() {
    {
      std::lock_guard<std::mutex> lock(mu);
      stop = true;
    }
    cv.notify_all();
    thread.join();
  }
};

ThreadRotation::ThreadRotation(size_t threads) {
  for (size_t i = 0; i < threads; ++i) workers_.push_back(std::make_unique<Worker>());
}

ThreadRotation::~ThreadRotation() = default;

void ThreadRotation::Run(const std::function<void()>& job) {
  if (workers_.empty()) {
    job();
    return;
  }
  workers_[next_]->Run(job);
  next_ = (next_ + 1) % workers_.size();
}

}  // namespace faqbot::bench
