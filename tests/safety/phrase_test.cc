#include "safety/phrase.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <tuple>

#include "common/text.h"
#include "safety/concepts.h"
#include "safety/safety_text.h"
#include "tests/support/test_support.h"

namespace faqbot::safety {
namespace {

const WordSets kSets = {{"limb", {"leg", "legs", "arm*"}}};

std::vector<std::string> Words(const std::string& s) { return text::Split(s, ' '); }

bool Found(const std::string& notation, const std::string& words) {
  return !Phrase(notation, kSets).FindAll(Words(words)).empty();
}

TEST(PhraseTest, WordsAlternativesAndPrefixes) {
  EXPECT_TRUE(Found("numb", "my legs are numb"));
  EXPECT_FALSE(Found("numb", "what is my number"));
  EXPECT_TRUE(Found("tingl*", "tingly feet"));
  EXPECT_TRUE(Found("cant|unable walk", "i cant walk"));
  EXPECT_FALSE(Found("cant|unable walk", "i can walk"));
}

TEST(PhraseTest, NamedSetsExpandWithTheirPrefixes) {
  EXPECT_TRUE(Found("{limb} ~2 weak", "my legs are weak"));
  EXPECT_TRUE(Found("{limb} ~2 weak", "my arms are weak"));
  EXPECT_FALSE(Found("{limb} ~2 weak", "my back is weak"));
}

TEST(PhraseTest, GapsAllowUpToTheirSize) {
  EXPECT_TRUE(Found("cant ~2 feel", "cant feel"));
  EXPECT_TRUE(Found("cant ~2 feel", "cant really properly feel"));
  EXPECT_FALSE(Found("cant ~2 feel", "cant walk or even properly feel"));
}

TEST(PhraseTest, NegativeChecksLookAtTheNextWordOrTheEnd) {
  EXPECT_TRUE(Found("confused !about|by", "dad is confused"));
  EXPECT_TRUE(Found("confused !about|by", "dad is confused and drowsy"));
  EXPECT_FALSE(Found("confused !about|by", "i am confused about my bill"));
}

TEST(PhraseTest, LookBehindChecksTheTwoWordsBefore) {
  EXPECT_TRUE(Found("<dont|not want ~2 die", "i just want to die"));
  EXPECT_FALSE(Found("<dont|not want ~2 die", "i dont want to die"));
  EXPECT_FALSE(Found("<dont|not want ~2 die", "dont really want to die"));
  EXPECT_TRUE(Found("he ~3 <{limb} collapsed", "he suddenly collapsed"));
  EXPECT_FALSE(Found("he ~3 <{limb} collapsed", "he says his legs collapsed"));
}

TEST(PhraseTest, EndAnchorsAtTheEndOfTheClause) {
  EXPECT_TRUE(Found("cant go on $", "i cant go on"));
  EXPECT_FALSE(Found("cant go on $", "i cant go on holiday"));
}

TEST(PhraseTest, FindAllReportsEveryMatchWithItsExtent) {
  Phrase p("numb", kSets);
  auto found = p.FindAll(Words("numb legs and numb arms"));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].begin, 0u);
  EXPECT_EQ(found[0].end, 1u);
  EXPECT_EQ(found[1].begin, 3u);
  auto gap = Phrase("cant ~2 feel ~2 {limb}", kSets).FindAll(Words("i cant feel my legs"));
  ASSERT_EQ(gap.size(), 1u);
  EXPECT_EQ(gap[0].begin, 1u);
  EXPECT_EQ(gap[0].end, 5u);
}

// (phrase, begin, end) for every match of every phrase, in order.
using Matches = std::vector<std::tuple<uint32_t, size_t, size_t>>;

Matches OneByOne(const std::vector<Phrase>& phrases, const std::vector<std::string>& words) {
  Matches out;
  for (uint32_t p = 0; p < phrases.size(); ++p) {
    for (const auto& m : phrases[p].FindAll(words)) out.emplace_back(p, m.begin, m.end);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Matches Together(const PhraseIndex& index, const std::vector<std::string>& words) {
  Matches out;
  for (const auto& h : index.FindAll(words)) out.emplace_back(h.phrase, h.match.begin, h.match.end);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<const Phrase*> Pointers(const std::vector<Phrase>& phrases) {
  std::vector<const Phrase*> out;
  for (const auto& p : phrases) out.push_back(&p);
  return out;
}

TEST(PhraseIndexTest, FindsWhatEachPhraseFinds) {
  std::vector<Phrase> phrases;
  for (const char* n : {"numb", "tingl*", "cant|unable walk", "{limb} ~2 weak", "~2 feel",
                        "!about|by numb", "<dont|not want ~2 die", "$", "arm* ~1 arm", "leg"}) {
    phrases.emplace_back(n, kSets);
  }
  PhraseIndex index(Pointers(phrases));
  for (const char* words : {"numb legs and numb arms", "i cant feel my legs",
                            "tingly tingling arms", "arm armchair arm", "i dont want to die",
                            "about numb", "numb", "my arms are weak", "leg", ""}) {
    EXPECT_EQ(Together(index, Words(words)), OneByOne(phrases, Words(words))) << words;
  }
}

TEST(PhraseIndexTest, AnIndexWithoutPrefixesFindsWholeWords) {
  std::vector<Phrase> phrases;
  for (const char* n : {"numb", "cant|unable walk", "leg"}) phrases.emplace_back(n, kSets);
  PhraseIndex index(Pointers(phrases));
  Matches found = Together(index, Words("i cant walk and my leg is numb"));
  EXPECT_EQ(found, (Matches{{0, 7, 8}, {1, 1, 3}, {2, 5, 6}}));
  EXPECT_EQ(found, OneByOne(phrases, Words("i cant walk and my leg is numb")));
}

// The same over the whole safety table and every clause of the safety cases.
TEST(PhraseIndexTest, FindsWhatTheSafetyTableFinds) {
  std::vector<Phrase> phrases;
  for (const auto& spec : ConceptSpecs()) {
    for (const auto& p : spec.phrases) phrases.emplace_back(p, SafetyWordSets());
  }
  PhraseIndex index(Pointers(phrases));
  std::istringstream in(
      faqbot::testing::ReadAll(faqbot::testing::SourceDir() + "/tests/safety/safety_cases.tsv"));
  size_t clauses = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    for (const Clause& clause : ReadClauses(line)) {
      ++clauses;
      ASSERT_EQ(Together(index, clause.words), OneByOne(phrases, clause.words)) << line;
    }
  }
  EXPECT_GT(clauses, 500u);
}

TEST(PhraseDeathTest, MalformedNotationIsAProgrammingError) {
  EXPECT_DEATH(Phrase("{nosuchset}", kSets), "unknown word set");
  EXPECT_DEATH(Phrase("a||b", kSets), "empty alternative");
  EXPECT_DEATH(Phrase("~0 a", kSets), "positive size");
}

}  // namespace
}  // namespace faqbot::safety
