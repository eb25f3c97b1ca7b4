#include "index/spelling.h"

#include <gtest/gtest.h>

namespace faqbot::index {
namespace {

SpellCorrector Make() {
  SpellCorrector s;
  for (const char* w : {"symptoms", "spreading", "chondrosarcoma", "cancer", "bones", "metastases",
                        "pain", "scan"}) {
    s.AddWord(w, 3);
  }
  s.AddWord("symptom", 1);
  s.Build();
  return s;
}

TEST(SpellingTest, CorrectsTyposWithinTheLengthBudget) {
  auto s = Make();
  EXPECT_EQ(s.Correct("symptons"), "symptoms");
  EXPECT_EQ(s.Correct("spreding"), "spreading");
  EXPECT_EQ(s.Correct("chondrosarkoma"), "chondrosarcoma");
  EXPECT_EQ(s.Correct("metastsaes"), "metastases");  // transposition
  EXPECT_EQ(s.Correct("bnoes"), "bones");
}

TEST(SpellingTest, LeavesKnownShortNumericAndFarWordsAlone) {
  auto s = Make();
  EXPECT_EQ(s.Correct("pain"), "pain");
  EXPECT_EQ(s.Correct("pan"), "pan");  // too short to correct
  EXPECT_EQ(s.Correct("38.5"), "38.5");
  EXPECT_EQ(s.Correct("banana"), "banana");
}

TEST(SpellingTest, ProtectedEnglishWordsAreNeverCorrected) {
  auto s = Make();
  EXPECT_TRUE(s.HasCandidate("cancel"));
  s.Protect("cancel");
  EXPECT_EQ(s.Correct("cancel"), "cancel");
  EXPECT_EQ(s.Correct("cancr"), "cancer");
}

}  // namespace
}  // namespace faqbot::index
