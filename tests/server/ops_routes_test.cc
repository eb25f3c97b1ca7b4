// Operations endpoints, limits and metrics on the real server in-process.
#include "server/ops_routes.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/server/exposition.h"
#include "tests/server/serving_stack.h"

namespace faqbot::server {
namespace {

using faqbot::testing::ParseExposition;
using faqbot::testing::ServingStack;
using nlohmann::json;

const char kAdminKey[] = "test-admin-key-0123456789";

void ExpectError(const httplib::Result& res, int status, const std::string& code) {
  ASSERT_TRUE(res) << "no response";
  EXPECT_EQ(res->status, status) << res->body;
  auto j = json::parse(res->body, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << res->body;
  EXPECT_EQ(j["error"]["code"], code) << res->body;
  EXPECT_TRUE(j["error"]["message"].is_string());
}

std::map<std::string, double> Scrape(const ServingStack& stack) {
  auto res = stack.Client().Get("/metrics");
  EXPECT_TRUE(res && res->status == 200);
  if (!res) return {};
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  auto parsed = ParseExposition(res->body);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString() << "\n" << res->body;
  return parsed.ok() ? *parsed : std::map<std::string, double>{};
}

double Get(const std::map<std::string, double>& m, const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

double SumOf(const std::map<std::string, double>& m, const std::string& prefix) {
  double sum = 0;
  for (const auto& [k, v] : m) {
    if (k.rfind(prefix, 0) == 0) sum += v;
  }
  return sum;
}

TEST(ReadyzTest, NotReadyUntilTheIndexIsLoaded) {
  ServingStack stack{ServerConfig{}};
  ASSERT_TRUE(stack.http().Start().ok());  // serving, nothing loaded yet
  ExpectError(stack.Client().Get("/readyz"), 503, "not_ready");
  ExpectError(stack.Chat("hello"), 503, "not_ready");
  auto health = stack.Client().Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);  // alive all the same
  ASSERT_EQ(stack.reloader().Reload("test").kind, ReloadOutcome::Kind::kSwapped);
  auto ready = stack.Client().Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(json::parse(ready->body)["corpus_version"], stack.engine().knowledge()->version);
}

TEST(MetricsRouteTest, CountersMoveAsRequestsAreServed) {
  ServingStack stack{ServerConfig{}};
  ASSERT_TRUE(stack.Start());
  auto before = Scrape(stack);
  const std::vector<std::string> messages = {"What are the symptoms of bone metastases?",
                                             "how do I bake sourdough bread",
                                             "I want to kill myself", "hello"};
  std::map<std::string, int> types;
  int fallbacks = 0, with_rule = 0, with_intent = 0;
  for (const auto& m : messages) {
    auto res = stack.Chat(m);
    ASSERT_TRUE(res && res->status == 200);
    auto j = json::parse(res->body);
    ++types[j["type"]];
    fallbacks += j["type"] == "fallback";
    with_rule += !j["safety"].is_null();
    with_intent += j["intent"].is_object();
  }
  stack.Client().Post("/v1/chat", "{not json", "application/json");
  auto after = Scrape(stack);
  const std::string chat200 = R"(faqbot_http_requests_total{route="chat",status="200"})";
  EXPECT_EQ(Get(after, chat200) - Get(before, chat200), messages.size());
  EXPECT_EQ(Get(after, R"(faqbot_http_requests_total{route="chat",status="400"})"), 1);
  EXPECT_EQ(Get(after, R"(faqbot_http_requests_total{route="metrics",status="200"})"), 1);
  const std::string count = R"(faqbot_http_request_duration_seconds_count{route="chat"})";
  EXPECT_EQ(Get(after, count) - Get(before, count), messages.size() + 1);
  for (const auto& [type, n] : types) {
    std::string key = R"(faqbot_replies_total{type=")" + type + "\"}";
    EXPECT_EQ(Get(after, key) - Get(before, key), n) << type;
  }
  EXPECT_EQ(Get(after, "faqbot_fallbacks_total") - Get(before, "faqbot_fallbacks_total"),
            fallbacks);
  EXPECT_EQ(
      SumOf(after, "faqbot_safety_rules_total{") - SumOf(before, "faqbot_safety_rules_total{"),
      with_rule);
  EXPECT_EQ(SumOf(after, "faqbot_intents_total{") - SumOf(before, "faqbot_intents_total{"),
            with_intent);
  EXPECT_GE(with_rule, 1) << "the crisis message should have fired a safety rule";
  std::string version = stack.engine().knowledge()->version;
  EXPECT_EQ(Get(after, R"(faqbot_corpus_info{version=")" + version + "\"}"), 1);
  EXPECT_EQ(Get(after, "faqbot_ready"), 1);
  EXPECT_EQ(Get(after, R"(faqbot_reloads_total{result="swapped"})"), 1);
}

TEST(MetricsRouteTest, HoldNoMessageTextOrSessionIds) {
  ServingStack stack{ServerConfig{}};
  ASSERT_TRUE(stack.Start());
  stack.Chat("zebra-quince-4471 what is a biopsy", "secret-session-77");
  auto res = stack.Client().Get("/metrics");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body.find("zebra"), std::string::npos);
  EXPECT_EQ(res->body.find("secret-session"), std::string::npos);
}

