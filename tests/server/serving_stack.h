// The server wired as faqbot-server's main() wires it -- engine, reloader,
// metrics, rate limiter, chat and operations routes -- running in-process on
// a free port, with the log captured. For HTTP tests; not thread-safe itself
// (the server it runs is).
#pragma once

#include <httplib.h>

#include <memory>
#include <sstream>
#include <string>

#include "server/config.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/ops_routes.h"
#include "server/rate_limiter.h"
#include "server/reloader.h"

namespace faqbot::testing {

class ServingStack {
 public:
  // `config.port` is forced to 0; `config.index_dir` defaults to the shared
  // test bundle when empty.
  explicit ServingStack(server::ServerConfig config);
  ~ServingStack();

  // Serves, then loads the index (as main() does). False on failure.
  bool Start();
  void Stop() { http_->Stop(); }

  httplib::Client Client() const;
  // POSTs a chat message; `session` defaults to "s".
  httplib::Result Chat(const std::string& message, const std::string& session = "s") const;

  int port() const { return http_->port(); }
  std::string log() const { return log_.str(); }
  server::HttpServer& http() { return *http_; }
  server::Reloader& reloader() { return *reloader_; }
  dialogue::Engine& engine() { return *engine_; }
  const server::ServerConfig& config() const { return config_; }

 private:
  server::ServerConfig config_;
  std::ostringstream log_;
  std::shared_ptr<dialogue::SessionStore> sessions_;
  std::unique_ptr<dialogue::Engine> engine_;
  std::unique_ptr<server::Reloader> reloader_;
  server::Metrics metrics_;
  std::unique_ptr<server::RateLimiter> limiter_;
  std::unique_ptr<server::HttpServer> http_;
};

}  // namespace faqbot::testing
