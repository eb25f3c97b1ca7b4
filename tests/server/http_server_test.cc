// The real server in-process on a free port, spoken to by a real client.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/ostream_sink.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "safety/rule_safety_stage.h"
#include "server/api_error.h"
#include "server/chat_routes.h"
#include "tests/support/test_support.h"

namespace faqbot::server {
namespace {

using nlohmann::json;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(log_);
    auto logger = std::make_shared<spdlog::logger>("test", sink);
    engine_ = std::make_unique<dialogue::Engine>(
        dialogue::EngineOptions{},
        std::make_shared<safety::RuleSafetyStage>(safety::RegionContacts{}),
        std::make_shared<dialogue::SessionStore>(100, std::chrono::seconds(60)));
    engine_->SetKnowledge(faqbot::testing::SharedKnowledge());
    ServerConfig config;
    config.port = 0;
    config.max_body_bytes = 4096;
    config.max_message_chars = 200;
    server_ = std::make_unique<HttpServer>(config, logger);
    server_->Add(ChatRoutes(config, engine_.get(), &server_->access_log()));
    auto port = server_->Start();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", *port);
  }

  void TearDown() override { server_->Stop(); }

  httplib::Result Chat(const std::string& body, const std::string& type = "application/json") {
    return client_->Post("/v1/chat", body, type.c_str());
  }

  void ExpectError(const httplib::Result& res, int status, const std::string& code) {
    ASSERT_TRUE(res) << "no response";
    EXPECT_EQ(res->status, status);
    auto j = json::parse(res->body, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << res->body;
    EXPECT_EQ(j["error"]["code"], code) << res->body;
    EXPECT_TRUE(j["error"]["message"].is_string());
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    // ... and the server is still serving.
    auto again = Chat(R"({"session_id":"after","message":"hello"})");
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 200);
  }

  std::ostringstream log_;
  std::unique_ptr<dialogue::Engine> engine_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(HttpServerTest, AnswersWithSources) {
  auto res =
      Chat(R"({"session_id":"abc-123","message":"What are the symptoms of bone metastases?"})");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  auto j = json::parse(res->body);
  EXPECT_EQ(j["session_id"], "abc-123");
  EXPECT_EQ(j["type"], "answer");
  ASSERT_FALSE(j["sources"].empty());
  for (const auto& s : j["sources"]) {
    for (const char* k : {"title", "publisher", "url", "section", "passage_id", "quote"}) {
      EXPECT_TRUE(s[k].is_string() && !s[k].get<std::string>().empty()) << k;
    }
  }
  EXPECT_FALSE(j["disclaimer"].get<std::string>().empty());
  EXPECT_FALSE(j["referrals"].empty());
  EXPECT_EQ(j["corpus_version"], engine_->knowledge()->version);
}

TEST_F(HttpServerTest, HealthShowsTheVersion) {
  auto res = client_->Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  auto j = json::parse(res->body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["corpus_version"], engine_->knowledge()->version);
}

TEST_F(HttpServerTest, BadRequestsGetDocumentedErrors) {
  ExpectError(Chat("{not json"), 400, "invalid_json");
  ExpectError(Chat("\xff\xfe"), 400, "invalid_json");
  ExpectError(Chat(R"({"message":"hi"})"), 400, "missing_field");
  ExpectError(Chat(R"({"session_id":7,"message":"hi"})"), 400, "invalid_field");
  ExpectError(Chat(R"({"session_id":"a","message":" "})"), 400, "empty_message");
  ExpectError(Chat(R"({"session_id":"a","message":")" + std::string(201, 'x') + "\"}"), 400,
              "message_too_long");
  ExpectError(Chat(R"({"session_id":"a","message":"hi"})", "text/plain"), 415,
              "unsupported_media_type");
  ExpectError(Chat(std::string(5000, ' ')), 413, "payload_too_large");
  ExpectError(client_->Get("/nope"), 404, "not_found");
  ExpectError(client_->Get("/v1/chat"), 405, "method_not_allowed");
  ExpectError(client_->Delete("/healthz"), 405, "method_not_allowed");
}

