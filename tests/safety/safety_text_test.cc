#include "safety/safety_text.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "common/text.h"

namespace faqbot::safety {
namespace {

std::vector<std::string> Clauses(const std::string& message) {
  std::vector<std::string> out;
  for (const auto& c : ReadClauses(message)) {
    out.push_back(text::Join(c.words, " ") + (c.question ? "?" : ""));
  }
  return out;
}

TEST(SafetyTextTest, CutsClausesAtPunctuationAndBut) {
  EXPECT_EQ(Clauses("My legs are numb. What is MSCC? Help!"),
            (std::vector<std::string>{"my legs are numb", "what is mscc?", "help"}));
  EXPECT_EQ(Clauses("I have bone mets, can they cause numbness?"),
            (std::vector<std::string>{"i have bone mets", "can they cause numbness?"}));
  EXPECT_EQ(Clauses("not sure it matters but my legs went numb"),
            (std::vector<std::string>{"not sure it matters", "my legs went numb"}));
}

TEST(SafetyTextTest, DropsApostrophesAndFoldsTypographicPunctuation) {
  EXPECT_EQ(Clauses("I can\xE2\x80\x99t feel my dad\xE2\x80\x99s legs"),
            (std::vector<std::string>{"i cant feel my dads legs"}));
  EXPECT_EQ(Clauses("I cannot walk; I could not stand"),
            (std::vector<std::string>{"i cant walk", "i cant stand"}));
  EXPECT_EQ(Clauses("no one would miss me"), (std::vector<std::string>{"noone would miss me"}));
}

TEST(SafetyTextTest, ReadsWordPairsAsOneWordWhereverTheyFall) {
  EXPECT_EQ(Clauses("no one no longer can not"), (std::vector<std::string>{"noone nolonger cant"}));
  EXPECT_EQ(Clauses("x ray in case any more not able"),
            (std::vector<std::string>{"xray incase anymore unable"}));
  EXPECT_EQ(Clauses("can can not no"), (std::vector<std::string>{"can cant no"}));
  EXPECT_EQ(Clauses("not"), (std::vector<std::string>{"not"}));
}

TEST(SafetyTextTest, KeepsDecimalsAndSplitsUnits) {
  EXPECT_EQ(Clauses("temp 38.5c, then 101F and 39\xC2\xB0"
                    "C"),
            (std::vector<std::string>{"temperature 38.5 c", "then 101 f and 39 degrees c"}));
}

TEST(SafetyTextTest, MapsVariantsAndNearMissesOfKeyWords) {
  EXPECT_EQ(NormalWord("paralysed"), "paralyzed");
  EXPECT_EQ(NormalWord("hypercalcaemia"), "hypercalcemia");
  EXPECT_EQ(NormalWord("tempreture"), "temperature");
  EXPECT_EQ(NormalWord("numbess"), "numbness");
  EXPECT_EQ(NormalWord("siezure"), "seizure");
  EXPECT_EQ(NormalWord("confussed"), "confused");
  EXPECT_EQ(NormalWord("unconcious"), "unconscious");
  EXPECT_EQ(NormalWord("chemotherapy"), "chemotherapy");
  EXPECT_EQ(NormalWord("thirty"), "thirty");
  EXPECT_EQ(NormalWord("blending"), "blending");
  EXPECT_EQ(NormalWord("ladder"), "ladder");
}

TEST(SafetyTextTest, WithinOneEditAgreesWithEditDistance) {
  const std::vector<std::string> words = {
      "",       "a",        "ab",       "ba",       "abc",      "acb",       "seizure",   "siezure",
      "seizur", "seizures", "sezure",   "numbness", "numbess",  "nmubness",  "numbnes",   "numbnss",
      "kitten", "sitting",  "bleeding", "blending", "bleedign", "xbleeding", "bleedingx", "eizure"};
  for (const auto& a : words) {
    for (const auto& b : words) {
      EXPECT_EQ(WithinOneEdit(a, b), text::EditDistance(a, b) <= 1) << a << " " << b;
    }
  }
}

// The typo tolerance must never turn a real English word into a symptom:
// every dictionary word reads as itself, except inflections of the same word.
TEST(SafetyTextTest, RealWordsAreNeverReadAsADifferentKeyWord) {
  std::ifstream dict("/usr/share/dict/words");
  if (!dict) GTEST_SKIP() << "no /usr/share/dict/words";
  const std::map<std::string, std::string> kSameWord = {{"breaths", "breathe"},
                                                        {"breathy", "breathe"},
                                                        {"cannot", "cant"},
                                                        {"collapses", "collapsed"},
                                                        {"confuses", "confused"},
                                                        {"constipates", "constipated"},
                                                        {"couldnt", "cant"},
                                                        {"diarrhoea", "diarrhea"},
                                                        {"drowse", "drowsy"},
                                                        {"faecal", "fecal"},
                                                        {"fractures", "fractured"},
                                                        {"gonna", "going"},
                                                        {"haemorrhage", "hemorrhage"},
                                                        {"haemorrhaging", "hemorrhaging"},
                                                        {"mommy", "mom"},
                                                        {"mummy", "mum"},
                                                        {"paralyses", "paralysis"},
                                                        {"paralyzes", "paralyzed"},
                                                        {"puking", "vomiting"},
                                                        {"temp", "temperature"},
                                                        {"temps", "temperature"},
                                                        {"thirsts", "thirsty"},
                                                        {"tingle", "tingly"},
                                                        {"wanna", "want"},
                                                        {"wouldnt", "wont"}};
  std::vector<std::string> wrong;
  size_t checked = 0;
  for (std::string w; std::getline(dict, w);) {
    w = text::ToLowerAscii(w);
    w.erase(std::remove(w.begin(), w.end(), '\''), w.end());
    if (w.empty() || static_cast<unsigned char>(w[0]) >= 0x80) continue;
    ++checked;
    std::string n = NormalWord(w);
    if (n == w) continue;
    auto same = kSameWord.find(w);
    if (same == kSameWord.end() || same->second != n) wrong.push_back(w + " -> " + n);
  }
  EXPECT_GT(checked, 50000u);
  EXPECT_TRUE(wrong.empty()) << text::Join(wrong, "\n");
}

}  // namespace
}  // namespace faqbot::safety
