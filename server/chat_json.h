// The JSON edge of POST /v1/chat (../shared/API.md): request validation with
// the documented error codes, and the reply's JSON form. Pure functions;
// thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "dialogue/reply.h"
#include "server/api_error.h"

namespace faqbot::server {

struct ChatRequest {
  std::string session_id;
  std::string message;  // trimmed
  std::string locale;
  std::string channel;
};

struct ChatLimits {
  size_t max_message_chars = 2000;
};

// Either a valid request or the 400 error that explains what is wrong.
std::variant<ChatRequest, ApiError> ParseChatRequest(const std::string& body,
                                                     const ChatLimits& limits);

// Checks a session id against API.md: 1-128 of A-Z a-z 0-9 . _ : -
bool ValidSessionId(const std::string& id);

// Validates a message the way /v1/chat does; adapters reuse it. Empty
// optional means valid; `message` is trimmed in place.
std::variant<std::monostate, ApiError> ValidateMessage(std::string* message,
                                                       const ChatLimits& limits);

// The reply as JSON text, written without building a tree: the /v1/chat
// body. Strings must be valid UTF-8.
std::string ReplyToJsonText(const dialogue::Reply& reply);

// The same reply as a JSON tree (the text, parsed), for channels that embed
// it in their own payloads.
nlohmann::json ReplyToJson(const dialogue::Reply& reply);

}  // namespace faqbot::server
