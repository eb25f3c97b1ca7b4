// What every channel adapter shares: its collaborators, and one way to turn a
// platform message into a reply -- validated with the same limits as
// /v1/chat, answered by the engine, noted in the access log -- or into the
// error that says why not. Thread-safe (the collaborators are).
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "dialogue/engine.h"
#include "server/access_log.h"
#include "server/api_error.h"
#include "server/channels/session_ids.h"
#include "server/chat_json.h"
#include "server/config.h"

namespace faqbot::server::channels {

struct ChannelDeps {
  dialogue::Engine* engine = nullptr;  // must outlive the routes
  const AccessLog* access = nullptr;   // must outlive the routes
  std::shared_ptr<const SessionIds> session_ids;
  ChatLimits limits;
};

// Deps for `config`: its message limit, and session ids keyed by its log key.
ChannelDeps MakeChannelDeps(const ServerConfig& config, dialogue::Engine* engine,
                            const AccessLog* access);

// Validates `message` (trimming it) and asks the engine. The error is the
// /v1/chat one: 400 empty_message, message_too_long or invalid_field, or 503
// not_ready when no index is loaded; the engine is not called then.
std::variant<dialogue::Reply, ApiError> Ask(const ChannelDeps& deps, const std::string& session_id,
                                            std::string message);

// The same refusal worded for the person in the chat, for channels where
// they would otherwise see nothing.
std::string ExplainToUser(const ApiError& error, const ChatLimits& limits);

}  // namespace faqbot::server::channels