TEST(SessionsTest, TheConfiguredCapacityBoundsMemory) {
  ServerConfig config;
  config.session_capacity = 5;
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  for (int i = 0; i < 20; ++i) stack.Chat("hello", "session-" + std::to_string(i));
  EXPECT_EQ(Get(Scrape(stack), "faqbot_sessions"), 5);
}

TEST(RateLimitTest, RefusesWith429AndRetryAfterPerClient) {
  ServerConfig config;
  config.rate_limit_per_minute = 6;  // a token every ten seconds
  config.rate_limit_burst = 3;
  config.api_keys = {"key-one", "key-two"};
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  for (int i = 0; i < 3; ++i) {
    auto ok = stack.Chat("hello");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << i;
  }
  auto limited = stack.Chat("hello");
  ExpectError(limited, 429, "rate_limited");
  int retry = std::stoi(limited->get_header_value("Retry-After"));
  EXPECT_GE(retry, 1);
  EXPECT_LE(retry, 10);
  ExpectError(stack.Client().Get("/nope"), 429, "rate_limited");  // every route but ops
  for (const char* path : {"/healthz", "/readyz", "/metrics"}) {
    auto res = stack.Client().Get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << path;
  }
  // An API key is a client of its own; an unknown bearer token is not.
  httplib::Client keyed = stack.Client();
  keyed.set_bearer_token_auth("key-one");
  auto with_key =
      keyed.Post("/v1/chat", R"({"session_id":"k","message":"hello"})", "application/json");
  ASSERT_TRUE(with_key);
  EXPECT_EQ(with_key->status, 200);
  httplib::Client stranger = stack.Client();
  stranger.set_bearer_token_auth("made-up");
  ExpectError(
      stranger.Post("/v1/chat", R"({"session_id":"k","message":"hello"})", "application/json"), 429,
      "rate_limited");
  EXPECT_NE(stack.log().find(R"("route":"chat","status":429)"), std::string::npos);
}

TEST(RateLimitTest, ARefusedPostLeavesTheKeepAliveConnectionUsable) {
  ServerConfig config;
  config.rate_limit_per_minute = 6;
  config.rate_limit_burst = 1;
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  httplib::Client c = stack.Client();
  c.set_keep_alive(true);
  const std::string body = R"({"session_id":"ka","message":"what is a biopsy"})";
  auto first = c.Post("/v1/chat", body, "application/json");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  ExpectError(c.Post("/v1/chat", body, "application/json"), 429, "rate_limited");
  // The refused request's body must not be read as the next request.
  auto next = c.Get("/healthz");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200) << next->body;
  EXPECT_EQ(stack.log().find(R"("status":400)"), std::string::npos) << stack.log();
}

TEST(RateLimitTest, ZeroTurnsItOff) {
  ServerConfig config;
  config.rate_limit_per_minute = 0;
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  httplib::Client c = stack.Client();
  for (int i = 0; i < 100; ++i) {
    auto res = c.Get("/nope");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 404) << i;
  }
}

TEST(AdminReloadTest, NeedsTheAdminKey) {
  ServerConfig config;
  config.admin_key = kAdminKey;
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  ExpectError(stack.Client().Post("/admin/reload", "", "application/json"), 403, "forbidden");
  httplib::Client wrong = stack.Client();
  wrong.set_bearer_token_auth("test-admin-key-0123456780");
  ExpectError(wrong.Post("/admin/reload", "", "application/json"), 403, "forbidden");
  httplib::Client admin = stack.Client();
  admin.set_bearer_token_auth(kAdminKey);
  auto res = admin.Post("/admin/reload", "", "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  auto j = json::parse(res->body);
  EXPECT_EQ(j["status"], "reloaded");
  EXPECT_EQ(j["corpus_version"], stack.engine().knowledge()->version);
  EXPECT_EQ(stack.log().find(kAdminKey), std::string::npos) << "secrets never reach the log";
}

TEST(AdminReloadTest, RefusedWhenNoAdminKeyIsConfigured) {
  ServingStack stack{ServerConfig{}};
  ASSERT_TRUE(stack.Start());
  httplib::Client c = stack.Client();
  c.set_bearer_token_auth("");
  ExpectError(c.Post("/admin/reload", "", "application/json"), 403, "forbidden");
  c.set_bearer_token_auth("anything-at-all-here");
  ExpectError(c.Post("/admin/reload", "", "application/json"), 403, "forbidden");
  ExpectError(c.Get("/admin/reload"), 405, "method_not_allowed");
}

TEST(ReplyTextTest, DisclaimerReferralsAndHandoffAreConfigurable) {
  ServerConfig config;
  config.reply.disclaimer = "Ask your own care team about your situation.";
  config.reply.referrals = {{"Test Helpline", "https://help.example", "support"}};
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  auto res = stack.Chat("What are the symptoms of bone metastases?");
  ASSERT_TRUE(res && res->status == 200);
  auto j = json::parse(res->body);
  ASSERT_EQ(j["type"], "answer");
  EXPECT_EQ(j["disclaimer"], config.reply.disclaimer);
  ASSERT_EQ(j["referrals"].size(), 1u);
  EXPECT_EQ(j["referrals"][0]["name"], "Test Helpline");
}

}  // namespace
}  // namespace faqbot::server
