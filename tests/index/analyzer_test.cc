#include "index/analyzer.h"

#include <gtest/gtest.h>

#include "index/tokenizer.h"

namespace faqbot::index {
namespace {

Analyzer Make() {
  auto lex = Lexicon::Parse(R"(synonyms:
  - {canonical: chemotherapy, variants: [chemo]}
  - {canonical: tumor, variants: [tumour]}
)");
  auto speller = std::make_shared<SpellCorrector>();
  for (const char* w : {"symptoms", "spreading", "bone", "cancer", "chemotherapy", "tumor"}) {
    speller->AddWord(w, 1);
  }
  speller->Build();
  return Analyzer(std::make_shared<Lexicon>(*lex), speller);
}

TEST(TokenizerTest, SplitsLikeThePassages) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Tokenize("What's the X-ray for?"), (V{"whats", "the", "x", "ray", "for"}));
  EXPECT_EQ(Tokenize("temp 38.5, 100.4F"), (V{"temp", "38.5", "100.4f"}));
  EXPECT_EQ(Tokenize("person\u2019s"), V{"persons"});
  EXPECT_EQ(Tokenize("Stages 1\u20133"), (V{"stages", "1", "3"}));
}

TEST(AnalyzerTest, CorrectsCanonicalisesAndStems) {
  auto a = Make().Analyze("Symptons of bone cancer spreding after chemo");
  EXPECT_EQ(a.Text(), "symptoms of bone cancer spreading after chemotherapy");
  ASSERT_EQ(a.corrections.size(), 2u);
  EXPECT_EQ(a.corrections[0], (std::pair<std::string, std::string>{"symptons", "symptoms"}));
  EXPECT_EQ(a.stems[0], "symptom");
  EXPECT_TRUE(a.stop[1]);  // "of"
  EXPECT_EQ(a.ContentStems(),
            (std::vector<std::string>{"symptom", "bone", "cancer", "spread", "chemotherapi"}));
}

TEST(AnalyzerTest, CuratedTextIsNotCorrected) {
  auto a = Make().Analyze("symptons", /*correct_spelling=*/false);
  EXPECT_EQ(a.words, std::vector<std::string>{"symptons"});
  EXPECT_TRUE(a.corrections.empty());
}

}  // namespace
}  // namespace faqbot::index
