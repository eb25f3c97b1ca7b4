#include "server/channels/session_ids.h"

#include <gtest/gtest.h>

#include "server/chat_json.h"

namespace faqbot::server::channels {
namespace {

TEST(SessionIdsTest, SafeIdsArePrefixed) {
  SessionIds ids("key");
  EXPECT_EQ(ids.Plain("tg", "-1001293752024"), "tg:-1001293752024");
  EXPECT_EQ(ids.Plain("slack", "T1:U2"), "slack:T1:U2");
}

TEST(SessionIdsTest, OtherIdsAndPhoneNumbersAreHashed) {
  SessionIds ids("key");
  std::string phone = ids.Hashed("sms", "+14158675309");
  EXPECT_TRUE(ValidSessionId(phone));
  EXPECT_EQ(phone.size(), 4u + 32u);
  EXPECT_EQ(phone.find("4158675309"), std::string::npos);
  EXPECT_EQ(phone, ids.Hashed("sms", "+14158675309")) << "stable";
  EXPECT_NE(phone, ids.Hashed("sms", "+14158675308"));
  EXPECT_NE(phone, SessionIds("other key").Hashed("sms", "+14158675309")) << "keyed";
  std::string odd = ids.Plain("rest", "user with spaces/and slashes");
  EXPECT_TRUE(ValidSessionId(odd));
  EXPECT_EQ(odd, ids.Hashed("rest", "user with spaces/and slashes"));
  EXPECT_TRUE(ValidSessionId(ids.Plain("rest", std::string(200, 'a'))));
}

TEST(SessionIdsTest, AnEmptyKeyIsRandomPerInstance) {
  EXPECT_NE(SessionIds("").Hashed("sms", "+1"), SessionIds("").Hashed("sms", "+1"));
}

}  // namespace
}  // namespace faqbot::server::channels
