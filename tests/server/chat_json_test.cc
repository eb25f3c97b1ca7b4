#include "server/chat_json.h"

#include <gtest/gtest.h>

#include <vector>

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

// Strings dump() treats differently: quotes, backslashes, every escape,
// control characters, DEL, '/', non-ASCII and emoji.
const std::vector<std::string>& AwkwardStrings() {
  static const std::vector<std::string> strings = {
      "",
      "plain",
      "say \"hi\"",
      "C:\\path\\",
      "line\nbreak\r\n\ttab\b\f",
      std::string("nul\0byte", 8),
      "\x01\x02\x1b\x1f\x7f",
      "https://example.org/a/b?c=d&e=f#g",
      "caf\u00e9 \u2014 \u201cquoted\u201d",
      "emoji \U0001F9B4\U0001F49B",
      "<script>alert('x')</script>",
      std::string(400, 'q') + "\n" + std::string(10, '"'),
  };
  return strings;
}

dialogue::Reply FullReply(const std::string& s, double confidence) {
  dialogue::Reply r;
  r.session_id = "sess-" + s;
  r.type = dialogue::ReplyType::kCrisis;
  r.text = s;
  r.intent = dialogue::ScoredIntent{s, confidence};
  r.alternatives = {{"alt." + s, confidence / 3}, {"", 0}};
  r.sources = {{s, "NHS", "https://x/" + s, "S " + s, "d#" + s, "quote " + s},
               {"", "", "", "", "", ""}};
  r.disclaimer = s;
  r.referrals = {{s, "https://r", "support"}, {"", "", ""}};
  r.suggestions = {s, "", "What is " + s + "?"};
  r.safety = dialogue::SafetyInfo{
      s, {{"Emergency services", "999", "", ""}, {s, "", "https://c/" + s, s}, {"", "", "", ""}}};
  r.corpus_version = s;
  return r;
}

// The tree the reply text must match byte for byte once dumped: an
// independent construction, as ReplyToJson itself parses the text.
nlohmann::json TreeReference(const dialogue::Reply& r) {
  using nlohmann::json;
  auto NullIfEmpty = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  json j;
  j["session_id"] = r.session_id;
  j["type"] = dialogue::ReplyTypeName(r.type);
  j["text"] = r.text;
  j["intent"] = r.intent ? json{{"name", r.intent->name}, {"confidence", r.intent->confidence}}
                         : json(nullptr);
  j["alternatives"] = json::array();
  for (const auto& a : r.alternatives) {
    j["alternatives"].push_back({{"name", a.name}, {"confidence", a.confidence}});
  }
  j["sources"] = json::array();
  for (const auto& s : r.sources) {
    j["sources"].push_back({{"title", s.title},
                            {"publisher", s.publisher},
                            {"url", s.url},
                            {"section", s.section},
                            {"passage_id", s.passage_id},
                            {"quote", s.quote}});
  }
  j["disclaimer"] = NullIfEmpty(r.disclaimer);
  j["referrals"] = json::array();
  for (const auto& ref : r.referrals) {
    j["referrals"].push_back({{"name", ref.name}, {"url", ref.url}, {"reason", ref.reason}});
  }
  j["suggestions"] = r.suggestions;
  if (r.safety) {
    json contacts = json::array();
    for (const auto& c : r.safety->contacts) {
      contacts.push_back({{"name", c.name},
                          {"phone", NullIfEmpty(c.phone)},
                          {"url", NullIfEmpty(c.url)},
                          {"note", NullIfEmpty(c.note)}});
    }
    j["safety"] = {{"rule", r.safety->rule}, {"contacts", contacts}};
  } else {
    j["safety"] = nullptr;
  }
  j["corpus_version"] = r.corpus_version;
  return j;
}

TEST(ChatJsonTest, ReplyTextIsByteIdenticalToTheTreeDump) {
  const double confidences[] = {0, 1, 0.5, 0.87, 0.123456789, 1e-7, 0.1 + 0.2, 1.0 / 3, 2.5e-300};
  for (const auto& s : AwkwardStrings()) {
    for (double c : confidences) {
      dialogue::Reply r = FullReply(s, c);
      EXPECT_EQ(ReplyToJsonText(r), TreeReference(r).dump()) << "string: " << s << " c: " << c;
    }
  }
}

TEST(ChatJsonTest, ReplyTextIsByteIdenticalWhenFieldsAreEmptyOrAbsent) {
  std::vector<dialogue::Reply> replies(1);  // every field at its default
  for (auto type : {dialogue::ReplyType::kAnswer, dialogue::ReplyType::kClarify,
                    dialogue::ReplyType::kFallback, dialogue::ReplyType::kEmergency,
                    dialogue::ReplyType::kHandoff, dialogue::ReplyType::kSmalltalk}) {
    dialogue::Reply r = FullReply("x", 0.9);
    r.type = type;
    replies.push_back(r);
  }
  dialogue::Reply r = FullReply("x", 0.9);
  r.intent.reset();
  r.safety.reset();
  replies.push_back(r);
  r.alternatives.clear();
  r.sources.clear();
  r.referrals.clear();
  r.suggestions.clear();
  r.disclaimer.clear();
  replies.push_back(r);
  r.safety = dialogue::SafetyInfo{"", {}};
  replies.push_back(r);
  for (const auto& reply : replies) EXPECT_EQ(ReplyToJsonText(reply), TreeReference(reply).dump());
}

}  // namespace
}  // namespace faqbot::server
