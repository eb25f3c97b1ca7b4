// Slack request signing (v0): X-Slack-Signature is "v0=" + hex HMAC-SHA256,
// keyed by the app's signing secret, over "v0:<timestamp>:<raw body>"; the
// X-Slack-Request-Timestamp must be within five minutes of now, so a captured
// request cannot be replayed later. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace faqbot::server::channels {

inline constexpr int64_t kSlackMaxSkewSeconds = 300;

std::string SlackSignature(std::string_view signing_secret, std::string_view timestamp,
                           std::string_view raw_body);

// `now` is Unix seconds. False for a missing or malformed timestamp or
// signature, a stale timestamp, or an empty secret.
bool SlackSignatureValid(std::string_view signing_secret, std::string_view timestamp,
                         std::string_view raw_body, std::string_view signature, int64_t now);

}  // namespace faqbot::server::channels
