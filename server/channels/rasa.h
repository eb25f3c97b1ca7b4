// The Rasa REST channel, so widgets written for Rasa work unchanged:
// POST /webhooks/rest/webhook takes {"sender","message"} and answers with a
// list of {"recipient_id","text"} messages -- the reply's paragraphs, safety
// contacts, sources, disclaimer and referrals -- with the suggestions as
// "buttons" ({"title","payload"}). Errors carry Rasa's fields ("status":
// "failure", "reason", "message", "code") and ours ("error"). Who may call:
// the API keys, as for /v1/chat (AuthMiddleware). Handlers are thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dialogue/reply.h"
#include "server/channels/channel.h"
#include "server/route.h"

namespace faqbot::server::channels {

std::vector<Route> RasaRoutes(const ChannelDeps& deps);

// The reply as the Rasa REST channel's list of messages for `recipient`.
nlohmann::json RasaMessages(const std::string& recipient, const dialogue::Reply& reply);

}  // namespace faqbot::server::channels
