// @brief JSON access log without message text or secrets.
#include "server/access_log.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "common/crypto.h"

namespace faqbot::server {

AccessLog::AccessLog(std::shared_ptr<spdlog::logger> logger, std::string hash_key)
    : logger_(std::move(logger)),
      hash_key_(hash_key.empty() ? crypto::RandomKey() : std::move(hash_key)) {}

AccessRecord& AccessLog::Current() {
  thread_local AccessRecord record;
  return record;
}

void AccessLog::Begin() {
  Current() = AccessRecord{};
  Current().start = std::chrono::steady_clock::now();
}

void AccessLog::NoteReply(const std::string& session_id, const dialogue::Reply& reply) const {
  AccessRecord& r = Current();
  r.session_hash = crypto::HexEncode(crypto::HmacSha256(hash_key_, session_id)).substr(0, 16);
  r.reply_type = dialogue::ReplyTypeName(reply.type);
  if (reply.intent) {
    r.intent = reply.intent->name;
    r.confidence = reply.intent->confidence;
  }
  if (reply.safety) r.rule = reply.safety->rule;
  for (const auto& s : reply.sources) r.sources.push_back(s.passage_id);
}

void AccessLog::Write(const httplib::Request& req, const httplib::Response& res) const {
  const AccessRecord& r = Current();
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - r.start).count();
  nlohmann::json j = {{"event", "access"},
                      {"method", req.method},
                      {"route", r.route.empty() ? "unmatched" : r.route},
                      {"status", res.status},
                      {"ms", std::round(ms * 1000) / 1000}};
  if (!r.session_hash.empty()) {
    j["session"] = r.session_hash;
    j["reply_type"] = r.reply_type;
    if (!r.intent.empty()) {
      j["intent"] = r.intent;
      j["confidence"] = std::round(r.confidence * 1000) / 1000;
    }
    if (!r.rule.empty()) j["rule"] = r.rule;
    j["sources"] = r.sources;
  }
  logger_->info(j.dump());
}

}  // namespace faqbot::server
