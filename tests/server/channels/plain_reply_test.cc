#include "server/channels/plain_reply.h"

#include <gtest/gtest.h>

#include "common/text.h"

namespace faqbot::server::channels {
namespace {

using dialogue::Reply;
using dialogue::ReplyType;

Reply Full() {
  Reply r;
  r.type = ReplyType::kAnswer;
  r.text = "First paragraph. It has two sentences.\n\nSecond paragraph.";
  r.sources = {
      {"Bone metastasis", "SSO Hospitals", "https://example.org/bm", "Symptoms", "bm#1", "q"},
      {"Bone metastasis", "SSO Hospitals", "https://example.org/bm", "Symptoms", "bm#2", "q"},
      {"Stage 4", "MNT", "https://example.org/s4", "", "s4#1", "q"}};
  r.disclaimer = "This is general information, not medical advice.";
  r.referrals = {{"American Cancer Society", "https://www.cancer.org", "support"}};
  r.suggestions = {"How are bone metastases treated?", "Second paragraph."};
  r.safety = dialogue::SafetyInfo{
      "mscc", {{"Emergency services", "999", "", "now"}, {"Acute oncology", "", "", "your team"}}};
  return r;
}

TEST(PlainReplyTest, RendersEveryPart) {
  PlainReply p = RenderPlain(Full());
  EXPECT_EQ(p.text, Full().text);
  EXPECT_EQ(p.safety,
            "Who can help:\n- Emergency services: 999 (now)\n- Acute oncology: your team");
  EXPECT_EQ(p.sources,
            "Sources:\n1. Bone metastasis - SSO Hospitals (Symptoms)\n   https://example.org/bm\n"
            "2. Stage 4 - MNT\n   https://example.org/s4");
  EXPECT_EQ(p.disclaimer, Full().disclaimer);
  EXPECT_EQ(p.referrals, "More support:\n- American Cancer Society: https://www.cancer.org");
  EXPECT_EQ(p.suggestions, "You could also ask:\n- How are bone metastases treated?")
      << "a suggestion already in the text is not repeated";
  auto blocks = Blocks(p, true);
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[1], p.safety) << "contacts come right after the text";
  EXPECT_EQ(Blocks(p, false).size(), 5u);
}

TEST(PlainReplyTest, UrgentRepliesSayGetHelpNow) {
  Reply r = Full();
  r.type = ReplyType::kEmergency;
  EXPECT_TRUE(text::StartsWith(RenderPlain(r).safety, "Get help now:\n"));
  r.type = ReplyType::kCrisis;
  EXPECT_TRUE(text::StartsWith(RenderPlain(r).safety, "Get help now:\n"));
}

TEST(PlainReplyTest, ShortenCutsAtASentenceOrWord) {
  std::string s = "One two three. Four five six seven eight nine ten.";
  EXPECT_EQ(Shorten(s, 100), s);
  EXPECT_EQ(Shorten(s, 40), "One two three. Four five six seven ...");
  EXPECT_EQ(Shorten(s, 24), "One two three. ...") << "a sentence end in the second half wins";
  EXPECT_EQ(Shorten("aaaa bbbb cccc dddd", 15), "aaaa bbbb ...");
  EXPECT_EQ(Shorten("abcdefghij", 6), "ab ...");
  // Code points, not bytes: no character is cut in half.
  std::string accents = "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";  // 6 x e-acute
  EXPECT_EQ(Shorten(accents, 5), "\xC3\xA9 ...");
}

TEST(PlainReplyTest, FitKeepsSafetyAndDisclaimerWhenTheTextIsLong) {
  Reply r = Full();
  r.text = std::string(3000, 'x') + ". " + std::string(3000, 'y') + ".";
  PlainReply p = RenderPlain(r);
  std::string fitted = FitPlain(p, true, 1000);
  EXPECT_LE(text::Utf8Length(fitted), 1000u);
  for (const std::string* kept : {&p.safety, &p.sources, &p.disclaimer, &p.referrals}) {
    EXPECT_NE(fitted.find(*kept), std::string::npos) << *kept;
  }
  EXPECT_NE(fitted.find(" ..."), std::string::npos);
  // Tighter: optional blocks go, the contacts and disclaimer never do.
  std::string tight = FitPlain(p, true, 260);
  EXPECT_LE(text::Utf8Length(tight), 260u);
  EXPECT_NE(tight.find(p.safety), std::string::npos) << tight;
  EXPECT_NE(tight.find(p.disclaimer), std::string::npos) << tight;
  EXPECT_EQ(tight.find("More support"), std::string::npos) << tight;
}

TEST(PlainReplyTest, FitLeavesShortRepliesAlone) {
  PlainReply p = RenderPlain(Full());
  EXPECT_EQ(FitPlain(p, true, 4000), text::Join(Blocks(p, true), "\n\n"));
}

TEST(PlainReplyTest, SplitMessagesPacksAndSplitsWithinTheLimit) {
  std::vector<std::string> blocks = {"short", std::string(50, 'a') + "\n\n" + std::string(50, 'b'),
                                     std::string(120, 'c'), "end"};
  auto messages = SplitMessages(blocks, 60);
  for (const auto& m : messages) EXPECT_LE(text::Utf8Length(m), 60u) << m;
  // Small pieces share a message; a long block is split at its blank line,
  // and a 120-character word is cut in two.
  EXPECT_EQ(messages,
            (std::vector<std::string>{"short\n\n" + std::string(50, 'a'), std::string(50, 'b'),
                                      std::string(60, 'c'), std::string(60, 'c'), "end"}));
  EXPECT_EQ(SplitMessages({"a", "b"}, 60), std::vector<std::string>{"a\n\nb"});
}

}  // namespace
}  // namespace faqbot::server::channels
