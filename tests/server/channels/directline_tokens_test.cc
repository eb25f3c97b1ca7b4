#include "server/channels/directline_tokens.h"

#include <gtest/gtest.h>

namespace faqbot::server::channels {
namespace {

TEST(DirectLineTokensTest, ATokenOpensItsConversationUntilItExpires) {
  int64_t now = 1000;
  DirectLineTokens tokens("secret", [&now] { return now; });
  std::string id = NewConversationId();
  std::string token = tokens.Issue(id);
  EXPECT_EQ(token.find("secret"), std::string::npos);
  std::string opened;
  EXPECT_EQ(tokens.Verify(token, &opened), DirectLineTokens::Verdict::kValid);
  EXPECT_EQ(opened, id);
  now += DirectLineTokens::kLifetimeSeconds - 1;
  EXPECT_EQ(tokens.Verify(token, &opened), DirectLineTokens::Verdict::kValid);
  now += 1;
  EXPECT_EQ(tokens.Verify(token, &opened), DirectLineTokens::Verdict::kExpired);
}

TEST(DirectLineTokensTest, ForgedOrForeignTokensAreInvalid) {
  int64_t now = 1000;
  DirectLineTokens tokens("secret", [&now] { return now; });
  DirectLineTokens other("other secret", [&now] { return now; });
  std::string id = NewConversationId();
  std::string token = tokens.Issue(id);
  std::string opened;
  EXPECT_EQ(other.Verify(token, &opened), DirectLineTokens::Verdict::kInvalid);
  // Another conversation or a later expiry in the same token breaks its MAC.
  std::string moved = token;
  moved.replace(4, 24, NewConversationId());
  EXPECT_EQ(tokens.Verify(moved, &opened), DirectLineTokens::Verdict::kInvalid);
  std::string extended = token;
  extended.replace(4 + 24 + 1, 4, "9999");
  EXPECT_EQ(tokens.Verify(extended, &opened), DirectLineTokens::Verdict::kInvalid);
  for (const char* bad : {"", "secret", "dl1", "dl1.x.1.y", "dl1..2000.", "a.b.c.d.e"}) {
    EXPECT_EQ(tokens.Verify(bad, &opened), DirectLineTokens::Verdict::kInvalid) << bad;
  }
  EXPECT_TRUE(opened.empty()) << "nothing is opened by a refused token";
}

TEST(DirectLineTokensTest, ConversationIds) {
  std::string a = NewConversationId(), b = NewConversationId();
  EXPECT_TRUE(ValidConversationId(a));
  EXPECT_NE(a, b);
  EXPECT_FALSE(ValidConversationId(a + "x"));
  EXPECT_FALSE(ValidConversationId(a.substr(1) + "/"));
}

}  // namespace
}  // namespace faqbot::server::channels
