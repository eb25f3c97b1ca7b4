#include "safety/concepts.h"

#include <gtest/gtest.h>

namespace faqbot::safety {
namespace {

class ConceptsTest : public ::testing::Test {
 protected:
  Findings Find(const std::string& message) const { return detector_.Detect(message); }
  ConceptDetector detector_;
};

TEST_F(ConceptsTest, EveryPhraseInTheTableCompiles) {
  size_t phrases = 0;
  for (const auto& spec : ConceptSpecs()) {
    EXPECT_FALSE(spec.phrases.empty()) << spec.id;
    for (const auto& p : spec.phrases) {
      Phrase(p, SafetyWordSets());
      ++phrases;
    }
  }
  EXPECT_GT(phrases, 100u);
}

TEST_F(ConceptsTest, ReportsAreToldFromQuestions) {
  EXPECT_TRUE(Find("my legs went numb this morning").Reported("numbness"));
  EXPECT_TRUE(Find("I can't feel my feet").Reported("numbness"));
  EXPECT_TRUE(Find("why can't I feel my legs?").Reported("numbness"));
  EXPECT_TRUE(Find("my legs are numb, can bone mets cause that?").Reported("numbness"));

  Findings asked = Find("can bone metastases cause numbness?");
  EXPECT_TRUE(asked.Has("numbness"));
  EXPECT_FALSE(asked.Reported("numbness"));
  EXPECT_FALSE(Find("I have bone mets, can they cause numbness?").Reported("numbness"));
  EXPECT_FALSE(Find("I have bone mets can they cause numbness").Reported("numbness"));
  EXPECT_FALSE(Find("what should I do if my legs go numb?").Reported("numbness"));
  EXPECT_FALSE(Find("is numbness a symptom of bone metastases").Reported("numbness"));
  EXPECT_FALSE(Find("numbness bone metastases").Reported("numbness"));
  EXPECT_TRUE(Find("numbness in my legs since today").Reported("numbness"));
}

TEST_F(ConceptsTest, PersonalMeansTheClauseSaysWhoItHappensTo) {
  EXPECT_TRUE(Find("I have a fever").Personal("fever"));
  Findings weather = Find("the temperature is rising");
  EXPECT_TRUE(weather.Reported("fever"));
  EXPECT_FALSE(weather.Personal("fever"));
  EXPECT_FALSE(Find("my car temperature is running high").Has("fever"));
}

TEST_F(ConceptsTest, BodyTemperaturesFromNumbers) {
  EXPECT_TRUE(Find("my temperature is 38.1").Reported("high_temperature"));
  EXPECT_TRUE(Find("fever of 100.4").Reported("high_temperature"));
  EXPECT_FALSE(Find("my temperature is 37.9").Has("high_temperature"));
  EXPECT_FALSE(Find("my temperature is 100").Has("high_temperature"));
  EXPECT_TRUE(Find("39 c on chemo").Has("temperature_number"));
  EXPECT_FALSE(Find("set the thermostat to 39 c").Has("temperature_number"));
  EXPECT_FALSE(Find("will the temperature be 40 tomorrow").Has("high_temperature"));
}

TEST_F(ConceptsTest, EverydayWordsAreNotSymptoms) {
  for (const char* m : {"i broke my phone", "kill the music", "i'm confused about my bill",
                        "i feel sick of waiting", "i can't stand my boss",
                        "the stock market collapsed", "i can't walk my dog today"}) {
    Findings f = Find(m);
    for (const char* c : {"broken_bone", "suicide", "confusion", "nausea_vomiting", "limb_weakness",
                          "collapse", "walking_difficulty"}) {
      EXPECT_FALSE(f.Has(c)) << m << " has " << c;
    }
  }
}

}  // namespace
}  // namespace faqbot::safety
