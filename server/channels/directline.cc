// @brief /v3/directline/... (Direct Line 3.0, polling subset).
#include "server/channels/directline.h"

#include <httplib.h>

#include <charconv>
#include <chrono>
#include <ctime>

#include "common/crypto.h"
#include "common/text.h"
#include "server/channels/directline_tokens.h"
#include "server/channels/plain_reply.h"
#include "server/chat_json.h"
#include "server/chat_routes.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

constexpr const char* kPrefix = "/v3/directline";

struct Caller {
  bool has_secret = false;
  std::string conversation_id;  // the token's conversation
};

struct Auth {
  std::string secret;
  std::shared_ptr<const DirectLineTokens> tokens;

  // The caller, or the 403 that refuses them.
  std::variant<Caller, ApiError> Check(const httplib::Request& req) const {
    if (secret.empty()) {
      return ApiError{403, "not_configured", "set FAQBOT_DIRECTLINE_SECRET to enable Direct Line"};
    }
    std::string header = req.get_header_value("Authorization");
    if (!text::StartsWith(header, "Bearer ") || header.size() == 7) {
      return ApiError{403, "Forbidden", "send Authorization: Bearer <secret or token>"};
    }
    std::string_view bearer = std::string_view(header).substr(7);
    if (crypto::ConstantTimeEquals(bearer, secret)) return Caller{true, ""};
    Caller caller;
    switch (tokens->Verify(bearer, &caller.conversation_id)) {
      case DirectLineTokens::Verdict::kValid:
        return caller;
      case DirectLineTokens::Verdict::kExpired:
        return ApiError{403, "TokenExpired", "the token has expired; refresh it sooner"};
      case DirectLineTokens::Verdict::kInvalid:
        break;
    }
    return ApiError{403, "Forbidden", "the secret or token is not valid"};
  }

  // The caller when they may use `conversation`, else the refusal.
  std::variant<Caller, ApiError> CheckFor(const httplib::Request& req,
                                          const std::string& conversation) const {
    auto caller = Check(req);
    if (auto* c = std::get_if<Caller>(&caller);
        c && !c->has_secret && c->conversation_id != conversation) {
      return ApiError{403, "Forbidden", "the token is for another conversation"};
    }
    return caller;
  }
};

std::string NowIso8601() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

void WriteJson(int status, const json& body, httplib::Response* res) {
  res->status = status;
  res->set_content(body.dump(), "application/json");
}

json Conversation(const std::string& id, const DirectLineTokens& tokens) {
  return {{"conversationId", id},
          {"token", tokens.Issue(id)},
          {"expires_in", DirectLineTokens::kLifetimeSeconds}};
}

json BotActivity(const std::string& conversation_id, const std::string& text) {
  return {{"type", "message"},
          {"channelId", "directline"},
          {"conversation", {{"id", conversation_id}}},
          {"from", {{"id", "faqbot"}, {"name", "faqbot"}, {"role", "bot"}}},
          {"timestamp", NowIso8601()},
          {"text", text},
          {"textFormat", "plain"},
          {"inputHint", "acceptingInput"}};
}

// The user's activity as it is echoed back: as posted, plus what the
// service stamps on it.
json UserActivity(const std::string& conversation_id, json posted) {
  if (!posted.contains("from") || !posted["from"].is_object()) posted["from"] = {{"id", "user"}};
  posted["from"]["role"] = "user";
  posted["conversation"] = {{"id", conversation_id}};
  posted["channelId"] = "directline";
  posted["timestamp"] = NowIso8601();
  return posted;
}

std::optional<uint64_t> Watermark(const std::string& s) {
  if (s.empty()) return 0;
  uint64_t w = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), w);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return w;
}

}  // namespace

json DirectLineReply(const std::string& conversation_id, const dialogue::Reply& reply) {
  json activity = BotActivity(
      conversation_id, text::Join(Blocks(RenderPlain(reply), /*with_suggestions=*/false), "\n\n"));
  if (!reply.suggestions.empty()) {
    json actions = json::array();
    for (const auto& s : reply.suggestions) {
      actions.push_back({{"type", "imBack"}, {"title", s}, {"value", s}});
    }
    activity["suggestedActions"]["actions"] = actions;
  }
  activity["channelData"]["faqbot"] = ReplyToJson(reply);
  return activity;
}

