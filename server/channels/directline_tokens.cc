// @brief Stateless Direct Line tokens.
#include "server/channels/directline_tokens.h"

#include <charconv>
#include <random>

#include "common/crypto.h"
#include "common/text.h"

namespace faqbot::server::channels {
namespace {

constexpr std::string_view kVersion = "dl1";
constexpr size_t kIdLength = 24;

}  // namespace

DirectLineTokens::DirectLineTokens(std::string_view secret, std::function<int64_t()> now)
    : key_(crypto::HmacSha256(secret, "faqbot directline token key")), now_(std::move(now)) {}

std::string DirectLineTokens::Mac(std::string_view payload) const {
  return crypto::HexEncode(crypto::HmacSha256(key_, payload));
}

std::string DirectLineTokens::Issue(const std::string& conversation_id) const {
  std::string payload = std::string(kVersion) + "." + conversation_id + "." +
                        std::to_string(now_() + kLifetimeSeconds);
  return payload + "." + Mac(payload);
}

DirectLineTokens::Verdict DirectLineTokens::Verify(std::string_view token,
                                                   std::string* conversation_id) const {
  auto parts = text::Split(token, '.');
  if (parts.size() != 4 || parts[0] != kVersion || !ValidConversationId(parts[1])) {
    return Verdict::kInvalid;
  }
  int64_t expiry = 0;
  const std::string& e = parts[2];
  auto [end, ec] = std::from_chars(e.data(), e.data() + e.size(), expiry);
  if (ec != std::errc() || end != e.data() + e.size()) return Verdict::kInvalid;
  std::string payload = parts[0] + "." + parts[1] + "." + parts[2];
  if (!crypto::ConstantTimeEquals(Mac(payload), parts[3])) return Verdict::kInvalid;
  if (now_() >= expiry) return Verdict::kExpired;
  *conversation_id = parts[1];
  return Verdict::kValid;
}

std::string NewConversationId() {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<size_t> pick(0, sizeof(kAlphabet) - 2);
  std::string id(kIdLength, ' ');
  for (char& c : id) c = kAlphabet[pick(rng)];
  return id;
}

bool ValidConversationId(std::string_view id) {
  if (id.size() != kIdLength) return false;
  for (unsigned char c : id) {
    if (!std::isalnum(c)) return false;
  }
  return true;
}

}  // namespace faqbot::server::channels
