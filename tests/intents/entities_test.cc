#include "intents/entities.h"

#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace faqbot::intents {
namespace {

std::vector<Entity> Extract(const std::string& message) {
  auto kb = faqbot::testing::SharedKnowledge();
  return kb->entities.Extract(kb->analyzer->Analyze(message));
}

std::string Value(const std::vector<Entity>& es, const std::string& type) {
  return FirstValue(es, type);
}

TEST(EntitiesTest, CancerTypesIncludingTypos) {
  EXPECT_EQ(Value(Extract("chondrosarcoma that has spread far"), "cancer_type"), "chondrosarcoma");
  EXPECT_EQ(Value(Extract("chondrosarkoma survival"), "cancer_type"), "chondrosarcoma");
  EXPECT_EQ(Value(Extract("osteogenic sarcoma"), "cancer_type"), "osteosarcoma");
  EXPECT_EQ(Value(Extract("what is ewing sarcoma"), "uncovered_type"), "ewing_sarcoma");
}

TEST(EntitiesTest, ExtentFromLayWords) {
  EXPECT_EQ(Value(Extract("chondrosarcoma that has spread far"), "extent"), "distant");
  EXPECT_EQ(Value(Extract("it went to the lungs"), "extent"), "distant");
  EXPECT_EQ(Value(Extract("confined to the bone"), "extent"), "localized");
  EXPECT_EQ(Value(Extract("localised osteosarcoma"), "extent"), "localized");
  EXPECT_EQ(Value(Extract("spread to nearby structures"), "extent"), "regional");
  EXPECT_EQ(Value(Extract("what if it has spread"), "extent"), "spread");
}

TEST(EntitiesTest, StageFourIsATopicAndAnExtent) {
  auto es = Extract("stage four");
  EXPECT_EQ(Value(es, "topic"), "stage4");
  EXPECT_EQ(Value(es, "extent"), "distant");
}

TEST(EntitiesTest, DrugsMapToTheClassTheCorpusNames) {
  EXPECT_EQ(Value(Extract("what is zoledronic acid"), "drug"), "bisphosphonate");
  EXPECT_EQ(Value(Extract("is denosumab any good"), "drug"), "bone_modifying_agent");
}

TEST(EntitiesTest, TreatmentsTestsAndTopics) {
  EXPECT_EQ(Value(Extract("does radiotherapy help"), "treatment"), "radiation_therapy");
  EXPECT_EQ(Value(Extract("chemo"), "treatment"), "chemotherapy");
  EXPECT_EQ(Value(Extract("a cat scan"), "test"), "ct");
  EXPECT_EQ(Value(Extract("secondary bone cancer"), "topic"), "bone_mets");
  EXPECT_EQ(Value(Extract("bone mets"), "topic"), "bone_mets");
}

TEST(EntitiesTest, NothingInOffTopicText) {
  EXPECT_TRUE(Extract("what is the capital of france").empty());
  EXPECT_TRUE(Extract("cancel my card payment").empty());
}

}  // namespace
}  // namespace faqbot::intents
