#include "server/config.h"

#include <gtest/gtest.h>

namespace faqbot::server {
namespace {

TEST(ConfigTest, DefaultsEnvironmentThenFlags) {
  auto c = LoadConfig({}, {});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->host, "127.0.0.1");
  EXPECT_EQ(c->port, 8080);
  c = LoadConfig({{"PORT", "9000"}, {"HOST", "0.0.0.0"}}, {"--port", "9001"});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->port, 9001);
  EXPECT_EQ(c->host, "0.0.0.0");
}

TEST(ConfigTest, RejectsBadValuesWithAClearMessage) {
  auto bad_port = LoadConfig({{"PORT", "eighty"}}, {});
  ASSERT_FALSE(bad_port.ok());
  EXPECT_NE(bad_port.status().message().find("PORT"), std::string::npos);
  EXPECT_FALSE(LoadConfig({{"PORT", "70000"}}, {}).ok());
  EXPECT_FALSE(LoadConfig({}, {"--nope", "1"}).ok());
  EXPECT_FALSE(LoadConfig({}, {"--port"}).ok());
  EXPECT_FALSE(LoadConfig({{"FAQBOT_LOG_LEVEL", "loud"}}, {}).ok());
  EXPECT_FALSE(LoadConfig({{"FAQBOT_WORKER_THREADS", "0"}}, {}).ok());
}

}  // namespace
}  // namespace faqbot::server

namespace faqbot::server {
namespace {

TEST(ConfigTest, ListsAndSecretsComeFromTheEnvironment) {
  auto c = LoadConfig({{"FAQBOT_API_KEYS", " k1 , k2,,"},
                       {"FAQBOT_CORS_ORIGINS", "https://a.example"},
                       {"FAQBOT_TELEGRAM_SECRET", "s3cret"},
                       {"FAQBOT_REGION", "UK"}},
                      {});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->api_keys, (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(c->cors_origins, std::vector<std::string>{"https://a.example"});
  EXPECT_EQ(c->telegram_secret, "s3cret");
  EXPECT_EQ(c->region, "UK");
}

}  // namespace
}  // namespace faqbot::server
