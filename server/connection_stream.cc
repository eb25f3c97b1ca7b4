// @brief A keep-alive client connection as an httplib::Stream.
#include "server/connection_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace faqbot::server {
namespace {

constexpr size_t kReadChunk = 4096;

void Describe(const sockaddr_storage& addr, std::string* ip, int* port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto& a = reinterpret_cast<const sockaddr_in&>(addr);
    inet_ntop(AF_INET, &a.sin_addr, text, sizeof text);
    *port = ntohs(a.sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto& a = reinterpret_cast<const sockaddr_in6&>(addr);
    inet_ntop(AF_INET6, &a.sin6_addr, text, sizeof text);
    *port = ntohs(a.sin6_port);
  }
  *ip = text;
}

}  // namespace

ConnectionStream::ConnectionStream(int fd, int read_timeout_ms, int write_timeout_ms)
    : fd_(fd), read_timeout_ms_(read_timeout_ms), write_timeout_ms_(write_timeout_ms) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  if (getpeername(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    Describe(addr, &remote_ip_, &remote_port_);
  }
  len = sizeof addr;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    Describe(addr, &local_ip_, &local_port_);
  }
}

ConnectionStream::~ConnectionStream() {
  ::shutdown(fd_, SHUT_RDWR);
  ::close(fd_);
}

ConnectionStream::FillResult ConnectionStream::Fill(size_t max_buffered) {
  if (offset_ > 0) {  // keep only what the next request has not read
    std::memmove(buffer_.data(), buffer_.data() + offset_, end_ - offset_);
    end_ -= offset_;
    offset_ = 0;
  }
  while (end_ < max_buffered) {
    if (buffer_.size() < end_ + kReadChunk) buffer_.resize(end_ + kReadChunk);
    ssize_t n = ::recv(fd_, buffer_.data() + end_, kReadChunk, MSG_DONTWAIT);
    if (n == 0) return FillResult::kPeerClosed;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno == EAGAIN || errno == EWOULDBLOCK ? FillResult::kOpen : FillResult::kFailed;
    }
    end_ += static_cast<size_t>(n);
    if (static_cast<size_t>(n) < kReadChunk) return FillResult::kOpen;
  }
  return FillResult::kOpen;
}

bool ConnectionStream::WaitFor(short events, int timeout_ms) const {
  pollfd p{fd_, events, 0};
  int n;
  do {
    n = ::poll(&p, 1, timeout_ms);
  } while (n < 0 && errno == EINTR);
  return n > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
}

bool ConnectionStream::is_readable() const {
  return offset_ < end_ || WaitFor(POLLIN, read_timeout_ms_);
}

bool ConnectionStream::is_writable() const { return WaitFor(POLLOUT, write_timeout_ms_); }

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (offset_ == end_) {
    if (Fill(kReadChunk) == FillResult::kFailed) return -1;
    if (offset_ == end_) {
      if (!WaitFor(POLLIN, read_timeout_ms_)) return -1;
      if (Fill(kReadChunk) == FillResult::kFailed) return -1;
      if (offset_ == end_) return 0;  // the peer closed
    }
  }
  size_t n = std::min(size, end_ - offset_);
  std::memcpy(ptr, buffer_.data() + offset_, n);
  offset_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  for (;;) {
    ssize_t n = ::send(fd_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (n >= 0) return n;
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    if (!WaitFor(POLLOUT, write_timeout_ms_)) return -1;
  }
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  ip = remote_ip_;
  port = remote_port_;
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  ip = local_ip_;
  port = local_port_;
}

}  // namespace faqbot::server
