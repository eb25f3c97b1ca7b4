#include "index/xapian_search_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "index/bundle.h"
#include "index/xapian_writer.h"
#include "tests/support/test_support.h"

namespace faqbot::index {
namespace {

using faqbot::testing::SharedKnowledge;

std::vector<std::string> Stems(const std::string& text) {
  return SharedKnowledge()->analyzer->Analyze(text).ContentStems();
}

TEST(XapianSearchIndexTest, FindsTheRightPassages) {
  const auto& idx = *SharedKnowledge()->index;
  auto hits = idx.Search({Stems("radioactive glucose scan"), 3, {}});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().passage->id, "bone-metastasis#how-are-bone-metastases-diagnosed-5");
  EXPECT_GT(hits->front().coverage, 0.9);
}

TEST(XapianSearchIndexTest, HeadingsWeighMoreThanBody) {
  const auto& idx = *SharedKnowledge()->index;
  auto hits = idx.Search({Stems("chordoma outlook"), 1, {}});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().passage->heading_path.back(), "Chordoma outlook");
}

TEST(XapianSearchIndexTest, UnknownWordsLowerCoverage) {
  const auto& idx = *SharedKnowledge()->index;
  auto hits = idx.Search({Stems("symptoms of the flu"), 1, {}});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_LT(hits->front().coverage, 0.5);
}

TEST(XapianSearchIndexTest, WithinRestrictsTheCandidates) {
  const auto& idx = *SharedKnowledge()->index;
  std::vector<std::string> within = {"stage-4-bone-cancer#diagnosis-3",
                                     "bone-metastasis#how-are-bone-metastases-diagnosed-6"};
  auto hits = idx.Search({Stems("biopsy microscope sample"), 5, within});
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  for (const auto& h : *hits) {
    EXPECT_TRUE(h.passage->id == within[0] || h.passage->id == within[1]);
  }
}

// Ranking within a set ranks as the whole corpus does, narrowed to the set:
// the composer narrows a message's whole ranking instead of searching again.
TEST(XapianSearchIndexTest, WithinRanksLikeTheWholeRankingNarrowed) {
  const auto& idx = *SharedKnowledge()->index;
  const size_t all = idx.passages().size();
  std::vector<std::vector<std::string>> sets = {
      {"stage-4-bone-cancer#diagnosis-3", "bone-metastasis#how-are-bone-metastases-diagnosed-6",
       "nope#not-a-passage-1"},
      {"stage-4-bone-cancer#chondrosarcoma-outlook-4"}};
  for (size_t i = 0; i < all; i += 7) sets[1].push_back(idx.passages()[i].id);
  for (const char* q : {"biopsy microscope sample", "bone metastases treatment pain",
                        "chordoma outlook", "what is stage 4 bone cancer", "scan scan bone"}) {
    auto whole = idx.Search({Stems(q), all, {}});
    ASSERT_TRUE(whole.ok());
    for (const auto& within : sets) {
      auto narrowed = idx.Search({Stems(q), within.size(), within});
      ASSERT_TRUE(narrowed.ok());
      std::vector<SearchHit> expected;
      for (const auto& h : *whole) {
        if (std::find(within.begin(), within.end(), h.passage->id) != within.end()) {
          expected.push_back(h);
        }
      }
      ASSERT_EQ(narrowed->size(), expected.size()) << q;
      for (size_t k = 0; k < expected.size(); ++k) {
        EXPECT_EQ((*narrowed)[k].passage, expected[k].passage) << q;
        EXPECT_EQ((*narrowed)[k].score, expected[k].score) << q;
        EXPECT_EQ((*narrowed)[k].coverage, expected[k].coverage) << q;
      }
    }
  }
}

TEST(XapianSearchIndexTest, CoverageIsWorkedOutForTheBestHitsAsked) {
  const auto& idx = *SharedKnowledge()->index;
  auto stems = Stems("bone metastases treatment pain");
  auto full = idx.Search({stems, 10, {}});
  auto some = idx.Search({stems, 10, {}, 2});
  ASSERT_TRUE(full.ok() && some.ok());
  ASSERT_EQ(full->size(), some->size());
  ASSERT_GT(full->size(), 2u);
  for (size_t k = 0; k < full->size(); ++k) {
    EXPECT_EQ((*some)[k].passage, (*full)[k].passage);
    EXPECT_EQ((*some)[k].score, (*full)[k].score);
    EXPECT_GE((*full)[k].coverage, 0.0);
    EXPECT_EQ((*some)[k].coverage, k < 2 ? (*full)[k].coverage : SearchHit::kNotCovered);
  }
}

