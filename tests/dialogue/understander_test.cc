// The understanding layer on the shipped bundle: context carried between
// turns, topic siblings, honest fallbacks and clarification.
#include "dialogue/understander.h"

#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace faqbot::dialogue {
namespace {

class UnderstanderTest : public ::testing::Test {
 protected:
  Understanding Turn(const std::string& message) {
    auto kb = faqbot::testing::SharedKnowledge();
    Understanding u = Understand(*kb, kb->analyzer->Analyze(message), state_, {});
    if (u.outcome == Understanding::Outcome::kIntent && u.intent->medical) {
      state_.last_intent = u.intent->name;
    }
    state_.entities = u.slots;
    return u;
  }
  static std::string Name(const Understanding& u) { return u.intent ? u.intent->name : "-"; }

  SessionState state_;
};

TEST_F(UnderstanderTest, AndForAnotherTypeKeepsTheQuestion) {
  EXPECT_EQ(Name(Turn("survival rate for chondrosarcoma")), "survival.rates");
  Understanding u = Turn("and for chordoma?");
  EXPECT_EQ(Name(u), "survival.rates");
  EXPECT_TRUE(u.follow_up);
  EXPECT_EQ(u.slots["cancer_type"], "chordoma");
}

TEST_F(UnderstanderTest, WhatIfItHasSpreadKeepsTheType) {
  Turn("what is the survival rate for osteosarcoma");
  Understanding u = Turn("what if it has spread?");
  EXPECT_EQ(Name(u), "survival.rates");
  EXPECT_EQ(u.slots["cancer_type"], "osteosarcoma");
  EXPECT_EQ(u.slots["extent"], "spread");
}

TEST_F(UnderstanderTest, AFollowUpNamingOnlyAnExtentIsNotTakenForOffTopic) {
  Turn("survival figures for chondrosarcoma");
  Understanding u = Turn("what if it is just regional");
  EXPECT_EQ(Name(u), "survival.rates");
  EXPECT_TRUE(u.follow_up);
  EXPECT_EQ(u.slots["extent"], "regional");
  state_ = {};
  EXPECT_EQ(Turn("what if it is just regional").outcome, Understanding::Outcome::kFallback)
      << "without the conversation there is nothing to follow";
}

TEST_F(UnderstanderTest, ALossIsToldFromAFearOfDying) {
  EXPECT_EQ(Name(Turn("my grandad passed away from bone cancer in the summer")),
            "smalltalk.bereavement");
  state_ = {};
  EXPECT_NE(Name(Turn("I lost my keys again")), "smalltalk.bereavement");
  for (const char* fear : {"will my wife die from this", "am I dying", "is he going to die"}) {
    state_ = {};
    Understanding u = Turn(fear);
    EXPECT_NE(Name(u), "smalltalk.bereavement") << fear;
    EXPECT_EQ(u.outcome, Understanding::Outcome::kIntent) << fear;
    EXPECT_TRUE(u.intent && u.intent->medical) << fear << " -> " << Name(u);
  }
}

TEST_F(UnderstanderTest, WhatAboutThePainFollowsTheConversation) {
  Turn("what are the symptoms of bone metastases");
  Understanding after_symptoms = Turn("what about the pain?");
  EXPECT_EQ(Name(after_symptoms), "bone_mets.symptoms");
  EXPECT_TRUE(after_symptoms.Focused());

  state_ = {};
  Turn("how are bone metastases treated");
  Understanding after_treatment = Turn("what about the pain?");
  EXPECT_EQ(Name(after_treatment), "bone_mets.treatment");
  EXPECT_TRUE(after_treatment.Focused());
}

TEST_F(UnderstanderTest, HowIsItDiagnosedUsesTheTopicInContext) {
  Turn("tell me about bone metastases");
  EXPECT_EQ(Name(Turn("how is it diagnosed?")), "bone_mets.diagnosis");
  state_ = {};
  Turn("what is stage 4 bone cancer");
  EXPECT_EQ(Name(Turn("how is it diagnosed?")), "stage4.diagnosis");
}

TEST_F(UnderstanderTest, WhatAPersonSaysAboutThemselvesIsRemembered) {
  Understanding said = Turn("I have stage 4 osteosarcoma");
  EXPECT_EQ(Name(said), "personal.statement");
  Understanding asked = Turn("what's my survival rate?");
  EXPECT_EQ(Name(asked), "survival.rates");
  EXPECT_EQ(asked.slots["cancer_type"], "osteosarcoma");
  EXPECT_EQ(asked.slots["extent"], "distant");
}

TEST_F(UnderstanderTest, NoTopicAndNoContextAsksWhichOne) {
  Understanding u = Turn("what are the symptoms?");
  ASSERT_EQ(u.outcome, Understanding::Outcome::kClarify);
  ASSERT_EQ(u.options.size(), 2u);
  EXPECT_NE(u.options[0]->topic, u.options[1]->topic);
}

TEST_F(UnderstanderTest, ASpecificThingWithoutATopicUsesTheNeutralIntent) {
  Understanding u = Turn("what is a biopsy");
  EXPECT_EQ(Name(u), "diagnosis.test");
  EXPECT_EQ(u.outcome, Understanding::Outcome::kIntent);
}

TEST_F(UnderstanderTest, OffTopicOtherDiseasesAndUncoveredCancersFallBack) {
  for (const char* m :
       {"what's the weather like tomorrow", "How do I lower my cholesterol?", "symptoms of the flu",
        "how is lung cancer treated", "set an alarm for seven", "could you speak to me in dutch"}) {
    state_ = {};
    Understanding u = Turn(m);
    EXPECT_EQ(u.outcome, Understanding::Outcome::kFallback) << m << " -> " << Name(u);
  }
  state_ = {};
  Understanding ewing = Turn("what is the outlook for ewing sarcoma");
  EXPECT_EQ(ewing.fallback, Understanding::Fallback::kUncovered);
  EXPECT_EQ(ewing.uncovered, "ewing_sarcoma");
}

TEST_F(UnderstanderTest, BreastCancerInTheBoneIsAboutBoneMetastases) {
  Understanding u = Turn("my breast cancer has spread to my spine, how is it treated");
  EXPECT_EQ(Name(u), "bone_mets.treatment");
}

TEST_F(UnderstanderTest, KindsOfQuestionTheCorpusCannotAnswer) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"what causes osteosarcoma", "unsupported.causes"},
      {"is chordoma inherited", "unsupported.heredity"},
      {"how common is chondrosarcoma", "unsupported.frequency"},
      {"can bone cancer be prevented", "unsupported.risk"},
      {"clinical trials for osteosarcoma", "unsupported.research"},
  };
  for (const auto& [message, intent] : cases) {
    state_ = {};
    EXPECT_EQ(Name(Turn(message)), intent) << message;
  }
}

TEST_F(UnderstanderTest, ReportsTheTopThreeReadings) {
  Understanding u = Turn("how is chondrosarcoma treated");
  ASSERT_EQ(u.predictions.size(), 3u);
  EXPECT_GE(u.predictions[0].probability, u.predictions[1].probability);
  EXPECT_GT(u.confidence, 0.3);
}

}  // namespace
}  // namespace faqbot::dialogue
