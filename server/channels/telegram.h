// The Telegram bot webhook: POST /webhooks/telegram takes an Update and
// answers a text message inside the webhook response (a sendMessage call,
// with the suggestions as a reply keyboard). Every other kind of update,
// unknown ones included, gets 200 and no reply, and an update_id seen before
// is not answered twice. Who may call: requests whose
// X-Telegram-Bot-Api-Secret-Token equals FAQBOT_TELEGRAM_SECRET
// (AuthMiddleware). Handlers are thread-safe.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "dialogue/reply.h"
#include "server/channels/channel.h"
#include "server/channels/seen_ids.h"
#include "server/route.h"

namespace faqbot::server::channels {

// Telegram allows 4,096 characters (UTF-16 units) in a message; a margin
// keeps a reply with the odd non-BMP character under it.
inline constexpr size_t kTelegramMaxChars = 4000;

std::vector<Route> TelegramRoutes(const ChannelDeps& deps, std::shared_ptr<SeenIds> seen);

// The sendMessage call answering `chat_id` with `reply`.
nlohmann::json TelegramSendMessage(const nlohmann::json& chat_id, const dialogue::Reply& reply);

}  // namespace faqbot::server::channels