TEST(XapianSearchIndexTest, LooksUpPassagesAndVersion) {
  const auto& idx = *SharedKnowledge()->index;
  const Passage* p = idx.Find("stage-4-bone-cancer#chondrosarcoma-outlook-4");
  ASSERT_NE(p, nullptr);
  EXPECT_NE(p->text.find("17%"), std::string::npos);
  EXPECT_EQ(p->publisher, "Medical News Today");
  EXPECT_EQ(idx.Find("nope#x-1"), nullptr);
  EXPECT_EQ(idx.version().size(), 12u);
  EXPECT_GT(idx.DocumentFrequency("metastas"), 0u);
  EXPECT_EQ(idx.DocumentFrequency("banana"), 0u);
}

// Searches in memory (per-thread scratch) and on disk (a pool of handles
// smaller than the number of threads) give every thread the same answer.
TEST(XapianSearchIndexTest, ConcurrentSearchesAgree) {
  auto dir = ResolveBundle(faqbot::testing::SharedBundleRoot());
  ASSERT_TRUE(dir.ok());
  auto disk = OpenXapianIndex(BundlePaths{*dir}.xapian(), {2, 0});
  ASSERT_TRUE(disk.ok());
  auto stems = Stems("bone metastases treatment");
  for (const SearchIndex* idx : {SharedKnowledge()->index.get(), disk->get()}) {
    auto expected = idx->Search({stems, 3, {}});
    ASSERT_TRUE(expected.ok() && expected->size() == 3u);
    std::vector<std::thread> threads;
    std::atomic<int> same{0};
    for (int t = 0; t < 16; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 50; ++i) {
          auto hits = idx->Search({stems, 3, {}});
          bool equal = hits.ok() && hits->size() == expected->size();
          for (size_t k = 0; equal && k < hits->size(); ++k) {
            equal = (*hits)[k].passage == (*expected)[k].passage &&
                    (*hits)[k].score == (*expected)[k].score;
          }
          if (equal) ++same;
        }
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(same.load(), 16 * 50);
  }
}

// A small database is ranked in memory (bm25_ranker.h); Xapian's matcher on
// disk ranks, weighs and covers these searches exactly the same.
TEST(XapianSearchIndexTest, InMemoryAndOnDiskAgree) {
  auto dir = ResolveBundle(faqbot::testing::SharedBundleRoot());
  ASSERT_TRUE(dir.ok());
  std::string path = BundlePaths{*dir}.xapian();
  auto memory = OpenXapianIndex(path, {1, 100000});
  auto disk = OpenXapianIndex(path, {1, 0});
  ASSERT_TRUE(memory.ok() && disk.ok());
  std::vector<std::string> within = {"stage-4-bone-cancer#diagnosis-3",
                                     "bone-metastasis#how-are-bone-metastases-diagnosed-6"};
  for (const char* q : {"radioactive glucose scan", "chordoma outlook", "symptoms of the flu",
                        "bone metastases treatment pain", "what is stage 4 bone cancer",
                        "biopsy microscope sample"}) {
    for (const auto& only : {std::vector<std::string>{}, within}) {
      auto a = (*memory)->Search({Stems(q), 5, only});
      auto b = (*disk)->Search({Stems(q), 5, only});
      ASSERT_TRUE(a.ok() && b.ok());
      ASSERT_EQ(a->size(), b->size()) << q;
      for (size_t i = 0; i < a->size(); ++i) {
        EXPECT_EQ((*a)[i].passage->id, (*b)[i].passage->id) << q;
        EXPECT_EQ((*a)[i].score, (*b)[i].score) << q;
        EXPECT_EQ((*a)[i].coverage, (*b)[i].coverage) << q;
      }
    }
  }
}

TEST(XapianSearchIndexTest, OpeningAMissingOrCorruptIndexFailsCleanly) {
  faqbot::testing::TempDir dir;
  EXPECT_FALSE(OpenXapianIndex(dir.path() + "/none").ok());
  faqbot::testing::WriteAll(dir.path() + "/bad/iamglass", "garbage");
  auto opened = OpenXapianIndex(dir.path() + "/bad");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace faqbot::index
