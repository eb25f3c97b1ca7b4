// /v3/directline/... as botframework-webchat (DirectLineJS, webSocket: false)
// calls it: start, poll with an empty watermark, post, poll, refresh.
#include "server/channels/directline.h"

#include <gtest/gtest.h>

#include "tests/server/channels/channel_server.h"

namespace faqbot::server::channels {
namespace {

using nlohmann::json;
using testing::ChannelServer;

constexpr const char* kSecret = "directline-secret-0123456789";
const std::string kBase = "/v3/directline";

ServerConfig DirectLineConfig() {
  ServerConfig config = testing::TestConfig();
  config.directline_secret = kSecret;
  return config;
}

httplib::Headers Auth(const std::string& bearer) {
  return {{"Authorization", "Bearer " + bearer}, {"x-ms-bot-agent", "DirectLine/3.0 (test)"}};
}

// An activity as DirectLineJS posts it.
json UserMessage(const std::string& text, const std::string& client_id = "c-1") {
  return {{"type", "message"},
          {"from", {{"id", "dl_user_1"}, {"name", "user"}}},
          {"text", text},
          {"textFormat", "plain"},
          {"locale", "en-US"},
          {"timestamp", "2024-01-01T00:00:00.000Z"},
          {"channelData", {{"clientActivityID", client_id}, {"clientTimestamp", "2024"}}},
          {"entities", json::array()}};
}

class DirectLineTest : public ::testing::Test {
 protected:
  DirectLineTest() {
    ChannelOptions options;
    options.now = [this] { return now_; };
    options.directline_store = store_;
    server_ = std::make_unique<ChannelServer>(DirectLineConfig(), options);
  }
  httplib::Client& client() { return server_->client(); }
  // Starts a conversation with the secret: {conversationId, token, expires_in}.
  json Start() {
    auto res = client().Post(kBase + "/conversations", Auth(kSecret), "", "application/json");
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 201) << res->body;
    return json::parse(res->body);
  }
  httplib::Result PostActivity(const std::string& id, const std::string& bearer, const json& a) {
    return client().Post(kBase + "/conversations/" + id + "/activities", Auth(bearer), a.dump(),
                         "application/json");
  }
  httplib::Result Poll(const std::string& id, const std::string& bearer,
                       const std::string& watermark) {
    return client().Get(kBase + "/conversations/" + id + "/activities?watermark=" + watermark,
                        Auth(bearer));
  }
  json PollOk(const std::string& id, const std::string& bearer, const std::string& watermark) {
    auto res = Poll(id, bearer, watermark);
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }

