#include "dialogue/engine.h"

#include <gtest/gtest.h>

#include <regex>

#include "common/text.h"
#include "safety/rule_safety_stage.h"
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
    return {"scripted " + a.rule, {{"Emergency services", "", "", "local number", ""}}};
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
  ASSERT_FALSE(r.suggestions.empty()) << "a fallback says what the bot can answer instead";
  EXPECT_EQ(r.suggestions.front(),
            faqbot::testing::SharedKnowledge()->catalogue.Find("stage4.definition")->question);
  Reply ewing = Ask("What are the treatments for Ewing sarcoma?");
  EXPECT_EQ(ewing.type, ReplyType::kFallback);
  EXPECT_TRUE(Has(ewing, "don't cover"));
  Reply cause = Ask("What causes osteosarcoma?");
  EXPECT_EQ(cause.type, ReplyType::kFallback);
  EXPECT_TRUE(Has(cause, "don't cover"));
}

TEST_F(EngineTest, TheQuestionInsideTheChatterIsAnswered) {
  Reply secondary = Ask("what's a bone secondary, the consultant mentioned it at clinic today");
  ASSERT_EQ(secondary.type, ReplyType::kAnswer) << secondary.text;
  EXPECT_EQ(secondary.intent->name, "bone_mets.definition");
  Reply groups = Ask("is there a support group for families? we're finding it hard", "s2");
  ASSERT_EQ(groups.type, ReplyType::kAnswer) << groups.text;
  EXPECT_EQ(groups.intent->name, "support.groups");
  // A clause that is not squarely medical does not speak for the message.
  EXPECT_EQ(Ask("my bills are paid I think, can you double check", "s3").type,
            ReplyType::kFallback);
}

TEST_F(EngineTest, AnswersNarrowOnTheSymptomNamedInAnyForm) {
  Reply r = Ask("does stage 4 bone cancer make people anaemic");
  ASSERT_EQ(r.type, ReplyType::kAnswer);
  EXPECT_EQ(r.intent->name, "stage4.symptoms");
  EXPECT_TRUE(Has(r, "red blood cells")) << "'anaemic' finds the passage on anemia:\n" << r.text;
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
  if (r.type == ReplyType::kAnswer) {
    EXPECT_FALSE(r.sources.empty());
  }
}

// The engine with the real safety stage (UK contacts) and the real bundle.
class EngineSafetyTest : public ::testing::Test {
 protected:
  EngineSafetyTest()
      : engine_(EngineOptions{},
                std::make_shared<safety::RuleSafetyStage>(safety::LoadRegionContacts("UK").value()),
                std::make_shared<SessionStore>(100, std::chrono::seconds(600))) {
    engine_.SetKnowledge(faqbot::testing::SharedKnowledge());
  }

  Reply Ask(const std::string& message, const std::string& session = "s1") {
    return engine_.Respond(session, message);
  }

  static size_t Count(const std::string& text, const std::string& phrase) {
    size_t n = 0;
    for (size_t at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
      ++n;
    }
    return n;
  }

  Engine engine_;
};

// SAFETY.md section 4: every medical reply carries the disclaimer, answers
// their sources, and statistics the corpus's caveat.
TEST_F(EngineSafetyTest, EveryMedicalReplyCarriesTheDisclaimerAndStatisticsTheCaveat) {
  const std::string caveat = engine_.knowledge()->facts.caveat_quote;
  ASSERT_FALSE(caveat.empty());
  static const std::regex kPercent(R"(\d+(\.\d+)?\s?%)");
  const std::vector<std::string> messages = {
      "What are bone metastases?",
      "what is stage 4 bone cancer",
      "How are bone metastases diagnosed?",
      "what tests show bone cancer has spread",
      "What are the symptoms of bone metastases?",
      "does stage 4 bone cancer hurt",
      "How are bone metastases treated?",
      "what does radiotherapy do for bone mets",
      "can chemotherapy help osteosarcoma that has spread",
      "what is palliative care for bone cancer",
      "tell me about bisphosphonates",
      "What is the survival rate for osteosarcoma?",
      "chondrosarcoma survival rates",
      "5 year survival for chordoma that has spread far",
      "what is the outlook for stage 4 bone cancer",
      "how long can you live with metastatic osteosarcoma",
      "survival rate for localized chordoma",
      "Where can I find support?",
      "how is bone cancer staged",
      "what does the M in TNM mean",
      "can bone metastases cause numbness?",
      "what is hypercalcemia?",
      "are fractures common with bone metastases",
      "How many painkillers can I take a day?",
      "should I stop my chemo",
      "what does my bone scan report mean",
      "my legs went numb this morning",
      "my dad has collapsed",
      "I'm on chemo and my temperature is 38.5",
      "I think I broke my arm",
  };
  size_t medical_replies = 0, answers = 0, statistics = 0, emergencies = 0, advice = 0;
  for (const auto& m : messages) {
    Reply r = Ask(m, "d-" + m);
    bool medical = r.type == ReplyType::kAnswer || r.type == ReplyType::kEmergency ||
                   (r.safety && r.safety->rule == "personal_advice");
    if (!medical) continue;  // a clarification or an honest fallback says nothing medical
    ++medical_replies;
    EXPECT_FALSE(r.disclaimer.empty()) << m;
    if (r.type == ReplyType::kAnswer) {
      ++answers;
      EXPECT_FALSE(r.sources.empty()) << m;
    }
    if (r.type == ReplyType::kEmergency) {
      ++emergencies;
      ASSERT_TRUE(r.safety) << m;
      EXPECT_FALSE(r.safety->rule.empty()) << m;
      EXPECT_FALSE(r.safety->contacts.empty()) << m;
      EXPECT_NE(r.text.find("999"), std::string::npos) << m;
    }
    if (r.safety && r.safety->rule == "personal_advice") ++advice;
    if (std::regex_search(r.text, kPercent)) {
      ++statistics;
      EXPECT_NE(r.text.find(caveat), std::string::npos) << m << ": statistics without caveat";
    }
  }
  EXPECT_GE(medical_replies, 26u);
  EXPECT_GE(answers, 20u);
  EXPECT_GE(statistics, 4u);
  EXPECT_EQ(emergencies, 4u);
  EXPECT_EQ(advice, 3u);
}

