// Connection handling on the real server in-process: many keep-alive clients
// at once, read timeouts, and graceful shutdown with a request in flight.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <spdlog/sinks/ostream_sink.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "server/http_server.h"
#include "tests/server/serving_stack.h"

namespace faqbot::server {
namespace {

using faqbot::testing::ServingStack;

// Counts arrivals and lets everyone through once `expected` have arrived:
// proves that many clients were at the same point at the same moment.
class Rendezvous {
 public:
  explicit Rendezvous(int expected) : expected_(expected) {}
  bool Arrive(std::chrono::seconds guard) {
    std::unique_lock lock(mu_);
    if (++arrived_ >= expected_) cv_.notify_all();
    return cv_.wait_for(lock, guard, [&] { return arrived_ >= expected_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  const int expected_;
  int arrived_ = 0;
};

// A connected TCP socket to the server, or -1.
int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  timeval guard{60, 0};  // a hang guard only
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard);
  return fd;
}

// Reads one response (head and a Content-Length body) from `fd`; empty when
// the connection closes or the hang guard trips first.
std::string ReadResponse(int fd) {
  std::string got;
  char buf[4096];
  size_t want = std::string::npos;
  while (want == std::string::npos || got.size() < want) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return "";
    got.append(buf, static_cast<size_t>(n));
    size_t head = got.find("\r\n\r\n");
    size_t field = got.find("Content-Length: ");
    if (want == std::string::npos && head != std::string::npos && field < head) {
      want = head + 4 + std::stoul(got.substr(field + 16));
    }
  }
  return got;
}

bool SendAll(int fd, const std::string& data) {
  return ::send(fd, data.data(), data.size(), 0) == static_cast<ssize_t>(data.size());
}

// Open connections hold no thread: with the defaults (8 workers), 256
// keep-alive clients all hold a connection open at the same moment, and every
// one of them is served on it, none starved while the others stay open.
TEST(ConnectionsTest, ServesManyKeepAliveClientsAtOnceWithTheDefaults) {
  constexpr int kClients = 256;
  ServerConfig defaults;  // what faqbot-server runs with
  ASSERT_LT(defaults.worker_threads, static_cast<size_t>(kClients));
  ServingStack stack{defaults};
  ASSERT_TRUE(stack.Start());
  Rendezvous all_open(kClients);
  std::atomic<int> gave_up{0}, ok{0};
  std::atomic<size_t> open_together{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      httplib::Client c = stack.Client();
      c.set_keep_alive(true);
      std::string session = R"({"session_id":"ka-)" + std::to_string(i) + R"(","message":")";
      auto first = c.Post("/v1/chat", session + R"(what is a biopsy"})", "application/json");
      // Every client has had an answer and keeps its connection open.
      if (!all_open.Arrive(std::chrono::seconds(60))) ++gave_up;
      size_t open = stack.http().open_connections();
      for (size_t seen = open_together; open > seen;)
        open_together.compare_exchange_weak(seen, open);
      auto second = c.Post("/v1/chat", session + R"(and a pet scan?"})", "application/json");
      auto health = c.Get("/healthz");
      if (first && first->status == 200 && second && second->status == 200 && health &&
          health->status == 200) {
        ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(gave_up.load(), 0);
  EXPECT_EQ(ok.load(), kClients);
  EXPECT_EQ(open_together.load(), static_cast<size_t>(kClients))
      << "all clients' connections were open at once";
  EXPECT_EQ(stack.http().connections_accepted(), static_cast<uint64_t>(kClients))
      << "each client was served on the one connection it opened";
}

TEST(ConnectionsTest, ASlowClientIsCutOffByTheReadTimeout) {
  ServerConfig config;
  config.read_timeout_seconds = 1;
  config.keep_alive_timeout_seconds = 1;
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  int fd = Connect(stack.port());
  ASSERT_GE(fd, 0);
  std::string partial = "POST /v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  std::string received;
  char buf[512];
  ssize_t n = 0;
  while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) received.append(buf, static_cast<size_t>(n));
  ::close(fd);
  EXPECT_EQ(n, 0) << "the server should close a connection that stops sending";
  // cpp-httplib answers the half-read request with 400, then hangs up.
  EXPECT_EQ(received.rfind("HTTP/1.1 400 ", 0), 0u) << received;
  EXPECT_NE(received.find(R"({"error":{"code":"bad_request")"), std::string::npos) << received;
  auto after = stack.Chat("hello");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

// "curl -X POST URL" sends neither a body nor Content-Length: the request has
// no body (RFC 9112, section 6.3) and is answered as such on the same
// connection, not after the read timeout with a 400.
TEST(ConnectionsTest, APostWithoutContentLengthHasAnEmptyBody) {
  ServerConfig config;
  config.read_timeout_seconds = 300;  // far beyond the client's hang guard
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  int fd = Connect(stack.port());
  ASSERT_GE(fd, 0);

  struct Case {
    std::string request, status, expected;
  };
  const Case cases[] = {
      {"POST /v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\r\n", "400",
       R"({"error":{"code":"invalid_json")"},
      {"POST /admin/reload HTTP/1.1\r\nHost: x\r\n\r\n", "403", R"({"error":{"code":"forbidden")"},
      {"DELETE /nowhere HTTP/1.1\r\nHost: x\r\n\r\n", "404", R"({"error":{"code":"not_found")"},
      {"PUT /v1/chat HTTP/1.1\r\nHost: x\r\n\r\n", "405", "Allow: POST"},
  };
  for (const Case& c : cases) {
    ASSERT_TRUE(SendAll(fd, c.request)) << c.request;
    std::string got = ReadResponse(fd);
    EXPECT_EQ(got.rfind("HTTP/1.1 " + c.status + " ", 0), 0u) << c.request << "\n" << got;
    EXPECT_NE(got.find(c.expected), std::string::npos) << c.request << "\n" << got;
  }

  // The connection is still in step: a framed request on it is answered.
  std::string body = R"({"session_id":"s","message":"what is bone metastasis"})";
  ASSERT_TRUE(SendAll(fd,
                      "POST /v1/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                      "Content-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body));
  std::string answered = ReadResponse(fd);
  EXPECT_EQ(answered.rfind("HTTP/1.1 200 ", 0), 0u) << answered;
  EXPECT_NE(answered.find(R"("type":"answer")"), std::string::npos) << answered;
  ::close(fd);
}

// Replies announce the limits the server enforces, and it closes the
// connection after the last request it allows.
TEST(ConnectionsTest, KeepAliveLimitsAreAnnouncedAndKept) {
  ServerConfig config;
  config.keep_alive_timeout_seconds = 7;
  config.keep_alive_max_requests = 2;
  ServingStack stack{config};
  ASSERT_TRUE(stack.Start());
  int fd = Connect(stack.port());
  ASSERT_GE(fd, 0);
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(SendAll(fd, request));
  std::string first = ReadResponse(fd);
  EXPECT_NE(first.find("Keep-Alive: timeout=7, max=2\r\n"), std::string::npos) << first;
  ASSERT_TRUE(SendAll(fd, request));
  std::string second = ReadResponse(fd);
  EXPECT_EQ(second.rfind("HTTP/1.1 200 ", 0), 0u) << second;
  EXPECT_NE(second.find("Connection: close\r\n"), std::string::npos) << second;
  char c;
  EXPECT_EQ(::recv(fd, &c, 1, 0), 0) << "the server closes after the last request it allows";
  ::close(fd);
}

TEST(ConnectionsTest, StopFinishesTheRequestInFlightAndStopsAccepting) {
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false, release = false;
  ServingStack stack{ServerConfig{}};
  stack.http().Add({"GET", "/slow", "slow", [&](const httplib::Request&, httplib::Response* res) {
                      std::unique_lock lock(mu);
                      entered = true;
                      cv.notify_all();
                      cv.wait(lock, [&] { return release; });
                      res->set_content(R"({"done":true})", "application/json");
                    }});
  ASSERT_TRUE(stack.Start());
  int status = 0;
  std::string body;
  std::thread client([&] {
    if (auto res = stack.Client().Get("/slow")) {
      status = res->status;
      body = res->body;
    }
  });
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return entered; });
  }
  std::thread stopper([&] { stack.Stop(); });
  int refused_after = 0;  // poll until the listening socket is gone
  for (int i = 0; i < 1000 && refused_after == 0; ++i) {
    int fd = Connect(stack.port());
    if (fd < 0)
      refused_after = i + 1;
    else
      ::close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GT(refused_after, 0) << "the server kept accepting after Stop()";
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  client.join();
  stopper.join();
  EXPECT_EQ(status, 200) << "the request in flight was dropped";
  EXPECT_EQ(body, R"({"done":true})");
  EXPECT_NE(stack.log().find(R"("route":"slow","status":200)"), std::string::npos)
      << "the access log was flushed";
}

}  // namespace
}  // namespace faqbot::server
