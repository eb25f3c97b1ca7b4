// @brief Route registration, middleware, error mapping and lifecycle.
#include "server/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>

#include "server/api_error.h"
#include "server/connection_loop.h"

namespace faqbot::server {
namespace {

// cpp-httplib, with each accepted connection handed to a ConnectionLoop
// instead of holding a thread of its own while it stays open. Exposes the
// listening socket: the library's listen backlog is compiled in (5), so
// Start() raises it on the bound socket.
class Listener : public httplib::Server {
 public:
  explicit Listener(const ServerConfig& config)
      : loop_(LoopOptions(config), [this](httplib::Stream& stream, bool last, bool* peer_closes) {
          return process_request(stream, last, *peer_closes, nullptr);
        }) {
    // Accepting only adopts the socket, so the accept thread does it itself.
    new_task_queue = [] { return new InlineQueue; };
  }

  int socket() const { return svr_sock_; }
  ConnectionLoop& loop() { return loop_; }

 private:
  class InlineQueue : public httplib::TaskQueue {
   public:
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
  };

  static ConnectionLoopOptions LoopOptions(const ServerConfig& config) {
    ConnectionLoopOptions o;
    o.workers = config.worker_threads;
    o.read_timeout_ms = config.read_timeout_seconds * 1000;
    o.write_timeout_ms = config.write_timeout_seconds * 1000;
    o.keep_alive_timeout_ms = config.keep_alive_timeout_seconds * 1000;
    o.max_requests_per_connection = config.keep_alive_max_requests;
    o.max_buffered = config.max_body_bytes + 16 * 1024;  // a body and its head
    return o;
  }

  bool process_and_close_socket(socket_t sock) override {
    loop_.Adopt(sock);
    return true;
  }

  ConnectionLoop loop_;
};

// Set when middleware answered a request whose body was still unread. The
// library reads a body only after routing, so answering at once would leave
// it on the connection to be parsed as the next request; instead the body is
// read and the route's handler stands aside.
thread_local bool answered_by_middleware = false;

bool HasBody(const httplib::Request& req) {
  std::string length = req.get_header_value("Content-Length");
  return (!length.empty() && length != "0") || req.has_header("Transfer-Encoding");
}

// A request with neither Content-Length nor Transfer-Encoding has no body
// (RFC 9112, section 6.3). For these methods the library would wait for one
// until the read timeout and then answer 400, so such requests are served
// before it tries ("curl -X POST" sends no Content-Length).
bool UnframedWithoutBody(const httplib::Request& req) {
  static const char* const kReadsBody[] = {"POST", "PUT", "PATCH", "DELETE"};
  bool reads = std::any_of(std::begin(kReadsBody), std::end(kReadsBody),
                           [&](const char* m) { return req.method == m; });
  return reads && !req.has_header("Content-Length") && !req.has_header("Transfer-Encoding");
}

}  // namespace

HttpServer::HttpServer(ServerConfig config, std::shared_ptr<spdlog::logger> log)
    : config_(std::move(config)),
      log_(std::move(log)),
      access_(log_, config_.log_hash_key),
      http_(std::make_unique<Listener>(config_)) {}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Add(Route route) {
  patterns_.emplace_back(route.pattern);
  routes_.push_back(std::move(route));
}

void HttpServer::Add(std::vector<Route> routes) {
  for (auto& r : routes) Add(std::move(r));
}

void HttpServer::Use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

void HttpServer::Observe(Observer observer) { observers_.push_back(std::move(observer)); }

const Route* HttpServer::Match(const httplib::Request& req) const {
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method == req.method && std::regex_match(req.path, patterns_[i])) {
      return &routes_[i];
    }
  }
  return nullptr;
}

