#include "dialogue/clauses.h"

#include <gtest/gtest.h>

namespace faqbot::dialogue {
namespace {

using Clauses = std::vector<std::string>;

TEST(ClausesTest, CutsAtSentencePunctuationCommasAndLineBreaks) {
  EXPECT_EQ(SplitClauses("whats a bone met, oncologist said mum has them"),
            (Clauses{"whats a bone met", "oncologist said mum has them"}));
  EXPECT_EQ(SplitClauses("wat is stage 4?? just been told!"),
            (Clauses{"wat is stage 4", "just been told"}));
  EXPECT_EQ(SplitClauses("first line\nsecond; third. fourth"),
            (Clauses{"first line", "second", "third", "fourth"}));
}

TEST(ClausesTest, NumbersKeepTheirPointsAndCommas) {
  EXPECT_EQ(SplitClauses("temp is 38.5 now"), (Clauses{"temp is 38.5 now"}));
  EXPECT_EQ(SplitClauses("under 1,600 characters."), (Clauses{"under 1,600 characters"}));
}

TEST(ClausesTest, OneClauseOrNone) {
  EXPECT_EQ(SplitClauses("  what is a biopsy  "), (Clauses{"what is a biopsy"}));
  EXPECT_TRUE(SplitClauses(" ?! ,. ").empty());
}

}  // namespace
}  // namespace faqbot::dialogue
