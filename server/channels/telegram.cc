// @brief POST /webhooks/telegram (Telegram Bot API webhook).
#include "server/channels/telegram.h"

#include <httplib.h>

#include <optional>

#include "common/text.h"
#include "server/channels/plain_reply.h"
#include "server/chat_routes.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

// A text message the bot should answer: where to, and what was asked.
struct Incoming {
  json chat_id;
  json thread_id;  // forum topic, or null
  std::string session_id;
  std::string text;
};

bool IsObject(const json& j, const char* key) { return j.contains(key) && j[key].is_object(); }

// "/start", "/help" and "/ask@faqbot_bot what is ..." are commands; the
// question is what follows the command, and a bare /start or /help asks what
// the bot can do. Other bare commands are not addressed to this bot.
std::optional<std::string> QuestionIn(const std::string& text) {
  if (text.empty() || text[0] != '/') return text;
  size_t space = text.find_first_of(" \n");
  std::string command = text.substr(1, text.find_first_of("@ \n") - 1);
  std::string rest = space == std::string::npos ? "" : text::Trim(text.substr(space));
  if (!rest.empty()) return rest;
  if (command == "start" || command == "help") return "What can you do?";
  return std::nullopt;
}

// Only new text messages are answered: an edit would otherwise be answered a
// second time, and service messages, media and reactions carry no question.
std::optional<Incoming> TextMessage(const json& update, const SessionIds& ids) {
  if (!IsObject(update, "message")) return std::nullopt;
  const json& m = update["message"];
  if (!m.contains("text") || !m["text"].is_string() || !IsObject(m, "chat")) return std::nullopt;
  const json& chat = m["chat"];
  if (!chat.contains("id") || !chat["id"].is_number_integer()) return std::nullopt;
  auto question = QuestionIn(m["text"].get<std::string>());
  if (!question) return std::nullopt;
  Incoming in{chat["id"], m.value("message_thread_id", json()), "", *question};
  // In a group each member has their own conversation with the bot.
  std::string who = std::to_string(chat["id"].get<int64_t>());
  if (IsObject(m, "from") && m["from"].contains("id") && m["from"]["id"].is_number_integer() &&
      m["from"]["id"] != chat["id"]) {
    who += ":" + std::to_string(m["from"]["id"].get<int64_t>());
  }
  in.session_id = ids.Plain("tg", who);
  return in;
}

json Keyboard(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return {{"remove_keyboard", true}};
  json rows = json::array();
  for (const auto& s : suggestions) {
    json button = {{"text", s}};
    rows.push_back(json::array({button}));
  }
  return {{"keyboard", rows},
          {"resize_keyboard", true},
          {"one_time_keyboard", true},
          {"input_field_placeholder", "Ask a question"}};
}

json SendText(const Incoming& in, const std::string& text) {
  json call = {{"method", "sendMessage"},
               {"chat_id", in.chat_id},
               {"text", text},
               {"link_preview_options", {{"is_disabled", true}}}};
  if (in.thread_id.is_number_integer()) call["message_thread_id"] = in.thread_id;
  return call;
}

}  // namespace

json TelegramSendMessage(const json& chat_id, const dialogue::Reply& reply) {
  json call = SendText({chat_id, json(), "", ""},
                       FitPlain(RenderPlain(reply), /*with_suggestions=*/false, kTelegramMaxChars));
  call["reply_markup"] = Keyboard(reply.suggestions);
  return call;
}

std::vector<Route> TelegramRoutes(const ChannelDeps& deps, std::shared_ptr<SeenIds> seen) {
  auto webhook = [deps, seen](const httplib::Request& req, httplib::Response* res) {
    if (!IsJsonRequest(req)) {
      return WriteError({415, "unsupported_media_type", "Telegram sends application/json"}, res);
    }
    json update = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (update.is_discarded() || !update.is_object() || !update.contains("update_id") ||
        !update["update_id"].is_number_integer()) {
      return WriteError({400, "invalid_json", "the body must be a Telegram Update"}, res);
    }
    res->status = 200;  // unanswered kinds and repeats: 200, no body
    std::string delivery = std::to_string(update["update_id"].get<int64_t>());
    if (!seen->Insert(delivery)) return;
    auto in = TextMessage(update, *deps.session_ids);
    if (!in) return;
    std::variant<dialogue::Reply, ApiError> answered;
    try {
      answered = Ask(deps, in->session_id, in->text);
    } catch (...) {
      seen->Erase(delivery);  // unanswered: let Telegram's retry through
      throw;
    }
    json call;
    if (auto* err = std::get_if<ApiError>(&answered)) {
      if (err->status >= 500) {
        seen->Erase(delivery);  // Telegram retries, and then it is answered
        return WriteError(*err, res);
      }
      call = SendText(*in, ExplainToUser(*err, deps.limits));
    } else {
      const auto& reply = std::get<dialogue::Reply>(answered);
      call = TelegramSendMessage(in->chat_id, reply);
      if (in->thread_id.is_number_integer()) call["message_thread_id"] = in->thread_id;
    }
    res->set_content(call.dump(), "application/json");
  };
  return {{"POST", "/webhooks/telegram", "telegram", webhook}};
}

}  // namespace faqbot::server::channels
