#include "common/text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

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

TEST(TextTest, LowersAsciiLettersOnly) {
  EXPECT_EQ(ToLowerAscii("Bone METS, Stage 4 – Ewing’s"), "bone mets, stage 4 – ewing’s");
  // Byte for byte what std::tolower does in the "C" locale.
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  std::string lowered = ToLowerAscii(all);
  ASSERT_EQ(lowered.size(), 256u);
  for (int b = 0; b < 256; ++b) {
    EXPECT_EQ(static_cast<unsigned char>(lowered[b]), std::tolower(b)) << b;
  }
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

TEST(TextTest, EditDistance) {
  EXPECT_EQ(EditDistance("seizure", "siezure"), 1u);
  EXPECT_EQ(EditDistance("numbness", "numbess"), 1u);
  EXPECT_EQ(EditDistance("abc", "abc"), 0u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("ab", "ba"), 1u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("abc", ""), 3u);
  EXPECT_EQ(EditDistance("ca", "abc"), 3u);  // optimal string alignment, not full Damerau
}

// The whole (n + 1) x (m + 1) table, written the textbook way.
size_t ReferenceDistance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

TEST(TextTest, EditDistanceAgreesWithTheWholeTable) {
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
}  // namespace faqbot::text
