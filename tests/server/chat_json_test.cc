#include "server/chat_json.h"

#include <gtest/gtest.h>

namespace faqbot::server {
namespace {

std::string Code(const std::string& body, size_t limit = 2000) {
  auto r = ParseChatRequest(body, {limit});
  if (auto* e = std::get_if<ApiError>(&r)) {
    EXPECT_EQ(e->status, 400);
    return e->code;
  }
  return "ok";
}

TEST(ChatJsonTest, AcceptsAValidRequest) {
  auto r = ParseChatRequest(
      R"({"session_id":"abc-1.2:x_y","message":"  hi  ","locale":"en-GB","channel":"web","metadata":{"k":1}})",
      {});
  ASSERT_TRUE(std::holds_alternative<ChatRequest>(r));
  EXPECT_EQ(std::get<ChatRequest>(r).message, "hi");
  EXPECT_EQ(std::get<ChatRequest>(r).locale, "en-GB");
}

TEST(ChatJsonTest, NamesEachProblem) {
  EXPECT_EQ(Code("{"), "invalid_json");
  EXPECT_EQ(Code("[1,2]"), "invalid_json");
  EXPECT_EQ(Code("\"text\""), "invalid_json");
  EXPECT_EQ(Code("{\"session_id\":\"a\",\"message\":\"\xff\"}"), "invalid_json");
  EXPECT_EQ(Code(R"({"message":"hi"})"), "missing_field");
  EXPECT_EQ(Code(R"({"session_id":"a"})"), "missing_field");
  EXPECT_EQ(Code(R"({"session_id":null,"message":"hi"})"), "missing_field");
  EXPECT_EQ(Code(R"({"session_id":1,"message":"hi"})"), "invalid_field");
  EXPECT_EQ(Code(R"({"session_id":"a","message":["hi"]})"), "invalid_field");
  EXPECT_EQ(Code(R"({"session_id":"has space","message":"hi"})"), "invalid_field");
  EXPECT_EQ(Code(R"({"session_id":"","message":"hi"})"), "invalid_field");
  EXPECT_EQ(Code(R"({"session_id":")" + std::string(129, 'a') + R"(","message":"hi"})"),
            "invalid_field");
  EXPECT_EQ(Code(R"({"session_id":"a","message":"hi","locale":5})"), "invalid_field");
  EXPECT_EQ(Code(R"({"session_id":"a","message":"hi","metadata":"x"})"), "invalid_field");
  EXPECT_EQ(Code(R"({"session_id":"a","message":"   "})"), "empty_message");
  EXPECT_EQ(Code(R"({"session_id":"a","message":"12345"})", 4), "message_too_long");
  EXPECT_EQ(Code(R"({"session_id":"a","message":"1234"})", 4), "ok");
}

TEST(ChatJsonTest, LengthIsCountedInCharactersNotBytes) {
  std::string four = "\u00e9\u00e9\u00e9\u00e9";  // 8 bytes
  EXPECT_EQ(Code(R"({"session_id":"a","message":")" + four + "\"}", 4), "ok");
}

TEST(ChatJsonTest, ReplyJsonFollowsTheContract) {
  dialogue::Reply r;
  r.session_id = "s";
  r.type = dialogue::ReplyType::kAnswer;
  r.text = "t";
  r.intent = dialogue::ScoredIntent{"a.b", 0.9};
  r.sources.push_back({"T", "P", "https://x", "S", "d#s-1", "q"});
  r.disclaimer = "d";
  r.corpus_version = "v";
  auto j = ReplyToJson(r);
  EXPECT_EQ(j["type"], "answer");
  EXPECT_EQ(j["intent"]["name"], "a.b");
  EXPECT_EQ(j["sources"][0]["quote"], "q");
  EXPECT_TRUE(j["safety"].is_null());
  EXPECT_TRUE(j["suggestions"].is_array());
  r.safety = dialogue::SafetyInfo{"mscc", {{"Emergency services", "999", "", ""}}};
  EXPECT_EQ(ReplyToJson(r)["safety"]["rule"], "mscc");
  EXPECT_EQ(ReplyToJson(r)["safety"]["contacts"][0]["phone"], "999");
}

}  // namespace
}  // namespace faqbot::server
