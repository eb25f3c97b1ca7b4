// POST /webhooks/rest/webhook against the Rasa REST shapes in
// ../shared/eval/external/rasa_rest_examples.json.
#include "server/channels/rasa.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/server/channels/channel_server.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;
using testing::ChannelServer;

json RasaExamples() {
  return testing::ReadJsonFile(testing::ExternalDir() + "/rasa_rest_examples.json")["rest_channel"];
}

class RasaTest : public ::testing::Test {
 protected:
  httplib::Result Post(const std::string& body, const std::string& path = "/webhooks/rest/webhook",
                       const char* type = "application/json") {
    return server_.client().Post(path, body, type);
  }
  json PostOk(const std::string& sender, const std::string& message) {
    auto res = Post(json{{"sender", sender}, {"message", message}}.dump());
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    return json::parse(res->body);
  }
  ChannelServer server_{testing::TestConfig()};
};

TEST_F(RasaTest, AnswersTheDocumentedRequests) {
  json examples = RasaExamples()["request_examples"];
  ASSERT_EQ(examples.size(), 2u);
  for (const auto& ex : examples) {
    std::string path = "/webhooks/rest/webhook";
    if (ex.contains("url")) {
      std::string url = ex["url"];
      path = url.substr(url.find("/webhooks"));  // keeps "?stream=true"
    }
    auto res = Post(ex["body"].dump(), path);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    json messages = json::parse(res->body);
    ASSERT_TRUE(messages.is_array());
    ASSERT_FALSE(messages.empty());
    for (const auto& m : messages) {
      EXPECT_EQ(m["recipient_id"], ex["body"]["sender"]);
      EXPECT_TRUE(m["text"].is_string() && !m["text"].get<std::string>().empty());
    }
  }
}

TEST_F(RasaTest, MessagesUseOnlyRasaFields) {
  std::set<std::string> rasa_keys = {"buttons"};
  const json examples = RasaExamples()["response_examples"];
  for (const auto& ex : examples) {
    for (const auto& m : ex["body"]) {
      for (const auto& [k, v] : m.items()) rasa_keys.insert(k);
    }
  }
  ASSERT_TRUE(rasa_keys.count("recipient_id") && rasa_keys.count("text"));
  for (const auto& q : testing::VariedMessages()) {
    for (const auto& m : PostOk("shape", q)) {
      ASSERT_TRUE(m.contains("recipient_id"));
      for (const auto& [k, v] : m.items()) EXPECT_TRUE(rasa_keys.count(k)) << k;
      if (m.contains("buttons")) {
        for (const auto& b : m["buttons"]) {
          EXPECT_EQ(b.size(), 2u);
          EXPECT_EQ(b["title"], b["payload"]) << "a button sends its own question";
        }
      }
    }
  }
}

TEST_F(RasaTest, CarriesTheWholeReply) {
  testing::ExpectVariedReplies(&server_);
  int n = 0;
  for (const auto& q : testing::VariedMessages()) {
    SCOPED_TRACE(q);
    dialogue::Reply ref = server_.Reference(q);
    json messages = PostOk("whole-" + std::to_string(++n), q);
    std::string all;
    std::vector<std::string> buttons;
    for (const auto& m : messages) {
      all += m["text"].get<std::string>() + "\n";
      if (m.contains("buttons")) {
        for (const auto& b : m["buttons"]) buttons.push_back(b["title"]);
      }
    }
    for (const auto& piece : testing::ReplyPieces(ref)) {
      EXPECT_NE(all.find(piece), std::string::npos) << "missing: " << piece;
    }
    EXPECT_EQ(buttons, ref.suggestions);
    if (ref.type == dialogue::ReplyType::kClarify) {
      EXPECT_TRUE(messages.back().contains("buttons")) << "options under the question";
    }
  }
}

TEST(RasaMessagesTest, RenderEveryPartOfTheReply) {
  for (auto type : testing::RenderedTypes()) {
    dialogue::Reply r = testing::FullReply(type);
    json messages = RasaMessages("u1", r);
    std::string all;
    std::vector<std::string> buttons;
    for (const auto& m : messages) {
      EXPECT_EQ(m["recipient_id"], "u1");
      all += m["text"].get<std::string>() + "\n";
      if (m.contains("buttons")) {
        for (const auto& b : m["buttons"]) buttons.push_back(b["payload"]);
      }
    }
    testing::ExpectCarries(all, r);
    EXPECT_EQ(buttons, r.suggestions);
    if (type == dialogue::ReplyType::kClarify) {
      EXPECT_EQ(messages[1]["text"], "Second paragraph: it's here.\n- Option one?");
      EXPECT_TRUE(messages[1].contains("buttons")) << "options under the question";
    } else {
      EXPECT_EQ(messages.back()["text"], "You could also ask:");
    }
  }
}

TEST_F(RasaTest, ParagraphsAreSeparateMessagesLikeRasa) {
  dialogue::Reply r;
  r.text = "This message should come first:  \n\nThis is message two  \nThis as well\n\n";
  json messages = RasaMessages("my-sender", r);
  json expected = RasaExamples()["response_examples"][1]["body"];
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0], expected[1]);
  EXPECT_EQ(messages[1], expected[2]);
}

TEST_F(RasaTest, BadRequestsGetRasaErrorsAndReachNoEngine) {
  struct Case {
    std::string body;
    const char* type;
    int status;
    const char* code;
  };
  std::vector<Case> cases = {
      {"{not json", "application/json", 400, "invalid_json"},
      {"[1,2]", "application/json", 400, "invalid_json"},
      {R"({"message":"hi"})", "application/json", 400, "missing_field"},
      {R"({"sender":"a"})", "application/json", 400, "missing_field"},
      {R"({"sender":7,"message":"hi"})", "application/json", 400, "invalid_field"},
      {R"({"sender":"","message":"hi"})", "application/json", 400, "invalid_field"},
      {R"({"sender":"a","message":"   "})", "application/json", 400, "empty_message"},
      {R"({"sender":"a","message":")" + std::string(301, 'x') + "\"}", "application/json", 400,
       "message_too_long"},
      {R"({"sender":"a","message":"hi"})", "text/plain", 415, "unsupported_media_type"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body.substr(0, 40));
    auto res = Post(c.body, "/webhooks/rest/webhook", c.type);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, c.status);
    json j = json::parse(res->body);
    EXPECT_EQ(j["status"], "failure");
    EXPECT_EQ(j["code"], c.status);
    EXPECT_TRUE(j["message"].is_string());
    EXPECT_EQ(j["error"]["code"], c.code);
  }
  EXPECT_EQ(server_.sessions(), 0u);
}

TEST(RasaNotReadyTest, Answers503) {
  ChannelServer server(testing::TestConfig(), {}, /*loaded=*/false);
  auto res = server.client().Post("/webhooks/rest/webhook", R"({"sender":"a","message":"hi"})",
                                  "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_ready");
}

}  // namespace
}  // namespace faqbot::server::channels
