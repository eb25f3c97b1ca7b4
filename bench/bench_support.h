// Shared by the benchmark programs: the machine they ran on, the dev set's
// conversations, percentiles, and timing a conversation set through an
// engine. Not thread-safe; benchmarks call it from main().
#pragma once

#include <time.h>

#include <chrono>
#include <string>
#include <vector>

#include "dialogue/engine.h"

namespace faqbot::bench {

// "cores 2, memory 23.4 GiB, CPU AMD EPYC ..., Linux 6.1" from /proc.
std::string MachineLine();

// How much this machine's scheduler delays a thread just now: the wall time of
// 2,000 busy loops of 100 us of CPU each, "p50 .. us, p99 .. us". On a quiet
// machine p99 stays near 100 us; far above it, wall-clock tails measure the
// machine, not the code (the CPU-time figures are not affected).
std::string SchedulerNoiseLine();

// The messages of each conversation of a labelled set (e.g. dev.jsonl), in
// turn order. Exits with a message when the file cannot be read.
std::vector<std::vector<std::string>> LoadConversations(const std::string& path);

// The p-th percentile (0-100, nearest rank) of `values`; sorts them.
double Percentile(std::vector<double>* values, double p);

// Per-call times in microseconds: wall clock, and this thread's CPU time
// (which a busy machine's preemption does not inflate).
struct Timings {
  std::vector<double> wall_us;
  std::vector<double> cpu_us;
};

// Times one call into `t`.
template <typename F>
void TimeCall(Timings* t, F&& call);

// Runs every conversation `rounds` times (fresh sessions each round, turns in
// order) and times each Respond() call.
Timings TimeConversations(dialogue::Engine* engine,
                          const std::vector<std::vector<std::string>>& conversations, int rounds);

// Two summary lines, "wall ..." and "cpu ...".
std::string Summary(const Timings& t);

// "n 4690, p50 210.3 us, p99 640.2 us, max 901.0 us, mean 230.1 us".
std::string Summary(std::vector<double> micros);

// The default location of ../shared/eval/dev.jsonl, from the source tree.
std::string DefaultDevSet();

inline double ThreadCpuMicros() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

template <typename F>
void TimeCall(Timings* t, F&& call) {
  double cpu = ThreadCpuMicros();
  auto start = std::chrono::steady_clock::now();
  call();
  auto end = std::chrono::steady_clock::now();
  t->cpu_us.push_back(ThreadCpuMicros() - cpu);
  t->wall_us.push_back(std::chrono::duration<double, std::micro>(end - start).count());
}

}  // namespace faqbot::bench
