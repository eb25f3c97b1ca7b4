#include "server/access_log.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <spdlog/sinks/ostream_sink.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/crypto.h"

namespace faqbot::server {
namespace {

// The line as AccessLog::Write built it before it wrote text directly.
std::string TreeLine(const std::string& method, int status, double ms, const AccessRecord& r) {
  nlohmann::json j = {{"event", "access"},
                      {"method", method},
                      {"route", r.route.empty() ? "unmatched" : r.route},
                      {"status", status},
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
  return j.dump();
}

TEST(AccessLogTest, LineIsByteIdenticalToTheTreeDump) {
  AccessRecord bare;
  AccessRecord routed;
  routed.route = "healthz";
  AccessRecord replied;
  replied.route = "chat";
  replied.session_hash = "0123456789abcdef";
  replied.reply_type = "fallback";
  AccessRecord full = replied;
  full.reply_type = "crisis";
  full.intent = "treatment.radiotherapy";
  full.confidence = 0.87654321;
  full.rule = "self_harm";
  full.sources = {"doc-a#s-1", "doc-b#s-2", "d\"q\\"};
  AccessRecord certain = full;
  certain.confidence = 1;
  certain.sources.clear();
  for (const AccessRecord* r : {&bare, &routed, &replied, &full, &certain}) {
    for (double ms : {0.0, 0.0004, 0.0005, 1.0, 12.3456789, 1234.5}) {
      for (int status : {200, 404, 500}) {
        EXPECT_EQ(AccessLine("POST", status, ms, *r), TreeLine("POST", status, ms, *r));
      }
    }
  }
}

TEST(AccessLogTest, WritesOneLineWithAKeyedSessionHash) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  sink->set_pattern("%v");
  AccessLog log(std::make_shared<spdlog::logger>("access_test", sink), "the key");

  dialogue::Reply reply;
  reply.type = dialogue::ReplyType::kAnswer;
  reply.intent = dialogue::ScoredIntent{"a.b", 0.5};
  reply.sources.push_back({"T", "P", "https://x", "S", "d#s-1", "q"});
  AccessLog::Begin();
  AccessLog::Current().route = "chat";
  log.NoteReply("session-1", reply);
  httplib::Request req;
  req.method = "POST";
  httplib::Response res;
  res.status = 200;
  log.Write(req, res);

  std::string hash = crypto::HexEncode(crypto::HmacSha256("the key", "session-1")).substr(0, 16);
  EXPECT_EQ(AccessLog::Current().session_hash, hash);
  auto line = nlohmann::json::parse(out.str());
  EXPECT_EQ(line["session"], hash);
  EXPECT_EQ(line["intent"], "a.b");
  EXPECT_EQ(line["sources"], nlohmann::json::array({"d#s-1"}));
  EXPECT_EQ(out.str().find("session-1"), std::string::npos);
}

}  // namespace
}  // namespace faqbot::server
