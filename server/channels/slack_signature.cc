// @brief Slack v0 request signatures.
#include "server/channels/slack_signature.h"

#include <charconv>

#include "common/crypto.h"

namespace faqbot::server::channels {

std::string SlackSignature(std::string_view signing_secret, std::string_view timestamp,
                           std::string_view raw_body) {
  std::string base = "v0:" + std::string(timestamp) + ":" + std::string(raw_body);
  return "v0=" + crypto::HexEncode(crypto::HmacSha256(signing_secret, base));
}

bool SlackSignatureValid(std::string_view signing_secret, std::string_view timestamp,
                         std::string_view raw_body, std::string_view signature, int64_t now) {
  if (signing_secret.empty() || timestamp.empty() || signature.empty()) return false;
  int64_t ts = 0;
  auto [end, ec] = std::from_chars(timestamp.data(), timestamp.data() + timestamp.size(), ts);
  if (ec != std::errc() || end != timestamp.data() + timestamp.size()) return false;
  int64_t skew = now > ts ? now - ts : ts - now;
  if (skew > kSlackMaxSkewSeconds) return false;
  return crypto::ConstantTimeEquals(SlackSignature(signing_secret, timestamp, raw_body), signature);
}

}  // namespace faqbot::server::channels
