// @brief POST /v1/chat and GET /healthz.
#include "server/chat_routes.h"

#include <httplib.h>

#include "server/api_error.h"
#include "server/chat_json.h"

namespace faqbot::server {

bool IsJsonRequest(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  auto semi = type.find(';');
  if (semi != std::string::npos) type.resize(semi);
  while (!type.empty() && type.back() == ' ') type.pop_back();
  std::transform(type.begin(), type.end(), type.begin(), ::tolower);
  return type == "application/json";
}

std::vector<Route> ChatRoutes(const ServerConfig& config, dialogue::Engine* engine,
                              const AccessLog* access) {
  ChatLimits limits{config.max_message_chars};
  auto chat = [engine, access, limits](const httplib::Request& req, httplib::Response* res) {
    if (!IsJsonRequest(req)) {
      return WriteError(
          {415, "unsupported_media_type", "send the request as Content-Type: application/json"},
          res);
    }
    auto parsed = ParseChatRequest(req.body, limits);
    if (auto* err = std::get_if<ApiError>(&parsed)) return WriteError(*err, res);
    const auto& chat_req = std::get<ChatRequest>(parsed);
    auto kb = engine->knowledge();
    if (!kb) return WriteError({503, "not_ready", "the index is not loaded yet"}, res);
    dialogue::Reply reply = engine->Respond(*kb, chat_req.session_id, chat_req.message);
    access->NoteReply(chat_req.session_id, reply);
    res->set_content(ReplyToJsonText(reply), "application/json");
  };
  auto health = [engine](const httplib::Request&, httplib::Response* res) {
    auto kb = engine->knowledge();
    nlohmann::json j = {{"status", "ok"},
                        {"corpus_version", kb ? nlohmann::json(kb->version) : nlohmann::json()}};
    res->set_content(j.dump(), "application/json");
  };
  return {
      {"POST", "/v1/chat", "chat", chat},
      {"GET", "/healthz", "healthz", health},
  };
}

}  // namespace faqbot::server
