// Hot reload: a good new bundle swaps in, a broken one is refused while the
// old keeps serving, and requests under load never fail across reloads.
#include "server/reloader.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "index/bundle.h"
#include "index/bundle_builder.h"
#include "safety/rule_safety_stage.h"
#include "tests/server/serving_stack.h"
#include "tests/support/test_support.h"

namespace faqbot::server {
namespace {

namespace fs = std::filesystem;
using faqbot::testing::ServingStack;
using faqbot::testing::TempDir;
using nlohmann::json;

const char kAdminKey[] = "reload-test-admin-key";

// An index root holding two bundles of different versions: "a" built from
// the repository's sources, "b" from the same sources with a changed lexicon
// file (a comment: same behaviour, new version). `current` points at "b".
class ReloaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    root_ = dir_->path() + "/index";
    auto a = fs::canonical(*index::ResolveBundle(faqbot::testing::SharedBundleRoot()));
    fs::create_directories(root_);
    fs::copy(a, root_ + "/" + a.filename().string(), fs::copy_options::recursive);
    version_a_ = a.filename().string().substr(2);
    std::string sources = dir_->path() + "/sources";
    fs::create_directories(sources);
    fs::copy(faqbot::testing::SourceDir() + "/intents", sources + "/intents",
             fs::copy_options::recursive);
    std::string lexicon = sources + "/intents/lexicon.yaml";
    faqbot::testing::WriteAll(lexicon,
                              faqbot::testing::ReadAll(lexicon) + "\n# reload test variant\n");
    index::BuildOptions o;
    o.corpus_dir = faqbot::testing::SourceDir() + "/corpus";
    o.intents_dir = sources + "/intents";
    o.dictionary = "/usr/share/dict/words";
    o.out_root = root_;
    o.keep = 10;
    auto built = index::BuildBundle(o);
    ASSERT_TRUE(built.ok()) << built.status().ToString();
    version_b_ = built->version;
    ASSERT_NE(version_a_, version_b_);
  }
  static void TearDownTestSuite() { delete dir_; }

  // Repoints <root>/current at `dir` (a name under the root), atomically.
  static void PointAt(const std::string& dir) {
    std::string tmp = root_ + "/.current-test";
    fs::remove(tmp);
    fs::create_directory_symlink(dir, tmp);
    fs::rename(tmp, root_ + "/current");
  }

  // A copy of bundle "a" without its intent model: it cannot load.
  static void MakeBroken() {
    std::string broken = root_ + "/v-broken";
    if (fs::exists(broken)) return;
    fs::copy(root_ + "/v-" + version_a_, broken, fs::copy_options::recursive);
    fs::remove(broken + "/intent_model.tsv");
  }

  ServerConfig Config() const {
    ServerConfig c;
    c.index_dir = root_;
    c.admin_key = kAdminKey;
    return c;
  }

  static std::string Version(const ServingStack& stack) {
    auto res = stack.Client().Get("/healthz");
    return res ? json::parse(res->body)["corpus_version"].get<std::string>() : "";
  }

  static TempDir* dir_;
  static std::string root_, version_a_, version_b_;
};

TempDir* ReloaderTest::dir_ = nullptr;
std::string ReloaderTest::root_, ReloaderTest::version_a_, ReloaderTest::version_b_;

TEST_F(ReloaderTest, AGoodBundleSwapsInAndHealthzShowsIt) {
  PointAt("v-" + version_a_);
  ServingStack stack{Config()};
  ASSERT_TRUE(stack.Start());
  EXPECT_EQ(Version(stack), version_a_);
  PointAt("v-" + version_b_);
  ReloadOutcome out = stack.reloader().Reload("test");
  EXPECT_EQ(out.kind, ReloadOutcome::Kind::kSwapped);
  EXPECT_EQ(out.previous_version, version_a_);
  EXPECT_EQ(out.version, version_b_);
  EXPECT_EQ(Version(stack), version_b_);
  auto chat = stack.Chat("what is a biopsy");
  ASSERT_TRUE(chat && chat->status == 200);
  EXPECT_EQ(json::parse(chat->body)["corpus_version"], version_b_);
}

