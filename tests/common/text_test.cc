#include "common/text.h"

#include <gtest/gtest.h>

namespace faqbot::text {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("person\u2019s caf\u00e9 \U0001F600"));
  EXPECT_TRUE(IsValidUtf8(""));
}

TEST(Utf8Test, RejectsMalformedText) {
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("ok\x80"));
}

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(Utf8Length("abc"), 3u);
  EXPECT_EQ(Utf8Length("caf\u00e9"), 4u);
  EXPECT_EQ(Utf8Length("\U0001F600"), 1u);
}

TEST(TextTest, TrimsAsciiAndUnicodeSpace) {
  EXPECT_EQ(Trim("  hi \n"), "hi");
  EXPECT_EQ(Trim("\u00a0hi\u00a0"), "hi");
  EXPECT_EQ(Trim(" \t "), "");
}

TEST(TextTest, FoldsTypographicPunctuation) {
  EXPECT_EQ(FoldPunctuation("person\u2019s \u201cquote\u201d 1\u20133"), "person's \"quote\" 1-3");
}

TEST(TextTest, SlugsAndAlnum) {
  EXPECT_EQ(Slugify("What are The Symptoms of Bone Metastases?"),
            "what-are-the-symptoms-of-bone-metastases");
  EXPECT_EQ(AlnumOnly("5-year, relative!"), "5yearrelative");
}

TEST(TextTest, SplitsSentences) {
  auto s = SplitSentences("Pain is common. It may come and go. 76% survive.\nNext line");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "Pain is common.");
  EXPECT_EQ(s[2], "76% survive.");
  EXPECT_EQ(s[3], "Next line");
}

TEST(TextTest, SplitAndJoin) {
  EXPECT_EQ(Split("a,b,,c", ',').size(), 4u);
  EXPECT_EQ(Join({"a", "b"}, ", "), "a, b");
}

}  // namespace
}  // namespace faqbot::text
