// Dialogflow ES fulfillment: POST /webhooks/dialogflow takes a WebhookRequest
// (queryResult.queryText, session) and answers with a WebhookResponse:
// fulfillmentText (the whole reply as text), fulfillmentMessages (one text
// message per block, the suggestions as quick replies), outputContexts (the
// reply type, intent and safety rule, for the agent to branch on) and
// payload.faqbot (the /v1/chat reply). Problems with the question itself are
// answered as fulfillment text, which is what the person sees. Who may call:
// "Authorization: Bearer FAQBOT_DIALOGFLOW_TOKEN" (AuthMiddleware). Handlers
// are thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dialogue/reply.h"
#include "server/channels/channel.h"
#include "server/route.h"

namespace faqbot::server::channels {

std::vector<Route> DialogflowRoutes(const ChannelDeps& deps);

// The WebhookResponse for `reply` in Dialogflow session `session`.
nlohmann::json DialogflowResponse(const std::string& session, const dialogue::Reply& reply);

}  // namespace faqbot::server::channels
