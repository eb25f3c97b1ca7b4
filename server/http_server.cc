// @brief Route table, handlers and error mapping for the HTTP API.
#include "server/http_server.h"

#include <httplib.h>

#include <regex>

#include "server/api_error.h"
#include "server/chat_json.h"

namespace faqbot::server {
namespace {

bool IsJson(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  auto semi = type.find(';');
  if (semi != std::string::npos) type.resize(semi);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(), ::tolower);
  return type == "application/json";
}

}  // namespace

HttpServer::HttpServer(ServerConfig config, dialogue::Engine* engine,
                       std::shared_ptr<spdlog::logger> log)
    : config_(std::move(config)),
      engine_(engine),
      log_(std::move(log)),
      access_(log_, ""),
      http_(std::make_unique<httplib::Server>()) {
  routes_ = BuildRoutes();
  Register();
}

HttpServer::~HttpServer() { Stop(); }

std::vector<HttpServer::Route> HttpServer::BuildRoutes() {
  auto bind = [this](void (HttpServer::*fn)(const httplib::Request&, httplib::Response*) const) {
    return
        [this, fn](const httplib::Request& req, httplib::Response* res) { (this->*fn)(req, res); };
  };
  return {
      {"POST", "/v1/chat", "chat", bind(&HttpServer::Chat)},
      {"GET", "/healthz", "healthz", bind(&HttpServer::Health)},
  };
}

void HttpServer::Register() {
  for (const auto& route : routes_) {
    auto wrapped = [this, &route](const httplib::Request& req, httplib::Response& res) {
      AccessLog::Current().route = route.name;
      route.handler(req, &res);
    };
    if (route.method == "GET") http_->Get(route.pattern, wrapped);
    if (route.method == "POST") http_->Post(route.pattern, wrapped);
    if (route.method == "PUT") http_->Put(route.pattern, wrapped);
    if (route.method == "DELETE") http_->Delete(route.pattern, wrapped);
    if (route.method == "OPTIONS") http_->Options(route.pattern, wrapped);
  }
  http_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    AccessLog::Begin();
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
  http_->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    access_.Write(req, res);
  });
  http_->set_payload_max_length(config_.max_body_bytes);
  http_->new_task_queue = [n = config_.worker_threads] { return new httplib::ThreadPool(n); };
}

void HttpServer::OnError(const httplib::Request& req, httplib::Response* res) const {
  if (!res->body.empty()) return;  // a handler already wrote an error body
  if (res->status == 404) {
    std::vector<std::string> allowed;
    for (const auto& r : routes_) {
      if (std::regex_match(req.path, std::regex(r.pattern))) allowed.push_back(r.method);
    }
    if (!allowed.empty()) {
      std::string allow;
      for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
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
  if (res->status == 400) return WriteError({400, "bad_request", "malformed HTTP request"}, res);
  WriteError({res->status, res->status >= 500 ? "internal" : "bad_request",
              "the request could not be served (HTTP " + std::to_string(res->status) + ")"},
             res);
}

void HttpServer::Chat(const httplib::Request& req, httplib::Response* res) const {
  if (!IsJson(req)) {
    return WriteError(
        {415, "unsupported_media_type", "send the request as Content-Type: application/json"}, res);
  }
  auto parsed = ParseChatRequest(req.body, {config_.max_message_chars});
  if (auto* err = std::get_if<ApiError>(&parsed)) return WriteError(*err, res);
  const auto& chat = std::get<ChatRequest>(parsed);
  if (!engine_->knowledge()) {
    return WriteError({503, "not_ready", "the index is not loaded yet"}, res);
  }
  dialogue::Reply reply = engine_->Respond(chat.session_id, chat.message);
  access_.NoteReply(chat.session_id, reply);
  res->set_content(ReplyToJson(reply).dump(), "application/json");
}

void HttpServer::Health(const httplib::Request&, httplib::Response* res) const {
  auto kb = engine_->knowledge();
  nlohmann::json j = {{"status", "ok"},
                      {"corpus_version", kb ? nlohmann::json(kb->version) : nlohmann::json()}};
  res->set_content(j.dump(), "application/json");
}

Result<int> HttpServer::Start() {
  int port = config_.port == 0
                 ? http_->bind_to_any_port(config_.host)
                 : (http_->bind_to_port(config_.host, config_.port) ? config_.port : -1);
  if (port <= 0) {
    return Status::Unavailable("cannot listen on " + config_.host + ":" +
                               std::to_string(config_.port));
  }
  port_ = port;
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  while (!http_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port_;
}

void HttpServer::Stop() {
  if (thread_.joinable()) {
    http_->stop();
    thread_.join();
  }
}

}  // namespace faqbot::server
