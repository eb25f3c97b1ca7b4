// @brief Load-then-swap of the knowledge bundle, one load at a time.
#include "server/reloader.h"

#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

namespace faqbot::server {

using Kind = ReloadOutcome::Kind;

Reloader::Reloader(std::string index_root, dialogue::KnowledgeOptions options,
                   dialogue::Engine* engine, std::shared_ptr<spdlog::logger> log, Loader load)
    : index_root_(std::move(index_root)),
      load_(load ? std::move(load)
                 : [options](
                       const std::string& root) { return dialogue::LoadKnowledge(root, options); }),
      engine_(engine),
      log_(std::move(log)) {}

ReloadOutcome Reloader::Reload(const std::string& trigger) {
  std::unique_lock lock(loading_, std::try_to_lock);
  ReloadOutcome out;
  if (lock.owns_lock()) {
    out = Load();
  } else {
    out.kind = Kind::kBusy;
    if (auto kb = engine_->knowledge()) out.previous_version = out.version = kb->version;
  }
  Log(out, trigger);
  return out;
}

ReloadOutcome Reloader::Load() {
  ReloadOutcome out;
  if (auto old = engine_->knowledge()) out.previous_version = out.version = old->version;
  auto start = std::chrono::steady_clock::now();
  auto loaded = load_(index_root_);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!loaded.ok()) {
    ++failed_;
    out.kind = Kind::kRefused;
    out.error = loaded.status();
    return out;
  }
  out.kind = Kind::kSwapped;
  out.version = (*loaded)->version;
  engine_->SetKnowledge(std::move(loaded).value());
  ++succeeded_;
  return out;
}

void Reloader::Log(const ReloadOutcome& out, const std::string& trigger) const {
  static const char* kNames[] = {"swapped", "busy", "refused"};
  nlohmann::json j = {{"event", "reload"},
                      {"trigger", trigger},
                      {"result", kNames[static_cast<int>(out.kind)]},
                      {"version", out.version},
                      {"previous_version", out.previous_version},
                      {"seconds", std::round(out.seconds * 1000) / 1000}};
  if (out.kind == Kind::kRefused) {
    j["error"] = out.error.ToString();
    log_->error(j.dump());
  } else {
    log_->info(j.dump());
  }
}

}  // namespace faqbot::server
