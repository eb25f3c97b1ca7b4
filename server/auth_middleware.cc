// @brief Header-based authentication for chat, Rasa, Telegram and Dialogflow.
#include "server/auth_middleware.h"

#include <httplib.h>

#include <optional>

#include "common/crypto.h"
#include "common/text.h"
#include "server/api_error.h"

namespace faqbot::server {
namespace {

std::string Bearer(const httplib::Request& req) {
  std::string header = req.get_header_value("Authorization");
  return text::StartsWith(header, "Bearer ") ? header.substr(7) : "";
}

// True when `given` is one of `keys`; every key is compared, so the time
// taken does not say which one came close.
bool OneOf(const std::string& given, const std::vector<std::string>& keys) {
  bool found = false;
  for (const auto& k : keys) found |= crypto::ConstantTimeEquals(given, k);
  return found && !given.empty();
}

std::optional<ApiError> ApiKeyRefusal(const httplib::Request& req,
                                      const std::vector<std::string>& keys) {
  if (keys.empty() || OneOf(Bearer(req), keys)) return std::nullopt;
  return ApiError{401, "unauthorized", "send Authorization: Bearer <API key>"};
}

std::optional<ApiError> TelegramRefusal(const httplib::Request& req, const std::string& secret) {
  if (secret.empty()) {
    return ApiError{403, "not_configured", "set FAQBOT_TELEGRAM_SECRET to enable Telegram"};
  }
  if (OneOf(req.get_header_value("X-Telegram-Bot-Api-Secret-Token"), {secret})) {
    return std::nullopt;
  }
  return ApiError{403, "forbidden", "missing or wrong X-Telegram-Bot-Api-Secret-Token"};
}

std::optional<ApiError> DialogflowRefusal(const httplib::Request& req, const std::string& token) {
  if (token.empty()) {
    return ApiError{401, "not_configured", "set FAQBOT_DIALOGFLOW_TOKEN to enable Dialogflow"};
  }
  if (OneOf(Bearer(req), {token})) return std::nullopt;
  return ApiError{401, "unauthorized", "send Authorization: Bearer <Dialogflow token>"};
}

}  // namespace

Middleware AuthMiddleware(const ServerConfig& config) {
  return [keys = config.api_keys, telegram = config.telegram_secret,
          dialogflow = config.dialogflow_token](const httplib::Request& req, httplib::Response* res,
                                                const Route* route) {
    if (!route) return false;
    std::optional<ApiError> refusal;
    if (route->name == "chat" || route->name == "rasa") refusal = ApiKeyRefusal(req, keys);
    if (route->name == "telegram") refusal = TelegramRefusal(req, telegram);
    if (route->name == "dialogflow") refusal = DialogflowRefusal(req, dialogflow);
    if (!refusal) return false;
    if (refusal->status == 401) res->set_header("WWW-Authenticate", "Bearer");
    WriteError(*refusal, res);
    return true;
  };
}

}  // namespace faqbot::server
