// The Slack vector in ../shared/eval/external/webhook_signature_vectors.json
// and its documented negative cases.
#include "server/channels/slack_signature.h"

#include <gtest/gtest.h>

#include "tests/server/channels/vectors.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;

json SlackVector() {
  json v = testing::ReadJsonFile(testing::ExternalDir() +
                                 "/webhook_signature_vectors.json")["slack"]["vectors"];
  EXPECT_EQ(v.size(), 1u);
  return v[0];
}

TEST(SlackSignatureTest, TheVectorIsValidAtItsTime) {
  json v = SlackVector();
  const std::string secret = v["signing_secret"], ts = v["X-Slack-Request-Timestamp"],
                    body = v["body"], sig = v["X-Slack-Signature"];
  int64_t now = v["expected_valid_when_now_is"];
  EXPECT_EQ(SlackSignature(secret, ts, body), sig);
  EXPECT_TRUE(SlackSignatureValid(secret, ts, body, sig, now));
  EXPECT_TRUE(SlackSignatureValid(secret, ts, body, sig, now + kSlackMaxSkewSeconds));
  EXPECT_TRUE(SlackSignatureValid(secret, ts, body, sig, now - kSlackMaxSkewSeconds));
}

TEST(SlackSignatureTest, NegativeCases) {
  json v = SlackVector();
  const std::string secret = v["signing_secret"], ts = v["X-Slack-Request-Timestamp"],
                    body = v["body"], sig = v["X-Slack-Signature"];
  int64_t now = v["expected_valid_when_now_is"];
  EXPECT_FALSE(SlackSignatureValid(secret, ts, body + "------", sig, now)) << "changed body";
  EXPECT_FALSE(SlackSignatureValid(secret, ts, body, sig, now + kSlackMaxSkewSeconds + 1))
      << "stale";
  EXPECT_FALSE(SlackSignatureValid(secret, ts, body, sig, 1900000000)) << "today's clock";
  EXPECT_FALSE(SlackSignatureValid(secret, ts, "", sig, now)) << "missing body";
  EXPECT_FALSE(SlackSignatureValid(secret, "", body, sig, now)) << "missing timestamp";
  EXPECT_FALSE(SlackSignatureValid(secret, ts, body, "", now)) << "missing signature";
  EXPECT_FALSE(SlackSignatureValid("", ts, body, sig, now)) << "empty secret";
  EXPECT_FALSE(SlackSignatureValid(secret, ts + "x", body, sig, now)) << "malformed timestamp";
  EXPECT_FALSE(SlackSignatureValid(secret, ts, body, sig.substr(0, sig.size() - 1) + "0", now));
  EXPECT_FALSE(SlackSignatureValid(secret + "x", ts, body, sig, now)) << "other secret";
}

}  // namespace
}  // namespace faqbot::server::channels
