// CORS for browser widgets: preflights and headers for allow-listed origins
// (as botframework-webchat and Rasa widgets send them), none for the others.
#include "server/cors_middleware.h"

#include <gtest/gtest.h>

#include "tests/server/channels/channel_server.h"

namespace faqbot::server {
namespace {

using nlohmann::json;
using testing::ChannelServer;

ServerConfig CorsConfig(std::vector<std::string> origins) {
  ServerConfig config = testing::TestConfig();
  config.cors_origins = std::move(origins);
  return config;
}

httplib::Result Preflight(ChannelServer& server, const std::string& origin,
                          const std::string& path = "/v1/chat") {
  return server.client().Options(
      path, {{"Origin", origin},
             {"Access-Control-Request-Method", "POST"},
             {"Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent"}});
}

TEST(CorsMiddlewareTest, AllowedOriginsGetPreflightAndHeaders) {
  ChannelServer server(CorsConfig({"https://www.example.org/", "http://localhost:3000"}));
  for (const std::string path : {"/v1/chat", "/v3/directline/conversations",
                                 "/v3/directline/conversations/abc/activities"}) {
    auto res = Preflight(server, "https://www.example.org", path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 204) << path;
    EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "https://www.example.org");
    EXPECT_EQ(res->get_header_value("Access-Control-Allow-Methods"), "GET, POST, OPTIONS");
    EXPECT_EQ(res->get_header_value("Access-Control-Allow-Headers"),
              "authorization,content-type,x-ms-bot-agent");
    EXPECT_EQ(res->get_header_value("Vary"), "Origin");
  }
  auto res = server.client().Post("/v1/chat", {{"Origin", "http://localhost:3000"}},
                                  R"({"session_id":"a","message":"hello"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://localhost:3000");
  // Errors carry the header too, so the widget can read them.
  res = server.client().Post("/v1/chat", {{"Origin", "http://localhost:3000"}}, "{",
                             "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "http://localhost:3000");
}

TEST(CorsMiddlewareTest, OtherOriginsGetNoHeaders) {
  ChannelServer server(CorsConfig({"https://www.example.org"}));
  for (const char* origin : {"https://evil.example", "https://www.example.org.evil.example",
                             "http://www.example.org", "null"}) {
    auto res = Preflight(server, origin);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403) << origin;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "origin_not_allowed");
    EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin"));
    res = server.client().Post("/v1/chat", {{"Origin", origin}},
                               R"({"session_id":"a","message":"hello"})", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << "CORS is the browser's check; the server still answers";
    EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin")) << origin;
  }
  auto res = server.client().Post("/v1/chat", R"({"session_id":"a","message":"hello"})",
                                  "application/json");
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->has_header("Access-Control-Allow-Origin")) << "no Origin, no CORS";
}

TEST(CorsMiddlewareTest, NoOriginsConfiguredMeansNoCors) {
  ChannelServer server(CorsConfig({}));
  auto res = Preflight(server, "https://www.example.org");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST(CorsMiddlewareTest, StarAllowsAnyOrigin) {
  ChannelServer server(CorsConfig({"*"}));
  auto res = Preflight(server, "https://anywhere.example");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "*");
}

}  // namespace
}  // namespace faqbot::server
