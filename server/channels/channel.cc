// @brief Shared message validation and engine call for channel adapters.
#include "server/channels/channel.h"

namespace faqbot::server::channels {

ChannelDeps MakeChannelDeps(const ServerConfig& config, dialogue::Engine* engine,
                            const AccessLog* access) {
  return {engine, access, std::make_shared<SessionIds>(config.log_hash_key),
          ChatLimits{config.max_message_chars}};
}

std::variant<dialogue::Reply, ApiError> Ask(const ChannelDeps& deps, const std::string& session_id,
                                            std::string message) {
  auto valid = ValidateMessage(&message, deps.limits);
  if (auto* err = std::get_if<ApiError>(&valid)) return *err;
  auto kb = deps.engine->knowledge();
  if (!kb) return ApiError{503, "not_ready", "the index is not loaded yet"};
  dialogue::Reply reply = deps.engine->Respond(*kb, session_id, message);
  deps.access->NoteReply(session_id, reply);
  return reply;
}

std::string ExplainToUser(const ApiError& error, const ChatLimits& limits) {
  if (error.code == "empty_message") return "Please send your question as a text message.";
  if (error.code == "message_too_long") {
    return "That message is too long for me. Please ask your question in fewer than " +
           std::to_string(limits.max_message_chars) + " characters.";
  }
  if (error.code == "not_ready") return "I'm starting up. Please try again in a minute.";
  return "Sorry, I couldn't read that message. Please send your question as plain text.";
}

}  // namespace faqbot::server::channels
