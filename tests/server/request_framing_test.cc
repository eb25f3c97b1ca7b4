#include "server/request_framing.h"

#include <gtest/gtest.h>

#include <string>

namespace faqbot::server {
namespace {

constexpr size_t kMax = 1024;

TEST(RequestFramingTest, AHeadWithoutABodyIsReadyOnceItsBlankLineArrives) {
  EXPECT_FALSE(RequestReady("", kMax));
  EXPECT_FALSE(RequestReady("GET /healthz HTTP/1.1\r\nHost: x\r\n", kMax));
  EXPECT_FALSE(RequestReady("GET /healthz HTTP/1.1\r\nHost: x\r\n\r", kMax));
  EXPECT_TRUE(RequestReady("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", kMax));
  EXPECT_TRUE(RequestReady("GET /healthz HTTP/1.1\nHost: x\n\n", kMax)) << "bare LF line ends";
}

TEST(RequestFramingTest, ABodyMustArriveInFull) {
  std::string head = "POST /v1/chat HTTP/1.1\r\ncontent-length: 5\r\n\r\n";
  EXPECT_FALSE(RequestReady(head, kMax));
  EXPECT_FALSE(RequestReady(head + "1234", kMax));
  EXPECT_TRUE(RequestReady(head + "12345", kMax));
  EXPECT_TRUE(RequestReady(head + "12345GET / HTTP/1.1\r\n", kMax))
      << "the next request's first bytes do not matter";
  EXPECT_TRUE(RequestReady("POST / HTTP/1.1\r\nContent-Length:  0 \r\n\r\n", kMax));
}

TEST(RequestFramingTest, BodiesItCannotMeasureAreReadyWithTheirHead) {
  EXPECT_TRUE(RequestReady("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", kMax));
  EXPECT_TRUE(
      RequestReady("POST / HTTP/1.1\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n", kMax))
      << "the client waits for 100 Continue before sending the body";
  EXPECT_TRUE(RequestReady("POST / HTTP/1.1\r\nContent-Length: 5x\r\n\r\n", kMax));
  EXPECT_TRUE(
      RequestReady("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", kMax));
}

TEST(RequestFramingTest, ABodyTooLargeToBufferIsReadyWithItsHead) {
  std::string head = "POST / HTTP/1.1\r\nContent-Length: 2000\r\n\r\n";
  EXPECT_TRUE(RequestReady(head, kMax));
  std::string fits = "POST / HTTP/1.1\r\nContent-Length: 900\r\n\r\n";
  EXPECT_FALSE(RequestReady(fits, kMax));
}

TEST(RequestFramingTest, AHeadThatFillsTheBufferIsHandedOverUnfinished) {
  std::string endless = "GET / HTTP/1.1\r\nX-Long: " + std::string(kMax, 'a');
  EXPECT_TRUE(RequestReady(endless, kMax));
  EXPECT_FALSE(RequestReady(endless.substr(0, kMax - 1), kMax));
}

TEST(RequestFramingTest, HeaderNamesAreMatchedWholeAndInAnyCase) {
  EXPECT_TRUE(RequestReady("POST / HTTP/1.1\r\nX-Content-Length: 7\r\n\r\n", kMax))
      << "not Content-Length, so no body";
  EXPECT_FALSE(RequestReady("POST / HTTP/1.1\r\nCONTENT-LENGTH: 7\r\n\r\n", kMax));
}

}  // namespace
}  // namespace faqbot::server
