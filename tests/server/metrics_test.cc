#include "server/metrics.h"

#include <gtest/gtest.h>

#include "tests/server/exposition.h"

namespace faqbot::server {
namespace {

using faqbot::testing::ParseExposition;

AccessRecord Reply(const std::string& type, const std::string& intent, const std::string& rule) {
  AccessRecord r;
  r.reply_type = type;
  r.intent = intent;
  r.rule = rule;
  return r;
}

TEST(MetricsTest, AnEmptyRegistryIsValidExposition) {
  Metrics m;
  auto parsed = ParseExposition(m.Render());
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString() << "\n" << m.Render();
  EXPECT_EQ(parsed->at("faqbot_fallbacks_total"), 0);
}

TEST(MetricsTest, CountsRequestsRepliesIntentsFallbacksAndRules) {
  Metrics m({0.01, 0.1});
  m.ObserveRequest("chat", 200, 0.005, Reply("answer", "bone_mets.symptoms", ""));
  m.ObserveRequest("chat", 200, 0.05, Reply("fallback", "", ""));
  m.ObserveRequest("chat", 200, 0.5, Reply("emergency", "", "mscc"));
  m.ObserveRequest("chat", 400, 0.001, AccessRecord{});
  m.ObserveRequest("healthz", 200, 0.0001, AccessRecord{});
  std::string text = m.Render();
  auto s = ParseExposition(text);
  ASSERT_TRUE(s.ok()) << s.status().ToString() << "\n" << text;
  EXPECT_EQ(s->at(R"(faqbot_http_requests_total{route="chat",status="200"})"), 3);
  EXPECT_EQ(s->at(R"(faqbot_http_requests_total{route="chat",status="400"})"), 1);
  EXPECT_EQ(s->at(R"(faqbot_http_requests_total{route="healthz",status="200"})"), 1);
  EXPECT_EQ(s->at(R"(faqbot_http_request_duration_seconds_bucket{route="chat",le="0.01"})"), 2);
  EXPECT_EQ(s->at(R"(faqbot_http_request_duration_seconds_bucket{route="chat",le="0.1"})"), 3);
  EXPECT_EQ(s->at(R"(faqbot_http_request_duration_seconds_bucket{route="chat",le="+Inf"})"), 4);
  EXPECT_EQ(s->at(R"(faqbot_http_request_duration_seconds_count{route="chat"})"), 4);
  EXPECT_DOUBLE_EQ(s->at(R"(faqbot_http_request_duration_seconds_sum{route="chat"})"), 0.556);
  EXPECT_EQ(s->at(R"(faqbot_replies_total{type="answer"})"), 1);
  EXPECT_EQ(s->at(R"(faqbot_replies_total{type="fallback"})"), 1);
  EXPECT_EQ(s->at(R"(faqbot_replies_total{type="emergency"})"), 1);
  EXPECT_EQ(s->at(R"(faqbot_intents_total{intent="bone_mets.symptoms"})"), 1);
  EXPECT_EQ(s->at("faqbot_fallbacks_total"), 1);
  EXPECT_EQ(s->at(R"(faqbot_safety_rules_total{rule="mscc"})"), 1);
}

TEST(MetricsTest, CollectedFamiliesAreReadAtRenderTime) {
  Metrics m;
  double value = 1;
  m.AddCollected("faqbot_test_gauge", "A test gauge.", "gauge", [&] {
    return std::vector<MetricSample>{{Metrics::Label("v", "a"), value}};
  });
  value = 7;
  auto s = ParseExposition(m.Render());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->at(R"(faqbot_test_gauge{v="a"})"), 7);
}

TEST(MetricsTest, LabelValuesAreEscaped) {
  EXPECT_EQ(Metrics::Label("x", "a\"b\\c\nd"), R"(x="a\"b\\c\nd")");
  Metrics m;
  m.ObserveRequest("odd\"route", 200, 0.1, Reply("answer", "in\\tent", ""));
  auto s = ParseExposition(m.Render());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->at(R"(faqbot_intents_total{intent="in\\tent"})"), 1);
}

TEST(ExpositionCheckTest, RefusesMalformedText) {
  EXPECT_FALSE(ParseExposition("x 1\n").ok());                         // no TYPE
  EXPECT_FALSE(ParseExposition("# TYPE x counter\nx{a=b} 1\n").ok());  // unquoted label
  EXPECT_FALSE(ParseExposition("# TYPE x counter\nx one\n").ok());
  EXPECT_FALSE(ParseExposition("# TYPE x counter\nx 1\nx 2\n").ok());
  EXPECT_FALSE(ParseExposition("# TYPE x counter\nx 1").ok());  // no final newline
  EXPECT_FALSE(ParseExposition("# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
                               "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n")
                   .ok());
  EXPECT_TRUE(ParseExposition("# TYPE h histogram\nh_bucket{le=\"1\"} 1\n"
                              "h_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 2\n")
                  .ok());
}

}  // namespace
}  // namespace faqbot::server
