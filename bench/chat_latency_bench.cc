// Measures message -> reply latency in-process (no HTTP): the engine's
// Respond() over every message of the dev set (../shared/eval/dev.jsonl),
// conversations in turn order with fresh sessions each round, on one bundle.
// Prints p50/p99/max per call, wall clock and thread CPU time (Google
// Benchmark counters, then a summary) and the machine. On a busy machine the
// wall figures include time the thread waited for a core; the CPU figures do
// not. Target: p99 under 1 ms on the bundled corpus.
//
// In a loop the engine's data stays in the CPU caches; in a server, the
// network, the kernel and other requests evict it between messages.
// --evict-kib N writes to N KiB of other memory before each message (outside
// the timing) to show that cost: 16384 comes close to what a message costs
// inside faqbot-server under wrk. --threads N runs each message on the next of
// N threads in turn, one at a time, as faqbot-server's thread per keep-alive
// connection does (wrk's 64 connections: --threads 64); every thread's stack
// and allocator caches are then cold when its turn comes.
//
//   make bench     (all benchmarks), or after `make index`:
//   build-release/bench/chat_latency_bench --index var/index [--dev FILE] [--rounds 40]
//       [--slowest N]   (also list the N messages with the highest median)
//       [--evict-kib N] (touch N KiB of other memory before each message)
//       [--threads N]   (each message on the next of N threads, one at a time)
//   (Google Benchmark flags such as --benchmark_format=json pass through)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "bench/bench_support.h"
#include "bench/thread_rotation.h"
#include "dialogue/engine.h"
#include "dialogue/knowledge.h"
#include "safety/rule_safety_stage.h"

namespace {

using namespace faqbot;

struct Flags {
  std::string index = "var/index";
  std::string dev = bench::DefaultDevSet();
  int rounds = 40;
  int slowest = 0;
  size_t evict_kib = 0;
  size_t threads = 0;  // 0: the benchmark's own thread
};

// Takes our flags out of argv, leaving Google Benchmark's.
Flags ParseFlags(int* argc, char** argv) {
  Flags f;
  int out = 1;
  for (int i = 1; i < *argc; ++i) {
    bool has_value = i + 1 < *argc;
    if (has_value && std::strcmp(argv[i], "--index") == 0)
      f.index = argv[++i];
    else if (has_value && std::strcmp(argv[i], "--dev") == 0)
      f.dev = argv[++i];
    else if (has_value && std::strcmp(argv[i], "--rounds") == 0)
      f.rounds = std::atoi(argv[++i]);
    else if (has_value && std::strcmp(argv[i], "--slowest") == 0)
      f.slowest = std::atoi(argv[++i]);
    else if (has_value && std::strcmp(argv[i], "--evict-kib") == 0)
      f.evict_kib = static_cast<size_t>(std::atol(argv[++i]));
    else if (has_value && std::strcmp(argv[i], "--threads") == 0)
      f.threads = static_cast<size_t>(std::atol(argv[++i]));
    else
      argv[out++] = argv[i];
  }
  *argc = out;
  return f;
}

struct Turn {
  size_t conversation;
  const std::string* message;
  bool first;  // first turn of its conversation: a new session starts
};

// The `n` messages whose median (CPU) time is highest, with that median.
void PrintSlowest(const std::vector<Turn>& turns, const std::vector<double>& micros, int n) {
  std::vector<std::vector<double>> by_turn(turns.size());
  for (size_t i = 0; i < micros.size(); ++i) by_turn[i % turns.size()].push_back(micros[i]);
  std::vector<std::pair<double, size_t>> medians;
  for (size_t t = 0; t < turns.size(); ++t) {
    medians.emplace_back(bench::Percentile(&by_turn[t], 50), t);
  }
  std::sort(medians.rbegin(), medians.rend());
  for (int i = 0; i < n && i < static_cast<int>(medians.size()); ++i) {
    const Turn& turn = turns[medians[i].second];
    std::printf("  %8.1f us  %s%s\n", medians[i].first, turn.first ? "" : "(follow-up) ",
                turn.message->c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags = ParseFlags(&argc, argv);
  auto kb = dialogue::LoadKnowledge(flags.index);
  if (!kb.ok()) {
    std::fprintf(stderr, "chat_latency_bench: %s (run make index)\n",
                 kb.status().ToString().c_str());
    return 1;
  }
  auto conversations = bench::LoadConversations(flags.dev);
  std::vector<Turn> turns;
  for (size_t c = 0; c < conversations.size(); ++c) {
    for (size_t t = 0; t < conversations[c].size(); ++t) {
      turns.push_back({c, &conversations[c][t], t == 0});
    }
  }
  dialogue::Engine engine({}, std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}),
                          std::make_shared<dialogue::SessionStore>(10000, std::chrono::hours(1)));
  engine.SetKnowledge(*kb);
  bench::TimeConversations(&engine, conversations, 2);  // warm-up

  std::vector<unsigned char> other(flags.evict_kib * 1024);
  bench::ThreadRotation rotation(flags.threads);
  bench::Timings timings;
  auto respond = [&](benchmark::State& state) {
    timings = {};
    size_t i = 0, round = 0;
    for (auto _ : state) {
      const Turn& turn = turns[i++ % turns.size()];
      if (i % turns.size() == 1) ++round;
      std::string session = "gb-" + std::to_string(round) + "-" + std::to_string(turn.conversation);
      if (!other.empty()) {
        state.PauseTiming();  // Google Benchmark's own Time column leaves it out too
        for (size_t b = 0; b < other.size(); b += 64) ++other[b];  // one write per cache line
        benchmark::ClobberMemory();
        state.ResumeTiming();
      }
      rotation.Run([&] {
        bench::TimeCall(&timings, [&] {
          dialogue::Reply reply = engine.Respond(session, *turn.message);
          benchmark::DoNotOptimize(reply);
        });
      });
    }
    std::vector<double> wall = timings.wall_us, cpu = timings.cpu_us;
    state.counters["p50_us"] = bench::Percentile(&wall, 50);
    state.counters["p99_us"] = bench::Percentile(&wall, 99);
    state.counters["cpu_p99_us"] = bench::Percentile(&cpu, 99);
  };
  benchmark::RegisterBenchmark("Respond/dev_set", respond)
      ->Iterations(static_cast<int64_t>(flags.rounds) * static_cast<int64_t>(turns.size()))
      ->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();

  std::printf("machine: %s\n", bench::MachineLine().c_str());
  std::printf("scheduler noise: %s\n", bench::SchedulerNoiseLine().c_str());
  std::printf("corpus %s, %zu passages, %zu dev messages x %d rounds\n", (*kb)->version.c_str(),
              (*kb)->index->passages().size(), turns.size(), flags.rounds);
  if (flags.threads > 0) {
    std::printf("each message on the next of %zu threads in turn (--threads)\n", flags.threads);
  }
  if (flags.evict_kib > 0) {
    std::printf("before each message, %zu KiB of other memory written (--evict-kib)\n",
                flags.evict_kib);
  }
  std::printf("in-process message -> reply:\n  %s\n", bench::Summary(timings).c_str());
  PrintSlowest(turns, timings.cpu_us, flags.slowest);
  return 0;
}
