// POST /webhooks/dialogflow with Dialogflow ES WebhookRequests.
#include "server/channels/dialogflow.h"

#include <gtest/gtest.h>

#include "tests/server/channels/channel_server.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;
using testing::ChannelServer;

constexpr const char* kToken = "df-token-0123456789";

ServerConfig DialogflowConfig() {
  ServerConfig config = testing::TestConfig();
  config.dialogflow_token = kToken;
  return config;
}

// A WebhookRequest as Dialogflow ES sends it.
json Request(const std::string& session_id, const std::string& text) {
  return {{"responseId", "response-id"},
          {"session", "projects/project-id/agent/sessions/" + session_id},
          {"queryResult",
           {{"queryText", text},
            {"parameters", json::object()},
            {"allRequiredParamsPresent", true},
            {"fulfillmentText", ""},
            {"intent", {{"name", "projects/project-id/agent/intents/1"}, {"displayName", "faq"}}},
            {"intentDetectionConfidence", 1},
            {"languageCode", "en"}}},
          {"originalDetectIntentRequest", {{"payload", json::object()}}}};
}

class DialogflowTest : public ::testing::Test {
 protected:
  httplib::Result Post(const std::string& body, const std::string& auth,
                       const char* type = "application/json") {
    httplib::Headers headers;
    if (!auth.empty()) headers.emplace("Authorization", auth);
    return server_.client().Post("/webhooks/dialogflow", headers, body, type);
  }
  json Fulfil(const json& request) {
    auto res = Post(request.dump(), std::string("Bearer ") + kToken);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }
  ChannelServer server_{DialogflowConfig()};
};

TEST_F(DialogflowTest, CarriesTheWholeReply) {
  testing::ExpectVariedReplies(&server_);
  int n = 0;
  for (const auto& q : testing::VariedMessages()) {
    SCOPED_TRACE(q);
    dialogue::Reply ref = server_.Reference(q);
    std::string session = "s" + std::to_string(++n);
    json r = Fulfil(Request(session, q));
    std::string text = r["fulfillmentText"];
    std::string shown;
    std::vector<std::string> quick;
    for (const auto& m : r["fulfillmentMessages"]) {
      if (m.contains("text")) shown += m["text"]["text"][0].get<std::string>() + "\n";
      if (m.contains("quickReplies")) quick = m["quickReplies"]["quickReplies"];
    }
    for (const auto& piece : testing::ReplyPieces(ref)) {
      EXPECT_NE(text.find(piece), std::string::npos) << "fulfillmentText misses: " << piece;
      EXPECT_NE(shown.find(piece), std::string::npos) << "messages miss: " << piece;
    }
    EXPECT_EQ(quick, ref.suggestions);
    ASSERT_EQ(r["outputContexts"].size(), 1u);
    const json& context = r["outputContexts"][0];
    EXPECT_EQ(context["name"],
              "projects/project-id/agent/sessions/" + session + "/contexts/faqbot");
    EXPECT_EQ(context["parameters"]["reply_type"], dialogue::ReplyTypeName(ref.type));
    if (ref.safety) {
      EXPECT_EQ(context["parameters"]["safety_rule"], ref.safety->rule);
    }
    EXPECT_EQ(r["payload"]["faqbot"]["type"], dialogue::ReplyTypeName(ref.type));
    EXPECT_EQ(r["payload"]["faqbot"]["text"], ref.text);
  }
}

TEST_F(DialogflowTest, AWrongOrMissingTokenIsRefused) {
  std::string body = Request("x", "What are the symptoms of bone metastases?").dump();
  for (const std::string& auth :
       {std::string(""), std::string("Bearer"), std::string("Bearer "), std::string("Bearer wrong"),
        std::string("Basic ") + kToken, std::string("Bearer ") + kToken + "x"}) {
    auto res = Post(body, auth);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << auth;
    EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer");
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "unauthorized");
  }
  EXPECT_EQ(server_.sessions(), 0u);
  EXPECT_EQ(server_.log().find(kToken), std::string::npos);
}

TEST_F(DialogflowTest, BadRequestsAreRefusedAndBadQuestionsExplained) {
  std::string auth = std::string("Bearer ") + kToken;
  json no_session = Request("x", "hi");
  no_session.erase("session");
  json no_query = Request("x", "hi");
  no_query["queryResult"].erase("queryText");
  struct Case {
    std::string body;
    const char* code;
  };
  std::vector<Case> cases = {{"{not json", "invalid_json"},
                             {"[]", "invalid_json"},
                             {no_session.dump(), "missing_field"},
                             {no_query.dump(), "missing_field"}};
  for (const char* session : {"/", "x", "projects/p/agent/sessions/", "projects/p/agent/s1",
                              "projects/p/agent/sessions/s1/contexts/c"}) {
    json bad_session = Request("x", "hi");
    bad_session["session"] = session;
    cases.push_back({bad_session.dump(), "invalid_field"});
  }
  for (const auto& c : cases) {
    auto res = Post(c.body, auth);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << c.body;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], c.code) << c.body;
  }
  auto res = Post(Request("x", "hi").dump(), auth, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
  json r = Fulfil(Request("x", "   "));
  EXPECT_NE(r["fulfillmentText"].get<std::string>().find("text"), std::string::npos);
  r = Fulfil(Request("x", std::string(301, 'y')));
  EXPECT_NE(r["fulfillmentText"].get<std::string>().find("too long"), std::string::npos);
  EXPECT_EQ(server_.sessions(), 0u);
}

TEST_F(DialogflowTest, RegionalAndEnvironmentSessionsAreSessionsToo) {
  json request = Request("x", "hi");
  std::string session =
      "projects/p/locations/europe-west2/agent/environments/e/users/u/sessions/r1";
  request["session"] = session;
  EXPECT_EQ(Fulfil(request)["outputContexts"][0]["name"], session + "/contexts/faqbot");
  EXPECT_EQ(server_.sessions(), 1u);
}

TEST(DialogflowResponseTest, RendersEveryPartOfTheReply) {
  const std::string session = "projects/p/agent/sessions/s1";
  for (auto type : testing::RenderedTypes()) {
    dialogue::Reply r = testing::FullReply(type);
    json j = DialogflowResponse(session, r);
    testing::ExpectCarries(j["fulfillmentText"], r);
    std::string shown;
    json quick;
    for (const auto& m : j["fulfillmentMessages"]) {
      if (m.contains("text")) shown += m["text"]["text"][0].get<std::string>() + "\n";
      if (m.contains("quickReplies")) quick = m["quickReplies"]["quickReplies"];
    }
    testing::ExpectCarries(shown, r);
    EXPECT_EQ(quick, json(r.suggestions));
    EXPECT_EQ(j["outputContexts"][0]["name"], session + "/contexts/faqbot");
    EXPECT_EQ(j["outputContexts"][0]["parameters"]["safety_rule"], "mscc");
    EXPECT_EQ(j["outputContexts"][0]["parameters"]["intent"], "bone_mets.symptoms");
    EXPECT_EQ(j["payload"]["faqbot"]["safety"]["contacts"].size(), 3u);
  }
}

TEST(DialogflowUnconfiguredTest, Refuses) {
  ChannelServer server(testing::TestConfig());
  auto res = server.client().Post("/webhooks/dialogflow", {{"Authorization", "Bearer "}},
                                  Request("x", "hi").dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_configured");
  EXPECT_EQ(server.sessions(), 0u);
}

}  // namespace
}  // namespace faqbot::server::channels
