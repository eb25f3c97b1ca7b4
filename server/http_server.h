// The HTTP front door: one route table assembled from the modules that main()
// adds, middleware run before handlers, JSON errors for everything that goes
// wrong, and the access log. Start() binds and serves on a background thread;
// Stop() stops accepting, lets in-flight requests finish and returns when the
// server has stopped and the log is flushed. Open connections wait in a
// ConnectionLoop, not on a thread each; config.worker_threads threads answer
// their requests. Add routes, middleware and observers before Start().
// Thread-safe once started.
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "server/access_log.h"
#include "server/config.h"
#include "server/route.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace faqbot::server {

class ConnectionLoop;

class HttpServer {
 public:
  HttpServer(ServerConfig config, std::shared_ptr<spdlog::logger> log);
  ~HttpServer();

  void Add(Route route);
  void Add(std::vector<Route> routes);
  void Use(Middleware middleware);
  void Observe(Observer observer);

  // Binds the configured host and port (0: any free port) and serves on a
  // background thread. Returns the bound port.
  Result<int> Start();
  void Stop();
  int port() const { return port_; }
  // Connections open now, and accepted since Start().
  size_t open_connections() const;
  uint64_t connections_accepted() const;

  const std::vector<Route>& routes() const { return routes_; }
  const AccessLog& access_log() const { return access_; }

 private:
  void Install();
  ConnectionLoop& loop() const;
  void ApplyConnectionLimits();
  const Route* Match(const httplib::Request& req) const;
  void OnError(const httplib::Request& req, httplib::Response* res) const;

  ServerConfig config_;
  std::shared_ptr<spdlog::logger> log_;
  AccessLog access_;
  std::unique_ptr<httplib::Server> http_;
  std::vector<Route> routes_;
  std::vector<std::regex> patterns_;  // routes_[i]'s pattern, compiled once
  std::vector<Middleware> middleware_;
  std::vector<Observer> observers_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace faqbot::server
