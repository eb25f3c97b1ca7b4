// Who may call the routes whose proof is in the headers alone, checked before
// the body is even read: /v1/chat and Rasa REST ("Authorization: Bearer" with
// one of FAQBOT_API_KEYS; open when none are set), Telegram
// (X-Telegram-Bot-Api-Secret-Token equal to FAQBOT_TELEGRAM_SECRET, else 403)
// and Dialogflow ("Authorization: Bearer FAQBOT_DIALOGFLOW_TOKEN", else 401).
// A channel whose secret is not configured refuses every request with the
// same status and code "not_configured". Secrets are compared in constant
// time. Twilio, Slack and Direct Line prove themselves over the body or per
// conversation and are checked in their handlers. Thread-safe.
#pragma once

#include "server/config.h"
#include "server/route.h"

namespace faqbot::server {

Middleware AuthMiddleware(const ServerConfig& config);

}  // namespace faqbot::server