TEST_F(HttpServerTest, ContentTypeMayCarryACharset) {
  auto res = Chat(R"({"session_id":"a","message":"hi"})", "application/json; charset=utf-8");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(HttpServerTest, ServesConcurrentClients) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      for (int i = 0; i < 10; ++i) {
        auto res = c.Post("/v1/chat",
                          R"({"session_id":"c)" + std::to_string(t) +
                              R"(","message":"how is bone cancer treated"})",
                          "application/json");
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 80);
}

TEST_F(HttpServerTest, LogsNeverHoldMessageText) {
  const std::string secret = "zebra-quince-4471 my private words";
  auto res = Chat(R"({"session_id":"priv","message":")" + secret + "\"}");
  ASSERT_TRUE(res);
  client_->Post("/v1/chat", "{\"message\":\"" + secret + "\"}", "application/json");
  server_->Stop();
  std::string logged = log_.str();
  EXPECT_NE(logged.find("\"route\":\"chat\""), std::string::npos) << logged;
  EXPECT_EQ(logged.find("zebra"), std::string::npos);
  EXPECT_EQ(logged.find("private"), std::string::npos);
  EXPECT_EQ(logged.find("\"priv\""), std::string::npos) << "session ids are hashed";
}

// Sends `head`, then after a pause `body`, then after another pause `next`
// (as a client does once it has its answer) on one connection, and returns
// everything the server sends back until it closes the connection.
std::string Exchange(int port, const std::string& head, const std::string& body,
                     const std::string& next) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) return "";
  timeval timeout{3, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  for (const std::string* part : {&head, &body, &next}) {
    ::send(fd, part->data(), part->size(), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof(buf), 0)) > 0;) got.append(buf, n);
  ::close(fd);
  return got;
}

// Middleware runs before the library reads a request's body. When it answers
// (401, 429), the body must still be consumed, not parsed as the next request
// on the connection -- else its bytes could smuggle in a request.
TEST(HttpServerMiddlewareTest, AnAnsweredRequestsBodyIsNeverTakenForTheNextRequest) {
  ServerConfig config;
  config.port = 0;
  HttpServer server(config, std::make_shared<spdlog::logger>(
                                "test", std::make_shared<spdlog::sinks::null_sink_mt>()));
  std::atomic<int> guarded_ran{0};
  server.Use([](const httplib::Request&, httplib::Response* res, const Route* route) {
    if (!route || route->name != "guarded") return false;
    WriteError({401, "unauthorized", "no"}, res);
    return true;
  });
  server.Add({"POST", "/guarded", "guarded",
              [&guarded_ran](const httplib::Request&, httplib::Response* res) {
                ++guarded_ran;
                res->set_content("guarded ran", "text/plain");
              }});
  for (const char* name : {"smuggled", "next"}) {
    server.Add({"GET", std::string("/") + name, name,
                [name](const httplib::Request&, httplib::Response* res) {
                  res->set_content(std::string("served ") + name, "text/plain");
                }});
  }
  auto port = server.Start();
  ASSERT_TRUE(port.ok());
  std::string smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
  std::string head =
      "POST /guarded HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "Content-Length: " +
      std::to_string(smuggled.size()) + "\r\n\r\n";
  std::string next = "GET /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string got = Exchange(*port, head, smuggled, next);
  server.Stop();
  EXPECT_EQ(got.rfind("HTTP/1.1 401", 0), 0u) << got;
  EXPECT_NE(got.find("served next"), std::string::npos) << "the connection stays usable:\n" << got;
  EXPECT_EQ(got.find("served smuggled"), std::string::npos) << "the body was served:\n" << got;
  EXPECT_EQ(guarded_ran.load(), 0) << "the handler stands aside";
}

}  // namespace
}  // namespace faqbot::server
