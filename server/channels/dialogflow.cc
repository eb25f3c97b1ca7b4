// @brief POST /webhooks/dialogflow (Dialogflow ES fulfillment).
#include "server/channels/dialogflow.h"

#include <httplib.h>

#include "common/text.h"
#include "server/channels/plain_reply.h"
#include "server/chat_json.h"
#include "server/chat_routes.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

struct DialogflowRequest {
  std::string session;  // projects/<project>/agent/sessions/<id>
  std::string query;
};

// "projects/<project>/agent/sessions/<id>", or a longer form (a location, an
// environment and user) ending in "/sessions/<id>"; the id keys the session.
bool ValidSession(const std::string& session) {
  constexpr std::string_view kSessions = "/sessions/";
  size_t at = session.rfind(kSessions);
  if (!text::StartsWith(session, "projects/") || at == std::string::npos) return false;
  size_t id = at + kSessions.size();
  return id < session.size() && session.find('/', id) == std::string::npos;
}

std::variant<DialogflowRequest, ApiError> ParseRequest(const std::string& body) {
  json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return ApiError{400, "invalid_json", "the body must be a Dialogflow WebhookRequest"};
  }
  if (!j.contains("session") || !j["session"].is_string() ||
      j["session"].get<std::string>().empty()) {
    return ApiError{400, "missing_field", "'session' is required"};
  }
  if (!ValidSession(j["session"].get<std::string>())) {
    return ApiError{400, "invalid_field",
                    "'session' must be projects/<project>/agent/sessions/<session id>"};
  }
  if (!j.contains("queryResult") || !j["queryResult"].is_object() ||
      !j["queryResult"].contains("queryText") || !j["queryResult"]["queryText"].is_string()) {
    return ApiError{400, "missing_field", "'queryResult.queryText' is required"};
  }
  return DialogflowRequest{j["session"].get<std::string>(),
                           j["queryResult"]["queryText"].get<std::string>()};
}

json TextMessage(const std::string& text) {
  json message = json::object();
  message["text"]["text"] = json::array({text});
  return message;
}

json Parameters(const dialogue::Reply& r) {
  json p = {{"reply_type", dialogue::ReplyTypeName(r.type)}, {"corpus_version", r.corpus_version}};
  if (r.intent) p["intent"] = r.intent->name;
  if (r.safety) p["safety_rule"] = r.safety->rule;
  return p;
}

}  // namespace

json DialogflowResponse(const std::string& session, const dialogue::Reply& reply) {
  PlainReply plain = RenderPlain(reply);
  json messages = json::array();
  for (const auto& block : Blocks(plain, /*with_suggestions=*/false)) {
    messages.push_back(TextMessage(block));
  }
  if (!reply.suggestions.empty()) {
    json quick = json::object();
    quick["quickReplies"]["title"] = "You could also ask:";
    quick["quickReplies"]["quickReplies"] = reply.suggestions;
    messages.push_back(quick);
  }
  json context = {{"name", session + "/contexts/faqbot"},
                  {"lifespanCount", 5},
                  {"parameters", Parameters(reply)}};
  json response = json::object();
  response["fulfillmentText"] = text::Join(Blocks(plain, /*with_suggestions=*/true), "\n\n");
  response["fulfillmentMessages"] = messages;
  response["outputContexts"] = json::array({context});
  response["payload"]["faqbot"] = ReplyToJson(reply);
  return response;
}

std::vector<Route> DialogflowRoutes(const ChannelDeps& deps) {
  auto fulfill = [deps](const httplib::Request& req, httplib::Response* res) {
    if (!IsJsonRequest(req)) {
      return WriteError({415, "unsupported_media_type", "Dialogflow sends application/json"}, res);
    }
    auto parsed = ParseRequest(req.body);
    if (auto* err = std::get_if<ApiError>(&parsed)) return WriteError(*err, res);
    const auto& df = std::get<DialogflowRequest>(parsed);
    std::string id = df.session.substr(df.session.rfind('/') + 1);
    auto answered = Ask(deps, deps.session_ids->Plain("df", id), df.query);
    if (auto* err = std::get_if<ApiError>(&answered)) {
      if (err->status >= 500) return WriteError(*err, res);
      std::string text = ExplainToUser(*err, deps.limits);
      json body = {{"fulfillmentText", text},
                   {"fulfillmentMessages", json::array({TextMessage(text)})}};
      return res->set_content(body.dump(), "application/json");
    }
    res->set_content(DialogflowResponse(df.session, std::get<dialogue::Reply>(answered)).dump(),
                     "application/json");
  };
  return {{"POST", "/webhooks/dialogflow", "dialogflow", fulfill}};
}

}  // namespace faqbot::server::channels
