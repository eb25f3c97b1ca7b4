#include "intents/catalogue.h"

#include <gtest/gtest.h>

#include <set>

#include "tests/support/test_support.h"

namespace faqbot::intents {
namespace {

TEST(CatalogueTest, TheShippedCatalogueIsCompleteAndValid) {
  auto kb = faqbot::testing::SharedKnowledge();
  const auto& c = kb->catalogue;
  ASSERT_TRUE(c.Validate([&](const std::string& id) { return kb->index->Find(id); }).ok());
  for (const auto& in : c.intents()) {
    EXPECT_GE(in.examples.size(), 12u) << in.name << " needs at least 12 examples";
    EXPECT_FALSE(in.question.empty()) << in.name;
    EXPECT_FALSE(in.suggestions.empty()) << in.name << " offers nothing to ask next";
    for (const auto& next : in.suggestions) {
      EXPECT_NE(c.Find(next), nullptr) << in.name << " suggests unknown " << next;
      EXPECT_NE(next, in.name) << in.name << " suggests itself";
    }
    std::set<std::string> unique(in.examples.begin(), in.examples.end());
    EXPECT_EQ(unique.size(), in.examples.size()) << in.name << " repeats an example";
  }
}

TEST(CatalogueTest, EveryCorpusTopicHasAnIntent) {
  auto kb = faqbot::testing::SharedKnowledge();
  for (const char* name : {"stage4.definition",     "bone_mets.definition",
                           "definition.difference", "staging",
                           "stage4.diagnosis",      "bone_mets.diagnosis",
                           "stage4.symptoms",       "bone_mets.symptoms",
                           "stage4.treatment",      "bone_mets.treatment",
                           "treatment.specific",    "treatment.palliative",
                           "treatment.supportive",  "stage4.prognosis",
                           "bone_mets.prognosis",   "survival.rates",
                           "survival.meaning",      "survival.individual",
                           "bone_cancer.types",     "support.groups",
                           "support.organizations", "smalltalk.greeting",
                           "smalltalk.thanks",      "smalltalk.goodbye",
                           "smalltalk.identity",    "smalltalk.capabilities",
                           "handoff.request",       "personal.advice",
                           "unsupported.causes",    "unsupported.heredity",
                           "unsupported.frequency", "unsupported.research"}) {
    EXPECT_NE(kb->catalogue.Find(name), nullptr) << name;
  }
}

TEST(CatalogueTest, SiblingsShareAnAspectAcrossTopics) {
  auto kb = faqbot::testing::SharedKnowledge();
  const Intent* s = kb->catalogue.Find("bone_mets.symptoms");
  ASSERT_NE(s, nullptr);
  const Intent* sib = kb->catalogue.Sibling(*s, "stage4");
  ASSERT_NE(sib, nullptr);
  EXPECT_EQ(sib->name, "stage4.symptoms");
  EXPECT_EQ(kb->catalogue.Sibling(*s, "bone_mets"), nullptr);
}

TEST(CatalogueTest, ReadsTheWordsAnIntentRequires) {
  auto c =
      Catalogue::Parse({"intents:\n  - {name: x, kind: smalltalk, examples: [a], "
                        "responses: [r], requires_words: [died, passed]}\n"});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->Find("x")->requires_words, (std::vector<std::string>{"died", "passed"}));
}

TEST(CatalogueTest, RejectsBrokenFiles) {
  EXPECT_FALSE(Catalogue::Parse({"intents:\n  - {name: x, kind: nonsense, examples: [a]}\n"}).ok());
  EXPECT_FALSE(Catalogue::Parse({"intents:\n  - {name: x, examples: [a]}\n"}).ok())
      << "an answer intent without passages";
  EXPECT_FALSE(Catalogue::Parse({"intents:\n  - {name: x, kind: smalltalk, examples: [a], "
                                 "responses: [r]}\n  - {name: x, kind: smalltalk, examples: [a], "
                                 "responses: [r]}\n"})
                   .ok())
      << "duplicate names";
  EXPECT_FALSE(Catalogue::Parse({"intents: [\n"}).ok());
}

}  // namespace
}  // namespace faqbot::intents
