// @brief All channel adapters' routes.
#include "server/channels/channel_routes.h"

#include <chrono>

#include "server/channels/dialogflow.h"
#include "server/channels/directline.h"
#include "server/channels/rasa.h"
#include "server/channels/seen_ids.h"
#include "server/channels/slack.h"
#include "server/channels/telegram.h"
#include "server/channels/twilio.h"

namespace faqbot::server::channels {
namespace {

// Platforms retry a delivery within minutes; this many ids cover far more.
constexpr size_t kRememberedDeliveries = 10000;

int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::vector<Route> ChannelRoutes(const ServerConfig& config, const ChannelDeps& deps,
                                 ChannelOptions options) {
  if (!options.now) options.now = UnixNow;
  if (!options.directline_store) {
    DirectLineStoreOptions store;
    store.max_conversations = config.session_capacity;
    store.idle_ttl = std::chrono::seconds(config.session_ttl_seconds);
    options.directline_store = std::make_shared<DirectLineStore>(store);
  }
  std::vector<Route> routes;
  auto add = [&routes](std::vector<Route> more) {
    for (auto& r : more) routes.push_back(std::move(r));
  };
  add(RasaRoutes(deps));
  add(TelegramRoutes(deps, std::make_shared<SeenIds>(kRememberedDeliveries)));
  add(TwilioRoutes(config, deps, std::make_shared<SeenIds>(kRememberedDeliveries)));
  add(SlackRoutes(config, deps, options.now));
  add(DialogflowRoutes(deps));
  add(DirectLineRoutes(config, deps, options.directline_store, options.now));
  return routes;
}

std::vector<std::string> EnabledChannels(const ServerConfig& c) {
  std::vector<std::string> on = {"rasa"};
  if (!c.telegram_secret.empty()) on.push_back("telegram");
  if (!c.twilio_auth_token.empty() && !c.public_url.empty()) on.push_back("twilio");
  if (!c.slack_signing_secret.empty()) on.push_back("slack");
  if (!c.dialogflow_token.empty()) on.push_back("dialogflow");
  if (!c.directline_secret.empty()) on.push_back("directline");
  return on;
}

}  // namespace faqbot::server::channels
