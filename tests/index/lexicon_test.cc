#include "index/lexicon.h"

#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace faqbot::index {
namespace {

TEST(LexiconTest, RewritesLongestVariantFirst) {
  auto lex = Lexicon::Parse(R"(synonyms:
  - {canonical: bone metastases, variants: [bone mets, secondary bone cancer]}
  - {canonical: metastases, variants: [mets]}
  - {canonical: radiation therapy, variants: [radiotherapy]}
)");
  ASSERT_TRUE(lex.ok());
  using V = std::vector<std::string>;
  EXPECT_EQ(lex->Canonicalize(V{"bone", "mets", "pain"}), (V{"bone", "metastases", "pain"}));
  EXPECT_EQ(lex->Canonicalize(V{"mets"}), (V{"metastases"}));
  EXPECT_EQ(lex->Canonicalize(V{"secondary", "bone", "cancer"}), (V{"bone", "metastases"}));
  EXPECT_EQ(lex->Canonicalize(V{"radiotherapy", "helps"}), (V{"radiation", "therapy", "helps"}));
}

TEST(LexiconTest, TheShippedLexiconCoversLayAndBritishTerms) {
  auto lex = Lexicon::Load(faqbot::testing::SourceDir() + "/intents/lexicon.yaml");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  using V = std::vector<std::string>;
  EXPECT_EQ(lex->Canonicalize(V{"chemo"}), V{"chemotherapy"});
  EXPECT_EQ(lex->Canonicalize(V{"tumour"}), V{"tumor"});
  EXPECT_EQ(lex->Canonicalize(V{"anaemia"}), V{"anemia"});
  EXPECT_EQ(lex->Canonicalize(V{"hypercalcaemia"}), V{"hypercalcemia"});
  EXPECT_EQ(lex->Canonicalize(V{"secondaries"}), V{"metastases"});
  EXPECT_EQ(lex->Canonicalize(V{"radiotherapy"}), (V{"radiation", "therapy"}));
}

TEST(LexiconTest, RejectsEmptyEntries) {
  EXPECT_FALSE(Lexicon::Parse("synonyms:\n  - {canonical: '', variants: [x]}\n").ok());
}

}  // namespace
}  // namespace faqbot::index
