// The Direct Line 3.0 subset that botframework-webchat uses when polling
// (webSocket: false): start a conversation (201 with conversationId and a
// token), post an activity (its id back), get activities since a watermark
// (the user's own activity echoed with its id, then the bot's reply), and
// generate and refresh tokens. Who may call: "Authorization: Bearer" with
// FAQBOT_DIRECTLINE_SECRET or a token issued with it (a token opens only its
// own conversation), else 403 as Direct Line does. Errors use Direct Line's
// {"error":{"code":"BadArgument",...}} shape. Handlers are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dialogue/reply.h"
#include "server/channels/channel.h"
#include "server/channels/directline_store.h"
#include "server/config.h"
#include "server/route.h"

namespace faqbot::server::channels {

// `now` returns Unix seconds (token expiry).
std::vector<Route> DirectLineRoutes(const ServerConfig& config, const ChannelDeps& deps,
                                    std::shared_ptr<DirectLineStore> store,
                                    std::function<int64_t()> now);

// The bot's message activity for `reply` (without id and replyToId, which the
// store assigns): the whole reply as plain text, the suggestions as imBack
// suggested actions, and the /v1/chat reply in channelData.faqbot.
nlohmann::json DirectLineReply(const std::string& conversation_id, const dialogue::Reply& reply);

}  // namespace faqbot::server::channels
