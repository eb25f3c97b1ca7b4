#include "server/connection_stream.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace faqbot::server {
namespace {

using Fill = ConnectionStream::FillResult;

// A connected pair: the stream owns one end, the test writes to the other.
class ConnectionStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int fds[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    peer_ = fds[1];
    stream_ = std::make_unique<ConnectionStream>(fds[0], /*read_timeout_ms=*/100,
                                                 /*write_timeout_ms=*/100);
  }
  void TearDown() override {
    if (peer_ >= 0) ::close(peer_);
  }
  void Send(const std::string& s) {
    ASSERT_EQ(::send(peer_, s.data(), s.size(), 0), static_cast<ssize_t>(s.size()));
  }
  std::string ReadAll(size_t n) {
    std::string out(n, '\0');
    ssize_t got = stream_->read(out.data(), n);
    out.resize(got > 0 ? static_cast<size_t>(got) : 0);
    return out;
  }

  int peer_ = -1;
  std::unique_ptr<ConnectionStream> stream_;
};

TEST_F(ConnectionStreamTest, FillTakesWhatHasArrivedWithoutWaiting) {
  EXPECT_EQ(stream_->Fill(1024), Fill::kOpen);
  EXPECT_TRUE(stream_->Buffered().empty());
  Send("GET / HTTP/1.1\r\n");
  EXPECT_EQ(stream_->Fill(1024), Fill::kOpen);
  EXPECT_EQ(stream_->Buffered(), "GET / HTTP/1.1\r\n");
}

TEST_F(ConnectionStreamTest, ReadsConsumeTheBufferAndKeepTheRestForTheNextRequest) {
  Send("first|second");
  ASSERT_EQ(stream_->Fill(1024), Fill::kOpen);
  EXPECT_EQ(ReadAll(6), "first|");
  EXPECT_EQ(stream_->Buffered(), "second");
  ASSERT_EQ(stream_->Fill(1024), Fill::kOpen);  // compacts, keeps what is unread
  EXPECT_EQ(stream_->Buffered(), "second");
  EXPECT_TRUE(stream_->is_readable());
  EXPECT_EQ(ReadAll(100), "second");
}

TEST_F(ConnectionStreamTest, AReadWaitsForDataUpToTheReadTimeout) {
  std::thread late([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    Send("late");
  });
  EXPECT_EQ(ReadAll(10), "late");
  late.join();
  char c;
  EXPECT_EQ(stream_->read(&c, 1), -1) << "nothing more arrives within the timeout";
}

TEST_F(ConnectionStreamTest, AfterStopWaitingAnEmptyBufferFailsAtOnce) {
  Send("partial");
  ASSERT_EQ(stream_->Fill(1024), Fill::kOpen);
  stream_->StopWaiting();
  EXPECT_EQ(ReadAll(100), "partial");
  char c;
  EXPECT_EQ(stream_->read(&c, 1), -1);
}

TEST_F(ConnectionStreamTest, FillReportsThePeersCloseAfterItsLastBytes) {
  Send("bye");
  ::shutdown(peer_, SHUT_WR);
  EXPECT_EQ(stream_->Fill(1024), Fill::kOpen) << "a short read ends a fill";
  EXPECT_EQ(stream_->Fill(1024), Fill::kPeerClosed);
  EXPECT_EQ(stream_->Buffered(), "bye");
  EXPECT_EQ(ReadAll(3), "bye");
  char c;
  EXPECT_EQ(stream_->read(&c, 1), 0) << "end of stream";
}

TEST_F(ConnectionStreamTest, FillTakesARequestLargerThanOneRead) {
  std::string big(10000, 'b');
  Send(big);
  ASSERT_EQ(stream_->Fill(20000), Fill::kOpen);
  EXPECT_EQ(stream_->Buffered(), big);
  EXPECT_EQ(ReadAll(9000), big.substr(0, 9000));
  Send("next");
  ASSERT_EQ(stream_->Fill(20000), Fill::kOpen);
  EXPECT_EQ(stream_->Buffered(), big.substr(9000) + "next");
}

TEST_F(ConnectionStreamTest, FillStopsAtTheBufferLimit) {
  Send(std::string(40000, 'x'));
  ASSERT_EQ(stream_->Fill(1000), Fill::kOpen);
  EXPECT_GE(stream_->Buffered().size(), 1000u);
  EXPECT_LT(stream_->Buffered().size(), 40000u);
}

TEST_F(ConnectionStreamTest, WritesReachThePeer) {
  EXPECT_TRUE(stream_->is_writable());
  EXPECT_EQ(stream_->write("reply", 5), 5);
  char buf[8];
  EXPECT_EQ(::recv(peer_, buf, sizeof buf, 0), 5);
  EXPECT_EQ(std::string(buf, 5), "reply");
}

TEST_F(ConnectionStreamTest, AWriteToAClosedPeerFailsWithoutASignal) {
  ::close(peer_);
  peer_ = -1;
  EXPECT_EQ(stream_->write("reply", 5), -1);
}

}  // namespace
}  // namespace faqbot::server
