// The HTTP front door: one route table, small handlers that parse, call the
// engine and map the result, JSON errors for everything that goes wrong.
// Start() binds and serves on a background thread; Stop() stops accepting,
// lets in-flight requests finish and returns when the server has stopped.
// Thread-safe.
#pragma once

#include <spdlog/logger.h>

#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "common/status.h"
#include "dialogue/engine.h"
#include "server/access_log.h"
#include "server/config.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace faqbot::server {

class HttpServer {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response*)>;
  struct Route {
    std::string method;   // "GET", "POST", ...
    std::string pattern;  // cpp-httplib path pattern (a regular expression)
    std::string name;     // stable name for logs and metrics
    Handler handler;
  };

  HttpServer(ServerConfig config, dialogue::Engine* engine, std::shared_ptr<spdlog::logger> log);
  ~HttpServer();

  // Binds the configured host and port (0: any free port) and serves on a
  // background thread. Returns the bound port.
  Result<int> Start();
  void Stop();
  int port() const { return port_; }

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> BuildRoutes();
  void Register();
  void OnError(const httplib::Request& req, httplib::Response* res) const;
  void Chat(const httplib::Request& req, httplib::Response* res) const;
  void Health(const httplib::Request& req, httplib::Response* res) const;

  ServerConfig config_;
  dialogue::Engine* engine_;
  std::shared_ptr<spdlog::logger> log_;
  AccessLog access_;
  std::unique_ptr<httplib::Server> http_;
  std::vector<Route> routes_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace faqbot::server
