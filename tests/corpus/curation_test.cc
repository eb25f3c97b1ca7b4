// Proves that curation invented nothing: every sentence of every curated
// document appears in its raw capture (whitespace and punctuation aside),
// except the headings and table cells the front matter lists as restored --
// and those lists are exact, and every restored figure is stated in the prose.
#include <gtest/gtest.h>

#include <set>

#include "common/text.h"
#include "corpus/corpus_loader.h"
#include "tests/support/test_support.h"

namespace faqbot::corpus {
namespace {

using faqbot::testing::ReadAll;
using faqbot::testing::SourceDir;

class CurationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    auto docs = LoadCorpus(SourceDir() + "/corpus");
    ASSERT_TRUE(docs.ok()) << docs.status().ToString();
    for (auto& d : *docs) {
      if (d.id == GetParam()) doc_ = d;
    }
    ASSERT_EQ(doc_.id, GetParam());
    raw_ = ReadAll(SourceDir() + "/corpus/" + doc_.raw);
    ASSERT_FALSE(raw_.empty()) << "raw capture " << doc_.raw << " is missing";
    raw_norm_ = text::AlnumOnly(text::FoldPunctuation(raw_));
    for (const auto& line : text::Split(raw_, '\n')) {
      raw_lines_.insert(text::AlnumOnly(text::FoldPunctuation(line)));
    }
  }

  // A heading survived the capture when a whole line of it says the same.
  bool IsRawLine(const std::string& s) const {
    return raw_lines_.count(text::AlnumOnly(text::FoldPunctuation(s))) > 0;
  }

  bool InRaw(const std::string& s) const {
    std::string n = text::AlnumOnly(text::FoldPunctuation(s));
    return !n.empty() && raw_norm_.find(n) != std::string::npos;
  }

  Document doc_;
  std::string raw_;
  std::string raw_norm_;
  std::set<std::string> raw_lines_;
};

TEST_P(CurationTest, EverySentenceComesFromTheRawCapture) {
  for (const auto& b : doc_.blocks) {
    if (b.kind != Block::Kind::kParagraph && b.kind != Block::Kind::kListItem) continue;
    for (const auto& sentence : text::SplitSentences(b.text)) {
      EXPECT_TRUE(InRaw(sentence)) << "not in " << doc_.raw << ": " << sentence;
    }
  }
}

TEST_P(CurationTest, HeadingsAreCapturedOrListedAsRestored) {
  std::set<std::string> restored(doc_.restored_headings.begin(), doc_.restored_headings.end());
  std::set<std::string> used;
  for (const auto& b : doc_.blocks) {
    if (b.kind != Block::Kind::kHeading) continue;
    if (restored.count(b.text)) {
      used.insert(b.text);
      EXPECT_FALSE(IsRawLine(b.text))
          << "'" << b.text << "' is a line of the capture; it is not restored";
    } else {
      EXPECT_TRUE(IsRawLine(b.text)) << "heading neither captured nor listed: " << b.text;
    }
  }
  EXPECT_EQ(used, restored) << "restored_headings lists headings the document does not use";
}

TEST_P(CurationTest, TableCellsAreCapturedOrRestoredFromTheProse) {
  std::set<std::string> restored(doc_.restored_table_cells.begin(),
                                 doc_.restored_table_cells.end());
  std::string prose;
  for (const auto& b : doc_.blocks) {
    if (b.kind == Block::Kind::kParagraph) prose += b.text + "\n";
  }
  for (const auto& b : doc_.blocks) {
    if (b.kind != Block::Kind::kTable) continue;
    for (const auto& row : b.rows) {
      for (const auto& cell : row) {
        if (InRaw(cell)) continue;
        EXPECT_TRUE(restored.count(cell)) << "table cell neither captured nor listed: " << cell;
        if (cell.back() == '%') {
          EXPECT_NE(prose.find(cell), std::string::npos)
              << "restored figure " << cell << " is not stated in the document's prose";
        }
      }
    }
  }
}

TEST_P(CurationTest, PageFurnitureAndAdvertisingAreGone) {
  const std::vector<std::string> furniture = {
      "Share on Pinterest",    "Read more about",    "Was this helpful",
      "Cancer resources",      "Expert Cancer Care", "Appointment",
      "All Doctors",           "Happy Patients",     "get in touch with our specialists",
      "Discover advanced care"};
  for (const auto& b : doc_.blocks) {
    for (const auto& f : furniture) {
      EXPECT_EQ(b.text.find(f), std::string::npos) << "furniture left in: " << b.text;
    }
  }
}

TEST_P(CurationTest, ProvenanceIsComplete) {
  EXPECT_FALSE(doc_.title.empty());
  EXPECT_FALSE(doc_.publisher.empty());
  EXPECT_TRUE(text::StartsWith(doc_.url, "https://"));
  EXPECT_EQ(doc_.retrieved.size(), 10u) << "retrieved must be an ISO date";
  EXPECT_FALSE(doc_.curation.empty()) << "curation notes are required";
}

INSTANTIATE_TEST_SUITE_P(Corpus, CurationTest,
                         ::testing::Values("stage-4-bone-cancer", "bone-metastasis"));

TEST(CurationTest, ThreeSurvivalTablesWereRebuilt) {
  auto docs = LoadCorpus(SourceDir() + "/corpus");
  ASSERT_TRUE(docs.ok());
  int tables = 0;
  for (const auto& d : *docs) {
    for (const auto& b : d.blocks) {
      if (b.kind != Block::Kind::kTable) continue;
      ++tables;
      ASSERT_EQ(b.rows.size(), 4u);
      EXPECT_EQ(b.rows[1][0], "Localized");
      EXPECT_EQ(b.rows[2][0], "Regional");
      EXPECT_EQ(b.rows[3][0], "Distant");
    }
  }
  EXPECT_EQ(tables, 3);
}

TEST(CurationTest, KidneyDamageIsItsOwnListItem) {
  auto docs = LoadCorpus(SourceDir() + "/corpus");
  ASSERT_TRUE(docs.ok());
  bool found = false;
  for (const auto& d : *docs) {
    for (const auto& b : d.blocks) {
      if (b.kind == Block::Kind::kListItem && b.text == "Kidney damage") found = true;
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace faqbot::corpus