std::vector<Route> DirectLineRoutes(const ServerConfig& config, const ChannelDeps& deps,
                                    std::shared_ptr<DirectLineStore> store,
                                    std::function<int64_t()> now) {
  Auth auth{config.directline_secret,
            std::make_shared<DirectLineTokens>(config.directline_secret, std::move(now))};
  auto tokens = auth.tokens;

  auto start = [auth, store, tokens](const httplib::Request& req, httplib::Response* res) {
    auto caller = auth.Check(req);
    if (auto* err = std::get_if<ApiError>(&caller)) return WriteError(*err, res);
    const Caller& c = std::get<Caller>(caller);
    std::string id = c.has_secret ? NewConversationId() : c.conversation_id;
    bool created = store->Create(id);
    WriteJson(created ? 201 : 200, Conversation(id, *tokens), res);
  };

  auto generate = [auth, tokens](const httplib::Request& req, httplib::Response* res) {
    auto caller = auth.Check(req);
    if (auto* err = std::get_if<ApiError>(&caller)) return WriteError(*err, res);
    if (!std::get<Caller>(caller).has_secret) {
      return WriteError({403, "Forbidden", "generating a token needs the secret"}, res);
    }
    WriteJson(200, Conversation(NewConversationId(), *tokens), res);
  };

  auto refresh = [auth, tokens](const httplib::Request& req, httplib::Response* res) {
    auto caller = auth.Check(req);
    if (auto* err = std::get_if<ApiError>(&caller)) return WriteError(*err, res);
    const Caller& c = std::get<Caller>(caller);
    if (c.has_secret)
      return WriteError({400, "BadArgument", "refresh a token, not the secret"}, res);
    WriteJson(200, Conversation(c.conversation_id, *tokens), res);
  };

  auto post = [auth, store, deps](const httplib::Request& req, httplib::Response* res) {
    std::string id = req.matches[1];
    auto caller = auth.CheckFor(req, id);
    if (auto* err = std::get_if<ApiError>(&caller)) return WriteError(*err, res);
    if (!IsJsonRequest(req)) {
      return WriteError({415, "BadArgument", "post the activity as application/json"}, res);
    }
    json posted = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (posted.is_discarded() || !posted.is_object()) {
      return WriteError({400, "BadSyntax", "the body must be an activity (a JSON object)"}, res);
    }
    if (!posted.contains("type") || !posted["type"].is_string()) {
      return WriteError({400, "MissingProperty", "the activity needs a 'type'"}, res);
    }
    if (posted.contains("text") && !posted["text"].is_string() && !posted["text"].is_null()) {
      return WriteError({400, "BadArgument", "the activity's 'text' must be a string"}, res);
    }
    if (!store->Contains(id)) return WriteError({404, "NotFound", "no such conversation"}, res);
    std::optional<json> bot;
    if (posted["type"] == "message") {
      std::string text = posted.contains("text") && posted["text"].is_string()
                             ? posted["text"].get<std::string>()
                             : "";
      auto answered = Ask(deps, deps.session_ids->Plain("dl", id), text);
      if (auto* err = std::get_if<ApiError>(&answered)) {
        if (err->status >= 500) return WriteError({503, "ServiceUnavailable", err->message}, res);
        bot = BotActivity(id, ExplainToUser(*err, deps.limits));
      } else {
        bot = DirectLineReply(id, std::get<dialogue::Reply>(answered));
      }
    }
    auto activity_id = store->AppendTurn(id, UserActivity(id, std::move(posted)), std::move(bot));
    if (!activity_id.ok()) return WriteError({404, "NotFound", "no such conversation"}, res);
    WriteJson(200, {{"id", *activity_id}}, res);
  };

  auto get = [auth, store](const httplib::Request& req, httplib::Response* res) {
    std::string id = req.matches[1];
    auto caller = auth.CheckFor(req, id);
    if (auto* err = std::get_if<ApiError>(&caller)) return WriteError(*err, res);
    auto watermark = Watermark(req.get_param_value("watermark"));
    if (!watermark) return WriteError({400, "BadArgument", "'watermark' must be a number"}, res);
    auto page = store->Since(id, *watermark);
    if (!page.ok()) return WriteError({404, "NotFound", "no such conversation"}, res);
    WriteJson(200,
              {{"activities", page->activities}, {"watermark", std::to_string(page->watermark)}},
              res);
  };

  std::string p = kPrefix;
  return {
      {"POST", p + "/conversations", "directline.start_conversation", start},
      {"POST", p + "/tokens/generate", "directline.generate_token", generate},
      {"POST", p + "/tokens/refresh", "directline.refresh_token", refresh},
      {"POST", p + "/conversations/([^/]+)/activities", "directline.post_activity", post},
      {"GET", p + "/conversations/([^/]+)/activities", "directline.get_activities", get},
  };
}

}  // namespace faqbot::server::channels
