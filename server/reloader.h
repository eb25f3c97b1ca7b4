// Hot reload: loads the bundle the index root designates now (its `current`
// link, repointed by faqbot-index) and swaps it into the engine. A bundle that
// fails to load is refused and the engine keeps the one it has; requests in
// flight finish on the bundle they started with. One load runs at a time.
// Thread-safe.
#pragma once

#include <spdlog/logger.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "common/status.h"
#include "dialogue/engine.h"
#include "dialogue/knowledge.h"

namespace faqbot::server {

struct ReloadOutcome {
  enum class Kind { kSwapped, kBusy, kRefused };
  Kind kind = Kind::kRefused;
  std::string previous_version;  // empty on the first load
  std::string version;           // the version serving afterwards
  double seconds = 0;
  Status error;  // why the new bundle was refused
};

class Reloader {
 public:
  using Loader = std::function<Result<std::shared_ptr<const dialogue::Knowledge>>(
      const std::string& index_root)>;

  // `engine` must outlive the reloader. Each outcome is logged to `log`.
  // `load` defaults to dialogue::LoadKnowledge with `options`.
  Reloader(std::string index_root, dialogue::KnowledgeOptions options, dialogue::Engine* engine,
           std::shared_ptr<spdlog::logger> log, Loader load = nullptr);

  // Loads and swaps: kSwapped; kBusy when another load is running; kRefused
  // (with the load's error) when the bundle is missing or broken, and then
  // nothing is swapped.
  // `trigger` names what asked for it in the log ("start", "sighup", "http").
  ReloadOutcome Reload(const std::string& trigger);

  uint64_t succeeded() const { return succeeded_; }
  uint64_t failed() const { return failed_; }

 private:
  ReloadOutcome Load();
  void Log(const ReloadOutcome& out, const std::string& trigger) const;

  const std::string index_root_;
  const Loader load_;
  dialogue::Engine* const engine_;
  const std::shared_ptr<spdlog::logger> log_;
  std::mutex loading_;
  std::atomic<uint64_t> succeeded_{0};
  std::atomic<uint64_t> failed_{0};
};

}  // namespace faqbot::server
