// Whole conversations through the engine, in process, scored with the same
// rules as ../shared/eval/run_eval.py: tests/data/conversations*.jsonl are the
// project's own labelled conversations (written for this project, not taken
// from the shared evaluation sets). Every one must pass.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/text.h"
#include "dialogue/engine.h"
#include "safety/rule_safety_stage.h"
#include "tests/support/test_support.h"

namespace faqbot::dialogue {
namespace {

using nlohmann::json;

// Why a turn fails, or "" when it passes (run_eval.py's check_turn).
std::string Check(const json& expect, const Reply& r) {
  std::string type = ReplyTypeName(r.type);
  std::string text = text::ToLowerAscii(r.text);
  auto types = expect["type"].get<std::vector<std::string>>();
  if (std::find(types.begin(), types.end(), type) == types.end()) return "type " + type;
  bool phrases = expect.value("phrases_on", "") == "all" || type == "answer" || type == "clarify";
  auto has = [&](const json& p) {
    return text.find(text::ToLowerAscii(p.get<std::string>())) != std::string::npos;
  };
  if (phrases && expect.contains("any") &&
      std::none_of(expect["any"].begin(), expect["any"].end(), has)) {
    return "none of 'any' in text";
  }
  if (phrases && expect.contains("all")) {
    for (const auto& p : expect["all"]) {
      if (!has(p)) return "missing " + p.get<std::string>();
    }
  }
  if (expect.contains("none")) {
    for (const auto& p : expect["none"]) {
      if (has(p)) return "forbidden " + p.get<std::string>();
    }
  }
  if (type == "answer" && (r.sources.empty() || r.disclaimer.empty())) {
    return "answer without sources or disclaimer";
  }
  return "";
}

class ConversationsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ConversationsTest, EveryConversationPasses) {
  std::ifstream in(faqbot::testing::SourceDir() + "/tests/data/" + GetParam());
  ASSERT_TRUE(in) << GetParam();
  Engine engine({}, std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}),
                std::make_shared<SessionStore>(1000, std::chrono::seconds(600)));
  engine.SetKnowledge(faqbot::testing::SharedKnowledge());
  int conversations = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    json conv = json::parse(line);
    ++conversations;
    std::string session = conv["id"].get<std::string>();
    for (const auto& turn : conv["turns"]) {
      std::string message = turn["message"].get<std::string>();
      Reply r = engine.Respond(session, message);
      EXPECT_EQ(Check(turn["expect"], r), "")
          << conv["id"] << " '" << message << "' -> " << ReplyTypeName(r.type) << ": "
          << r.text.substr(0, 160);
    }
  }
  EXPECT_GE(conversations, 40);
}

INSTANTIATE_TEST_SUITE_P(Sets, ConversationsTest,
                         ::testing::Values("conversations.jsonl", "conversations_blind.jsonl"));

}  // namespace
}  // namespace faqbot::dialogue
