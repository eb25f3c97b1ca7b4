#include "server/config.h"

#include <gtest/gtest.h>

#include "tests/support/test_support.h"

namespace faqbot::server {
namespace {

TEST(ConfigTest, DefaultsEnvironmentThenFlags) {
  auto c = LoadConfig({}, {});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->host, "127.0.0.1");
  EXPECT_EQ(c->port, 8080);
  c = LoadConfig({{"PORT", "9000"}, {"HOST", "0.0.0.0"}}, {"--port", "9001"});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->port, 9001);
  EXPECT_EQ(c->host, "0.0.0.0");
}

TEST(ConfigTest, RejectsBadValuesWithAClearMessage) {
  auto bad_port = LoadConfig({{"PORT", "eighty"}}, {});
  ASSERT_FALSE(bad_port.ok());
  EXPECT_NE(bad_port.status().message().find("PORT"), std::string::npos);
  EXPECT_FALSE(LoadConfig({{"PORT", "70000"}}, {}).ok());
  EXPECT_FALSE(LoadConfig({}, {"--nope", "1"}).ok());
  EXPECT_FALSE(LoadConfig({}, {"--port"}).ok());
  EXPECT_FALSE(LoadConfig({{"FAQBOT_LOG_LEVEL", "loud"}}, {}).ok());
  EXPECT_FALSE(LoadConfig({{"FAQBOT_WORKER_THREADS", "0"}}, {}).ok());
}

}  // namespace
}  // namespace faqbot::server

