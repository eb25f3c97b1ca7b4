// The real faqbot-server process (SAFETY.md sections 5 and 7): started with
// its output sent to files and an index built into a temporary directory,
// spoken to over HTTP, stopped with SIGTERM. Its replies must use the
// configured region's contacts, and nothing it wrote may hold message text,
// session ids or secrets.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "tests/support/test_support.h"

extern char** environ;

namespace faqbot {
namespace {

using nlohmann::json;

class ServerProcess {
 public:
  // Starts faqbot-server on a free port with `env` over the test's own
  // environment; its stdout and stderr go to files in `dir`.
  ServerProcess(const std::string& dir, const std::map<std::string, std::string>& env)
      : out_(dir + "/stdout.log"), err_(dir + "/stderr.log") {
    std::map<std::string, std::string> all = {{"HOST", "127.0.0.1"}, {"PORT", "0"}};
    for (char** e = environ; *e; ++e) {
      std::string kv(*e);
      auto eq = kv.find('=');
      if (eq != std::string::npos && kv.rfind("FAQBOT_", 0) != 0) {
        all.emplace(kv.substr(0, eq), kv.substr(eq + 1));
      }
    }
    for (const auto& [k, v] : env) all[k] = v;
    std::vector<std::string> strings;
    for (const auto& [k, v] : all) strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& s : strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::string binary = FAQBOT_SERVER_BINARY;
    std::vector<char*> argv = {binary.data(), nullptr};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    started_ = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), envp.data()) == 0;
    posix_spawn_file_actions_destroy(&actions);
  }

  ~ServerProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  // The port once the server says it is serving; 0 if it exits or takes too long.
  int WaitUntilServing() {
    static const std::regex kServing(R"(serving on http://127\.0\.0\.1:(\d+))");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (started_ && std::chrono::steady_clock::now() < deadline) {
      std::smatch m;
      std::string out = testing::ReadAll(out_);
      if (std::regex_search(out, m, kServing)) return std::stoi(m[1]);
      if (waitpid(pid_, &status_, WNOHANG) == pid_) {
        exited_ = true;
        return 0;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return 0;
  }

  // Waits for the process to end (after `signal`, if non-zero); its exit status or -1.
  int Stop(int signal) {
    if (!exited_) {
      if (signal) kill(pid_, signal);
      waitpid(pid_, &status_, 0);
      exited_ = true;
    }
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }

  std::string Written() const { return testing::ReadAll(out_) + testing::ReadAll(err_); }

 private:
  std::string out_, err_;
  pid_t pid_ = -1;
  bool started_ = false;
  bool exited_ = false;
  int status_ = 0;
};

json Chat(httplib::Client& client, const std::string& session, const std::string& message) {
  httplib::Headers headers = {{"Authorization", "Bearer tok-okapi-7781"}};
  json body = {{"session_id", session}, {"message", message}};
  auto res = client.Post("/v1/chat", headers, body.dump(), "application/json");
  if (!res || res->status != 200) {
    ADD_FAILURE() << "no 200 reply to a chat request";
    return json::object();
  }
  return json::parse(res->body, nullptr, false);
}

TEST(ServerPrivacyTest, LogsHoldNoMessageTextSessionIdsOrSecrets) {
  testing::TempDir dir;
  ServerProcess server(dir.path(), {{"FAQBOT_INDEX", testing::SharedBundleRoot()},
                                    {"FAQBOT_REGION", "UK"},
                                    {"FAQBOT_LOG_LEVEL", "trace"},
                                    {"FAQBOT_LOG_HASH_KEY", "key-tapir-6650"}});
  int port = server.WaitUntilServing();
  ASSERT_GT(port, 0) << server.Written();
  httplib::Client client("127.0.0.1", port);

  json answer = Chat(client, "sess-narwhal-3349",
                     "What are the symptoms of bone metastases in the collarbone? marmoset-4417");
  EXPECT_EQ(answer["type"], "answer");
  json emergency = Chat(client, "sess-narwhal-3349", "my legs went numb this morning quokka-2291");
  EXPECT_EQ(emergency["type"], "emergency");
  EXPECT_EQ(emergency["safety"]["rule"], "mscc");
  json crisis = Chat(client, "sess-narwhal-3349", "I want to end my life pangolin-8812");
  EXPECT_EQ(crisis["type"], "crisis");
  json advice = Chat(client, "sess-narwhal-3349", "how much morphine can I take axolotl-5530");
  EXPECT_EQ(advice["safety"]["rule"], "personal_advice");

  EXPECT_EQ(server.Stop(SIGTERM), 0);
  std::string written = server.Written();
  // It did log those requests, with their rule ids ...
  EXPECT_NE(written.find("\"rule\":\"mscc\""), std::string::npos) << written;
  EXPECT_NE(written.find("\"rule\":\"self_harm\""), std::string::npos) << written;
  // ... and nothing a person typed, nor who they are, nor any secret.
  for (const char* never : {"marmoset", "quokka", "pangolin", "axolotl", "end my life", "morphine",
                            "collarbone", "narwhal", "went numb", "okapi", "Bearer", "tapir"}) {
    EXPECT_EQ(written.find(never), std::string::npos) << "the logs hold \"" << never << "\"";
  }
}

TEST(ServerPrivacyTest, RegionAndContactsFileReachTheReplies) {
  testing::TempDir dir;
  std::string contacts = dir.path() + "/contacts.yaml";
  testing::WriteAll(contacts,
                    "oncology:\n"
                    "  - name: Acute oncology line\n"
                    "    phone: \"0100 000 0000\"\n");
  ServerProcess server(dir.path(), {{"FAQBOT_INDEX", testing::SharedBundleRoot()},
                                    {"FAQBOT_REGION", "US"},
                                    {"FAQBOT_CONTACTS_FILE", contacts}});
  int port = server.WaitUntilServing();
  ASSERT_GT(port, 0) << server.Written();
  httplib::Client client("127.0.0.1", port);

  json mscc = Chat(client, "c1", "I can't feel my legs and my back hurts");
  ASSERT_EQ(mscc["type"], "emergency") << mscc.dump();
  std::string text = mscc["text"];
  EXPECT_NE(text.find("Contact 0100 000 0000 or call 911 now"), std::string::npos) << text;
  ASSERT_EQ(mscc["safety"]["contacts"].size(), 2u);
  EXPECT_EQ(mscc["safety"]["contacts"][0]["name"], "Acute oncology line");
  EXPECT_EQ(mscc["safety"]["contacts"][1]["phone"], "911");
  json crisis = Chat(client, "c1", "I want to kill myself");
  ASSERT_EQ(crisis["type"], "crisis");
  EXPECT_EQ(crisis["safety"]["contacts"][0]["phone"], "988");
  EXPECT_EQ(server.Stop(SIGTERM), 0);
}

TEST(ServerPrivacyTest, AnUnknownRegionStopsTheServerWithTheReason) {
  testing::TempDir dir;
  ServerProcess server(
      dir.path(), {{"FAQBOT_INDEX", testing::SharedBundleRoot()}, {"FAQBOT_REGION", "Atlantis"}});
  EXPECT_EQ(server.WaitUntilServing(), 0);
  EXPECT_EQ(server.Stop(0), 2);
  EXPECT_NE(server.Written().find("unknown region 'Atlantis'"), std::string::npos)
      << server.Written();
}

}  // namespace
}  // namespace faqbot
