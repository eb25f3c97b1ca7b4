// Slack slash commands: POST /webhooks/slack/command takes the command's form
// (text, user_id, team_id, ...) and answers {"response_type":"ephemeral",
// "text": ...} -- the whole reply as Slack-escaped text, seen only by the
// person who asked. Problems with the question itself (empty, too long) are
// answered the same way, since that is what the person sees; Slack's
// ssl_check gets a plain 200. Who may call:
// requests with a valid Slack v0 signature for FAQBOT_SLACK_SIGNING_SECRET and
// a timestamp within five minutes, checked before anything else; else 401.
// Handlers are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dialogue/reply.h"
#include "server/channels/channel.h"
#include "server/config.h"
#include "server/route.h"

namespace faqbot::server::channels {

// Slack shows up to 40,000 characters but advises keeping messages short.
inline constexpr size_t kSlackMaxChars = 3900;

// `now` returns Unix seconds (tests fix it to a vector's timestamp).
std::vector<Route> SlackRoutes(const ServerConfig& config, const ChannelDeps& deps,
                               std::function<int64_t()> now);

// Escapes &, < and > as Slack's message formatting requires.
std::string SlackEscape(const std::string& text);

nlohmann::json SlackResponse(const dialogue::Reply& reply);

}  // namespace faqbot::server::channels
