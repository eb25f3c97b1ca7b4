// POST /webhooks/telegram with the real Updates in
// ../shared/eval/external/telegram_updates.jsonl.
#include "server/channels/telegram.h"

#include <gtest/gtest.h>

#include "common/text.h"
#include "tests/server/channels/channel_server.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;
using testing::ChannelServer;

constexpr const char* kSecret = "s3cret-Token_1";

ServerConfig TelegramConfig() {
  ServerConfig config = testing::TestConfig();
  config.telegram_secret = kSecret;
  return config;
}

json PrivateText(int64_t update_id, int64_t chat_id, const std::string& text) {
  return {{"update_id", update_id},
          {"message",
           {{"message_id", 1},
            {"from", {{"id", chat_id}, {"is_bot", false}, {"first_name", "A"}}},
            {"chat", {{"id", chat_id}, {"first_name", "A"}, {"type", "private"}}},
            {"date", 1700000000},
            {"text", text}}}};
}

class TelegramTest : public ::testing::Test {
 protected:
  httplib::Result Post(const std::string& body, const char* secret = kSecret,
                       const char* type = "application/json") {
    httplib::Headers headers;
    if (secret) headers.emplace("X-Telegram-Bot-Api-Secret-Token", secret);
    return server_.client().Post("/webhooks/telegram", headers, body, type);
  }
  // The sendMessage call answering `update`, or null when the body is empty.
  json Answer(const json& update) {
    auto res = Post(update.dump());
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return res->body.empty() ? json() : json::parse(res->body);
  }
  ChannelServer server_{TelegramConfig()};
};

TEST_F(TelegramTest, EveryRealUpdateGets200AndOnlyTextMessagesAreAnswered) {
  auto updates = testing::ReadJsonLines(testing::ExternalDir() + "/telegram_updates.jsonl");
  ASSERT_EQ(updates.size(), 15u);
  int answered = 0;
  bool unknown_kind = false;
  for (const auto& u : updates) {
    SCOPED_TRACE(u["id"].get<std::string>());
    unknown_kind |= u["update_kind"] == "new_update_kind";
    json call = Answer(u["update"]);
    const json& m = u["update"].value("message", json());
    bool new_text = m.is_object() && m.contains("text") && m["text"] != "/report";
    if (!new_text) {
      EXPECT_TRUE(call.is_null()) << call;
      continue;
    }
    ++answered;
    ASSERT_TRUE(call.is_object());
    EXPECT_EQ(call["method"], "sendMessage");
    EXPECT_EQ(call["chat_id"], m["chat"]["id"]);
    EXPECT_FALSE(call["text"].get<std::string>().empty());
    EXPECT_TRUE(call["reply_markup"].is_object());
  }
  EXPECT_TRUE(unknown_kind) << "the vectors include an unknown update kind";
  EXPECT_EQ(answered, 2) << "tg-00 'hello there' and tg-03 '4'";
  EXPECT_EQ(server_.sessions(), 2u);
  // Telegram redelivers when it sees no answer in time; the repeat is not answered again.
  EXPECT_TRUE(Answer(updates[0]["update"]).is_null());
  EXPECT_EQ(server_.sessions(), 2u);
}

TEST_F(TelegramTest, CarriesTheWholeReply) {
  testing::ExpectVariedReplies(&server_);
  int64_t id = 100;
  for (const auto& q : testing::VariedMessages()) {
    SCOPED_TRACE(q);
    dialogue::Reply ref = server_.Reference(q);
    ++id;
    json call = Answer(PrivateText(id, 5000 + id, q));
    ASSERT_TRUE(call.is_object());
    std::string text = call["text"];
    EXPECT_LE(text::Utf8Length(text), 4096u);
    for (const auto& piece : testing::ReplyPieces(ref)) {
      EXPECT_NE(text.find(piece), std::string::npos) << "missing: " << piece;
    }
    const json& markup = call["reply_markup"];
    if (ref.suggestions.empty()) {
      EXPECT_EQ(markup, json({{"remove_keyboard", true}}));
      continue;
    }
    std::vector<std::string> keys;
    for (const auto& row : markup["keyboard"]) {
      for (const auto& button : row) keys.push_back(button["text"]);
    }
    EXPECT_EQ(keys, ref.suggestions);
    EXPECT_EQ(markup["one_time_keyboard"], true);
  }
}

TEST_F(TelegramTest, CommandsAskTheirQuestion) {
  json start = Answer(PrivateText(1, 42, "/start"));
  ASSERT_TRUE(start.is_object());
  EXPECT_EQ(start["text"].get<std::string>().find(server_.Reference("What can you do?").text), 0u);
  json ask = Answer(PrivateText(2, 43, "/ask@faqbot_bot what is a biopsy"));
  ASSERT_TRUE(ask.is_object());
  EXPECT_EQ(ask["text"].get<std::string>().find(server_.Reference("what is a biopsy").text), 0u);
  EXPECT_TRUE(Answer(PrivateText(3, 44, "/settings")).is_null());
}

