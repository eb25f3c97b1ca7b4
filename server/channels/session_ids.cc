// @brief Platform id -> session id mapping.
#include "server/channels/session_ids.h"

#include "common/crypto.h"
#include "server/chat_json.h"

namespace faqbot::server::channels {

SessionIds::SessionIds(std::string key)
    : key_(key.empty() ? crypto::RandomKey() : std::move(key)) {}

std::string SessionIds::Plain(std::string_view prefix, std::string_view id) const {
  std::string plain = std::string(prefix) + ":" + std::string(id);
  return ValidSessionId(plain) ? plain : Hashed(prefix, id);
}

std::string SessionIds::Hashed(std::string_view prefix, std::string_view id) const {
  return std::string(prefix) + ":" + crypto::HexEncode(crypto::HmacSha256(key_, id)).substr(0, 32);
}

}  // namespace faqbot::server::channels
