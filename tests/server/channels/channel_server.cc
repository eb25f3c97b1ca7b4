// @brief The in-process server and shared vectors for channel tests.
#include "tests/server/channels/channel_server.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include "safety/rule_safety_stage.h"
#include "server/auth_middleware.h"
#include "server/chat_routes.h"
#include "server/cors_middleware.h"
#include "server/openapi_routes.h"
#include "tests/support/test_support.h"

namespace faqbot::server::testing {

ServerConfig TestConfig() {
  ServerConfig config;
  config.port = 0;
  config.max_message_chars = 300;
  config.log_hash_key = "test-log-key";
  return config;
}

ChannelServer::ChannelServer(ServerConfig config, channels::ChannelOptions options, bool loaded,
                             std::vector<Route> extra) {
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_);
  auto logger = std::make_shared<spdlog::logger>("test", sink);
  sessions_ = std::make_shared<dialogue::SessionStore>(1000, std::chrono::seconds(600));
  engine_ = std::make_unique<dialogue::Engine>(
      dialogue::EngineOptions{},
      std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}), sessions_);
  if (loaded) engine_->SetKnowledge(faqbot::testing::SharedKnowledge());
  server_ = std::make_unique<HttpServer>(config, logger);
  server_->Use(CorsMiddleware(config.cors_origins));
  server_->Use(AuthMiddleware(config));
  server_->Add(ChatRoutes(config, engine_.get(), &server_->access_log()));
  auto deps = channels::MakeChannelDeps(config, engine_.get(), &server_->access_log());
  server_->Add(channels::ChannelRoutes(config, deps, std::move(options)));
  server_->Add(OpenApiRoutes());
  server_->Add(std::move(extra));
  auto port = server_->Start();
  EXPECT_TRUE(port.ok()) << port.status().ToString();
  client_ = std::make_unique<httplib::Client>("127.0.0.1", port.ok() ? *port : 1);
}

ChannelServer::~ChannelServer() { server_->Stop(); }

dialogue::Reply ChannelServer::Reference(const std::string& message) {
  return engine_->Respond("reference-" + std::to_string(++references_), message);
}

std::string FormEncode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof(buf), "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::vector<std::string> ReplyPieces(const dialogue::Reply& r) {
  std::vector<std::string> pieces;
  auto add = [&pieces](const std::string& s) {
    if (!s.empty()) pieces.push_back(s);
  };
  size_t start = 0;
  while (start < r.text.size()) {
    size_t end = std::min(r.text.find("\n\n", start), r.text.size());
    add(r.text.substr(start, end - start));
    start = end + 2;
  }
  if (r.safety) {
    for (const auto& c : r.safety->contacts) {
      for (const auto* s : {&c.name, &c.phone, &c.url, &c.note}) add(*s);
    }
  }
  for (const auto& s : r.sources) {
    add(s.title);
    add(s.url);
  }
  add(r.disclaimer);
  for (const auto& ref : r.referrals) {
    add(ref.name);
    add(ref.url);
  }
  return pieces;
}

std::vector<std::string> VariedMessages() {
  return {"What are the symptoms of bone metastases?", "what about treatment",
          "I want to end my life", "hello", "should I stop chemo"};
}

void ExpectVariedReplies(ChannelServer* server) {
  bool sources = false, referrals = false, suggestions = false, contacts = false;
  for (const auto& m : VariedMessages()) {
    dialogue::Reply r = server->Reference(m);
    sources |= !r.sources.empty() && !r.disclaimer.empty();
    referrals |= !r.referrals.empty();
    suggestions |= !r.suggestions.empty();
    contacts |= r.safety && !r.safety->contacts.empty();
  }
  EXPECT_TRUE(sources && referrals && suggestions && contacts)
      << "the test messages no longer cover every part of the reply model";
}

dialogue::Reply FullReply(dialogue::ReplyType type) {
  dialogue::Reply r;
  r.session_id = "full";
  r.type = type;
  r.text = "Lead-in <line> & \"quotes\".\n\nSecond paragraph: it's here.\n- Option one?";
  r.intent = dialogue::ScoredIntent{"bone_mets.symptoms", 0.9};
  r.sources = {{"Bone metastasis", "SSO Hospitals", "https://example.org/bm?a=1&b=2", "Symptoms",
                "bm#1", "quote one"},
               {"Bone metastasis", "SSO Hospitals", "https://example.org/bm?a=1&b=2", "Treatment",
                "bm#2", "quote two"}};
  r.disclaimer = "This is general information, not medical advice.";
  r.referrals = {{"American Cancer Society", "https://www.cancer.org", "support"},
                 {"Bone Cancer Research Trust", "https://www.bcrt.org.uk", "support"}};
  r.suggestions = {"Option one?", "How are bone metastases treated?"};
  r.safety = dialogue::SafetyInfo{
      "mscc",
      {{"Emergency services", "999", "", "call now"},
       {"Acute oncology helpline", "0800 000 000", "https://example.org/help", "24 hours"},
       {"Your care team", "", "", "ask for the acute oncology team"}}};
  r.corpus_version = "test";
  return r;
}

std::vector<dialogue::ReplyType> RenderedTypes() {
  using T = dialogue::ReplyType;
  return {T::kAnswer, T::kClarify, T::kEmergency, T::kCrisis};
}

void ExpectCarries(const std::string& rendered, const dialogue::Reply& reply) {
  for (const auto& piece : ReplyPieces(reply)) {
    EXPECT_NE(rendered.find(piece), std::string::npos) << "missing: " << piece;
  }
}

}  // namespace faqbot::server::testing
