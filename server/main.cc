// @brief faqbot-server: loads the index bundle and serves the chat API.
//
//   faqbot-server [--index var/index] [--host 127.0.0.1] [--port 8080] ...
// Every flag has an environment variable; see ConfigUsage() or the README.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "dialogue/engine.h"
#include "dialogue/knowledge.h"
#include "safety/rule_safety_stage.h"
#include "server/auth_middleware.h"
#include "server/channels/channel_routes.h"
#include "server/chat_routes.h"
#include "server/config.h"
#include "server/cors_middleware.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/openapi_routes.h"
#include "server/ops_routes.h"
#include "server/rate_limiter.h"
#include "server/reloader.h"

namespace {

using namespace faqbot;

std::shared_ptr<spdlog::logger> MakeLogger(const std::string& level) {
  auto log = spdlog::stderr_logger_mt("faqbot");
  log->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","msg":%v})",
                   spdlog::pattern_time_type::utc);
  log->set_level(spdlog::level::from_str(level));
  return log;
}

// Blocks the shutdown and reload signals in every thread, so one thread can
// wait for them.
sigset_t BlockSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

// Open connections hold a file descriptor each, not a thread, so the soft
// limit (often 1024) rather than memory would cap the clients served.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
    std::fputs(server::ConfigUsage().c_str(), stdout);
    return 0;
  }
  auto config = server::LoadConfig(server::ProcessEnvironment(), args);
  if (!config.ok()) {
    std::fprintf(stderr, "faqbot-server: configuration: %s\n%s", config.status().message().c_str(),
                 server::ConfigUsage().c_str());
    return 2;
  }
  sigset_t signals = BlockSignals();
  RaiseOpenFileLimit();
  auto log = MakeLogger(config->log_level);

  auto sessions = std::make_shared<dialogue::SessionStore>(
      config->session_capacity, std::chrono::seconds(config->session_ttl_seconds));
  auto contacts = safety::LoadRegionContacts(config->region, config->contacts_file);
  if (!contacts.ok()) {
    std::fprintf(stderr, "faqbot-server: configuration: %s\n", contacts.status().message().c_str());
    return 2;
  }
  auto safety = std::make_shared<safety::RuleSafetyStage>(*contacts);
  dialogue::EngineOptions engine_options;
  engine_options.composer = config->reply;
  dialogue::Engine engine(engine_options, safety, sessions);
  server::Reloader reloader(config->index_dir, {config->search_handles}, &engine, log);
  server::Metrics metrics;
  server::RateLimiter limiter({config->rate_limit_per_minute, config->rate_limit_burst});
  server::OpsDeps ops{&engine, &reloader, &metrics, sessions.get(), &limiter, config->admin_key};
  server::RegisterServingMetrics(ops);

  server::HttpServer http(*config, log);
  http.Use(server::CorsMiddleware(config->cors_origins));
  http.Use(server::RateLimitMiddleware(&limiter, config->api_keys));
  http.Use(server::AuthMiddleware(*config));
  http.Observe(server::MetricsObserver(&metrics));
  http.Add(server::ChatRoutes(*config, &engine, &http.access_log()));
  http.Add(server::OpsRoutes(ops));
  http.Add(server::channels::ChannelRoutes(
      *config, server::channels::MakeChannelDeps(*config, &engine, &http.access_log())));
  http.Add(server::OpenApiRoutes());
  log->info(R"({{"event":"channels","enabled":{}}})",
            nlohmann::json(server::channels::EnabledChannels(*config)).dump());
  auto port = http.Start();
  if (!port.ok()) {
    std::fprintf(stderr, "faqbot-server: %s\n", port.status().message().c_str());
    return 1;
  }
  // Serving already, so /healthz answers and /readyz says 503 while loading.
  auto loaded = reloader.Reload("start");
  if (loaded.kind != server::ReloadOutcome::Kind::kSwapped) {
    std::fprintf(stderr, "faqbot-server: %s\n", loaded.error.ToString().c_str());
    http.Stop();
    return 1;
  }
  std::string url = "http://" + config->host + ":" + std::to_string(*port);
  std::printf(
      "faqbot: corpus %s, serving on %s (Ctrl-C stops)\n"
      "try:    curl -s %s/v1/chat -H 'Content-Type: application/json' \\\n"
      "          -d '{\"session_id\":\"demo\",\"message\":\"What are the symptoms of bone "
      "metastases?\"}'\n",
      loaded.version.c_str(), url.c_str(), url.c_str());
  std::fflush(stdout);

  int sig = 0;
  while (sigwait(&signals, &sig) == 0 && sig == SIGHUP) reloader.Reload("sighup");
  log->info(R"({{"event":"shutdown","signal":{}}})", sig);
  http.Stop();  // stops accepting, finishes in-flight requests, flushes the log
  return 0;
}
