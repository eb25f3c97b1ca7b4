// POST /webhooks/slack/command with the Slack vector in
// ../shared/eval/external/webhook_signature_vectors.json, sent as is.
#include "server/channels/slack.h"

#include <gtest/gtest.h>

#include "server/channels/slack_signature.h"
#include "tests/server/channels/channel_server.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;
using testing::ChannelServer;

json Vector() {
  return testing::ReadJsonFile(testing::ExternalDir() +
                               "/webhook_signature_vectors.json")["slack"]["vectors"][0];
}

ServerConfig SlackConfig() {
  ServerConfig config = testing::TestConfig();
  config.slack_signing_secret = Vector()["signing_secret"];
  return config;
}

std::string Unescape(std::string s) {
  for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (size_t p; (p = s.find(from)) != std::string::npos;) s.replace(p, from.size(), to);
  }
  return s;
}

class SlackTest : public ::testing::Test {
 protected:
  SlackTest() {
    ChannelOptions options;
    options.now = [this] { return now_; };
    server_ = std::make_unique<ChannelServer>(SlackConfig(), options);
  }
  httplib::Result Post(const std::string& body, const std::string& ts, const std::string& sig,
                       const char* type = "application/x-www-form-urlencoded") {
    httplib::Headers headers;
    if (!ts.empty()) headers.emplace("X-Slack-Request-Timestamp", ts);
    if (!sig.empty()) headers.emplace("X-Slack-Signature", sig);
    return server_->client().Post("/webhooks/slack/command", headers, body, type);
  }
  // Signs `body` now with the vector's secret, as Slack would.
  httplib::Result PostSigned(const std::string& body,
                             const char* type = "application/x-www-form-urlencoded") {
    std::string ts = std::to_string(now_);
    return Post(body, ts, SlackSignature(Vector()["signing_secret"].get<std::string>(), ts, body),
                type);
  }
  json Ephemeral(const httplib::Result& res) {
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    json j = json::parse(res->body);
    EXPECT_EQ(j["response_type"], "ephemeral");
    EXPECT_EQ(j.size(), 2u);
    return j;
  }
  static std::string Command(const std::string& text, const std::string& user = "U2CERLKJA") {
    return "token=x&team_id=T1DC2JH3J&team_domain=t&channel_id=C1&channel_name=c&user_id=" + user +
           "&user_name=u&command=%2Ffaq&text=" + testing::FormEncode(text) +
           "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&trigger_id=1.2.3";
  }
  int64_t now_ = Vector()["expected_valid_when_now_is"];
  std::unique_ptr<ChannelServer> server_;
};

TEST_F(SlackTest, TheVectorIsAcceptedAsSentAndItsEmptyTextGetsHelp) {
  json v = Vector();
  json j = Ephemeral(Post(v["body"], v["X-Slack-Request-Timestamp"], v["X-Slack-Signature"]));
  std::string text = j["text"];
  EXPECT_NE(text.find("/webhook-collect What are the symptoms"), std::string::npos) << text;
  EXPECT_EQ(server_->sessions(), 0u);
}

TEST_F(SlackTest, TheVectorIsRefusedWhenStaleOrChanged) {
  json v = Vector();
  const std::string body = v["body"], ts = v["X-Slack-Request-Timestamp"],
                    sig = v["X-Slack-Signature"];
  struct Case {
    const char* why;
    int64_t now;
    std::string body, ts, sig;
  };
  int64_t at = v["expected_valid_when_now_is"];
  std::vector<Case> cases = {
      {"six minutes later", at + 301, body, ts, sig},
      {"six minutes early", at - 301, body, ts, sig},
      {"body changed", at, body + "------", ts, sig},
      {"no timestamp", at, body, "", sig},
      {"no signature", at, body, ts, ""},
      {"other timestamp", at, body, std::to_string(at + 1), sig},
  };
  for (const auto& c : cases) {
    now_ = c.now;
    auto res = Post(c.body, c.ts, c.sig);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << c.why;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "unauthorized") << c.why;
  }
  EXPECT_EQ(server_->sessions(), 0u);
}

TEST_F(SlackTest, CarriesTheWholeReply) {
  testing::ExpectVariedReplies(server_.get());
  int n = 0;
  for (const auto& q : testing::VariedMessages()) {
    SCOPED_TRACE(q);
    dialogue::Reply ref = server_->Reference(q);
    json j = Ephemeral(PostSigned(Command(q, "U" + std::to_string(++n))));
    std::string raw = j["text"];
    EXPECT_EQ(raw.find('<'), std::string::npos) << "no Slack markup injected";
    std::string text = Unescape(raw);
    for (const auto& piece : testing::ReplyPieces(ref)) {
      EXPECT_NE(text.find(piece), std::string::npos) << "missing: " << piece;
    }
    for (const auto& s : ref.suggestions) EXPECT_NE(text.find(s), std::string::npos) << s;
  }
}

TEST_F(SlackTest, BadCommandsAfterAValidSignature) {
  json j = Ephemeral(PostSigned(Command(std::string(301, 'x'))));
  EXPECT_NE(j["text"].get<std::string>().find("too long"), std::string::npos);
  EXPECT_EQ(server_->sessions(), 0u);
  auto res = PostSigned("team_id=T1&text=hi");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "missing_field");
  res = PostSigned("user_id=U1&text=%zz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "invalid_form");
  // A command name that is not UTF-8 cannot be echoed into the JSON reply.
  j = Ephemeral(PostSigned("user_id=U1&command=%FF&text="));
  EXPECT_NE(j["text"].get<std::string>().find("/faq What are the symptoms"), std::string::npos);
  j = Ephemeral(PostSigned("user_id=U1&command=%2Ffaq&text=%FF"));
  EXPECT_NE(j["text"].get<std::string>().find("plain text"), std::string::npos);
  res = PostSigned(R"({"user_id":"U1","text":"hi"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
  EXPECT_EQ(server_->sessions(), 0u);
}

TEST_F(SlackTest, SslChecksGetAPlain200) {
  auto res = PostSigned("ssl_check=1&token=x");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "");
  res = Post("ssl_check=1&token=x", std::to_string(now_), "v0=00");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401) << "only when signed";
  EXPECT_EQ(server_->sessions(), 0u);
}

TEST(SlackResponseTest, RendersEveryPartOfTheReplyEscaped) {
  for (auto type : testing::RenderedTypes()) {
    dialogue::Reply r = testing::FullReply(type);
    json j = SlackResponse(r);
    EXPECT_EQ(j["response_type"], "ephemeral");
    std::string raw = j["text"];
    EXPECT_EQ(raw.find('<'), std::string::npos);
    EXPECT_NE(raw.find("Lead-in &lt;line&gt; &amp; \"quotes\"."), std::string::npos);
    testing::ExpectCarries(Unescape(raw), r);
    EXPECT_NE(raw.find("How are bone metastases treated?"), std::string::npos);
  }
}

TEST(SlackUnconfiguredTest, Refuses) {
  ChannelServer server(testing::TestConfig());
  json v = Vector();
  auto res =
      server.client().Post("/webhooks/slack/command",
                           {{"X-Slack-Request-Timestamp", v["X-Slack-Request-Timestamp"]},
                            {"X-Slack-Signature", v["X-Slack-Signature"]}},
                           v["body"].get<std::string>(), "application/x-www-form-urlencoded");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_configured");
}

}  // namespace
}  // namespace faqbot::server::channels
