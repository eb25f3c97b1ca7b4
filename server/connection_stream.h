// One client connection as cpp-httplib's Stream: a non-blocking socket with a
// read buffer that outlives each request, so bytes of the next request read
// with this one are kept (pipelining), and the peer's and our addresses looked
// up once per connection rather than per request. Reads and writes wait at
// most the configured timeouts. Owned by the connection loop; used by one
// thread at a time.
#pragma once

#include <httplib.h>

#include <string>
#include <string_view>
#include <vector>

namespace faqbot::server {

class ConnectionStream : public httplib::Stream {
 public:
  enum class FillResult { kOpen, kPeerClosed, kFailed };

  // Takes ownership of `fd` (closed by the destructor).
  ConnectionStream(int fd, int read_timeout_ms, int write_timeout_ms);
  ~ConnectionStream() override;
  ConnectionStream(const ConnectionStream&) = delete;
  ConnectionStream& operator=(const ConnectionStream&) = delete;

  // Reads what has arrived, without waiting, until `max_buffered` bytes are
  // buffered. A short read ends it, so a close that follows the peer's last
  // bytes shows on the next call.
  FillResult Fill(size_t max_buffered);
  // Bytes read but not yet consumed by a request.
  std::string_view Buffered() const {
    return std::string_view(buffer_.data() + offset_, end_ - offset_);
  }
  // From now on a read that finds the buffer empty fails at once instead of
  // waiting: used to answer a request whose sender stalled.
  void StopWaiting() { read_timeout_ms_ = 0; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  bool WaitFor(short events, int timeout_ms) const;

  int fd_;
  int read_timeout_ms_;
  int write_timeout_ms_;
  std::vector<char> buffer_;  // grows as needed, never shrinks; [offset_, end_) is unread
  size_t offset_ = 0;
  size_t end_ = 0;
  std::string remote_ip_, local_ip_;
  int remote_port_ = 0, local_port_ = 0;
};

}  // namespace faqbot::server
