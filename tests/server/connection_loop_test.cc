// The connection loop with a minimal stand-in for the HTTP layer: each request
// is a head ending in a blank line, answered "reply N" (the Nth request the
// stand-in served) or "incomplete" when the head never finished.
#include "server/connection_loop.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace faqbot::server {
namespace {

constexpr char kRequest[] = "GET / HTTP/1.1\r\n\r\n";

// Reads one head from the stream, byte by byte as cpp-httplib does.
bool ReadHead(httplib::Stream& stream) {
  std::string head;
  char c;
  while (head.size() < 4 || head.compare(head.size() - 4, 4, "\r\n\r\n") != 0) {
    if (stream.read(&c, 1) != 1) return false;
    head += c;
  }
  return true;
}

struct StandIn {
  std::atomic<int> served{0};
  std::atomic<int> last_seen{0};  // requests served with last = true
  std::function<void()> before_reply = [] {};

  ConnectionLoop::Serve serve() {
    return [this](httplib::Stream& stream, bool last, bool*) {
      if (!ReadHead(stream)) {
        stream.write("incomplete\n");
        return false;
      }
      before_reply();
      if (last) ++last_seen;
      std::string reply = "reply " + std::to_string(++served) + "\n";
      return stream.write(reply) == static_cast<ssize_t>(reply.size());
    };
  }
};

// The client end of a connection the loop has adopted.
int Connect(ConnectionLoop& loop) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return -1;
  timeval guard{30, 0};  // a hang guard only
  setsockopt(fds[1], SOL_SOCKET, SO_RCVTIMEO, &guard, sizeof guard);
  loop.Adopt(fds[0]);
  return fds[1];
}

void Send(int fd, const std::string& s) {
  ASSERT_EQ(::send(fd, s.data(), s.size(), MSG_NOSIGNAL), static_cast<ssize_t>(s.size()));
}

// Reads up to and including the next newline; "" at end of stream.
std::string ReadLine(int fd) {
  std::string line;
  char c;
  while (::recv(fd, &c, 1, 0) == 1) {
    line += c;
    if (c == '\n') break;
  }
  return line;
}

bool ClosedByServer(int fd) {
  char c;
  return ::recv(fd, &c, 1, 0) == 0;
}

ConnectionLoopOptions Options(size_t workers) {
  ConnectionLoopOptions o;
  o.workers = workers;
  o.read_timeout_ms = 30000;
  o.keep_alive_timeout_ms = 30000;
  o.max_buffered = 4096;
  return o;
}

