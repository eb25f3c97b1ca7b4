// @brief Keep-alive connections in one epoll set, served by a few workers.
#include "server/connection_loop.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "server/connection_stream.h"
#include "server/request_framing.h"

namespace faqbot::server {
namespace {

constexpr uint64_t kWakeKey = 0;  // connection keys carry a generation >= 1
constexpr uint32_t kWaitEvents = EPOLLIN | EPOLLRDHUP | EPOLLONESHOT;

uint64_t KeyOf(int fd, uint32_t generation) {
  return (uint64_t{generation} << 32) | static_cast<uint32_t>(fd);
}

}  // namespace

struct ConnectionLoop::Connection {
  Connection(int fd, uint32_t generation, const ConnectionLoopOptions& o)
      : stream(fd, o.read_timeout_ms, o.write_timeout_ms), generation(generation) {}
  uint64_t key() const { return KeyOf(stream.socket(), generation); }

  // Used by the thread that set `busy`, or by any thread holding mu_ while
  // `busy` is false.
  ConnectionStream stream;
  const uint32_t generation;  // tells this connection from a later one on the same socket number
  size_t served = 0;
  // Guarded by mu_.
  bool busy = false;                // a thread is serving it
  Clock::time_point waiting_since;  // since it was last served or last sent bytes
};

ConnectionLoop::ConnectionLoop(ConnectionLoopOptions options, Serve serve)
    : options_(options), serve_(std::move(serve)) {}

ConnectionLoop::~ConnectionLoop() { Stop(); }

bool ConnectionLoop::Start() {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_ < 0 || wake_ < 0) return false;
  epoll_event wake{};
  wake.events = EPOLLIN;  // level-triggered: every worker sees it, in turn
  wake.data.u64 = kWakeKey;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &wake) != 0) return false;
  for (size_t i = 0; i < std::max<size_t>(options_.workers, 1); ++i) {
    workers_.emplace_back([this] { Work(); });
  }
  sweeper_ = std::thread([this] { Sweep(); });
  return true;
}

void ConnectionLoop::Adopt(int fd) {
  int on = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // replies go out as two writes
  uint32_t generation = next_generation_++;
  if (generation == 0) generation = next_generation_++;
  auto c = std::make_unique<Connection>(fd, generation, options_);
  c->waiting_since = Clock::now();
  epoll_event event{};
  event.events = kWaitEvents;
  event.data.u64 = c->key();
  std::lock_guard lock(mu_);
  if (stopping_ || epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &event) != 0) return;  // c closes it
  connections_[fd] = std::move(c);
  ++adopted_;
}

void ConnectionLoop::Work() {
  epoll_event event{};
  for (;;) {
    int n = epoll_wait(epoll_, &event, 1, -1);
    if (n < 0 && errno != EINTR) return;
    if (n <= 0) continue;
    if (event.data.u64 == kWakeKey) return;
    if (Connection* c = Claim(event.data.u64)) Handle(c, (event.events & EPOLLRDHUP) != 0);
  }
}

ConnectionLoop::Connection* ConnectionLoop::Claim(uint64_t key) {
  std::lock_guard lock(mu_);
  auto it = connections_.find(static_cast<int>(key & 0xffffffffu));
  if (it == connections_.end() || it->second->key() != key || it->second->busy) return nullptr;
  it->second->busy = true;
  return it->second.get();
}

void ConnectionLoop::Handle(Connection* c, bool peer_hung_up) {
  ConnectionStream::FillResult fill = c->stream.Fill(options_.max_buffered);
  if (fill == ConnectionStream::FillResult::kFailed) return Close(c);
  bool peer_closed = peer_hung_up || fill == ConnectionStream::FillResult::kPeerClosed;
  while (RequestReady(c->stream.Buffered(), options_.max_buffered)) {
    bool last = peer_closed || stopping_ || c->served + 1 >= options_.max_requests_per_connection;
    bool peer_closes = false;
    bool open = ServeOne(c, last, &peer_closes);
    if (!open || last || peer_closes) return Close(c);
  }
  if (peer_closed || stopping_) return Close(c);
  Park(c);
}

