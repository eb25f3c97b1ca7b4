#include "index/splitter.h"

#include <gtest/gtest.h>

#include <set>

#include "corpus/corpus_loader.h"
#include "corpus/markdown_reader.h"
#include "tests/support/test_support.h"

namespace faqbot::index {
namespace {

corpus::Document Parse(const char* md) {
  auto doc = corpus::ParseDocument(md);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return *doc;
}

TEST(SplitterTest, SplitsAtSectionsParagraphsAndLabelledItems) {
  auto doc = Parse(R"(---
id: d
title: Doc
publisher: P
url: https://example.org
---
Intro.

## Tests

To diagnose it, doctors may use:

- Biopsy: A sample is taken.
- X-ray: A picture is made.

### Deeper

Nested text.
)");
  auto ps = SplitDocument(doc);
  ASSERT_EQ(ps.size(), 5u);
  EXPECT_EQ(ps[0].id, "d#overview-1");
  EXPECT_TRUE(ps[0].heading_path.empty());
  EXPECT_EQ(ps[0].section(), "Doc");
  EXPECT_EQ(ps[1].id, "d#tests-1");
  EXPECT_EQ(ps[2].id, "d#tests-2");
  EXPECT_EQ(ps[2].kind, Passage::Kind::kListItem);
  EXPECT_EQ(ps[2].text, "Biopsy: A sample is taken.");
  EXPECT_EQ(ps[4].id, "d#deeper-1");
  EXPECT_EQ(ps[4].heading_path, (std::vector<std::string>{"Tests", "Deeper"}));
}

TEST(SplitterTest, ShortUnlabelledListsStayWithTheirIntroduction) {
  auto doc = Parse(R"(---
id: d
title: Doc
publisher: P
url: https://example.org
---
## Symptoms

Other symptoms include:

- Fatigue
- Fractures
)");
  auto ps = SplitDocument(doc);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].kind, Passage::Kind::kList);
  EXPECT_EQ(ps[0].text, "Other symptoms include:\n- Fatigue\n- Fractures");
}

TEST(SplitterTest, TheCorpusGivesUniqueStableIds) {
  auto docs = corpus::LoadCorpus(faqbot::testing::SourceDir() + "/corpus");
  ASSERT_TRUE(docs.ok());
  std::set<std::string> ids;
  size_t total = 0;
  for (const auto& d : *docs) {
    for (const auto& p : SplitDocument(d)) {
      ++total;
      EXPECT_TRUE(ids.insert(p.id).second) << "duplicate " << p.id;
      EXPECT_FALSE(p.text.empty());
      EXPECT_EQ(p.url, d.url);
    }
  }
  EXPECT_EQ(total, ids.size());
  // Ids the catalogue and facts depend on.
  EXPECT_TRUE(ids.count("bone-metastasis#what-are-the-symptoms-of-bone-metastases-1"));
  EXPECT_TRUE(ids.count("stage-4-bone-cancer#chondrosarcoma-outlook-4"));
}

}  // namespace
}  // namespace faqbot::index