TEST(ConnectionLoopTest, AnswersEachRequestOnTheSameOpenConnection) {
  StandIn standin;
  ConnectionLoop loop(Options(2), standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  for (int i = 1; i <= 3; ++i) {
    Send(fd, kRequest);
    EXPECT_EQ(ReadLine(fd), "reply " + std::to_string(i) + "\n");
  }
  EXPECT_EQ(loop.open_connections(), 1u);
  ::close(fd);
}

TEST(ConnectionLoopTest, PipelinedRequestsAreAnsweredInOrder) {
  StandIn standin;
  ConnectionLoop loop(Options(2), standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  Send(fd, std::string(kRequest) + kRequest + kRequest);
  EXPECT_EQ(ReadLine(fd), "reply 1\n");
  EXPECT_EQ(ReadLine(fd), "reply 2\n");
  EXPECT_EQ(ReadLine(fd), "reply 3\n");
  ::close(fd);
}

TEST(ConnectionLoopTest, ARequestSentInPiecesIsServedOnceWhole) {
  StandIn standin;
  ConnectionLoop loop(Options(1), standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  Send(fd, "GET / HT");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  Send(fd, "TP/1.1\r\n\r");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(standin.served.load(), 0);
  Send(fd, "\n");
  EXPECT_EQ(ReadLine(fd), "reply 1\n");
  ::close(fd);
}

TEST(ConnectionLoopTest, ThousandsOfOpenConnectionsNeedNoThreadEach) {
  constexpr int kConnections = 400;  // two file descriptors each, in one process
  StandIn standin;
  ConnectionLoop loop(Options(2), standin.serve());
  ASSERT_TRUE(loop.Start());
  std::vector<int> fds;
  for (int i = 0; i < kConnections; ++i) fds.push_back(Connect(loop));
  for (int round = 0; round < 2; ++round) {
    for (int fd : fds) Send(fd, kRequest);
    int answered = 0;
    for (int fd : fds) answered += ReadLine(fd).rfind("reply ", 0) == 0;
    EXPECT_EQ(answered, kConnections);
  }
  EXPECT_EQ(loop.open_connections(), static_cast<size_t>(kConnections));
  for (int fd : fds) ::close(fd);
}

TEST(ConnectionLoopTest, AClientThatStallsMidRequestHoldsNoWorker) {
  StandIn standin;
  ConnectionLoop loop(Options(1), standin.serve());  // one worker only
  ASSERT_TRUE(loop.Start());
  int stalled = Connect(loop);
  Send(stalled, "GET / HTTP/1.1\r\nHost: x\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  int other = Connect(loop);
  Send(other, kRequest);
  EXPECT_EQ(ReadLine(other), "reply 1\n") << "the one worker was free";
  ::close(stalled);
  ::close(other);
}

TEST(ConnectionLoopTest, WorkersServeConnectionsAtTheSameTime) {
  constexpr int kWorkers = 3;
  StandIn standin;
  std::mutex mu;
  std::condition_variable cv;
  int inside = 0;
  bool all_met = true;
  standin.before_reply = [&] {
    std::unique_lock lock(mu);
    if (++inside == kWorkers) cv.notify_all();
    if (!cv.wait_for(lock, std::chrono::seconds(20), [&] { return inside >= kWorkers; })) {
      all_met = false;
    }
  };
  ConnectionLoop loop(Options(kWorkers), standin.serve());
  ASSERT_TRUE(loop.Start());
  std::vector<int> fds;
  for (int i = 0; i < kWorkers; ++i) fds.push_back(Connect(loop));
  for (int fd : fds) Send(fd, kRequest);
  for (int fd : fds) EXPECT_EQ(ReadLine(fd).rfind("reply ", 0), 0u);
  EXPECT_TRUE(all_met) << "the workers did not all serve at once";
  for (int fd : fds) ::close(fd);
}

TEST(ConnectionLoopTest, ARequestUnfinishedAfterTheReadTimeoutIsAnsweredAndClosed) {
  StandIn standin;
  ConnectionLoopOptions o = Options(1);
  o.read_timeout_ms = 200;
  ConnectionLoop loop(o, standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  Send(fd, "GET / HTTP/1.1\r\nHost: x\r\n");
  EXPECT_EQ(ReadLine(fd), "incomplete\n");
  EXPECT_TRUE(ClosedByServer(fd));
  EXPECT_EQ(loop.open_connections(), 0u);
  ::close(fd);
}

TEST(ConnectionLoopTest, TheReadTimeoutCountsFromTheLastBytesReceived) {
  StandIn standin;
  ConnectionLoopOptions o = Options(1);
  o.read_timeout_ms = 1000;
  ConnectionLoop loop(o, standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  for (const char* piece : {"GET / HTTP/1.1\r\n", "Host: x\r\n", "Accept: */*\r\n", "X: y\r\n"}) {
    Send(fd, piece);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // 1.2 s in all
  }
  Send(fd, "\r\n");
  EXPECT_EQ(ReadLine(fd), "reply 1\n");
  ::close(fd);
}

TEST(ConnectionLoopTest, AnIdleConnectionIsClosedAfterTheKeepAliveTimeout) {
  StandIn standin;
  ConnectionLoopOptions o = Options(1);
  o.keep_alive_timeout_ms = 200;
  ConnectionLoop loop(o, standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  Send(fd, kRequest);
  EXPECT_EQ(ReadLine(fd), "reply 1\n");
  EXPECT_TRUE(ClosedByServer(fd));
  EXPECT_EQ(loop.open_connections(), 0u);
  ::close(fd);
}

TEST(ConnectionLoopTest, TheLastRequestAllowedOnAConnectionClosesIt) {
  StandIn standin;
  ConnectionLoopOptions o = Options(1);
  o.max_requests_per_connection = 2;
  ConnectionLoop loop(o, standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  Send(fd, kRequest);
  EXPECT_EQ(ReadLine(fd), "reply 1\n");
  Send(fd, kRequest);
  EXPECT_EQ(ReadLine(fd), "reply 2\n");
  EXPECT_EQ(standin.last_seen.load(), 1) << "the second request was told it is the last";
  EXPECT_TRUE(ClosedByServer(fd));
  ::close(fd);
}

TEST(ConnectionLoopTest, ARequestSentBeforeTheClientHungUpIsStillAnswered) {
  StandIn standin;
  ConnectionLoop loop(Options(1), standin.serve());
  ASSERT_TRUE(loop.Start());
  int fd = Connect(loop);
  Send(fd, kRequest);
  ::shutdown(fd, SHUT_WR);  // may arrive with the request or after it is served
  EXPECT_EQ(ReadLine(fd), "reply 1\n");
  EXPECT_TRUE(ClosedByServer(fd));
  ::close(fd);
}

TEST(ConnectionLoopTest, StopFinishesTheRequestBeingServedAndClosesTheRest) {
  StandIn standin;
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false, release = false;
  standin.before_reply = [&] {
    std::unique_lock lock(mu);
    entered = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
  };
  ConnectionLoop loop(Options(2), standin.serve());
  ASSERT_TRUE(loop.Start());
  int idle = Connect(loop);
  int busy = Connect(loop);
  Send(busy, kRequest);
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return entered; });
  }
  std::thread stopper([&] { loop.Stop(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  stopper.join();
  EXPECT_EQ(ReadLine(busy), "reply 1\n");
  EXPECT_TRUE(ClosedByServer(busy));
  EXPECT_TRUE(ClosedByServer(idle));
  EXPECT_EQ(loop.open_connections(), 0u);
  ::close(idle);
  ::close(busy);
}

}  // namespace
}  // namespace faqbot::server
