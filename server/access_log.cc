// @brief JSON access log without message text or secrets.
#include "server/access_log.h"

#include <httplib.h>

#include <cmath>

#include "common/json_writer.h"

namespace faqbot::server {
namespace {

// Session hashes are the first 8 bytes of the HMAC: 16 hex digits.
constexpr size_t kSessionHashBytes = 8;

double Rounded(double x) { return std::round(x * 1000) / 1000; }

}  // namespace

std::string AccessLine(std::string_view method, int status, double ms, const AccessRecord& r) {
  const bool replied = !r.session_hash.empty();
  const bool has_intent = replied && !r.intent.empty();
  std::string line;
  line.reserve(256);  // a line is a few hundred bytes
  json_text::Writer w(&line);
  // Keys in sorted order, as the nlohmann::json object this replaced wrote them.
  w.BeginObject();
  if (has_intent) w.Key("confidence").Double(Rounded(r.confidence));
  w.Key("event").String("access");
  if (has_intent) w.Key("intent").String(r.intent);
  w.Key("method").String(method);
  w.Key("ms").Double(Rounded(ms));
  if (replied) w.Key("reply_type").String(r.reply_type);
  w.Key("route").String(r.route.empty() ? std::string_view("unmatched") : r.route);
  if (replied && !r.rule.empty()) w.Key("rule").String(r.rule);
  if (replied) {
    w.Key("session").String(r.session_hash);
    w.Key("sources").BeginArray();
    for (const auto& s : r.sources) w.String(s);
    w.EndArray();
  }
  w.Key("status").Int(status);
  w.EndObject();
  return line;
}

AccessLog::AccessLog(std::shared_ptr<spdlog::logger> logger, std::string hash_key)
    : logger_(std::move(logger)),
      session_key_(hash_key.empty() ? crypto::RandomKey() : std::move(hash_key)) {}

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
  std::string digest = session_key_.Digest(session_id);
  r.session_hash = crypto::HexEncode(std::string_view(digest).substr(0, kSessionHashBytes));
  r.reply_type = dialogue::ReplyTypeName(reply.type);
  if (reply.intent) {
    r.intent = reply.intent->name;
    r.confidence = reply.intent->confidence;
  }
  if (reply.safety) r.rule = reply.safety->rule;
  for (const auto& s : reply.sources) r.sources.push_back(s.passage_id);
}

void AccessLog::Write(const httplib::Request& req, const httplib::Response& res) const {
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - Current().start)
          .count();
  logger_->info(AccessLine(req.method, res.status, ms, Current()));
}

}  // namespace faqbot::server
