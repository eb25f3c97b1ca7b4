// Serves keep-alive connections without a thread each. Open connections wait
// in one epoll set; a fixed pool of workers takes whichever connection has a
// whole request buffered (see request_framing.h), answers it and any requests
// pipelined behind it, and puts the connection back. An idle connection costs
// a socket and a buffer, not a thread, so thousands can stay open while a few
// threads serve them; and requests take turns on those few threads rather than
// on one per connection, so fewer stacks and allocator caches go cold.
//
// A connection idle for the keep-alive timeout is closed; a request still
// incomplete after the read timeout is handed over as it is (the HTTP layer
// answers 400, on the sweeper's thread) and its connection closed. Stop()
// lets requests being served finish, then closes every connection.
// Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace httplib {
class Stream;
}  // namespace httplib

namespace faqbot::server {

struct ConnectionLoopOptions {
  size_t workers = 2;
  int read_timeout_ms = 5000;   // the longest wait for a request's next bytes
  int write_timeout_ms = 5000;  // per wait for room to write a reply
  int keep_alive_timeout_ms = 5000;
  size_t max_requests_per_connection = 100;
  size_t max_buffered = 80 * 1024;  // bytes of one request read ahead of a worker
};

class ConnectionLoop {
 public:
  // Reads one request from `stream` and writes its reply; `last` asks for
  // "Connection: close". Returns false when the connection must close, and
  // sets *peer_closes when the client asked to close it.
  using Serve = std::function<bool(httplib::Stream& stream, bool last, bool* peer_closes)>;

  ConnectionLoop(ConnectionLoopOptions options, Serve serve);
  ~ConnectionLoop();
  ConnectionLoop(const ConnectionLoop&) = delete;
  ConnectionLoop& operator=(const ConnectionLoop&) = delete;

  // Starts the workers and the sweeper. False if the kernel refuses epoll.
  bool Start();
  // Takes a newly accepted socket; the loop owns it from now on.
  void Adopt(int fd);
  // Finishes the requests being served, closes every connection, and joins.
  void Stop();

  size_t open_connections() const;
  uint64_t connections_adopted() const { return adopted_; }

 private:
  struct Connection;
  using Clock = std::chrono::steady_clock;

  void Work();
  void Sweep();
  Connection* Claim(uint64_t key);
  // Serves the requests buffered on `c`; `peer_hung_up`: the client will send no more.
  void Handle(Connection* c, bool peer_hung_up);
  bool ServeOne(Connection* c, bool last, bool* peer_closes);
  void Park(Connection* c);
  void Close(Connection* c);
  void AnswerStalled(Connection* c);
  std::vector<std::unique_ptr<Connection>> TakeExpired(Clock::time_point now,
                                                       std::vector<Connection*>* stalled);

  const ConnectionLoopOptions options_;
  const Serve serve_;
  int epoll_ = -1;
  int wake_ = -1;  // an eventfd: readable once Stop() begins
  std::vector<std::thread> workers_;
  std::thread sweeper_;

  mutable std::mutex mu_;
  std::condition_variable stop_cv_;
  std::atomic<bool> stopping_{false};
  std::atomic<uint32_t> next_generation_{1};
  std::atomic<uint64_t> adopted_{0};
  std::unordered_map<int, std::unique_ptr<Connection>> connections_;  // by socket
};

}  // namespace faqbot::server