TEST_F(EngineSafetyTest, InformationalQuestionsAreAnsweredWithOneUrgentLine) {
  for (const char* m : {"can bone metastases cause numbness?", "what is hypercalcemia?",
                        "what are the symptoms of spinal cord compression"}) {
    Reply r = Ask(m, std::string("i-") + m);
    EXPECT_EQ(r.type, ReplyType::kAnswer) << m << ": " << r.text;
    EXPECT_FALSE(r.sources.empty()) << m;
    EXPECT_FALSE(r.safety) << m;
    EXPECT_EQ(Count(r.text, "When to get urgent help"), 1u) << m << ": " << r.text;
    EXPECT_NE(r.text.find("999"), std::string::npos) << m;
  }
  Reply mscc = Ask("can bone metastases cause numbness?", "i2");
  EXPECT_NE(mscc.text.find("spinal cord compression"), std::string::npos);
  Reply calcium = Ask("what is hypercalcemia?", "i3");
  EXPECT_NE(calcium.text.find("high calcium level"), std::string::npos);
}

TEST_F(EngineSafetyTest, TheRealStagesVerdictWinsOverContext) {
  Ask("How are bone metastases treated?", "ctx");
  Reply emergency = Ask("my legs went numb this morning", "ctx");
  ASSERT_EQ(emergency.type, ReplyType::kEmergency);
  EXPECT_EQ(emergency.safety->rule, "mscc");
  EXPECT_TRUE(emergency.sources.empty());
  EXPECT_EQ(Ask("thanks", "ctx").type, ReplyType::kSmalltalk);
}

TEST_F(EngineSafetyTest, CrisisRepliesNeverAnswerTheLiteralQuestion) {
  Reply r = Ask("how many morphine tablets would it take to die");
  ASSERT_EQ(r.type, ReplyType::kCrisis);
  EXPECT_EQ(r.safety->rule, "self_harm");
  EXPECT_TRUE(r.sources.empty());
  EXPECT_NE(r.text.find("deserve support right now"), std::string::npos);
  EXPECT_NE(r.text.find("Samaritans on 116 123"), std::string::npos);
  std::string digits;
  for (char c : r.text) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  }
  EXPECT_EQ(digits, "116123999") << "only the crisis line and emergency number: " << r.text;
}

TEST_F(EngineSafetyTest, PersonalAdviceGivesNoDoseButTheCareTeamAndAHandoff) {
  Reply r = Ask("how much oramorph can I take in a day");
  ASSERT_TRUE(r.safety);
  EXPECT_EQ(r.safety->rule, "personal_advice");
  EXPECT_NE(r.text.find("care team"), std::string::npos);
  EXPECT_NE(r.text.find("pharmacist"), std::string::npos);
  EXPECT_NE(r.text.find(ComposerOptions{}.handoff), std::string::npos) << "the handoff offer";
  EXPECT_FALSE(std::regex_search(r.text, std::regex(R"(\d+\s?(mg|ml|tablets))")));
  Reply fever = Ask("should I stop chemo if I get a fever?", "adv2");
  ASSERT_TRUE(fever.safety);
  EXPECT_EQ(fever.safety->rule, "personal_advice");
  EXPECT_EQ(Count(fever.text, "When to get urgent help"), 1u) << fever.text;
  EXPECT_NE(fever.text.find("38°C"), std::string::npos);
}

}  // namespace
}  // namespace faqbot::dialogue