namespace faqbot::server {
namespace {

TEST(ConfigTest, ListsAndSecretsComeFromTheEnvironment) {
  auto c = LoadConfig({{"FAQBOT_API_KEYS", " k1 , k2,,"},
                       {"FAQBOT_CORS_ORIGINS", "https://a.example"},
                       {"FAQBOT_TELEGRAM_SECRET", "s3cret"},
                       {"FAQBOT_REGION", "UK"}},
                      {});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->api_keys, (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(c->cors_origins, std::vector<std::string>{"https://a.example"});
  EXPECT_EQ(c->telegram_secret, "s3cret");
  EXPECT_EQ(c->region, "UK");
}

}  // namespace
}  // namespace faqbot::server

namespace faqbot::server {
namespace {

using faqbot::testing::TempDir;
using faqbot::testing::WriteAll;

class ConfigFileTest : public ::testing::Test {
 protected:
  std::string File(const std::string& yaml) {
    std::string path = dir_.path() + "/faqbot.yaml";
    WriteAll(path, yaml);
    return path;
  }
  // The message LoadConfig fails with, for a file holding `yaml`.
  std::string ErrorFor(const std::string& yaml) {
    auto c = LoadConfig({}, {"--config", File(yaml)});
    EXPECT_FALSE(c.ok()) << yaml;
    return c.ok() ? "" : c.status().message();
  }
  TempDir dir_;
};

TEST_F(ConfigFileTest, FileThenEnvironmentThenFlags) {
  std::string path = File(
      "port: 9100\n"
      "worker_threads: 32\n"
      "rate_limit: 60\n"
      "api_keys: [k1, k2]\n"
      "disclaimer: Talk to your own care team.\n"
      "referrals:\n"
      "  - {name: Helpline, url: 'https://help.example', reason: support}\n");
  auto c = LoadConfig({{"FAQBOT_CONFIG", path}, {"FAQBOT_WORKER_THREADS", "48"}},
                      {"--rate-limit", "30"});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->config_file, path);
  EXPECT_EQ(c->port, 9100);                 // file
  EXPECT_EQ(c->worker_threads, 48u);        // environment over file
  EXPECT_EQ(c->rate_limit_per_minute, 30);  // flag over both
  EXPECT_EQ(c->api_keys, (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(c->reply.disclaimer, "Talk to your own care team.");
  ASSERT_EQ(c->reply.referrals.size(), 1u);
  EXPECT_EQ(c->reply.referrals[0].name, "Helpline");
  EXPECT_EQ(c->reply.referrals[0].url, "https://help.example");
  EXPECT_EQ(c->reply.handoff, dialogue::ComposerOptions{}.handoff);  // untouched default
}

TEST_F(ConfigFileTest, ConfigFlagWinsOverTheEnvironmentVariable) {
  std::string flagged = File("port: 9200\n");
  auto c = LoadConfig({{"FAQBOT_CONFIG", dir_.path() + "/missing.yaml"}}, {"--config", flagged});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->port, 9200);
}

TEST_F(ConfigFileTest, AnEmptyFileKeepsTheDefaults) {
  auto c = LoadConfig({}, {"--config", File("# nothing set\n")});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->port, 8080);
  EXPECT_EQ(c->worker_threads, 8u);
  EXPECT_EQ(c->rate_limit_per_minute, 0);
}

TEST_F(ConfigFileTest, MissingFileIsNamed) {
  auto c = LoadConfig({}, {"--config", dir_.path() + "/nope.yaml"});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("cannot read config file"), std::string::npos);
  EXPECT_NE(c.status().message().find("nope.yaml"), std::string::npos);
}

TEST_F(ConfigFileTest, BadYamlGivesTheLine) {
  std::string m = ErrorFor("port: 8080\nhost: [unclosed\n");
  EXPECT_NE(m.find("not valid YAML"), std::string::npos) << m;
  EXPECT_NE(m.find("faqbot.yaml:"), std::string::npos) << m;
  EXPECT_NE(ErrorFor("- just\n- a list\n").find("must be a map"), std::string::npos);
}

TEST_F(ConfigFileTest, UnknownKeysAreRefusedWithTheirLine) {
  std::string m = ErrorFor("port: 8080\nworker_thread: 8\n");
  EXPECT_NE(m.find("unknown key 'worker_thread'"), std::string::npos) << m;
  EXPECT_NE(m.find("faqbot.yaml:2"), std::string::npos) << m;
  EXPECT_NE(ErrorFor("config: other.yaml\n").find("unknown key 'config'"), std::string::npos);
  EXPECT_NE(ErrorFor("referrals:\n  - {name: A, url: 'https://a', why: x}\n")
                .find("unknown referral key 'why'"),
            std::string::npos);
}

TEST_F(ConfigFileTest, BadValuesNameTheKeyAndWhatItExpects) {
  std::string m = ErrorFor("port: eighty\n");
  EXPECT_NE(m.find("faqbot.yaml:1: port: cannot use 'eighty'; expected a whole number"),
            std::string::npos)
      << m;
  EXPECT_NE(ErrorFor("port:\n").find("port has no value"), std::string::npos);
  EXPECT_NE(ErrorFor("port: [1, 2]\n").find("port must be a whole number"), std::string::npos);
  EXPECT_NE(ErrorFor("rate_limit: -1\n").find("rate_limit"), std::string::npos);
  EXPECT_NE(ErrorFor("port: 70000\n").find("port must be 0-65535"), std::string::npos);
  EXPECT_NE(ErrorFor("disclaimer: ''\n").find("disclaimer"), std::string::npos);
  EXPECT_NE(ErrorFor("referrals: none\n").find("referrals must be a list"), std::string::npos);
  EXPECT_NE(ErrorFor("referrals:\n  - {name: A, url: 'ftp://a', reason: x}\n").find("http(s) url"),
            std::string::npos);
  EXPECT_NE(ErrorFor("admin_key: short\n").find("admin_key must be at least 16"),
            std::string::npos);
  EXPECT_NE(ErrorFor("read_timeout_seconds: 0\n").find("read_timeout_seconds must be 1-3600"),
            std::string::npos);
}

TEST(ConfigTest, LimitsAndOperationsFromTheEnvironment) {
  auto c = LoadConfig({{"FAQBOT_RATE_LIMIT", "120"},
                       {"FAQBOT_RATE_LIMIT_BURST", "10"},
                       {"FAQBOT_READ_TIMEOUT_SECONDS", "7"},
                       {"FAQBOT_KEEP_ALIVE_MAX_REQUESTS", "50"},
                       {"FAQBOT_ADMIN_KEY", "0123456789abcdef"},
                       {"FAQBOT_HANDOFF_TEXT", "Call the ward."}},
                      {"--listen-backlog", "512"});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->rate_limit_per_minute, 120);
  EXPECT_EQ(c->rate_limit_burst, 10);
  EXPECT_EQ(c->read_timeout_seconds, 7);
  EXPECT_EQ(c->keep_alive_max_requests, 50u);
  EXPECT_EQ(c->admin_key, "0123456789abcdef");
  EXPECT_EQ(c->reply.handoff, "Call the ward.");
  EXPECT_EQ(c->listen_backlog, 512);
  auto bad = LoadConfig({{"FAQBOT_RATE_LIMIT", "lots"}}, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "FAQBOT_RATE_LIMIT: cannot use 'lots'; expected a whole number");
}

TEST(ConfigTest, TheDeployExampleIsValid) {
  auto c =
      LoadConfig({}, {"--config", faqbot::testing::SourceDir() + "/deploy/faqbot.example.yaml"});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_GT(c->rate_limit_per_minute, 0);
  EXPECT_FALSE(c->reply.referrals.empty());
}

}  // namespace
}  // namespace faqbot::server