TEST_F(ReloaderTest, ABrokenBundleIsRefusedAndTheOldKeepsServing) {
  PointAt("v-" + version_a_);
  ServingStack stack{Config()};
  ASSERT_TRUE(stack.Start());
  MakeBroken();
  PointAt("v-broken");
  httplib::Client admin = stack.Client();
  admin.set_bearer_token_auth(kAdminKey);
  auto res = admin.Post("/admin/reload", "", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
  auto j = json::parse(res->body);
  EXPECT_EQ(j["error"]["code"], "reload_failed");
  EXPECT_NE(j["error"]["message"].get<std::string>().find(version_a_ + " keeps serving"),
            std::string::npos)
      << res->body;
  EXPECT_EQ(Version(stack), version_a_);
  auto chat = stack.Chat("what is a biopsy");
  ASSERT_TRUE(chat);
  EXPECT_EQ(chat->status, 200);
  EXPECT_EQ(stack.reloader().failed(), 1u);
  EXPECT_NE(stack.log().find(R"("result":"refused")"), std::string::npos);
  PointAt("v-" + version_b_);  // fixed: the next reload takes it
  EXPECT_EQ(stack.reloader().Reload("test").kind, ReloadOutcome::Kind::kSwapped);
  EXPECT_EQ(Version(stack), version_b_);
}

TEST_F(ReloaderTest, AMissingIndexFailsTheFirstLoad) {
  ServerConfig c = Config();
  c.index_dir = dir_->path() + "/nothing-here";
  ServingStack stack{c};
  EXPECT_FALSE(stack.Start());
  EXPECT_EQ(stack.engine().knowledge(), nullptr);
}

TEST_F(ReloaderTest, NoRequestFailsWhileReloadingUnderLoad) {
  PointAt("v-" + version_a_);
  ServingStack stack{Config()};
  ASSERT_TRUE(stack.Start());
  MakeBroken();
  std::atomic<bool> done{false};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 8; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c = stack.Client();
      c.set_keep_alive(true);
      for (int i = 0; !done || i < 5; ++i) {
        auto res = c.Post("/v1/chat",
                          json{{"session_id", "load-" + std::to_string(t)},
                               {"message", i % 2 ? "and for chordoma?" : "how is it treated"}}
                              .dump(),
                          "application/json");
        (res && res->status == 200 ? ok : failed)++;
      }
    });
  }
  httplib::Client admin = stack.Client();
  admin.set_bearer_token_auth(kAdminKey);
  const std::vector<std::string> targets = {version_b_, "broken", version_a_,
                                            version_b_, "broken", version_a_};
  int swapped = 0, refused = 0;
  std::string serving = version_a_;
  for (const auto& target : targets) {
    PointAt(target == "broken" ? "v-broken" : "v-" + target);
    auto res = admin.Post("/admin/reload", "", "application/json");
    ASSERT_TRUE(res);
    (res->status == 200 ? swapped : refused)++;
    if (target != "broken") serving = target;
    EXPECT_EQ(Version(stack), serving);
  }
  done = true;
  for (auto& th : clients) th.join();
  EXPECT_EQ(swapped, 4);
  EXPECT_EQ(refused, 2);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GE(ok.load(), 8 * 5);
}

TEST(ReloaderBusyTest, OneLoadAtATime) {
  auto engine = std::make_unique<dialogue::Engine>(
      dialogue::EngineOptions{},
      std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}),
      std::make_shared<dialogue::SessionStore>(10, std::chrono::seconds(60)));
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false, release = false;
  int loads = 0;
  auto slow = [&](const std::string&) -> Result<std::shared_ptr<const dialogue::Knowledge>> {
    std::unique_lock lock(mu);
    ++loads;
    entered = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    return faqbot::testing::SharedKnowledge();
  };
  Reloader reloader("unused", {}, engine.get(), spdlog::null_logger_mt("busy-test"), slow);
  std::thread first([&] { EXPECT_EQ(reloader.Reload("a").kind, ReloadOutcome::Kind::kSwapped); });
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return entered; });
  }
  EXPECT_EQ(reloader.Reload("b").kind, ReloadOutcome::Kind::kBusy);
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  first.join();
  EXPECT_EQ(loads, 1);
  EXPECT_EQ(reloader.succeeded(), 1u);
  EXPECT_EQ(reloader.Reload("c").kind, ReloadOutcome::Kind::kSwapped);  // free again
}

}  // namespace
}  // namespace faqbot::server
