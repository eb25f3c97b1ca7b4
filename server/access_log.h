// The JSON access log, written through cpp-httplib's logger hook. Handlers
// note what a request did (route, reply type, intent, rule, source ids) in a
// per-thread record that the hook reads; message text, headers and secrets
// are never recorded, and sessions appear only as a keyed hash (SAFETY.md 7).
// Each connection is served on one thread, so the record needs no locking.
#pragma once

#include <spdlog/logger.h>

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/crypto.h"
#include "dialogue/reply.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace faqbot::server {

struct AccessRecord {
  std::chrono::steady_clock::time_point start;
  std::string route;  // the route table's name for the endpoint, e.g. "chat"
  std::string session_hash;
  std::string reply_type;
  std::string intent;
  double confidence = 0;
  std::string rule;
  std::vector<std::string> sources;
};

// The log line for one request: `method`, `status` and `ms` from the exchange,
// the rest from `record`. A compact JSON object, keys in sorted order.
std::string AccessLine(std::string_view method, int status, double ms, const AccessRecord& record);

class AccessLog {
 public:
  // `hash_key` keys the session hash; empty picks a random key per process.
  AccessLog(std::shared_ptr<spdlog::logger> logger, std::string hash_key);

  // The record of the request being served on this thread.
  static AccessRecord& Current();
  static void Begin();

  void NoteReply(const std::string& session_id, const dialogue::Reply& reply) const;
  void Write(const httplib::Request& req, const httplib::Response& res) const;

 private:
  std::shared_ptr<spdlog::logger> logger_;
  crypto::HmacSha256Key session_key_;
};

}  // namespace faqbot::server
