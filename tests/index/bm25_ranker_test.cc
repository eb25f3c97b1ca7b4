#include "index/bm25_ranker.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>

#include "index/bundle.h"
#include "tests/support/test_support.h"

namespace faqbot::index {
namespace {

class Bm25RankerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto dir = ResolveBundle(faqbot::testing::SharedBundleRoot());
    ASSERT_TRUE(dir.ok());
    db_ = std::make_unique<Xapian::Database>(BundlePaths{*dir}.xapian());
    for (auto it = db_->postlist_begin(""); it != db_->postlist_end(""); ++it) {
      docids_.push_back(*it);
    }
    for (auto t = db_->allterms_begin("Z"); t != db_->allterms_end("Z"); ++t) {
      vocabulary_.push_back(*t);
    }
    ranker_ = std::make_unique<Bm25Ranker>(Bm25Ranker::Read(*db_, docids_, "Z"));
  }
  static void TearDownTestSuite() {
    ranker_.reset();
    db_.reset();
    docids_.clear();
    vocabulary_.clear();
  }

  // What Xapian's matcher returns for the same search.
  static std::vector<Bm25Ranker::Hit> Xapian(const std::vector<std::string>& terms, size_t limit,
                                             const std::vector<uint32_t>& only) {
    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    if (!only.empty()) {
      std::vector<Xapian::Query> ids;
      for (uint32_t d : only) {
        Xapian::Document doc = db_->get_document(docids_[d]);
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
          if ((*t)[0] == 'Q') ids.emplace_back(*t);
        }
      }
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end()));
    }
    Xapian::Enquire enquire(*db_);
    enquire.set_query(query);
    std::vector<Bm25Ranker::Hit> out;
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      auto pos = std::find(docids_.begin(), docids_.end(), *it) - docids_.begin();
      out.push_back({static_cast<uint32_t>(pos), it.get_weight()});
    }
    return out;
  }

  // Same documents in the same order; weights equal but for the last bits
  // (the ranker sums the terms in query order, Xapian in its tree's order).
  static void ExpectAgree(const std::vector<std::string>& terms, size_t limit,
                          const std::vector<uint32_t>& only) {
    auto ours = ranker_->Rank(terms, limit, only);
    auto theirs = Xapian(terms, limit, only);
    std::string query;
    for (const auto& t : terms) query += t + " ";
    ASSERT_EQ(ours.size(), theirs.size()) << query;
    for (size_t k = 0; k < ours.size(); ++k) {
      EXPECT_EQ(ours[k].document, theirs[k].document) << query << "at " << k;
      EXPECT_NEAR(ours[k].weight, theirs[k].weight, 1e-12 * theirs[k].weight) << query;
    }
  }

  static inline std::unique_ptr<Xapian::Database> db_;
  static inline std::vector<uint32_t> docids_;  // in document-id order
  static inline std::vector<std::string> vocabulary_;
  static inline std::unique_ptr<Bm25Ranker> ranker_;
};

TEST_F(Bm25RankerTest, RanksAndWeighsAsXapianDoes) {
  ASSERT_GT(vocabulary_.size(), 100u);
  std::mt19937 random(7);
  std::uniform_int_distribution<size_t> word(0, vocabulary_.size() - 1);
  std::uniform_int_distribution<size_t> length(1, 6);
  for (int q = 0; q < 400; ++q) {
    std::vector<std::string> terms;
    for (size_t n = length(random); n > 0; --n) terms.push_back(vocabulary_[word(random)]);
    if (q % 5 == 0) terms.push_back(terms.front());  // a term given twice
    if (q % 7 == 0) terms.push_back("Zneverseenword");
    ExpectAgree(terms, docids_.size(), {});
    ExpectAgree(terms, 3, {});  // only the best few, ties at the cut included
  }
}

TEST_F(Bm25RankerTest, CommonWordsTieAndKeepDocumentOrder) {
  // Words in many passages give many equal weights among passages of equal
  // length: the order must still be Xapian's (document id).
  std::vector<std::string> common;
  for (const auto& t : vocabulary_) {
    if (db_->get_termfreq(t) * 3 > docids_.size()) common.push_back(t);
  }
  ASSERT_FALSE(common.empty());
  for (const auto& t : common) ExpectAgree({t}, docids_.size(), {});
  ExpectAgree(common, docids_.size(), {});
}

TEST_F(Bm25RankerTest, OnlyNarrowsWithoutChangingWeights) {
  std::mt19937 random(11);
  std::uniform_int_distribution<uint32_t> doc(0, static_cast<uint32_t>(docids_.size() - 1));
  for (int q = 0; q < 100; ++q) {
    std::vector<uint32_t> only;
    for (int n = 0; n < 6; ++n) only.push_back(doc(random));
    std::sort(only.begin(), only.end());
    only.erase(std::unique(only.begin(), only.end()), only.end());
    std::vector<std::string> terms = {vocabulary_[static_cast<size_t>(q) * 13 % vocabulary_.size()],
                                      "Zbone", "Zcancer"};
    ExpectAgree(terms, only.size(), only);
    auto whole = ranker_->Rank(terms, docids_.size(), {});
    auto narrowed = ranker_->Rank(terms, only.size(), only);
    std::vector<Bm25Ranker::Hit> expected;
    for (const auto& h : whole) {
      if (std::binary_search(only.begin(), only.end(), h.document)) expected.push_back(h);
    }
    ASSERT_EQ(narrowed.size(), expected.size());
    for (size_t k = 0; k < expected.size(); ++k) {
      EXPECT_EQ(narrowed[k].document, expected[k].document);
      EXPECT_EQ(narrowed[k].weight, expected[k].weight);
    }
  }
}

TEST_F(Bm25RankerTest, NothingMatchesNothing) {
  EXPECT_TRUE(ranker_->Rank({}, 10, {}).empty());
  EXPECT_TRUE(ranker_->Rank({"Zneverseenword"}, 10, {}).empty());
  EXPECT_TRUE(ranker_->Rank({"Zbone"}, 0, {}).empty());
}

TEST_F(Bm25RankerTest, KnowsEachDocumentsTerms) {
  for (uint32_t d = 0; d < docids_.size(); d += 5) {
    std::vector<std::string> expected;
    for (auto t = db_->termlist_begin(docids_[d]); t != db_->termlist_end(docids_[d]); ++t) {
      if ((*t)[0] == 'Z') expected.push_back(*t);
    }
    EXPECT_EQ(ranker_->TermsOf(d), expected);
  }
}

}  // namespace
}  // namespace faqbot::index
