#include "index/bundle.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "index/bundle_builder.h"
#include "tests/support/test_support.h"

namespace faqbot::index {
namespace {

namespace fs = std::filesystem;
using faqbot::testing::SourceDir;
using faqbot::testing::TempDir;
using faqbot::testing::WriteAll;

BuildOptions Options(const std::string& out) {
  BuildOptions o;
  o.corpus_dir = SourceDir() + "/corpus";
  o.intents_dir = SourceDir() + "/intents";
  o.out_root = out;
  return o;
}

TEST(BundleTest, PublishingSwapsCurrentAtomically) {
  TempDir dir;
  auto a = CreateStagingDir(dir.path());
  ASSERT_TRUE(a.ok());
  WriteAll(*a + "/MANIFEST", "a");
  ASSERT_TRUE(PublishBundle(dir.path(), *a, "aaa").ok());
  EXPECT_EQ(fs::read_symlink(dir.path() + "/current"), "v-aaa");

  auto b = CreateStagingDir(dir.path());
  WriteAll(*b + "/MANIFEST", "b");
  ASSERT_TRUE(PublishBundle(dir.path(), *b, "bbb").ok());
  EXPECT_EQ(fs::read_symlink(dir.path() + "/current"), "v-bbb");
  auto resolved = ResolveBundle(dir.path());
  ASSERT_TRUE(resolved.ok());
  EXPECT_EQ(fs::path(*resolved).filename(), "v-bbb");
  EXPECT_TRUE(fs::exists(dir.path() + "/v-aaa")) << "the previous bundle is kept for readers";
}

TEST(BundleTest, OldVersionsArePruned) {
  TempDir dir;
  for (const char* v : {"v1", "v2", "v3", "v4"}) {
    auto s = CreateStagingDir(dir.path());
    WriteAll(*s + "/MANIFEST", v);
    ASSERT_TRUE(PublishBundle(dir.path(), *s, v, /*keep=*/2).ok());
  }
  EXPECT_FALSE(fs::exists(dir.path() + "/v-v1"));
  EXPECT_FALSE(fs::exists(dir.path() + "/v-v2"));
  EXPECT_TRUE(fs::exists(dir.path() + "/v-v3"));
  EXPECT_TRUE(fs::exists(dir.path() + "/v-v4"));
}

TEST(BundleTest, ResolvingAnEmptyRootSaysToIndexFirst) {
  TempDir dir;
  auto r = ResolveBundle(dir.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(BundleBuilderTest, SameSourcesGiveTheSameVersion) {
  TempDir dir;
  auto first = BuildBundle(Options(dir.path() + "/a"));
  auto second = BuildBundle(Options(dir.path() + "/b"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->version, second->version);
  EXPECT_EQ(first->documents, 2u);
  EXPECT_GT(first->passages, 50u);
  EXPECT_GT(first->intents, 30u);
}

TEST(BundleBuilderTest, ACatalogueCitingAMissingPassageIsRefused) {
  TempDir dir;
  fs::copy(SourceDir() + "/intents", dir.path() + "/intents", fs::copy_options::recursive);
  WriteAll(dir.path() + "/intents/catalogue/zz_bad.yaml", R"(intents:
  - name: bad.intent
    question: "Bad?"
    examples: [something]
    answer: {passages: ["bone-metastasis#no-such-section-1"]}
)");
  BuildOptions o = Options(dir.path() + "/out");
  o.intents_dir = dir.path() + "/intents";
  auto r = BuildBundle(o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no-such-section"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path() + "/out/current")) << "nothing is published on failure";
}

}  // namespace
}  // namespace faqbot::index
