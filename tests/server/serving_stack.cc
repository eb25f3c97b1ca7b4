// @brief The in-process serving stack for HTTP tests.
#include "tests/server/serving_stack.h"

#include <spdlog/sinks/ostream_sink.h>

#include <nlohmann/json.hpp>

#include "safety/rule_safety_stage.h"
#include "server/chat_routes.h"
#include "tests/support/test_support.h"

namespace faqbot::testing {

ServingStack::ServingStack(server::ServerConfig config) : config_(std::move(config)) {
  config_.port = 0;
  if (config_.index_dir.empty() || config_.index_dir == server::ServerConfig{}.index_dir) {
    config_.index_dir = SharedBundleRoot();
  }
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_);
  auto logger = std::make_shared<spdlog::logger>("test", sink);
  sessions_ = std::make_shared<dialogue::SessionStore>(
      config_.session_capacity, std::chrono::seconds(config_.session_ttl_seconds));
  dialogue::EngineOptions options;
  options.composer = config_.reply;
  engine_ = std::make_unique<dialogue::Engine>(
      options, std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}), sessions_);
  reloader_ = std::make_unique<server::Reloader>(
      config_.index_dir, dialogue::KnowledgeOptions{config_.search_handles}, engine_.get(), logger);
  limiter_ = std::make_unique<server::RateLimiter>(
      server::RateLimitOptions{config_.rate_limit_per_minute, config_.rate_limit_burst});
  server::OpsDeps ops{engine_.get(),   reloader_.get(), &metrics_,
                      sessions_.get(), limiter_.get(),  config_.admin_key};
  server::RegisterServingMetrics(ops);
  http_ = std::make_unique<server::HttpServer>(config_, logger);
  http_->Use(server::RateLimitMiddleware(limiter_.get(), config_.api_keys));
  http_->Observe(server::MetricsObserver(&metrics_));
  http_->Add(server::ChatRoutes(config_, engine_.get(), &http_->access_log()));
  http_->Add(server::OpsRoutes(ops));
}

ServingStack::~ServingStack() { http_->Stop(); }

bool ServingStack::Start() {
  if (!http_->Start().ok()) return false;
  return reloader_->Reload("start").kind == server::ReloadOutcome::Kind::kSwapped;
}

httplib::Client ServingStack::Client() const {
  httplib::Client c("127.0.0.1", port());
  c.set_read_timeout(60);
  return c;
}

httplib::Result ServingStack::Chat(const std::string& message, const std::string& session) const {
  nlohmann::json body = {{"session_id", session}, {"message", message}};
  return Client().Post("/v1/chat", body.dump(), "application/json");
}

}  // namespace faqbot::testing
