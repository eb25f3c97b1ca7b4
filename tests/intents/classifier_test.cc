#include "intents/classifier.h"

#include <gtest/gtest.h>

#include "intents/features.h"
#include "tests/support/test_support.h"

namespace faqbot::intents {
namespace {

std::vector<TrainingExample> Toy() {
  return {{{"u:pain", "u:symptom"}, "symptoms"},
          {{"u:sign", "u:symptom"}, "symptoms"},
          {{"u:treat", "u:therapi"}, "treatment"},
          {{"u:chemo", "u:treat"}, "treatment"},
          {{"u:hello"}, "greeting"},
          {{"u:hi"}, "greeting"}};
}

TEST(ClassifierTest, LearnsSeparableIntents) {
  auto m = IntentClassifier::Train(Toy());
  auto p = m.Predict({"u:symptom", "u:pain"});
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].intent, "symptoms");
  EXPECT_GT(p[0].probability, 0.7);
  EXPECT_GE(p[0].probability, p[1].probability);
  EXPECT_EQ(m.Predict({"u:chemo"})[0].intent, "treatment");
}

TEST(ClassifierTest, UnknownFeaturesLowerConfidence) {
  auto m = IntentClassifier::Train(Toy());
  double known = m.Predict({"u:symptom"})[0].probability;
  double diluted = m.Predict({"u:symptom", "u:flu", "u:weather", "u:bank"})[0].probability;
  EXPECT_LT(diluted, known);
  auto none = m.Predict({"u:banana"});
  EXPECT_LT(none[0].probability, 0.5);
}

TEST(ClassifierTest, TrainingIsDeterministicAndRoundTrips) {
  auto a = IntentClassifier::Train(Toy());
  auto b = IntentClassifier::Train(Toy());
  EXPECT_EQ(a.Serialize(), b.Serialize());
  auto loaded = IntentClassifier::Parse(a.Serialize());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Serialize(), a.Serialize());
  EXPECT_NEAR(loaded->Predict({"u:pain"})[0].probability, a.Predict({"u:pain"})[0].probability,
              1e-6);
}

TEST(ClassifierTest, ExplainsWithTheFeaturesThatMattered) {
  auto m = IntentClassifier::Train(Toy());
  auto why = m.Explain({"u:pain", "u:banana"}, "symptoms");
  ASSERT_EQ(why.size(), 1u);
  EXPECT_EQ(why[0].first, "u:pain");
  EXPECT_GT(why[0].second, 0);
}

TEST(ClassifierTest, RejectsACorruptModel) {
  EXPECT_FALSE(IntentClassifier::Parse("not a model").ok());
  EXPECT_FALSE(IntentClassifier::Parse("faqbot-intent-model\t1\nclasses\ta\tb\nbias\t1\n").ok());
  EXPECT_FALSE(IntentClassifier::Parse("faqbot-intent-model\t1\nclasses\ta\nbias\tx\n").ok());
}

// The shipped model, on paraphrases that are not in the catalogue. Topic
// siblings ("stage4.symptoms", "bone_mets.symptoms") are told apart by the
// entities, not the classifier, so this checks the aspect.
TEST(ClassifierTest, TheShippedModelUnderstandsParaphrases) {
  auto kb = faqbot::testing::SharedKnowledge();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"what sort of signs show that cancer got into the bones", "symptoms"},
      {"how do they figure out the stage of a cancer", "staging"},
      {"which therapies exist for bone secondaries", "treatment"},
      {"survival percentage for chordoma", "survival"},
      {"are there any groups where I can meet other patients", "support_groups"},
      {"why did this cancer happen to me", "causes"},
  };
  for (const auto& [message, aspect] : cases) {
    auto a = kb->analyzer->Analyze(message);
    auto p = kb->classifier.Predict(
        ExtractFeatures(a, kb->entities.Extract(a), RetrieveForFeatures(*kb->index, a)));
    ASSERT_FALSE(p.empty());
    EXPECT_EQ(kb->catalogue.Find(p[0].intent)->aspect, aspect) << message;
  }
  auto hello = kb->analyzer->Analyze("good evening to you");
  EXPECT_EQ(kb->classifier.Predict(ExtractFeatures(hello, {}))[0].intent, "smalltalk.greeting");
}

}  // namespace
}  // namespace faqbot::intents
