// API keys on /v1/chat and Rasa REST. Telegram's and Dialogflow's checks are
// in their channel tests; what a refusal leaves on the connection is in
// http_server_test.cc.
#include "server/auth_middleware.h"

#include <gtest/gtest.h>

#include "tests/server/channels/channel_server.h"

namespace faqbot::server {
namespace {

using nlohmann::json;
using testing::ChannelServer;

ServerConfig KeyedConfig() {
  ServerConfig config = testing::TestConfig();
  config.api_keys = {"key-one-0123456789", "key-two-0123456789"};
  config.telegram_secret = "tg-secret";
  return config;
}

TEST(AuthMiddlewareTest, ApiKeysGuardChatAndRasa) {
  ChannelServer server(KeyedConfig());
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"/v1/chat", R"({"session_id":"a","message":"hello"})"},
      {"/webhooks/rest/webhook", R"({"sender":"a","message":"hello"})"}};
  for (const auto& [path, body] : routes) {
    size_t sessions = server.sessions();
    for (const std::string& auth :
         {std::string(""), std::string("Bearer "), std::string("Bearer key-one"),
          std::string("key-one-0123456789"), std::string("Bearer key-one-0123456789x")}) {
      httplib::Headers headers;
      if (!auth.empty()) headers.emplace("Authorization", auth);
      auto res = server.client().Post(path, headers, body, "application/json");
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 401) << path << " " << auth;
      EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer");
      EXPECT_EQ(json::parse(res->body)["error"]["code"], "unauthorized");
    }
    EXPECT_EQ(server.sessions(), sessions) << "refused requests reach no engine";
    for (const char* key : {"key-one-0123456789", "key-two-0123456789"}) {
      auto res = server.client().Post(path, {{"Authorization", std::string("Bearer ") + key}}, body,
                                      "application/json");
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 200) << path << " " << res->body;
    }
  }
  auto health = server.client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200) << "other routes need no key";
  EXPECT_EQ(server.log().find("key-one"), std::string::npos);
}

TEST(AuthMiddlewareTest, OpenWithoutKeys) {
  ChannelServer server(testing::TestConfig());
  auto res = server.client().Post("/v1/chat", R"({"session_id":"a","message":"hello"})",
                                  "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace faqbot::server
