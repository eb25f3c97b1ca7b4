// Direct Line tokens: what a browser holds instead of the Direct Line secret.
// A token names one conversation and an expiry, and is MACed with a key
// derived from the secret, so it needs no server-side state and a token for
// one conversation opens no other. Immutable; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace faqbot::server::channels {

class DirectLineTokens {
 public:
  static constexpr int64_t kLifetimeSeconds = 1800;

  // `now` returns Unix seconds.
  DirectLineTokens(std::string_view secret, std::function<int64_t()> now);

  std::string Issue(const std::string& conversation_id) const;

  enum class Verdict { kValid, kExpired, kInvalid };
  // On kValid, sets *conversation_id to the conversation the token opens.
  Verdict Verify(std::string_view token, std::string* conversation_id) const;

 private:
  std::string Mac(std::string_view payload) const;

  std::string key_;
  std::function<int64_t()> now_;
};

// A new random conversation id: 24 characters of [A-Za-z0-9].
std::string NewConversationId();

// True for the ids NewConversationId makes.
bool ValidConversationId(std::string_view id);

}  // namespace faqbot::server::channels