bool ConnectionLoop::ServeOne(Connection* c, bool last, bool* peer_closes) {
  ++c->served;
  try {
    return serve_(c->stream, last, peer_closes);
  } catch (...) {  // the HTTP layer answers handlers' exceptions; anything else ends the connection
    return false;
  }
}

void ConnectionLoop::Park(Connection* c) {
  std::lock_guard lock(mu_);
  c->waiting_since = Clock::now();
  c->busy = false;
  // Re-armed under the lock: the sweeper cannot close the socket in between.
  epoll_event event{};
  event.events = kWaitEvents;
  event.data.u64 = c->key();
  if (epoll_ctl(epoll_, EPOLL_CTL_MOD, c->stream.socket(), &event) != 0) {
    connections_.erase(c->stream.socket());
  }
}

void ConnectionLoop::Close(Connection* c) {
  std::unique_ptr<Connection> closing;
  {
    std::lock_guard lock(mu_);
    auto it = connections_.find(c->stream.socket());
    closing = std::move(it->second);
    connections_.erase(it);
  }
}  // the socket closes here, outside the lock

std::vector<std::unique_ptr<ConnectionLoop::Connection>> ConnectionLoop::TakeExpired(
    Clock::time_point now, std::vector<Connection*>* stalled) {
  std::vector<std::unique_ptr<Connection>> idle;
  std::lock_guard lock(mu_);
  for (auto it = connections_.begin(); it != connections_.end();) {
    Connection& c = *it->second;
    if (c.busy) {  // its stream belongs to the thread serving it
      ++it;
      continue;
    }
    bool partial = !c.stream.Buffered().empty();  // part of a request has arrived
    int limit_ms = partial ? options_.read_timeout_ms : options_.keep_alive_timeout_ms;
    if (now - c.waiting_since < std::chrono::milliseconds(limit_ms)) {
      ++it;
    } else if (partial) {
      c.busy = true;  // the sweeper answers it
      stalled->push_back(&c);
      ++it;
    } else {
      idle.push_back(std::move(it->second));
      it = connections_.erase(it);
    }
  }
  return idle;
}

void ConnectionLoop::AnswerStalled(Connection* c) {
  c->stream.StopWaiting();
  bool peer_closes = false;
  ServeOne(c, /*last=*/true, &peer_closes);
  Close(c);
}

void ConnectionLoop::Sweep() {
  int shortest = std::min(options_.read_timeout_ms, options_.keep_alive_timeout_ms);
  auto period = std::chrono::milliseconds(std::clamp(shortest / 4, 50, 1000));
  std::unique_lock lock(mu_);
  while (!stop_cv_.wait_for(lock, period, [&] { return stopping_.load(); })) {
    lock.unlock();
    std::vector<Connection*> stalled;
    std::vector<std::unique_ptr<Connection>> idle = TakeExpired(Clock::now(), &stalled);
    idle.clear();  // closes them, outside the lock
    for (Connection* c : stalled) AnswerStalled(c);
    lock.lock();
  }
}

void ConnectionLoop::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || epoll_ < 0) return;
    stopping_ = true;
  }
  stop_cv_.notify_all();
  uint64_t one = 1;
  [[maybe_unused]] ssize_t ignored = ::write(wake_, &one, sizeof one);
  for (auto& t : workers_) t.join();
  if (sweeper_.joinable()) sweeper_.join();
  std::unordered_map<int, std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(mu_);
    closing.swap(connections_);
  }
  closing.clear();
  ::close(wake_);
  ::close(epoll_);
}

size_t ConnectionLoop::open_connections() const {
  std::lock_guard lock(mu_);
  return connections_.size();
}

}  // namespace faqbot::server
