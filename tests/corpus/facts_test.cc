#include "corpus/facts.h"

#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace faqbot::corpus {
namespace {

TEST(FactsTest, TheSurvivalTableMatchesTheCorpusFigures) {
  auto facts = LoadSurvivalFacts(faqbot::testing::SourceDir() + "/corpus/facts/survival.yaml");
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  const std::map<std::pair<std::string, std::string>, int> expected = {
      {{"osteosarcoma", "localized"}, 76},  {{"osteosarcoma", "regional"}, 64},
      {{"osteosarcoma", "distant"}, 24},    {{"chondrosarcoma", "localized"}, 91},
      {{"chondrosarcoma", "regional"}, 76}, {{"chondrosarcoma", "distant"}, 17},
      {{"chordoma", "localized"}, 87},      {{"chordoma", "regional"}, 84},
      {{"chordoma", "distant"}, 69}};
  ASSERT_EQ(facts->rates.size(), expected.size());
  for (const auto& r : facts->rates) {
    EXPECT_EQ(expected.at({r.cancer_type, r.extent}), r.percent)
        << r.cancer_type << "/" << r.extent;
  }
  EXPECT_EQ(facts->caveat_quote,
            "People need to remember that statistics cannot predict individual outcomes.");
}

TEST(FactsTest, FindFiltersByTypeAndExtent) {
  auto facts = LoadSurvivalFacts(faqbot::testing::SourceDir() + "/corpus/facts/survival.yaml");
  ASSERT_TRUE(facts.ok());
  auto one = facts->Find("chondrosarcoma", "distant");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0]->percent, 17);
  EXPECT_EQ(facts->Find("chordoma", "").size(), 3u);
  EXPECT_EQ(facts->Find("", "distant").size(), 3u);
  EXPECT_TRUE(facts->Find("ewing_sarcoma", "").empty());
  EXPECT_EQ(facts->CancerTypes(),
            (std::vector<std::string>{"osteosarcoma", "chondrosarcoma", "chordoma"}));
}

TEST(FactsTest, AQuoteMustStateItsFigure) {
  auto bad = ParseSurvivalFacts(R"(survival:
  caveat: {passage: p, quote: q}
  rates:
    - {type: osteosarcoma, extent: distant, percent: 25, passage: p, quote: "the rate is 24%."}
)");
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace faqbot::corpus
