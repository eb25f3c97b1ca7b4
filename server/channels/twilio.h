// Twilio Programmable Messaging (SMS and WhatsApp): POST /webhooks/twilio
// takes Twilio's form-encoded webhook (Body, From, MessageSid, ...) and
// answers with TwiML, the whole reply split into <Message> elements under
// 1,600 characters each. A MessageSid seen before is not answered twice, and
// phone numbers reach the session store only as a keyed hash. Who may call:
// requests whose X-Twilio-Signature is valid for FAQBOT_TWILIO_AUTH_TOKEN over
// FAQBOT_PUBLIC_URL + the request path, checked before anything else.
// Handlers are thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dialogue/reply.h"
#include "server/channels/channel.h"
#include "server/channels/seen_ids.h"
#include "server/config.h"
#include "server/route.h"

namespace faqbot::server::channels {

// Twilio refuses message bodies of 1,600 characters or more.
inline constexpr size_t kTwilioMaxChars = 1599;

std::vector<Route> TwilioRoutes(const ServerConfig& config, const ChannelDeps& deps,
                                std::shared_ptr<SeenIds> seen);

// The reply as SMS-sized texts, numbered "(1/3) ..." when there are several.
std::vector<std::string> TwilioTexts(const dialogue::Reply& reply);

// <Response> with one <Message> per text, XML-escaped.
std::string TwiML(const std::vector<std::string>& texts);

}  // namespace faqbot::server::channels
