// @brief faqbot-server: loads the index bundle and serves the chat API.
//
//   faqbot-server [--index var/index] [--host 127.0.0.1] [--port 8080] ...
// Every flag has an environment variable; see ConfigUsage() or the README.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>

#include "dialogue/engine.h"
#include "dialogue/knowledge.h"
#include "safety/rule_safety_stage.h"
#include "server/chat_routes.h"
#include "server/config.h"
#include "server/http_server.h"

namespace {

using namespace faqbot;

std::shared_ptr<spdlog::logger> MakeLogger(const std::string& level) {
  auto log = spdlog::stderr_logger_mt("faqbot");
  log->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","msg":%v})",
                   spdlog::pattern_time_type::utc);
  log->set_level(spdlog::level::from_str(level));
  return log;
}

// Blocks the shutdown signals in every thread, so one thread can wait for them.
sigset_t BlockSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
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
  auto log = MakeLogger(config->log_level);

  auto knowledge = dialogue::LoadKnowledge(config->index_dir);
  if (!knowledge.ok()) {
    std::fprintf(stderr, "faqbot-server: %s\n", knowledge.status().ToString().c_str());
    return 1;
  }
  auto sessions = std::make_shared<dialogue::SessionStore>(
      config->session_capacity, std::chrono::seconds(config->session_ttl_seconds));
  auto safety = std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{});
  dialogue::Engine engine(dialogue::EngineOptions{}, safety, sessions);
  engine.SetKnowledge(*knowledge);

  server::HttpServer http(*config, log);
  http.Add(server::ChatRoutes(*config, &engine, &http.access_log()));
  auto port = http.Start();
  if (!port.ok()) {
    std::fprintf(stderr, "faqbot-server: %s\n", port.status().message().c_str());
    return 1;
  }
  std::string url = "http://" + config->host + ":" + std::to_string(*port);
  std::printf(
      "faqbot: corpus %s, serving on %s (Ctrl-C stops)\n"
      "try:    curl -s %s/v1/chat -H 'Content-Type: application/json' \\\n"
      "          -d '{\"session_id\":\"demo\",\"message\":\"What are the symptoms of bone "
      "metastases?\"}'\n",
      (*knowledge)->version.c_str(), url.c_str(), url.c_str());
  std::fflush(stdout);

  int sig = 0;
  sigwait(&signals, &sig);
  log->info(R"({{"event":"shutdown","signal":{}}})", sig);
  http.Stop();
  return 0;
}
