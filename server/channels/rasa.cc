// @brief POST /webhooks/rest/webhook (the Rasa REST channel).
#include "server/channels/rasa.h"

#include <httplib.h>

#include "common/text.h"
#include "server/channels/plain_reply.h"
#include "server/chat_routes.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

void WriteRasaError(const ApiError& e, httplib::Response* res) {
  json body = {{"status", "failure"},
               {"reason", e.status == 503 ? "ServiceUnavailable" : "BadRequest"},
               {"message", e.message},
               {"code", e.status},
               {"error", {{"code", e.code}, {"message", e.message}}}};
  res->status = e.status;
  res->set_content(body.dump(), "application/json");
}

struct RasaRequest {
  std::string sender;
  std::string message;
};

std::variant<RasaRequest, ApiError> ParseRasaRequest(const std::string& body) {
  if (!text::IsValidUtf8(body)) return ApiError{400, "invalid_json", "the body is not UTF-8"};
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return ApiError{400, "invalid_json", "the body must be a JSON object"};
  }
  for (const char* field : {"sender", "message"}) {
    if (!j.contains(field) || j[field].is_null()) {
      return ApiError{400, "missing_field", std::string("'") + field + "' is required"};
    }
    if (!j[field].is_string()) {
      return ApiError{400, "invalid_field", std::string("'") + field + "' must be a string"};
    }
  }
  RasaRequest req{j["sender"].get<std::string>(), j["message"].get<std::string>()};
  if (req.sender.empty()) return ApiError{400, "invalid_field", "'sender' must not be empty"};
  return req;
}

json Buttons(const std::vector<std::string>& suggestions) {
  json buttons = json::array();
  for (const auto& s : suggestions) buttons.push_back({{"title", s}, {"payload", s}});
  return buttons;
}

}  // namespace

json RasaMessages(const std::string& recipient, const dialogue::Reply& reply) {
  PlainReply plain = RenderPlain(reply);
  json out = json::array();
  auto add = [&](const std::string& text) {
    out.push_back({{"recipient_id", recipient}, {"text", text}});
  };
  // Like Rasa: the trimmed text split at blank lines, one message a part.
  std::string body = text::Trim(reply.text);
  for (size_t start = 0; start < body.size();) {
    size_t end = std::min(body.find("\n\n", start), body.size());
    if (end > start) add(body.substr(start, end - start));
    start = end + 2;
  }
  // A clarification's options belong under its question; other suggestions
  // come last, after the sources and disclaimer.
  bool clarify = reply.type == dialogue::ReplyType::kClarify;
  if (clarify && !reply.suggestions.empty() && !out.empty()) {
    out.back()["buttons"] = Buttons(reply.suggestions);
  }
  for (const std::string* block :
       {&plain.safety, &plain.sources, &plain.disclaimer, &plain.referrals}) {
    if (!block->empty()) add(*block);
  }
  if (!clarify && !reply.suggestions.empty()) {
    add("You could also ask:");
    out.back()["buttons"] = Buttons(reply.suggestions);
  }
  return out;
}

std::vector<Route> RasaRoutes(const ChannelDeps& deps) {
  auto webhook = [deps](const httplib::Request& req, httplib::Response* res) {
    if (!IsJsonRequest(req)) {
      return WriteRasaError(
          {415, "unsupported_media_type", "send the request as Content-Type: application/json"},
          res);
    }
    auto parsed = ParseRasaRequest(req.body);
    if (auto* err = std::get_if<ApiError>(&parsed)) return WriteRasaError(*err, res);
    auto& rasa = std::get<RasaRequest>(parsed);
    auto answered = Ask(deps, deps.session_ids->Plain("rest", rasa.sender), rasa.message);
    if (auto* err = std::get_if<ApiError>(&answered)) return WriteRasaError(*err, res);
    json messages = RasaMessages(rasa.sender, std::get<dialogue::Reply>(answered));
    res->set_content(messages.dump(), "application/json");
  };
  return {{"POST", "/webhooks/rest/webhook", "rasa", webhook}};
}

}  // namespace faqbot::server::channels
