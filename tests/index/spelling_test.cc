#include "index/spelling.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "common/text.h"

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

// What Correct() promises, by brute force over the whole vocabulary: the
// word itself when it is known or too short, else the closest vocabulary
// word within the length's budget, ties to the more frequent, then the first
// alphabetically.
std::string Expected(const std::vector<std::pair<std::string, int>>& vocabulary,
                     const std::string& word) {
  const int budget = word.size() >= 8 ? 2 : word.size() >= 4 ? 1 : 0;
  std::string best = word;
  int best_d = budget + 1, best_f = -1;
  for (const auto& [cand, f] : vocabulary) {
    if (cand == word) return word;
    if (cand.size() < 4) continue;  // too short to be a candidate
    int d = static_cast<int>(text::EditDistance(word, cand));
    if (d > budget) continue;
    if (d < best_d || (d == best_d && (f > best_f || (f == best_f && cand < best)))) {
      best = cand;
      best_d = d;
      best_f = f;
    }
  }
  return budget == 0 ? word : best;
}

TEST(SpellingTest, AgreesWithBruteForceOnRandomTypos) {
  std::mt19937 rng(7);
  auto letter = [&] { return static_cast<char>('a' + rng() % 6); };  // few letters: many near words
  std::vector<std::pair<std::string, int>> vocabulary;
  SpellCorrector s;
  for (int i = 0; i < 400; ++i) {
    std::string w;
    for (size_t n = 3 + rng() % 10; w.size() < n;) w.push_back(letter());
    if (std::any_of(vocabulary.begin(), vocabulary.end(), [&](auto& v) { return v.first == w; }))
      continue;
    int f = 1 + static_cast<int>(rng() % 4);
    vocabulary.emplace_back(w, f);
    s.AddWord(w, f);
  }
  s.Build();
  int corrected = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string w = vocabulary[rng() % vocabulary.size()].first;
    for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0 && !w.empty(); --edits) {
      size_t at = rng() % w.size();
      switch (rng() % 4) {
        case 0:
          w.erase(at, 1);
          break;
        case 1:
          w.insert(w.begin() + static_cast<long>(at), letter());
          break;
        case 2:
          w[at] = letter();
          break;
        default:
          if (at + 1 < w.size()) std::swap(w[at], w[at + 1]);
      }
    }
    std::string want = Expected(vocabulary, w);
    ASSERT_EQ(s.Correct(w), want) << w;
    corrected += want != w;
  }
  EXPECT_GT(corrected, 1000);  // the check saw many corrections, not only words left alone
}

}  // namespace
}  // namespace faqbot::index
