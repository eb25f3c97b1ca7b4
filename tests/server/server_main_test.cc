// faqbot-server as a process: bad configuration stops it with a clear message
// and exit status 2; SIGHUP reloads; SIGTERM stops it cleanly (status 0, the
// shutdown logged).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>
#include <thread>

#include "tests/support/test_support.h"

namespace faqbot::server {
namespace {

using faqbot::testing::ReadAll;
using faqbot::testing::TempDir;
using faqbot::testing::WriteAll;

// The server binary running with stdout and stderr sent to files.
class ServerProcess {
 public:
  ServerProcess(const std::vector<std::string>& args, const std::vector<std::string>& env,
                const TempDir& dir)
      : out_(dir.path() + "/stdout"), err_(dir.path() + "/stderr") {
    pid_ = ::fork();
    if (pid_ == 0) {
      int out = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int err = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(out, 1);
      ::dup2(err, 2);
      std::vector<char*> argv = {const_cast<char*>(FAQBOT_SERVER_BINARY)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      std::vector<char*> envp;
      for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
      envp.push_back(nullptr);
      ::execve(FAQBOT_SERVER_BINARY, argv.data(), envp.data());
      ::_exit(127);
    }
  }
  ~ServerProcess() {
    if (pid_ > 0 && status_ < 0) {
      ::kill(pid_, SIGKILL);
      Wait();
    }
  }

  // The port from the "serving on" line, or 0 if the process ended first.
  int WaitForPort() {
    std::regex serving(R"(serving on http://[\d.]+:(\d+))");
    for (int i = 0; i < 3000; ++i) {
      std::smatch m;
      std::string out = stdout_text();
      if (std::regex_search(out, m, serving)) return std::stoi(m[1]);
      if (::waitpid(pid_, &status_, WNOHANG) == pid_) return 0;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return 0;
  }
  int Wait() {
    if (status_ < 0) ::waitpid(pid_, &status_, 0);
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }
  void Signal(int sig) { ::kill(pid_, sig); }
  std::string stdout_text() const { return ReadAll(out_); }
  std::string stderr_text() const { return ReadAll(err_); }

 private:
  std::string out_, err_;
  pid_t pid_ = -1;
  int status_ = -1;
};

TEST(ServerMainTest, BadConfigurationExitsWithStatus2AndSaysWhy) {
  TempDir dir;
  WriteAll(dir.path() + "/bad.yaml", "port: 8080\nworkers: 4\n");
  ServerProcess unknown({"--config", dir.path() + "/bad.yaml"}, {}, dir);
  EXPECT_EQ(unknown.Wait(), 2);
  EXPECT_NE(unknown.stderr_text().find("bad.yaml:2: unknown key 'workers'"), std::string::npos)
      << unknown.stderr_text();

  ServerProcess bad_env({}, {"FAQBOT_WORKER_THREADS=many"}, dir);
  EXPECT_EQ(bad_env.Wait(), 2);
  EXPECT_NE(bad_env.stderr_text().find("FAQBOT_WORKER_THREADS: cannot use 'many'"),
            std::string::npos)
      << bad_env.stderr_text();
}

TEST(ServerMainTest, AMissingIndexExitsWithStatus1) {
  TempDir dir;
  ServerProcess p({"--index", dir.path() + "/none", "--port", "0"}, {}, dir);
  EXPECT_EQ(p.Wait(), 1);
  EXPECT_NE(p.stderr_text().find("no index at"), std::string::npos) << p.stderr_text();
}

TEST(ServerMainTest, ReloadsOnSighupAndStopsCleanlyOnSigterm) {
  TempDir dir;
  ServerProcess p({"--index", faqbot::testing::SharedBundleRoot(), "--port", "0"},
                  {"FAQBOT_LOG_LEVEL=info"}, dir);
  int port = p.WaitForPort();
  ASSERT_GT(port, 0) << p.stderr_text();
  httplib::Client c("127.0.0.1", port);
  auto res =
      c.Post("/v1/chat", R"({"session_id":"m","message":"what is a biopsy"})", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  p.Signal(SIGHUP);
  for (int i = 0; i < 3000 && p.stderr_text().find(R"("trigger":"sighup")") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_NE(p.stderr_text().find(R"("result":"swapped","seconds")"), std::string::npos);
  EXPECT_NE(p.stderr_text().find(R"("trigger":"sighup")"), std::string::npos);
  p.Signal(SIGTERM);
  EXPECT_EQ(p.Wait(), 0);
  std::string log = p.stderr_text();
  EXPECT_NE(log.find(R"("event":"shutdown","signal":15)"), std::string::npos) << log;
  EXPECT_NE(log.find(R"("route":"chat","session")"), std::string::npos) << log;
}

}  // namespace
}  // namespace faqbot::server
