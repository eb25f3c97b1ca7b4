// @brief Machine description, dev-set loading, percentiles, engine timing.
#include "bench/bench_support.h"

#include <sys/utsname.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numeric>
#include <thread>

namespace faqbot::bench {
namespace {

// The value after "key" and a colon on the first matching line of a /proc file.
std::string ProcField(const std::string& file, const std::string& key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) != 0) continue;
    auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    size_t start = line.find_first_not_of(" \t", colon + 1);
    return start == std::string::npos ? "" : line.substr(start);
  }
  return "?";
}

}  // namespace

std::string MachineLine() {
  double mem_gib = std::atof(ProcField("/proc/meminfo", "MemTotal").c_str()) / 1024 / 1024;
  utsname u{};
  uname(&u);
  char buf[512];
  std::snprintf(buf, sizeof buf, "cores %u, memory %.1f GiB, CPU %s, %s %s",
                std::thread::hardware_concurrency(), mem_gib,
                ProcField("/proc/cpuinfo", "model name").c_str(), u.sysname, u.release);
  return buf;
}

std::string SchedulerNoiseLine() {
  std::vector<double> wall;
  for (int i = 0; i < 2000; ++i) {
    auto start = std::chrono::steady_clock::now();
    for (double cpu = ThreadCpuMicros(); ThreadCpuMicros() - cpu < 100;) {
    }
    wall.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  char buf[160];
  std::snprintf(buf, sizeof buf, "100 us busy loops take p50 %.0f us, p99 %.0f us of wall time",
                Percentile(&wall, 50), Percentile(&wall, 99));
  return buf;
}

std::vector<std::vector<std::string>> LoadConversations(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::vector<std::vector<std::string>> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    std::vector<std::string> turns;
    for (const auto& t : j["turns"]) turns.push_back(t["message"]);
    out.push_back(std::move(turns));
  }
  return out;
}

double Percentile(std::vector<double>* values, double p) {
  if (values->empty()) return 0;
  std::sort(values->begin(), values->end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * values->size()));
  return (*values)[std::clamp<size_t>(rank, 1, values->size()) - 1];
}

Timings TimeConversations(dialogue::Engine* engine,
                          const std::vector<std::vector<std::string>>& conversations, int rounds) {
  Timings t;
  for (int r = 0; r < rounds; ++r) {
    for (size_t c = 0; c < conversations.size(); ++c) {
      std::string session = "bench-" + std::to_string(r) + "-" + std::to_string(c);
      for (const auto& message : conversations[c]) {
        TimeCall(&t, [&] {
          dialogue::Reply reply = engine->Respond(session, message);
          if (reply.corpus_version.empty()) std::abort();  // keeps the call observable
        });
      }
    }
  }
  return t;
}

std::string Summary(std::vector<double> micros) {
  double mean = micros.empty() ? 0
                               : std::accumulate(micros.begin(), micros.end(), 0.0) /
                                     static_cast<double>(micros.size());
  char buf[256];
  std::snprintf(buf, sizeof buf, "n %zu, p50 %.1f us, p99 %.1f us, max %.1f us, mean %.1f us",
                micros.size(), Percentile(&micros, 50), Percentile(&micros, 99),
                Percentile(&micros, 100), mean);
  return buf;
}

std::string Summary(const Timings& t) {
  return "wall " + Summary(t.wall_us) + "\n  cpu " + Summary(t.cpu_us);
}

std::string DefaultDevSet() { return std::string(FAQBOT_SOURCE_DIR) + "/../shared/eval/dev.jsonl"; }

}  // namespace faqbot::bench