void HttpServer::Install() {
  for (const auto& route : routes_) {
    auto handler = [&route](const httplib::Request& req, httplib::Response& res) {
      if (!answered_by_middleware) route.handler(req, &res);
    };
    if (route.method == "GET") http_->Get(route.pattern, handler);
    if (route.method == "POST") http_->Post(route.pattern, handler);
    if (route.method == "PUT") http_->Put(route.pattern, handler);
    if (route.method == "DELETE") http_->Delete(route.pattern, handler);
    if (route.method == "OPTIONS") http_->Options(route.pattern, handler);
  }
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    AccessLog::Begin();
    answered_by_middleware = false;
    const Route* route = Match(req);
    if (route) AccessLog::Current().route = route->name;
    for (const auto& m : middleware_) {
      if (!m(req, &res, route)) continue;
      if (!route || !HasBody(req)) return httplib::Server::HandlerResponse::Handled;
      answered_by_middleware = true;
      return httplib::Server::HandlerResponse::Unhandled;
    }
    if (UnframedWithoutBody(req)) {
      if (route) {
        route->handler(req, &res);
      } else {
        res.status = 404;  // the error handler tells 404 from 405
      }
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_->set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        OnError(req, &res);
        return httplib::Server::HandlerResponse::Handled;
      }));
  http_->set_exception_handler([this](const httplib::Request&, httplib::Response& res,
                                      std::exception_ptr ep) {
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      log_->error(R"({{"event":"handler_exception","what":{}}})", nlohmann::json(e.what()).dump());
    }
    WriteError({500, "internal", "internal error"}, &res);
  });
  // Observers and the access log run after routing but before the reply is
  // written: a client that has its answer can count on the metrics and the
  // log already holding it.
  http_->set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const AccessRecord& record = AccessLog::Current();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - record.start).count();
    std::string route = record.route.empty() ? "unmatched" : record.route;
    for (const auto& o : observers_) o(req, res, route, seconds);
    access_.Write(req, res);
  });
  ApplyConnectionLimits();
}

void HttpServer::ApplyConnectionLimits() {
  http_->set_payload_max_length(config_.max_body_bytes);
  // The ConnectionLoop enforces keep-alive limits and timeouts; the library
  // only announces them, in each reply's Keep-Alive header.
  http_->set_keep_alive_timeout(config_.keep_alive_timeout_seconds);
  http_->set_keep_alive_max_count(config_.keep_alive_max_requests);
}

void HttpServer::OnError(const httplib::Request& req, httplib::Response* res) const {
  if (!res->body.empty()) return;  // a handler or middleware already wrote an error body
  if (res->status == 404) {
    std::string allow;
    for (size_t i = 0; i < routes_.size(); ++i) {
      const std::string& method = routes_[i].method;
      if (std::regex_match(req.path, patterns_[i]) && allow.find(method) == std::string::npos) {
        allow += (allow.empty() ? "" : ", ") + method;
      }
    }
    if (!allow.empty()) {
      res->set_header("Allow", allow);
      return WriteError({405, "method_not_allowed",
                         req.method + " is not allowed on " + req.path + "; use " + allow},
                        res);
    }
    return WriteError({404, "not_found", "no route for " + req.method + " " + req.path}, res);
  }
  if (res->status == 413) {
    return WriteError(
        {413, "payload_too_large",
         "the request body exceeds " + std::to_string(config_.max_body_bytes) + " bytes"},
        res);
  }
  WriteError({res->status, res->status >= 500 ? "internal" : "bad_request",
              "the request could not be served (HTTP " + std::to_string(res->status) + ")"},
             res);
}

Result<int> HttpServer::Start() {
  Install();
  int port = config_.port == 0
                 ? http_->bind_to_any_port(config_.host)
                 : (http_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
  if (port <= 0) {
    return Status::Unavailable("cannot listen on " + config_.host + ":" +
                               std::to_string(config_.port));
  }
  port_ = port;
  if (::listen(static_cast<Listener*>(http_.get())->socket(), config_.listen_backlog) != 0) {
    log_->warn(R"({{"event":"listen_backlog","error":"cannot raise it to {}"}})",
               config_.listen_backlog);
  }
  if (!loop().Start()) {
    return Status::Unavailable("cannot start the connection loop");
  }
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  for (int i = 0; i < 5000 && !http_->is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!http_->is_running()) return Status::Unavailable("the server did not start");
  return port_;
}

ConnectionLoop& HttpServer::loop() const { return static_cast<Listener&>(*http_).loop(); }

size_t HttpServer::open_connections() const { return loop().open_connections(); }

uint64_t HttpServer::connections_accepted() const { return loop().connections_adopted(); }

void HttpServer::Stop() {
  if (thread_.joinable()) {
    http_->stop();
    thread_.join();
    loop().Stop();
    log_->flush();
  }
}

}  // namespace faqbot::server