  int64_t now_ = 1700000000;
  std::shared_ptr<DirectLineStore> store_ =
      std::make_shared<DirectLineStore>(DirectLineStoreOptions{});
  std::unique_ptr<ChannelServer> server_;
};

TEST_F(DirectLineTest, TheWebchatPollingFlow) {
  json conv = Start();
  std::string id = conv["conversationId"], token = conv["token"];
  EXPECT_EQ(conv["expires_in"], 1800);
  json first = PollOk(id, token, "");
  EXPECT_EQ(first, json({{"activities", json::array()}, {"watermark", "0"}}));

  std::string q = "What are the symptoms of bone metastases?";
  auto res = PostActivity(id, token, UserMessage(q, "client-42"));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  std::string posted_id = json::parse(res->body)["id"];

  json page = PollOk(id, token, first["watermark"]);
  ASSERT_EQ(page["activities"].size(), 2u);
  const json& echo = page["activities"][0];
  EXPECT_EQ(echo["id"], posted_id);
  EXPECT_EQ(echo["text"], q);
  EXPECT_EQ(echo["channelData"]["clientActivityID"], "client-42") << "webchat matches its echo";
  EXPECT_EQ(echo["from"]["id"], "dl_user_1");
  EXPECT_EQ(echo["conversation"]["id"], id);
  const json& bot = page["activities"][1];
  EXPECT_EQ(bot["type"], "message");
  EXPECT_EQ(bot["from"]["role"], "bot");
  EXPECT_EQ(bot["replyToId"], posted_id);
  EXPECT_NE(bot["id"], posted_id);
  EXPECT_EQ(page["watermark"], "2");
  EXPECT_TRUE(PollOk(id, token, "2")["activities"].empty());
}

TEST_F(DirectLineTest, CarriesTheWholeReply) {
  testing::ExpectVariedReplies(server_.get());
  for (const auto& q : testing::VariedMessages()) {
    SCOPED_TRACE(q);
    dialogue::Reply ref = server_->Reference(q);
    json conv = Start();
    ASSERT_EQ(PostActivity(conv["conversationId"], conv["token"], UserMessage(q))->status, 200);
    json bot = PollOk(conv["conversationId"], conv["token"], "0")["activities"][1];
    std::string text = bot["text"];
    for (const auto& piece : testing::ReplyPieces(ref)) {
      EXPECT_NE(text.find(piece), std::string::npos) << "missing: " << piece;
    }
    std::vector<std::string> actions;
    for (const auto& a :
         bot.value("suggestedActions", json::object()).value("actions", json::array())) {
      EXPECT_EQ(a["type"], "imBack");
      EXPECT_EQ(a["title"], a["value"]);
      actions.push_back(a["value"]);
    }
    EXPECT_EQ(actions, ref.suggestions);
    EXPECT_EQ(bot["channelData"]["faqbot"]["type"], dialogue::ReplyTypeName(ref.type));
  }
}

TEST_F(DirectLineTest, ATokenOpensOnlyItsOwnConversation) {
  json a = Start(), b = Start();
  std::string b_id = b["conversationId"];
  auto res = PostActivity(b_id, a["token"], UserMessage("hello"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "Forbidden");
  res = Poll(b_id, a["token"], "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_TRUE(PollOk(b_id, kSecret, "")["activities"].empty()) << "the secret opens any";
  EXPECT_EQ(server_->sessions(), 0u);
}

TEST_F(DirectLineTest, TokensExpireAndRefresh) {
  json conv = Start();
  std::string id = conv["conversationId"];
  now_ += 1000;
  auto res = client().Post(kBase + "/tokens/refresh", Auth(conv["token"]), "", "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json refreshed = json::parse(res->body);
  EXPECT_EQ(refreshed["conversationId"], id);
  EXPECT_NE(refreshed["token"], conv["token"]);
  now_ += 1000;  // the first token is now 2000 s old, the refreshed one 1000 s
  res = Poll(id, conv["token"], "");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "TokenExpired");
  PollOk(id, refreshed["token"], "");
  res = client().Post(kBase + "/tokens/refresh", Auth(kSecret), "", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << "refreshing needs a token";
}

TEST_F(DirectLineTest, GeneratedTokensStartTheirConversation) {
  auto res = client().Post(kBase + "/tokens/generate", Auth(kSecret), "", "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  json generated = json::parse(res->body);
  EXPECT_EQ(store_->size(), 0u) << "nothing is kept until the conversation starts";
  res = client().Post(kBase + "/conversations", Auth(generated["token"]), "", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201);
  EXPECT_EQ(json::parse(res->body)["conversationId"], generated["conversationId"]);
  res = client().Post(kBase + "/conversations", Auth(generated["token"]), "", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << "it exists already";
  res = client().Post(kBase + "/tokens/generate", Auth(generated["token"]), "", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403) << "a token cannot mint tokens";
  EXPECT_EQ(store_->size(), 1u);
}

TEST_F(DirectLineTest, AWrongOrMissingSecretIsRefusedEverywhere) {
  json conv = Start();
  std::string id = conv["conversationId"];
  size_t conversations = store_->size();
  std::string fake = std::string(conv["token"]).substr(0, 40) + std::string(64, '0');
  for (const std::string& bearer :
       {std::string(""), std::string("wrong"), fake, std::string(kSecret) + "x"}) {
    httplib::Headers headers = bearer.empty() ? httplib::Headers{} : Auth(bearer);
    std::vector<httplib::Result> results;
    results.push_back(client().Post(kBase + "/conversations", headers, "", "application/json"));
    results.push_back(client().Post(kBase + "/tokens/generate", headers, "", "application/json"));
    results.push_back(client().Post(kBase + "/tokens/refresh", headers, "", "application/json"));
    results.push_back(client().Post(kBase + "/conversations/" + id + "/activities", headers,
                                    UserMessage("hello").dump(), "application/json"));
    results.push_back(client().Get(kBase + "/conversations/" + id + "/activities", headers));
    for (auto& res : results) {
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 403) << bearer << " " << res->body;
      EXPECT_TRUE(json::parse(res->body)["error"]["code"].is_string());
    }
  }
  EXPECT_EQ(store_->size(), conversations);
  EXPECT_TRUE(PollOk(id, kSecret, "")["activities"].empty());
  EXPECT_EQ(server_->sessions(), 0u);
  EXPECT_EQ(server_->log().find(kSecret), std::string::npos);
}

TEST_F(DirectLineTest, BadActivitiesGetDirectLineErrors) {
  json conv = Start();
  std::string id = conv["conversationId"], token = conv["token"];
  struct Case {
    std::string body;
    int status;
    const char* code;
  };
  for (const auto& c :
       std::vector<Case>{{"{not json", 400, "BadSyntax"},
                         {"[1]", 400, "BadSyntax"},
                         {R"({"text":"hi"})", 400, "MissingProperty"},
                         {R"({"type":"message","text":5})", 400, "BadArgument"},
                         {R"({"type":"message","text":["hi"]})", 400, "BadArgument"}}) {
    auto res = client().Post(kBase + "/conversations/" + id + "/activities", Auth(token), c.body,
                             "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, c.status) << c.body;
    EXPECT_EQ(json::parse(res->body)["error"]["code"], c.code) << c.body;
  }
  auto res = Poll(id, token, "abc");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = PostActivity("NoSuchConversation000000", kSecret, UserMessage("hi"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "NotFound");
  EXPECT_EQ(Poll("NoSuchConversation000000", kSecret, "")->status, 404);
  EXPECT_TRUE(PollOk(id, token, "")["activities"].empty()) << "nothing half-stored";

  // A message too long for the engine is answered with what to do, not asked.
  ASSERT_EQ(PostActivity(id, token, UserMessage(std::string(301, 'x')))->status, 200);
  json page = PollOk(id, token, "");
  ASSERT_EQ(page["activities"].size(), 2u);
  EXPECT_NE(page["activities"][1]["text"].get<std::string>().find("too long"), std::string::npos);
  // Other activity kinds are echoed and not answered.
  ASSERT_EQ(PostActivity(id, token, {{"type", "typing"}, {"from", {{"id", "u"}}}})->status, 200);
  EXPECT_EQ(PollOk(id, token, page["watermark"])["activities"].size(), 1u);
  EXPECT_EQ(server_->sessions(), 0u);
}

TEST(DirectLineNotReadyTest, StoresNothingWhenTheEngineCannotAnswer) {
  auto store = std::make_shared<DirectLineStore>(DirectLineStoreOptions{});
  ChannelOptions options;
  options.directline_store = store;
  ChannelServer server(DirectLineConfig(), options, /*loaded=*/false);
  auto res = server.client().Post(kBase + "/conversations", Auth(kSecret), "", "application/json");
  ASSERT_TRUE(res);
  std::string id = json::parse(res->body)["conversationId"];
  res = server.client().Post(kBase + "/conversations/" + id + "/activities", Auth(kSecret),
                             UserMessage("hello").dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "ServiceUnavailable");
  EXPECT_TRUE(store->Since(id, 0)->activities.empty());
}

TEST(DirectLineReplyTest, RendersEveryPartOfTheReply) {
  for (auto type : testing::RenderedTypes()) {
    dialogue::Reply r = testing::FullReply(type);
    json a = DirectLineReply("conv", r);
    EXPECT_EQ(a["type"], "message");
    EXPECT_EQ(a["textFormat"], "plain");
    EXPECT_EQ(a["conversation"]["id"], "conv");
    testing::ExpectCarries(a["text"], r);
    ASSERT_EQ(a["suggestedActions"]["actions"].size(), 2u);
    EXPECT_EQ(a["suggestedActions"]["actions"][1],
              json({{"type", "imBack"},
                    {"title", "How are bone metastases treated?"},
                    {"value", "How are bone metastases treated?"}}));
    EXPECT_EQ(a["channelData"]["faqbot"]["safety"]["rule"], "mscc");
  }
}

TEST(DirectLineUnconfiguredTest, Refuses) {
  ChannelServer server(testing::TestConfig());
  auto res = server.client().Post(kBase + "/conversations", Auth(""), "", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(json::parse(res->body)["error"]["code"], "not_configured");
}

}  // namespace
}  // namespace faqbot::server::channels