TEST_F(TelegramTest, GroupMembersHaveTheirOwnConversationAndTopicsAreKept) {
  json update = PrivateText(7, -100123, "hello");
  update["message"]["chat"] = {{"id", -100123}, {"type", "supergroup"}, {"title", "G"}};
  update["message"]["message_thread_id"] = 55;
  json call = Answer(update);
  ASSERT_TRUE(call.is_object());
  EXPECT_EQ(call["chat_id"], -100123);
  EXPECT_EQ(call["message_thread_id"], 55);
  update["update_id"] = 8;
  update["message"]["from"]["id"] = 6001;
  Answer(update);
  EXPECT_EQ(server_.sessions(), 2u);
}

TEST_F(TelegramTest, AWrongOrMissingSecretIsRefusedBeforeAnything) {
  json update = PrivateText(9, 42, "What are the symptoms of bone metastases?");
  for (const char* secret : {static_cast<const char*>(nullptr), "", "s3cret-Token_",
                             "S3CRET-TOKEN_1", "s3cret-Token_1x"}) {
    auto res = Post(update.dump(), secret);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "forbidden");
  }
  EXPECT_EQ(server_.sessions(), 0u);
  EXPECT_EQ(server_.log().find("reply_type"), std::string::npos) << "no engine reply was noted";
  EXPECT_EQ(server_.log().find(kSecret), std::string::npos);
  // The refusals did not use up the update_id: the real delivery is answered.
  EXPECT_TRUE(Answer(update).is_object());
}

TEST(TelegramUnconfiguredTest, RefusesEverything) {
  ChannelServer server(testing::TestConfig());
  httplib::Headers headers = {{"X-Telegram-Bot-Api-Secret-Token", ""}};
  auto res = server.client().Post("/webhooks/telegram", headers, PrivateText(1, 1, "hi").dump(),
                                  "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_configured");
  EXPECT_EQ(server.sessions(), 0u);
}

TEST_F(TelegramTest, BadUpdatesAreRefusedAndBadMessagesExplained) {
  for (const char* bad : {"{not json", "[]", R"({"message":{}})", R"({"update_id":"7"})"}) {
    auto res = Post(bad);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << bad;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], "invalid_json");
  }
  auto res = Post(PrivateText(1, 1, "hi").dump(), kSecret, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
  // A message with a wrong-typed field is not a text message: acknowledged, not answered.
  json odd = PrivateText(2, 1, "hi");
  odd["message"]["chat"]["id"] = "1";
  EXPECT_TRUE(Answer(odd).is_null());
  json call = Answer(PrivateText(3, 1, std::string(301, 'x')));
  ASSERT_TRUE(call.is_object());
  EXPECT_NE(call["text"].get<std::string>().find("too long"), std::string::npos);
  EXPECT_EQ(server_.sessions(), 0u) << "the engine was not asked";
}

TEST(TelegramNotReadyTest, Answers503AndTheRetryIsAnswered) {
  ChannelServer server(TelegramConfig(), {}, /*loaded=*/false);
  httplib::Headers headers = {{"X-Telegram-Bot-Api-Secret-Token", kSecret}};
  std::string body = PrivateText(77, 42, "hello").dump();
  auto res = server.client().Post("/webhooks/telegram", headers, body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  server.engine().SetKnowledge(faqbot::testing::SharedKnowledge());
  res = server.client().Post("/webhooks/telegram", headers, body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["method"], "sendMessage");
}

TEST(TelegramSendMessageTest, RendersEveryPartOfTheReply) {
  for (auto type : testing::RenderedTypes()) {
    dialogue::Reply r = testing::FullReply(type);
    json call = TelegramSendMessage(-100, r);
    EXPECT_EQ(call["chat_id"], -100);
    testing::ExpectCarries(call["text"], r);
    EXPECT_FALSE(call.contains("parse_mode")) << "plain text: nothing to escape";
    EXPECT_EQ(
        call["reply_markup"]["keyboard"],
        json::parse(R"([[{"text":"Option one?"}],[{"text":"How are bone metastases treated?"}]])"));
  }
}

TEST(TelegramSendMessageTest, LongRepliesAreShortenedKeepingContacts) {
  dialogue::Reply r;
  r.type = dialogue::ReplyType::kAnswer;
  r.text = std::string(6000, 'a');
  r.disclaimer = "Not medical advice.";
  r.safety = dialogue::SafetyInfo{"x", {{"Emergency services", "911", "", ""}}};
  json call = TelegramSendMessage(7, r);
  std::string text = call["text"];
  EXPECT_LE(text::Utf8Length(text), kTelegramMaxChars);
  EXPECT_NE(text.find("Emergency services: 911"), std::string::npos);
  EXPECT_NE(text.find("Not medical advice."), std::string::npos);
}

}  // namespace
}  // namespace faqbot::server::channels
