#include "index/spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

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

TEST(SpellingTest, EditDistance) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("ab", "ba"), 1);
  EXPECT_EQ(EditDistance("", "abc"), 3);
  EXPECT_EQ(EditDistance("abc", ""), 3);
  EXPECT_EQ(EditDistance("ca", "abc"), 3);  // optimal string alignment, not full Damerau
}

// The whole (n + 1) x (m + 1) table, written the textbook way.
int ReferenceDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

TEST(SpellingTest, EditDistanceAgreesWithTheWholeTable) {
  std::mt19937 rng(7);
  auto word = [&](size_t max_len) {
    std::string w(rng() % (max_len + 1), 'a');
    for (char& c : w) c = static_cast<char>('a' + rng() % 4);  // few letters: many swaps
    return w;
  };
  for (int k = 0; k < 3000; ++k) {
    // Long words too, past the rows kept on the stack.
    size_t max_len = k % 10 == 0 ? 60 : 12;
    std::string a = word(max_len), b = word(max_len);
    ASSERT_EQ(EditDistance(a, b), ReferenceDistance(a, b)) << a << " / " << b;
  }
}

}  // namespace
}  // namespace faqbot::index
