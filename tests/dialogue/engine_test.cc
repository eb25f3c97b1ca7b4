#include "dialogue/engine.h"

#include <gtest/gtest.h>

#include "common/text.h"
#include "tests/support/test_support.h"

namespace faqbot::dialogue {
namespace {

// A safety stage that flags exactly the messages it is told to, so these
// tests exercise the engine's handling of verdicts, not the rules.
class ScriptedSafety : public safety::SafetyStage {
 public:
  std::map<std::string, safety::Assessment> verdicts;
  safety::Assessment Assess(std::string_view m) const override {
    auto it = verdicts.find(std::string(m));
    return it == verdicts.end() ? safety::Assessment{} : it->second;
  }
  safety::SafetyResponse Respond(const safety::Assessment& a) const override {
    return {"scripted " + a.rule, {{"Emergency services", "", "", "local number"}}};
  }
};

class EngineTest : public ::testing::Test {
 protected:
  EngineTest()
      : safety_(std::make_shared<ScriptedSafety>()),
        engine_(EngineOptions{}, safety_,
                std::make_shared<SessionStore>(100, std::chrono::seconds(600))) {
    engine_.SetKnowledge(faqbot::testing::SharedKnowledge());
  }

  Reply Ask(const std::string& message, const std::string& session = "s1") {
    return engine_.Respond(session, message);
  }

  static bool Has(const Reply& r, const std::string& phrase) {
    return text::ToLowerAscii(r.text).find(text::ToLowerAscii(phrase)) != std::string::npos;
  }

  std::shared_ptr<ScriptedSafety> safety_;
  Engine engine_;
};

TEST_F(EngineTest, AnswersQuoteTheCorpusWithSources) {
  Reply r = Ask("How are bone metastases diagnosed?");
  ASSERT_EQ(r.type, ReplyType::kAnswer);
  ASSERT_FALSE(r.sources.empty());
  EXPECT_FALSE(r.disclaimer.empty());
  EXPECT_FALSE(r.referrals.empty());
  for (const auto& s : r.sources) {
    EXPECT_NE(r.text.find(s.quote), std::string::npos) << "quote not in the text: " << s.quote;
    EXPECT_EQ(s.url, "https://ssohospitals.com/bone-cancer/bone-metastasis/");
  }
  EXPECT_TRUE(Has(r, "biopsy"));
  EXPECT_EQ(r.intent->name, "bone_mets.diagnosis");
  EXPECT_EQ(r.corpus_version, engine_.knowledge()->version);
}

TEST_F(EngineTest, SurvivalFiguresComeFromTheTableWithTheCaveat) {
  Reply r = Ask("chondrosarcoma that has spread far");
  ASSERT_EQ(r.type, ReplyType::kAnswer);
  EXPECT_TRUE(Has(r, "17%"));
  EXPECT_FALSE(Has(r, "91%"));
  EXPECT_TRUE(Has(r, "statistics cannot predict individual outcomes"));
  ASSERT_EQ(r.sources.size(), 2u);
  EXPECT_EQ(r.sources[0].passage_id, "stage-4-bone-cancer#chondrosarcoma-outlook-4");
}

TEST_F(EngineTest, FollowUpsResolveAgainstThePreviousTurn) {
  Reply first = Ask("What is the survival rate for chondrosarcoma?", "f");
  EXPECT_TRUE(Has(first, "91%") && Has(first, "76%") && Has(first, "17%"));
  Reply second = Ask("and for chordoma?", "f");
  ASSERT_EQ(second.type, ReplyType::kAnswer);
  EXPECT_TRUE(Has(second, "87%") && Has(second, "84%") && Has(second, "69%"));
  EXPECT_FALSE(Has(second, "91%"));
}

TEST_F(EngineTest, WhatPeopleSayAboutThemselvesIsUsed) {
  Ask("I have stage 4 osteosarcoma", "me");
  Reply r = Ask("what's my survival rate?", "me");
  ASSERT_EQ(r.type, ReplyType::kAnswer);
  EXPECT_TRUE(Has(r, "24%"));
  EXPECT_FALSE(Has(r, "76%"));
  EXPECT_TRUE(Has(r, "cannot predict individual outcomes"));
}

TEST_F(EngineTest, TopicCarriesOverToTheNextQuestion) {
  Ask("what are bone metastases", "t");
  Reply r = Ask("how is it diagnosed?", "t");
  ASSERT_EQ(r.type, ReplyType::kAnswer);
  EXPECT_EQ(r.intent->name, "bone_mets.diagnosis");
}

TEST_F(EngineTest, OffTopicAndUncoveredGetHonestFallbacks) {
  Reply r = Ask("What is the capital of France?");
  EXPECT_EQ(r.type, ReplyType::kFallback);
  EXPECT_TRUE(r.sources.empty());
  Reply ewing = Ask("What are the treatments for Ewing sarcoma?");
  EXPECT_EQ(ewing.type, ReplyType::kFallback);
  EXPECT_TRUE(Has(ewing, "don't cover"));
  Reply cause = Ask("What causes osteosarcoma?");
  EXPECT_EQ(cause.type, ReplyType::kFallback);
  EXPECT_TRUE(Has(cause, "don't cover"));
}

TEST_F(EngineTest, SmallTalkAndHandoff) {
  EXPECT_EQ(Ask("hello there").type, ReplyType::kSmalltalk);
  EXPECT_EQ(Ask("thanks a lot").type, ReplyType::kSmalltalk);
  EXPECT_EQ(Ask("I would like to talk to a real person").type, ReplyType::kHandoff);
}

TEST_F(EngineTest, TheSafetyVerdictWinsOverContext) {
  safety_->verdicts["my legs went numb"] = {safety::Assessment::Kind::kEmergency, "mscc"};
  Ask("How are bone metastases treated?", "ctx");
  Reply r = Ask("my legs went numb", "ctx");
  ASSERT_EQ(r.type, ReplyType::kEmergency);
  ASSERT_TRUE(r.safety);
  EXPECT_EQ(r.safety->rule, "mscc");
  EXPECT_FALSE(r.safety->contacts.empty());
  EXPECT_TRUE(r.sources.empty());
}

TEST_F(EngineTest, PersonalAdviceNeverRecommendsButGivesSourcedInformation) {
  safety_->verdicts["How many painkillers can I take a day?"] = {
      safety::Assessment::Kind::kPersonalAdvice, "personal_advice"};
  Reply r = Ask("How many painkillers can I take a day?");
  ASSERT_TRUE(r.safety);
  EXPECT_EQ(r.safety->rule, "personal_advice");
  EXPECT_TRUE(Has(r, "scripted personal_advice"));
  EXPECT_FALSE(Has(r, " mg"));
  if (r.type == ReplyType::kAnswer) EXPECT_FALSE(r.sources.empty());
}

}  // namespace
}  // namespace faqbot::dialogue
