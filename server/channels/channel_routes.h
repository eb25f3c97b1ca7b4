// Every channel adapter's routes in one list, for main() to add: Rasa REST,
// Telegram, Twilio, Slack, Dialogflow and Direct Line. Header-only checks
// (API keys, Telegram's secret, Dialogflow's token) are AuthMiddleware's;
// signatures over the body (Twilio, Slack) and Direct Line's tokens are
// checked by the handlers themselves. Handlers are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/channels/channel.h"
#include "server/channels/directline_store.h"
#include "server/config.h"
#include "server/route.h"

namespace faqbot::server::channels {

struct ChannelOptions {
  // Unix seconds, for Slack's timestamp window and Direct Line token expiry;
  // unset: the system clock.
  std::function<int64_t()> now;
  // Unset: a store bounded by config.session_capacity and
  // config.session_ttl_seconds.
  std::shared_ptr<DirectLineStore> directline_store;
};

std::vector<Route> ChannelRoutes(const ServerConfig& config, const ChannelDeps& deps,
                                 ChannelOptions options = {});

// The channels `config` enables ("rasa", "telegram", ...), for the start-up
// log: the others refuse every request until their secret is set.
std::vector<std::string> EnabledChannels(const ServerConfig& config);

}  // namespace faqbot::server::channels
